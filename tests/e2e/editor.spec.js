// 我的清单: a checklist copied from the general one, edited (an item added, moved, reworded,
// a step undone), saved as an edition, used by a report whose text shows the new item; a
// later edition leaves that report's text alone until the user moves it, with the changes
// listed first; a checklist exported and imported again; a broken checklist file refused.
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

const TASK = '组织网评员开展专题培训';
const DONE = '组织网评员开展专题培训，提升网上舆论引导能力';
const REWORDED = '组织网评员集中培训，网上舆论引导能力明显增强';
const LEAD = '一年来，局党组坚持把意识形态工作摆在突出位置。';
const HEADING = '强化组织领导，层层压实意识形态工作责任';

/** Opens an item of the editor by its name, and gives its panel. */
async function openItem(page, task) {
  const row = page.locator('li.editor-item', { has: page.locator('.editor-item-task', { hasText: task }) });
  await row.getByRole('button', { name: /展开修改/ }).click();
  return row.locator('.editor-panel');
}

test('a checklist of my own: copy, edit with undo, save, use in a report, a new edition, export and import', async ({ page }, info) => {
  await openFresh(page);
  await page.getByRole('link', { name: '我的清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的清单' })).toBeVisible();
  await expect(page.getByText('还没有自己的清单。')).toBeVisible();
  await page.getByRole('link', { name: '下一步：复制为我的清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '复制为我的清单' })).toBeVisible();
  await page.getByLabel('我的清单的名称').fill('县财政局清单');
  await page.getByRole('button', { name: '复制为我的清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '编辑清单：县财政局清单' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '清单没有修改。' })).toBeVisible();

  // Add an item at the end of the first section, name it and word it.
  const first = page.locator('section.editor-section').first();
  const before = await first.locator('li.editor-item').count();
  await first.getByRole('button', { name: '在这个部分加一项' }).click();
  await expect(first.locator('li.editor-item')).toHaveCount(before + 1);
  const panel = first.locator('li.editor-item').last().locator('.editor-panel');
  await panel.getByLabel('事项名称').fill(TASK);
  await panel.getByLabel('事项名称').blur();
  await panel.getByLabel('做法（已落实时写入报告）').fill(DONE);
  await panel.getByLabel('做法（已落实时写入报告）').blur();
  await expect(panel.locator('.editor-preview')).toContainText(DONE);
  // A mistake the build would catch is caught here too, with the same words.
  await panel.getByLabel('措施（下一步）').fill('加强{nosuch}');
  await expect(page.locator('.editor-check')).toContainText('nosuch');
  await expect(page.getByRole('button', { name: '保存清单' })).toBeDisabled();
  await panel.getByLabel('措施（下一步）').fill('持续加强网评员队伍建设');
  await panel.getByLabel('措施（下一步）').blur();
  await expect(page.locator('.editor-check')).toHaveText('清单检查通过，可以保存。');

  // Move it up one place, undo the move, move it again.
  const row = first.locator('li.editor-item', { has: page.locator('.editor-item-task', { hasText: TASK }) });
  await row.getByRole('button', { name: '上移' }).click();
  await expect(first.locator('li.editor-item').nth(before - 1)).toContainText(TASK);
  await page.getByRole('button', { name: /^撤销/ }).click();
  await expect(first.locator('li.editor-item').last()).toContainText(TASK);
  await row.getByRole('button', { name: '上移' }).click();
  await expect(first.locator('li.editor-item').nth(before - 1)).toContainText(TASK);

  // The section's names: its own on the task list, its heading in the report.
  await first.getByLabel('部分名称').fill('组织领导');
  await first.getByLabel('部分名称').blur();
  await first.getByLabel('报告中的标题').fill(HEADING);
  await first.getByLabel('报告中的标题').blur();

  // The section's lead paragraph in the report.
  await first.getByLabel('报告中标题下的引导语（可空）').fill(LEAD);
  await first.getByLabel('报告中标题下的引导语（可空）').blur();

  // The draft survives a reload before saving.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: '已恢复上次没有保存的修改' })).toBeVisible();
  await expect(page.locator('.editor-item-task', { hasText: TASK })).toBeVisible();
  await page.getByRole('button', { name: '保存清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '编辑清单：县财政局清单' })).toBeVisible();
  await expect(page.locator('.lead')).toContainText('现在是第2版');

  // A report on it: the new item is there and reaches the text.
  await page.goto('./#/');
  await startReport(page, '县财政局党组');
  await page.getByRole('link', { name: '修改基本信息' }).click();
  const select = page.getByLabel('清单', { exact: true });
  await select.selectOption({ label: await select.locator('option', { hasText: '我的清单：县财政局清单（第2版' }).textContent() });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('link', { name: '一、组织领导' }).click();
  await setStatus(page, TASK, '已落实');
  const output = page.url().replace(/\/s\/[^/?]+.*$/, '/output');
  await page.goto(output);
  await expect(page.locator('.preview')).toContainText(DONE);
  await expect(page.locator('.preview')).toContainText(LEAD);
  await expect(page.locator('.preview')).toContainText(HEADING);

  // A third edition rewords the item: the report keeps its text until moved.
  await page.goto('./#/c/mine');
  await page.getByRole('link', { name: '县财政局清单' }).click();
  const p3 = await openItem(page, TASK);
  await p3.getByLabel('做法（已落实时写入报告）').fill(REWORDED);
  await p3.getByLabel('做法（已落实时写入报告）').blur();
  await page.getByRole('button', { name: '保存清单' }).click();
  await expect(page.locator('.lead')).toContainText('现在是第3版');
  await page.goto(output);
  await expect(page.locator('.preview')).toContainText(DONE);
  await page.goto(output.replace('/output', '/info'));
  const notice = page.getByRole('region', { name: '清单有新版本' });
  await expect(notice).toContainText('这份清单已有第3版');
  await expect(notice).toContainText(`改写：${TASK}`);
  await notice.getByRole('button', { name: '改用第3版' }).click();
  await page.goto(output);
  await expect(page.locator('.preview')).toContainText(REWORDED);

  // Export the checklist and import it again: a second checklist of the same content.
  await page.goto('./#/c/mine');
  await page.getByRole('link', { name: '县财政局清单' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出清单文件' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('清单-县财政局清单-第3版.json');
  const saved = info.outputPath('checklist.json');
  await file.saveAs(saved);
  await page.goto('./#/c/mine');
  await page.getByLabel('清单文件').setInputFiles(saved);
  await expect(page.getByRole('status').filter({ hasText: '已导入清单“县财政局清单”' })).toBeVisible();
  await expect(page.locator('.checklist-list li')).toHaveCount(2);
  // The report travels in a backup with its checklist: on a clean browser its text is the same.
  await page.goto('./#/');
  const backup = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部报告' }).click();
  const backupFile = info.outputPath('backup.json');
  await (await backup).saveAs(backupFile);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('还没有报告')).toBeVisible();
  await page.goto('./#/backup');
  await page.getByLabel('导入备份文件').setInputFiles(backupFile);
  await page.getByRole('region', { name: '确认导入' }).getByRole('button', { name: '添加到现有报告' }).click();
  await page.reload();
  await page.goto(output);
  await expect(page.locator('.preview')).toContainText(REWORDED);

  // A file that is not a checklist is refused with a reason.
  await page.goto('./#/c/mine');
  await page.getByLabel('清单文件').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"zeren_backup":1}') });
  await expect(page.getByRole('alert')).toContainText('这不是清单文件');

  // The checklist a report uses cannot be deleted; the unused copy can.
  await page.getByRole('button', { name: '删除“县财政局清单”' }).first().click();
  await expect(page.getByRole('alert')).toContainText('还有1份报告在用清单“县财政局清单”，不能删除');
  await page.getByRole('button', { name: '删除“县财政局清单”' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: '已删除清单“县财政局清单”' })).toBeVisible();
  await expect(page.locator('.checklist-list li')).toHaveCount(1);
});

test('a choice field\'s options are reworded in the editor, one a line; an empty list is refused', async ({ page }) => {
  await openFresh(page);
  await page.goto('./#/c/default');
  await page.getByLabel('我的清单的名称').fill('本局清单');
  await page.getByRole('button', { name: '复制为我的清单' }).click();
  const panel = await openItem(page, '开展文明单位创建');
  const options = panel.getByLabel('选项（每行一个）');
  await expect(options).toHaveValue('县级文明单位\n市级文明单位\n省级文明单位\n全国文明单位');
  await options.fill('');
  await options.blur();
  await expect(page.locator('.editor-check')).toContainText('不能为空');
  await options.fill('县级文明单位\n市级文明单位\n省级文明单位\n全国文明单位\n县级文明校园');
  await options.blur();
  await expect(page.locator('.editor-check')).toHaveText('清单检查通过，可以保存。');
  await expect(options).toHaveValue(/县级文明校园$/);
});
