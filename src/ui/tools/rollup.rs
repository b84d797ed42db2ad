//! 汇总: a collecting body chooses or drops its branches' backup files, all at once, and
//! sees every branch's self-check in one table (units × items), the items most branches
//! have not done, and a 汇总 paragraph to paste; the table goes out as an .xlsx.
//!
//! Files are read one after another with the progress shown, the page given a turn between
//! them; the checklists the reports use are fetched before they are read. The 汇总 is kept
//! apart from the user's own reports, under its own key (`storage::Key::Rollup`): when it
//! does not fit, it stays on the page and the user is told. The figures, the paragraph and
//! the sheet come from `domain::rollup`.

use crate::browser::clipboard::{copy_text, select_contents, Copied};
use crate::browser::storage::{self, Key, SaveError};
use crate::browser::{files, format_time, now_ms};
use crate::domain::backup::{parse_backup, ImportError, MAX_FILE_BYTES};
use crate::domain::builtin::{self, Lookup};
use crate::domain::report::Status;
use crate::domain::rollup::{Branch, Cell2, Column, Rollup, KEY_ITEMS, MAX_BRANCHES};
use crate::domain::xlsx::to_xlsx;
use crate::state::load_checklist;
use crate::ui::widgets::Said;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How many items the most-missed list shows.
const MOST_MISSED: usize = 10;

/// What the table shows: which units, in what order, which items.
#[derive(Debug, Clone, PartialEq)]
struct View {
    unit: String,
    status: String,
    section: String,
    sort: String,
}

impl View {
    fn keeps(&self, b: &Branch) -> bool {
        let unit = self.unit.trim();
        if !unit.is_empty() && !b.unit.contains(unit) {
            return false;
        }
        let [done, partly, not_done, _, not_started] = b.tally();
        match self.status.as_str() {
            "not_done" => not_done > 0,
            "partly" => partly > 0,
            "not_started" => not_started > 0,
            "all_done" => partly + not_done + not_started == 0 && done > 0,
            _ => true,
        }
    }

    /// The branches shown, as places in `rollup.branches`.
    fn rows(&self, rollup: &Rollup) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..rollup.branches.len()).filter(|&i| self.keeps(&rollup.branches[i])).collect();
        let b = &rollup.branches;
        match self.sort.as_str() {
            "unit" => rows.sort_by(|&x, &y| b[x].unit.cmp(&b[y].unit)),
            "rate_up" => rows.sort_by_key(|&i| b[i].rate()),
            "rate_down" => rows.sort_by_key(|&i| std::cmp::Reverse(b[i].rate())),
            "problems" => rows.sort_by_key(|&i| std::cmp::Reverse(b[i].problems)),
            _ => {}
        }
        rows
    }

    fn columns<'r>(&self, rollup: &'r Rollup) -> Vec<&'r Column> {
        rollup.columns.iter().filter(|c| self.section.is_empty() || c.section == self.section).collect()
    }
}

/// The saved 汇总, or why it could not be read.
fn load() -> (Rollup, Option<String>) {
    match storage::get(Key::Rollup) {
        None => (Rollup::default(), None),
        Some(text) => match Rollup::from_json(&text) {
            Ok(r) => (r, None),
            Err(why) => (Rollup::default(), Some(why)),
        },
    }
}

fn save(rollup: &Rollup) -> Option<String> {
    if rollup.branches.is_empty() && rollup.files.is_empty() {
        storage::remove(Key::Rollup);
        return None;
    }
    match storage::set_text(Key::Rollup, &rollup.to_json()) {
        Ok(()) => None,
        Err(SaveError::Full) => Some(
            "浏览器的存储空间不足，这次的汇总没有保存，只留在当前页面中：刷新或关闭页面后需要重新导入。可以先“导出Excel”留存结果，或清除后分批导入。"
                .into(),
        ),
        Err(SaveError::Unavailable) => Some(
            "浏览器不允许本页面保存数据（可能是无痕窗口或浏览器设置所致），汇总只留在当前页面中。可以先“导出Excel”留存结果。"
                .into(),
        ),
        Err(e) => Some(format!("汇总没有保存（{e}）。汇总只留在当前页面中，可以先“导出Excel”留存结果。")),
    }
}

/// Gives the page a turn to draw (the progress) between files.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn today() -> String {
    format_time(now_ms()).split(' ').next().unwrap_or("").replace(['年', '月'], "-").replace('日', "")
}

