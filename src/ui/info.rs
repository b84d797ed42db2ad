//! 基本信息: unit name, period, report kind and template. Every change is saved at once.

use crate::domain::builtin::{self, PRESETS};
use crate::domain::report::{Period, Report, ReportKind};
use crate::domain::validate::{parse_date, parse_year};
use crate::route::Route;
use crate::state::{navigate, use_store};
use crate::ui::focus_id;
use crate::ui::widgets::{go_on_label, typed, Crumbs};
use leptos::prelude::*;

fn period_value(p: Period) -> String {
    match p {
        Period::Year => "year".into(),
        Period::FirstHalf => "h1".into(),
        Period::SecondHalf => "h2".into(),
        Period::Quarter { quarter } => format!("q{quarter}"),
        Period::Months { .. } => "months".into(),
    }
}

fn period_from(value: &str, old: Period) -> Period {
    match value {
        "h1" => Period::FirstHalf,
        "h2" => Period::SecondHalf,
        "q1" => Period::Quarter { quarter: 1 },
        "q2" => Period::Quarter { quarter: 2 },
        "q3" => Period::Quarter { quarter: 3 },
        "q4" => Period::Quarter { quarter: 4 },
        "months" => match old {
            Period::Months { .. } => old,
            _ => Period::Months { from: 1, to: 6 },
        },
        _ => Period::Year,
    }
}

