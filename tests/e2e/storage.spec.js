// Never losing work: storage refused or full, two tabs, and the backup download.
const { test, expect, openFresh, startReport } = require('./fixtures');

test('storage refused: a clear banner, and the user keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('浏览器不允许本页面保存数据');
  await startReport(page, '机关第一党支部');
  await page.getByRole('link', { name: '生成报告', exact: true }).click();
  await expect(page.locator('.preview')).toContainText('机关第一党支部关于');
  await expect(page.getByRole('button', { name: '导出备份' })).toBeVisible();
});

test('storage full: the user is told at once, offered a backup, and keeps working', async ({ page }) => {
  await openFresh(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('exceeded the quota', 'QuotaExceededError'); };
  });
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('局党组');
  await expect(page.getByRole('alert')).toContainText('存储空间已满');
  await expect(page.locator('.save-indicator')).toHaveText('未保存');
  const download = page.waitForEvent('download');
  await page.getByRole('alert').getByRole('button', { name: '导出备份' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(JSON.parse(text).reports[0].unit).toBe('局党组');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
});

test('two tabs: a change in one shows in the other', async ({ page, context }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  const other = await context.newPage();
  await other.goto(page.url().replace(/#.*$/, '#/'));
  await expect(other.getByRole('heading', { level: 2, name: /局党组/ })).toBeVisible();
  await page.getByRole('link', { name: '修改基本信息' }).click();
  await page.getByLabel('单位名称').fill('机关党委');
  await expect(other.getByRole('heading', { level: 2, name: /机关党委/ })).toBeVisible();
});

test('a stale tab never silently overwrites newer data', async ({ page, context }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '修改基本信息' }).click();
  // Another tab saved newer data that this tab has not seen.
  const newer = await page.evaluate(() => {
    const data = JSON.parse(localStorage.getItem('zeren.data'));
    data.reports[0].unit = '另一标签页的名称';
    data.revision = 999;
    localStorage.setItem('zeren.data', JSON.stringify(data));
    localStorage.setItem('zeren.revision', '999');
    return localStorage.getItem('zeren.data');
  });
  await page.getByLabel('单位名称').fill('本页的名称');
  await expect(page.getByRole('alert')).toContainText('在另一个标签页中被修改过');
  expect(await page.evaluate(() => localStorage.getItem('zeren.data'))).toBe(newer);
  await page.getByRole('button', { name: '载入另一标签页的内容' }).click();
  await expect(page.getByLabel('单位名称')).toHaveValue('另一标签页的名称');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

async function downloadText(page, click) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: require('fs').readFileSync(await file.path(), 'utf8') };
}

test('export then import brings the reports back; nothing changes until the user confirms', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '我的报告' }).click();
  const { name, text } = await downloadText(page, () => page.getByRole('button', { name: '导出全部报告' }).click());
  expect(name).toMatch(/^责任制报告备份-\d{4}-\d{1,2}-\d{1,2}\.json$/);
  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有报告')).toBeVisible();
  await page.getByRole('link', { name: '导入备份文件…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入备份文件' })).toBeFocused();
  await page.getByLabel('导入备份文件').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const confirm = page.getByRole('region', { name: '确认导入' });
  await expect(confirm).toContainText('文件中有1份报告：局党组');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports.length)).toBe(0);
  await confirm.getByRole('button', { name: '添加到现有报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导入1份报告' })).toBeVisible();
  await page.getByRole('link', { name: '返回我的报告（现有1份）' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /局党组/ })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports.length)).toBe(1);
});

test('bad backup files are refused with a message and change nothing', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '我的报告' }).click();
  // The reports, not the settings (which also record the page the user is on).
  const saved = () => page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('zeren.data')).reports));
  const before = await saved();
  await page.goto('./#/backup');
  const input = page.getByLabel('导入备份文件');
  const cases = [
    ['notes.json', Buffer.from('这不是备份'), '不是'],
    ['newer.json', Buffer.from(JSON.stringify({ zeren_backup: 1, schema: 99, reports: [] })), '更新'],
    ['shape.json', Buffer.from(JSON.stringify({ hello: 'world' })), '不是'],
    ['huge.json', Buffer.alloc(6 * 1024 * 1024, 0x20), '太大'],
  ];
  for (const [name, buffer, words] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer });
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
    await expect(page.getByRole('region', { name: '确认导入' })).toHaveCount(0);
  }
  expect(await saved()).toBe(before);
});

test('hostile strings in a backup are kept as plain text and tidied, with a note', async ({ page }) => {
  await openFresh(page);
  const report = {
    id: 'x<y', unit: '<img src=x onerror="window.__pwned=1">局党组\u202E\u0007', year: 2026, period: { span: 'year' }, kind: 'unit',
    answers: { 'special-study': { status: 'done', values: { meetings: '2' }, note: 'A'.repeat(30000) } },
  };
  await page.goto('./#/backup');
  await page.getByLabel('导入备份文件').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
  const confirm = page.getByRole('region', { name: '确认导入' });
  await expect(confirm).toContainText('文件中有1份报告');
  await confirm.getByRole('button', { name: '添加到现有报告' }).click();
  await page.getByRole('link', { name: /返回我的报告/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /<img src=x/ })).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0]);
  expect(saved.unit).not.toMatch(/[\u202E\u0007]/);
  expect(saved.answers['special-study'].note.length).toBeLessThanOrEqual(20000);
  expect(saved.id).toMatch(/^[A-Za-z0-9_-]+$/);
});

test('replacing with a backup can be undone', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '我的报告' }).click();
  const { name, text } = await downloadText(page, () => page.getByRole('button', { name: '导出全部报告' }).click());
  const other = JSON.parse(text);
  other.reports[0].unit = '机关党委';
  other.reports[0].id = 'other1';
  await page.getByRole('link', { name: '导入备份文件…' }).click();
  await page.getByLabel('导入备份文件').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.getByRole('region', { name: '确认导入' }).getByRole('button', { name: '替换现有的1份报告' }).click();
  await expect(page.getByText('已用备份文件中的1份报告替换原有的1份报告')).toBeFocused();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports.map((r) => r.unit))).toEqual(['机关党委']);
  await page.getByRole('button', { name: '撤销替换，恢复原来的1份报告' }).click();
  await expect(page.getByText('已撤销替换，原来的1份报告已恢复。')).toBeVisible();
  await page.getByRole('link', { name: '返回我的报告（现有1份）' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /局党组/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /机关党委/ })).toHaveCount(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports.map((r) => r.unit))).toEqual(['局党组']);
});
