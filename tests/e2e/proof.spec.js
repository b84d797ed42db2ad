// 公文校对: slips in typed text are listed on 核对 under the place that holds them, with the
// 修改 link there; any text pasted on 校对 is checked after typing pauses, and a fix can be
// applied and undone. The rules are fetched from the file beside the app when first needed.
const { test, expect, openFresh } = require('./fixtures');

test('a slip typed into a problem is listed on 核对 with its 修改 link', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('市统计局党组');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await page.getByLabel('存在的问题').first().fill('对意识形态工作布署不够及时。');
  await page.getByRole('link', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.locator('#proof-summary')).toContainText('1处错误、0处提示');
  const row = page.locator('.summary-row', { hasText: '校对错误' });
  await expect(row).toContainText('第1条问题中，错别字：“布署”。改为正确的写法：“部署”');
  await expect(row).toContainText('依据：');
  // 修改 opens the place that holds it; corrected there, the finding goes.
  await row.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '问题与下一步打算' })).toBeVisible();
  await page.getByLabel('存在的问题').first().fill('对意识形态工作部署不够及时。');
  await page.getByRole('link', { name: '保存并返回核对' }).click();
  await expect(page.locator('#proof-summary')).toContainText('没有发现');
  await expect(page.getByText('校对错误')).toHaveCount(0);
});

test('text pasted on 校对 is checked, a fix applied and undone', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('link', { name: '公文校对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '公文校对' })).toBeVisible();
  await page.getByLabel('报告年度').fill('2022');
  await page.getByLabel('报告年度').blur();
  await page.getByLabel('报告期间').selectOption({ label: '上半年' });
  const box = page.getByLabel('要校对的文字');
  await box.fill('2022上半年开展学习9次,参学率达98% 。\n持续加强治国理政新理念新思想新战略的学习。');
  const summary = page.locator('#proof-summary');
  await expect(summary).toContainText('发现3处错误、1处提示');
  const findings = page.locator('.proof-finding');
  await expect(findings.first()).toContainText('第1行第1字');
  await expect(findings.first()).toContainText('年份后面漏了“年”字');
  await expect(page.getByText('这一提法已经由新的提法取代')).toBeVisible();
  // One fix, then undo.
  await findings.first().getByRole('button', { name: '改正' }).click();
  await expect(box).toHaveValue('2022年上半年开展学习9次,参学率达98% 。\n持续加强治国理政新理念新思想新战略的学习。');
  await expect(summary).toContainText('发现2处错误、1处提示');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(box).toHaveValue('2022上半年开展学习9次,参学率达98% 。\n持续加强治国理政新理念新思想新战略的学习。');
  await expect(summary).toContainText('发现3处错误、1处提示');
  // All at once: only the advice is left.
  await page.getByRole('button', { name: /全部改正/ }).click();
  await expect(box).toHaveValue('2022年上半年开展学习9次，参学率达98%。\n持续加强治国理政新理念新思想新战略的学习。');
  await expect(summary).toContainText('发现0处错误、1处提示');
  await expect(page.getByRole('button', { name: /全部改正/ })).toHaveCount(0);
});
