// zeren's performance benchmark: prints ONE markdown table (also written to
// target/bench/latest.md) of first-load sizes, cold load against a static floor page,
// typing latency, storage writes and the generator's native criterion median, each next to
// its budget. Figures are reported, never asserted: this exits 0 whenever it printed.
//
//   node bench/bench.js [--runs N] [--keys N] [--saves N] [--no-cargo]
//
// Normally run through ./bench.sh, which installs what is missing and builds dist/ first.
// Needs dist/ (release build), python3 (3.11+, for tomllib and the static server), Debian's
// /usr/bin/chromium (or $CHROMIUM) and @playwright/test from node_modules.

const { chromium } = require('@playwright/test');
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { floorHtml } = require('./floor');
const seed = require('./seed');
const { serve } = require('./server');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
// The app built with the 60-item checklist (bench.sh builds it) and that checklist.
const DIST60 = path.join(ROOT, 'target', 'bench', 'dist-60');
const TEMPLATE60 = path.join(ROOT, 'target', 'bench', 'template-60.json');
const OUT = path.join(ROOT, 'target', 'bench');
const WWW = path.join(OUT, 'www');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const opts = {
  runs: arg('--runs', 30), // measured cold loads of each page (plus 1 warm-up pair, discarded)
  useRuns: arg('--use-runs', 10), // first use of each page outside the first load, plain and throttled
  slowRuns: arg('--slow-runs', 20), // the same, throttled (4× CPU, 10 Mbit/s, 40 ms), and repeat visits
  keys: arg('--keys', 200), // measured keystrokes per typing case (plus 10 warm-up keys)
  saves: arg('--saves', 200), // setItem calls per save case
  cargo: !process.argv.includes('--no-cargo'),
  // Only the sizes and the three load measures (for comparing one change quickly).
  loadsOnly: process.argv.includes('--loads-only'),
  // Only the sizes and the 汇总 case.
  rollupOnly: process.argv.includes('--rollup-only'),
  plainServer: process.argv.includes('--plain-server'), // every file as it is, as python's http.server sends it
};
const WARM_KEYS = 10;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 900 };

const BUDGET = {
  gzipBytes: 250_000, // first load, gzip -9 total; 1 KB = 1000 bytes (the stricter reading)
  coldRatio: 2.5, // zeren median / floor median, unthrottled and throttled alike
  repeatRatio: 1.5, // a repeat visit (files cached), zeren median / floor median
  typingP95: 16, // ms
  saveP95: 5, // ms
  // The generator has no line any more (140 µs is invisible to users): it is reported only.
  proofUs: 2000, // µs, criterion median of checking a whole 60-item report
};

// ---------------------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Nearest-rank percentile of an unsorted list. */
function pct(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
// performance.now() moves in 0.1 ms steps here: a zero means below one step.
const ms = (x, d = 1) => (!Number.isFinite(x) ? 'n/a' : x === 0 ? '< 0.1 ms' : `${x.toFixed(d)} ms`);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'met' : '**missed**');
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

function sh(cmd, args, options = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], ...options }).trim();
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------- a. sizes

/** The files the first load of dist/index.html fetches, as named in it (deduplicated). */
function firstLoadFiles() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = new Set();
  const patterns = [/\b(?:href|src)="([^"]+)"/g, /\bfrom\s+'([^']+)'/g, /\bmodule_or_path:\s*'([^']+)'/g];
  for (const re of patterns) for (const m of html.matchAll(re)) refs.add(m[1]);
  // The start-up script (scripts/loader.js) names the builds it chooses from; a modern
  // browser at the task list's address takes the walk-through's modern files.
  const builds = html.match(/var builds = (\{.*?\});/);
  if (builds) {
    const main = JSON.parse(builds[1]).main.modern;
    refs.add(main.js);
    refs.add(main.wasm);
  }
  const files = ['index.html'];
  for (const r of refs) {
    if (/^(?:[a-z]+:|\/\/|#)/i.test(r)) continue; // absolute or in-page: not one of ours
    const rel = path.posix.normalize(r.replace(/^\.\//, '').split(/[?#]/)[0]);
    if (!files.includes(rel)) files.push(rel);
  }
  if (!files.some((f) => f.endsWith('.wasm'))) throw new Error('no wasm among the files index.html names: the start-up script has changed');
  return files.map((name) => {
    const buf = fs.readFileSync(path.join(DIST, name));
    const gzip = zlib.gzipSync(buf, { level: 9 }).length;
    const br = zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length;
    return { name, raw: buf.length, gzip, br };
  });
}

/** What is built but not in a modern browser's first load: the legacy build, zeren.html,
 * and what is fetched when first needed. */
function otherFiles() {
  const size = (rel) => {
    const buf = fs.readFileSync(path.join(DIST, rel));
    return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  };
  const sum = (rels) => rels.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const out = [];
  // The pre-compressed copies (.gz, .br) beside each file are not counted again.
  const list = (dir) => (fs.existsSync(path.join(DIST, dir))
    ? fs.readdirSync(path.join(DIST, dir)).filter((f) => !/\.(gz|br)$/.test(f)).map((f) => `${dir}/${f}`) : []);
  const tools = list('tools');
  if (tools.length) out.push({ measure: 'Tools module (问题与打算, 核对, 生成报告, 导入备份文件, 校对, 我的清单, 汇总, and the walk-through\'s pages again), loaded when one of its pages is opened: tools/*.js + *.wasm', ...sum(tools) });
  const legacy = list('legacy');
  if (legacy.length) out.push({ measure: 'Legacy build of both modules (Chromium 80–95 only): legacy/*.js + *.wasm', ...sum(legacy) });
  if (fs.existsSync(path.join(DIST, 'zeren.html'))) out.push({ measure: 'Offline single file zeren.html (both modules, both builds, presets, rules)', ...size('zeren.html') });
  const presets = list('presets');
  if (presets.length) out.push({ measure: `Presets, fetched when a report uses one (${presets.length} files, all together)`, ...sum(presets) });
  const rules = fs.readdirSync(DIST).filter((f) => /^proof-[0-9a-f]+\.json$/.test(f));
  if (rules.length) out.push({ measure: 'Proof-reader rules, fetched when 核对 or 校对 first needs them', ...sum(rules) });
  return out;
}

// ---------------------------------------------------------------------------- server

// ---------------------------------------------------------------------------- b. cold load

/** Records performance.now() (ms since navigation start) when .task-list first exists. */
const TASK_LIST_OBSERVER = `(() => {
  const mark = () => {
    if (window.__taskList === undefined && document.querySelector('.task-list')) {
      window.__taskList = performance.now();
      mo.disconnect();
    }
  };
  const mo = new MutationObserver(mark);
  mo.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', mark);
})();`;

/** The slow office PC on a slow intranet, as DevTools emulates it: 4× CPU, 10 Mbit/s, 40 ms. */
const SLOW = { cpuRate: 4, latency: 40, bytesPerSecond: 10_000_000 / 8 };

async function throttle(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: SLOW.latency, downloadThroughput: SLOW.bytesPerSecond, uploadThroughput: SLOW.bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpuRate });
}

/** Time to the task list of one navigation, in a page whose observer script is installed. */
async function timeToTaskList(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__taskList !== undefined, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => ({
    t: window.__taskList,
    lead: document.querySelector('.lead')?.textContent || '',
    seedError: window.__seedError || null,
  }));
}

