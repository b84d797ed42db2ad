// What the benchmark puts in localStorage before a page loads: the saved envelope in the
// shape of src/domain/saved.rs and src/domain/report.rs (schema 1), built from the checklist
// in templates/default.toml (read with Python's tomllib: Node has no TOML parser built in).

const { execFileSync } = require('child_process');

/** templates/default.toml as a plain object. */
function loadTemplate(path) {
  const py = 'import json, sys, tomllib\nwith open(sys.argv[1], "rb") as f:\n    json.dump(tomllib.load(f), sys.stdout, ensure_ascii=False)';
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

/** About 300 characters of the kind of note a user writes (full-width punctuation). */
const NOTE = ('结合本单位实际，把意识形态工作与业务工作同部署、同落实、同检查、同考核，建立问题清单和整改台账，'
  + '逐项明确责任科室和完成时限，“回头看”发现的问题已全部整改到位，形成长效机制，推动工作取得实效。'
  + '全年组织集中学习和专题研讨，班子成员带头讲党课、作辅导，围绕网络意识形态工作和舆情应对开展案例教学，'
  + '干部职工的政治判断力、政治领悟力、政治执行力进一步增强。对照上级通报的典型问题逐条自查自纠，'
  + '对新闻发布、政务新媒体、宣传栏和电子屏实行分级审核，做到谁主管谁负责、谁发布谁负责，'
  + '确保各类阵地导向正确、内容安全，为完成全年各项任务提供了有力保障。'
  + '下一步将持续巩固拓展成果，推动意识形态工作责任制落细落实。');

/** A valid value for a field of the template (as the criterion bench does). */
function fieldValue(f) {
  switch (f.kind) {
    case 'count': return String(Math.min(Math.max(12, f.min || 0), f.max));
    case 'percent': return '97.5';
    case 'date': return '2026-06-18';
    case 'text':
    case 'long_text': return [...'网络意识形态工作和舆情应对'].slice(0, f.max_chars).join('');
    case 'choice': return f.options[0];
    default: throw new Error(`unknown field kind ${f.kind}`);
  }
}

/** A report with basic information only: what the task list of a new report shows. */
function emptyReport(id) {
  return { id, unit: '局党组', year: 2026, period: { span: 'year' }, kind: 'unit' };
}

/** Every item Done, every field filled with a valid value, a ~300-character note on each. */
function fullReport(template, id) {
  const answers = {};
  for (const s of template.sections) {
    for (const item of s.items) {
      const values = {};
      for (const f of item.fields || []) values[f.id] = fieldValue(f);
      answers[item.id] = { status: 'done', values, note: NOTE };
    }
  }
  return {
    id, unit: '县税务局党委', year: 2026, period: { span: 'year' }, kind: 'unit', person: '', meeting: '民主生活会',
    template_id: 'default', answers, problems: null, created_ms: 1767225600000, updated_ms: 1767225600000,
  };
}

/**
 * The bench's 60-item checklist: the default one with copies of the first five items of
 * each section under new ids (as the criterion bench builds its template), so 40 becomes 60.
 */
function longerTemplate(template) {
  const t = JSON.parse(JSON.stringify(template));
  for (const s of t.sections) {
    s.items = s.items.concat(s.items.slice(0, 5).map((item) => ({ ...item, id: `${item.id}-extra` })));
  }
  return t;
}

function envelope(reports) {
  return { schema: 1, revision: 1, reports, settings: {} };
}

/** The init script that writes the envelope before the page's own scripts run. */
function seedScript(env) {
  return `try { localStorage.setItem('zeren.data', ${JSON.stringify(JSON.stringify(env))}); localStorage.setItem('zeren.revision', '1'); } catch (e) { window.__seedError = String(e); }`;
}

module.exports = { loadTemplate, longerTemplate, fullReport, emptyReport, envelope, seedScript, NOTE };

// `node bench/seed.js --write-longer OUT.json`: writes the 60-item checklist as JSON, for
// a build with ZEREN_TEMPLATE=OUT.json (see bench.sh).
if (require.main === module) {
  const i = process.argv.indexOf('--write-longer');
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: node bench/seed.js --write-longer OUT.json');
    process.exit(2);
  }
  const path = require('path');
  const t = longerTemplate(loadTemplate(path.join(__dirname, '..', 'templates', 'default.toml')));
  require('fs').writeFileSync(process.argv[i + 1], JSON.stringify(t));
}
