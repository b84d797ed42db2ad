//! 我的报告: every saved report with its progress and last edit; new, open, duplicate for
//! the next period, delete with 撤销; backups.

use crate::browser::fetch::opened_from_file;
use crate::browser::{format_time, new_id, now_ms};
use crate::domain::progress::report_counts;
use crate::domain::report::{Period, Report};
use crate::domain::saved::TextSize;
use crate::route::Route;
use crate::state::{checklist, navigate, use_screen, use_store, ChecklistState, Store};
use crate::ui::backup::{export_one, BackupPanel};
use crate::ui::focus_id;
use leptos::prelude::*;

fn new_report(store: Store) {
    let now = now_ms();
    let date = js_sys::Date::new_0();
    let mut r = Report::new(new_id(), now);
    r.year = date.get_full_year() as u16;
    r.period = if date.get_month() < 7 { Period::FirstHalf } else { Period::Year };
    // Start from the unit name and checklist used last time, which are nearly always the same.
    if let Some((unit, checklist)) = store.with_untracked(|d| {
        d.reports
            .iter()
            .max_by(|a, b| a.updated_ms.total_cmp(&b.updated_ms))
            .map(|x| (x.unit.clone(), x.template_id.clone()))
    }) {
        r.unit = unit;
        r.template_id = checklist;
    }
    let route = Route::info(&r.id);
    store.add_report(r);
    navigate(&route);
}

