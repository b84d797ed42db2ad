//! 编辑清单 (`#/c/…`): 我的清单 (`#/c/mine`: the user's checklists, a new one copied from
//! any checklist, a checklist file imported), the start from a built-in checklist
//! (`#/c/default`, `#/c/village`…: 复制为我的清单), and the editor of one of the user's
//! own (`#/c/my-…`).
//!
//! The editor works on a draft: every step can be undone, the draft is checked as the user
//! types (the build's own checks, `Template::validate`), each item shows the sentences it
//! gives with sample figures, and the draft is kept under its own storage key until 保存
//! makes it the checklist's next edition. Reports keep the edition they were made with.
//! The edits themselves are `domain::custom`'s.

use crate::browser::storage::{self, Key};
use crate::browser::{files, new_id};
use crate::domain::builtin::{self, Lookup, PRESETS};
use crate::domain::custom::{self, ItemText, NewField, SectionText};
use crate::domain::generate::{item_point, problems};
use crate::domain::report::{Answer, Report, Status};
use crate::domain::template::{FieldKind, Template};
use crate::route::Route;
use crate::state::{load_checklist, navigate, use_store, Store};
use crate::ui::widgets::{typed, Said};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One undoable change to the draft.
type Edit = Box<dyn FnOnce(&mut Template)>;

/// A figure field of the item being edited, as it is now: its place among the item's
/// fields, its name, its bounds and unit if a count, its kind in words, its hint, its
/// options one a line if a choice.
type FieldNow = (usize, String, Option<(String, String, String)>, &'static str, String, Option<String>);

/// The page for `#/c/{checklist}`.
#[component]
pub fn EditorPage(checklist: String) -> impl IntoView {
    if checklist == "mine" {
        view! { <MyChecklists /> }.into_any()
    } else if custom::is_custom(&checklist) {
        view! { <Editor id=checklist /> }.into_any()
    } else {
        view! { <CopyStart source=checklist /> }.into_any()
    }
}

/// The user's checklists, newest edition of each, that the saved data still holds:
/// (id, name, edition).
fn mine(store: Store) -> Vec<(String, String, String)> {
    let saved: Vec<String> = store.with(|d| {
        d.checklists
            .iter()
            .filter_map(|v| v.get("id").and_then(serde_json::Value::as_str).map(str::to_string))
            .collect()
    });
    builtin::registered()
        .into_iter()
        .filter(|t| custom::is_custom(&t.id))
        .map(|t| (t.id.to_string(), t.name.to_string(), t.edition.to_string()))
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|(id, _, _)| {
            let all: Vec<&str> = saved.iter().map(String::as_str).collect();
            custom::latest(all).contains(&id.as_str())
        })
        .collect()
}

/// Saves a checklist as a new edition and says what went wrong, if anything.
fn save(store: Store, t: &Template) -> Result<(), String> {
    t.validate().map_err(|e| format!("清单还有错误，没有保存：{e}"))?;
    store.save_checklist(t.clone())
}

/// Offers a checklist as a file.
fn export(t: &Template) {
    let Ok(value) = serde_json::to_value(t) else { return };
    let name = crate::domain::text::file_name_part(&format!("清单-{}-第{}版", t.name, t.edition), 60);
    let _ = files::download(&format!("{name}.json"), "application/json", &custom::to_file(&value));
}

fn fresh_base() -> String {
    format!("{}{}", custom::PREFIX, new_id().to_lowercase())
}

