// A leader's 对照检查 opens with 上年度整改落实情况, typed on 基本信息 (核对 points to it while it
// is empty), speaks in the chosen role's words and ends with the role's closing line.
const { test, expect, openFresh } = require('./fixtures');

test('上年度整改落实情况 is asked for, printed first, and the 书记 closes as 第一责任人', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('市统计局党组');
  await page.getByLabel(/^个人对照检查/).check();
  await page.getByLabel('本人职责').selectOption('secretary');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0].id);
  await page.goto(`./#/r/${id}/check`);
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.locator('.notice')).toContainText('还没有填写上年度整改落实情况');

  await page.getByRole('link', { name: '修改上年度整改落实情况' }).click();
  const field = page.getByLabel(/^上年度整改落实情况/);
  await field.fill('针对上年度查摆的“舆情研判不够及时”问题，建立了季度分析制度。\n针对“学习联系实际不够”问题，结合工作撰写体会3篇。');
  await page.getByRole('button', { name: '保存并返回核对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核对填写内容' })).toBeVisible();
  await expect(page.getByText(/还没有填写上年度整改落实情况/)).toHaveCount(0);

  await page.getByRole('link', { name: '生成报告', exact: true }).click();
  const preview = page.getByRole('region', { name: '报告全文' });
  await expect(preview).toContainText('一、上年度民主生活会整改措施落实情况');
  await expect(preview).toContainText('针对“学习联系实际不够”问题，结合工作撰写体会3篇。');
  await expect(preview).toContainText('切实扛起意识形态工作第一责任人责任，带头抓、负总责');
  await expect(preview).not.toContainText('一岗双责');
});

test('a 班子成员 names what they oversee and the meeting\'s theme, and the text says both', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('市统计局党组');
  await page.getByLabel(/^个人对照检查/).check();
  await expect(page.getByLabel(/^分管的科室或领域/)).toHaveCount(0);
  await page.getByLabel('本人职责').selectOption('member');
  await page.getByLabel(/^分管的科室或领域/).fill('办公室、财务科');
  // The year's theme from the table of references, taken with one button.
  await page.getByLabel('年份', { exact: true }).fill('2025');
  await page.getByRole('button', { name: /^选用2025年度民主生活会主题/ }).click();
  await expect(page.getByLabel(/^会议主题/)).toHaveValue('深入贯彻党的二十届四中全会精神、落实中央八项规定精神');
  await expect(page.getByRole('button', { name: /^选用2025年度/ })).toHaveCount(0);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  // 专题研究意识形态工作: its first-person problem names the leader's own field.
  await page.getByRole('link', { name: /^一、/ }).click();
  const item = page.locator('section.item').first();
  await item.getByText('部分落实', { exact: true }).click();
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0].id);
  await page.goto(`./#/r/${id}/output`);
  const preview = page.getByRole('region', { name: '报告全文' });
  await expect(preview).toContainText('办公室、财务科');
  await expect(preview).toContainText('按照民主生活会围绕“深入贯彻党的二十届四中全会精神、落实中央八项规定精神”主题的部署要求');
  await expect(preview).not.toContainText('分管科室');
});

test('the meeting\'s aspects: taken from the table, a problem placed under one, listed by aspect', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill('市统计局党组');
  await page.getByLabel(/^个人对照检查/).check();
  await page.getByLabel('年份', { exact: true }).fill('2024');
  await page.getByRole('button', { name: '填入2024年度民主生活会通知中的四个方面' }).click();
  await expect(page.getByLabel(/^查摆问题的几个方面/)).toHaveValue(/^带头强化政治忠诚、提高政治能力\n带头增强党性、严守纪律规矩\n/);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查清单' })).toBeVisible();
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0].id);
  // The general problems (nothing answered yet): the first goes under the third aspect.
  await page.goto(`./#/r/${id}/problems`);
  await page.getByLabel('归入哪个方面').first().selectOption({ label: '在带头干事创业、敢作善为方面' });
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('zeren.data')).reports[0].problems[0].aspect))
    .toBe('带头干事创业、敢作善为');
  await page.goto(`./#/r/${id}/output`);
  const preview = page.getByRole('region', { name: '报告全文' });
  await expect(preview).toContainText('（一）在带头干事创业、敢作善为方面');
  await expect(preview).toContainText('（二）其他方面');
  // The aspects changed on 基本信息: 核对 says the problem's aspect is gone.
  await page.goto(`./#/r/${id}/info`);
  await page.getByLabel(/^查摆问题的几个方面/).fill('带头强化政治忠诚、提高政治能力');
  await page.goto(`./#/r/${id}/check`);
  await expect(page.locator('.summary-error')).toContainText('第1条问题归入的方面“带头干事创业、敢作善为”已不在基本信息所列的方面中');
});
