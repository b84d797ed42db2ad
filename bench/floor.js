// The "floor" page for the cold-load benchmark: the task list of a new report as plain,
// static HTML (no script), with the same header, footer, stylesheet and icon as the app and
// every section and task name of the checklist. Loading it is the least any page showing
// this content costs on the same server and browser, so zeren's load is reported against it.
// The app's task list shows the 4 sections with counts and the 3 closing tasks; the floor
// also lists each section's item names (a little more text, so a slightly slower floor).

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** template: the parsed templates/default.toml; css, icon: hrefs of the app's files. */
function floorHtml(template, { css, icon, unit = '局党组', period = '2026年度', kind = '单位报告' }) {
  const total = template.sections.reduce((n, s) => n + s.items.length, 0);
  const sections = template.sections.map((s, n) => `
      <li class="task">
        <a class="task-name" href="#/r/bench/s/${esc(s.id)}">${NUMERALS[n] || n + 1}、${esc(s.title)}</a>
        <span class="task-count">0/${s.items.length}项</span>
        <strong class="tag tag-grey">未开始</strong>
        <ol class="floor-items">${s.items.map((i) => `<li>${esc(i.task)}</li>`).join('')}</ol>
      </li>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>意识形态工作责任制自查与报告</title>
  <link rel="icon" href="${esc(icon)}">
  <link rel="stylesheet" href="${esc(css)}">
</head>
<body>
  <header class="site-header"><div class="wrap header-row"><a class="brand" href="#/">意识形态工作责任制自查与报告</a></div></header>
  <div class="wrap">
    <main id="main">
      <nav class="crumbs" aria-label="位置"><a href="#/">我的报告</a><span aria-hidden="true"> › </span><a href="#/r/bench">${esc(unit)} ${esc(period)}</a></nav>
      <h1 tabindex="-1">自查清单</h1>
      <p class="lead">${esc(unit)} ${esc(period)} ${esc(kind)} · <a href="#/r/bench/info">修改基本信息</a></p>
      <div class="overview"><div class="progress"><p class="progress-text">已完成 0/${total} 项</p></div></div>
      <h2>逐项自查</h2>
      <ol class="task-list">${sections}
      </ol>
      <h2>完成报告</h2>
      <ol class="task-list">
        <li class="task"><a class="task-name" href="#/r/bench/problems">修改问题与下一步打算</a></li>
        <li class="task"><a class="task-name" href="#/r/bench/check">核对全部填写内容</a></li>
        <li class="task"><a class="task-name" href="#/r/bench/output">生成并复制报告</a></li>
      </ol>
    </main>
  </div>
  <footer class="site-footer"><div class="wrap">填写的内容只保存在本机浏览器中，不会上传到任何服务器。请定期导出备份。</div></footer>
</body>
</html>
`;
}

module.exports = { floorHtml };
