//! Small pieces shared by pages: the report's breadcrumb, the progress bar, status tags,
//! the completion chart and the label of the button that goes on.

use crate::domain::progress::{percent, section_counts, SectionStatus};
use crate::domain::report::Report;
use crate::route::Route;
use crate::state::checklist;
use leptos::prelude::*;

/// What a text box holds after an `input` event, or `None` while an input method (拼音, 五笔)
/// is still composing: the half-typed letters (zh, zhong…) are neither saved nor shown in a
/// preview. The box's `compositionend` hands over the chosen characters; every text box
/// that saves as the user types listens to both.
pub fn typed(ev: &web_sys::Event) -> Option<String> {
    let composing = wasm_bindgen::JsCast::dyn_ref::<web_sys::InputEvent>(ev).is_some_and(|e| e.is_composing());
    (!composing).then(|| event_target_value(ev))
}

/// The label of the button that saves and goes on: back to 核对 when the page was opened
/// from there, else to the next step.
pub fn go_on_label(back: bool) -> &'static str {
    if back {
        "保存并返回核对"
    } else {
        "保存并继续"
    }
}

/// `我的报告 › 局党组 2026年上半年` above a report's pages.
#[component]
pub fn Crumbs(report: Memo<Option<Report>>) -> impl IntoView {
    let tasks = report.with_untracked(|r| r.as_ref().map(|r| Route::tasks(&r.id).href())).unwrap_or_default();
    let name = move || report.with(|r| r.as_ref().map(Report::display_name).unwrap_or_default());
    view! {
        <nav class="crumbs" aria-label="位置">
            <a href="#/">"我的报告"</a>
            <span aria-hidden="true">" › "</span>
            <a href=tasks>{name}</a>
        </nav>
    }
}

#[component]
pub fn ProgressBar(#[prop(into)] done: Signal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    let pct = move || percent(done.get(), total.get());
    view! {
        <div class="progress">
            <p class="progress-text">{move || format!("已完成 {}/{} 项", done.get(), total.get())}</p>
            <div
                class="progress-bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || pct().to_string()
                aria-label="完成进度"
            >
                <div class="progress-fill" style:width=move || format!("{}%", pct())></div>
            </div>
        </div>
    }
}

#[component]
pub fn StatusTag(#[prop(into)] status: Signal<SectionStatus>) -> impl IntoView {
    let class = move || match status.get() {
        SectionStatus::NotStarted => "tag tag-grey",
        SectionStatus::InProgress => "tag tag-blue",
        SectionStatus::Completed => "tag tag-green",
    };
    view! { <strong class=class>{move || status.get().label()}</strong> }
}

/// Completion by section as horizontal bars (SVG), with the figures as text for screen readers.
#[component]
pub fn SectionChart(report: Memo<Option<Report>>) -> impl IntoView {
    let rows = move || {
        report.with(|r| {
            let Some(r) = r else { return vec![] };
            checklist(r)
                .sections
                .iter()
                .map(|s| {
                    let (a, n) = section_counts(checklist(r), s, r);
                    (s.title.clone(), a, n)
                })
                .collect::<Vec<_>>()
        })
    };
    let row_h = 34.0;
    view! {
        {move || {
            let rows = rows();
            let h = rows.len() as f64 * row_h + 4.0;
            let summary = rows.iter().map(|(t, a, n)| format!("{t}{a}/{n}项")).collect::<Vec<_>>().join("，");
            view! {
                <figure class="chart">
                    <figcaption>"各部分完成情况"</figcaption>
                    <svg viewBox=format!("0 0 320 {h}") width="100%" role="img" aria-label=summary>
                        {rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, (title, a, n))| {
                                let y = i as f64 * row_h;
                                let w = if n == 0 { 0.0 } else { 200.0 * a as f64 / n as f64 };
                                view! {
                                    <text x="0" y=y + 13.0 class="chart-label">
                                        {title}
                                    </text>
                                    <rect x="0" y=y + 18.0 width="200" height="10" rx="2" class="chart-track"></rect>
                                    <rect x="0" y=y + 18.0 width=w height="10" rx="2" class="chart-fill"></rect>
                                    <text x="210" y=y + 27.0 class="chart-value">
                                        {format!("{a}/{n}")}
                                    </text>
                                }
                            })
                            .collect_view()}
                    </svg>
                </figure>
            }
        }}
    }
}

/// A message after an action: a confirmation (announced politely) or an error (announced
/// at once), or nothing.
#[component]
pub fn Said(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    move || {
        message.get().map(|(ok, m)| {
            view! {
                <p class=if ok { "confirm" } else { "error" } role=if ok { "status" } else { "alert" }>
                    {m}
                </p>
            }
        })
    }
}
