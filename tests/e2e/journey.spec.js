// The walk-through as a user does it: start a report, fill two sections, reload mid-way,
// finish, edit a problem, copy the text; deep links; copying on plain-http hosts.
// Runs at 1280 px and at 360 px (the two projects in playwright.config.js).
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

test('from a blank report to the text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFresh(page);
  await startReport(page, '局党组');
  await expect(page.getByText('已完成 0/40 项')).toBeVisible();

  // Section one: a few items, with figures and a note.
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeVisible();
  let item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('2');
  await item.getByLabel('补充说明（可不填）').fill('结合巡察反馈问题研究了整改措施');
  item = await setStatus(page, '建立意识形态工作领导小组', '已落实');
  await item.getByLabel('领导小组成员人数').fill('120');
  const bounds = item.getByText(/^请输入0到\d+之间的整数$/);
  await expect(bounds).toBeVisible(); // out of bounds is explained at once
  await item.getByLabel('领导小组成员人数').fill('7');
  await expect(bounds).toBeHidden();
  await setStatus(page, '向上级党委报告意识形态工作', '未落实');
  await setStatus(page, '开展意识形态工作考核和问责', '部分落实');

  // Reload mid-way: everything is still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeVisible();
  item = page.locator('section.item', { has: page.getByRole('heading', { name: '专题研究意识形态工作', exact: true }) });
  await expect(item.getByLabel('专题研究次数')).toHaveValue('2');
  await expect(item.getByLabel('已落实')).toBeChecked();

  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '理论学习' })).toBeVisible();
  item = await setStatus(page, '组织全体干部职工理论学习', '已落实');
  await item.getByLabel('集中学习次数').fill('9');
  await item.getByLabel('参学率').fill('98');
  await expect(item.locator('.item-preview')).toContainText('开展理论学习9次');
  await expect(item.locator('.item-preview')).toContainText('参学率达98%');
  item = await setStatus(page, '集中观看教育视频', '已落实');
  await item.getByLabel('观看次数').fill('5');

  // The task list reflects it.
  await page.getByRole('link', { name: /局党组/ }).click();
  await expect(page.getByText('已完成 6/40 项')).toBeVisible();
  await expect(page.locator('.task').first()).toContainText('进行中');

  // Problems: suggestions from the gaps; edit the first.
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '问题与下一步打算' })).toBeVisible();
  const first = page.getByLabel('存在的问题').first();
  await expect(first).not.toHaveValue('');
  await first.fill('向上级报告不够及时。上半年意识形态工作情况未按时报送。');
  await page.getByRole('link', { name: '保存并继续' }).click();

  // Check answers, then change one and come back.
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await page.getByRole('link', { name: '修改“集中观看教育视频”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '理论学习' })).toBeVisible();
  await page.getByRole('button', { name: '保存并返回核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await page.getByRole('link', { name: '生成报告' }).click();

  const preview = page.locator('.preview');
  await expect(preview).toContainText('局党组关于2026年上半年落实意识形态工作责任制情况的报告'.replace('2026', String(new Date().getFullYear())));
  await expect(preview).toContainText('参学率达98%');
  await expect(preview).toContainText('向上级报告不够及时。');
  await expect(preview).toContainText('结合巡察反馈问题研究了整改措施。');
  await page.getByRole('button', { name: '复制全文' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制全文' })).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(await preview.textContent());
});

test('a section page opens again from its address after a refresh', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '机关党委');
  await page.getByRole('link', { name: '三、舆论引导、阵地与网络管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '舆论引导、阵地与网络管理' })).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/#\/r\/[a-z0-9]+\/s\/opinion$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '舆论引导、阵地与网络管理' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1, name: '舆论引导、阵地与网络管理' })).toBeVisible();
});

test('copying works where the Clipboard API does not exist (plain-http intranet)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: undefined, configurable: true });
    delete Navigator.prototype.clipboard;
    window.__copied = null;
    const set = DataTransfer.prototype.setData;
    DataTransfer.prototype.setData = function (type, data) { if (type === 'text/plain') window.__copied = data; return set.call(this, type, data); };
  });
  await openFresh(page);
  expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '生成报告', exact: true }).click();
  await page.getByRole('button', { name: '复制全文' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制全文' })).toBeVisible();
  expect(await page.evaluate(() => window.__copied)).toBe(await page.locator('.preview').textContent());
});

test('typed text is never inserted as HTML', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '<img src=x onerror="window.__pwned=1">局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('补充说明（可不填）').fill('<script>window.__pwned=2</script><b>加粗</b>');
  await page.goto(page.url().replace(/\/s\/leadership$/, '/output'));
  await expect(page.locator('.preview')).toContainText('<script>');
  await expect(page.locator('.preview')).toContainText('<b>加粗</b>');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.preview img, .preview script, .preview b').count()).toBe(0);
});

