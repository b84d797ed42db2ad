// The static server the benchmark loads pages from, answering as deploy/nginx.conf does:
//   - the build's .gz copy of a file when the browser accepts gzip (nginx `gzip_static on`);
//     a text file with no copy (the floor page) is gzipped as it is sent (`gzip on`);
//   - Cache-Control as the recipe sets it: `no-cache` for index.html, sw.js and zeren.html,
//     a year and `immutable` for fingerprinted names; Last-Modified and ETag, 304 when
//     unchanged, so a repeat visit meets the HTTP cache as it would on that server.
// With `plain: true` it sends every file as it is, as `python3 -m http.server` does (how the
// benchmark measured before 2026-12-02), for comparison.
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xlsx': 'application/octet-stream',
};
const COMPRESSIBLE = /\.(html|js|wasm|css|svg|json)$/;
const NO_CACHE = /(^|\/)(index\.html|sw\.js|zeren\.html)$/;
const FINGERPRINTED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg|json)$/;

function serve(dir, { plain = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const stat = fs.statSync(file);
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Last-Modified': stat.mtime.toUTCString() };
    const etag = `"${stat.mtimeMs.toString(16)}-${stat.size.toString(16)}"`;
    if (!plain) {
      headers.ETag = etag;
      if (NO_CACHE.test(rel)) headers['Cache-Control'] = 'no-cache';
      else if (FINGERPRINTED.test(rel)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      headers.Vary = 'Accept-Encoding';
    }
    const fresh = plain
      ? req.headers['if-modified-since'] === headers['Last-Modified']
      : req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === headers['Last-Modified'];
    if (fresh) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let body = fs.readFileSync(file);
    if (!plain && COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = fs.existsSync(`${file}.gz`) ? fs.readFileSync(`${file}.gz`) : zlib.gzipSync(body, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, close: () => server.close() }));
  });
}

module.exports = { serve };
