//! Property tests for the generator: random (valid) templates and random reports full of
//! junk, and the rules every generated document must keep whatever the input.
//!
//! Templates are built from Chinese word fragments with placeholders in optional groups and
//! every kind of input field; they go through the same door as a real template file
//! (serde_json round trip, then `Template::from_json`, which validates). Reports carry every
//! status, raw values that are valid, invalid or junk, notes drawn from a character set with
//! ASCII punctuation, spaces, control and invisible characters, full-width marks and digits
//! and HTML, and sometimes a hand-edited problem list.
//!
//! Case counts: each property runs 256 cases (`CASES`); there are 14 properties, so one
//! `cargo test` run checks 3584 random documents. For a longer soak set PROPTEST_CASES, e.g.
//! `PROPTEST_CASES=5000 cargo test --release --test properties`. Failures are not persisted
//! to a file: a failing case found here becomes an explicit regression test next to the fix.
// Native only: these run under `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::BTreeMap;
use zeren::domain::date::Date;
use zeren::domain::generate::{
    band, generate, item_point, merge_groups, status, Block, Document, MAX_POINTS, PROBLEMS_KEY, SIGN_OFF,
};
use zeren::domain::numerals::chinese;
use zeren::domain::render::to_text;
use zeren::domain::report::{Answer, Period, ProblemPlan, Report, ReportKind, Status};
use zeren::domain::template::{
    Band, Field, FieldKind, Guidance, Item, Level, LevelWords, PersonalWording, Point, ProblemWording, ReportWording,
    Role, RoleWords, Section, Template,
};
use zeren::domain::text::{shared_phrase, stray_half_width};

/// Cases per property.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------
// Random templates

const WORDS: &[&str] = &[
    "加强",
    "组织",
    "领导",
    "理论",
    "学习",
    "意识形态",
    "工作",
    "责任",
    "落实",
    "舆论",
    "引导",
    "阵地",
    "管理",
    "网络",
    "文明",
    "创建",
    "志愿服务",
    "党组",
    "会议",
    "专题",
    "研究",
    "部署",
    "检查",
    "考核",
    "宣传",
    "思想",
    "干部",
    "职工",
    "制度",
    "机制",
    "深入",
    "推动",
    "常态化",
    "队伍",
    "建设",
    "教育",
    "活动",
    "平台",
    "舆情",
    "处置",
    "“第一议题”",
    "《学习纲要》",
    "（试行）",
];
const UNITS: &[&str] = &["次", "人", "人次", "个", "篇", "场", ""];

/// A phrase of one to three words, e.g. `加强舆情处置`.
fn phrase() -> impl Strategy<Value = String> {
    vec(select(WORDS), 1..4).prop_map(|w| w.concat())
}

/// Wording with builtin placeholders anywhere and field placeholders in `[...]` groups,
/// as an editor writes it: `[，{period}共{f0}次]`, `[{f1}，]`, `{unit}…`.
fn wording(builtins: &'static [&'static str], fields: Vec<String>, end: &'static str) -> BoxedStrategy<String> {
    let builtin = if builtins.is_empty() {
        Just(String::new()).boxed()
    } else {
        select(builtins).prop_map(|b| format!("{{{b}}}")).boxed()
    };
    let group = if fields.is_empty() {
        Just(String::new()).boxed()
    } else {
        let builtin_in_group = if builtins.is_empty() {
            Just(String::new()).boxed()
        } else {
            prop_oneof![Just(String::new()), select(builtins).prop_map(|b| format!("{{{b}}}"))].boxed()
        };
        (select(vec!["", "，", "，共"]), builtin_in_group, select(fields), select(UNITS), select(vec!["", "，"]))
            .prop_map(|(pre, b, f, unit, post)| format!("[{pre}{b}{{{f}}}{unit}{post}]"))
            .boxed()
    };
    let piece = prop_oneof![4 => phrase(), 2 => Just("，".to_string()), 1 => builtin, 3 => group];
    (phrase(), vec(piece, 0..8)).prop_map(move |(first, rest)| format!("{first}{}{end}", rest.concat())).boxed()
}

fn field_kind() -> impl Strategy<Value = FieldKind> {
    prop_oneof![
        (0u32..5, 0u32..500, select(UNITS)).prop_map(|(min, span, unit)| FieldKind::Count {
            min,
            max: min + span,
            unit: unit.into()
        }),
        Just(FieldKind::Percent),
        Just(FieldKind::Date),
        (1usize..80).prop_map(|max_chars| FieldKind::Text { max_chars }),
        (1usize..300).prop_map(|max_chars| FieldKind::LongText { max_chars }),
        vec(phrase(), 1..4)
            .prop_map(|options| FieldKind::Choice { options: options.into_iter().map(Into::into).collect() }),
    ]
}