test('a deleted report can be brought back', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '机关第一党支部');
  await page.getByRole('link', { name: '我的报告' }).click();
  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有报告')).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销删除' })).toBeFocused();
  await page.getByRole('button', { name: '撤销删除' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /机关第一党支部/ })).toBeVisible();
});

test('opening zeren again at its bare address resumes on the page the user left', async ({ page, context }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '二、理论学习' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '理论学习' })).toBeVisible();
  await page.close();
  const again = await context.newPage();
  await again.goto('./');
  await expect(again.getByRole('heading', { level: 1, name: '理论学习' })).toBeVisible();
  await again.getByRole('link', { name: '我的报告' }).click();
  await expect(again.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
});

test('figures that cannot be printed stop 保存并继续 and are listed on 核对 and 生成报告', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('30次abc');
  await page.getByRole('button', { name: '保存并继续' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toContainText('有1处填写需要修改');
  await expect(summary).toBeFocused();
  await summary.getByRole('button', { name: /专题研究次数/ }).click();
  await expect(item.getByLabel('专题研究次数')).toBeFocused();
  // Left as it is, the figure is kept but 核对 and 生成报告 say it is not printed.
  await summary.getByRole('link', { name: '先继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '理论学习' })).toBeVisible();
  await page.goto(page.url().replace(/\/s\/theory$/, '/check'));
  await expect(page.getByText(/填写有误，暂不写进报告：专题研究次数“30次abc”/)).toBeVisible();
  await page.getByRole('link', { name: '生成报告' }).click();
  await expect(page.locator('.notice')).toContainText('还有39项没有选择落实情况');
  await expect(page.locator('.notice')).toContainText('有1处数字或日期填写有误');
  // Fixed, it goes on at once. The tools module shows the section too: 修改 and 保存 back
  // stay in the same page, no reload (the mark set here would be gone).
  await page.goBack();
  await page.evaluate(() => { window.zerenNoReload = true; });
  await page.getByRole('link', { name: '修改“专题研究意识形态工作”' }).click();
  const again = page.locator('section.item', { has: page.getByRole('heading', { name: '专题研究意识形态工作', exact: true }) });
  await expect(again.getByRole('heading', { name: '专题研究意识形态工作' })).toBeFocused();
  await again.getByLabel('专题研究次数').fill('3');
  await page.getByRole('button', { name: '保存并返回核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.getByRole('link', { name: '修改“专题研究意识形态工作”' })).toBeFocused(); // back where the user left
  await expect(page.getByText(/填写有误/)).toHaveCount(0);
  expect(await page.evaluate(() => window.zerenNoReload)).toBe(true);
});

test('新建下一期 starts from last period’s words, not its statuses or figures', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('2');
  await item.getByLabel('补充说明（可不填）').fill('结合巡察反馈研究整改');
  await page.getByRole('link', { name: '我的报告' }).click();
  await page.getByRole('button', { name: '新建下一期' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已新建下一期报告' })).toBeVisible();
  await expect(page.getByLabel('报告期间')).toHaveValue('h2');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByText('已完成 0/40 项')).toBeVisible();
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const copy = page.locator('section.item', { has: page.getByRole('heading', { name: '专题研究意识形态工作', exact: true }) });
  await expect(copy.getByLabel('未开始')).toBeChecked();
  await expect(copy.getByLabel('专题研究次数')).toHaveValue('');
  await expect(copy.getByLabel('补充说明（可不填）')).toHaveValue('结合巡察反馈研究整改');
});
