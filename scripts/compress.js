// Post-build step, the last one: a gzip (-9) and a brotli (quality 11) copy beside each text
// or wasm file in DIR, so a static server sends them without compressing at each request
// (nginx: gzip_static, and brotli_static with the brotli module; see deploy/nginx.conf). A
// server that does not look for them ignores them; the app never asks for them by name.
//   node scripts/compress.js DIR
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('[compress] usage: node scripts/compress.js DIR (a built folder with index.html)');
  process.exit(2);
}
const kinds = /\.(html|js|wasm|css|svg|json)$/;
const files = [];
(function walk(d) {
  for (const f of fs.readdirSync(d)) {
    const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) walk(p);
    else if (kinds.test(f)) files.push(p);
  }
})(dir);
let raw = 0, gz = 0, br = 0;
for (const p of files) {
  const buf = fs.readFileSync(p);
  const g = zlib.gzipSync(buf, { level: 9 });
  const b = zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  });
  // Same modification time as the file, which nginx's gzip_static needs for its headers.
  const { mtime } = fs.statSync(p);
  fs.writeFileSync(`${p}.gz`, g);
  fs.writeFileSync(`${p}.br`, b);
  fs.utimesSync(`${p}.gz`, mtime, mtime);
  fs.utimesSync(`${p}.br`, mtime, mtime);
  raw += buf.length; gz += g.length; br += b.length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`[compress] ${files.length} files: ${kb(raw)} raw, ${kb(gz)} as .gz, ${kb(br)} as .br`);