fn item(n: usize) -> impl Strategy<Value = Item> {
    const BUILTINS: &[&str] = &["unit", "year", "period", "staff"];
    vec((field_kind(), phrase()), 0..4).prop_flat_map(move |kinds| {
        let fields: Vec<Field> = kinds
            .into_iter()
            .enumerate()
            .map(|(i, (kind, label))| Field { id: format!("f{i}").into(), label: label.into(), hint: "".into(), kind })
            .collect();
        let ids: Vec<String> = fields.iter().map(|f| f.id.to_string()).collect();
        let optional = |s: BoxedStrategy<String>| prop_oneof![Just(String::new()), s];
        (
            phrase(),
            wording(BUILTINS, ids.clone(), "。"),
            wording(BUILTINS, ids.clone(), "。"),
            wording(BUILTINS, ids.clone(), "。"),
            optional(wording(BUILTINS, ids.clone(), "。")),
            optional(wording(BUILTINS, ids.clone(), "。")),
            optional(wording(BUILTINS, ids.clone(), "。")),
            (
                optional(wording(BUILTINS, ids.clone(), "。")),
                optional(wording(BUILTINS, ids.clone(), "。")),
                optional(wording(BUILTINS, ids.clone(), "。")),
                optional(wording(BUILTINS, ids, "。")),
            ),
        )
            .prop_map(
                move |(point, done, problem, measure, personal_done, personal_problem, personal_measure, missing)| {
                    Item {
                        id: format!("item-{n}").into(),
                        task: format!("开展{point}").into(),
                        guidance: "按要求开展。".into(),
                        rule: "".into(),
                        local_rule: false,
                        fields: fields.clone().into(),
                        point: point.into(),
                        done: done.into(),
                        problem: problem.into(),
                        measure: measure.into(),
                        personal_done: personal_done.into(),
                        personal_problem: personal_problem.into(),
                        personal_measure: personal_measure.into(),
                        problem_missing: missing.0.into(),
                        measure_missing: missing.1.into(),
                        personal_problem_missing: missing.2.into(),
                        personal_measure_missing: missing.3.into(),
                    }
                },
            )
    })
}

fn section(n: usize) -> impl Strategy<Value = Section> {
    (
        vec(phrase(), 1..3).prop_map(|p| p.join("，")),
        prop_oneof![Just(String::new()), wording(&["unit", "year", "period"], vec![], "。")],
        vec(item(0), 1..7),
    )
        .prop_map(move |(heading, intro, items)| Section {
            id: format!("s{n}").into(),
            title: heading.clone().into(),
            heading: heading.into(),
            intro: intro.into(),
            items: items
                .into_iter()
                .enumerate()
                .map(|(i, it)| Item { id: format!("item-{n}-{i}").into(), ..it })
                .collect(),
        })
}

/// A heading of the self-assessment: usually words, sometimes left empty or made only of a
/// placeholder that may be empty (an editor's slip the validator lets through).
fn personal_heading() -> BoxedStrategy<String> {
    prop_oneof![6 => phrase(), 1 => Just(String::new()), 1 => Just("{person}".to_string()), 1 => phrase().prop_map(|p| format!("{{meeting}}{p}"))].boxed()
}

fn template() -> impl Strategy<Value = Template> {
    const OPENING: &[&str] = &["unit", "year", "period", "guidance"];
    const PERSONAL: &[&str] = &["unit", "year", "period", "guidance", "person", "meeting"];
    const BUILTINS: &[&str] = &["unit", "year", "period"];
    let report = (
        wording(BUILTINS, vec![], ""),
        wording(OPENING, vec![], "："),
        wording(OPENING, vec![], "："),
        prop_oneof![Just(String::new()), wording(BUILTINS, vec![], "：")],
        prop_oneof![Just(String::new()), wording(BUILTINS, vec![], "：")],
        (wording(OPENING, vec![], "："), wording(OPENING, vec![], "：")),
        (
            prop_oneof![Just(String::new()), wording(BUILTINS, vec![], "：")],
            prop_oneof![Just(String::new()), wording(BUILTINS, vec![], "：")],
        ),
    )
        .prop_map(|(title, opening, opening_empty, problems_lead, plans_lead, opening_less, lead_less)| {
            ReportWording {
                title: title.into(),
                opening: opening.into(),
                opening_some: opening_less.0.into(),
                opening_few: opening_less.1.into(),
                opening_empty: opening_empty.into(),
                problems_lead: problems_lead.into(),
                problems_lead_some: lead_less.0.into(),
                problems_lead_few: lead_less.1.into(),
                plans_lead: plans_lead.into(),
            }
        });
    let causes = vec((prop_oneof![5 => phrase(), 1 => Just(String::new())], wording(BUILTINS, vec![], "。")), 0..5)
        .prop_map(|c| {
            c.into_iter()
                .map(|(lead, text)| Point { lead: lead.into(), text: text.into(), sections: Vec::new().into() })
                .collect::<Vec<_>>()
        });
    let personal = (
        wording(PERSONAL, vec![], ""),
        wording(PERSONAL, vec![], "："),
        (personal_heading(), personal_heading(), personal_heading(), personal_heading()),
        (wording(PERSONAL, vec![], "："), wording(PERSONAL, vec![], "：")),
        causes,
    )
        .prop_map(
            |(title, opening, (duties, problems, causes_h, measures), (problems_lead, measures_lead), causes)| {
                PersonalWording {
                    title: title.into(),
                    opening: opening.into(),
                    duties_heading: duties.into(),
                    problems_heading: problems.into(),
                    problems_lead: problems_lead.into(),
                    causes_heading: causes_h.into(),
                    causes: causes.into(),
                    measures_heading: measures.into(),
                    measures_lead: measures_lead.into(),
                    last_year_heading: "".into(),
                    closing: "".into(),
                }
            },
        );
    let fallback = vec((wording(BUILTINS, vec![], "。"), wording(BUILTINS, vec![], "。")), 0..4).prop_map(|f| {
        f.into_iter()
            .map(|(problem, measure)| ProblemWording { problem: problem.into(), measure: measure.into() })
            .collect::<Vec<_>>()
    });
    // Lines with a first day, or (as older templates) a first year.
    let guidance = vec((2015u16..2030, 1u8..=12, any::<bool>(), phrase()), 1..4).prop_map(|g| {
        g.into_iter()
            .map(|(year, month, dated, text)| Guidance {
                from: dated.then(|| Date::end_of_month(year, month)),
                from_year: if dated { 0 } else { year },
                text: format!("坚持以{text}为指导").into(),
            })
            .collect::<Vec<_>>()
    });
    let sections = (1usize..5).prop_flat_map(|n| (0..n).map(section).collect::<Vec<_>>());
    (guidance, report, personal, fallback, sections).prop_map(
        |(guidance, report, personal, fallback_problems, sections)| Template {
            format: 1,
            id: "random".into(),
            name: "随机模板".into(),
            edition: "test".into(),
            guidance: guidance.into(),
            report,
            personal,
            fallback_problems: fallback_problems.into(),
            levels: levels(),
            roles: roles(),
            item_words: Vec::new().into(),
            sections: sections.into(),
        },
    )
}

