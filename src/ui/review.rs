//! 核对: every answer on one page, each with a 修改 link that returns here after the change.

use crate::domain::generate::{
    applies, merge_choices, problems, MergeChoice, DATE_PLACEHOLDER, LAST_YEAR_PLACEHOLDER, MAX_POINTS,
};
use crate::domain::progress::{
    field_errors, late_citations, left_out, missing_date, proof_counts, proof_findings, stray_aspects, unit_voice,
    TypedFinding, TypedPlace,
};
use crate::domain::proof::RuleSet;
use crate::domain::report::{item_values, ReportKind, Status};
use crate::route::Route;
use crate::state::{checklist, use_store, ProofRules};
use crate::ui::focus_id;
use crate::ui::widgets::Crumbs;
use leptos::prelude::*;

#[component]
pub fn Review(id: String) -> impl IntoView {
    let store = use_store();
    let report = store.report(&id);
    let body = move || {
        // The proof-reader's rules arrive after the page opens; the page is drawn again then.
        let rules = store.proof_rules();
        report.with(|r| {
            let Some(r) = r else { return ().into_any() };
            let t = checklist(r);
            let found = match rules {
                ProofRules::Ready(rs) => proof_findings(rs, t, r),
                _ => Vec::new(),
            };
            let proof_summary = proof_summary(&rules, &found);
            let ruleset = match rules {
                ProofRules::Ready(rs) => Some(rs),
                _ => None,
            };
            let info_link = Route::info(&r.id).from_review().href();
            let mut info = vec![
                (
                    "单位名称",
                    if r.unit.trim().is_empty() { "（未填写）".to_string() } else { r.unit.trim().to_string() },
                ),
                ("党组织类型", level_label(t, r)),
                ("报告期间", r.period_label()),
                ("报告类型", r.kind.label().to_string()),
            ];
            if r.kind == ReportKind::Unit {
                let or_blank =
                    |s: &str| if s.trim().is_empty() { "（不填）".to_string() } else { s.trim().to_string() };
                info.push(("主送机关", or_blank(&r.recipient)));
                // Without a real day the 落款 keeps a placeholder: say so where the date is.
                let dated = r.dated.trim();
                info.push((
                    "成文日期",
                    match (missing_date(r).is_some(), dated.is_empty()) {
                        (false, _) => dated.to_string(),
                        (true, true) => format!("（未填写，落款处暂留“{DATE_PLACEHOLDER}”）"),
                        (true, false) => format!("{dated}（不是有效的日期，落款处暂留“{DATE_PLACEHOLDER}”）"),
                    },
                ));
            }
            if r.kind == ReportKind::Personal {
                info.push(("姓名", r.person.trim().to_string()));
                info.push(("本人职责", role_label(t, r)));
                info.push(("会议名称", r.meeting.trim().to_string()));
                // Not written yet: the material keeps a placeholder; say so here.
                let last_year = r.last_year.trim();
                info.push((
                    "上年度整改落实情况",
                    if last_year.is_empty() {
                        format!("（未填写，材料中暂留“{LAST_YEAR_PLACEHOLDER}”）")
                    } else {
                        last_year.to_string()
                    },
                ));
            }
            let bad: Vec<_> = field_errors(t, r).collect();
            let late = late_citations(t, r);
            let overview = left_out(t, r).map(|gaps| {
                view! {
                    <div class="notice" role="status">
                        <p>{format!("{gaps}。可以点击对应的“修改”补充。")}</p>
                    </div>
                }
            });
            let sections = t
                .sections
                .iter()
                .map(|s| {
                    let section = Route::section(&r.id, &s.id).from_review();
                    let rows = s
                        .items
                        .iter()
                        .map(|i| {
                            let a = r.answers.get(&*i.id);
                            let asked = applies(t, r, &i.id);
                            let status = if asked { r.status(&i.id) } else { Status::NotApplicable };
                            let values = item_values(i, a);
                            let mut detail: Vec<String> = i
                                .fields
                                .iter()
                                .filter_map(|f| values.get(&*f.id).map(|v| format!("{}：{v}", f.label)))
                                .collect();
                            if let Some(note) = a.map(|a| a.note.trim()).filter(|n| !n.is_empty()) {
                                detail.push(format!("补充说明：{note}"));
                            }
                            let mut wrong: Vec<String> = bad
                                .iter()
                                .filter(|p| p.item_id == i.id)
                                .map(|p| format!("填写有误，暂不写进报告：{}“{}”——{}", p.label, p.raw, p.error))
                                .collect();
                            wrong.extend(
                                late.iter()
                                    .filter(
                                        |l| matches!(&l.place, TypedPlace::Item { item_id, .. } if *item_id == i.id),
                                    )
                                    .map(|l| format!("引用有误：{}中的{}", l.place.label(), l.message)),
                            );
                            wrong.extend(
                                found
                                    .iter()
                                    .filter(
                                        |f| matches!(&f.place, TypedPlace::Item { item_id, .. } if *item_id == i.id),
                                    )
                                    .map(|f| proof_line(ruleset, f)),
                            );
                            let link = section.clone().at_item(&i.id).href();
                            view! {
                                <div class="summary-row" class:summary-missing=status == Status::NotStarted>
                                    <dt>{i.task.clone()}</dt>
                                    <dd>
                                        <strong>
                                            {if asked {
                                                status.label()
                                            } else {
                                                "不适用（按党组织类型或本人职责，无需填写）"
                                            }}
                                        </strong>
                                        {detail
                                            .into_iter()
                                            .map(|x| view! { <span class="summary-detail">{x}</span> })
                                            .collect_view()}
                                        {wrong
                                            .into_iter()
                                            .map(|x| view! { <span class="summary-error">{x}</span> })
                                            .collect_view()}
                                    </dd>
                                    <dd class="summary-action">
                                        <a
                                            href=link
                                            aria-label=format!("修改“{}”", i.task)
                                            id=format!("edit-{}", i.id)
                                        >
                                            "修改"
                                        </a>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{s.title.clone()}</h2>
                        <dl class="summary">{rows}</dl>
                    }
                })
                .collect_view();
            let probs = problems(t, r);
            let probs_wrong: Vec<String> = late
                .iter()
                .filter(|l| matches!(l.place, TypedPlace::Problem { .. }))
                .map(|l| format!("引用有误：{}中的{}", l.place.label(), l.message))
                .chain(
                    found
                        .iter()
                        .filter(|f| matches!(f.place, TypedPlace::Problem { .. }))
                        .map(|f| proof_line(ruleset, f)),
                )
                .chain(unit_voice(r).iter().map(|p| {
                    format!("{}像是以单位名义写的。个人对照检查应写本人的问题和措施，例如“本人……”，请改写。", p.label())
                }))
                .chain(stray_aspects(r).into_iter().map(|(n, a)| {
                    format!("第{n}条问题归入的方面“{a}”已不在基本信息所列的方面中，现列在“其他方面”下，请重新选择。")
                }))
                .collect();
            let plink = Route::plans(&r.id).from_review().href();
            let merges = merge_view(&r.id, merge_choices(t, r));
            view! {
                {overview}
                {proof_summary}
                <h2>"基本信息"</h2>
                <dl class="summary">
                    {info
                        .into_iter()
                        .map(|(k, v)| {
                            let l = info_link.clone();
                            view! {
                                <div class="summary-row">
                                    <dt>{k}</dt>
                                    <dd>{v}</dd>
                                    <dd class="summary-action">
                                        <a href=l aria-label=format!("修改{k}")>
                                            "修改"
                                        </a>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
                {sections}
                <h2>"问题与下一步打算"</h2>
                <dl class="summary">
                    <div class="summary-row">
                        <dt>{format!("共{}条", probs.len())}</dt>
                        <dd>
                            {probs
                                .iter()
                                .map(|p| view! { <span class="summary-detail">{p.problem.clone()}</span> })
                                .collect_view()}
                            {probs_wrong
                                .into_iter()
                                .map(|x| view! { <span class="summary-error">{x}</span> })
                                .collect_view()}
                        </dd>
                        <dd class="summary-action">
                            <a href=plink aria-label="修改问题与下一步打算">
                                "修改"
                            </a>
                        </dd>
                    </div>
                </dl>
                {merges}
            }
            .into_any()
        })
    };
    view! {
        <Crumbs report=report />
        <h1 tabindex="-1">"核对填写内容"</h1>
        <p class="lead">"请逐项核对。点击“修改”改完后会回到这里。"</p>
        {body}
        <div class="actions nav-actions">
            <a class="button" href=Route::output(&id).href()>
                "生成报告"
            </a>
        </div>
    }
}

/// Headings with more than eight points: which points the report joins into which, and a
/// box per point to make it stand alone (kept in the report; the rest are joined so eight
/// remain). At most `MAX_POINTS - 1` can be chosen; 恢复自动合并 forgets the choice.
fn merge_view(report_id: &str, choices: Vec<MergeChoice>) -> impl IntoView {
    if choices.is_empty() {
        return ().into_any();
    }
    let store = use_store();
    let most = MAX_POINTS - 1;
    let blocks = choices
        .into_iter()
        .map(|c| {
            let chosen = c.alone.iter().filter(|a| **a).count();
            let groups = c
                .groups
                .iter()
                .map(|g| {
                    let leads: Vec<&str> = g.iter().map(|&i| c.points[i].1.as_str()).collect();
                    let joined = g.len() > 1;
                    view! {
                        <li class:merged=joined>
                            {leads.join("；")}
                            {joined
                                .then(|| {
                                    view! {
                                        <span class="summary-detail">
                                            {format!("（{}条合并为一条）", g.len())}
                                        </span>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view();
            let boxes = c
                .points
                .iter()
                .enumerate()
                .map(|(i, (pid, lead))| {
                    let checked = c.alone[i];
                    let box_id = format!("alone-{}-{}", c.key, pid);
                    let (rid, key, pid) = (report_id.to_string(), c.key.clone(), pid.clone());
                    let focus = box_id.clone();
                    let disabled = !checked && chosen >= most;
                    let toggle = move |_| {
                        let (key, pid) = (key.clone(), pid.clone());
                        store.edit_report(&rid, |r| {
                            let list = r.merge_alone.entry(key.clone()).or_default();
                            if let Some(at) = list.iter().position(|x| *x == pid) {
                                list.remove(at);
                            } else {
                                list.push(pid);
                            }
                            if list.is_empty() {
                                r.merge_alone.remove(&key);
                            }
                        });
                        let focus = focus.clone();
                        request_animation_frame(move || focus_id(&focus));
                    };
                    view! {
                        <div class="radio">
                            <input
                                type="checkbox"
                                id=box_id.clone()
                                prop:checked=checked
                                disabled=disabled
                                on:change=toggle
                            />
                            <label for=box_id>{lead.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            let (rid, key) = (report_id.to_string(), c.key.clone());
            let reset = (chosen > 0)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                let key = key.clone();
                                store
                                    .edit_report(
                                        &rid,
                                        |r| {
                                            r.merge_alone.remove(&key);
                                        },
                                    );
                            }
                        >
                            "恢复自动合并"
                        </button>
                    }
                });
            let legend = "选择单独成条的条目";
            view! {
                <section class="merge-choice" aria-label=c.heading.clone()>
                    <h3>{c.heading.clone()}</h3>
                    <p class="hint">
                        {format!(
                            "这一部分共有{}条，超过{MAX_POINTS}条，报告把相关的条目合并成一条写，现在写成以下{}条：",
                            c.points.len(),
                            c.groups.len(),
                        )}
                    </p>
                    <ol class="merge-groups">{groups}</ol>
                    <fieldset>
                        <legend>{legend}</legend>
                        <p class="hint">
                            {format!(
                                "勾选的条目单独写成一条（最多{most}条），其余的按相近内容合并，总数仍为{MAX_POINTS}条。已勾选{chosen}条。",
                            )}
                        </p>
                        {boxes}
                    </fieldset>
                    {reset}
                </section>
            }
        })
        .collect_view();
    view! {
        <h2>"合并的条目"</h2>
        {blocks}
    }
    .into_any()
}

/// One finding of the proof-reader as 核对 lists it under the item or problem that holds it:
/// its severity, where, what is wrong, how to fix it and the standard it comes from.
fn proof_line(rules: Option<&RuleSet>, f: &TypedFinding) -> String {
    let source = rules.and_then(|rs| rs.rule(&f.finding.rule)).map(|r| format!("（依据：{}）", r.source));
    format!(
        "校对{}：{}中，{}。{}。{}",
        f.finding.severity.label(),
        f.place.label(),
        f.finding.message,
        f.finding.suggestion,
        source.unwrap_or_default()
    )
}

/// The line at the top of 核对 on the proof-reader: how many errors and points it found in
/// what the user typed, or that its rules are still coming or could not be fetched.
fn proof_summary(rules: &ProofRules, found: &[TypedFinding]) -> AnyView {
    match rules {
        ProofRules::Ready(_) => {
            let (errors, warnings) = proof_counts(found);
            let text = if errors + warnings == 0 {
                "公文校对：填写的文字中没有发现标点、序号、数字和用词方面的差错。".to_string()
            } else {
                format!("公文校对：填写的文字中有{errors}处错误、{warnings}处提示，已列在所在条目下，点击“修改”改正。")
            };
            view! {
                <p class="proof-summary" id="proof-summary" role="status">
                    {text}
                </p>
            }
            .into_any()
        }
        ProofRules::Failed(why) => {
            let store = use_store();
            view! {
                <p class="proof-summary" id="proof-summary" role="status">
                    {format!("公文校对的规则没有载入（{why}），其余核对不受影响。")}
                    " "
                    <button type="button" class="button button-secondary" on:click=move |_| store.retry_proof_rules()>
                        "重试"
                    </button>
                </p>
            }
            .into_any()
        }
        _ => view! {
            <p class="proof-summary" id="proof-summary" role="status">
                "正在载入公文校对规则……"
            </p>
        }
        .into_any(),
    }
}

/// The leader's role as 核对 shows it: the checklist's name for it, or that none was chosen
/// and every duty is written.
fn role_label(t: &crate::domain::template::Template, r: &crate::domain::report::Report) -> String {
    match r.role {
        Some(role) => t.role_words(role).map_or_else(|| role.id().to_string(), |w| w.name.to_string()),
        None => "（未选择，书记和分管领导的责任都写入）".to_string(),
    }
}

/// The report's level as 核对 shows it: the checklist's name for it, and whether it was
/// chosen or follows the unit's name.
fn level_label(t: &crate::domain::template::Template, r: &crate::domain::report::Report) -> String {
    let level = r.level();
    let name = t.level_words(level).map_or_else(|| level.id().to_string(), |w| w.name.to_string());
    if r.level.is_some() {
        name
    } else {
        format!("{name}（按单位名称判断）")
    }
}
