//! 公文校对: any text pasted in (last year's report, a leader's draft) checked with the
//! proof-reader's rules, offline. The year and period chosen drive the 规范表述 rules. The
//! text is checked when the page opens and after typing pauses, never on each keystroke;
//! each finding says where it is (line and character), what is wrong and how to fix it, and
//! punctuation and number fixes can be applied one by one or all at once, with 撤销.
//! The text is not saved: it stays on this page.

use crate::domain::proof::{apply, check, Context, Finding, Severity};
use crate::domain::report::Period;
use crate::state::{use_store, ProofRules};
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the text is checked.
const PAUSE: Duration = Duration::from_millis(500);

/// How many findings the page lists: a long, untidy text can have tens of thousands, and
/// listing them all would keep the page busy for seconds. The count above says how many.
const SHOWN: usize = 200;

#[component]
pub fn Proofread() -> impl IntoView {
    let store = use_store();
    let this_year = js_sys::Date::new_0().get_full_year() as u16;
    // The text as last checked (the findings' positions refer to it) and what 撤销 goes back to.
    let checked = RwSignal::new(String::new());
    let undo: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let year = RwSignal::new(this_year.to_string());
    let period = RwSignal::new("year".to_string());
    let area: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);

    let context = move || {
        let y = year.get().trim().parse::<u16>().ok().filter(|y| (1949..=2100).contains(y));
        let p = match period.get().as_str() {
            "first_half" => Some(Period::FirstHalf),
            "second_half" => Some(Period::SecondHalf),
            "none" => None,
            _ => Some(Period::Year),
        };
        Context { period: y.zip(p), typed: false }
    };
    let findings = Memo::new(move |_| match store.proof_rules() {
        ProofRules::Ready(rules) => checked.with(|t| check(rules, t, &context())),
        _ => Vec::new(),
    });

    let on_input = move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if let Some(el) = area.get_untracked() {
                    checked.set(el.value());
                }
            },
            PAUSE,
        )
        .ok();
        pending.set_value(handle);
    };
    // Puts a new text in the box and checks it at once, keeping the old one for 撤销.
    let replace = move |new: String| {
        let Some(el) = area.get_untracked() else { return };
        let old = el.value();
        if old != checked.get_untracked() {
            // Typed since the last check: check that text first, fix nothing yet.
            checked.set(old);
            return;
        }
        if new != old {
            undo.update(|u| u.push(old));
            el.set_value(&new);
            checked.set(new);
        }
    };
    let fix_one = move |f: Finding| replace(apply(&checked.get_untracked(), [&f]));
    let fix_all = move |_| replace(findings.with_untracked(|fs| apply(&checked.get_untracked(), fs)));
    let undo_last = move |_| {
        let Some(prev) = undo.try_update(|u| u.pop()).flatten() else { return };
        if let Some(el) = area.get_untracked() {
            el.set_value(&prev);
        }
        checked.set(prev);
    };

    let summary = move || match store.proof_rules() {
        ProofRules::Ready(_) => {
            if checked.with(|t| t.trim().is_empty()) {
                return "请在上面粘贴或输入要校对的文字。".to_string();
            }
            let (errors, warnings) = findings.with(|fs| {
                let e = fs.iter().filter(|f| f.severity == Severity::Error).count();
                (e, fs.len() - e)
            });
            if errors + warnings == 0 {
                "没有发现标点、序号、数字和用词方面的差错。".to_string()
            } else {
                format!("发现{errors}处错误、{warnings}处提示。")
            }
        }
        ProofRules::Failed(why) => format!("校对规则没有载入（{why}）。请确认网络正常后刷新页面。"),
        _ => "正在载入校对规则……".to_string(),
    };
    let fixable = move || findings.with(|fs| fs.iter().filter(|f| f.fix.is_some()).count());
    let list = move || {
        let rules = match store.proof_rules() {
            ProofRules::Ready(r) => Some(r),
            _ => None,
        };
        findings
            .get()
            .into_iter()
            .take(SHOWN)
            .map(|f| {
                let source = rules.and_then(|r| r.rule(&f.rule)).map(|r| format!("（依据：{}）", r.source));
                let text = format!(
                    "第{}行第{}字　{}：{}。{}。{}",
                    f.line,
                    f.column,
                    f.severity.label(),
                    f.message,
                    f.suggestion,
                    source.unwrap_or_default()
                );
                let button = f.fix.is_some().then(|| {
                    let f = f.clone();
                    view! {
                        <button type="button" class="button button-secondary" on:click=move |_| fix_one(f.clone())>
                            "改正"
                        </button>
                    }
                });
                view! {
                    <li class="proof-finding" class:proof-error=f.severity == Severity::Error>
                        <span>{text}</span>
                        " "
                        {button}
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <h1 tabindex="-1">"公文校对"</h1>
        <p class="lead">
            "把要校对的文字粘贴在下面（例如去年的报告、领导的修改稿），查找标点、层级序号、数字和日期、规范表述、易错词方面的差错。文字只在本机检查，不会发送到任何地方，也不会保存。"
        </p>
        <div class="field-row">
            <label for="proof-year">"报告年度"</label>
            <input
                id="proof-year"
                type="text"
                inputmode="numeric"
                maxlength="4"
                prop:value=move || year.get()
                on:change=move |ev| year.set(event_target_value(&ev))
            />
            <label for="proof-period">"报告期间"</label>
            <select id="proof-period" on:change=move |ev| period.set(event_target_value(&ev))>
                <option value="year" selected>
                    "全年"
                </option>
                <option value="first_half">"上半年"</option>
                <option value="second_half">"下半年"</option>
                <option value="none">"不按报告期间核对提法"</option>
            </select>
        </div>
        <label for="proof-text" class="proof-text-label">
            "要校对的文字"
        </label>
        <textarea id="proof-text" class="proof-text" rows="14" node_ref=area on:input=on_input></textarea>
        <p class="proof-summary" id="proof-summary" role="status" aria-live="polite">
            {summary}
        </p>
        <div class="actions">
            <Show when=move || { fixable() > 0 }>
                <button type="button" class="button" on:click=fix_all>
                    {move || format!("全部改正（{}处标点、序号和数字）", fixable())}
                </button>
            </Show>
            <Show when=move || undo.with(|u| !u.is_empty())>
                <button type="button" class="button button-secondary" on:click=undo_last>
                    "撤销"
                </button>
            </Show>
        </div>
        <ol class="proof-findings">{list}</ol>
        {move || {
            let more = findings.with(|fs| fs.len().saturating_sub(SHOWN));
            (more > 0)
                .then(|| {
                    view! {
                        <p class="hint">
                            {format!(
                                "以上列出前{SHOWN}处，还有{more}处没有列出。可以先按“全部改正”改正标点和数字，再看其余的。",
                            )}
                        </p>
                    }
                })
        }}
        <p>
            <a class="button button-secondary" href="#/">
                "返回我的报告"
            </a>
        </p>
    }
}
