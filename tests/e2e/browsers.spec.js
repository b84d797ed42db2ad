// The browsers offices have: the legacy build (for Chromium 80-95, no WebAssembly reference
// types) chosen at run time and walked through; a modern browser never fetches it; the page's
// content security policy is in force; and each way the page can fail to start says why and
// what to do.
const base = require('@playwright/test');
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

/** The modern build of the walk-through's module (Trunk's, at the top of dist/). */
const MODERN_MAIN = /^\/(?:[^/]+\/)*zeren-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

test('the legacy build runs the walk-through when the browser lacks reference types', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // What the start-up script sees in a browser without reference types.
  await page.addInitScript(() => { window.zerenForceLegacy = true; });
  await openFresh(page);
  expect(await page.evaluate(() => window.zerenBuild)).toBe('legacy');
  expect(fetched.some((p) => /\/legacy\/zeren-legacy-[0-9a-f]{16}_bg\.wasm$/.test(p))).toBe(true);
  expect(fetched.filter((p) => MODERN_MAIN.test(p))).toEqual([]); // nothing it cannot run
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('3');
  await expect(item.locator('.item-preview')).toContainText('3次');
  await page.reload();
  await expect(page.locator('section.item').first().getByLabel('专题研究次数')).toHaveValue('3');
  await page.goto(page.url().replace(/#\/r\/([^/]+).*/, '#/r/$1/output'));
  await expect(page.locator('.preview')).toContainText('局党组关于');
});

// Two modules: the first screen never waits for the tools (editor, 汇总); their address
// loads them, in the legacy build too, and they show the walk-through's pages as well. A little
// after the first screen the tools are fetched into the cache.
test('the tools module is fetched only for its pages or after the first screen, and shows the walk-through too', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openFresh(page);
  expect(await page.evaluate(() => window.zerenModule)).toBe('main');
  expect(fetched.filter((p) => p.includes('/tools/'))).toEqual([]);
  await startReport(page, '局党组');
  await page.evaluate(() => { location.hash = '#/rollup'; });
  await page.waitForFunction(() => window.zerenModule === 'tools' && document.querySelector('main h1'));
  expect(fetched.some((p) => /\/tools\/zeren-tools-[0-9a-f]{16}_bg\.wasm$/.test(p))).toBe(true);
  // The report made in the walk-through is there for the tools module too (one store).
  expect(await page.evaluate(() => localStorage.getItem('zeren.data'))).toContain('局党组');
  // Back on the task list the tools module shows it: no reload.
  await page.evaluate(() => { window.zerenNoReload = true; });
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  expect(await page.evaluate(() => [window.zerenModule, window.zerenNoReload])).toEqual(['tools', true]);
  // Opened afresh, the task list's address starts the walk-through's module.
  await page.reload();
  await page.waitForFunction(() => window.zerenModule === 'main');
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
});

test('a little after the first screen the tools module is fetched into the cache', async ({ page }) => {
  const tools = /\/tools\/zeren-tools-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
  expect(fetched.filter((p) => tools.test(p))).toEqual([]);
  await page.waitForRequest((r) => /_bg\.wasm$/.test(r.url()) && tools.test(new URL(r.url()).pathname), { timeout: 15000 });
});

test('the tools module has its legacy build too', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.addInitScript(() => { window.zerenForceLegacy = true; });
  await page.goto('./#/rollup');
  await page.waitForFunction(() => window.zerenModule === 'tools' && document.querySelector('main h1'));
  expect(await page.evaluate(() => window.zerenBuild)).toBe('legacy');
  expect(fetched.some((p) => /\/legacy\/zeren-tools-legacy-[0-9a-f]{16}_bg\.wasm$/.test(p))).toBe(true);
  // Neither build of the walk-through's module is fetched for a page of the tools.
  expect(fetched.filter((p) => MODERN_MAIN.test(p) || /\/legacy\/zeren-legacy-[0-9a-f]{16}/.test(p))).toEqual([]);
});

// The plain test: the refusal below is logged as a console error on purpose.
base.test('a modern browser fetches only the modern build, under a policy that refuses other scripts', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openFresh(page);
  expect(await page.evaluate(() => window.zerenBuild)).toBe('modern');
  expect(fetched.filter((p) => p.includes('/legacy/'))).toEqual([]);
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-inline'");
  // A script slipped into the page is refused, and says so through the policy.
  const outcome = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(`refused: ${e.violatedDirective}`), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__slipped = true;';
    document.head.appendChild(s);
    setTimeout(() => resolve(window.__slipped ? 'it ran' : 'no event'), 2000);
  }));
  expect(outcome).toMatch(/^refused: script-src/);
});

// Each failure shows its own message; these pages fail on purpose, so the plain test.
const failures = [
  ['IE mode (a dual-core browser on its IE core)', '#boot-ie', '极速模式',
    () => { Object.defineProperty(document, 'documentMode', { value: 11 }); }],
  ['a browser with no WebAssembly', '#boot-old', 'Chromium 80',
    () => { delete window.WebAssembly; }],
  ['a browser whose WebAssembly lacks bulk memory', '#boot-old', 'Chromium 80',
    () => { const v = WebAssembly.validate; WebAssembly.validate = (b) => (b.length < 40 ? v(b) : false); }],
];
for (const [name, id, words, init] of failures) {
  base.test(`start-up in ${name} says what to do`, async ({ page }) => {
    await page.addInitScript(init);
    await page.goto('./');
    await expect(page.locator(id)).toBeVisible();
    await expect(page.locator(id)).toContainText(words);
    await expect(page.locator('.boot-note')).toBeHidden();
    await expect(page.locator('.boot-failed:visible')).toHaveCount(1);
  });
}

base.test('a start-up that fails (the wasm missing on the server) says to reload or change browser', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  await expect(page.locator('#boot-failed')).toBeVisible({ timeout: 25_000 });
  await expect(page.locator('#boot-failed')).toContainText('刷新');
});

base.test('with scripts turned off the page says how to allow them', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  // (Playwright's text search skips <noscript>; what is on screen is what counts.)
  const shown = await page.locator('#boot').innerText();
  expect(shown).toContain('本页面要运行JavaScript');
  expect(shown).not.toContain('正在加载');
  await context.close();
});