/** A cold load: a new context (empty cache and storage); with `repeat`, the same page is
 * loaded first, then once more (a new navigation, files from the HTTP cache or the service
 * worker), and the second load is timed. */
async function coldOnce(browser, url, seedScript, errors, { slow = false, repeat = false } = {}) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    if (seedScript) await ctx.addInitScript(seedScript);
    await ctx.addInitScript(TASK_LIST_OBSERVER);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${url}: console: ${m.text()}`); });
    if (slow) await throttle(ctx, page);
    if (!repeat) return await timeToTaskList(page, url);
    await timeToTaskList(page, url);
    // Let the service worker (where there is one) finish caching, as between two real visits.
    await page.evaluate(() => (navigator.serviceWorker && window.isSecureContext
      ? Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]) : null));
    await sleep(300);
    const again = url.replace(/(\.html)?(#|$)/, (m, html, rest) => `${html || ''}?again=1${rest}`);
    return await timeToTaskList(page, again);
  } finally {
    await ctx.close();
  }
}

async function coldLoad(browser, base, template, errors, how = {}, runs = opts.runs) {
  const zerenUrl = `${base}/#/r/bench`;
  const floorUrl = `${base}/floor.html`;
  const seedScript = seed.seedScript(seed.envelope([seed.emptyReport('bench')]));
  const zeren = [];
  const floor = [];
  let lead = '';
  for (let i = 0; i < runs + 1; i++) {
    // Interleaved, alternating which page goes first; pair 0 warms the server and disk cache.
    const order = i % 2 === 0 ? ['zeren', 'floor'] : ['floor', 'zeren'];
    for (const which of order) {
      const r = which === 'zeren'
        ? await coldOnce(browser, zerenUrl, seedScript, errors, how)
        : await coldOnce(browser, floorUrl, null, errors, how);
      if (r.seedError) errors.push(`seed: ${r.seedError}`);
      if (which === 'zeren') lead = r.lead;
      if (i > 0) (which === 'zeren' ? zeren : floor).push(r.t);
    }
  }
  return { zeren, floor, lead };
}

// ------------------------------------------------------- first use of a page not in the first load

/** The pages the first load does not carry, each with what shows it is there. */
const FIRST_USE = [
  { name: '问题与打算', hash: '#/r/bench/problems', selector: 'ol.problem-list, p.empty' },
  { name: '核对', hash: '#/r/bench/check', selector: 'dl.summary' },
  { name: '生成报告', hash: '#/r/bench/output', selector: '.output-actions' },
  { name: '导入备份文件', hash: '#/backup', selector: '#import-file' },
];

/** Records, in every document of the context, the wall-clock time a selector first matches
 * (wall clock, so that it holds across the reload into the other module). */
const SEEN_OBSERVER = (selector) => `(() => {
  const mark = () => {
    if (!window.__seen && document.querySelector(${JSON.stringify(selector)})) {
      window.__seen = performance.timeOrigin + performance.now();
      mo.disconnect();
    }
  };
  const mo = new MutationObserver(mark);
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** One first use: a fresh context (nothing cached) opens the task list, then the address
 * of a page the first load does not carry; timed from the address change to the page's
 * marker in the DOM, whatever loads in between (the other module, after a reload). */
async function firstUseOnce(browser, base, what, seedScript, errors, slow, noWorker = false) {
  // noWorker: as over plain http on an intranet, where the browser allows no service worker,
  // so nothing has cached the tools module 200 ms after the first screen.
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', serviceWorkers: noWorker ? 'block' : 'allow' });
  try {
    await ctx.addInitScript(seedScript);
    await ctx.addInitScript(TASK_LIST_OBSERVER);
    await ctx.addInitScript(SEEN_OBSERVER(what.selector));
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`${what.hash}: ${e.message}`));
    if (slow) await throttle(ctx, page);
    await timeToTaskList(page, `${base}/#/r/bench`);
    await sleep(200);
    const start = await page.evaluate((hash) => {
      const t = performance.timeOrigin + performance.now();
      location.hash = hash;
      return t;
    }, what.hash);
    await page.waitForFunction(() => window.__seen !== undefined, null, { timeout: 60_000, polling: 50 });
    return (await page.evaluate(() => window.__seen)) - start;
  } finally {
    await ctx.close();
  }
}

async function firstUse(browser, base, errors, runs) {
  const seedScript = seed.seedScript(seed.envelope([seed.emptyReport('bench')]));
  const out = [];
  for (const what of FIRST_USE) {
    const fast = [];
    const slow = [];
    const bare = [];
    for (let i = 0; i < runs + 1; i++) {
      const a = await firstUseOnce(browser, base, what, seedScript, errors, false);
      const b = await firstUseOnce(browser, base, what, seedScript, errors, true);
      const c = await firstUseOnce(browser, base, what, seedScript, errors, true, true);
      if (i > 0) { fast.push(a); slow.push(b); bare.push(c); }
    }
    out.push({ name: what.name, hash: what.hash, fast, slow, bare });
  }
  return out;
}