#[component]
pub fn Info(id: String, back: bool) -> impl IntoView {
    let store = use_store();
    let report = store.report(&id);
    if report.with_untracked(Option::is_none) {
        return ().into_any();
    }
    let rid = StoredValue::new(id.clone());
    let get = move |f: fn(&Report) -> String| move || report.with(|r| r.as_ref().map(f).unwrap_or_default());
    let edit = move |f: Box<dyn FnOnce(&mut Report)>| store.edit_report(&rid.get_value(), f);

    let unit_error = RwSignal::new(None::<&'static str>);
    let save_unit = move |v: String| {
        if !v.trim().is_empty() {
            unit_error.set(None);
        }
        edit(Box::new(move |r| r.unit = v));
    };
    let year_text =
        RwSignal::new(report.with_untracked(|r| r.as_ref().map(|r| r.year.to_string()).unwrap_or_default()));
    let year_error = RwSignal::new(None::<String>);
    let period = move || report.with(|r| r.as_ref().map(|r| r.period).unwrap_or_default());
    let kind = move || report.with(|r| r.as_ref().map(|r| r.kind).unwrap_or_default());

    let next = move |_| {
        let unit_empty = report.with_untracked(|r| r.as_ref().is_none_or(|r| r.unit.trim().is_empty()));
        unit_error.set(unit_empty.then_some("请填写单位名称，例如“局党组”或“机关第一党支部”"));
        if unit_empty || year_error.with_untracked(Option::is_some) {
            focus_id(if unit_empty { "unit" } else { "year" });
            return;
        }
        let id = rid.get_value();
        navigate(&if back { Route::review(&id) } else { Route::tasks(&id) });
    };

    let month_select = move |which: &'static str| {
        let current = move || match period() {
            Period::Months { from, to } => {
                if which == "from" {
                    from
                } else {
                    to
                }
            }
            _ => 1,
        };
        view! {
            <select
                id=format!("month-{which}")
                class="select-short"
                on:change=move |ev| {
                    let m: u8 = event_target_value(&ev).parse().unwrap_or(1);
                    edit(
                        Box::new(move |r| {
                            if let Period::Months { from, to } = &mut r.period {
                                if which == "from" { *from = m } else { *to = m }
                            }
                        }),
                    );
                }
            >
                {(1u8..=12)
                    .map(|m| {
                        view! {
                            <option value=m.to_string() selected=move || current() == m>
                                {format!("{m}月")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    };

    view! {
        <Crumbs report=report />
        <h1 tabindex="-1">"基本信息"</h1>
        <form
            class="form"
            on:submit=move |ev| {
                ev.prevent_default();
                next(());
            }
        >
            <div class="field" class:field-error=move || unit_error.get().is_some()>
                <label for="unit">"单位名称"</label>
                <p class="hint" id="unit-hint">
                    "写报告的党组织，例如：局党组、机关党委、机关第一党支部"
                </p>
                {move || {
                    unit_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="error" id="unit-error" role="alert">
                                    {e}
                                </p>
                            }
                        })
                }}
                <input
                    id="unit"
                    type="text"
                    maxlength="40"
                    autocomplete="organization"
                    aria-describedby=move || {
                        if unit_error.get().is_some() { "unit-hint unit-error" } else { "unit-hint" }
                    }
                    aria-invalid=move || unit_error.get().is_some().to_string()
                    prop:value=get(|r| r.unit.clone())
                    on:input=move |ev| {
                        if let Some(v) = typed(&ev) {
                            save_unit(v);
                        }
                    }
                    on:compositionend=move |ev| save_unit(event_target_value(&ev))
                />
            </div>
            <LevelChoice report=report />
            <div class="field" class:field-error=move || year_error.get().is_some()>
                <label for="year">"年份"</label>
                {move || {
                    year_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="error" id="year-error" role="alert">
                                    {e}
                                </p>
                            }
                        })
                }}
                <input
                    id="year"
                    type="text"
                    inputmode="numeric"
                    maxlength="6"
                    class="input-short"
                    aria-invalid=move || year_error.get().is_some().to_string()
                    aria-describedby=move || year_error.get().map(|_| "year-error")
                    prop:value=move || year_text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        year_text.set(v.clone());
                        match parse_year(&v) {
                            Ok(y) => {
                                year_error.set(None);
                                edit(Box::new(move |r| r.year = y));
                            }
                            Err(e) => year_error.set(Some(e.to_string())),
                        }
                    }
                />
            </div>
            <div class="field">
                <label for="period">"报告期间"</label>
                <select
                    id="period"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |r| r.period = period_from(&v, r.period)));
                    }
                >
                    {[
                        ("year", "全年"),
                        ("h1", "上半年"),
                        ("h2", "下半年"),
                        ("q1", "第一季度"),
                        ("q2", "第二季度"),
                        ("q3", "第三季度"),
                        ("q4", "第四季度"),
                        ("months", "自定义月份"),
                    ]
                        .into_iter()
                        .map(|(v, l)| {
                            view! {
                                <option value=v selected=move || period_value(period()) == v>
                                    {l}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {move || {
                    matches!(period(), Period::Months { .. })
                        .then(|| {
                            view! {
                                <div class="inline-fields">
                                    <label for="month-from">"从"</label>
                                    {month_select("from")}
                                    <label for="month-to">"到"</label>
                                    {month_select("to")}
                                </div>
                            }
                        })
                }}
                <p class="hint">
                    {move || {
                        format!(
                            "报告中写作“{}”",
                            report.with(|r| r.as_ref().map(Report::period_label).unwrap_or_default()),
                        )
                    }}
                </p>
            </div>
            <fieldset class="field">
                <legend>"报告类型"</legend>
                {[
                    (ReportKind::Unit, "单位报告", "以党组织名义写的意识形态工作情况报告"),
                    (
                        ReportKind::Personal,
                        "个人对照检查",
                        "领导干部在民主生活会、组织生活会前的个人对照检查材料（意识形态工作部分）",
                    ),
                ]
                    .into_iter()
                    .map(|(k, l, h)| {
                        let idv = format!("kind-{}", if k == ReportKind::Unit { "unit" } else { "personal" });
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="kind"
                                    id=idv.clone()
                                    prop:checked=move || kind() == k
                                    on:change=move |_| edit(Box::new(move |r| r.kind = k))
                                />
                                <label for=idv>{l}<span class="hint">{h}</span></label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {move || {
                (kind() == ReportKind::Unit)
                    .then(|| {
                        view! {
                            <TextField
                                report=report
                                id="recipient"
                                label="主送机关（可不填）"
                                hint="报告报送的上级党组织，写在标题下一行，例如：中共××县委宣传部"
                                max=60
                                get=|r| r.recipient.clone()
                                set=|r, v| r.recipient = v
                            />
                            <DatedField report=report />
                        }
                    })
            }}
            {move || {
                (kind() == ReportKind::Personal)
                    .then(|| {
                        view! {
                            <TextField
                                report=report
                                id="person"
                                label="姓名（可不填）"
                                hint="写在标题中，例如：张三同志"
                                max=20
                                get=|r| r.person.clone()
                                set=|r, v| r.person = v
                            />
                            <RoleChoice report=report />
                            {move || {
                                let member = report.with(|r| r.as_ref().and_then(|r| r.role))
                                    == Some(crate::domain::template::Role::Member);
                                member
                                    .then(|| {
                                        view! {
                                            <TextField
                                                report=report
                                                id="areas"
                                                label="分管的科室或领域（可不填）"
                                                hint="例如：办公室、财务科。填写后，对照检查中的“分管科室”“分管领域”写成这里的名称。"
                                                max=60
                                                get=|r| r.areas.clone()
                                                set=|r, v| r.areas = v
                                            />
                                        }
                                    })
                            }}
                            <TextField
                                report=report
                                id="meeting"
                                label="会议名称"
                                hint="例如：民主生活会、组织生活会"
                                max=20
                                get=|r| r.meeting.clone()
                                set=|r, v| r.meeting = v
                            />
                            <ThemeField report=report />
                            <AspectsField report=report />
                            <LastYearField report=report />
                        }
                    })
            }}
            <ChecklistChoice report=report />
            <div class="actions">
                <button type="submit" class="button">
                    {go_on_label(back)}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// The meeting's theme (会议主题): typed, or the year's theme from the table of references
/// taken with one button; the opening names it.
#[component]
fn ThemeField(report: Memo<Option<Report>>) -> impl IntoView {
    let store = use_store();
    // The table's theme for this report's year and meeting, when it differs from the typed one.
    let offered = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let (theme, meeting) = table_theme(r)?;
            (theme.text != r.theme.trim()).then(|| (r.year, meeting, theme.text.to_string()))
        })
    };
    let take = move |text: String| {
        if let Some(rid) = report.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
            store.edit_report(&rid, |r| r.theme = text);
        }
    };
    view! {
        <TextField
            report=report
            id="theme"
            label="会议主题（可不填）"
            hint="填写后，对照检查的开头写明“围绕……主题”。可以选用下面列出的本年度主题，也可以按通知自己填写。"
            max=80
            get=|r| r.theme.clone()
            set=|r, v| r.theme = v
        />
        {move || {
            offered()
                .map(|(year, meeting, text)| {
                    let chosen = text.clone();
                    view! {
                        <p class="hint">
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| take(chosen.clone())
                            >
                                {format!("选用{year}年度{meeting}主题：“{text}”")}
                            </button>
                        </p>
                    }
                })
        }}
    }
}

/// The aspects (方面) the meeting's notice asks problems to be found under, one a line:
/// offered from the table for the report's year and meeting, or typed. On 问题与打算 each
/// problem can then be placed under one, and the material lists the problems by aspect.
#[component]
fn AspectsField(report: Memo<Option<Report>>) -> impl IntoView {
    let store = use_store();
    // The table's aspects for this report's year and meeting, when they differ from the typed ones.
    let offered = move || {
        report.with(|r| {
            let r = r.as_ref()?;
            let (theme, meeting) = table_theme(r)?;
            let listed: Vec<&str> = theme.aspects.iter().map(|a| &**a).collect();
            (!listed.is_empty() && listed != r.aspect_list())
                .then(|| (r.id.clone(), r.year, meeting, listed.join("\n"), listed.len()))
        })
    };
    view! {
        <TextField
            report=report
            id="aspects"
            label="查摆问题的几个方面（可不填）"
            hint="按本年度会议通知要求对照查摆的方面填写，每行一个，例如“带头强化政治忠诚、提高政治能力”。填写后，可在“问题与下一步打算”中把每个问题归入一个方面，材料的“存在的主要问题”按方面分别列出。"
            max=1000
            rows=4
            get=|r| r.aspects.clone()
            set=|r, v| r.aspects = v
        />
        {move || {
            offered()
                .map(|(rid, year, meeting, text, n)| {
                    view! {
                        <p class="hint">
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| store.edit_report(&rid, |r| r.aspects = text.clone())
                            >
                                {format!(
                                    "填入{year}年度{meeting}通知中的{}个方面",
                                    crate::domain::numerals::chinese(n),
                                )}
                            </button>
                        </p>
                    }
                })
        }}
    }
}

/// The table's theme for a report's year and meeting (民主生活会 when none is typed), with
/// the meeting's name.
fn table_theme(r: &Report) -> Option<(&'static crate::domain::references::Theme, String)> {
    let meeting = if r.meeting.trim().is_empty() { "民主生活会" } else { r.meeting.trim() };
    crate::domain::builtin::REFERENCES.theme(r.year, meeting).map(|t| (t, meeting.to_string()))
}

/// 上年度整改落实情况 of a self-assessment: free text, one paragraph a line, printed as its
/// first part; left empty, the material keeps a placeholder to fill in.
#[component]
fn LastYearField(report: Memo<Option<Report>>) -> impl IntoView {
    view! {
        <TextField
            report=report
            id="last-year"
            label="上年度整改落实情况（可先不填）"
            hint="对照上年度民主生活会查摆的问题，逐条写明采取的整改措施和取得的成效，每段一行。写在对照检查材料的第一部分；不填时材料中暂留待填写的提示，核对页会提醒。"
            max=5000
            rows=5
            get=|r| r.last_year.clone()
            set=|r, v| r.last_year = v
        />
    }
}

#[component]
fn DatedField(report: Memo<Option<Report>>) -> impl IntoView {
    let store = use_store();
    let (id, init) = report.with_untracked(|r| r.as_ref().map(|r| (r.id.clone(), r.dated.clone()))).unwrap_or_default();
    let id = StoredValue::new(id);
    let date_error = |v: &str| {
        (!v.trim().is_empty() && parse_date(v).is_none()).then_some("请按“2026-06-18”的格式输入日期，或者不填")
    };
    let error = RwSignal::new(date_error(&init));
    let save = move |v: String| {
        error.set(date_error(&v));
        store.edit_report(&id.get_value(), |r| r.dated = v);
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for="dated">"成文日期（可不填）"</label>
            <p class="hint" id="dated-hint">
                "填写后，报告末尾写上单位名称和日期（落款）"
            </p>
            <p class="error" id="dated-error" aria-live="polite">
                {move || error.get()}
            </p>
            <input
                id="dated"
                type="text"
                class="input-date"
                placeholder="例如 2026-06-18"
                autocomplete="off"
                aria-describedby="dated-hint dated-error"
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=init
                on:input=move |ev| {
                    if let Some(v) = typed(&ev) {
                        save(v);
                    }
                }
                on:compositionend=move |ev| save(event_target_value(&ev))
            />
        </div>
    }
}

/// The checklist the report uses: the general one, the preset for the unit's kind, or one
/// of the user's own (我的清单, by edition). A change keeps every answer (items the two
/// share keep theirs; the others wait, unseen). When the report's own checklist has a newer
/// edition, what moving to it changes is listed first.
#[component]
fn ChecklistChoice(report: Memo<Option<Report>>) -> impl IntoView {
    use crate::domain::custom;
    let store = use_store();
    let current = move || report.with(|r| r.as_ref().map(|r| r.template_id.clone()).unwrap_or_default());
    // Short enough for a phone: the kind of unit and the count; the full name and edition
    // are in the hint below.
    let label = |name: &str, items: usize| format!("{}（共{items}项）", name.trim_end_matches("意识形态工作责任制"));
    let choices = move || {
        let saved: Vec<String> = store.with(|d| {
            d.checklists.iter().filter_map(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string)).collect()
        });
        let mut mine: Vec<String> =
            custom::latest(saved.iter().map(String::as_str)).into_iter().map(str::to_string).collect();
        let cur = current();
        if custom::is_custom(&cur) && !mine.contains(&cur) {
            mine.push(cur);
        }
        let general = builtin::default();
        std::iter::once((general.id.to_string(), format!("通用清单：党政机关等（共{}项）", general.item_count())))
            .chain(PRESETS.iter().map(|p| (p.id.to_string(), label(p.name, p.items))))
            .chain(mine.into_iter().map(|id| {
                let t = builtin::checklist(&id);
                let text = format!("我的清单：{}（第{}版，共{}项）", t.name, t.edition, t.item_count());
                (id, text)
            }))
            .collect::<Vec<_>>()
    };
    let in_use = move || {
        let id = current();
        match PRESETS.iter().find(|p| p.id == id) {
            Some(p) => format!("正在使用：{}，{}版。", p.name, p.edition),
            None => {
                let t = builtin::checklist(&id);
                if custom::is_custom(&t.id) {
                    format!("正在使用：我的清单“{}”，第{}版。", t.name, t.edition)
                } else {
                    format!("正在使用：{}，{}版。", t.name, t.edition)
                }
            }
        }
    };
    // A newer edition of the report's own checklist, and what moving to it changes.
    let newer = move || {
        store.track_checklists();
        let id = current();
        let (base, n) = custom::split_id(&id)?;
        let all = builtin::registered();
        let latest = custom::latest(all.iter().map(|t| &*t.id))
            .into_iter()
            .find(|l| custom::split_id(l).is_some_and(|(b, m)| b == base && m > n))?
            .to_string();
        let lines = custom::changes(builtin::checklist(&id), builtin::checklist(&latest));
        Some((latest, lines))
    };
    let move_to = move |to: String| {
        if let Some(rid) = report.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
            store.edit_report(&rid, |r| r.template_id = to);
        }
    };
    view! {
        <div class="field">
            <label for="checklist">"清单"</label>
            <p class="hint" id="checklist-hint">
                "选择与本单位类型相符的清单：通用清单适用于党政机关，其余各加上该类单位的检查要求。换清单不会删除已填写的内容。"
                {in_use}
            </p>
            <select
                id="checklist"
                aria-describedby="checklist-hint"
                on:change=move |ev| move_to(event_target_value(&ev))
            >
                {move || {
                    choices()
                        .into_iter()
                        .map(|(id, text)| {
                            let chosen = id.clone();
                            view! {
                                <option value=id selected=move || current() == chosen>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p class="hint">
                <a href=move || {
                    Route::editor(&current()).href()
                }>
                    {move || {
                        if crate::domain::custom::is_custom(&current()) {
                            "修改这份清单"
                        } else {
                            "复制为我的清单，按本单位修改"
                        }
                    }}
                </a>
            </p>
            {move || {
                newer()
                    .map(|(latest, lines)| {
                        let to = latest.clone();
                        let t = builtin::checklist(&latest);
                        view! {
                            <div class="notice" role="region" aria-label="清单有新版本">
                                <p>
                                    {format!(
                                        "这份清单已有第{}版。改用新版本后，报告将这样变化：",
                                        t.edition,
                                    )}
                                </p>
                                <ul>
                                    {if lines.is_empty() {
                                        view! { <li>"事项和文字没有变化。"</li> }.into_any()
                                    } else {
                                        lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view().into_any()
                                    }}
                                </ul>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| move_to(to.clone())
                                >
                                    {format!("改用第{}版", t.edition)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// 党组织类型: chosen here; until then the level the unit's name suggests is shown chosen,
/// and followed as the name changes (`Report::level`). The report's words follow it: a
/// 党支部 reads 支部委员会, 支部委员 and 党员, and has no 中心组. The names and hints are the
/// checklist's (`[[levels]]`).
#[component]
fn LevelChoice(report: Memo<Option<Report>>) -> impl IntoView {
    use crate::domain::template::Level;
    let store = use_store();
    let current = move || report.with(|r| r.as_ref().map(Report::level).unwrap_or(Level::PartyGroup));
    let chosen = move || report.with(|r| r.as_ref().is_some_and(|r| r.level.is_some()));
    let words = move |level: Level| {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| crate::state::checklist(r).level_words(level))
                .map(|w| (w.name.to_string(), w.hint.to_string()))
                .unwrap_or_else(|| (level.id().to_string(), String::new()))
        })
    };
    let hint = move || {
        let (_, hint) = words(current());
        if chosen() {
            hint
        } else {
            format!("已按单位名称预先选好，不对请改选。{hint}")
        }
    };
    view! {
        <div class="field">
            <label for="level">"党组织类型"</label>
            <p class="hint" id="level-hint">
                {hint}
            </p>
            <select
                id="level"
                aria-describedby="level-hint"
                on:change=move |ev| {
                    if let Some(level) = Level::from_id(&event_target_value(&ev)) {
                        if let Some(rid) = report.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
                            store.edit_report(&rid, |r| r.level = Some(level));
                        }
                    }
                }
            >
                {Level::ALL
                    .into_iter()
                    .map(|level| {
                        view! {
                            <option value=level.id() selected=move || current() == level>
                                {move || words(level).0}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// 本人职责, for a personal report only: 书记, 分管意识形态工作的班子成员 or another
/// 班子成员. The material then leaves out the duties that are not the person's (a 书记 does not
/// claim the 分管领导's direct responsibility). Until chosen every duty is written, as
/// before roles existed. The names and hints are the checklist's (`[[roles]]`).
#[component]
fn RoleChoice(report: Memo<Option<Report>>) -> impl IntoView {
    use crate::domain::template::Role;
    let store = use_store();
    let current = move || report.with(|r| r.as_ref().and_then(|r| r.role));
    let words = move |role: Role| {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| crate::state::checklist(r).role_words(role))
                .map(|w| (w.name.to_string(), w.hint.to_string()))
                .unwrap_or_else(|| (role.id().to_string(), String::new()))
        })
    };
    let hint = move || match current() {
        Some(role) => words(role).1,
        None => {
            "选择后，对照检查只写本人职责范围内的责任；未选择时，书记第一责任人和分管领导直接责任都会写入。".to_string()
        }
    };
    view! {
        <div class="field">
            <label for="role">"本人职责"</label>
            <p class="hint" id="role-hint">
                {hint}
            </p>
            <select
                id="role"
                aria-describedby="role-hint"
                on:change=move |ev| {
                    let role = Role::from_id(&event_target_value(&ev));
                    if let Some(rid) = report.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
                        store.edit_report(&rid, |r| r.role = role);
                    }
                }
            >
                <option value="" selected=move || current().is_none()>
                    "未选择"
                </option>
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        view! {
                            <option value=role.id() selected=move || current() == Some(role)>
                                {move || words(role).0}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A one-line text of the report with its label and hint, saved as typed (once an input
/// method has handed over its characters).
#[component]
fn TextField(
    report: Memo<Option<Report>>,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    max: u32,
    get: fn(&Report) -> String,
    set: fn(&mut Report, String),
    /// A box of this many lines for text of several paragraphs; one line without it.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let store = use_store();
    let value = move || report.with(|r| r.as_ref().map(get).unwrap_or_default());
    let save = move |v: String| {
        if let Some(rid) = report.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
            store.edit_report(&rid, |r| set(r, v));
        }
    };
    let hint_id = format!("{id}-hint");
    // The same for a line and a box: what is typed is saved, a composition once it ends.
    let on_input = move |ev: web_sys::Event| {
        if let Some(v) = typed(&ev) {
            save(v);
        }
    };
    let on_composed = move |ev: web_sys::CompositionEvent| save(event_target_value(&ev));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>
                {hint}
            </p>
            {match rows {
                None => {
                    view! {
                        <input
                            id=id
                            type="text"
                            maxlength=max.to_string()
                            aria-describedby=hint_id
                            prop:value=value
                            on:input=on_input
                            on:compositionend=on_composed
                        />
                    }
                        .into_any()
                }
                Some(rows) => {
                    view! {
                        <textarea
                            id=id
                            rows=rows.to_string()
                            maxlength=max.to_string()
                            aria-describedby=hint_id
                            prop:value=value
                            on:input=on_input
                            on:compositionend=on_composed
                        ></textarea>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
