// A leader's 对照检查 speaks as 本人: a problem typed in the unit's voice is pointed out on 核对.
const { test, expect, openFresh } = require('./fixtures');

test('a problem typed in the unit\'s voice is pointed out on 核对, with how to fix it', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('市统计局党组');
  await page.getByLabel(/^个人对照检查/).check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await page.getByLabel('存在的问题').first().fill('我局理论学习不够深入。学习流于形式。');
  await page.getByRole('link', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.getByText(/第1条问题像是以单位名义写的/)).toBeVisible();
  await expect(page.locator('.notice')).toContainText('像是以单位名义写的');

  // Rewritten as 本人, the note goes.
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await page.getByLabel('存在的问题').first().fill('本人理论学习不够深入。学习流于形式。');
  await page.getByRole('link', { name: '保存并返回核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.getByText(/像是以单位名义写的/)).toHaveCount(0);
});
