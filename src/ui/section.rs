//! One section of the checklist: each item's status, typed figures checked as the user
//! types (with how to fix them), notes, and the item's guidance on demand.
//!
//! Inputs own their text while the user types (no re-render per keystroke, nothing fights
//! the Chinese input method); each change is written to the store at once.

use crate::domain::generate::{applies, item_point};
use crate::domain::progress::field_errors;
use crate::domain::report::{is_numeric, Report, Status};
use crate::domain::template::{Field, FieldKind, Item, Template};
use crate::domain::validate::check_field;
use crate::route::Route;
use crate::state::{checklist, navigate, use_store, Store};
use crate::ui::focus_id;
use crate::ui::widgets::{go_on_label, typed, Crumbs};
use leptos::prelude::*;

/// The longest note kept without complaint; longer notes are kept but flagged.
pub const NOTE_MAX: usize = 2000;

#[component]
pub fn SectionPage(
    id: String,
    section: String,
    back: bool,
    /// The item a 修改 link on 核对 opened: 保存 returns to that link.
    item: String,
) -> impl IntoView {
    let store = use_store();
    let report = store.report(&id);
    let Some(t) = report.with_untracked(|r| r.as_ref().map(checklist)) else { return ().into_any() };
    let n = t.sections.iter().position(|s| s.id == section).unwrap_or(0);
    let s = &t.sections[n];
    let prev = if n == 0 { Route::tasks(&id) } else { Route::section(&id, &t.sections[n - 1].id) };
    let next = if back {
        Route::review(&id).at_item(&item)
    } else if n + 1 < t.sections.len() {
        Route::section(&id, &t.sections[n + 1].id)
    } else {
        Route::plans(&id)
    };
    let card = CardContext { store, id: StoredValue::new(id), report, checklist: t };
    // Figures on this page that cannot go into the report; shown once the user asks to go on.
    let sid: &str = &s.id;
    let wrong = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| field_errors(t, r).filter(|p| p.section_id == sid).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let asked = RwSignal::new(false);
    let next_href = next.href();
    view! {
        <Crumbs report=report />
        <p class="caption">{format!("第{}部分，共{}部分", n + 1, t.sections.len())}</p>
        <h1 tabindex="-1">{s.title.clone()}</h1>
        <p class="hint">
            "为每一项选择落实情况。数字和补充说明会写进报告；没有的可以不填。修改会自动保存。"
        </p>
        {move || {
            (asked.get() && !wrong().is_empty())
                .then(|| {
                    let list = wrong();
                    view! {
                        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                            <h2>{format!("有{}处填写需要修改", list.len())}</h2>
                            <ul>
                                {list
                                    .into_iter()
                                    .map(|p| {
                                        let target = format!("f-{}-{}", p.item_id, p.field_id);
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    on:click=move |_| focus_id(&target)
                                                >
                                                    {format!(
                                                        "{}：“{}”填的是“{}”，{}",
                                                        p.task,
                                                        p.label,
                                                        p.raw,
                                                        p.error,
                                                    )}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <p>
                                "请修改后再继续。如果暂时不改，也可以"
                                <a href=next_href.clone()>"先继续"</a>
                                "，填错的内容会保留，但不会写进报告。"
                            </p>
                        </div>
                    }
                })
        }}
        {s.items.iter().map(|item| view! { <ItemCard card=card item=item /> }).collect_view()}
        <div class="actions nav-actions">
            <a class="button button-secondary" href=prev.href()>
                "上一步"
            </a>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    if wrong().is_empty() {
                        navigate(&next);
                    } else {
                        asked.set(true);
                        request_animation_frame(|| focus_id("error-summary"));
                    }
                }
            >
                {go_on_label(back)}
            </button>
        </div>
    }
    .into_any()
}

/// What every card of the page shares: the store, the report (its id and its memo) and
/// its checklist.
#[derive(Clone, Copy)]
struct CardContext {
    store: Store,
    id: StoredValue<String>,
    report: Memo<Option<Report>>,
    checklist: &'static Template,
}

impl CardContext {
    fn edit(&self, f: impl FnOnce(&mut Report)) {
        self.store.edit_report(&self.id.get_value(), f);
    }
}

#[component]
fn ItemCard(card: CardContext, item: &'static Item) -> impl IntoView {
    let iid: &str = &item.id;
    let status = move || card.report.with(|r| r.as_ref().map(|r| r.status(iid)).unwrap_or_default());
    let set_status = move |s: Status| card.edit(|r| r.answer_mut(iid).status = s);
    let show_inputs = move || !matches!(status(), Status::NotDone | Status::NotApplicable);
    // Not asked of this report at all (the 中心组 of a 党支部, another leader's duty).
    let asked = Memo::new(move |_| card.report.with(|r| r.as_ref().is_none_or(|r| applies(card.checklist, r, iid))));
    let rule = if item.rule.is_empty() {
        String::new()
    } else if item.local_rule {
        format!("常见要求：{}（各地规定不同，以本地规定为准）", item.rule)
    } else {
        format!("要求：{}", item.rule)
    };

    view! {
        <section class="item" id=format!("item-{iid}") aria-labelledby=format!("item-{iid}-h")>
            <h2 id=format!("item-{iid}-h") tabindex="-1">
                {item.task.clone()}
            </h2>
            <details class="guidance" on:keydown=close_on_escape>
                <summary>"怎样算落实"</summary>
                <p>{item.guidance.clone()}</p>
                {(!rule.is_empty()).then(|| view! { <p class="hint">{rule}</p> })}
            </details>
            {move || {
                if asked.get() {
                    view! {
                        <fieldset class="status-choice">
                            <legend class="visually-hidden">
                                {format!(
                                    "“{}”的落实情况",
                                    item.task.replace('“', "‘").replace('”', "’"),
                                )}
                            </legend>
                            {Status::ALL
                                .into_iter()
                                .map(|s| {
                                    let input_id = format!("st-{iid}-{}", s.label());
                                    view! {
                                        <span class="status-option">
                                            <input
                                                type="radio"
                                                id=input_id.clone()
                                                name=format!("status-{iid}")
                                                prop:checked=move || status() == s
                                                on:change=move |_| set_status(s)
                                            />
                                            <label for=input_id>{s.label()}</label>
                                        </span>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                        <Show when=show_inputs>
                            <ItemInputs card=card item=item />
                        </Show>
                    }
                        .into_any()
                } else {
                    view! {
                        <p class="hint">
                            "按本报告的党组织类型或本人职责，这一项不适用，不写入报告，无需填写。类型或职责选得不对，可以在“基本信息”中修改。"
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The figures and the note of one item, shown unless it is 未落实 or 不适用.
#[component]
fn ItemInputs(card: CardContext, item: &'static Item) -> impl IntoView {
    let iid: &str = &item.id;
    let note_init = card
        .report
        .with_untracked(|r| r.as_ref().and_then(|r| r.answers.get(iid)).map(|a| a.note.clone()).unwrap_or_default());
    let note_len = RwSignal::new(note_init.chars().count());
    let note_id = format!("note-{iid}");
    let too_long = move || note_len.get() > NOTE_MAX;
    let save_note = move |v: String| {
        note_len.set(v.chars().count());
        card.edit(|r| r.answer_mut(iid).note = v);
    };
    // What this item will say in the report, updated as the user types.
    let point = Memo::new(move |_| card.report.with(|r| r.as_ref().and_then(|r| item_point(card.checklist, r, item))));
    view! {
        <div class="item-inputs">
            {item.fields.iter().map(|f| view! { <FieldInput card=card item=item field=f /> }).collect_view()}
            <div class="field" class:field-error=too_long>
                <label for=note_id.clone()>"补充说明（可不填）"</label>
                <p class="hint" id=format!("{note_id}-hint")>
                    "写具体做法和成效，会接在这一条后面写进报告。"
                </p>
                <p class="error" aria-live="polite" id=format!("{note_id}-error")>
                    {move || {
                        too_long()
                            .then(|| {
                                format!(
                                    "最多{NOTE_MAX}字，现在有{}字。内容已保存，但建议精简后再生成报告。",
                                    note_len.get(),
                                )
                            })
                    }}
                </p>
                <textarea
                    id=note_id.clone()
                    rows="3"
                    aria-describedby=format!("{note_id}-hint {note_id}-error")
                    aria-invalid=move || too_long().to_string()
                    prop:value=note_init
                    on:input=move |ev| {
                        if let Some(v) = typed(&ev) {
                            save_note(v);
                        }
                    }
                    on:compositionend=move |ev| save_note(event_target_value(&ev))
                ></textarea>
            </div>
            {move || {
                point
                    .get()
                    .map(|(lead, text)| {
                        view! {
                            <div class="item-preview">
                                <p class="item-preview-label">"写进报告的内容"</p>
                                <p class="item-preview-text">
                                    <b>{lead}</b>
                                    {text}
                                </p>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn FieldInput(card: CardContext, item: &'static Item, field: &'static Field) -> impl IntoView {
    let (iid, fid): (&str, &str) = (&item.id, &field.id);
    let init = card.report.with_untracked(|r| {
        r.as_ref().and_then(|r| r.answers.get(iid)).and_then(|a| a.values.get(fid)).cloned().unwrap_or_default()
    });
    let error = RwSignal::new(check_field(field, &init).err().map(|e| e.to_string()));
    let dom_id = format!("f-{iid}-{fid}");
    let hint_id = format!("{dom_id}-hint");
    let err_id = format!("{dom_id}-error");
    let on_value = move |v: String| {
        error.set(check_field(field, &v).err().map(|e| e.to_string()));
        card.edit(|r| {
            let a = r.answer_mut(iid);
            if v.is_empty() {
                a.values.remove(fid);
            } else {
                a.values.insert(fid.to_string(), v);
            }
        });
    };
    let unit = match &field.kind {
        FieldKind::Count { unit, .. } => unit.clone(),
        FieldKind::Percent => "%".into(),
        _ => "".into(),
    };
    let described = format!("{hint_id} {err_id}");
    let control = match &field.kind {
        FieldKind::LongText { .. } => view! {
            <textarea
                id=dom_id.clone()
                rows="3"
                aria-describedby=described.clone()
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=init.clone()
                on:input=move |ev| {
                    if let Some(v) = typed(&ev) {
                        on_value(v);
                    }
                }
                on:compositionend=move |ev| on_value(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        FieldKind::Choice { options } => view! {
            <select
                id=dom_id.clone()
                aria-describedby=described.clone()
                on:change=move |ev| on_value(event_target_value(&ev))
            >
                <option value="" selected=init.is_empty()>
                    "请选择"
                </option>
                {options
                    .iter()
                    .map(|o| {
                        view! {
                            <option value=o.clone() selected=init == *o>
                                {o.clone()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        kind => {
            let (ty, mode, class) = match kind {
                // A text box, not the browser's date picker: an impossible date typed there
                // would be thrown away by the browser; here it is kept and explained.
                FieldKind::Date => ("text", "", "input-date"),
                _ if is_numeric(field) => {
                    ("text", if matches!(kind, FieldKind::Percent) { "decimal" } else { "numeric" }, "input-short")
                }
                _ => ("text", "", ""),
            };
            let placeholder = if matches!(kind, FieldKind::Date) { "例如 2026-06-18" } else { "" };
            view! {
                <input
                    id=dom_id.clone()
                    type=ty
                    inputmode=mode
                    class=class
                    autocomplete="off"
                    placeholder=placeholder
                    aria-describedby=described.clone()
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=init.clone()
                    on:input=move |ev| {
                        if let Some(v) = typed(&ev) {
                            on_value(v);
                        }
                    }
                    on:compositionend=move |ev| on_value(event_target_value(&ev))
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=dom_id.clone()>{field.label.clone()}"（可不填）"</label>
            <p class="hint" id=hint_id>
                {field.hint.clone()}
            </p>
            <p class="error" id=err_id aria-live="polite">
                {move || error.get()}
            </p>
            <div class="input-with-unit">
                {control}{(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            </div>
        </div>
    }
}

/// Escape inside an open 怎样算落实 closes it and puts focus back on its summary, the one
/// thing on these pages that opens.
fn close_on_escape(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Escape" {
        return;
    }
    let Some(details) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if details.has_attribute("open") {
        let _ = details.remove_attribute("open");
        if let Some(summary) =
            details.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
        ev.prevent_default();
    }
}
