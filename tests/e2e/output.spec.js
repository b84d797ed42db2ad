// Official-format output: formatted copy (Clipboard API and plain-http fallback), .docx
// download, and print to PDF on A4.
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');
const fs = require('fs');

async function reportWithContent(page) {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '二、理论学习' }).click();
  const item = await setStatus(page, '组织全体干部职工理论学习', '已落实');
  await item.getByLabel('集中学习次数').fill('9');
  await item.getByLabel('参学率').fill('98');
  await setStatus(page, '落实“第一议题”制度', '部分落实');
  await page.goto(page.url().replace(/\/s\/theory$/, '/output'));
  await expect(page.locator('.preview')).toContainText('参学率达98%');
}

test('复制为公文格式 puts formatted HTML and plain text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await reportWithContent(page);
  await page.getByRole('button', { name: '复制为公文格式' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已按公文格式复制全文。' })).toBeVisible();
  const [html, text] = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return [await (await item.getType('text/html')).text(), await (await item.getType('text/plain')).text()];
  });
  expect(text).toBe(await page.locator('.preview').textContent());
  expect(html).toContain('仿宋_GB2312');
  expect(html).toContain('mso-line-height-rule:exactly');
  expect(html).toContain('<b>一是');
  expect(html).not.toMatch(/<h[1-6]/);
});

test('复制为公文格式 on plain http: the copy event carries both types and the user is told', async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.clipboard;
    delete window.ClipboardItem;
    window.__types = {};
    const set = DataTransfer.prototype.setData;
    DataTransfer.prototype.setData = function (type, data) { window.__types[type] = data; return set.call(this, type, data); };
  });
  await reportWithContent(page);
  await page.getByRole('button', { name: '复制为公文格式' }).click();
  await expect(page.getByRole('status').filter({ hasText: '（使用兼容方式）' })).toBeVisible();
  const types = await page.evaluate(() => window.__types);
  expect(types['text/plain']).toBe(await page.locator('.preview').textContent());
  expect(types['text/html']).toContain('方正小标宋简体');
});

test('下载Word文件 gives a .docx named after the unit and period', async ({ page }) => {
  await reportWithContent(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载Word文件（.docx）' }).click();
  const file = await download;
  const year = new Date().getFullYear();
  expect(file.suggestedFilename()).toMatch(new RegExp(`^局党组${year}年(上半年|度)意识形态工作情况报告\\.docx$`));
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const names = bytes.toString('latin1');
  for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']) expect(names).toContain(part);
});

test('printing gives A4 pages with only the report on them', async ({ page, browserName }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one print run is enough');
  await reportWithContent(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-doc')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.preview')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  fs.mkdirSync('target/print', { recursive: true });
  fs.writeFileSync('target/print/report.pdf', pdf);
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, w, h] of boxes) {
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(2); // 210 mm
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(2); // 297 mm
  }
});
