// Post-build step, after scripts/loader.js: writes DIR/zeren.html, the whole app in one file
// that opens by double-click (file://, no server): the style sheet, the icon, both modules'
// (the walk-through and the tools) both builds' JavaScript (imported from data: URLs, since a
// page opened from a file may not load module files beside it) and wasm (base64, compiled
// asynchronously, which every browser allows for a module this size), chosen as index.html
// chooses, and the preset files (as window.zerenFiles, which src/browser/fetch.rs reads
// before asking a server).
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

// Opened from a file is this file's normal case: without index.html's "open zeren.html
// instead" message, a failure here shows the message for its real cause.
const fileNote = one(/\s*<p id="boot-file"[^>]*>[^<]*<\/p>/g, "index.html's message for a file");
html = html.replace(fileNote[0], '');

// Preloads point at files that are not there any more.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');

// The start-up scripts scripts/loader.js wrote: the choice in <head> (with each module's
// builds' files, by path), which asks for files that are not here, so it goes; and the start
// at the end, replaced below.
const choose = one(/<script id="zeren-choose">([\s\S]*?)<\/script>\n?/g, 'the choice of build (scripts/loader.js)');
html = html.replace(choose[0], '');
const start = one(/<script id="zeren-start">([\s\S]*?)<\/script>/g, 'the start-up script (scripts/loader.js)');
const buildsJson = choose[1].match(/var builds = (\{.*\});/);
if (!buildsJson) fail('the builds in the start-up script');
const builds = JSON.parse(buildsJson[1]);
// The tools module's addresses, as in scripts/loader.js (src/route.rs TOOLS_PATHS).
const TOOLS = /^#\/(r\/[^\/?]+\/problems|r\/[^\/?]+\/check|r\/[^\/?]+\/output|proof|c\/|rollup|backup)/;
// Files the app fetches when first needed: the presets, and the proof-reader's rules.
const files = {};
const presets = path.join(dir, 'presets');
if (fs.existsSync(presets)) {
  for (const f of fs.readdirSync(presets).sort()) files[`presets/${f}`] = fs.readFileSync(path.join(presets, f), 'utf8');
}
for (const f of fs.readdirSync(dir).filter((n) => /^proof-[0-9a-f]+\.json$/.test(n))) {
  files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
}
// JSON inside a script element: "<" written as \u003c so no text can close the element.
const filesJson = JSON.stringify(files).replace(/</g, '\\u003c');
const dataJs = (f) => `data:text/javascript;base64,${read(f).toString('base64')}`;
// Each wasm once (a --modern-only build points the legacy paths at the modern files).
const wasmIds = {};
let blobs = '';
const scripts = {};
for (const part of ['main', 'tools']) {
  scripts[part] = {};
  for (const kind of ['modern', 'legacy']) {
    const b = builds[part][kind];
    if (!b) fail(`the ${part} module's ${kind} build in the start-up script`);
    if (!wasmIds[b.wasm]) {
      wasmIds[b.wasm] = `zeren-wasm-${Object.keys(wasmIds).length}`;
      blobs += `<script id="${wasmIds[b.wasm]}" type="application/octet-stream">${read(b.wasm).toString('base64')}</script>\n`;
    }
    scripts[part][kind] = { js: dataJs(b.js), wasm: wasmIds[b.wasm] };
  }
}
// The same choice as index.html's, with everything carried inside (base64 for the wasm).
const startup = `<script id="zeren-files" type="application/json">${filesJson}</script>
${blobs}<script id="zeren-start">
  (function () {
    if (typeof WebAssembly !== 'object' || window.zerenStop) return;
    var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11]);
    var modern = !window.zerenForceLegacy && WebAssembly.validate(probe);
    var tools = ${TOOLS}.test(location.hash);
    var scripts = ${JSON.stringify(scripts)};
    var chosen = scripts[tools ? 'tools' : 'main'][modern ? 'modern' : 'legacy'];
    window.zerenBuild = modern ? 'modern' : 'legacy';
    window.zerenModule = tools ? 'tools' : 'main';
    window.zerenFiles = JSON.parse(document.getElementById('zeren-files').textContent);
    var text = atob(document.getElementById(chosen.wasm).textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    import(chosen.js).then(function (bindings) {
      return bindings.default({ module_or_path: bytes }).then(function (wasm) {
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasm } }));
      });
    });
  })();
</script>`;
html = html.replace(start[0], () => startup);

// Nothing may still point at a file beside it.
const left = html.match(/(href|src)="\.\/[^"]+"/);
if (left) fail(`every outside file inlined; still: ${left[0]}`);
fs.writeFileSync(path.join(dir, 'zeren.html'), html);
const kb = (fs.statSync(path.join(dir, 'zeren.html')).size / 1024).toFixed(0);
console.log(`[single-file] zeren.html: ${kb} KiB (${Object.keys(files).length} fetched files inside)`);
