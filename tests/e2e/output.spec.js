// Official-format output: formatted copy (Clipboard API and plain-http fallback), .docx
// download, and print to PDF on A4.
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');
const fs = require('fs');
const { execFileSync } = require('child_process');

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

test('on plain http (no Clipboard API) the copy event carries both types, and a plain copy says it used the other way', async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.clipboard;
    delete window.ClipboardItem;
    window.__types = {};
    const set = DataTransfer.prototype.setData;
    DataTransfer.prototype.setData = function (type, data) { window.__types[type] = data; return set.call(this, type, data); };
  });
  await reportWithContent(page);
  await page.getByRole('button', { name: '复制为公文格式' }).click();
  // The formatted copy always goes through the copy event: nothing different to say.
  await expect(page.getByRole('status').filter({ hasText: '已按公文格式复制全文。' })).toBeVisible();
  const types = await page.evaluate(() => window.__types);
  expect(types['text/plain']).toBe(await page.locator('.preview').textContent());
  expect(types['text/html']).toContain('方正小标宋简体');
  await page.evaluate(() => { window.__types = {}; });
  await page.getByRole('button', { name: '复制全文', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已复制全文（使用兼容方式）' })).toBeVisible();
  expect(await page.evaluate(() => window.__types['text/plain'])).toBe(await page.locator('.preview').textContent());
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

test('printing gives A4 pages in the official layout, with only the report on them', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one print run is enough');
  await openFresh(page);
  await startReport(page, '局党组');
  // A long report: every item of two sections done.
  for (const section of ['一、组织领导与责任制落实', '二、理论学习']) {
    await page.getByRole('link', { name: /局党组/ }).first().click();
    await page.getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1, name: section.slice(2) })).toBeVisible();
    const items = page.locator('section.item');
    const n = await items.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) await items.nth(i).getByText('已落实', { exact: true }).click();
    await expect(items.nth(n - 1).getByLabel('已落实')).toBeChecked();
  }
  await page.goto(page.url().replace(/\/s\/[a-z]+$/, '/output'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-doc')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.preview')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  fs.mkdirSync('target/print', { recursive: true });
  fs.writeFileSync('target/print/report.pdf', pdf);

  // Read back where every line of text sits (poppler's pdftotext, installed by setup).
  const xml = execFileSync('pdftotext', ['-bbox-layout', 'target/print/report.pdf', '-']).toString();
  const pages = xml.split('<page ').slice(1).map((p) => {
    const [, w, h] = p.match(/width="([\d.]+)" height="([\d.]+)"/);
    const lines = [...p.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      x0: +m[1], y0: +m[2], x1: +m[3], text: [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
    return { w: +w, h: +h, lines };
  });
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const mm = (pt) => (pt * 25.4) / 72;
  for (const [n, p] of pages.entries()) {
    expect(Math.abs(mm(p.w) - 210)).toBeLessThan(1); // A4
    expect(Math.abs(mm(p.h) - 297)).toBeLessThan(1);
    const number = p.lines.find((l) => /^—\d+—$/.test(l.text.replace(/\s/g, '')));
    expect(number, `page ${n + 1} has its number`).toBeTruthy();
    expect(number.text.replace(/\s/g, '')).toBe(`—${n + 1}—`);
    // Odd pages: number at the right; even pages: at the left.
    if ((n + 1) % 2 === 1) expect(mm(number.x1)).toBeGreaterThan(150); else expect(mm(number.x0)).toBeLessThan(60);
    const body = p.lines.filter((l) => l !== number);
    expect(Math.abs(mm(Math.min(...body.map((l) => l.x0))) - 28)).toBeLessThan(1.5); // left margin 28 mm
    expect(mm(p.w - Math.max(...body.map((l) => l.x1)))).toBeGreaterThan(24.5); // right margin 26 mm
    if (n > 0 && n < pages.length - 1) expect(body.length, `lines on full page ${n + 1}`).toBeGreaterThanOrEqual(21);
    if (n > 0) expect(body.length).toBeLessThanOrEqual(22);
  }
});

test('主送机关 and 成文日期 frame the report; an impossible date is explained', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('局党组');
  await page.getByLabel('主送机关（可不填）').fill('中共××县委宣传部');
  await page.getByLabel('成文日期（可不填）').fill('2026-02-30');
  await expect(page.getByText('请按“2026-06-18”的格式输入日期，或者不填')).toBeVisible();
  await page.getByLabel('成文日期（可不填）').fill('2026-06-18');
  await expect(page.getByText('请按“2026-06-18”的格式输入日期，或者不填')).toBeHidden();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('link', { name: '生成报告', exact: true }).click();
  const text = await page.locator('.preview').textContent();
  expect(text.split('\n')[2]).toBe('中共××县委宣传部：');
  expect(text.endsWith('\n\n局党组\n2026年6月18日\n')).toBe(true);
});
