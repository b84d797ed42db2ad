// Run-to-run spread: the headline figures of the last two runs (or of two given run files
// from target/bench/runs/) side by side, with the difference in percent.
//   node bench/compare.js [older.json newer.json]
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'target', 'bench', 'runs');
const files = process.argv.length >= 4 ? process.argv.slice(2, 4)
  : fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().slice(-2).map((f) => path.join(dir, f));
if (files.length < 2) { console.error('need two runs in target/bench/runs/'); process.exit(1); }
const [a, b] = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));

const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]; };
function figures(r) {
  const out = {};
  out['first load gzip total (B)'] = r.sizes.reduce((n, f) => n + f.gzip, 0);
  if (r.cold && r.cold.zeren) {
    out['cold zeren median (ms)'] = pct(r.cold.zeren, 50);
    out['cold zeren p90 (ms)'] = pct(r.cold.zeren, 90);
    out['cold floor median (ms)'] = pct(r.cold.floor, 50);
    out['cold floor p90 (ms)'] = pct(r.cold.floor, 90);
    out['cold ratio (medians)'] = pct(r.cold.zeren, 50) / pct(r.cold.floor, 50);
  }
  for (const t of r.typing || []) if (t.lat) {
    out[`typing ${t.reportCount}r p50 (ms)`] = pct(t.lat, 50);
    out[`typing ${t.reportCount}r p95 (ms)`] = pct(t.lat, 95);
  }
  for (const s of r.save || []) if (s.writes) {
    if (s.spaced) {
      out[`save ${s.reportCount}r spaced p50 (ms)`] = pct(s.spaced, 50);
      out[`save ${s.reportCount}r spaced p95 (ms)`] = pct(s.spaced, 95);
    }
    out[`save ${s.reportCount}r back-to-back p50 (ms)`] = pct(s.writes, 50);
    out[`save ${s.reportCount}r back-to-back p95 (ms)`] = pct(s.writes, 95);
    out[`save ${s.reportCount}r mean (ms)`] = s.batchMean;
  }
  for (const g of (r.generator && r.generator.results) || []) out[`generator ${g.name} (µs)`] = g.median;
  out['load average, mean'] = r.meta.loadMean;
  return out;
}
const fa = figures(a);
const fb = figures(b);
console.log(`| Figure | ${a.meta.date} | ${b.meta.date} | change |\n|---|---|---|---|`);
for (const k of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
  const x = fa[k];
  const y = fb[k];
  const f = (v) => (v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2));
  const d = x !== undefined && y !== undefined && x !== 0 ? `${(((y - x) / x) * 100).toFixed(0)} %` : '';
  console.log(`| ${k} | ${f(x)} | ${f(y)} | ${d} |`);
}
