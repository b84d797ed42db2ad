// Takes a screenshot of every page at 360 px and 1280 px into target/screenshots/, from the
// release bundle in dist/, with a realistic report filled in. For looking at, not asserting.
//   node scripts/screenshots.js            (after a release build; serves dist/ itself)
const { chromium } = require('@playwright/test');
const { spawn } = require('child_process');
const fs = require('fs');

const port = 4174;
const out = 'target/screenshots';

/** Waits for the page's heading (after a reload into the other module, if the address
 * asked for one) and for drawing to settle. */
async function settled(page) {
  await page.waitForFunction(() => {
    const h = document.querySelector('main h1');
    return h && !/正在打开/.test(h.textContent);
  });
  await page.waitForTimeout(300);
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: width < 500 ? 740 : 900 } });
      const base = `http://127.0.0.1:${port}/`;
      await page.goto(base);
      await page.evaluate(() => localStorage.clear());
      await page.goto(base);
      await page.getByRole('button', { name: '新建报告' }).click();
      await page.getByLabel('单位名称').fill('局党组');
      const id = page.url().match(/#\/r\/([^/]+)/)[1];
      // Fill the first two sections as a user would: statuses and a few figures.
      await page.goto(`${base}#/r/${id}/s/leadership`);
      const labels = await page.locator('section.item').count();
      for (let i = 0; i < labels; i++) {
        const status = ['已落实', '已落实', '部分落实', '已落实', '未落实'][i % 5];
        await page.locator('section.item').nth(i).getByText(status, { exact: true }).click();
      }
      await page.locator('section.item').first().getByLabel('专题研究次数').fill('2');
      await page.goto(`${base}#/r/${id}/s/theory`);
      const staff = page.locator('section.item', { has: page.getByRole('heading', { name: '组织全体干部职工理论学习' }) });
      await staff.getByText('已落实', { exact: true }).click();
      await staff.getByLabel('集中学习次数').fill('9');
      await staff.getByLabel('参学率').fill('101');
      const pages = [['home', ''], ['info', `r/${id}/info`], ['tasks', `r/${id}`], ['section', `r/${id}/s/theory`],
        ['problems', `r/${id}/problems`], ['check', `r/${id}/check`], ['output', `r/${id}/output`], ['proof', 'proof']];
      for (const [name, hash] of pages) {
        await page.goto(`${base}#/${hash}`);
        await settled(page);
        await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: name !== 'section' && name !== 'check' && name !== 'output' });
      }
      // 汇总 with the test files (three branches, one refused file), scrolled to the table.
      await page.goto(`${base}#/rollup`);
      const dir = 'tests/fixtures/rollup';
      await page.locator('#rollup-files').setInputFiles(fs.readdirSync(dir).sort().map((f) => `${dir}/${f}`));
      await page.locator('table.rollup-table').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/rollup-${width}.png`, fullPage: true });
      await page.locator('table.rollup-table').scrollIntoViewIfNeeded();
      await page.locator('.rollup-scroll').evaluate((el) => { el.scrollLeft = 400; });
      await page.screenshot({ path: `${out}/rollup-table-${width}.png` });
      // 导入备份文件 with a branch's file read and waiting for the user's choice.
      await page.goto(`${base}#/backup`);
      await settled(page);
      await page.getByLabel('导入备份文件').setInputFiles(`${dir}/${fs.readdirSync(dir).sort()[0]}`);
      await page.getByRole('region', { name: '确认导入' }).waitFor();
      await page.screenshot({ path: `${out}/backup-${width}.png`, fullPage: true });
      // A personal report of 2024 with the meeting's aspects, a problem placed under one.
      await page.goto(`${base}#/`);
      await settled(page);
      await page.getByRole('button', { name: '新建报告' }).click();
      await page.getByLabel('单位名称').fill('局党组');
      await page.getByLabel(/^个人对照检查/).check();
      await page.getByLabel('年份', { exact: true }).fill('2024');
      await page.getByRole('button', { name: /^填入2024年度/ }).click();
      await page.locator('#aspects').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/info-aspects-${width}.png` });
      const pid = page.url().match(/#\/r\/([^/]+)/)[1];
      await page.goto(`${base}#/r/${pid}/problems`);
      await settled(page);
      await page.getByLabel('归入哪个方面').first().selectOption({ index: 2 });
      await page.screenshot({ path: `${out}/problems-aspects-${width}.png` });
      await page.goto(`${base}#/r/${pid}/output`);
      await settled(page);
      await page.getByText('存在的主要问题').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/output-aspects-${width}.png` });
      // 我的清单: a copy of the general checklist, its first item open.
      await page.goto(`${base}#/c/default`);
      await page.getByLabel('我的清单的名称').fill('县财政局清单');
      await page.getByRole('button', { name: '复制为我的清单' }).click();
      await page.locator('li.editor-item').first().getByRole('button', { name: /展开修改/ }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/editor-${width}.png` });
      await page.locator('.editor-panel').screenshot({ path: `${out}/editor-item-${width}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`screenshots in ${out}/`);
}

main().catch((e) => { console.error(e); process.exit(1); });