fn status_class(cell: Cell2) -> &'static str {
    match cell {
        Cell2::Absent => "rollup-absent",
        Cell2::Status(Status::Done) => "rollup-done",
        Cell2::Status(Status::Partly) => "rollup-partly",
        Cell2::Status(Status::NotDone) => "rollup-not-done",
        Cell2::Status(Status::NotApplicable) => "rollup-na",
        Cell2::Status(Status::NotStarted) => "rollup-blank",
    }
}

#[component]
pub fn RollupPage() -> impl IntoView {
    let (saved, trouble) = load();
    let data = RwSignal::new(saved);
    // (whether all is well, what to say)
    let message = RwSignal::new(trouble.map(|t| (false, t)));
    let progress = RwSignal::new(None::<(usize, usize)>);
    let last_batch = RwSignal::new(0usize);
    let confirm_clear = RwSignal::new(false);
    let copied = RwSignal::new(None::<String>);
    let view_of =
        RwSignal::new(View { unit: String::new(), status: "all".into(), section: String::new(), sort: "order".into() });
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let drop_over = RwSignal::new(false);

    let import = move |list: web_sys::FileList| {
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if chosen.is_empty() || progress.get_untracked().is_some() {
            return;
        }
        message.set(None);
        copied.set(None);
        leptos::task::spawn_local(async move {
            let total = chosen.len();
            let mut parsed = Vec::with_capacity(total);
            for (i, file) in chosen.iter().enumerate() {
                // A turn to draw the progress now and then, not after every small file.
                if i % 10 == 0 {
                    progress.set(Some((i, total)));
                    next_turn().await;
                }
                let name = file.name();
                if file.size() > MAX_FILE_BYTES as f64 {
                    parsed.push((name, Err(ImportError::TooLarge { bytes: file.size() as usize }.to_string())));
                    continue;
                }
                let read = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buf) => {
                        parse_backup(&js_sys::Uint8Array::new(buf.unchecked_ref()).to_vec()).map_err(|e| e.to_string())
                    }
                    Err(_) => Err("无法读取这个文件，请确认文件没有被其他程序占用后再试。".to_string()),
                };
                parsed.push((name, read));
            }
            // The checklists the reports use, fetched before the reports are read.
            let mut failed: Vec<(&'static str, String)> = Vec::new();
            let mut wanted = Vec::new();
            for (_, read) in &parsed {
                let Ok(imported) = read else { continue };
                for r in &imported.reports {
                    if let Lookup::NotLoaded(info) = builtin::lookup(&r.template_id) {
                        if !wanted.iter().any(|w: &&builtin::PresetInfo| w.id == info.id) {
                            wanted.push(info);
                        }
                    }
                }
            }
            for info in wanted {
                if let Err(why) = load_checklist(info).await {
                    failed.push((info.id, why));
                }
            }
            progress.set(Some((total, total)));
            next_turn().await;
            data.update(|rollup| {
                for (name, read) in parsed {
                    let read = read.and_then(|imported| {
                        let missing =
                            imported.reports.iter().find_map(|r| failed.iter().find(|(id, _)| *id == r.template_id));
                        match missing {
                            Some((_, why)) => Err(format!(
                                "这个文件中的报告所用的清单没有载入（{why}）。请确认网络正常后，重新导入这个文件。"
                            )),
                            None => Ok(imported),
                        }
                    });
                    rollup.add_parsed(&name, read);
                }
            });
            last_batch.set(total);
            let trouble = data.with_untracked(save);
            let (read, refused) = data.with_untracked(|r| {
                let batch = &r.files[r.files.len().saturating_sub(total)..];
                let refused = batch.iter().filter(|f| f.outcome.is_err()).count();
                (batch.len() - refused, refused)
            });
            let mut said = format!("导入了{read}个文件");
            if refused > 0 {
                said.push_str(&format!("，{refused}个文件未能读取，原因见下面的文件列表"));
            }
            said.push('。');
            let ok = refused == 0 && trouble.is_none();
            if let Some(t) = trouble {
                said.push_str(&t);
            }
            message.set(Some((ok, said)));
            progress.set(None);
        });
    };

    let on_change = move |_| {
        let Some(el) = input.get_untracked() else { return };
        if let Some(list) = el.files() {
            import(list);
        }
        el.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drop_over.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            import(list);
        }
    };
    let on_drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drop_over.set(true);
    };

    let clear = move |_| {
        data.set(Rollup::default());
        storage::remove(Key::Rollup);
        confirm_clear.set(false);
        last_batch.set(0);
        message.set(Some((true, "汇总已清除。各支部的文件没有变动，需要时可以重新导入。".into())));
    };

    let export = move |_| {
        let bytes = data.with_untracked(|r| to_xlsx(&r.sheet()));
        if files::download_bytes(&format!("意识形态工作责任制落实情况汇总-{}.xlsx", today()), XLSX_MIME, &bytes)
            .is_err()
        {
            message.set(Some((false, "浏览器没有让本页面下载文件。请换用其他浏览器，或检查浏览器的下载设置。".into())));
        }
    };

    let paragraph = Memo::new(move |_| data.with(Rollup::paragraph));
    let copy = move |_| {
        let text = paragraph.get_untracked();
        leptos::task::spawn_local(async move {
            let said = match copy_text(&text).await {
                Copied::Direct | Copied::Compatible => "已复制，可以粘贴到本单位的报告中。".to_string(),
                Copied::Failed => {
                    if let Some(el) = document().get_element_by_id("rollup-paragraph") {
                        select_contents(&el);
                    }
                    "浏览器不允许复制，已选中这段文字，请按 Ctrl+C 复制。".to_string()
                }
            };
            copied.set(Some(said));
        });
    };

    let has_data = move || data.with(|r| !r.branches.is_empty());
    let sections = move || {
        data.with(|r| {
            let mut out: Vec<String> = Vec::new();
            for c in &r.columns {
                if !out.contains(&c.section) {
                    out.push(c.section.clone());
                }
            }
            out
        })
    };

    view! {
        <h1 tabindex="-1">"汇总"</h1>
        <p class="lead">
            "上级党组织收齐各支部（各单位）从本工具导出的备份文件后，在这里一次导入，就能在一张表里看到各单位的自查情况，并生成汇总段落、导出Excel表格。文件只在本机读取，不会发送到任何地方。"
        </p>
        <div
            class="rollup-drop"
            class:rollup-drop-over=move || drop_over.get()
            on:dragover=on_drag_over
            on:dragleave=move |_| drop_over.set(false)
            on:drop=on_drop
        >
            <label for="rollup-files" class="rollup-label">
                "各支部的备份文件"
            </label>
            <p id="rollup-hint" class="hint">
                "可以一次选择多个文件（按住 Ctrl 逐个点选，或按 Ctrl+A 全选），也可以把文件拖到这个框里。每个文件是一个支部导出的备份，含一份或几份报告；个人对照检查材料不计入汇总。"
            </p>
            // The browser's own file control speaks the browser's language: unseen but
            // focusable, opened by a label in Chinese (as on the 备份 page).
            <input
                id="rollup-files"
                class="file-input"
                type="file"
                multiple
                accept=".json,application/json"
                node_ref=input
                aria-describedby="rollup-hint"
                on:change=on_change
            />
            <label for="rollup-files" class="button file-button" aria-hidden="true">
                "选择各支部的备份文件…"
            </label>
        </div>
        <div role="status" aria-live="polite" class="rollup-progress">
            {move || {
                progress
                    .get()
                    .map(|(done, total)| {
                        view! {
                            <p>{format!("正在读取文件：{done}/{total}")}</p>
                            <progress max=total.to_string() value=done.to_string()></progress>
                        }
                    })
            }}
        </div>
        <Said message />
        <FileList data last_batch />
        <Show when=has_data>
            <h2>"汇总段落"</h2>
            <p class="rollup-paragraph" id="rollup-paragraph">
                {move || paragraph.get()}
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=copy>
                    "复制这段文字"
                </button>
                <button type="button" class="button button-secondary" on:click=export>
                    "导出Excel表格"
                </button>
            </div>
            <p role="status" class="confirm">
                {move || copied.get()}
            </p>
            <MostMissed data />
            <h2 id="rollup-table-title">"各单位自查情况"</h2>
            <div class="field-row rollup-filters">
                <span class="rollup-filter">
                    <label for="rollup-unit">"查找单位"</label>
                    <input
                        id="rollup-unit"
                        type="search"
                        maxlength="50"
                        prop:value=move || view_of.with(|v| v.unit.clone())
                        on:input=move |ev| view_of.update(|v| v.unit = event_target_value(&ev))
                    />
                </span>
                <span class="rollup-filter">
                    <label for="rollup-status">"显示"</label>
                    <select
                        id="rollup-status"
                        on:change=move |ev| view_of.update(|v| v.status = event_target_value(&ev))
                    >
                        <option value="all" selected>
                            "全部单位"
                        </option>
                        <option value="not_done">"有未落实事项的单位"</option>
                        <option value="partly">"有部分落实事项的单位"</option>
                        <option value="not_started">"有未填事项的单位"</option>
                        <option value="all_done">"全部落实的单位"</option>
                    </select>
                </span>
                <span class="rollup-filter">
                    <label for="rollup-section">"事项"</label>
                    <select
                        id="rollup-section"
                        on:change=move |ev| view_of.update(|v| v.section = event_target_value(&ev))
                    >
                        <option value="" selected>
                            "全部方面"
                        </option>
                        {move || {
                            sections()
                                .into_iter()
                                .map(|s| view! { <option value=s.clone()>{s.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </span>
                <span class="rollup-filter">
                    <label for="rollup-sort">"排序"</label>
                    <select id="rollup-sort" on:change=move |ev| view_of.update(|v| v.sort = event_target_value(&ev))>
                        <option value="order" selected>
                            "按导入顺序"
                        </option>
                        <option value="unit">"按单位名称"</option>
                        <option value="rate_up">"落实率从低到高"</option>
                        <option value="rate_down">"落实率从高到低"</option>
                        <option value="problems">"问题数从多到少"</option>
                    </select>
                </span>
            </div>
            <Table data view_of />
            <div class="actions rollup-clear">
                <Show
                    when=move || confirm_clear.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| confirm_clear.set(true)
                            >
                                "清除汇总"
                            </button>
                        }
                    }
                >
                    <p>
                        "清除后表格和汇总段落都会删除（各支部的文件不受影响）。确定清除吗？"
                    </p>
                    <button type="button" class="button button-warning" on:click=clear>
                        "确认清除"
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| confirm_clear.set(false)>
                        "取消"
                    </button>
                </Show>
            </div>
        </Show>
        <p class="hint">
            {format!(
                "一次汇总最多容纳{MAX_BRANCHES}个单位。同一单位同一期间有两份报告时，采用修改时间较新的一份。",
            )}
        </p>
    }
}

/// The files read, the last batch's refused ones first and open.
#[component]
fn FileList(data: RwSignal<Rollup>, last_batch: RwSignal<usize>) -> impl IntoView {
    move || {
        let batch = last_batch.get();
        data.with(|r| {
            if r.files.is_empty() {
                return None;
            }
            let refused = r.files.iter().filter(|f| f.outcome.is_err()).count();
            let recent_trouble = r.files[r.files.len().saturating_sub(batch)..]
                .iter()
                .any(|f| f.outcome.is_err() || !f.notes.is_empty());
            let items = r
                .files
                .iter()
                .map(|f| {
                    let (class, said) = match &f.outcome {
                        Ok(n) => ("rollup-file", format!("{}：含{n}份单位报告。", f.file)),
                        Err(why) => ("rollup-file rollup-file-refused", format!("{}：未能读取。{why}", f.file)),
                    };
                    let notes = f.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
                    view! { <li class=class>{said} <ul>{notes}</ul></li> }
                })
                .collect_view();
            let summary = if refused > 0 {
                format!("已导入的文件（{}个，其中{refused}个未能读取）", r.files.len())
            } else {
                format!("已导入的文件（{}个）", r.files.len())
            };
            Some(view! {
                <details class="rollup-files" open=recent_trouble>
                    <summary>{summary}</summary>
                    <ul>{items}</ul>
                </details>
            })
        })
    }
}

/// The items most units have not done, with a bar each.
#[component]
fn MostMissed(data: RwSignal<Rollup>) -> impl IntoView {
    move || {
        data.with(|r| {
            let n = r.branches.len();
            let missed = r.most_missed(MOST_MISSED);
            if missed.is_empty() {
                return view! {
                    <h2>"落实较差的事项"</h2>
                    <p>"各单位没有未落实或部分落实的事项。"</p>
                }
                .into_any();
            }
            let items = missed
                .into_iter()
                .map(|(c, not_done, partly)| {
                    let words = match (not_done, partly) {
                        (0, p) => format!("{p}个单位部分落实"),
                        (m, 0) => format!("{m}个单位未落实"),
                        (m, p) => format!("{m}个单位未落实，{p}个单位部分落实"),
                    };
                    view! {
                        <li>
                            <span class="rollup-missed-task">{c.task.clone()}</span>
                            // Fewer is better: the bar turns from green to red as more units fall short.
                            <meter
                                min="0"
                                optimum="0"
                                low=(n as f64 / 3.0).to_string()
                                high=(n as f64 * 2.0 / 3.0).to_string()
                                max=n.to_string()
                                value=(not_done + partly).to_string()
                                aria-hidden="true"
                            ></meter>
                            <span class="rollup-missed-count">{words}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>"落实较差的事项"</h2>
                <p class="hint">{format!("按未落实和部分落实的单位数排列，共{n}个单位。")}</p>
                <ol class="rollup-missed">{items}</ol>
            }
            .into_any()
        })
    }
}

/// The table: a row per unit, its summary and key counts, then a cell per item; a last row
/// of totals. The unit column stays in view when the table scrolls sideways.
#[component]
fn Table(data: RwSignal<Rollup>, view_of: RwSignal<View>) -> impl IntoView {
    move || {
        let v = view_of.get();
        data.with(|r| {
            let rows = v.rows(r);
            let columns = v.columns(r);
            let head_items = columns
                .iter()
                .map(|c| {
                    view! {
                        <th scope="col" class="rollup-item-head" data-item=c.item.clone()>
                            {c.task.clone()}
                        </th>
                    }
                })
                .collect_view();
            let key_heads = KEY_ITEMS.iter().map(|(_, h)| view! { <th scope="col">{*h}</th> }).collect_view();
            let body = rows
                .iter()
                .map(|&i| {
                    let b = &r.branches[i];
                    let [done, partly, not_done, na, blank] = b.tally();
                    let keys = KEY_ITEMS
                        .iter()
                        .map(|(id, _)| view! { <td class="num">{b.figures.get(*id).map(|n| n.to_string())}</td> })
                        .collect_view();
                    let cells = columns
                        .iter()
                        .map(|c| view! { <td class=status_class(b.cell(&c.item))>{b.cell_text(c)}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" class="rollup-unit">
                                {b.unit.clone()}
                                <span class="rollup-period">{b.period.label(b.year)}</span>
                            </th>
                            <td class="num">{format!("{}%", b.rate())}</td>
                            <td class="num">{done}</td>
                            <td class="num">{partly}</td>
                            <td class="num">{not_done}</td>
                            <td class="num">{na}</td>
                            <td class="num">{blank}</td>
                            <td class="num">{b.problems}</td>
                            {keys}
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let shown: Vec<&Branch> = rows.iter().map(|&i| &r.branches[i]).collect();
            let n = shown.len();
            let total = (n > 0).then(|| {
                let sum = |k: usize| shown.iter().map(|b| b.tally()[k]).sum::<usize>();
                let mean = shown.iter().map(|b| b.rate() as usize).sum::<usize>() / n;
                let keys = KEY_ITEMS
                    .iter()
                    .map(|(id, _)| {
                        let s: u32 = shown.iter().filter_map(|b| b.figures.get(*id)).sum();
                        view! { <td class="num">{s}</td> }
                    })
                    .collect_view();
                let cells = columns
                    .iter()
                    .map(|c| {
                        let gaps =
                            shown.iter().filter(|b| matches!(b.cell(&c.item), Cell2::Status(s) if s.has_gap())).count();
                        view! { <td>{format!("{gaps}个未全部落实")}</td> }
                    })
                    .collect_view();
                view! {
                    <tr class="rollup-total">
                        <th scope="row" class="rollup-unit">
                            {format!("合计（{n}个单位）")}
                        </th>
                        <td class="num">{format!("平均{mean}%")}</td>
                        <td class="num">{sum(0)}</td>
                        <td class="num">{sum(1)}</td>
                        <td class="num">{sum(2)}</td>
                        <td class="num">{sum(3)}</td>
                        <td class="num">{sum(4)}</td>
                        <td class="num">{shown.iter().map(|b| b.problems).sum::<usize>()}</td>
                        {keys}
                        {cells}
                    </tr>
                }
            });
            let caption = if n == r.branches.len() {
                format!("共{n}个单位。表格较宽时可左右滚动，单位名称一列固定不动。")
            } else {
                format!("显示{n}个单位（共{}个）。表格较宽时可左右滚动，单位名称一列固定不动。", r.branches.len())
            };
            view! {
                <div class="rollup-scroll" tabindex="0" role="region" aria-labelledby="rollup-table-title">
                    <table class="rollup-table">
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="rollup-unit">
                                    "单位"
                                </th>
                                <th scope="col">"落实率"</th>
                                <th scope="col">"已落实"</th>
                                <th scope="col">"部分落实"</th>
                                <th scope="col">"未落实"</th>
                                <th scope="col">"不适用"</th>
                                <th scope="col">"未填"</th>
                                <th scope="col">"问题数"</th>
                                {key_heads}
                                {head_items}
                            </tr>
                        </thead>
                        <tbody>{body} {total}</tbody>
                    </table>
                </div>
            }
        })
    }
}