#[component]
pub fn Home() -> impl IntoView {
    let store = use_store();
    let screen = use_screen();
    let reports = move || {
        store.with(|d| {
            // Most recently edited first.
            let mut recent: Vec<&Report> = d.reports.iter().collect();
            recent.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
            recent
                .into_iter()
                .map(|r| {
                    // A preset still being fetched has no counts yet; the list follows when it arrives.
                    let done = match store.checklist_state(r) {
                        ChecklistState::Ready => {
                            let (a, n) = report_counts(checklist(r), r);
                            format!("已完成 {a}/{n} 项")
                        }
                        ChecklistState::Loading(_) => "清单载入中".to_string(),
                        ChecklistState::Failed(..) => "清单未能载入".to_string(),
                    };
                    (r.id.clone(), r.display_name(), r.kind.label(), done, format_time(r.updated_ms))
                })
                .collect::<Vec<_>>()
        })
    };
    let last = move || {
        store.with(|d| {
            d.settings.last_report.as_ref().and_then(|id| d.report(id)).map(|r| (r.id.clone(), r.display_name()))
        })
    };
    let delete = move |id: String| {
        if let Some(removed) = store.remove_report(&id) {
            screen.deleted.set(Some(removed));
        }
        // The card and its buttons are gone: put focus on 撤销删除.
        request_animation_frame(|| focus_id("undo-delete-report"));
    };
    let duplicate = move |id: String| {
        let Some(copy) = store.with_untracked(|d| d.report(&id).map(|r| r.duplicate(new_id(), now_ms()))) else {
            return;
        };
        let route = Route::info(&copy.id);
        store.add_report(copy);
        screen.flash.set(Some((
            route.clone(),
            "已新建下一期报告。上一期的补充说明和问题与打算已带入，供您修改；各项落实情况和数字已清空，请重新填写。"
                .into(),
        )));
        navigate(&route);
    };
    let backup_note = move || {
        store.with(|d| {
            if d.reports.is_empty() {
                return None;
            }
            let last = d.settings.last_export_ms;
            let days = (now_ms() - last) / 86_400_000.0;
            Some(if last <= 0.0 {
                "您还没有导出过备份。浏览器数据可能因清理缓存、无痕窗口或长期未访问而丢失，建议现在导出一份。"
                    .to_string()
            } else if days >= 7.0 {
                format!("上次导出备份是{}，已超过7天，建议重新导出。", format_time(last))
            } else {
                format!("上次导出备份：{}。", format_time(last))
            })
        })
    };
    let persisted = move || match store.persisted() {
        Some(true) => Some("浏览器已同意长期保存本站数据。"),
        Some(false) => None, // the backup reminder above already says what to do
        None => None,
    };

    view! {
        <h1 tabindex="-1">"我的报告"</h1>
        <p class="lead">
            "按清单逐项自查意识形态工作责任制落实情况，自动生成工作情况报告或个人对照检查材料。"
        </p>
        <div class="actions">
            <button type="button" class="button button-start" on:click=move |_| new_report(store)>
                "新建报告"
            </button>
            <a class="button button-secondary" href=Route::proof().href()>
                "公文校对"
            </a>
            <a class="button button-secondary" href=Route::rollup().href()>
                "汇总各支部报告"
            </a>
            <a class="button button-secondary" href=Route::editor("mine").href()>
                "我的清单"
            </a>
            {move || {
                last()
                    .map(|(id, name)| {
                        view! {
                            <a class="button button-secondary" href=Route::tasks(&id).href()>
                                {format!("继续填写：{name}")}
                            </a>
                        }
                    })
            }}
        </div>
        {move || {
            let list = reports();
            if list.is_empty() {
                view! { <p class="empty">"还没有报告。点击“新建报告”开始。"</p> }.into_any()
            } else {
                view! {
                    <ul class="report-list">
                        {list
                            .into_iter()
                            .map(|(id, title, kind, done, edited)| {
                                let (d1, d2, d3) = (id.clone(), id.clone(), id.clone());
                                view! {
                                    <li class="report-card">
                                        <h2>
                                            <a href=Route::tasks(&id).href()>{title.clone()}</a>
                                        </h2>
                                        <p class="meta">{format!("{kind} · {done} · 最后修改 {edited}")}</p>
                                        <div class="card-actions">
                                            <a class="button" href=Route::tasks(&id).href()>
                                                "打开"
                                            </a>
                                            <button
                                                type="button"
                                                class="button button-secondary"
                                                on:click=move |_| duplicate(d1.clone())
                                                aria-label=format!("以“{title}”为底稿新建下一期报告")
                                            >
                                                "新建下一期"
                                            </button>
                                            <button
                                                type="button"
                                                class="button button-secondary"
                                                on:click=move |_| export_one(&d3)
                                                aria-label=format!("导出“{title}”的备份文件")
                                            >
                                                "导出"
                                            </button>
                                            <button
                                                type="button"
                                                class="button button-warning"
                                                on:click=move |_| delete(d2.clone())
                                                aria-label=format!("删除“{title}”")
                                            >
                                                "删除"
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
        {move || backup_note().map(|n| view! { <p class="backup-note">{n}</p> })}
        {move || persisted().map(|n| view! { <p class="hint">{n}</p> })}
        <BackupPanel />
        <OfflineCopy />
        <TextSizeChoice />
    }
}

/// Opened from a file: where the data lives. Served: the offer of that file (下载离线版).
#[component]
fn OfflineCopy() -> impl IntoView {
    if opened_from_file() {
        view! {
            <section class="notice offline-note" aria-labelledby="offline-h">
                <h2 id="offline-h">"离线版"</h2>
                <p>
                    "本页面是从文件打开的离线版。填写的内容保存在这台电脑的这个浏览器中，不在文件里：换电脑、换浏览器，或把文件发给别人，都带不走这些内容。需要时请用上面的“导出全部报告”生成备份文件，到新的地方再导入。"
                </p>
            </section>
        }
            .into_any()
    } else {
        view! {
            <section class="offline-offer" aria-labelledby="offline-h">
                <h2 id="offline-h">"离线版"</h2>
                <p>
                    <a href="zeren.html" download="意识形态工作责任制自查与报告.html">
                        "下载离线版"
                    </a>
                    "：整个工具在一个文件里，可以拷到U盘或不能上网的电脑上，双击用浏览器打开，不需要服务器。在那台电脑上填写的内容保存在那台电脑的浏览器中。"
                </p>
            </section>
        }
            .into_any()
    }
}

/// 文字大小: three sizes for the whole interface, kept with the user's settings. The report
/// preview and print keep their own sizes.
#[component]
fn TextSizeChoice() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="display-settings" aria-labelledby="display-h">
            <h2 id="display-h">"显示设置"</h2>
            <fieldset class="field">
                <legend>"文字大小"</legend>
                <p class="hint" id="text-size-hint">
                    "只改变本页面的文字大小，不影响生成的报告和打印。"
                </p>
                <div class="choice-row">
                    {TextSize::ALL
                        .into_iter()
                        .map(|size| {
                            let id = format!("text-size-{}", size.key());
                            view! {
                                <div class="radio">
                                    <input
                                        type="radio"
                                        name="text-size"
                                        id=id.clone()
                                        aria-describedby="text-size-hint"
                                        prop:checked=move || store.text_size() == size
                                        on:change=move |_| store.set_text_size(size)
                                    />
                                    <label for=id>{size.label()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </section>
    }
}
