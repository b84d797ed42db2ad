// Checklist presets: a report for a 乡镇 uses the 乡镇 checklist, fetched from presets/ beside
// the app only when a report needs it; its own items reach the text; a preset that cannot be
// fetched says so, keeps every answer, and can be tried again.
const base = require('@playwright/test');
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

const TOWNSHIP = /^乡镇（街道）/;

/** Chooses a checklist on 基本信息 by the start of its name. */
async function chooseChecklist(page, name) {
  const select = page.getByLabel('清单', { exact: true });
  const label = await select.locator('option').evaluateAll(
    (options, source) => options.map((o) => o.textContent).find((t) => new RegExp(source).test(t)),
    name.source,
  );
  expect(label, `a checklist named ${name}`).toBeTruthy();
  await select.selectOption({ label });
  return label;
}

test('a preset is fetched when chosen, and its own items reach the report', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/presets/')) fetched.push(r.url()); });
  await openFresh(page);
  expect(fetched, 'the first screen fetches no checklist').toEqual([]);

  await startReport(page, '城关镇党委');
  await page.getByRole('link', { name: '修改基本信息' }).click();
  const label = await chooseChecklist(page, TOWNSHIP);
  const total = Number(label.match(/共(\d+)项/)[1]);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByText(`已完成 0/${total} 项`)).toBeVisible();
  expect(fetched.length, 'fetched once').toBe(1);
  expect(fetched[0]).toMatch(/\/presets\/township-[0-9a-f]{16}\.json$/);

  // A section only the 乡镇 checklist has, and an item in it.
  await page.getByRole('link', { name: /基层阵地与社会面管理/ }).click();
  const item = await setStatus(page, '发挥网格员宣传政策、收集民意的作用', '已落实');
  await item.getByLabel(/^网格员人数/).fill('36');
  await expect(item.locator('.item-preview')).toContainText('36');

  // The text says it; a reload (the checklist fetched again) keeps everything.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '基层阵地与社会面管理' })).toBeVisible();
  await page.goto(page.url().replace(/\/s\/[^/?]+.*$/, '/output'));
  await expect(page.locator('.preview')).toContainText('网格员36名');
  await expect(page.locator('.preview')).toContainText('城关镇党委');
});

// The base test: a refused fetch is a console error by design here.
base.test('a preset that cannot be fetched says so, keeps the answers and can be tried again', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '城关镇党委');
  await page.getByRole('link', { name: '修改基本信息' }).click();
  await page.route('**/presets/*.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await chooseChecklist(page, TOWNSHIP);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '清单没有载入' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('服务器上没有这个文件');
  await expect(page.getByRole('alert')).toContainText('您填写的内容都还在');

  await page.unroute('**/presets/*.json');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0]);
  expect(saved.unit).toBe('城关镇党委');
  expect(saved.template_id).toBe('township');
});