#[component]
fn MyChecklists() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<(bool, String)>);
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let list = move || mine(store);
    let remove = move |id: String, name: String| {
        let Some((base, _)) = custom::split_id(&id) else { return };
        match store.remove_checklist(base) {
            Ok(()) => message.set(Some((true, format!("已删除清单“{name}”。")))),
            Err(n) => message.set(Some((
                false,
                format!("还有{n}份报告在用清单“{name}”，不能删除。请先在这些报告的“基本信息”中换用别的清单。"),
            ))),
        }
    };
    let on_file = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let Some(file) = el.files().and_then(|l| l.get(0)) else { return };
        el.set_value("");
        if file.size() > custom::MAX_CHECKLIST_BYTES as f64 {
            message.set(Some((false, "文件太大，不是本工具导出的清单文件。请确认选对了文件。".into())));
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                message.set(Some((false, "无法读取这个文件，请确认文件没有被其他程序占用后再试。".into())));
                return;
            };
            let bytes = js_sys::Uint8Array::new(buf.unchecked_ref()).to_vec();
            match custom::read_file(&bytes) {
                Ok(t) => {
                    let name = t.name.to_string();
                    let copy = custom::copy_as_mine(&t, &fresh_base(), &name);
                    match save(store, &copy) {
                        Ok(()) => message.set(Some((true, format!("已导入清单“{name}”，共{}项。", copy.item_count())))),
                        Err(e) => message.set(Some((false, e))),
                    }
                }
                Err(e) => message.set(Some((false, e))),
            }
        });
    };
    let choices: Vec<(String, String)> =
        std::iter::once((builtin::default().id.to_string(), "通用清单：党政机关等".to_string()))
            .chain(PRESETS.iter().map(|p| (p.id.to_string(), p.name.to_string())))
            .collect();
    let source = RwSignal::new(builtin::default().id.to_string());
    view! {
        <h1 tabindex="-1">"我的清单"</h1>
        <p class="lead">
            "把通用清单或某类单位的预设清单复制一份，按本单位的实际增删事项、改写报告中的文字。每次保存是一个新版本；已经写好的报告仍按它当时用的版本生成，不会被悄悄改变。"
        </p>
        {move || {
            let rows = list();
            if rows.is_empty() {
                view! { <p>"还没有自己的清单。"</p> }.into_any()
            } else {
                view! {
                    <ul class="checklist-list">
                        {rows
                            .into_iter()
                            .map(|(id, name, edition)| {
                                view! {
                                    <li>
                                        <a href=Route::editor(&id).href()>{name.clone()}</a>
                                        {format!("（第{edition}版）")}
                                        " "
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            on:click={
                                                let (id, name) = (id.clone(), name.clone());
                                                move |_| remove(id.clone(), name.clone())
                                            }
                                        >
                                            {format!("删除“{name}”")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
        <h2>"新建我的清单"</h2>
        <div class="field">
            <label for="copy-source">"从哪份清单开始"</label>
            <select id="copy-source" on:change=move |ev| source.set(event_target_value(&ev))>
                {choices
                    .into_iter()
                    .map(|(id, name)| view! { <option value=id.clone()>{name}</option> })
                    .collect_view()}
            </select>
        </div>
        <a class="button" href=move || Route::editor(&source.get()).href()>
            "下一步：复制为我的清单"
        </a>
        <h2>"导入清单文件"</h2>
        <div class="field">
            <label for="checklist-file">"清单文件"</label>
            <p class="hint" id="checklist-file-hint">
                "上级下发的、或别人从本工具导出的清单文件（.json）。导入前会检查文件，导入后成为您自己的一份清单。"
            </p>
            <input
                id="checklist-file"
                class="file-input"
                type="file"
                accept=".json,application/json"
                node_ref=input
                aria-describedby="checklist-file-hint"
                on:change=on_file
            />
            <label for="checklist-file" class="button button-secondary file-button" aria-hidden="true">
                "选择清单文件…"
            </label>
        </div>
        <Said message />
    }
}

/// 复制为我的清单 from a built-in checklist (fetched first when it is a preset).
#[component]
fn CopyStart(source: String) -> impl IntoView {
    let store = use_store();
    let ready = RwSignal::new(None::<Result<&'static Template, String>>);
    match builtin::lookup(&source) {
        Lookup::Ready(t) => ready.set(Some(Ok(t))),
        Lookup::NotLoaded(info) => leptos::task::spawn_local(async move {
            ready.set(Some(load_checklist(info).await.map(|_| builtin::checklist(info.id))));
        }),
    }
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let copy = move |_| {
        let Some(Ok(t)) = ready.get_untracked() else { return };
        let typed_name = name.get_untracked();
        let chosen = if typed_name.trim().is_empty() { format!("{}（本单位）", t.name) } else { typed_name };
        let mine = custom::copy_as_mine(t, &fresh_base(), &custom::tidy(&chosen, 40));
        match save(store, &mine) {
            Ok(()) => navigate(&Route::editor(&mine.id)),
            Err(e) => message.set(Some(e)),
        }
    };
    view! {
        <h1 tabindex="-1">"复制为我的清单"</h1>
        {move || match ready.get() {
            None => view! { <p role="status">"正在载入清单……"</p> }.into_any(),
            Some(Err(why)) => {
                view! {
                    <p class="error" role="alert">
                        {format!("清单没有载入（{why}）。请确认网络正常后刷新页面。")}
                    </p>
                }
                    .into_any()
            }
            Some(Ok(t)) => {
                view! {
                    <p class="lead">
                        {format!(
                            "以“{}”（{}版，共{}项）为底稿，复制一份属于您的清单，再按本单位实际修改。原清单不变。",
                            t.name,
                            t.edition,
                            t.item_count(),
                        )}
                    </p>
                    <div class="field">
                        <label for="copy-name">"我的清单的名称"</label>
                        <p class="hint" id="copy-name-hint">
                            {format!(
                                "例如：某某局意识形态工作责任制清单。不填则叫“{}（本单位）”。",
                                t.name,
                            )}
                        </p>
                        <input
                            id="copy-name"
                            type="text"
                            maxlength="40"
                            aria-describedby="copy-name-hint"
                            on:input=move |ev| {
                                if let Some(v) = typed(&ev) {
                                    name.set(v);
                                }
                            }
                            on:compositionend=move |ev| name.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="button" class="button" on:click=copy>
                        "复制为我的清单"
                    </button>
                }
                    .into_any()
            }
        }}
        <p class="error" role="alert">
            {move || message.get()}
        </p>
        <p>
            <a href=Route::editor("mine").href()>"返回我的清单"</a>
        </p>
    }
}

/// A sample report answering one item, for the preview: the figures at sample values.
fn sample(t: &Template, item_id: &str, status: Status) -> Report {
    let mut r = Report { unit: "某某局党组".into(), template_id: t.id.to_string(), ..Report::new("preview", 0.0) };
    if let Some(item) = t.item(item_id) {
        let values = item
            .fields
            .iter()
            .map(|f| {
                let v = match &f.kind {
                    FieldKind::Count { min, max, .. } => 2.clamp(*min, *max).to_string(),
                    FieldKind::Percent => "95".into(),
                    FieldKind::Date => "2026-06-18".into(),
                    FieldKind::Text { .. } | FieldKind::LongText { .. } => "网络意识形态工作".into(),
                    FieldKind::Choice { options } => options.first().map(|o| o.to_string()).unwrap_or_default(),
                };
                (f.id.to_string(), v)
            })
            .collect();
        r.answers.insert(item_id.to_string(), Answer { status, values, note: String::new() });
    }
    r
}

/// The draft kept while editing, with the checklist it is a draft of.
#[derive(serde::Serialize, serde::Deserialize)]
struct Draft {
    of: String,
    checklist: Template,
}

fn load_draft(of: &str) -> Option<Template> {
    let text = storage::get(Key::ChecklistDraft)?;
    let d: Draft = serde_json::from_str(&text).ok()?;
    (d.of == of).then_some(d.checklist)
}

fn keep_draft(of: &str, t: &Template) {
    if let Ok(text) = serde_json::to_string(&Draft { of: of.to_string(), checklist: t.clone() }) {
        let _ = storage::set_text(Key::ChecklistDraft, &text);
    }
}

#[component]
fn Editor(id: String) -> impl IntoView {
    let store = use_store();
    let Lookup::Ready(saved) = builtin::lookup(&id) else { unreachable!("a user checklist is never fetched") };
    if saved.id != id {
        return view! {
            <h1 tabindex="-1">"找不到这份清单"</h1>
            <p>
                "这份清单不在本机保存的数据中。可能是在另一台电脑上建的：请在那里“导出清单文件”，再到这里导入。"
            </p>
            <p>
                <a href=Route::editor("mine").href()>"返回我的清单"</a>
            </p>
        }
        .into_any();
    }
    // Edit the newest edition (a link to an older one opens the newest).
    let newest = {
        let all = builtin::registered();
        let base = custom::split_id(&id).map(|(b, _)| b.to_string()).unwrap_or_default();
        custom::latest(all.iter().map(|t| &*t.id))
            .into_iter()
            .find(|l| custom::split_id(l).is_some_and(|(b, _)| b == base))
            .map(|l| builtin::checklist(l))
            .unwrap_or(saved)
    };
    let of = newest.id.to_string();
    let restored = load_draft(&of);
    let was_restored = restored.is_some();
    let draft = RwSignal::new(restored.unwrap_or_else(|| custom::next_edition(newest)));
    let undo: RwSignal<Vec<Template>> = RwSignal::new(Vec::new());
    let before = StoredValue::new(None::<Template>);
    let open = RwSignal::new(None::<String>);
    let message = RwSignal::new(if was_restored {
        Some((true, "已恢复上次没有保存的修改。".to_string()))
    } else {
        None
    });
    let of_keep = of.clone();
    // Every change: kept as a draft at once.
    Effect::new(move |_| draft.with(|t| keep_draft(&of_keep, t)));
    let problem = Memo::new(move |_| draft.with(|t| t.validate().err().map(|e| e.to_string())));
    let changed = Memo::new(move |_| draft.with(|t| t.sections != newest.sections || t.name != newest.name));

    // One undoable step: the draft before it goes on the undo list.
    let step = move |f: Edit| {
        let was = draft.get_untracked();
        draft.update(f);
        if draft.with_untracked(|t| *t != was) {
            undo.update(|u| u.push(was));
        }
    };
    // Typing: the text changes at once (the preview follows); the step is recorded when the
    // box is left (`change`), so a word typed is one step, not one per character.
    let begin = move || before.set_value(Some(draft.get_untracked()));
    let end = move || {
        if let Some(was) = before.try_update_value(|b| b.take()).flatten() {
            if draft.with_untracked(|t| *t != was) {
                undo.update(|u| u.push(was));
            }
        }
    };
    let undo_last = move |_| {
        if let Some(prev) = undo.try_update(|u| u.pop()).flatten() {
            draft.set(prev);
        }
    };
    let of_save = of.clone();
    let save_now = move |_| {
        let t = draft.get_untracked();
        match save(store, &t) {
            Ok(()) => {
                storage::remove(Key::ChecklistDraft);
                message.set(Some((
                    true,
                    format!(
                        "已保存为第{}版。用这份清单的新报告按这一版生成；已有的报告可在“基本信息”中改用这一版。",
                        t.edition
                    ),
                )));
                let _ = &of_save;
                navigate(&Route::editor(&t.id));
            }
            Err(e) => message.set(Some((false, e))),
        }
    };
    let discard = move |_| {
        storage::remove(Key::ChecklistDraft);
        undo.set(Vec::new());
        draft.set(custom::next_edition(newest));
        message.set(Some((true, "已放弃没有保存的修改。".into())));
    };

    let structure = Memo::new(move |_| {
        draft.with(|t| {
            t.sections
                .iter()
                .map(|s| (s.id.to_string(), s.items.iter().map(|i| i.id.to_string()).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    let place = move |sid: &str, iid: Option<&str>| -> Option<(usize, usize)> {
        draft.with_untracked(|t| {
            let s = t.sections.iter().position(|x| x.id == sid)?;
            let i = match iid {
                Some(iid) => t.sections[s].items.iter().position(|x| x.id == iid)?,
                None => 0,
            };
            Some((s, i))
        })
    };
    let paste_title = RwSignal::new(String::new());
    let paste_text: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let paste_message = RwSignal::new(None::<String>);
    let paste = move |_| {
        let text = paste_text.get_untracked().map(|el| el.value()).unwrap_or_default();
        let title = paste_title.get_untracked();
        let was = draft.get_untracked();
        let result = draft.try_update(|t| custom::paste_section(t, &title, &text)).unwrap_or(Ok(0));
        if result.is_ok() {
            undo.update(|u| u.push(was));
        }
        match result {
            Ok(_) => {
                paste_message.set(Some("已加入为最后一个部分。这些事项的报告文字是通用写法，请逐项展开修改。".into()));
                if let Some(el) = paste_text.get_untracked() {
                    el.set_value("");
                }
            }
            Err(e) => paste_message.set(Some(e)),
        }
    };

    let section_view = move |sid: String| {
        let sid2 = sid.clone();
        let sid3 = sid.clone();
        let sid4 = sid.clone();
        let sid5 = sid.clone();
        let sid6 = sid.clone();
        let sid7 = sid.clone();
        let sid_rows = sid.clone();
        let text_of = move |which: SectionText| {
            let sid = sid.clone();
            move || {
                draft.with(|t| {
                    t.sections
                        .iter()
                        .find(|s| s.id == sid)
                        .map(|s| match which {
                            SectionText::Title => s.title.to_string(),
                            SectionText::Heading => s.heading.to_string(),
                            SectionText::Intro => s.intro.to_string(),
                        })
                        .unwrap_or_default()
                })
            }
        };
        let put = move |which: SectionText, v: String| {
            if let Some((s, _)) = place(&sid2, None) {
                draft.update(|t| custom::set_section_text(t, s, which, &v));
            }
        };
        let put = StoredValue::new(put);
        let on_typed = move |which: SectionText| {
            move |ev: web_sys::Event| {
                if let Some(v) = typed(&ev) {
                    put.with_value(|p| p(which, v));
                }
            }
        };
        let on_composed = move |which: SectionText| {
            move |ev: web_sys::CompositionEvent| put.with_value(|p| p(which, event_target_value(&ev)))
        };
        let items = move || {
            structure.with(|st| st.iter().find(|(s, _)| *s == sid3).map(|(_, i)| i.clone()).unwrap_or_default())
        };
        let title_id = format!("sec-title-{sid4}");
        let heading_id = format!("sec-heading-{sid4}");
        let intro_id = format!("sec-intro-{sid4}");
        // The section's title or heading: one line, edited like the lead paragraph below.
        let line = {
            let text_of = text_of.clone();
            move |id: String, label: &'static str, which: SectionText| {
                view! {
                    <span class="editor-pair">
                        <label for=id.clone()>{label}</label>
                        <input
                            id=id
                            type="text"
                            maxlength="60"
                            prop:value=text_of(which)
                            on:focus=move |_| begin()
                            on:input=on_typed(which)
                            on:compositionend=on_composed(which)
                            on:change=move |_| end()
                        />
                    </span>
                }
            }
        };
        view! {
            <section class="editor-section" aria-label=text_of(SectionText::Title)>
                <div class="field-row">
                    {line(title_id, "部分名称", SectionText::Title)}
                    {line(heading_id, "报告中的标题", SectionText::Heading)}
                </div>
                <div class="field">
                    <label for=intro_id.clone()>"报告中标题下的引导语（可空）"</label>
                    <textarea
                        id=intro_id
                        rows="2"
                        prop:value=text_of(SectionText::Intro)
                        on:focus=move |_| begin()
                        on:input=on_typed(SectionText::Intro)
                        on:compositionend=on_composed(SectionText::Intro)
                        on:change=move |_| end()
                    ></textarea>
                </div>
                <div class="actions editor-actions">
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click={
                            let sid = sid5.clone();
                            move |_| {
                                if let Some((s, _)) = place(&sid, None) {
                                    step(
                                        Box::new(move |t| {
                                            custom::move_section(t, s, true);
                                        }),
                                    );
                                }
                            }
                        }
                    >
                        "部分上移"
                    </button>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click={
                            let sid = sid5.clone();
                            move |_| {
                                if let Some((s, _)) = place(&sid, None) {
                                    step(
                                        Box::new(move |t| {
                                            custom::move_section(t, s, false);
                                        }),
                                    );
                                }
                            }
                        }
                    >
                        "部分下移"
                    </button>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click={
                            let sid = sid6.clone();
                            move |_| {
                                if let Some((s, _)) = place(&sid, None) {
                                    step(Box::new(move |t| custom::remove_section(t, s)));
                                }
                            }
                        }
                    >
                        "删除这个部分"
                    </button>
                </div>
                <ol class="editor-items">
                    <For each=items key=|iid| iid.clone() let:iid>
                        <ItemRow
                            sid=sid_rows.clone()
                            iid
                            draft
                            open
                            step=Callback::new(move |f| step(f))
                            begin=Callback::new(move |_| begin())
                            end=Callback::new(move |_| end())
                        />
                    </For>
                </ol>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click={
                        let sid = sid7.clone();
                        move |_| {
                            if let Some((s, _)) = place(&sid, None) {
                                let was = draft.get_untracked();
                                let added = draft.try_update(|t| custom::add_item(t, s, "新的事项")).flatten();
                                undo.update(|u| u.push(was));
                                let id = draft
                                    .with_untracked(|t| {
                                        added
                                            .and_then(|i| {
                                                t.sections.get(s).and_then(|x| x.items.get(i)).map(|x| x.id.to_string())
                                            })
                                    });
                                open.set(id);
                            }
                        }
                    }
                >
                    "在这个部分加一项"
                </button>
            </section>
        }
    };

    let section_ids = move || structure.with(|st| st.iter().map(|(s, _)| s.clone()).collect::<Vec<String>>());
    view! {
        <h1 tabindex="-1">{move || draft.with(|t| format!("编辑清单：{}", t.name))}</h1>
        <p class="lead">
            {format!(
                "现在是第{}版，保存后成为第{}版。已经写好的报告仍按原来的版本生成。",
                newest.edition,
                draft.with_untracked(|t| t.edition.to_string()),
            )}
        </p>
        <div class="field">
            <label for="checklist-name">"清单名称"</label>
            <input
                id="checklist-name"
                type="text"
                maxlength="40"
                prop:value=move || draft.with(|t| t.name.to_string())
                on:focus=move |_| begin()
                on:input=move |ev| {
                    if let Some(v) = typed(&ev) {
                        draft.update(|t| t.name = custom::tidy(&v, 40).into());
                    }
                }
                on:change=move |_| end()
            />
        </div>
        <div class="editor-bar" role="group" aria-label="清单操作">
            <button
                type="button"
                class="button"
                on:click=save_now
                disabled=move || problem.get().is_some() || !changed.get()
            >
                "保存清单"
            </button>
            <button
                type="button"
                class="button button-secondary"
                on:click=undo_last
                disabled=move || undo.with(Vec::is_empty)
            >
                {move || match undo.with(Vec::len) {
                    0 => "撤销".to_string(),
                    n => format!("撤销（{n}步）"),
                }}
            </button>
            <button type="button" class="button button-secondary" on:click=move |_| export(newest)>
                "导出清单文件"
            </button>
            <Show when=move || changed.get()>
                <button type="button" class="button button-secondary" on:click=discard>
                    "放弃修改"
                </button>
            </Show>
        </div>
        <p class="editor-check" role="status" aria-live="polite" class:error=move || problem.with(Option::is_some)>
            {move || match problem.get() {
                Some(e) => e,
                None if changed.get() => "清单检查通过，可以保存。".to_string(),
                None => "清单没有修改。".to_string(),
            }}
        </p>
        <Said message />
        <For each=section_ids key=|sid| sid.clone() let:sid>
            {section_view(sid)}
        </For>
        <div class="actions">
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    step(
                        Box::new(|t| {
                            custom::add_section(t, "新的部分");
                        }),
                    )
                }
            >
                "加一个部分"
            </button>
        </div>
        <h2>"粘贴一组事项"</h2>
        <p class="hint" id="paste-hint">
            "把本单位的工作要求粘贴进来，每行一项（行首的“1.”“（一）”等序号会去掉），成为最后一个部分。报告文字先用通用写法，再逐项修改。"
        </p>
        <div class="field">
            <label for="paste-title">"这个部分的名称"</label>
            <input
                id="paste-title"
                type="text"
                maxlength="60"
                on:change=move |ev| paste_title.set(event_target_value(&ev))
            />
        </div>
        <div class="field">
            <label for="paste-list">"事项（每行一项）"</label>
            <textarea id="paste-list" rows="6" node_ref=paste_text aria-describedby="paste-hint"></textarea>
        </div>
        <button type="button" class="button button-secondary" on:click=paste>
            "加入为新的部分"
        </button>
        <p role="status">{move || paste_message.get()}</p>
        <p>
            <a href=Route::editor("mine").href()>"返回我的清单"</a>
        </p>
    }
    .into_any()
}

/// One item: its name with 展开/上移/下移/删除, and when open its texts, figures and preview.
#[component]
fn ItemRow(
    sid: String,
    iid: String,
    draft: RwSignal<Template>,
    open: RwSignal<Option<String>>,
    step: Callback<Edit>,
    begin: Callback<()>,
    end: Callback<()>,
) -> impl IntoView {
    let place: Callback<(), Option<(usize, usize)>> = {
        let (sid, iid) = (sid.clone(), iid.clone());
        Callback::new(move |_| {
            draft.with_untracked(|t| {
                let s = t.sections.iter().position(|x| x.id == sid)?;
                let i = t.sections[s].items.iter().position(|x| x.id == iid)?;
                Some((s, i))
            })
        })
    };
    let iid_task = iid.clone();
    let task = move || draft.with(|t| t.item(&iid_task).map(|i| i.task.to_string()).unwrap_or_default());
    let is_open = {
        let iid = iid.clone();
        Memo::new(move |_| open.with(|o| o.as_deref() == Some(&iid)))
    };
    let toggle = {
        let iid = iid.clone();
        move |_| open.update(|o| *o = if o.as_deref() == Some(&iid) { None } else { Some(iid.clone()) })
    };
    let mover = move |up: bool| {
        move |_| {
            if let Some((s, i)) = place.run(()) {
                step.run(Box::new(move |t| {
                    custom::move_item(t, s, i, up);
                }));
            }
        }
    };
    let remover = {
        move |_| {
            if let Some((s, i)) = place.run(()) {
                step.run(Box::new(move |t| custom::remove_item(t, s, i)));
            }
        }
    };
    let panel_id = format!("item-panel-{iid}");
    let iid_panel = iid.clone();
    view! {
        <li class="editor-item">
            <div class="editor-item-head">
                <span class="editor-item-task">{task.clone()}</span>
                <button
                    type="button"
                    class="button button-secondary"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=toggle
                >
                    {move || if is_open.get() { "收起" } else { "展开修改" }}
                    <span class="visually-hidden">{task.clone()}</span>
                </button>
                <button type="button" class="button button-secondary" on:click=mover(true)>
                    "上移"
                </button>
                <button type="button" class="button button-secondary" on:click=mover(false)>
                    "下移"
                </button>
                <button type="button" class="button button-secondary" on:click=remover>
                    "删除"
                </button>
            </div>
            <Show when=move || is_open.get()>
                <ItemPanel id=panel_id.clone() iid=iid_panel.clone() draft place step begin end />
            </Show>
        </li>
    }
}

#[component]
fn ItemPanel(
    id: String,
    iid: String,
    draft: RwSignal<Template>,
    place: Callback<(), Option<(usize, usize)>>,
    step: Callback<Edit>,
    begin: Callback<()>,
    end: Callback<()>,
) -> impl IntoView {
    let texts = ItemText::ALL
        .into_iter()
        .map(|which| {
            let iid = iid.clone();
            let box_id = format!("{id}-{}", which.key());
            let value = move || draft.with(|t| t.item(&iid).map(|i| which.get(i).to_string()).unwrap_or_default());
            let put = move |v: String| {
                if let Some((s, i)) = place.run(()) {
                    draft.update(|t| custom::set_item_text(t, s, i, which, &v));
                }
            };
            let on_text = move |ev: web_sys::Event| {
                if let Some(v) = typed(&ev) {
                    put(v);
                }
            };
            let on_composed = move |ev: web_sys::CompositionEvent| put(event_target_value(&ev));
            let label = view! { <label for=box_id.clone()>{which.label()}</label> };
            let input = if which.is_wording() {
                view! {
                    <textarea
                        id=box_id.clone()
                        rows="4"
                        prop:value=value
                        on:focus=move |_| begin.run(())
                        on:input=on_text
                        on:compositionend=on_composed
                        on:change=move |_| end.run(())
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        id=box_id.clone()
                        type="text"
                        maxlength="200"
                        prop:value=value
                        on:focus=move |_| begin.run(())
                        on:input=on_text
                        on:compositionend=on_composed
                        on:change=move |_| end.run(())
                    />
                }
                .into_any()
            };
            view! { <div class="field">{label} {input}</div> }
        })
        .collect_view();
    let iid_fields = iid.clone();
    let field_ids = Memo::new(move |_| {
        draft.with(|t| t.item(&iid_fields).map(|i| i.fields.iter().map(|f| f.id.to_string()).collect::<Vec<_>>()))
    });
    let iid_row = iid.clone();
    let id_row = id.clone();
    let field_row = move |fid: String| {
        let iid = iid_row.clone();
        let fid2 = fid.clone();
        // The field as it is now (`FieldNow`).
        let now = move || {
            draft.with(|t| {
                let item = t.item(&iid)?;
                let f = item.fields.iter().position(|x| x.id == fid2)?;
                let field = &item.fields[f];
                let count = match &field.kind {
                    FieldKind::Count { min, max, unit } => Some((min.to_string(), max.to_string(), unit.to_string())),
                    _ => None,
                };
                let kind = match &field.kind {
                    FieldKind::Count { .. } => "次数",
                    FieldKind::Percent => "比例（%）",
                    FieldKind::Date => "日期",
                    FieldKind::Text { .. } | FieldKind::LongText { .. } => "文字",
                    FieldKind::Choice { .. } => "选项",
                };
                let options = match &field.kind {
                    FieldKind::Choice { options } => Some(options.join("\n")),
                    _ => None,
                };
                Some((f, field.label.to_string(), count, kind, field.hint.to_string(), options))
            })
        };
        let now = StoredValue::new(now);
        let get = move || now.with_value(|n| n());
        let error = RwSignal::new(None::<String>);
        let base = format!("{id_row}-field-{fid}");
        let (label_id, min_id, max_id, unit_id) =
            (format!("{base}-label"), format!("{base}-min"), format!("{base}-max"), format!("{base}-unit"));
        let hint_id = format!("{base}-hint");
        let options_id = format!("{base}-options");
        let (min_ref, max_ref, unit_ref): (
            NodeRef<leptos::html::Input>,
            NodeRef<leptos::html::Input>,
            NodeRef<leptos::html::Input>,
        ) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
        let set_bounds = move |_| {
            let (Some((s, i)), Some((f, ..))) = (place.run(()), get()) else { return };
            let val = |r: NodeRef<leptos::html::Input>| r.get_untracked().map(|e| e.value()).unwrap_or_default();
            let (min, max, unit) = (val(min_ref), val(max_ref), val(unit_ref));
            let mut next = draft.get_untracked();
            match custom::set_count(&mut next, s, i, f, &min, &max, &unit) {
                Ok(()) => {
                    step.run(Box::new(move |t| *t = next));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        };
        let fid_text = fid.clone();
        // One of the field's words (its name, its hint), written on change as one step.
        let text_pair = move |id: String,
                              label: &'static str,
                              max: &'static str,
                              read: fn(&FieldNow) -> String,
                              write: fn(&mut Template, usize, usize, usize, &str)| {
            view! {
                <span class="editor-pair">
                    <label for=id.clone()>{label}</label>
                    <input
                        id=id
                        type="text"
                        maxlength=max
                        prop:value=move || get().map(|g| read(&g)).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let (Some((s, i)), Some((f, ..))) = (place.run(()), get()) {
                                step.run(Box::new(move |t| write(t, s, i, f, &v)));
                            }
                        }
                    />
                </span>
            }
        };
        view! {
            <li class="editor-field">
                <p>
                    {move || {
                        get()
                            .map(|(_, label, _, kind, ..)| {
                                format!("{label}（{kind}），在报告文字中写作 {{{fid_text}}}")
                            })
                    }}
                </p>
                <div class="field-row">
                    {text_pair(label_id, "名称", "30", |g| g.1.clone(), custom::set_field_label)}
                    {text_pair(hint_id, "填写提示（可空）", "200", |g| g.4.clone(), custom::set_field_hint)}
                    <Show when=move || get().is_some_and(|g| g.5.is_some())>
                        <span class="editor-pair">
                            <label for=options_id.clone()>"选项（每行一个）"</label>
                            <textarea
                                id=options_id.clone()
                                rows="4"
                                prop:value=move || get().and_then(|g| g.5).unwrap_or_default()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if let (Some((s, i)), Some((f, ..))) = (place.run(()), get()) {
                                        step.run(Box::new(move |t| custom::set_options(t, s, i, f, &v)));
                                    }
                                }
                            ></textarea>
                        </span>
                    </Show> <Show when=move || get().is_some_and(|g| g.2.is_some())>
                        <span class="editor-pair">
                            <label for=min_id.clone()>"最少"</label>
                            <input
                                id=min_id.clone()
                                class="editor-number"
                                type="text"
                                inputmode="numeric"
                                maxlength="6"
                                node_ref=min_ref
                                prop:value=move || get().and_then(|g| g.2).map(|c| c.0).unwrap_or_default()
                                on:change=set_bounds
                            />
                        </span>
                        <span class="editor-pair">
                            <label for=max_id.clone()>"最多"</label>
                            <input
                                id=max_id.clone()
                                class="editor-number"
                                type="text"
                                inputmode="numeric"
                                maxlength="6"
                                node_ref=max_ref
                                prop:value=move || get().and_then(|g| g.2).map(|c| c.1).unwrap_or_default()
                                on:change=set_bounds
                            />
                        </span>
                        <span class="editor-pair">
                            <label for=unit_id.clone()>"单位"</label>
                            <input
                                id=unit_id.clone()
                                class="editor-number"
                                type="text"
                                maxlength="4"
                                node_ref=unit_ref
                                prop:value=move || get().and_then(|g| g.2).map(|c| c.2).unwrap_or_default()
                                on:change=set_bounds
                            />
                        </span>
                    </Show>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| {
                            if let (Some((s, i)), Some((f, ..))) = (place.run(()), get()) {
                                step.run(Box::new(move |t| custom::remove_field(t, s, i, f)));
                            }
                        }
                    >
                        {move || format!("删除“{}”", get().map(|g| g.1).unwrap_or_default())}
                    </button>
                </div>
                <p class="error" role="alert">
                    {move || error.get()}
                </p>
            </li>
        }
    };
    let new_kind = RwSignal::new(0usize);
    let add_field = move |_| {
        if let Some((s, i)) = place.run(()) {
            let kind = NewField::ALL[new_kind.get_untracked().min(3)];
            step.run(Box::new(move |t| {
                custom::add_field(t, s, i, kind);
            }));
        }
    };
    let iid_preview = iid.clone();
    let preview = move || {
        draft.with(|t| {
            let done = item_point(t, &sample(t, &iid_preview, Status::Done), t.item(&iid_preview)?)
                .map(|(lead, text)| format!("已落实：{lead}{text}"));
            let gap = problems(t, &sample(t, &iid_preview, Status::Partly))
                .into_iter()
                .next()
                .map(|p| format!("部分落实：问题是“{}”，措施是“{}”", p.problem, p.plan));
            Some(view! {
                <p>{done}</p>
                <p>{gap}</p>
            })
        })
    };
    view! {
        <div class="editor-panel" id=id.clone()>
            <details class="editor-help">
                <summary>"报告文字里的花括号和方括号怎么写"</summary>
                <p>
                    "花括号里的名字在生成报告时换成实际内容：{unit} 单位名称，{period} 报告期间，{board} 党组（党委、支部委员会），{leaders} 班子成员，{staff} 干部职工，{offices} 科室，{this_unit} 本单位；个人对照检查中 {my_field} 本人负责的领域，{my_offices} 分管科室。下面“要填写的数字和内容”中每一项也有自己的名字，例如 {meetings}。"
                </p>
                <p>
                    "方括号里的一段在对应的数字或内容没有填写时整段省略，例如“召开会议[{meetings}次]”。写错的名字、不成对的括号，上方会立即提示。"
                </p>
            </details>
            {texts}
            <h3>"要填写的数字和内容"</h3>
            <ul class="editor-fields">
                <For each=move || field_ids.get().unwrap_or_default() key=|f| f.clone() let:fid>
                    {field_row(fid)}
                </For>
            </ul>
            <div class="field-row">
                <label for=format!("{id}-new-field")>"加一个"</label>
                <select
                    id=format!("{id}-new-field")
                    on:change=move |ev| new_kind.set(event_target_value(&ev).parse().unwrap_or(0))
                >
                    {NewField::ALL
                        .iter()
                        .enumerate()
                        .map(|(n, k)| view! { <option value=n.to_string()>{k.label()}</option> })
                        .collect_view()}
                </select>
                <button type="button" class="button button-secondary" on:click=add_field>
                    "加入"
                </button>
            </div>
            <h3>"写入报告的样子（示例数字）"</h3>
            <div class="editor-preview" aria-live="polite">
                {preview}
            </div>
        </div>
    }
}
