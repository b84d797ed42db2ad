//! 导入备份文件 (`#/backup`, the tools module): a backup file is checked first (size,
//! shape, version, hostile strings), what it holds is shown, and the user chooses to add
//! the reports or to replace the saved ones (replacing can be undone while on the page).
//! Nothing saved changes until the user confirms. Export stays on 我的报告 (`ui::backup`).

use crate::domain::backup::{self, ImportMode, Imported, MAX_FILE_BYTES};
use crate::domain::report::Report;
use crate::state::use_store;
use crate::ui::focus_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn RestorePage() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Imported>);
    let undo_replace = RwSignal::new(None::<Vec<Report>>);
    let message = RwSignal::new(None::<(bool, String)>);
    let input: NodeRef<leptos::html::Input> = NodeRef::new();

    let on_file = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let Some(file) = el.files().and_then(|l| l.get(0)) else { return };
        el.set_value("");
        pending.set(None);
        if file.size() > MAX_FILE_BYTES as f64 {
            let e = backup::ImportError::TooLarge { bytes: file.size() as usize };
            message.set(Some((false, e.to_string())));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(buf.unchecked_ref()).to_vec(),
                Err(_) => {
                    message.set(Some((false, "无法读取这个文件，请确认文件没有被其他程序占用后再试。".into())));
                    return;
                }
            };
            match backup::parse_backup(&bytes) {
                Ok(imported) => {
                    message.set(None);
                    pending.set(Some(imported));
                }
                Err(e) => message.set(Some((false, e.to_string()))),
            }
        });
    };
    let apply = move |mode: ImportMode| {
        let Some(imported) = pending.get_untracked() else { return };
        let (mut next, summary) = store.with_untracked(|d| backup::merge(d, imported.reports, mode));
        // The user checklists the reports were made with come along (an edition already
        // here is the same edition: ids are never reused).
        for c in imported.checklists {
            if !next.checklists.iter().any(|h| h.get("id") == c.get("id")) {
                next.checklists.push(c);
            }
        }
        // Replacing drops saved reports: keep them until the user moves on, for 撤销.
        let before =
            (mode == ImportMode::Replace && summary.removed > 0).then(|| store.with_untracked(|d| d.reports.clone()));
        // The home page lists reports reactively; no rebuild needed (it would drop this message).
        store.replace(next);
        pending.set(None);
        undo_replace.set(before);
        message.set(Some((true, summary.to_string())));
        request_animation_frame(|| focus_id("import-result"));
    };
    let undo = move |_| {
        if let Some(old) = undo_replace.get_untracked() {
            let n = old.len();
            store.set_reports(old);
            undo_replace.set(None);
            message.set(Some((true, format!("已撤销替换，原来的{n}份报告已恢复。"))));
        }
    };
    let saved_count = move || store.with(|d| d.reports.len());

    view! {
        <h1 tabindex="-1">"导入备份文件"</h1>
        <p class="lead">
            "把本工具导出的备份文件中的报告恢复到这个浏览器：可以添加到现有报告，也可以替换现有报告。"
        </p>
        <section class="backup" aria-label="选择备份文件">
            <div class="field">
                <label for="import-file">"导入备份文件"</label>
                <p class="hint" id="import-hint">
                    "选择本工具导出的 .json 文件。导入前会先显示文件内容，由您确认。"
                </p>
                // The browser's own file control speaks the browser's language ("Choose File"
                // in an English-language browser): it stays focusable but unseen, and a label
                // in Chinese opens it (by click, or Enter/Space on the focused control).
                <input
                    id="import-file"
                    class="file-input"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input
                    aria-describedby="import-hint"
                    on:change=on_file
                />
                <label for="import-file" class="button button-secondary file-button" aria-hidden="true">
                    "选择备份文件…"
                </label>
            </div>
            {move || {
                message
                    .get()
                    .map(|(ok, m)| {
                        view! {
                            <p
                                class=if ok { "confirm" } else { "error" }
                                role=if ok { "status" } else { "alert" }
                                id="import-result"
                                tabindex="-1"
                            >
                                {m}
                            </p>
                        }
                    })
            }}
            {move || {
                undo_replace
                    .get()
                    .map(|old| {
                        view! {
                            <button type="button" class="button button-secondary" on:click=undo>
                                {format!("撤销替换，恢复原来的{}份报告", old.len())}
                            </button>
                        }
                    })
            }}
            {move || {
                pending
                    .get()
                    .map(|imp| {
                        let summary = backup::describe(&imp);
                        let n = saved_count();
                        view! {
                            <div class="banner banner-info" role="region" aria-label="确认导入">
                                {summary.lines().map(|l| view! { <p>{l.to_string()}</p> }).collect_view()}
                                <button type="button" class="button" on:click=move |_| apply(ImportMode::Add)>
                                    "添加到现有报告"
                                </button>
                                {(n > 0)
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="button button-warning"
                                                on:click=move |_| apply(ImportMode::Replace)
                                            >
                                                {format!("替换现有的{n}份报告")}
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| pending.set(None)
                                >
                                    "取消"
                                </button>
                                {(n > 0)
                                    .then(|| {
                                        view! {
                                            <p class="hint">
                                                "替换会删除现有报告。如不确定，请先回到“我的报告”点击“导出全部报告”。"
                                            </p>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
        </section>
        <p>
            <a class="button button-secondary" href="#/">
                {move || format!("返回我的报告（现有{}份）", saved_count())}
            </a>
        </p>
    }
}