/// The default checklist's roles, without the items they leave out (a random template has
/// other items).
fn roles() -> zeren::domain::template::List<RoleWords> {
    Template::default_template()
        .roles
        .iter()
        .map(|w| RoleWords { without: Vec::new().into(), ..w.clone() })
        .collect::<Vec<_>>()
        .into()
}

/// The default checklist's level words, without the items it leaves out at each level
/// (a random template has other items).
fn levels() -> zeren::domain::template::List<LevelWords> {
    Template::default_template()
        .levels
        .iter()
        .map(|w| LevelWords { without: Vec::new().into(), ..w.clone() })
        .collect::<Vec<_>>()
        .into()
}

/// The template as a template file reaches the app: JSON text, parsed and validated.
fn through_the_door(t: &Template) -> Result<Template, String> {
    let json = serde_json::to_string(t).map_err(|e| e.to_string())?;
    Template::from_json(&json).map_err(|e| format!("{e}\n{json}"))
}

// ---------------------------------------------------------------------------------------
// Random reports

/// Characters people paste into notes: ASCII punctuation and spaces, control and invisible
/// characters, full-width marks and digits, HTML, letters and digits, Chinese.
const JUNK: &[char] = &[
    '学', '习', '工', '作', '党', '组', '会', '议', '开', '展', '了', '次', '人', '网', '络', ',', ';', ':', '(', ')',
    '?', '!', '.', '"', '\'', ' ', ' ', '\t', '\n', '\r', '\u{3000}', '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{200b}',
    '\u{202e}', '\u{feff}', '，', '。', '；', '：', '（', '）', '！', '？', '、', '“', '”', '《', '》', '…', '０',
    '９', '８', '0', '1', '2', '9', 'a', 'Z', 'x', '<', '>', '/', '&', '%', '-', '—',
];
const BRACKETS: &[char] = &['{', '}', '[', ']'];
const SNIPPETS: &[&str] =
    &["<script>alert(1)</script>", "Windows 10", "10:30", "1,200", "98.5%", "。，", " ,, ", "{unit}", "[{f0}次]"];

/// Junk text; with `brackets` false it holds no `{}[]`, so any bracket in the output would
/// come from a template placeholder.
fn junk(brackets: bool) -> BoxedStrategy<String> {
    let chars: Vec<char> = JUNK.iter().chain(if brackets { BRACKETS } else { &[] }).copied().collect();
    let snippets: Vec<&'static str> =
        SNIPPETS.iter().copied().filter(|s| brackets || !s.contains(['{', '}', '[', ']'])).collect();
    vec(prop_oneof![9 => select(chars).prop_map(String::from), 1 => select(snippets).prop_map(String::from)], 0..24)
        .prop_map(|parts| parts.concat())
        .boxed()
}

fn fullwidth_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c) } else { c })
        .collect()
}

/// A raw value for a field: empty, plausible, full-width, out of range or junk.
fn raw_value(kind: &FieldKind, brackets: bool) -> BoxedStrategy<String> {
    let plausible = match kind.clone() {
        FieldKind::Count { max, unit, .. } => (0u64..=u64::from(max) + 3, any::<bool>(), any::<bool>())
            .prop_map(move |(n, wide, with_unit)| {
                let n = if wide { fullwidth_digits(&n.to_string()) } else { n.to_string() };
                if with_unit {
                    format!("{n}{unit}")
                } else {
                    n
                }
            })
            .boxed(),
        FieldKind::Percent => (0u32..1100, any::<bool>(), any::<bool>())
            .prop_map(|(n, wide, sign)| {
                let s = format!("{}.{}{}", n / 10, n % 10, if sign { "%" } else { "" });
                if wide {
                    fullwidth_digits(&s)
                } else {
                    s
                }
            })
            .boxed(),
        FieldKind::Date => (1890u16..2210, 0u8..14, 0u8..33, select(vec!["-", "/", "."]))
            .prop_map(|(y, m, d, sep)| format!("{y}{sep}{m}{sep}{d}"))
            .boxed(),
        FieldKind::Text { .. } | FieldKind::LongText { .. } => junk(brackets),
        FieldKind::Choice { options } => select(options.iter().map(|o| o.to_string()).collect::<Vec<_>>()).boxed(),
    };
    prop_oneof![1 => Just(String::new()), 4 => plausible, 1 => junk(brackets)].boxed()
}

fn answer(item: &Item, brackets: bool) -> BoxedStrategy<Option<Answer>> {
    let values: Vec<BoxedStrategy<(String, String)>> = item
        .fields
        .iter()
        .map(|f| {
            let id = f.id.to_string();
            raw_value(&f.kind, brackets).prop_map(move |v| (id.clone(), v)).boxed()
        })
        .collect();
    let answer = (select(Status::ALL.to_vec()), values, prop_oneof![2 => Just(String::new()), 1 => junk(brackets)])
        .prop_map(|(status, values, note)| Answer { status, values: values.into_iter().collect(), note });
    proptest::option::weighted(0.85, answer).boxed()
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        Just(Period::Year),
        Just(Period::FirstHalf),
        Just(Period::SecondHalf),
        (0u8..8).prop_map(|quarter| Period::Quarter { quarter }),
        (0u8..15, 0u8..15).prop_map(|(from, to)| Period::Months { from, to }),
    ]
}

