//! 问题与下一步打算: the problems and measures suggested from the gaps, which the user can edit,
//! reorder, add and remove. The first change turns the suggestions into the user's own
//! list; 恢复为系统建议 goes back (and can itself be undone).

use crate::domain::generate::{aspect_heading, suggested_problems};
use crate::domain::numerals::chinese;
use crate::domain::report::{ProblemPlan, Report, ReportKind};
use crate::route::Route;
use crate::state::{checklist, use_store};
use crate::ui::focus_id;
use crate::ui::widgets::{go_on_label, typed, Crumbs};
use leptos::prelude::*;

/// A change to the list of problems and plans.
type Edit = Box<dyn FnOnce(&mut Vec<ProblemPlan>)>;

/// The list as the user sees it: their own, or the suggestions.
fn current(r: &Report) -> Vec<ProblemPlan> {
    r.problems.clone().unwrap_or_else(|| suggested_problems(checklist(r), r))
}

#[component]
pub fn Plans(id: String, back: bool) -> impl IntoView {
    let store = use_store();
    let report = store.report(&id);
    let rid = StoredValue::new(id.clone());
    // Bumped when the list changes shape, to rebuild the inputs (which own their text).
    let shape = RwSignal::new(0u32);
    let undo_reset = RwSignal::new(None::<Vec<ProblemPlan>>);
    let undo_delete = RwSignal::new(None::<(usize, ProblemPlan)>);
    let edited = move || report.with(|r| r.as_ref().is_some_and(|r| r.problems.is_some()));
    let change = move |f: Edit, reshape: bool| {
        store.edit_report(&rid.get_value(), |r| {
            let mut list = current(r);
            f(&mut list);
            r.problems = Some(list);
        });
        if reshape {
            shape.update(|n| *n += 1);
        }
    };

    // One text of one row, as typed: `field` picks which.
    let set_text = move |i: usize, v: String, field: fn(&mut ProblemPlan) -> &mut String| {
        change(
            Box::new(move |l: &mut Vec<ProblemPlan>| {
                if let Some(x) = l.get_mut(i) {
                    *field(x) = v;
                }
            }),
            false,
        )
    };
    let set_problem = move |i: usize, v: String| set_text(i, v, |x| &mut x.problem);
    let set_plan = move |i: usize, v: String| set_text(i, v, |x| &mut x.plan);
    let set_aspect = move |i: usize, v: String| set_text(i, v, |x| &mut x.aspect);
    let rows = move || {
        shape.track();
        let list = report.with_untracked(|r| r.as_ref().map(current).unwrap_or_default());
        // A personal report with the meeting's aspects typed on 基本信息: each problem can be
        // placed under one.
        let aspects: Vec<String> = report.with_untracked(|r| {
            r.as_ref()
                .filter(|r| r.kind == ReportKind::Personal)
                .map(|r| r.aspect_list().into_iter().map(str::to_string).collect())
                .unwrap_or_default()
        });
        let len = list.len();
        if len == 0 {
            return view! {
                <p class="empty">
                    "没有问题和打算。报告中将不写“存在的问题”和“下一步工作打算”两部分。可以点击下面的“添加一条”。"
                </p>
            }
            .into_any();
        }
        view! {
            <ol class="problem-list">
                {list
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let n = chinese(i + 1);
                        view! {
                            <li class="problem">
                                <h2>{format!("第{n}条")}</h2>
                                <div class="field">
                                    <label for=format!("problem-{i}")>"存在的问题"</label>
                                    <p class="hint" id=format!("problem-{i}-hint")>
                                        "先用一句话概括，以句号结束，再写具体表现。"
                                    </p>
                                    <textarea
                                        id=format!("problem-{i}")
                                        rows="4"
                                        aria-describedby=format!("problem-{i}-hint")
                                        prop:value=p.problem
                                        on:input=move |ev| {
                                            if let Some(v) = typed(&ev) {
                                                set_problem(i, v);
                                            }
                                        }
                                        on:compositionend=move |ev| set_problem(i, event_target_value(&ev))
                                    ></textarea>
                                </div>
                                {(!aspects.is_empty())
                                    .then(|| {
                                        let chosen = p.aspect.clone();
                                        let options = aspects
                                            .iter()
                                            .map(|a| {
                                                view! {
                                                    <option value=a.clone() selected=*a == chosen>
                                                        {aspect_heading(a)}
                                                    </option>
                                                }
                                            })
                                            .collect_view();
                                        view! {
                                            <div class="field">
                                                <label for=format!("aspect-{i}")>"归入哪个方面"</label>
                                                <select
                                                    id=format!("aspect-{i}")
                                                    on:change=move |ev| set_aspect(i, event_target_value(&ev))
                                                >
                                                    <option value="" selected=chosen.is_empty()>
                                                        "不归入任何方面"
                                                    </option>
                                                    {options}
                                                </select>
                                            </div>
                                        }
                                    })}
                                <div class="field">
                                    <label for=format!("plan-{i}")>"对应的下一步措施"</label>
                                    <textarea
                                        id=format!("plan-{i}")
                                        rows="3"
                                        prop:value=p.plan
                                        on:input=move |ev| {
                                            if let Some(v) = typed(&ev) {
                                                set_plan(i, v);
                                            }
                                        }
                                        on:compositionend=move |ev| set_plan(i, event_target_value(&ev))
                                    ></textarea>
                                </div>
                                <div class="card-actions">
                                    <button
                                        type="button"
                                        class="button button-secondary"
                                        id=format!("up-{i}")
                                        disabled=i == 0
                                        aria-label=format!("把第{n}条上移")
                                        on:click=move |_| {
                                            change(Box::new(move |l| l.swap(i - 1, i)), true);
                                            let follow_the_moved_item = if i == 1 {
                                                "down-0".to_string()
                                            } else {
                                                format!("up-{}", i - 1)
                                            };
                                            request_animation_frame(move || focus_id(&follow_the_moved_item));
                                        }
                                    >
                                        "上移"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button-secondary"
                                        id=format!("down-{i}")
                                        disabled=i + 1 == len
                                        aria-label=format!("把第{n}条下移")
                                        on:click=move |_| {
                                            change(Box::new(move |l| l.swap(i, i + 1)), true);
                                            let to = if i + 2 == len {
                                                format!("up-{}", i + 1)
                                            } else {
                                                format!("down-{}", i + 1)
                                            };
                                            request_animation_frame(move || focus_id(&to));
                                        }
                                    >
                                        "下移"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button-warning"
                                        aria-label=format!("删除第{n}条")
                                        on:click=move |_| {
                                            let removed = report
                                                .with_untracked(|r| r.as_ref().map(current))
                                                .and_then(|l| l.get(i).cloned());
                                            change(
                                                Box::new(move |l| {
                                                    l.remove(i);
                                                }),
                                                true,
                                            );
                                            undo_delete.set(removed.map(|p| (i, p)));
                                            request_animation_frame(|| focus_id("undo-delete"));
                                        }
                                    >
                                        "删除"
                                    </button>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };

    // From the walk-through or from 核对, the next page is 核对.
    let next = Route::review(&id);
    view! {
        <Crumbs report=report />
        <h1 tabindex="-1">"问题与下一步打算"</h1>
        <p class="lead">
            {move || {
                if edited() {
                    "这是您修改过的内容，报告将按此生成。"
                } else {
                    "以下是根据“未落实”和“部分落实”的条目自动提出的建议。直接修改即可，报告将按您修改后的内容生成。"
                }
            }}
        </p>
        {rows}
        <div class="actions">
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    change(Box::new(|l| l.push(ProblemPlan::default())), true);
                    let last = report.with_untracked(|r| r.as_ref().map(|r| current(r).len())).unwrap_or(1);
                    request_animation_frame(move || focus_id(&format!("problem-{}", last.saturating_sub(1))));
                }
            >
                "添加一条"
            </button>
            <Show when=edited>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let old = report.with_untracked(|r| r.as_ref().and_then(|r| r.problems.clone()));
                        undo_reset.set(old);
                        store.edit_report(&rid.get_value(), |r| r.problems = None);
                        shape.update(|n| *n += 1);
                    }
                >
                    "恢复为系统建议"
                </button>
            </Show>
        </div>
        {move || {
            undo_delete
                .get()
                .map(|(at, p)| {
                    view! {
                        <div class="banner banner-info" role="status">
                            <p>{format!("已删除第{}条。", chinese(at + 1))}</p>
                            <button
                                type="button"
                                class="button"
                                id="undo-delete"
                                on:click=move |_| {
                                    let p = p.clone();
                                    change(Box::new(move |l| l.insert(at.min(l.len()), p)), true);
                                    undo_delete.set(None);
                                    request_animation_frame(move || focus_id(&format!("problem-{at}")));
                                }
                            >
                                "撤销删除"
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            undo_reset
                .get()
                .map(|old| {
                    view! {
                        <div class="banner banner-info" role="status">
                            <p>"已恢复为系统建议。"</p>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    let old = old.clone();
                                    store.edit_report(&rid.get_value(), |r| r.problems = Some(old));
                                    undo_reset.set(None);
                                    shape.update(|n| *n += 1);
                                }
                            >
                                "撤销，用回我修改的内容"
                            </button>
                        </div>
                    }
                })
        }}
        <div class="actions nav-actions">
            <a class="button button-secondary" href=Route::tasks(&id).href()>
                "返回清单"
            </a>
            <a class="button" href=next.href()>
                {go_on_label(back)}
            </a>
        </div>
    }
}
