// What a 党支部 does not have (a 理论学习中心组) is neither asked nor counted; the text leaves it out.
const { test, expect, openFresh, startReport } = require('./fixtures');

test('a 党支部 is not asked about a 中心组 it does not have', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '机关第一党支部');
  await expect(page.getByText('已完成 0/38 项')).toBeVisible();
  await page.getByRole('link', { name: '二、理论学习' }).click();
  const item = page.locator('section.item', { has: page.getByRole('heading', { name: '制定理论学习中心组年度学习计划' }) });
  await expect(item).toContainText('这一项不适用，不写入报告，无需填写');
  await expect(item.getByRole('radio')).toHaveCount(0);

  // Chosen as a 党委 instead, the item is asked again.
  await page.getByRole('link', { name: /机关第一党支部/ }).click();
  await page.getByRole('link', { name: '修改基本信息' }).click();
  await page.getByLabel('党组织类型').selectOption({ label: '党委' });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByText('已完成 0/40 项')).toBeVisible();
});