fn report_for(t: &Template, brackets: bool) -> BoxedStrategy<Report> {
    let answers: Vec<BoxedStrategy<(String, Option<Answer>)>> = t
        .items()
        .map(|(_, i)| {
            let id = i.id.to_string();
            answer(i, brackets).prop_map(move |a| (id.clone(), a)).boxed()
        })
        .collect();
    let name = |known: Vec<&'static str>| prop_oneof![3 => select(known).prop_map(String::from), 1 => junk(brackets)];
    let problems = proptest::option::weighted(
        0.3,
        vec(
            (junk(brackets), junk(brackets)).prop_map(|(problem, plan)| ProblemPlan {
                problem,
                plan,
                ..Default::default()
            }),
            0..14,
        ),
    );
    // The user's choice of points that stand alone past eight: headings (sections, the
    // problems) and points (items, `#N`), some of them not in the report at all.
    let keys: Vec<String> =
        t.sections.iter().map(|s| s.id.to_string()).chain([PROBLEMS_KEY.to_string(), "nosuch".into()]).collect();
    let ids: Vec<String> = t.items().map(|(_, i)| i.id.to_string()).chain((1..16).map(|n| format!("#{n}"))).collect();
    let merge = vec((select(keys), vec(select(ids), 0..12)), 0..4);
    let last_year = prop_oneof![Just(String::new()), junk(brackets)];
    (
        name(vec!["局党组", "机关第一党支部", "", " 市文旅局 党组。", "红旗社区党委", "王庄村党支部"]),
        name(vec!["张三同志", "", "李四"]),
        name(vec!["民主生活会", "组织生活会", ""]),
        (2010u16..2035, period(), select(vec![ReportKind::Unit, ReportKind::Personal])),
        answers,
        problems,
        proptest::option::of(select(Level::ALL.to_vec())),
        proptest::option::of(select(Role::ALL.to_vec())),
        (merge, last_year),
    )
        .prop_map(
            |(unit, person, meeting, (year, period, kind), answers, problems, level, role, (merge, last_year))| {
                Report {
                    id: "r".into(),
                    unit,
                    person,
                    meeting,
                    year,
                    period,
                    kind,
                    answers: answers.into_iter().filter_map(|(id, a)| a.map(|a| (id, a))).collect::<BTreeMap<_, _>>(),
                    problems,
                    level,
                    role,
                    merge_alone: merge.into_iter().collect(),
                    last_year,
                    ..Report::default()
                }
            },
        )
        .boxed()
}

fn template_and_report(brackets: bool) -> impl Strategy<Value = (Template, Report)> {
    template().prop_flat_map(move |t| {
        let r = report_for(&t, brackets);
        (Just(t), r)
    })
}

fn default_and_report() -> impl Strategy<Value = Report> {
    report_for(&Template::default_template(), false)
}

// ---------------------------------------------------------------------------------------
// The rules

/// Words that name one item's work, which no other item's point may say while that item is
/// 未落实: (item, word, the items whose own points may say it).
const CLAIMS: &[(&str, &str, &[&str])] = &[
    ("party-lecture", "党课", &["party-lecture"]),
    ("center-group-study", "中心组", &["center-group-study", "center-group-plan"]),
    ("lead-group", "领导小组", &["lead-group"]),
    ("situation-analysis", "形势研判", &["situation-analysis"]),
    ("spokesperson", "新闻发言人", &["spokesperson"]),
    ("commentators", "网评员", &["commentators"]),
    ("theme-day", "主题党日", &["theme-day"]),
    ("moral-lecture", "道德讲堂", &["moral-lecture"]),
    ("xuexi-app", "学习强国", &["xuexi-app"]),
];

/// The text of every block under the top heading `heading`, up to the next one.
fn text_under(doc: &Document, heading: &str) -> String {
    let mut on = false;
    let mut out = String::new();
    for b in &doc.blocks {
        if let Block::Heading1 { text, .. } = b {
            on = text == heading;
            continue;
        }
        if on {
            out.push_str(&b.text());
            out.push('\n');
        }
    }
    out
}

/// Title and every block, one a line, without indentation.
fn all_text(doc: &Document) -> String {
    let mut out = doc.title.clone();
    for b in &doc.blocks {
        out.push('\n');
        out.push_str(&b.text());
    }
    out
}

/// Heading1 一二三… over the document; Heading2 （一）（二）… restarting under each Heading1
/// (and, in a unit report, only under 主要做法); points 一是二是… restarting after every
/// heading or paragraph and counting up without a gap.
fn check_numbering(doc: &Document, kind: ReportKind) -> Result<(), String> {
    let (mut h1, mut h2, mut pt) = (0usize, 0usize, 0usize);
    let mut under = String::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let at = || format!("block {i}: {}", b.text());
        match b {
            Block::Heading1 { number, text } => {
                h1 += 1;
                (h2, pt) = (0, 0);
                under = text.clone();
                if *number != chinese(h1) {
                    return Err(format!("{}: expected {}、", at(), chinese(h1)));
                }
            }
            Block::Heading2 { number, .. } => {
                h2 += 1;
                pt = 0;
                if *number != chinese(h2) {
                    return Err(format!("{}: expected （{}）", at(), chinese(h2)));
                }
                if h1 == 0 || (kind == ReportKind::Unit && under != "主要做法") {
                    return Err(format!("{}: （…） heading outside 主要做法", at()));
                }
            }
            Block::Paragraph(_) | Block::Addressee(_) | Block::Closing(_) => pt = 0,
            Block::Point { number, .. } => {
                pt += 1;
                if *number != chinese(pt) {
                    return Err(format!("{}: expected {}是", at(), chinese(pt)));
                }
            }
        }
    }
    Ok(())
}

