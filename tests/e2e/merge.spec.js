// Past eight points under one heading the report joins related ones; 核对 shows which were
// joined into which and lets the user choose the points that stand alone, kept in the report.
const { test, expect, openFresh, startReport } = require('./fixtures');

// Thirteen items not done: nine of 组织领导, four of 理论学习, so thirteen problems.
const NOT_DONE = [
  'special-study', 'lead-group', 'duty-list', 'report-upward', 'situation-analysis', 'circulate', 'four-into',
  'life-meeting', 'assessment', 'first-topic', 'center-group-plan', 'center-group-study', 'staff-study',
];

/** Opens 核对 of report `id` with the thirteen items 未落实, written straight into storage
 * (as a backup would bring them) and read by a reload. */
async function markNotDone(page, id) {
  await page.goto(`./#/r/${id}/check`);
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await page.evaluate((ids) => {
    const data = JSON.parse(localStorage.getItem('zeren.data'));
    for (const i of ids) data.reports[0].answers[i] = { status: 'not_done', values: {}, note: '' };
    localStorage.setItem('zeren.data', JSON.stringify(data));
  }, NOT_DONE);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
}

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0]);

test('核对 shows the joined problems and a chosen one stands alone in the report', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  const id = (await saved(page)).id;
  await markNotDone(page, id);
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();

  await expect(page.getByRole('heading', { level: 2, name: '合并的条目' })).toBeVisible();
  const panel = page.getByRole('region', { name: '存在的问题和下一步工作打算' });
  await expect(panel).toContainText('这一部分共有13条，超过8条');
  const groups = panel.locator('ol.merge-groups > li');
  await expect(groups).toHaveCount(8);
  // 报告 and 研判 are joined by default.
  await expect(groups.filter({ hasText: '尚未开展意识形态领域形势研判' })).toContainText('合并为一条');

  const box = panel.getByRole('checkbox', { name: '尚未开展意识形态领域形势研判', exact: true });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
  await expect(box).toBeFocused();
  await expect(groups).toHaveCount(8);
  await expect(groups.filter({ hasText: '尚未开展意识形态领域形势研判' })).toHaveText('尚未开展意识形态领域形势研判');
  await expect(panel).toContainText('已勾选1条');
  expect((await saved(page)).merge_alone).toEqual({ problems: ['situation-analysis'] });

  // The report follows: 研判 has its own number, its measure too.
  await page.getByRole('link', { name: '生成报告', exact: true }).click();
  const preview = page.getByRole('region', { name: '报告全文' });
  await expect(preview).toContainText(/[一二三四五六七八]是尚未开展意识形态领域形势研判。/);
  await expect(preview).toContainText(/[一二三四五六七八]是建立定期研判机制。/);
  await expect(preview).not.toContainText('九是');

  // Kept after a reload; 恢复自动合并 forgets the choice.
  await page.goto(`./#/r/${id}/check`);
  await page.reload();
  await expect(panel.getByRole('checkbox', { name: '尚未开展意识形态领域形势研判', exact: true })).toBeChecked();
  await panel.getByRole('button', { name: '恢复自动合并' }).click();
  await expect(panel.getByRole('checkbox', { name: '尚未开展意识形态领域形势研判', exact: true })).not.toBeChecked();
  expect((await saved(page)).merge_alone).toBeUndefined();
});

test('at most seven points can be chosen to stand alone', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  const id = (await saved(page)).id;
  await markNotDone(page, id);
  const panel = page.getByRole('region', { name: '存在的问题和下一步工作打算' });
  const boxes = panel.getByRole('checkbox');
  await expect(boxes).toHaveCount(13);
  for (let i = 0; i < 7; i++) {
    await boxes.nth(i).check();
    await expect(boxes.nth(i)).toBeChecked();
  }
  await expect(panel).toContainText('已勾选7条');
  await expect(boxes.nth(7)).toBeDisabled();
  await expect(panel.locator('ol.merge-groups > li')).toHaveCount(8);
  await expect(panel.locator('ol.merge-groups > li.merged')).toHaveCount(1);
});
