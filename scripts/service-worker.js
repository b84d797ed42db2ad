// Post-build step: writes DIR/sw.js, the service worker that keeps zeren usable offline after
// the first visit, from the finished folder's hashed file list.
//   node scripts/service-worker.js DIR
//
// How it stays consistent (an old index.html never meets new files, nor a new one old):
//   - the app's files (index.html, the hashed .js/.wasm/.css/icon) are cached together in one
//     cache named by a fingerprint of that list, when the worker installs;
//   - the page itself (a navigation to the app's address) comes from this worker's own cache,
//     with no round trip to the server (a repeat visit on a slow intranet starts at once), and
//     with the files it was cached with; the server is asked only when nothing is cached. A
//     new release is found by the page's registration.update() at each visit, which installs
//     the next worker beside this one;
//   - the tools module (tools/: the checklist editor and 汇总) is cached with them, so that
//     its pages open offline too, though the first screen never loads it;
//   - a preset file (presets/NAME-HASH.json) is cached the first time a report uses it, and
//     the legacy build's files (legacy/) the first time an older browser loads them;
//   - a new worker waits until the page asks it to take over (the user pressed 刷新 on the
//     新版本可用 banner); only then are the old caches deleted.
// Browsers give service workers only to secure contexts (https, or http on localhost): on a
// plain-http intranet address nothing is registered and the page works as it always did.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('[service-worker] usage: node scripts/service-worker.js DIR (a built folder with index.html)');
  process.exit(2);
}

// The shell: every file at the top of the folder that index.html needs (not the offline
// single file, not the worker itself, not IIS's settings).
const shell = fs.readdirSync(dir)
  .filter((f) => fs.statSync(path.join(dir, f)).isFile())
  .filter((f) => !['sw.js', 'zeren.html', 'web.config'].includes(f))
  .concat(fs.existsSync(path.join(dir, 'tools')) ? fs.readdirSync(path.join(dir, 'tools')).map((f) => `tools/${f}`) : [])
  .filter((f) => !/\.(gz|br)$/.test(f)) // scripts/compress.js's copies, for servers only
  .sort();
for (const needed of ['index.html']) {
  if (!shell.includes(needed)) { console.error(`[service-worker] ${needed} missing in ${dir}`); process.exit(1); }
}
const hash = crypto.createHash('sha256');
for (const f of shell) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

const worker = `// zeren's service worker, written at build time by scripts/service-worker.js. Do not edit.
'use strict';
const VERSION = ${JSON.stringify(version)};
const CACHE = 'zeren-' + VERSION;
const SHELL = ${JSON.stringify(shell.map((f) => './' + f))};
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('zeren-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page asks a waiting worker to take over when the user chose 刷新.
self.addEventListener('message', (event) => {
  if (event.data === 'zeren-take-over') self.skipWaiting();
});

function fromServer(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ms);
    fetch(request).then((r) => { clearTimeout(timer); resolve(r); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // Only the app's own address (the folder or index.html, with any query): zeren.html and
    // anything else is a file of its own.
    const rest = url.pathname.slice(new URL(self.registration.scope).pathname.length);
    if (rest !== '' && rest !== 'index.html') return;
    // This release's page from this worker's own cache (not a newer worker's, waiting beside
    // it: that one is used only after 刷新); the server when nothing is cached.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(INDEX)).then((hit) => hit || fromServer(request, 4000)
      .catch(() => Response.error())));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok && (url.pathname.includes('/presets/') || url.pathname.includes('/legacy/'))) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  })));
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), worker);
console.log(`[service-worker] sw.js: ${shell.length} files cached together (version ${version})`);