// ---------------------------------------------------------------------------- c. typing

/** Times the app's own localStorage writes and collects slow input events (Event Timing). */
const PAGE_PROBES = `(() => {
  window.__setItem = [];
  const orig = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t = performance.now();
    const r = orig.call(this, k, v);
    if (k === 'zeren.data') window.__setItem.push({ t, d: performance.now() - t, chars: String(v).length });
    return r;
  };
  window.__slowEvents = [];
  window.__eventTiming = typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes || []).includes('event');
  if (window.__eventTiming) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__slowEvents.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  }
})();`;

// Han characters only: each one changes the preview (punctuation might be tidied into the
// same text, and a keystroke that changes nothing would never be "updated").
const TYPED = seed.NOTE.replace(/[^\u4e00-\u9fff]/g, '');

async function typing(browser, base, template, reportCount, errors, rollup = '') {
  const section = template.sections.find((s) => s.id === 'theory') || template.sections[1];
  const item = section.items[0];
  const reports = Array.from({ length: reportCount }, (_, n) => seed.fullReport(template, n === 0 ? 'bench' : `bench${n + 1}`));
  const env = seed.envelope(reports);
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    await ctx.addInitScript(seed.seedScript(env));
    // A saved 汇总 beside the reports, as a collecting body has it (its own key).
    if (rollup) await ctx.addInitScript((v) => { try { localStorage.setItem('zeren.rollup', v); } catch (e) { window.__seedError = String(e); } }, rollup);
    await ctx.addInitScript(PAGE_PROBES);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`typing: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`typing: console: ${m.text()}`); });
    await page.goto(`${base}/#/r/bench/s/${section.id}`);
    const noteSel = `#note-${item.id}`;
    await page.waitForSelector(`#item-${item.id}`, { timeout: 30_000 });
    try {
      await page.waitForSelector(`#item-${item.id} .item-preview`, { timeout: 5_000 });
    } catch {
      throw new Error(`no .item-preview on the section page: a dist/ built before the live preview?`);
    }
    await page.waitForTimeout(500);
    await page.evaluate((id) => {
      const ta = document.getElementById(`note-${id}`);
      const card = document.getElementById(`item-${id}`);
      const B = (window.__type = { list: [], cur: null });
      window.addEventListener('input', (e) => {
        if (e.target !== ta) return;
        B.cur = { t0: performance.now(), t1: null };
        B.list.push(B.cur);
      }, true);
      const inPreview = (n) => {
        const el = n.nodeType === 1 ? n : n.parentElement;
        return !!(el && el.closest('.item-preview'));
      };
      const hasPreview = (n) => n.nodeType === 1 && (n.matches('.item-preview') || !!n.querySelector('.item-preview'));
      new MutationObserver((recs) => {
        const now = performance.now();
        if (!B.cur || B.cur.t1 !== null) return;
        if (recs.some((r) => inPreview(r.target) || [...r.addedNodes].some(hasPreview))) B.cur.t1 = now;
      }).observe(card, { subtree: true, childList: true, characterData: true });
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
    }, item.id);
    const noteBefore = await page.inputValue(noteSel);
    let missed = 0;
    let measuredFrom = null;
    const total = WARM_KEYS + opts.keys;
    let typed = '';
    for (let i = 0; i < total; i++) {
      const ch = TYPED[i % TYPED.length];
      if (i === WARM_KEYS) measuredFrom = await page.evaluate(() => performance.now());
      await page.keyboard.type(ch);
      typed += ch;
      try {
        await page.waitForFunction((n) => window.__type.list.length > n && window.__type.list[n].t1 !== null, i,
          { timeout: 3000, polling: 5 });
      } catch {
        missed++;
        const len = await page.evaluate(() => window.__type.list.length);
        if (len <= i) throw new Error(`keystroke ${i} fired no input event`);
      }
      await sleep(30); // a pause between keys, as a (fast) typist leaves
    }
    await page.waitForTimeout(300);
    const r = await page.evaluate(([from, id]) => ({
      list: window.__type.list,
      sets: window.__setItem.filter((s) => s.t >= from),
      slow: window.__slowEvents.filter((e) => e.start >= from),
      eventTiming: window.__eventTiming,
      preview: document.querySelector(`#item-${id} .item-preview`)?.textContent || '',
      stored: localStorage.getItem('zeren.data'),
    }), [measuredFrom, item.id]);
    const lat = r.list.slice(WARM_KEYS).filter((k) => k.t1 !== null).map((k) => k.t1 - k.t0);
    const tail = typed.slice(-20);
    const stored = JSON.parse(r.stored);
    const storedNote = stored.reports.find((x) => x.id === 'bench').answers[item.id].note;
    return {
      reportCount,
      item: item.id,
      section: section.id,
      keys: opts.keys,
      lat,
      missed,
      previewOk: r.preview.includes(tail),
      savedOk: storedNote === noteBefore + typed,
      sets: r.sets.map((s) => s.d),
      storedChars: r.stored.length,
      storedBytes: Buffer.byteLength(r.stored),
      slowInputs: r.slow.filter((e) => e.name === 'input'),
      eventTiming: r.eventTiming,
    };
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------- d. save

async function saveCost(browser, base, template, reportCount, errors) {
  const reports = Array.from({ length: reportCount }, (_, n) => seed.fullReport(template, n === 0 ? 'bench' : `bench${n + 1}`));
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    await ctx.addInitScript(seed.seedScript(seed.envelope(reports)));
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(`save: ${e.message}`));
    await page.goto(`${base}/#/r/bench`);
    await page.waitForSelector('.task-list', { timeout: 30_000 });
    await page.waitForTimeout(500);
    return await page.evaluate(async (n) => {
      const s = localStorage.getItem('zeren.data');
      // Each write is a fresh string that differs (the revision moves on, as in the app), so
      // none is a no-op or reuses a string the browser has already converted; it is made just
      // before its timed call, so no pile of large strings waits for the collector.
      let rev = 100000;
      const time = () => {
        const v = s.replace(/"revision":\d+/, `"revision":${rev++}`);
        const t = performance.now();
        localStorage.setItem('zeren.data', v);
        return performance.now() - t;
      };
      // Spaced 20 ms apart, as keystrokes are; then back to back. First 10 of each discarded.
      const spaced = [];
      for (let i = 0; i < n + 10; i++) {
        const d = time();
        if (i >= 10) spaced.push(d);
        await new Promise((r) => setTimeout(r, 20));
      }
      const writes = [];
      for (let i = 0; i < n + 10; i++) {
        const d = time();
        if (i >= 10) writes.push(d);
      }
      const batchMean = writes.reduce((a, b) => a + b, 0) / writes.length;
      localStorage.setItem('zeren.data', s);
      const rounds = [];
      for (let i = 0; i < n + 10; i++) {
        const t = performance.now();
        const out = JSON.stringify(JSON.parse(s));
        const d = performance.now() - t;
        if (typeof out !== 'string') throw new Error('no round trip');
        if (i >= 10) rounds.push(d);
      }
      return { spaced, writes, batchMean, rounds, chars: s.length, bytes: new TextEncoder().encode(s).length };
    }, opts.saves);
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------- 汇总

const BRANCHES = path.join(OUT, 'branches-300');

/** 300 branches' backup files (examples/branches.rs, zeren's own export), imported on the
 *  汇总 page in a fresh context: time from the file input's change event to the last table
 *  row in the DOM, then the 导出Excel click (its handler builds the sheet and offers the file,
 *  synchronously). Three runs. */
/** The 汇总 of 300 branches as the app saved it (zeren.rollup), for typing beside it. */
let savedRollup = '';

async function rollupCase(browser, base, errors, runs = 3) {
  fs.rmSync(BRANCHES, { recursive: true, force: true });
  sh('cargo', ['run', '--quiet', '--release', '--example', 'branches', '--', BRANCHES, '--count', '300'], { cwd: ROOT });
  const files = fs.readdirSync(BRANCHES).sort().map((f) => path.join(BRANCHES, f));
  if (files.length !== 300) throw new Error(`examples/branches wrote ${files.length} files`);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    try {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(`rollup: ${e.message}`));
      await page.goto(`${base}/#/rollup`);
      await page.waitForSelector('#rollup-files', { state: 'attached', timeout: 30_000 });
      await page.evaluate(() => {
        window.__rollup = new Promise((resolve) => {
          let start = 0;
          document.getElementById('rollup-files').addEventListener('change', () => { start = performance.now(); }, { capture: true });
          new MutationObserver(() => {
            if (start && document.querySelectorAll('table.rollup-table tbody tr').length === 301) resolve(performance.now() - start);
          }).observe(document.body, { childList: true, subtree: true });
        });
      });
      await page.locator('#rollup-files').setInputFiles(files);
      const importMs = await page.evaluate(() => window.__rollup);
      const download = page.waitForEvent('download');
      const exportMs = await page.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('导出Excel'));
        const t = performance.now();
        button.click();
        return performance.now() - t;
      });
      const file = await download;
      const xlsxBytes = fs.statSync(await file.path()).size;
      const saved = await page.evaluate(() => localStorage.getItem('zeren.rollup') || '');
      if (!savedRollup) savedRollup = saved;
      out.push({ importMs, exportMs, xlsxBytes, stored: saved.length });
    } finally {
      await ctx.close();
    }
  }
  return { files: files.length, bytes, runs: out };
}

