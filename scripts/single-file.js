// Post-build step: writes DIR/zeren.html, the whole app in one file that opens by double-click
// (file://, no server): the style sheet, the icon, the JavaScript (imported from a data: URL,
// since a page opened from a file may not load module files beside it), the wasm (base64,
// compiled asynchronously, which every browser allows for a module this size) and the preset
// files (as window.zerenFiles, which src/browser/fetch.rs reads before asking a server).
//   node scripts/single-file.js DIR
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const indexPath = dir && path.join(dir, 'index.html');
if (!indexPath || !fs.existsSync(indexPath)) {
  console.error('[single-file] usage: node scripts/single-file.js DIR (a built folder with index.html)');
  process.exit(2);
}
let html = fs.readFileSync(indexPath, 'utf8');
const read = (name) => fs.readFileSync(path.join(dir, name));
const fail = (what) => { console.error(`[single-file] ${what} not found in ${indexPath}`); process.exit(1); };

// One match of a pattern, or stop: a changed Trunk output must not give a broken file quietly.
function one(pattern, what) {
  const all = [...html.matchAll(pattern)];
  if (all.length !== 1) fail(`${what} (found ${all.length})`);
  return all[0];
}
// Text safe inside <script>…</script> and <style>…</style>.
const scriptSafe = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const css = one(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, 'the style sheet');
html = html.replace(css[0], () => `<style>${scriptSafe(read(css[1]).toString('utf8'))}</style>`);

const icon = one(/<link rel="icon" href="\.\/([^"]+\.svg)"[^>]*>/g, 'the icon');
html = html.replace(icon[0], () => `<link rel="icon" href="data:image/svg+xml;base64,${read(icon[1]).toString('base64')}">`);

// Opened from a file is this file's normal case: a failure here means an old browser, so the
// start-up check shows the general message, not index.html's "open zeren.html instead".
const fileCase = "location.protocol === 'file:' ? 'boot-file' : 'boot-failed'";
one(new RegExp(fileCase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), 'the start-up check');
html = html.replace(fileCase, () => "'boot-failed'");

// Preloads point at files that are not there any more.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');

const start = one(/<script type="module">([\s\S]*?)<\/script>/g, 'the start-up script');
const js = one(/import init, \* as bindings from '\.\/([^']+\.js)';/g, 'the module import')[1];
const wasm = one(/init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\)/g, 'the wasm path')[1];

const files = {};
const presets = path.join(dir, 'presets');
if (fs.existsSync(presets)) {
  for (const f of fs.readdirSync(presets).sort()) files[`presets/${f}`] = fs.readFileSync(path.join(presets, f), 'utf8');
}
// JSON inside a script element: "<" written as \u003c so no text can close the element.
const filesJson = JSON.stringify(files).replace(/</g, '\\u003c');

const startup = `<script id="zeren-files" type="application/json">${filesJson}</script>
<script id="zeren-wasm" type="application/octet-stream">${read(wasm).toString('base64')}</script>
<script type="module">
import init, * as bindings from 'data:text/javascript;base64,${read(js).toString('base64')}';
window.zerenFiles = JSON.parse(document.getElementById('zeren-files').textContent);
const bytes = Uint8Array.from(atob(document.getElementById('zeren-wasm').textContent), (c) => c.charCodeAt(0));
const wasm = await init({ module_or_path: bytes });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
html = html.replace(start[0], () => startup);

// Nothing may still point at a file beside it.
const left = html.match(/(href|src)="\.\/[^"]+"/);
if (left) fail(`every outside file inlined; still: ${left[0]}`);
fs.writeFileSync(path.join(dir, 'zeren.html'), html);
const kb = (fs.statSync(path.join(dir, 'zeren.html')).size / 1024).toFixed(0);
console.log(`[single-file] zeren.html: ${kb} KiB (${Object.keys(files).length} preset files inside)`);
