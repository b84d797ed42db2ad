//! The task list: every section with its status and count, overall progress, a chart of
//! completion by section, then the closing tasks (problems, review, report).

use crate::domain::numerals::chinese;
use crate::domain::progress::{report_counts, section_counts, section_status, SectionStatus};
use crate::route::Route;
use crate::state::{checklist, use_store};
use crate::ui::widgets::{Crumbs, ProgressBar, SectionChart, StatusTag};
use leptos::prelude::*;

#[component]
pub fn Tasks(id: String) -> impl IntoView {
    let report = use_store().report(&id);
    let Some(t) = report.with_untracked(|r| r.as_ref().map(checklist)) else { return ().into_any() };
    let counts =
        Memo::new(move |_| report.with(|r| r.as_ref().map(|r| report_counts(t, r)).unwrap_or((0, t.item_count()))));
    let title = move || {
        report.with(|r| r.as_ref().map(|r| format!("{} {}", r.display_name(), r.kind.label())).unwrap_or_default())
    };

    view! {
        <Crumbs report=report />
        <h1 tabindex="-1">"自查清单"</h1>
        <p class="lead">{title}" · "<a href=Route::info(&id).href()>"修改基本信息"</a></p>
        <div class="overview">
            <ProgressBar done=Signal::derive(move || counts.get().0) total=Signal::derive(move || counts.get().1) />
            <SectionChart report=report />
        </div>
        <h2>"逐项自查"</h2>
        <ol class="task-list">
            {t
                .sections
                .iter()
                .enumerate()
                .map(|(n, section)| {
                    let status = Signal::derive(move || {
                        report
                            .with(|r| {
                                r.as_ref().map(|r| section_status(t, section, r)).unwrap_or(SectionStatus::NotStarted)
                            })
                    });
                    let count = move || {
                        report.with(|r| r.as_ref().map(|r| section_counts(t, section, r)).unwrap_or((0, 0)))
                    };
                    view! {
                        <li class="task">
                            <a class="task-name" href=Route::section(&id, &section.id).href()>
                                {format!("{}、{}", chinese(n + 1), section.title)}
                            </a>
                            <span class="task-count">
                                {move || {
                                    let (a, b) = count();
                                    format!("{a}/{b}项")
                                }}
                            </span>
                            <StatusTag status=status />
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <h2>"完成报告"</h2>
        <ol class="task-list">
            <li class="task">
                <a class="task-name" href=Route::plans(&id).href()>
                    "修改问题与下一步打算"
                </a>
            </li>
            <li class="task">
                <a class="task-name" href=Route::review(&id).href()>
                    "核对全部填写内容"
                </a>
            </li>
            <li class="task">
                <a class="task-name" href=Route::output(&id).href()>
                    "生成报告"
                </a>
            </li>
        </ol>
    }
    .into_any()
}