// ---------------------------------------------------------------------------- e. generator

function toMicros(value, unit) {
  const f = { ps: 1e-6, ns: 1e-3, 'µs': 1, 'μs': 1, us: 1, ms: 1e3, s: 1e6 }[unit];
  return f === undefined ? NaN : Number(value) * f;
}

function generatorBench() {
  const rustupCargo = path.join(os.homedir(), '.cargo', 'bin', 'cargo');
  const env = { ...process.env };
  let cargo = 'cargo';
  if (fs.existsSync(rustupCargo)) {
    // Native bench with rustup's cargo: drop what env.sh's Debian mode sets for wasm builds.
    for (const k of ['CARGO_TARGET_DIR', 'RUSTC', 'RUSTC_BOOTSTRAP', 'CARGO_UNSTABLE_BUILD_STD']) delete env[k];
    env.PATH = `${path.dirname(rustupCargo)}:${env.PATH}`;
    cargo = rustupCargo;
  }
  const version = sh(cargo, ['--version'], { env, cwd: ROOT });
  const rustcBin = path.join(path.dirname(cargo), 'rustc');
  const rustc = sh(fs.existsSync(rustcBin) ? rustcBin : 'rustc', ['--version'], { env, cwd: ROOT });
  const started = Date.now();
  const r = spawnSync(cargo, ['bench', '--bench', 'generate', '--', '--warm-up-time', '1', '--measurement-time', '5'],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 30 * 60 * 1000, maxBuffer: 64 * 1024 * 1024 });
  fs.writeFileSync(path.join(OUT, 'cargo-bench.log'), `${r.stdout || ''}\n--- stderr ---\n${r.stderr || ''}`);
  const results = [];
  const text = r.stdout || '';
  // "NAME\n   time:   [a u b u c u]" or "NAME   time:   [...]" on one line.
  const re = /^(\S[^\n]*?)\s*(?:\n\s*)?time:\s+\[([\d.]+)\s*(\S+)\s+([\d.]+)\s*(\S+)\s+([\d.]+)\s*(\S+)\]/gm;
  for (const m of text.matchAll(re)) {
    results.push({ name: m[1].trim(), low: toMicros(m[2], m[3]), median: toMicros(m[4], m[5]), high: toMicros(m[6], m[7]) });
  }
  return { ok: r.status === 0, status: r.status, error: r.error ? String(r.error) : null, version, rustc,
    results, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------- table

function render(res) {
  const rows = [];
  const row = (measure, figure, budget = '', v = '') => rows.push(`| ${measure} | ${figure} | ${budget} | ${v} |`);
  const m = res.meta;
  row('Date', m.date);
  row('Machine', `${m.nproc} cores (nproc), ${m.cpu}, ${m.memGB} GB RAM; ${m.chromium}; Node ${process.versions.node}; ${m.kernel}`);
  row('Load average (1 min)', `${m.loadStart[0].toFixed(2)} at start, ${m.loadEnd[0].toFixed(2)} at end, mean ${m.loadMean.toFixed(2)} `
    + `over the run (sampled every 5 s) — on ${m.nproc} cores, shared with other work`);
  row('Build measured', `${m.commit}; dist/ of ${m.distTime}${m.stale ? ` — **stale**: ${m.stale} changed after this build` : ''}`);

  for (const f of res.sizes) {
    row(`First load: ${f.name}`, `${f.raw.toLocaleString('en')} B raw · ${f.gzip.toLocaleString('en')} B gzip · ${f.br.toLocaleString('en')} B br`);
  }
  const tot = res.sizes.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, br: a.br + f.br }), { raw: 0, gzip: 0, br: 0 });
  row(`**First load total** (${res.sizes.length} files)`, `${kb(tot.raw)} raw · **${kb(tot.gzip)} gzip -9** · ${kb(tot.br)} brotli 11`,
    `≤ 250 kB gzip`, verdict(tot.gzip <= BUDGET.gzipBytes));
  for (const o of res.others || []) {
    row(o.measure, `${o.raw.toLocaleString('en')} B raw · ${o.gzip.toLocaleString('en')} B gzip -9`, '', 'not in a modern first load');
  }

  const c = res.cold;
  if (c && !c.error) {
    row(`Cold load to \`.task-list\`, zeren (${c.zeren.length} fresh contexts)`, `median ${ms(pct(c.zeren, 50))} · p90 ${ms(pct(c.zeren, 90))}`);
    row(`Cold load to \`.task-list\`, static floor (${c.floor.length}, interleaved)`, `median ${ms(pct(c.floor, 50))} · p90 ${ms(pct(c.floor, 90))}`);
    const ratio = pct(c.zeren, 50) / pct(c.floor, 50);
    row('**Cold load ratio** zeren / floor (medians)', `**${ratio.toFixed(2)}×** (zeren − floor = ${ms(pct(c.zeren, 50) - pct(c.floor, 50))})`,
      '≤ 2.5× floor', verdict(ratio <= BUDGET.coldRatio));
  } else {
    row('Cold load', `not measured: ${c ? c.error : 'skipped'}`, '≤ 2.5× floor', 'n/a');
  }
  const ratioRows = (label, r, budget, limit) => {
    if (!r || r.error) {
      row(label, `not measured: ${r ? r.error : 'skipped'}`, budget, 'n/a');
      return;
    }
    const ratio = pct(r.zeren, 50) / pct(r.floor, 50);
    row(`${label}, zeren (${r.zeren.length}) · floor (${r.floor.length}, interleaved)`,
      `zeren median ${ms(pct(r.zeren, 50))} · p90 ${ms(pct(r.zeren, 90))}; floor median ${ms(pct(r.floor, 50))} · p90 ${ms(pct(r.floor, 90))}`);
    row(`**${label} ratio** zeren / floor (medians)`, `**${ratio.toFixed(2)}×** (zeren − floor = ${ms(pct(r.zeren, 50) - pct(r.floor, 50))})`,
      budget, verdict(ratio <= limit));
  };
  ratioRows('Cold load, throttled (4× CPU, 10 Mbit/s, 40 ms)', res.coldSlow, '≤ 2.5× floor', BUDGET.coldRatio);
  ratioRows('Repeat visit, throttled (files cached)', res.repeat, '≤ 1.5× floor', BUDGET.repeatRatio);
  if (res.firstUse && res.firstUse.error) {
    row('First use of a page not in the first load', `not measured: ${res.firstUse.error}`);
  }
  for (const u of (res.firstUse && !res.firstUse.error ? res.firstUse : [])) {
    row(`First use of ${u.name} (\`${u.hash}\`) from the task list, fresh context (${u.fast.length} · ${u.slow.length} throttled · ${u.bare.length} throttled without a worker)`,
      `median ${ms(pct(u.fast, 50))} · p90 ${ms(pct(u.fast, 90))}; throttled median ${ms(pct(u.slow, 50))} · p90 ${ms(pct(u.slow, 90))}; `
        + `throttled without a service worker (plain http, before the prefetch) median ${ms(pct(u.bare, 50))} · p90 ${ms(pct(u.bare, 90))}`);
  }

  /** p50 · p95 · max of one typing run, and the keystrokes left out. */
  const typingFigure = (t) => `p50 ${ms(pct(t.lat, 50), 2)} · **p95 ${ms(pct(t.lat, 95), 2)}** · max ${ms(Math.max(...t.lat), 1)}`
    + (t.missed ? `; ${t.missed} keystrokes gave no preview update within 3 s (left out)` : '');
  for (const t of res.typing) {
    if (t.error) {
      row(`Typing, ${t.reportCount} saved report(s)`, `not measured: ${t.error}`, 'p95 ≤ 16 ms', 'n/a');
      continue;
    }
    row(`**Typing**, ${t.reportCount === 1 ? '1 saved report' : `${t.reportCount} saved reports`} `
      + `(${(t.storedBytes / 1000).toFixed(0)} kB saved per keystroke): input → \`.item-preview\` updated, ${t.lat.length} keys`,
    typingFigure(t), 'p95 ≤ 16 ms', verdict(pct(t.lat, 95) <= BUDGET.typingP95));
    const worst = t.slowInputs.length ? `, longest ${Math.max(...t.slowInputs.map((e) => e.duration))} ms` : '';
    const slow = t.eventTiming ? `input → next paint (Event Timing): ${t.slowInputs.length} of ${t.keys} keystrokes ≥ 16 ms${worst}` : 'Event Timing not available';
    row(`  … the app's own \`setItem('zeren.data')\` per keystroke, ${t.reportCount} report(s)`,
      `p50 ${ms(pct(t.sets, 50), 2)} · p95 ${ms(pct(t.sets, 95), 2)} (${t.sets.length} writes); ${slow}`);
  }
  const tr = res.typingRollup;
  if (tr && tr.error) {
    row('Typing beside a saved 汇总', `not measured: ${tr.error}`, 'p95 ≤ 16 ms', 'n/a');
  } else if (tr) {
    row(`**Typing**, 1 saved report beside the 汇总 of 300 branches the app saved (${tr.rollupChars.toLocaleString('en')} chars under zeren.rollup), ${tr.lat.length} keys`,
      typingFigure(tr), 'p95 ≤ 16 ms', verdict(pct(tr.lat, 95) <= BUDGET.typingP95));
  }
  const t60 = res.typing60;
  if (!t60) {
    row('Typing with a 60-item checklist', 'not measured: target/bench/dist-60 is missing (./bench.sh builds it)', 'p95 ≤ 16 ms', 'n/a');
  } else if (t60.error) {
    row('Typing with a 60-item checklist', `not measured: ${t60.error}`, 'p95 ≤ 16 ms', 'n/a');
  } else {
    row(`**Typing**, ${res.sixtyItems}-item checklist (same app built with ZEREN_TEMPLATE), 1 saved report `
      + `(${(t60.storedBytes / 1000).toFixed(0)} kB saved per keystroke), ${t60.lat.length} keys`,
    typingFigure(t60), 'p95 ≤ 16 ms', verdict(pct(t60.lat, 95) <= BUDGET.typingP95));
  }

  for (const s of res.save) {
    if (s.error) {
      row(`Save, ${s.reportCount} report(s)`, `not measured: ${s.error}`, 'p95 ≤ 5 ms', 'n/a');
      continue;
    }
    const p95 = Math.max(pct(s.spaced, 95), pct(s.writes, 95));
    row(`**Save**: \`localStorage.setItem\` of the stored \`zeren.data\`, ${s.reportCount === 1 ? '1 report' : `${s.reportCount} reports`} `
      + `(${s.chars.toLocaleString('en')} chars, ${(s.bytes / 1000).toFixed(0)} kB UTF-8), ${s.spaced.length} calls each way`,
    `one every 20 ms: p50 ${ms(pct(s.spaced, 50), 2)} · **p95 ${ms(pct(s.spaced, 95), 2)}**; back to back: p50 ${ms(pct(s.writes, 50), 2)} · `
      + `**p95 ${ms(pct(s.writes, 95), 2)}** · mean ${ms(s.batchMean, 3)}`, 'p95 ≤ 5 ms (both)', verdict(p95 <= BUDGET.saveP95));
    row(`  … serialisation **proxy**: JS \`JSON.stringify(JSON.parse(s))\`, ${s.reportCount} report(s)`,
      `p50 ${ms(pct(s.rounds, 50), 2)} · p95 ${ms(pct(s.rounds, 95), 2)}`);
  }

  const r = res.rollup;
  if (r && r.error) {
    row('汇总 of 300 branch files', `not measured: ${r.error}`, '< 2 s in total', 'n/a');
  } else if (r) {
    const totals = r.runs.map((x) => x.importMs + x.exportMs);
    const median = [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)];
    const last = r.runs[r.runs.length - 1];
    row(`**汇总**: ${r.files} branch files (40 items each, ${(r.bytes / 1e6).toFixed(1)} MB) chosen at once on #/rollup: `
      + 'change event → last table row in the DOM, then 导出Excel (sheet built and offered)',
    `import + table ${r.runs.map((x) => ms(x.importMs, 0)).join(', ')}; export ${r.runs.map((x) => ms(x.exportMs, 0)).join(', ')}; `
      + `**total median ${ms(median, 0)}** (${r.runs.length} runs); .xlsx ${kb(last.xlsxBytes)}; saved 汇总 ${last.stored.toLocaleString('en')} chars `
      + `(${(last.stored / 5e6 * 100).toFixed(1)}% of ~5 M)`, '< 2 s in total', verdict(median < 2000));
  }

  const g = res.generator;
  if (g && g.results.length) {
    for (const b of g.results) {
      if (b.name.startsWith('proof')) {
        // The proof-reader over a whole report (issue 14: under 2 ms, off the typing path).
        row(`**Proof-reader** (native criterion median): ${b.name}`,
          `**${(b.median / 1000).toFixed(2)} ms** [${(b.low / 1000).toFixed(2)} – ${(b.high / 1000).toFixed(2)}]`,
          '< 2 ms', verdict(b.median < BUDGET.proofUs));
        continue;
      }
      row(`Generator (native criterion median): ${b.name}`, `${b.median.toFixed(1)} µs [${b.low.toFixed(1)} – ${b.high.toFixed(1)}]`,
        'reported only', '');
    }
  } else {
    row('Generator (native criterion)', `not measured: ${g ? `cargo bench ${g.error || `exited ${g.status}`} (see target/bench/cargo-bench.log)` : 'skipped (--no-cargo)'}`,
      'reported only', 'n/a');
  }

  const notes = [
    '',
    'Notes. Percentiles are nearest-rank. Nothing here is asserted; "missed" is information.',
    '- First load: the files dist/index.html references plus index.html itself; gzip is Node zlib level 9, brotli is quality 11; '
      + 'budget read as 250 000 bytes. ' + (opts.plainServer ? 'The test server sends them uncompressed (--plain-server). '
        : 'The test server sends the build\'s .gz copies, as deploy/nginx.conf (gzip_static) does. ') + 'The legacy build, zeren.html and the files fetched '
      + 'when first needed (presets, the proof-reader\'s rules) are listed beside it, not in it.',
    `- Throttled loads: the same pairs under DevTools emulation (CDP Emulation.setCPUThrottlingRate ${SLOW.cpuRate}, `
      + `Network.emulateNetworkConditions ${SLOW.bytesPerSecond * 8 / 1e6} Mbit/s down and up, ${SLOW.latency} ms), ${opts.slowRuns} pairs after one `
      + 'warm-up pair. Repeat visit: in one context the page is loaded, the service worker (zeren registers one on 127.0.0.1) given '
      + 'up to 5 s to finish, and the page loaded again by a new navigation (a ?again=1 query): that second load is timed, '
      + 'for the floor page too (HTTP cache only).',
    `- Server: ${opts.plainServer ? 'every file as it is, with Last-Modified (as python3 -m http.server sends it)'
      : 'bench/server.js, answering as deploy/nginx.conf does: the .gz copy (gzip_static; the floor page gzipped as sent), '
        + 'Cache-Control no-cache on index.html and sw.js, a year and immutable on fingerprinted names, ETag and 304'}.`,
    `- First use: a fresh context opens the task list (#/r/bench), waits 200 ms, then sets the address of a page the first load `
      + 'does not carry; time from that change to the page\'s marker in the DOM (wall clock, across the reload into the other '
      + `module and its download), ${opts.useRuns} runs after one warm-up, plain and throttled as above. On 127.0.0.1 zeren `
      + 'registers its service worker, which caches the tools module at once (its own fetches are not throttled), so those two '
      + 'figures are of a cached module; the third blocks service workers, as a plain-http intranet has none, and the '
      + 'module is downloaded under the throttling (the start-up script\'s prefetch comes 3 s after start, later than this).',
    `- Cold load: a server on 127.0.0.1 serving a copy of dist/ and bench's floor page; headless Chromium, `
      + `a new browser context (empty cache and storage) per load, zeren and floor alternating, first pair discarded. Time is `
      + `performance.now() (from navigation start) when a MutationObserver first sees \`.task-list\` in the DOM (before paint). `
      + `zeren opens #/r/bench with a one-report envelope written to localStorage by an init script (inside the timed navigation, `
      + `a few µs). The floor is the same task list as static HTML with the same stylesheet and icon and all ${res.itemCount} task names, no script.`
      + (c && c.lead ? ` zeren showed: "${c.lead}".` : ''),
    '- Typing: Playwright keyboard.type, one Han character at a time (CDP Input.insertText: no IME composition), a 30 ms pause '
      + `between keys, into the note of "${(res.typing[0] || res.typingRollup || {}).item}" on #/r/bench/s/theory of a report with all `
      + `${res.itemCount} items Done, every field valid and a ~300-character note on each; first ${WARM_KEYS} keys discarded. Time from `
      + 'the input event (window capture listener) to the first DOM mutation inside that item\'s `.item-preview`; it covers the app\'s '
      + 'whole handler (update, serde_json of the whole envelope, localStorage write, item_point, DOM update) but not style, layout '
      + 'or paint. Event Timing\'s input → next paint is given as a count: it reports only events of ≥ 16 ms, in 8 ms steps, '
      + 'and includes the wait for the next frame (up to 16.7 ms at 60 Hz), so a keystroke with a 1 ms handler can show 16 ms. '
      + (res.typing60 ? `The 60-item case is the same on ${DIST60.slice(ROOT.length + 1)}, served under /sixty/. ` : '')
      + ([...res.typing, ...(res.typing60 ? [res.typing60] : []), ...(res.typingRollup ? [res.typingRollup] : [])].every((t) => !t.error && t.previewOk && t.savedOk) ? 'Checked after each run: the preview ends with the typed text and the stored note equals the typed note.'
        : 'WARNING: the check that the preview and stored note contain the typed text failed for at least one run.'),
    '- Save: time of the storage write of the already-serialised state only (the stored string read back with getItem, the revision '
      + 'changed on each call), once with writes 20 ms apart (as keystrokes come) and once '
      + 'back to back; the verdict takes the larger p95. Chromium applies setItem to its in-renderer copy and sends the write to the browser process '
      + 'asynchronously, so the disk write is not included. performance.now() is coarsened to 100 µs in this (not cross-origin-isolated) '
      + 'page, so small per-call figures are quantised; "mean" is the mean of the back-to-back calls (the timer\'s jitter makes it finer than one step). The serialisation row is a proxy '
      + '(V8 JSON parse + stringify), not the app\'s serde_json in wasm, which the typing figure includes.',
    '- Generator: `cargo bench --bench generate -- --warm-up-time 1 --measurement-time 5`, native x86-64 (not wasm), the bench '
      + `profile (= release: opt-level z, LTO), on the bench's 60-item template, built from the working tree as it is when the bench runs `
      + `(which may be newer than dist/ when others are editing); ${g && g.version ? `${g.version}, ${g.rustc}` : ''}`
      + (g && g.seconds ? ` (${g.seconds.toFixed(0)} s incl. build).` : '.'),
    `- Page errors seen: ${res.errors.length ? res.errors.slice(0, 5).join(' | ') : 'none'}.`,
  ];
  return `| Measure | Figure | Budget | Verdict |\n|---|---|---|---|\n${rows.join('\n')}\n${notes.join('\n')}\n`;
}