/// No heading is empty, and every heading has a paragraph or point under it before the next
/// heading of the same or a higher level. No point is empty or opens with a bare 。.
fn check_headings(doc: &Document) -> Result<(), String> {
    let level = |b: &Block| match b {
        Block::Heading1 { .. } => Some(1),
        Block::Heading2 { .. } => Some(2),
        _ => None,
    };
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Heading1 { text, .. } | Block::Heading2 { text, .. } => {
                if text.trim().is_empty() {
                    return Err(format!("block {i}: empty heading “{}”", b.text()));
                }
                let mine = level(b).unwrap_or(0);
                let has_content = doc.blocks[i + 1..]
                    .iter()
                    .take_while(|n| level(n).is_none_or(|l| l > mine))
                    .any(|n| matches!(n, Block::Paragraph(_) | Block::Point { .. }));
                if !has_content {
                    return Err(format!("block {i}: heading “{}” has nothing under it", b.text()));
                }
            }
            Block::Point { lead, text, .. } => {
                // A point may lack a bolded lead, but a lead is never a bare 。 and a point
                // is never just its number.
                if lead.starts_with('。') || (lead.is_empty() && text.trim().is_empty()) {
                    return Err(format!("block {i}: point without a lead or without text: “{}”", b.text()));
                }
            }
            Block::Paragraph(p) | Block::Addressee(p) | Block::Closing(p) => {
                if p.trim().is_empty() {
                    return Err(format!("block {i}: empty paragraph"));
                }
            }
        }
    }
    Ok(())
}

/// An ASCII space only between two ASCII letters or digits (`Windows 10`); no other
/// whitespace or control character inside the text.
fn check_spaces(text: &str) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let context = || chars[i.saturating_sub(6)..(i + 6).min(chars.len())].iter().collect::<String>();
        if c == ' ' {
            let ok = i > 0
                && chars[i - 1].is_ascii_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if !ok {
                return Err(format!("stray space in “{}”", context()));
            }
        } else if c != '\n' && (c.is_whitespace() || c.is_control()) {
            return Err(format!("U+{:04X} in “{}”", c as u32, context()));
        }
    }
    Ok(())
}

fn check_no_doubled_marks(text: &str) -> Result<(), String> {
    const MARKS: [char; 7] = ['，', '。', '；', '：', '、', '！', '？'];
    let chars: Vec<char> = text.chars().collect();
    match chars.windows(2).position(|w| MARKS.contains(&w[0]) && MARKS.contains(&w[1])) {
        Some(i) => Err(format!(
            "doubled punctuation in “{}”",
            chars[i.saturating_sub(8)..(i + 8).min(chars.len())].iter().collect::<String>()
        )),
        None => Ok(()),
    }
}

/// The runs of consecutive points: each run stands under one heading or lead paragraph.
fn point_runs(doc: &Document) -> Vec<Vec<&Block>> {
    let mut runs: Vec<Vec<&Block>> = vec![];
    let mut open = false;
    for b in &doc.blocks {
        match b {
            Block::Point { .. } if open => runs.last_mut().expect("a run is open").push(b),
            Block::Point { .. } => {
                runs.push(vec![b]);
                open = true;
            }
            _ => open = false,
        }
    }
    runs
}

/// The text of the document's body: every block but the sign-off paragraph and the 落款.
fn last_of_body(doc: &Document) -> Option<String> {
    doc.blocks.iter().rev().find(|b| !matches!(b, Block::Closing(_)) && b.text() != SIGN_OFF).map(Block::text)
}

/// The points directly under the top heading whose text satisfies `pick`.
fn points_under(doc: &Document, pick: impl Fn(&str) -> bool) -> usize {
    doc.blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Heading1 { text, .. } if pick(text)))
        .skip(1)
        .take_while(|b| !matches!(b, Block::Heading1 { .. }))
        .filter(|b| matches!(b, Block::Point { .. }))
        .count()
}

