// Accessibility audit: axe-core on every page of the walk-through, with the banners and the
// import summary that appear on them, at 1280 and 360 px (the two projects). WCAG 2.0, 2.1
// and 2.2 at levels A and AA; no rule is turned off. A violation fails with its rule id, the
// elements and axe's explanation, so the log says what to fix.
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect, openFresh, startReport, setStatus } = require('./fixtures');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function audit(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = result.violations.map((v) =>
    `${where}: ${v.id} (${v.impact}) ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n'));
  expect(lines, lines.join('\n')).toEqual([]);
  // The audit really ran: it passed rules on this page.
  expect(result.passes.length).toBeGreaterThan(10);
}

test('every page of the walk-through passes axe at WCAG 2.2 AA', async ({ page }) => {
  await openFresh(page);
  await audit(page, '我的报告（空）');

  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeVisible();
  // An error shown on a field is part of the page too.
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.locator('#unit-error')).toBeVisible();
  await audit(page, '基本信息（有错误提示）');
  await page.getByLabel('单位名称').fill('局党组');
  await page.getByLabel('报告期间').selectOption({ label: '上半年' });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  await audit(page, '自查清单');

  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeVisible();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('200');
  await expect(item.getByText(/^请输入0到\d+之间的整数$/)).toBeVisible();
  await setStatus(page, '向上级党委报告意识形态工作', '未落实');
  await setStatus(page, '开展意识形态工作考核和问责', '部分落实');
  await audit(page, '清单分节（有错误提示）');
  await item.getByLabel('专题研究次数').fill('2');

  await page.getByRole('link', { name: /局党组/ }).click();
  await page.getByRole('link', { name: '修改问题与下一步打算' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '问题与下一步打算' })).toBeVisible();
  await audit(page, '问题与下一步打算');

  await page.getByRole('link', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await audit(page, '核对填写内容');

  await page.getByRole('link', { name: /生成报告/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '生成报告' })).toBeVisible();
  await audit(page, '生成报告');

  // 我的报告 with a report, then with the 撤销 banner after a deletion.
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeVisible();
  await audit(page, '我的报告（一份报告）');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /删除/ }).first().click();
  await expect(page.getByRole('button', { name: '撤销' })).toBeVisible();
  await audit(page, '我的报告（删除后的撤销提示）');

  // 公文校对 with findings listed.
  await page.goto('./#/proof');
  await expect(page.getByRole('heading', { level: 1, name: '公文校对' })).toBeVisible();
  await page.getByLabel('要校对的文字').fill('会议认真布署了工作。。2022上半年完成了任务 。');
  await expect(page.locator('.proof-finding').first()).toBeVisible();
  await audit(page, '公文校对（有校对结果）');

  // 汇总 with its table, most-missed list and a refused file.
  await page.goto('./#/rollup');
  await expect(page.getByRole('heading', { level: 1, name: '汇总' })).toBeVisible();
  const dir = require('path').join(__dirname, '..', 'fixtures', 'rollup');
  const files = require('fs').readdirSync(dir).sort().map((f) => require('path').join(dir, f));
  await page.locator('#rollup-files').setInputFiles(files);
  await expect(page.locator('table.rollup-table tbody tr')).toHaveCount(4);
  await audit(page, '汇总（有表格）');
  await page.evaluate(() => localStorage.removeItem('zeren.rollup'));

  // 我的清单 and the editor with an item open.
  await page.goto('./#/c/mine');
  await expect(page.getByRole('heading', { level: 1, name: '我的清单' })).toBeVisible();
  await audit(page, '我的清单');
  await page.goto('./#/c/default');
  await page.getByLabel('我的清单的名称').fill('本局清单');
  await page.getByRole('button', { name: '复制为我的清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '编辑清单：本局清单' })).toBeVisible();
  await page.locator('li.editor-item').first().getByRole('button', { name: /展开修改/ }).click();
  await expect(page.locator('.editor-panel')).toBeVisible();
  await audit(page, '编辑清单（展开一项）');

  // 导入备份文件 with a file's contents waiting for the user's choice.
  await page.goto('./#/backup');
  await expect(page.getByRole('heading', { level: 1, name: '导入备份文件' })).toBeVisible();
  await page.getByLabel('导入备份文件').setInputFiles(files[0]);
  await expect(page.getByRole('region', { name: '确认导入' })).toBeVisible();
  await audit(page, '导入备份文件（确认导入）');

  // The page that does not exist.
  await page.goto('./#/no/such/page');
  await audit(page, '找不到的页面');
});

/** A report with some answers and an error, to look at pages with content on them. */
async function filledSection(page) {
  await openFresh(page);
  await startReport(page, '局党组');
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeVisible();
  const item = await setStatus(page, '专题研究意识形态工作', '已落实');
  await item.getByLabel('专题研究次数').fill('2');
  await setStatus(page, '向上级党委报告意识形态工作', '未落实');
  return item;
}

/** The page scrolls only up and down: nothing wider than the window (WCAG 1.4.10). */
async function expectNoSideways(page, where) {
  const wide = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > w + 1) out.push(`page ${document.documentElement.scrollWidth} > ${w}`);
    for (const el of document.querySelectorAll('main *, header *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== 'absolute') out.push(`${el.tagName}.${el.className} right ${Math.round(r.right)}`);
    }
    return out.slice(0, 5);
  });
  expect(wide, `${where}: ${wide.join('; ')}`).toEqual([]);
}

test('文字大小 enlarges the interface, is kept, and leaves the report preview alone', async ({ page }) => {
  await filledSection(page);
  const at = page.url();
  await page.goto('./#/');
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(await rootSize()).toBeCloseTo(page.viewportSize().width > 480 ? 17 : 16, 0);
  await expect(page.getByLabel('标准')).toBeChecked();
  const group = page.getByRole('group', { name: '文字大小' });
  await group.getByLabel('特大').check();
  const larger = await rootSize();
  expect(larger).toBeGreaterThan(22);
  await page.reload();
  await expect(page.getByRole('group', { name: '文字大小' }).getByLabel('特大')).toBeChecked();
  expect(await rootSize()).toBeCloseTo(larger, 1);
  await audit(page, '我的报告（特大）');
  // The preview on 生成报告 keeps the size of the written report.
  await page.goto(at.replace(/#\/r\/([^/]+).*/, '#/r/$1/output'));
  await expect(page.getByRole('heading', { level: 1, name: '生成报告' })).toBeVisible();
  const previewSize = await page.locator('.preview').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(previewSize).toBeLessThan(18.5);
  await expectNoSideways(page, '生成报告（特大）');
});

test('at 400 % zoom (320 px) with 特大 text and wide text spacing nothing needs sideways scrolling', async ({ page }) => {
  test.skip(page.viewportSize().width > 480, 'one narrow run is enough');
  await page.setViewportSize({ width: 320, height: 640 });
  await filledSection(page);
  await page.goto('./#/');
  await page.getByRole('group', { name: '文字大小' }).getByLabel('特大').check();
  // WCAG 1.4.12 text spacing, on top of the largest text.
  // (A constructed style sheet: the page's security policy refuses inline <style>, as it should.)
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  await expectNoSideways(page, '我的报告');
  for (const [link, heading] of [[/局党组/, '自查清单']]) {
    await page.getByRole('link', { name: link }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSideways(page, heading);
  }
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeVisible();
  await expectNoSideways(page, '清单分节');
  for (const [suffix, heading] of [['problems', '问题与下一步打算'], ['check', '核对填写内容'], ['output', '生成报告'], ['info', '基本信息']]) {
    await page.goto(page.url().replace(/#\/r\/([^/]+).*/, `#/r/$1/${suffix}`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSideways(page, heading);
  }
});