// ---------------------------------------------------------------------------- main

/** The newest source file changed after dist/ was built, if any (dist/ is then stale). */
function newerThanDist() {
  const built = fs.statSync(path.join(DIST, 'index.html')).mtimeMs;
  let newest = null;
  const walk = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else if (st.mtimeMs > built && (!newest || st.mtimeMs > newest.t)) newest = { t: st.mtimeMs, p };
  };
  for (const p of ['src', 'templates', 'style', 'assets', 'index.html', 'Cargo.toml', 'Cargo.lock', 'build.rs']) walk(path.join(ROOT, p));
  return newest && path.relative(ROOT, newest.p);
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error('[bench] dist/index.html is missing: build first (./bench.sh builds it)');
    process.exit(1);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const loads = [loadavg()[0]];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
  const template = seed.loadTemplate(path.join(ROOT, 'templates', 'default.toml'));
  const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'templates', 'index.html', 'style', 'assets', 'Cargo.toml', 'Cargo.lock'], { cwd: ROOT });
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
  const res = {
    meta: {
      date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
      nproc: Number(sh('nproc', [])) || os.cpus().length,
      cpu,
      memGB: (os.totalmem() / 1e9).toFixed(1),
      kernel: `Linux ${os.release()}`,
      commit: `commit ${sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }) || '?'}${dirty ? ' + uncommitted changes in src/templates' : ''}`,
      distTime: fs.statSync(path.join(DIST, 'index.html')).mtime.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
      loadStart: loadavg(),
      stale: newerThanDist(),
    },
    itemCount: template.sections.reduce((n, s) => n + s.items.length, 0),
    sizes: firstLoadFiles(),
    typing: [],
    save: [],
    errors: [],
  };
  res.others = otherFiles();
  console.error(`[bench] first load: ${res.sizes.map((f) => f.name).join(', ')}`);

  // One folder served by one server: a copy of dist/ and the floor page beside it.
  fs.rmSync(WWW, { recursive: true, force: true });
  fs.cpSync(DIST, WWW, { recursive: true });
  // The 60-item build, served beside it under /sixty/ (the app runs under any sub-path).
  let sixty = null;
  if (fs.existsSync(path.join(DIST60, 'index.html')) && fs.existsSync(TEMPLATE60)) {
    sixty = JSON.parse(fs.readFileSync(TEMPLATE60, 'utf8'));
    fs.cpSync(DIST60, path.join(WWW, 'sixty'), { recursive: true });
    res.sixtyItems = sixty.sections.reduce((n, s) => n + s.items.length, 0);
  }
  const css = res.sizes.find((f) => f.name.endsWith('.css'));
  const icon = res.sizes.find((f) => /\.(svg|ico|png)$/.test(f.name));
  fs.writeFileSync(path.join(WWW, 'floor.html'), floorHtml(template, { css: `./${css ? css.name : 'main.css'}`, icon: `./${icon ? icon.name : 'favicon.svg'}` }));

  let server = null;
  let browser = null;
  const stop = () => { if (server) { server.close(); server = null; } };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stop(); process.exit(130); });
  try {
    server = await serve(WWW, { plain: opts.plainServer });
    const base = `http://127.0.0.1:${server.port}`;
    console.error(`[bench] serving ${path.relative(ROOT, WWW)} on ${base}`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    res.meta.chromium = `Chromium ${browser.version()}`;
    if (opts.rollupOnly) opts.loadsOnly = true;
    if (!opts.rollupOnly) try {
      console.error(`[bench] cold load: ${opts.runs} + 1 warm-up pairs`);
      res.cold = await coldLoad(browser, base, template, res.errors);
    } catch (e) {
      res.cold = { error: e.message.split('\n')[0] };
    }
    if (!opts.rollupOnly) try {
      console.error(`[bench] cold load throttled (4× CPU, 10 Mbit/s, 40 ms): ${opts.slowRuns} + 1 warm-up pairs`);
      res.coldSlow = await coldLoad(browser, base, template, res.errors, { slow: true }, opts.slowRuns);
    } catch (e) {
      res.coldSlow = { error: e.message.split('\n')[0] };
    }
    if (!opts.rollupOnly) try {
      console.error(`[bench] repeat visits, throttled: ${opts.slowRuns} + 1 warm-up pairs`);
      res.repeat = await coldLoad(browser, base, template, res.errors, { slow: true, repeat: true }, opts.slowRuns);
    } catch (e) {
      res.repeat = { error: e.message.split('\n')[0] };
    }
    if (!opts.rollupOnly) try {
      console.error(`[bench] first use of the pages not in the first load: ${opts.useRuns} + 1 each, plain and throttled`);
      res.firstUse = await firstUse(browser, base, res.errors, opts.useRuns);
    } catch (e) {
      res.firstUse = { error: e.message.split('\n')[0] };
    }
    if (!opts.loadsOnly || opts.rollupOnly) {
      console.error('[bench] 汇总 of 300 branch files: 3 runs');
      try {
        res.rollup = await rollupCase(browser, base, res.errors);
      } catch (e) {
        res.rollup = { error: e.message.split('\n')[0] };
      }
    }
    if (savedRollup && (!opts.loadsOnly || opts.rollupOnly)) {
      console.error(`[bench] typing beside a saved 汇总 of 300 branches: ${opts.keys} + ${WARM_KEYS} keys`);
      try {
        res.typingRollup = { ...(await typing(browser, base, template, 1, res.errors, savedRollup)), rollupChars: savedRollup.length };
      } catch (e) {
        res.typingRollup = { reportCount: 1, error: e.message.split('\n')[0] };
      }
    }
    for (const n of opts.loadsOnly ? [] : [1, 10]) {
      console.error(`[bench] typing, ${n} report(s): ${opts.keys} + ${WARM_KEYS} keys`);
      try {
        res.typing.push(await typing(browser, base, template, n, res.errors));
      } catch (e) {
        res.typing.push({ reportCount: n, error: e.message.split('\n')[0] });
      }
    }
    if (sixty && !opts.loadsOnly) {
      console.error(`[bench] typing, 60-item checklist: ${opts.keys} + ${WARM_KEYS} keys`);
      try {
        res.typing60 = await typing(browser, `${base}/sixty`, sixty, 1, res.errors);
      } catch (e) {
        res.typing60 = { reportCount: 1, error: e.message.split('\n')[0] };
      }
    }
    for (const n of opts.loadsOnly ? [] : [1, 10]) {
      console.error(`[bench] save, ${n} report(s): ${opts.saves} writes`);
      try {
        res.save.push({ reportCount: n, ...(await saveCost(browser, base, template, n, res.errors)) });
      } catch (e) {
        res.save.push({ reportCount: n, error: e.message.split('\n')[0] });
      }
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
  }
  res.meta.chromium = res.meta.chromium || sh(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']) || 'Chromium (not started)';

  if (opts.cargo && !opts.loadsOnly) {
    console.error('[bench] cargo bench --bench generate (native)');
    res.generator = generatorBench();
  }
  clearInterval(sampler);
  loads.push(loadavg()[0]);
  res.meta.loadEnd = loadavg();
  res.meta.loadMean = mean(loads);

  const table = render(res);
  fs.writeFileSync(path.join(OUT, 'latest.md'), table);
  fs.mkdirSync(path.join(OUT, 'runs'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(OUT, 'runs', `${stamp}.json`), JSON.stringify({ opts, ...res }, null, 1));
  fs.writeFileSync(path.join(OUT, 'runs', `${stamp}.md`), table);
  process.stdout.write(table);
  process.exit(0);
}

main().catch((e) => {
  console.error('[bench] failed:', e);
  process.exit(1);
});