proptest! {
    #![proptest_config(config())]

    /// Random templates pass validation, and generation never panics.
    #[test]
    fn random_templates_validate_and_generate((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let doc = generate(&t, &r);
        prop_assert!(!to_text(&doc).is_empty());
    }

    #[test]
    fn numbering_is_consecutive_at_every_level((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let doc = generate(&t, &r);
        check_numbering(&doc, r.kind).map_err(TestCaseError::fail)?;
    }

    /// With no brackets in the user's input, none may appear: every `{…}` and `[…]` of the
    /// template is filled or dropped.
    #[test]
    fn no_placeholder_or_bracket_is_left((t, r) in template_and_report(false)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let text = all_text(&generate(&t, &r));
        prop_assert!(!text.contains(['{', '}', '[', ']']), "{}", text);
    }

    #[test]
    fn no_half_width_punctuation_in_chinese_text((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let text = all_text(&generate(&t, &r));
        prop_assert_eq!(stray_half_width(&text), None, "{}", text);
    }

    #[test]
    fn no_empty_heading_and_none_without_content((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        check_headings(&generate(&t, &r)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn spaces_only_between_ascii_words((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let text = all_text(&generate(&t, &r));
        check_spaces(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    }

    /// Same input, same bytes; and a report saved and read back prints the same.
    #[test]
    fn same_input_gives_the_same_bytes((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let first = to_text(&generate(&t, &r));
        prop_assert_eq!(&first, &to_text(&generate(&t, &r)));
        let reread: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        let t2 = through_the_door(&t).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&first, &to_text(&generate(&t2, &reread)));
    }

    /// The walk-through module carries the built-in checklist without the problems'
    /// wording (`builtin::OUTLINE`): whatever the report, every page of that module (task
    /// list, sections with their previews, 基本信息's counts and field checks) shows exactly
    /// what it shows with the whole checklist.
    #[test]
    fn the_first_module_s_outline_shows_what_the_whole_checklist_shows(r in default_and_report()) {
        use zeren::domain::builtin::{DEFAULT, OUTLINE};
        use zeren::domain::generate::applies;
        use zeren::domain::progress::{field_errors, report_counts, section_counts, section_status};
        let (o, d) = (&OUTLINE, &DEFAULT);
        prop_assert_eq!(report_counts(o, &r), report_counts(d, &r));
        prop_assert_eq!(field_errors(o, &r).collect::<Vec<_>>(), field_errors(d, &r).collect::<Vec<_>>());
        for (so, sd) in o.sections.iter().zip(d.sections.iter()) {
            prop_assert_eq!(section_counts(o, so, &r), section_counts(d, sd, &r));
            prop_assert_eq!(section_status(o, so, &r), section_status(d, sd, &r));
            for (io, id) in so.items.iter().zip(sd.items.iter()) {
                prop_assert_eq!(applies(o, &r, &io.id), applies(d, &r, &id.id));
                prop_assert_eq!(item_point(o, &r, io), item_point(d, &r, id));
            }
        }
    }

    /// With the real checklist, junk input never doubles a mark, and the document says what
    /// the answers say: one point per item with work, one （…） per section with work, one
    /// problem per item with a gap (or the general ones when there is none).
    #[test]
    fn default_template_with_junk_input_reads_cleanly(r in default_and_report()) {
        let t = Template::default_template();
        let doc = generate(&t, &r);
        let text = all_text(&doc);
        check_no_doubled_marks(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        check_spaces(&text).map_err(TestCaseError::fail)?;
        prop_assert_eq!(stray_half_width(&text), None);
        check_numbering(&doc, r.kind).map_err(TestCaseError::fail)?;
        check_headings(&doc).map_err(TestCaseError::fail)?;

        // Points are capped at eight a heading (the rest joined, none dropped). Statuses
        // are taken at the report's level: a 党支部 has no 中心组, however marked.
        let cap = |n: usize| n.min(MAX_POINTS);
        let at = |id: &str| status(&t, &r, id);
        let work: usize =
            t.sections.iter().map(|s| cap(s.items.iter().filter(|i| at(&i.id).has_work()).count())).sum();
        let gaps = t.items().filter(|(_, i)| at(&i.id).has_gap()).count();
        let sections = t.sections.iter().filter(|s| s.items.iter().any(|i| at(&i.id).has_work())).count();
        let points = doc.blocks.iter().filter(|b| matches!(b, Block::Point { .. })).count();
        let h2 = doc.blocks.iter().filter(|b| matches!(b, Block::Heading2 { .. })).count();
        match r.kind {
            ReportKind::Unit => {
                prop_assert_eq!(points_under(&doc, |h| h == "主要做法"), work);
                prop_assert_eq!(h2, sections);
                if r.problems.is_none() {
                    let expected = cap(if gaps > 0 { gaps } else { t.fallback_problems.len() });
                    prop_assert_eq!(points_under(&doc, |h| h == "存在的问题"), expected);
                    prop_assert_eq!(points_under(&doc, |h| h == "下一步工作打算"), expected);
                }
            }
            ReportKind::Personal => {
                // Duties are grouped by area, one （…） heading per area with work.
                prop_assert_eq!(h2, sections);
                prop_assert_eq!(points_under(&doc, |h| h == t.personal.duties_heading), work);
                if r.problems.is_none() {
                    let expected = cap(if gaps > 0 { gaps } else { t.fallback_problems.len() });
                    prop_assert_eq!(points_under(&doc, |h| h == t.personal.problems_heading), expected);
                }
            }
        }
        prop_assert!(points >= work);
    }

    /// A personal report with a role never speaks for both the 书记 and the 分管领导: the
    /// items that are not the role's duty give no point, no problem and no measure (their
    /// leads and judgements are nowhere), whatever their status.
    #[test]
    fn a_role_claims_only_its_own_duty(mut r in default_and_report(), role in select(Role::ALL.to_vec())) {
        let t = Template::default_template();
        r.kind = ReportKind::Personal;
        r.role = Some(role);
        r.problems = None;
        let text = all_text(&generate(&t, &r));
        // What an item says: its lead and the judgement (up to the first 。) of each of its
        // problem and measure wordings (a self-assessment falls back on the unit's where the
        // item has no personal one).
        let marks = |id: &str| -> Vec<String> {
            let i = t.item(id).expect("the checklist has it");
            let judgement = |w: &str| w.split('。').next().unwrap_or_default().to_string();
            [
                &i.point,
                &i.personal_problem,
                &i.personal_problem_missing,
                &i.personal_measure,
                &i.personal_measure_missing,
                &i.problem,
                &i.problem_missing,
                &i.measure,
                &i.measure_missing,
            ]
            .into_iter()
                .map(|w| judgement(w))
                .filter(|m| !m.is_empty() && !m.contains(['{', '[']))
                .collect()
        };
        let says = |id: &str| marks(id).into_iter().find(|m| text.contains(m.as_str()));
        let (secretary, deputy) = (says("secretary-first"), says("deputy-direct"));
        prop_assert!(secretary.is_none() || deputy.is_none(), "{:?}: both {:?} and {:?}\n{}", role, secretary, deputy, text);
        for id in t.role_words(role).expect("every role").without.iter() {
            prop_assert_eq!(status(&t, &r, id), Status::NotApplicable);
            prop_assert!(says(id).is_none(), "{:?} says {:?} of {}\n{}", role, says(id), id, text);
        }
    }

    /// The text never stops at a lead such as 报告如下：: something follows the opening even
    /// when nothing was done and the user removed every problem. A unit report ends with
    /// 特此报告。 and its 落款.
    #[test]
    fn the_text_never_stops_at_a_lead((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let doc = generate(&t, &r);
        let last = last_of_body(&doc).unwrap_or_default();
        prop_assert!(!last.is_empty() && !last.ends_with('：'), "ends at “{}”\n{}", last, all_text(&doc));
        if r.kind == ReportKind::Unit {
            let n = doc.blocks.len();
            prop_assert!(n >= 3 && doc.blocks[n - 3].text() == SIGN_OFF, "{}", all_text(&doc));
            prop_assert!(matches!(doc.blocks[n - 2..], [Block::Closing(_), Block::Closing(_)]), "{}", all_text(&doc));
        }
    }

    /// The same on the real checklist, with the problem list often emptied by hand.
    #[test]
    fn the_default_text_never_stops_at_a_lead(mut r in default_and_report(), emptied in any::<bool>()) {
        if emptied {
            r.problems = Some(vec![]);
        }
        let doc = generate(&Template::default_template(), &r);
        let last = last_of_body(&doc).unwrap_or_default();
        prop_assert!(!last.ends_with("报告如下：") && !last.ends_with('：'), "ends at “{}”", last);
    }

    /// Joining points: every point printed once, in order of first points; at most eight; the
    /// points the user chose (the first seven of them) stand alone; nothing joined up to eight.
    #[test]
    fn joined_points_keep_every_point_and_the_user_s_choice(
        points in vec((0usize..4, any::<bool>()), 0..40)
    ) {
        let areas: Vec<usize> = points.iter().map(|p| p.0).collect();
        let alone: Vec<bool> = points.iter().map(|p| p.1).collect();
        let groups = merge_groups(&areas, &alone);
        let mut seen: Vec<usize> = groups.iter().flatten().copied().collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..points.len()).collect::<Vec<_>>());
        prop_assert!(groups.len() <= MAX_POINTS);
        prop_assert!(groups.windows(2).all(|w| w[0][0] < w[1][0]), "{:?}", groups);
        if points.len() <= MAX_POINTS {
            prop_assert_eq!(groups.len(), points.len());
        } else {
            prop_assert_eq!(groups.len(), MAX_POINTS);
            for i in (0..points.len()).filter(|&i| alone[i]).take(MAX_POINTS - 1) {
                prop_assert!(groups.contains(&vec![i]), "{} chosen but joined: {:?}", i, groups);
            }
        }
    }

    /// No heading has more than eight points under it, whatever the template and answers.
    #[test]
    fn at_most_eight_points_under_a_heading((t, r) in template_and_report(true)) {
        let t = through_the_door(&t).map_err(TestCaseError::fail)?;
        let doc = generate(&t, &r);
        for run in point_runs(&doc) {
            prop_assert!(run.len() <= MAX_POINTS, "{} points in a run\n{}", run.len(), all_text(&doc));
        }
    }

    /// With the real checklist, two neighbouring points never share a phrase of eight or more
    /// Han characters (fixed terms, dates and the levels' names aside, `text::shared_phrase`).
    #[test]
    fn neighbouring_points_share_no_long_phrase(r in default_and_report()) {
        let t = Template::default_template();
        let names = t.level_names();
        let doc = generate(&t, &r);
        for run in point_runs(&doc) {
            for pair in run.windows(2) {
                let body = |b: &Block| match b {
                    Block::Point { lead, text, .. } => format!("{lead}{text}"),
                    _ => String::new(),
                };
                let shared = shared_phrase(&body(pair[0]), &body(pair[1]), 8, &names);
                prop_assert!(shared.is_none(), "“{}” twice:\n{}\n{}", shared.unwrap_or_default(), pair[0].text(), pair[1].text());
            }
        }
    }

    /// The report says what the answers say. An item 未落实 is never told as done: it gives
    /// no point, its point's lead is nowhere under 主要做法, and no other item's point claims
    /// its work (党课, 中心组, 领导小组, 形势研判…); its suggested problem is the one for work
    /// not done (尚未…), never the one that assumes the work exists. Openings that claim
    /// success come only with most of the work done, and the level's words hold: no 中心组
    /// where the level has none, no 干部职工 or 科室 in a 党支部's report.
    #[test]
    fn an_item_not_done_is_never_told_as_done(r in default_and_report()) {
        not_done_is_never_told(&r)?;
    }

    /// Whatever the answers, each role's self-assessment (书记, 分管领导, other 班子成员, and
    /// none chosen) keeps every rule of the text, the user's choice of lone points included.
    #[test]
    fn every_role_s_material_keeps_the_rules(r in default_and_report()) {
        for role in Role::ALL.into_iter().map(Some).chain([None]) {
            let r = Report { kind: ReportKind::Personal, role, ..r.clone() };
            keeps_the_rules(&r)?;
        }
    }

    /// Invalid figures never reach the text: a percentage over 100 is left out.
    #[test]
    fn percentages_over_100_are_never_printed(rate in 1001u32..100_000, sessions in 1u32..50) {
        let t = Template::default_template();
        let mut r = Report::default();
        let a = r.answer_mut("staff-study");
        a.status = Status::Done;
        a.values.insert("sessions".into(), sessions.to_string());
        a.values.insert("rate".into(), format!("{}.{}", rate / 10, rate % 10));
        let text = all_text(&generate(&t, &r));
        let figure = format!("理论学习{sessions}次");
        prop_assert!(text.contains(&figure), "{}", text);
        prop_assert!(!text.contains("参学率"), "{}", text);
    }
}

/// The body of `an_item_not_done_is_never_told_as_done`, for any report on the real checklist.
fn not_done_is_never_told(r: &Report) -> Result<(), TestCaseError> {
    let r = r.clone();
    let t = Template::default_template();
    let doc = generate(&t, &r);
    let text = all_text(&doc);
    let personal = r.kind == ReportKind::Personal;
    let work_heading = if personal { t.personal.duties_heading.to_string() } else { "主要做法".to_string() };
    let work = text_under(&doc, &work_heading);
    // What each item's point says, one by one (points may be joined under a heading).
    let points: Vec<(&str, String)> = t
        .items()
        .filter_map(|(_, i)| item_point(&t, &r, i).map(|(lead, text)| (&*i.id, format!("{lead}{text}"))))
        .collect();
    for (_, i) in t.items() {
        if status(&t, &r, &i.id) != Status::NotDone {
            continue;
        }
        prop_assert!(item_point(&t, &r, i).is_none(), "{} gives a point", i.id);
        prop_assert!(!work.contains(&*i.point), "{}: its lead “{}” under {}:\n{}", i.id, i.point, work_heading, text);
        for (item, word, own) in CLAIMS {
            if *item != &*i.id {
                continue;
            }
            for (id, point) in &points {
                if !own.contains(id) {
                    prop_assert!(!point.contains(word), "{} is 未落实 but {} says “{}”: {}", i.id, id, word, point);
                }
            }
        }
        if r.problems.is_none() {
            let problems_heading =
                if personal { t.personal.problems_heading.to_string() } else { "存在的问题".to_string() };
            let problems = text_under(&doc, &problems_heading);
            let judgement = |w: &str| w.split('。').next().unwrap_or_default().to_string();
            let missing = judgement(i.problem_for(personal, true));
            let partial = judgement(i.problem_for(personal, false));
            // A judgement with placeholders ({my_field}, {offices}…) is checked by its
            // literal pieces: all of the missing one's are printed; the partial one's longest
            // piece, when the missing one does not share it, is not.
            let pieces = |w: &str| -> Vec<String> {
                w.split(['{', '}']).step_by(2).filter(|p| p.chars().count() >= 2).map(String::from).collect()
            };
            for piece in pieces(&missing) {
                prop_assert!(problems.contains(&piece), "{}: “{}” of “{}” missing:\n{}", i.id, piece, missing, text);
            }
            if partial != missing {
                let longest = pieces(&partial).into_iter().max_by_key(|p| p.chars().count()).unwrap_or_default();
                if longest.chars().count() >= 6 && !missing.contains(&longest) {
                    prop_assert!(!problems.contains(&longest), "{}: “{}” assumes work:\n{}", i.id, partial, text);
                }
            }
        }
    }
    if band(&t, &r) != Band::Most {
        for claim in ["有力的思想保证", "取得了一定成效"] {
            prop_assert!(!text.contains(claim), "“{}” with little done:\n{}", claim, text);
        }
    }
    let level = r.level();
    if matches!(level, Level::Branch | Level::Community | Level::Village) {
        prop_assert!(!text.contains("中心组"), "{:?}:\n{}", level, text);
    }
    if level == Level::Branch {
        for word in ["干部职工", "科室", "班子成员"] {
            prop_assert!(!text.contains(word), "{:?} says “{}”:\n{}", level, word, text);
        }
    }
    if matches!(level, Level::Community | Level::Village) {
        for word in ["干部职工", "单位风气"] {
            prop_assert!(!text.contains(word), "{:?} says “{}”:\n{}", level, word, text);
        }
    }
    Ok(())
}

/// What any text must keep, on the real checklist: it never stops at a lead (报告如下：), no
/// heading has more than eight points, no two neighbouring points share a phrase of eight or
/// more Han characters, and an item 未落实 is never told as done.
fn keeps_the_rules(r: &Report) -> Result<(), TestCaseError> {
    let t = Template::default_template();
    let doc = generate(&t, r);
    let last = last_of_body(&doc).unwrap_or_default();
    prop_assert!(!last.ends_with("报告如下：") && !last.ends_with('：'), "ends at “{}”", last);
    let names = t.level_names();
    for run in point_runs(&doc) {
        prop_assert!(run.len() <= MAX_POINTS, "{} points in a run\n{}", run.len(), all_text(&doc));
        for pair in run.windows(2) {
            let body = |b: &Block| match b {
                Block::Point { lead, text, .. } => format!("{lead}{text}"),
                _ => String::new(),
            };
            let shared = shared_phrase(&body(pair[0]), &body(pair[1]), 8, &names);
            prop_assert!(
                shared.is_none(),
                "“{}” twice:\n{}\n{}",
                shared.unwrap_or_default(),
                pair[0].text(),
                pair[1].text()
            );
        }
    }
    not_done_is_never_told(r)
}
