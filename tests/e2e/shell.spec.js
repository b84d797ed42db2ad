// The foundation: the page loads clean and offline-safe, and what the user typed survives a reload.
const { test, expect, openFresh, startReport } = require('./fixtures');

test('loads with its title, no console error and no outside request', async ({ page }) => {
  await openFresh(page);
  await expect(page).toHaveTitle('我的报告 - 意识形态工作责任制自查与报告');
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await expect(page.getByRole('button', { name: '新建报告' })).toBeVisible();
});

test('a typed unit name survives a reload', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('机关第一党支部');
  await expect(page.getByText('✓ 已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeVisible();
  await expect(page.getByLabel('单位名称')).toHaveValue('机关第一党支部');
});

test('an empty unit name is explained, not accepted', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('alert')).toContainText('请填写单位名称');
  await expect(page.getByLabel('单位名称')).toBeFocused();
});

test('an unknown address shows a way back', async ({ page }) => {
  await openFresh(page);
  await page.goto('./#/r/nosuchreport/s/theory');
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await page.getByRole('link', { name: '返回我的报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
});

test('unreadable saved data is kept and explained, never overwritten', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem('zeren.data', '{"schema":1,"revis'); });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('原来保存的数据无法读取');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('局党组');
  const stored = await page.evaluate(() => [localStorage.getItem('zeren.data'), localStorage.getItem('zeren.unreadable-backup')]);
  expect(stored).toEqual(['{"schema":1,"revis', '{"schema":1,"revis']);
});

test('if the app cannot start, the page says what to do instead of loading for ever', async ({ browser }) => {
  // Not the shared fixture: the failed download is the point of this test.
  const page = await browser.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./');
  await expect(page.getByText('页面没能打开')).toBeVisible({ timeout: 10_000 });
  await page.close();
});

test('a report started and left untouched does not stay behind', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
  await expect(page.getByText('还没有报告')).toBeVisible();
  // Once anything is typed, it stays.
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('局');
  await page.getByLabel('单位名称').fill('');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: /未命名单位/ })).toBeVisible();
});
