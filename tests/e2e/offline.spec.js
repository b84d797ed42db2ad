// With no network and no server: the service worker after a first visit (its own server here,
// which the test stops and restarts with a new build), a plain-http host that is not a secure
// context (no worker, no errors), and zeren.html opened from a file with every request refused.
// Each launches its own browser; they run once, in the desktop project.
const { test, expect } = require('@playwright/test');
const { chromium } = require('@playwright/test');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Not --disable-background-networking: it also stops a service worker's update check.
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-component-update', '--disable-sync'];
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const ownPort = Number(process.env.ZEREN_E2E_PORT || 4173) + 20;

test.skip(({ isMobile }) => isMobile, 'browser-level behaviour: once is enough');

function errorsOf(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  return errors;
}

/** Serves a copy of dist/ under /zeren/ from a folder of its own; returns stop(). */
async function serve(root) {
  const server = spawn('python3', ['-m', 'http.server', String(ownPort), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    // Another server on the port (one left behind) would answer instead: stop there.
    if (server.exitCode !== null) throw new Error(`the test server could not start on port ${ownPort}`);
    try { if ((await fetch(`http://127.0.0.1:${ownPort}/zeren/index.html`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
  if (server.exitCode !== null) throw new Error(`the test server could not start on port ${ownPort}`);
  return () => new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}

test('after one visit the page opens with its server stopped, and a new build is offered, not forced', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zeren-sw-'));
  fs.cpSync('dist', path.join(root, 'zeren'), { recursive: true });
  let stop = await serve(root);
  const browser = await chromium.launch({ executablePath, args: launchArgs });
  try {
    // Allowed here explicitly: the suite's own contexts block workers (playwright.config.js).
    const page = await browser.newPage({ serviceWorkers: 'allow' });
    const errors = errorsOf(page);
    const url = `http://127.0.0.1:${ownPort}/zeren/`;
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByLabel('单位名称').fill('离线测试党支部');
    await page.getByRole('button', { name: '保存并继续' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();

    // The server stops; the page still opens, with the report.
    await stop();
    await page.goto(url + '#/');
    await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^离线测试党支部/ })).toBeVisible();
    await expect(page.locator('#update-banner')).toBeHidden();
    // The tools module was cached with the shell, though the visit never opened its pages.
    await page.evaluate(() => { location.hash = '#/rollup'; });
    await page.waitForFunction(() => window.zerenModule === 'tools' && document.querySelector('main h1'));
    await page.goto(url + '#/');
    await expect(page.getByRole('link', { name: /^离线测试党支部/ })).toBeVisible();

    // A new build goes up (another worker file): offered on the next visit, never forced.
    const sw = path.join(root, 'zeren', 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    stop = await serve(root);
    await page.reload();
    const banner = page.locator('#update-banner');
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner).toContainText('新版本可用，刷新后使用');
    // Typing goes on under the banner: nothing reloads by itself.
    await page.getByRole('link', { name: /^离线测试党支部/ }).click();
    await page.getByRole('link', { name: '修改基本信息' }).click();
    await page.getByLabel('单位名称').fill('离线测试党支部（改）');
    await page.waitForTimeout(1500);
    await expect(page.getByLabel('单位名称')).toHaveValue('离线测试党支部（改）');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: '刷新' }).click()]);
    await expect(page.locator('#update-banner')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/-next$/)]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('on a plain-http address that is not a secure context there is no worker and no error', async () => {
  const browser = await chromium.launch({ executablePath, args: [...launchArgs, '--host-resolver-rules=MAP zeren.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    const errors = errorsOf(page);
    const port = Number(process.env.ZEREN_E2E_PORT) || 4173;
    await page.goto(`http://zeren.test:${port}/zeren/`);
    await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByLabel('单位名称').fill('局党组');
    await page.getByRole('button', { name: '保存并继续' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('zeren.html opened from a file, with every request refused, works and keeps its data across a restart', async () => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'zeren-usb-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zeren-profile-'));
  const file = path.join(usb, 'zeren.html');
  fs.copyFileSync('dist/zeren.html', file);
  try {
    for (const round of [1, 2]) {
      const context = await chromium.launchPersistentContext(profile, { executablePath, args: launchArgs, locale: 'zh-CN' });
      const refused = [];
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith('file:') || u.startsWith('data:')) return route.continue();
        refused.push(u);
        return route.abort();
      });
      const page = context.pages()[0] || await context.newPage();
      const errors = errorsOf(page);
      await page.goto('file://' + file + '#/');
      await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
      await expect(page.locator('.offline-note')).toContainText('保存在这台电脑的这个浏览器中');
      if (round === 1) {
        await page.getByRole('button', { name: '新建报告' }).click();
        await page.getByLabel('单位名称').fill('某村党支部');
        // A preset, carried inside the file.
        const select = page.getByLabel('清单', { exact: true });
        const label = await select.locator('option').evaluateAll((os) => os.map((o) => o.textContent).find((t) => t.startsWith('村（社区）')));
        await select.selectOption({ label });
        await page.getByRole('button', { name: '保存并继续' }).click();
        await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
        await expect(page.getByText(/已完成 0\/\d+ 项/)).toBeVisible();
        expect(Number(label.match(/共(\d+)项/)[1])).toBeGreaterThan(40);
        await expect(page.getByText(`已完成 0/${label.match(/共(\d+)项/)[1]} 项`)).toBeVisible();
      } else {
        await expect(page.getByRole('link', { name: /^某村党支部/ })).toBeVisible();
        // The tools module (editor, 汇总) is inside the file too, and sees the same data.
        await page.evaluate(() => { location.hash = '#/rollup'; });
        await page.waitForFunction(() => window.zerenModule === 'tools' && document.querySelector('main h1'));
        // Back on 我的报告, the tools module shows it (it carries the walk-through's pages).
        await page.goBack();
        await expect(page.getByRole('link', { name: /^某村党支部/ })).toBeVisible();
        expect(await page.evaluate(() => window.zerenModule)).toBe('tools');
      }
      expect(refused).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  } finally {
    fs.rmSync(usb, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('index.html double-clicked (from a file) says to open zeren.html instead', async () => {
  const context = await chromium.launchPersistentContext('', { executablePath, args: launchArgs, locale: 'zh-CN' });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto('file://' + path.resolve('dist/index.html'));
    const note = page.locator('#boot-file');
    await expect(note).toBeVisible({ timeout: 25_000 });
    await expect(note).toContainText('zeren.html');
    await expect(page.locator('#boot-failed')).toBeHidden();
  } finally {
    await context.close();
  }
});
