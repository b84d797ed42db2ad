// Typing Chinese through an input method (拼音): while letters are being composed, nothing
// is saved and the preview does not show them; the chosen characters are saved at once.
// The composition is driven through Chromium's DevTools protocol, as an input method does.
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

const stored = (page) => page.evaluate(() => ({
  revision: localStorage.getItem('zeren.revision'),
  note: (JSON.parse(localStorage.getItem('zeren.data')).reports[0].answers['special-study'] || {}).note,
}));

test('letters being composed are neither saved nor previewed; the chosen characters are', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  const note = item.getByLabel('补充说明（可不填）');
  const preview = item.locator('.item-preview');
  await note.click();
  const ime = await page.context().newCDPSession(page);

  await ime.send('Input.insertText', { text: '研究' });
  await expect(preview).toContainText('研究');
  await expect.poll(async () => (await stored(page)).note).toBe('研究');
  const before = await stored(page);

  for (const letters of ['z', 'zh', 'zhe', 'zheng']) {
    await ime.send('Input.imeSetComposition', { text: letters, selectionStart: letters.length, selectionEnd: letters.length });
  }
  await expect(note).toHaveValue('研究zheng'); // the input method shows its letters in the box
  expect(await stored(page), 'nothing written while composing').toEqual(before);
  await expect(preview).not.toContainText('zh');

  await ime.send('Input.insertText', { text: '整改' }); // the user picks 整改
  await expect(note).toHaveValue('研究整改');
  await expect(preview).toContainText('研究整改');
  await expect.poll(async () => (await stored(page)).note).toBe('研究整改');
});

test('a problem typed through an input method is saved when the characters are chosen', async ({ page }) => {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await page.getByRole('button', { name: '添加一条' }).click();
  const box = page.getByLabel('存在的问题').last();
  await box.click();
  const ime = await page.context().newCDPSession(page);
  const problems = () => page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0].problems);
  const before = await problems();
  await ime.send('Input.imeSetComposition', { text: 'wenti', selectionStart: 5, selectionEnd: 5 });
  expect(await problems(), 'nothing written while composing').toEqual(before);
  await ime.send('Input.insertText', { text: '问题' });
  await expect.poll(async () => (await problems()).at(-1).problem).toBe('问题');
});

test('a unit name typed through an input method is saved when the characters are chosen', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  const unit = page.getByLabel('单位名称');
  await unit.fill('');
  await unit.click();
  const ime = await page.context().newCDPSession(page);
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data') || '{"reports":[{}]}').reports[0].unit);
  const before = await saved();
  await ime.send('Input.imeSetComposition', { text: 'ju', selectionStart: 2, selectionEnd: 2 });
  await expect(unit).toHaveValue('ju');
  expect(await saved(), 'nothing written while composing').toEqual(before);
  await ime.send('Input.insertText', { text: '局党组' });
  await expect.poll(saved).toBe('局党组');
});
