// Shared fixtures: every test fails on a console error, a page error, a violation of the
// content security policy, or any request that leaves 127.0.0.1. Page helpers speak in the
// user's terms.
const base = require('@playwright/test');

exports.expect = base.expect;

exports.test = base.test.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', ''].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) problems.push(`request left the machine: ${r.url()}`);
    });
    // The content security policy: any violation on any page fails the test.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await use(page);
    const csp = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
    for (const v of csp) problems.push(`content security policy violated: ${v}`);
    base.expect(problems, problems.join('\n')).toEqual([]);
  },
});

/** Opens the app fresh, with empty storage. */
exports.openFresh = async (page) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await base.expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
};

/** Starts a report and fills in 基本信息. Returns the report's tasks URL hash. */
exports.startReport = async (page, unit = '局党组') => {
  await page.getByRole('button', { name: '新建报告' }).click();
  await base.expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeVisible();
  await page.getByLabel('单位名称').fill(unit);
  await page.getByLabel('报告期间').selectOption({ label: '上半年' });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await base.expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
};

/** Sets an item's status by its task name, on a section page. */
exports.setStatus = async (page, task, status) => {
  const item = page.locator('section.item', { has: page.getByRole('heading', { name: task, exact: true }) });
  await item.getByText(status, { exact: true }).click();
  return item;
};
