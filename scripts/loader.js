// Post-build step, after scripts/module.sh: replaces Trunk's start-up script in
// DIR/index.html (a module with top-level await, which Chromium before 89 cannot parse) with
// one plain script that picks, at run time, the module and the build:
//   - the module from the address: the tools pages (问题与打算 to 生成报告, the checklist
//     editor, 汇总; DIR/tools/) or the walk-through (Trunk's build), so the first screen never
//     waits for the tools;
//   - the build: the modern one where WebAssembly reference types validate (Chromium 96 and
//     later), the legacy one (DIR/legacy/) otherwise. A modern browser fetches only modern
//     files, a legacy one only legacy files: Trunk's preload links, which name the modern
//     walk-through, are taken out, and the script asks for the wasm it chose at once.
// A little after the walk-through has started, the tools module's files are fetched into the
// cache, so its first page does not wait for the network. The same script sets the page's
// content security policy, once every inline script has run and before anything loads, so
// no inline script needs to be allowed by the policy.
//   node scripts/loader.js DIR
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const indexPath = dir && path.join(dir, 'index.html');
if (!indexPath || !fs.existsSync(indexPath)) {
  console.error('[loader] usage: node scripts/loader.js DIR (a built folder with index.html)');
  process.exit(2);
}
const fail = (what) => { console.error(`[loader] ${what}`); process.exit(1); };
let html = fs.readFileSync(indexPath, 'utf8');

const trunk = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (trunk.length !== 1) fail(`expected Trunk's one start-up script in ${indexPath}, found ${trunk.length}`);
const js = trunk[0][1].match(/from '(\.\/[^']+\.js)'/);
const wasm = trunk[0][1].match(/module_or_path: '(\.\/[^']+\.wasm)'/);
if (!js || !wasm) fail("Trunk's start-up script has changed: no module or wasm path in it");

// The tools module's addresses: the route table's Part::Tools lines (src/route.rs,
// TOOLS_PATHS; a test there keeps this in step).
const TOOLS = /^#\/(r\/[^\/?]+\/problems|r\/[^\/?]+\/check|r\/[^\/?]+\/output|proof|c\/|rollup|backup)/;
// The other three builds, from the folders scripts/module.sh writes: { js, wasm } paths.
function built(folder, name) {
  const all = fs.existsSync(path.join(dir, folder)) ? fs.readdirSync(path.join(dir, folder)) : [];
  const esc = name.replace(/-/g, '\\-');
  const j = all.find((f) => new RegExp(`^${esc}-[0-9a-f]{16}\\.js$`).test(f));
  const w = all.find((f) => new RegExp(`^${esc}-[0-9a-f]{16}_bg\\.wasm$`).test(f));
  if (!j || !w) fail(`no ${name} build in ${path.join(dir, folder)} (scripts/module.sh makes it)`);
  return { js: `./${folder}/${j}`, wasm: `./${folder}/${w}` };
}
// --modern-only (a measuring build, never shipped): the legacy paths point at the modern files.
const modernOnly = process.argv.includes('--modern-only');
const builds = {
  main: { modern: { js: js[1], wasm: wasm[1] } },
  tools: { modern: built('tools', 'zeren-tools') },
};
builds.main.legacy = modernOnly ? builds.main.modern : built('legacy', 'zeren-legacy');
builds.tools.legacy = modernOnly ? builds.tools.modern : built('legacy', 'zeren-tools-legacy');

// How long after the walk-through has started the tools module's files are fetched.
const PREFETCH_AFTER_MS = 3000;

