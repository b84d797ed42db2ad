// 汇总: a collecting body opens its branches' backup files at once (tests/fixtures/rollup,
// written by `cargo run --example branches` through zeren's own export: three branches, a
// personal report inside one file, an older copy of one branch, a file cut off half-way).
// The table, the most-missed list, the paragraph; the .xlsx read back with openpyxl and every
// cell checked against the fixture files; kept over a reload; cleared; full storage.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { test, expect, openFresh } = require('./fixtures');

const DIR = path.join(__dirname, '..', 'fixtures', 'rollup');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(DIR, f));

const LABELS = { done: '已落实', partly: '部分落实', not_done: '未落实', not_applicable: '不适用', not_started: '未填' };
// A 党支部 has no 理论学习中心组 (templates/default.toml, [[levels]] branch).
const NOT_ASKED_OF_BRANCH = ['center-group-plan', 'center-group-study'];
// The key counts and the count field each is read from (templates/default.toml).
const KEYS = [['special-study', 'meetings'], ['center-group-study', 'sessions'], ['situation-analysis', 'sessions']];

/** The unit reports the table should hold: of two copies, the one changed last. */
function expectedBranches() {
  const reports = [];
  for (const file of FILES) {
    let json;
    try { json = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { continue; } // the cut-off file
    for (const r of json.reports) {
      if (r.kind !== 'unit') continue;
      const same = reports.findIndex((o) => o.unit === r.unit && o.year === r.year);
      if (same < 0) reports.push(r);
      else if (r.updated_ms >= reports[same].updated_ms) reports[same] = r;
    }
  }
  return reports;
}

/** The items of each checklist: the fixtures answer every item of a checklist in at least one
 *  report (examples/branches.rs), so the union of answered ids is the checklist's items. */
function checklistItems(reports) {
  const items = {};
  for (const r of reports) {
    items[r.template_id] = items[r.template_id] || new Set();
    for (const id of Object.keys(r.answers)) items[r.template_id].add(id);
  }
  return items;
}

function expectedCell(r, items, id) {
  if (!items[r.template_id].has(id)) return { label: '无此项' };
  if (r.level === 'branch' && NOT_ASKED_OF_BRANCH.includes(id)) return { label: '不适用' };
  const a = r.answers[id];
  if (!a) return { label: '未填' };
  return { label: LABELS[a.status], figures: Object.values(a.values) };
}

/** Every cell of the sheet, as openpyxl reads it. */
function readXlsx(file) {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb.active',
    'print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes, "widths": ws.column_dimensions["A"].width,',
    '  "rows": [[c.value for c in row] for row in ws.iter_rows()]}, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

async function openRollup(page) {
  await openFresh(page);
  await page.getByRole('link', { name: '汇总各支部报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '汇总' })).toBeVisible();
}

test('five files, one broken: the table, the most-missed items, the paragraph and the .xlsx', async ({ page }, info) => {
  await openRollup(page);
  // The control speaks Chinese whatever the browser's language.
  await expect(page.locator('label.file-button')).toHaveText('选择各支部的备份文件…');
  await page.locator('#rollup-files').setInputFiles(FILES);
  await expect(page.getByRole('alert').filter({ hasText: '导入了4个文件，1个文件未能读取' })).toBeVisible();
  const list = page.locator('details.rollup-files');
  await expect(list).toHaveAttribute('open', '');
  await expect(list).toContainText('5-机关第五党支部（损坏）.json：未能读取。这个文件不完整');
  await expect(list).toContainText('“王明2025年度个人对照检查”是个人对照检查材料，不计入汇总。');
  await expect(list).toContainText('“1-机关第一党支部.json”中的那份修改时间较新，继续采用那一份');

  const reports = expectedBranches();
  expect(reports.map((r) => r.unit)).toEqual(['机关第一党支部', '机关第二党支部', '东坡村党支部']);
  const items = checklistItems(reports);
  const table = page.locator('table.rollup-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr').last()).toContainText('合计（3个单位）');
  const columnIds = await table.locator('thead th[data-item]').evaluateAll((ths) => ths.map((t) => t.dataset.item));
  expect(columnIds.length).toBeGreaterThan(40);
  expect(columnIds).toContain('village-branch-study');

  // The paragraph, in the report's register, and the most-missed list with its bars.
  const paragraph = page.locator('#rollup-paragraph');
  await expect(paragraph).toContainText(/^共收到3个基层党组织的自查报告。从自查情况看，各基层党组织平均落实率为\d+%/);
  await expect(paragraph).toContainText('普遍存在落实不到位情况的事项主要有：');
  await expect(page.locator('ol.rollup-missed li').first()).toContainText('个单位');
  await expect(page.locator('ol.rollup-missed meter').first()).toBeAttached();

  // The sheet, read back by openpyxl: every cell against the fixture files.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel表格' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^意识形态工作责任制落实情况汇总-\d{4}-\d{1,2}-\d{1,2}\.xlsx$/);
  const saved = info.outputPath('汇总.xlsx');
  await file.saveAs(saved);
  const sheet = readXlsx(saved);
  expect(sheet.title).toBe('汇总');
  expect(sheet.freeze).toBe('B2');
  expect(sheet.widths).toBeGreaterThan(20);
  const [header, ...rows] = sheet.rows;
  expect(header.slice(0, 12)).toEqual(['单位', '期间', '落实率（%）', '已落实', '部分落实', '未落实', '不适用', '未填', '问题数',
    '专题研究（次）', '中心组学习（次）', '形势研判（次）']);
  const tasks = await table.locator('thead th[data-item]').allInnerTexts();
  expect(header.slice(12)).toEqual(tasks.map((t) => t.trim()));
  expect(rows.length).toBe(4);
  reports.forEach((r, i) => {
    const row = rows[i];
    expect(row[0]).toBe(r.unit);
    expect(row[1]).toBe('2025年度');
    const tally = { 已落实: 0, 部分落实: 0, 未落实: 0, 不适用: 0, 未填: 0 };
    columnIds.forEach((id, j) => {
      const want = expectedCell(r, items, id);
      const got = row[12 + j];
      const m = /^(.+?)(?:（(\d+)(.*)）)?$/.exec(got);
      expect(m[1], `${r.unit} ${id}`).toBe(want.label);
      if (m[2] !== undefined) expect(want.figures, `${r.unit} ${id}`).toContain(m[2]);
      if (want.label in tally) tally[want.label] += 1;
    });
    expect(row.slice(3, 8), r.unit).toEqual([tally.已落实, tally.部分落实, tally.未落实, tally.不适用, tally.未填]);
    const applying = tally.已落实 + tally.部分落实 + tally.未落实 + tally.未填;
    expect(row[2], r.unit).toBe(Math.floor(((tally.已落实 * 2 + tally.部分落实) * 100) / (applying * 2)));
    // No problem list of their own: the items with a gap.
    expect(row[8], r.unit).toBe(tally.部分落实 + tally.未落实);
    KEYS.forEach(([id, field], k) => {
      const a = r.answers[id];
      const asked = !(r.level === 'branch' && NOT_ASKED_OF_BRANCH.includes(id)) && items[r.template_id].has(id);
      const want = asked && a && (a.status === 'done' || a.status === 'partly') && a.values[field] ? Number(a.values[field]) : null;
      expect(row[9 + k], `${r.unit} ${id}`).toBe(want);
    });
  });
  const total = rows[3];
  expect(total[0]).toBe('合计（3个单位）');
  for (let c = 3; c < 12; c++) {
    expect(total[c], header[c]).toBe(rows.slice(0, 3).reduce((s, r) => s + (r[c] || 0), 0));
  }

  // The same figures on the page: the first unit's row.
  const first = table.locator('tbody tr').first();
  await expect(first.locator('th')).toContainText('机关第一党支部');
  await expect(first.locator('td').first()).toHaveText(`${rows[0][2]}%`);

  // Filters: only units with 未落实 items; one section's items.
  await page.getByLabel('显示').selectOption({ label: '有未落实事项的单位' });
  const withGaps = rows.slice(0, 3).filter((r) => r[5] > 0).length;
  await expect(table.locator('tbody tr')).toHaveCount(withGaps + 1);
  await page.getByLabel('显示').selectOption({ label: '全部单位' });
  await page.getByLabel('事项', { exact: true }).selectOption({ index: 1 });
  expect(await table.locator('thead th[data-item]').count()).toBeLessThan(columnIds.length);
  await page.getByLabel('查找单位').fill('东坡');
  await expect(table.locator('tbody tr')).toHaveCount(2);

  // Kept over a reload, apart from the user's own reports.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '汇总' })).toBeVisible();
  await expect(page.locator('table.rollup-table tbody tr')).toHaveCount(4);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data') || '{"reports":[]}').reports)).toEqual([]);

  // Cleared on confirmation.
  await page.getByRole('button', { name: '清除汇总' }).click();
  await page.getByRole('button', { name: '确认清除' }).click();
  await expect(page.getByRole('status').filter({ hasText: '汇总已清除' })).toBeVisible();
  await expect(page.locator('table.rollup-table')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('zeren.rollup'))).toBeNull();
});

test('when storage is full the 汇总 stays on the page and the user is told', async ({ page }) => {
  await openRollup(page);
  // Fill this site's storage to the last kilobyte.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1024; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n++}`, chunk); } catch { break; }
      }
    }
  });
  await page.locator('#rollup-files').setInputFiles(FILES.slice(0, 3));
  await expect(page.getByRole('alert').filter({ hasText: '浏览器的存储空间不足，这次的汇总没有保存' })).toBeVisible();
  await expect(page.locator('table.rollup-table tbody tr')).toHaveCount(4);
  await expect(page.locator('#rollup-paragraph')).toContainText('共收到3个');
  expect(await page.evaluate(() => localStorage.getItem('zeren.rollup'))).toBeNull();
  await page.evaluate(() => localStorage.clear());
});
