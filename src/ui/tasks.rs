//! The task list: every section with its status and count, overall progress, a chart of
//! completion by section, then the closing tasks (problems, review, report).

use crate::app::{template, use_store};
use crate::domain::progress::{report_counts, section_counts, section_status, SectionStatus};
use crate::route::Route;
use crate::ui::widgets::{Crumbs, ProgressBar, SectionChart, StatusTag};
use leptos::prelude::*;

#[component]
pub fn Tasks(id: String) -> impl IntoView {
    let store = use_store();
    let t = template();
    let rid = StoredValue::new(id.clone());
    let counts = Memo::new(move |_| {
        store.data.with(|d| d.report(&rid.get_value()).map(|r| report_counts(t, r)).unwrap_or((0, t.item_count())))
    });
    let title = move || {
        store.data.with(|d| {
            d.report(&rid.get_value()).map(|r| format!("{} {}", r.display_name(), r.kind.label())).unwrap_or_default()
        })
    };

    view! {
        <Crumbs id=id.clone()/>
        <h1 tabindex="-1">"自查清单"</h1>
        <p class="lead">{title}" · "<a href=Route::Info { report: id.clone(), back: false }.href()>"修改基本信息"</a></p>
        <div class="overview">
            <ProgressBar done=Signal::derive(move || counts.get().0) total=Signal::derive(move || counts.get().1)/>
            <SectionChart id=id.clone()/>
        </div>
        <h2>"逐项自查"</h2>
        <ol class="task-list">
            {t.sections.iter().enumerate().map(|(n, s)| {
                let sid = s.id.clone();
                let status = Signal::derive(move || {
                    store.data.with(|d| d.report(&rid.get_value()).map(|r| section_status(&t.sections[n], r)).unwrap_or(SectionStatus::NotStarted))
                });
                let count = move || store.data.with(|d| d.report(&rid.get_value()).map(|r| section_counts(&t.sections[n], r)).unwrap_or((0, 0)));
                view! {
                    <li class="task">
                        <a class="task-name" href=Route::Section { report: rid.get_value(), section: sid.to_string(), back: false }.href()>
                            {format!("{}、{}", crate::domain::numerals::chinese(n + 1), s.title)}
                        </a>
                        <span class="task-count">{move || { let (a, b) = count(); format!("{a}/{b}项") }}</span>
                        <StatusTag status=status/>
                    </li>
                }
            }).collect_view()}
        </ol>
        <h2>"完成报告"</h2>
        <ol class="task-list">
            <li class="task"><a class="task-name" href=Route::Problems { report: id.clone(), back: false }.href()>"修改问题与下一步打算"</a></li>
            <li class="task"><a class="task-name" href=Route::Check { report: id.clone() }.href()>"核对全部填写内容"</a></li>
            <li class="task"><a class="task-name" href=Route::Output { report: id.clone() }.href()>"生成报告"</a></li>
        </ol>
    }
}