// The policy the page runs under; WASM becomes the keyword for WebAssembly the browser knows.
// In a meta element a policy cannot say frame-ancestors, report-uri or sandbox; a server can
// add those as a header.
const CSP = [
  "default-src 'none'",
  "script-src 'self' WASM",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// ES5 apart from import(), so any browser parses it; the start-up check below the boot
// message (index.html) turns a failure into the message for the user.
//
// Two scripts. The first, in <head> before the style sheet (a script after a style sheet
// waits for it), chooses the module and the build and asks for their files at once, as
// Trunk's preload links did, but only for what this browser and address use. The second,
// at the end of <body> after the page's own checks, sets the policy and starts the app.
const choose = `<script id="zeren-choose">
  // Chooses the module from the address: the tools module for its pages (the route table's
  // Part::Tools), the walk-through otherwise; and the build: the modern one where
  // WebAssembly reference types are there (Chromium 96 and later, current Firefox and
  // Safari), the legacy one otherwise; then asks for its script and wasm. Written at build
  // time by scripts/loader.js. window.zerenForceLegacy (tests only) takes the legacy path.
  (function () {
    if (typeof WebAssembly !== 'object') return;
    var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11]);
    var modern = !window.zerenForceLegacy && WebAssembly.validate(probe);
    var tools = ${TOOLS}.test(location.hash);
    var builds = ${JSON.stringify(builds)};
    var files = builds[tools ? 'tools' : 'main'][modern ? 'modern' : 'legacy'];
    window.zerenBuild = modern ? 'modern' : 'legacy';
    window.zerenModule = tools ? 'tools' : 'main';
    window.zerenChosen = { files: files, later: tools ? null : builds.tools[window.zerenBuild] };
    function ask(rel, href, wasm) {
      var link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      link.crossOrigin = 'anonymous';
      if (wasm) {
        link.as = 'fetch';
        link.type = 'application/wasm';
      }
      document.head.appendChild(link);
    }
    ask('modulepreload', files.js, false);
    ask('preload', files.wasm, true);
  })();
</script>
`;
const loader = `<script id="zeren-start">
  // Starts the module and build chosen in <head> (zeren-choose), unless the page's checks
  // above stopped it.
  (function () {
    var chosen = window.zerenChosen;
    if (!chosen || window.zerenStop) return;
    var files = chosen.files;
    // The content security policy, set before anything is loaded: scripts and styles only
    // from this site, no eval, no plugins, nothing fetched from elsewhere. WebAssembly needs
    // 'wasm-unsafe-eval' (Chromium 97 and later: those have Array.prototype.findLast);
    // older browsers allow it only under 'unsafe-eval', their one way to run the app.
    var wasmEval = typeof [].findLast === 'function' ? "'wasm-unsafe-eval'" : "'unsafe-eval'";
    var csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = ${JSON.stringify(CSP)}.replace('WASM', wasmEval);
    document.head.appendChild(csp);
    if (chosen.later && window.fetch) {
      // The tools module's files are fetched into the browser's cache a little after the
      // first screen is up, so its first page does not wait for the network (where a
      // service worker runs, it has them already). A failure changes nothing.
      addEventListener('TrunkApplicationStarted', function () {
        setTimeout(function () {
          var ignore = function () {};
          fetch(chosen.later.js).then(ignore, ignore);
          fetch(chosen.later.wasm).then(ignore, ignore);
        }, ${PREFETCH_AFTER_MS});
      });
    }
    import(files.js).then(function (bindings) {
      return bindings.default({ module_or_path: files.wasm }).then(function (wasm) {
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasm } }));
      });
    });
  })();
</script>
`;
html = html.replace(trunk[0][0], '');
// Trunk's preload links name the modern walk-through's files: a legacy browser, or an address
// of the tools module, would fetch them for nothing. The start-up script asks for its own.
const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*>\n?/g)];
if (preloads.length !== 2) fail(`expected Trunk's two preload links in ${indexPath}, found ${preloads.length}`);
for (const p of preloads) html = html.replace(p[0], '');
if (!html.includes('</body>')) fail('index.html has no </body>');
const firstLink = html.indexOf('<link rel="icon"');
if (firstLink < 0 || firstLink > html.indexOf('<link rel="stylesheet"')) fail('index.html has no icon link before its style sheet');
html = html.slice(0, firstLink) + choose + html.slice(firstLink);
html = html.replace('</body>', () => `${loader}</body>`);
fs.writeFileSync(indexPath, html);
console.log(`[loader] index.html starts ${js[1]} or, for the tools pages, ${builds.tools.modern.js}` +
  (modernOnly ? ' (modern only)' : '; without reference types, their legacy builds'));