test('reduced motion turns transitions off; forced colours keep the chosen status and focus visible', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await filledSection(page);
  await page.getByRole('link', { name: /局党组/ }).click();
  await expect(page.locator('.progress-fill').first()).toHaveCSS('transition-duration', '0s');

  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
  await page.getByRole('link', { name: '一、组织领导与责任制落实' }).click();
  const item = page.locator('section.item', { has: page.getByRole('heading', { name: '专题研究意识形态工作', exact: true }) });
  const chosen = item.locator('.status-option input:checked + label');
  const other = item.locator('.status-option input:not(:checked) + label').first();
  const look = (l) => l.evaluate((el) => { const s = getComputedStyle(el); return `${s.borderTopStyle} ${s.borderTopWidth} ${s.backgroundColor}`; });
  expect(await look(chosen)).not.toEqual(await look(other));
  await item.getByLabel('未落实').focus();
  await page.keyboard.press('ArrowLeft'); // moves within the group by keyboard
  const ring = await item.locator('.status-option input:focus-visible + label').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
});

/** Presses Tab until the focused element's accessible name matches, checking at each
 * step that focus moved forward, stayed in view and is visibly marked. */
async function tabTo(page, name, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // The status choices and the file control hide the control itself and mark its label.
      const s = getComputedStyle(el.closest('.status-option') || el.matches('.file-input') ? el.nextElementSibling : el);
      const r = el.getBoundingClientRect();
      const label = el.labels && el.labels[0] ? el.labels[0].innerText : '';
      return {
        name: (el.getAttribute('aria-label') || label || el.innerText || el.value || '').trim(),
        ring: s.outlineStyle !== 'none' || s.boxShadow !== 'none',
        inView: r.bottom > 0 && r.top < window.innerHeight + 1,
      };
    });
    expect(f, 'focus left the page (a trap or a lost focus)').not.toBeNull();
    expect(f.ring, `focus on “${f.name}” is not visibly marked`).toBe(true);
    expect(f.inView, `focus on “${f.name}” is out of view`).toBe(true);
    if (process.env.ZEREN_DEBUG_TAB) console.log('tab:', f.name);
    if (name instanceof RegExp ? name.test(f.name) : f.name === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

test('keyboard alone: from the first screen to a saved answer and the next section', async ({ page }) => {
  await openFresh(page);
  // Tab from the very top of the page, as after opening it (a focus or selection left by the
  // set-up would move where Tab starts), once the app has settled its own focus (it moves
  // focus to the heading a frame after a page is drawn).
  // Settled: focus has not moved for 10 frames and 200 ms (a loaded machine draws late).
  await page.evaluate(() => new Promise((resolve) => {
    let last = document.activeElement;
    let frames = 0;
    let since = performance.now();
    const tick = () => {
      if (document.activeElement !== last) {
        last = document.activeElement;
        frames = 0;
        since = performance.now();
      } else if (++frames >= 10 && performance.now() - since >= 200) {
        resolve();
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    const range = document.createRange();
    range.setStart(document.body, 0);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  const first = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
  expect(first, 'the first Tab lands on the skip link').toContain('skip-link');
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '我的报告' })).toBeFocused();

  // The whole first screen, to the link to 导入备份文件 at its end, and back up to 新建报告.
  await tabTo(page, /导入备份文件/);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.getByRole('button', { name: '新建报告' }).evaluate((b) => b === document.activeElement)) break;
  }
  await expect(page.getByRole('button', { name: '新建报告' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '基本信息' })).toBeFocused();
  await tabTo(page, '单位名称');
  await page.keyboard.type('局党组');
  await tabTo(page, '保存并继续');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeFocused();

  await tabTo(page, '一、组织领导与责任制落实');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '组织领导与责任制落实' })).toBeFocused();
  // The first item's status, chosen with the arrow keys inside its group.
  // 怎样算落实 opens with Enter and closes with Escape, focus back on it.
  await tabTo(page, '怎样算落实');
  await page.keyboard.press('Enter');
  const guidance = page.locator('details.guidance').first();
  await expect(guidance).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(guidance).not.toHaveAttribute('open', '');
  await expect(guidance.locator('summary')).toBeFocused();
  // Tab takes focus to the chosen status (未开始 at first); the arrows move and choose.
  await tabTo(page, '未开始');
  await page.keyboard.press('ArrowRight');
  const item = page.locator('section.item').first();
  await expect(item.getByLabel('已落实')).toBeChecked();
  await expect(item.getByLabel(/次数/).first()).toBeVisible();
  await expect(page.locator('.save-indicator')).toHaveText('✓ 已保存');
  await tabTo(page, '保存并继续', 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '理论学习' })).toBeFocused();

  // Shift+Tab goes back the way it came.
  await page.keyboard.press('Tab');
  const forward = await page.evaluate(() => document.activeElement.outerHTML);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement.outerHTML)).toBe(forward);
});

test('status changes, errors and saving are announced through live regions', async ({ page }) => {
  const item = await filledSection(page);
  const live = (l) => l.evaluate((el) => {
    for (let n = el; n; n = n.parentElement) {
      const role = n.getAttribute('role');
      if (role === 'status' || role === 'alert' || (n.getAttribute('aria-live') || 'off') !== 'off') return true;
    }
    return false;
  });
  await expect(page.locator('.save-indicator')).toHaveText('✓ 已保存');
  expect(await live(page.locator('.save-indicator'))).toBe(true);
  await item.getByLabel('专题研究次数').fill('200');
  const error = item.getByText(/^请输入0到\d+之间的整数$/);
  await expect(error).toBeVisible();
  expect(await live(error)).toBe(true);
  // The error summary when leaving with a mistake, and its focus.
  await page.getByRole('button', { name: '保存并继续' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeVisible();
  expect(await live(summary)).toBe(true);
  // Deleting a report: the 撤销 offer is announced.
  await page.goto('./#/');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /删除/ }).first().click();
  const undo = page.getByRole('button', { name: /撤销/ });
  await expect(undo).toBeVisible();
  expect(await live(undo)).toBe(true);
});
