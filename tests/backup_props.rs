//! Fuzzing backup import: whatever file a user picks, `parse_backup` must not panic, and
//! whatever it accepts must be clean (valid unique ids, no string over its limit, no control
//! or invisible characters except line breaks and tabs in multi-line text) and stable
//! (exporting it and reading it back gives the same reports, with no warnings).
//!
//! Four runs with explicit case counts; each prints how many cases ran and how long they
//! took (`cargo test --test backup_props -- --nocapture`).
// Native only: these run under `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use proptest::collection::{vec, SizeRange};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;
use zeren::domain::backup::*;
use zeren::domain::report::{valid_id, Answer, Period, ProblemPlan, Report, ReportKind, Status, MAX_YEAR, MIN_YEAR};
use zeren::domain::saved::Envelope;
use zeren::domain::template::{Level, Role};

// ---------------------------------------------------------------------------------------
// Running

/// Runs `test` on `cases` values of `strategy`, reporting the count and the time.
fn run<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 2000, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let ran = std::cell::Cell::new(0u32);
    let start = Instant::now();
    let result = runner.run(&strategy, |v| {
        ran.set(ran.get() + 1);
        test(v)
    });
    let took = start.elapsed();
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    eprintln!("{name}: {} cases passed ({} ran) in {:.2?}", cases, ran.get(), took);
}

// ---------------------------------------------------------------------------------------
// Properties

fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A name, id or key: no control characters at all.
fn single(s: &str, max: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.chars().count() <= max, "{what} over {max}: {} chars", s.chars().count());
    prop_assert!(!s.chars().any(|c| c.is_control() || invisible(c)), "{what} not clean: {s:?}");
    Ok(())
}

/// Multi-line text: only `\n` and `\t` among control characters.
fn multi(s: &str, max: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.chars().count() <= max, "{what} over {max}: {} chars", s.chars().count());
    prop_assert!(
        !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || invisible(c)),
        "{what} not clean: {s:?}"
    );
    Ok(())
}

fn clean(imported: &Imported) -> Result<(), TestCaseError> {
    prop_assert!(!imported.reports.is_empty() && imported.reports.len() <= MAX_REPORTS);
    let mut ids = HashSet::new();
    for r in &imported.reports {
        prop_assert!(valid_id(&r.id), "bad id {:?}", r.id);
        prop_assert!(ids.insert(r.id.clone()), "repeated id {:?}", r.id);
        single(&r.unit, MAX_NAME_CHARS, "unit")?;
        single(&r.person, MAX_NAME_CHARS, "person")?;
        single(&r.meeting, MAX_NAME_CHARS, "meeting")?;
        single(&r.template_id, MAX_KEY_CHARS, "template_id")?;
        prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&r.year), "year {}", r.year);
        match r.period {
            Period::Quarter { quarter } => prop_assert!((1..=4).contains(&quarter)),
            Period::Months { from, to } => prop_assert!((1..=12).contains(&from) && (1..=12).contains(&to)),
            _ => {}
        }
        prop_assert!(r.answers.len() <= MAX_ANSWERS);
        for (item, a) in &r.answers {
            single(item, MAX_KEY_CHARS, "item id")?;
            prop_assert!(a.values.len() <= MAX_VALUES);
            for (field, v) in &a.values {
                single(field, MAX_KEY_CHARS, "field id")?;
                multi(v, MAX_VALUE_CHARS, "value")?;
            }
            multi(&a.note, MAX_TEXT_CHARS, "note")?;
        }
        if let Some(ps) = &r.problems {
            prop_assert!(ps.len() <= MAX_PROBLEMS);
            for p in ps {
                multi(&p.problem, MAX_TEXT_CHARS, "problem")?;
                multi(&p.plan, MAX_TEXT_CHARS, "plan")?;
            }
        }
        multi(&r.last_year, MAX_TEXT_CHARS, "last year")?;
        prop_assert!(r.merge_alone.len() <= MAX_VALUES);
        for (key, ids) in &r.merge_alone {
            single(key, MAX_KEY_CHARS, "merge heading")?;
            prop_assert!(ids.len() <= MAX_VALUES);
            for id in ids {
                single(id, MAX_KEY_CHARS, "merge point")?;
            }
        }
        for ms in [r.created_ms, r.updated_ms] {
            prop_assert!(ms.is_finite() && ms >= 0.0 && ms.fract() == 0.0, "time {ms}");
        }
    }
    for w in &imported.warnings {
        single(w, usize::MAX, "warning")?;
    }
    let d = describe(imported);
    prop_assert!(d.starts_with("文件中有"));
    Ok(())
}

/// Never panics; a refusal has a message; an acceptance is clean and a fixed point.
fn check(bytes: &[u8]) -> Result<Option<Imported>, TestCaseError> {
    match parse_backup(bytes) {
        Err(e) => {
            let m = e.to_string();
            prop_assert!(m.ends_with('。') && m.contains('请'), "{m}");
            Ok(None)
        }
        Ok(imported) => {
            clean(&imported)?;
            let env = Envelope { reports: imported.reports.clone(), ..Envelope::default() };
            let again = parse_backup(export_all(&env, 1.0).as_bytes());
            prop_assert_eq!(
                again,
                Ok(Imported { reports: imported.reports.clone(), warnings: vec![], checklists: vec![] })
            );
            if imported.reports.len() == 1 {
                let again = parse_backup(export_one(&imported.reports[0], 2.0).as_bytes());
                prop_assert_eq!(
                    again,
                    Ok(Imported { reports: imported.reports.clone(), warnings: vec![], checklists: vec![] })
                );
            }
            Ok(Some(imported))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Strategies

/// Characters that stress the tidying: controls, invisibles, markup, JSON syntax, Chinese.
fn hostile_char() -> BoxedStrategy<char> {
    prop_oneof![
        4 => any::<char>(),
        3 => select(vec![
            '\0', '\u{7}', '\u{8}', '\n', '\r', '\t', '\u{b}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{200B}', '\u{200D}',
            '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}', '\u{2064}', '\u{2066}', '\u{2069}', '\u{FEFF}', '\u{2028}',
            '<', '>', '&', '"', '\\', '/', '\'',
        ]),
        4 => select("局党组意识形态工作责任制报告落实。，“”（）、：；".chars().collect::<Vec<_>>()),
        2 => proptest::char::range('a', 'z'),
    ]
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        40 => vec(hostile_char(), 0..24).prop_map(String::from_iter),
        1 => (hostile_char(), 95usize..106).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => (hostile_char(), 1995usize..2006).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => (hostile_char(), 19995usize..20006).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        select(vec![
            0.0, 1.0, 2.0, 4.0, 5.0, 12.0, 13.0, 255.0, 256.0, 1999.0, 2000.0, 2026.0, 2026.5, 2100.0, 2101.0, 65535.0,
            65536.0, -1.0, 1e300
        ])
        .prop_map(Value::from),
    ]
    .boxed()
}

const KEYS: &[&str] = &[
    "zeren_backup",
    "schema",
    "revision",
    "reports",
    "settings",
    "exported_ms",
    "id",
    "unit",
    "year",
    "period",
    "span",
    "quarter",
    "from",
    "to",
    "kind",
    "person",
    "meeting",
    "template_id",
    "answers",
    "status",
    "values",
    "note",
    "problems",
    "problem",
    "plan",
    "created_ms",
    "updated_ms",
];

fn key() -> BoxedStrategy<String> {
    prop_oneof![3 => select(KEYS).prop_map(String::from), 1 => text()].boxed()
}

/// A map from pairs; repeated keys collapse (unlike `btree_map`, which rejects them).
fn pairs<K: Strategy, V: Strategy>(
    k: K,
    v: V,
    size: impl Into<SizeRange>,
) -> impl Strategy<Value = Vec<(K::Value, V::Value)>> {
    vec((k, v), size)
}

fn btree<K: Strategy, V: Strategy>(
    k: K,
    v: V,
    size: impl Into<SizeRange>,
) -> impl Strategy<Value = BTreeMap<K::Value, V::Value>>
where
    K::Value: Ord,
{
    pairs(k, v, size).prop_map(|p| p.into_iter().collect())
}

fn json_map<V: Strategy<Value = Value>>(
    k: impl Strategy<Value = String>,
    v: V,
    size: impl Into<SizeRange>,
) -> impl Strategy<Value = Value> {
    pairs(k, v, size).prop_map(|p| Value::Object(p.into_iter().collect()))
}

fn object(entries: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(entries.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect::<Map<_, _>>())
}

/// Any JSON value, nested a few levels, with zeren's keys among the object keys.
fn json_value() -> BoxedStrategy<Value> {
    let leaf =
        prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool), number(), text().prop_map(Value::String),];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![vec(inner.clone(), 0..6).prop_map(Value::Array), json_map(key(), inner, 0..6),]
    })
    .boxed()
}

/// Mostly the right kind of value for a field, sometimes anything.
fn or_any(good: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Value>> {
    proptest::option::weighted(0.9, prop_oneof![30 => good, 1 => json_value()])
}

fn text_value() -> BoxedStrategy<Value> {
    text().prop_map(Value::String).boxed()
}

fn id_value() -> BoxedStrategy<Value> {
    prop_oneof![
        "[A-Za-z0-9_-]{1,70}".prop_map(Value::String),
        select(vec!["a", "a", "dup", "imported-1", "imported-2", "imported-2-2", ""]).prop_map(Value::from),
        text_value(),
    ]
    .boxed()
}

fn period_value() -> BoxedStrategy<Value> {
    let span = prop_oneof![
        12 => select(vec!["year", "first_half", "second_half", "quarter", "months"]),
        1 => Just("decade"),
    ];
    (span, number(), number(), number())
        .prop_map(|(span, q, f, t)| json!({ "span": span, "quarter": q, "from": f, "to": t }))
        .prop_map(|mut v| {
            // Keep only the numbers the variant has, most of the time.
            let span = v["span"].as_str().unwrap_or("").to_string();
            let m = v.as_object_mut().unwrap();
            if span != "quarter" {
                m.remove("quarter");
            }
            if span != "months" {
                m.remove("from");
                m.remove("to");
            }
            v
        })
        .boxed()
}

fn answer_value() -> BoxedStrategy<Value> {
    let status =
        prop_oneof![12 => select(vec!["not_started", "done", "partly", "not_done", "not_applicable"]), 1 => Just("maybe")]
            .prop_map(Value::from);
    let values = prop_oneof![
        20 => json_map(text(), prop_oneof![20 => text_value(), 1 => json_value()], 0..4),
        1 => (45usize..56).prop_map(|n| Value::Object((0..n).map(|i| (format!("f{i}"), json!("1"))).collect())),
    ];
    (or_any(status), or_any(values), or_any(text_value()))
        .prop_map(|(s, v, n)| object(vec![("status", s), ("values", v), ("note", n)]))
        .boxed()
}

fn answers_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        30 => json_map(prop_oneof![3 => "[a-z-]{1,12}".boxed(), 1 => text().boxed()], answer_value(), 0..5),
        1 => (495usize..510).prop_map(|n| Value::Object((0..n).map(|i| (format!("item-{i}"), json!({"status": "done"}))).collect())),
    ]
    .boxed()
}

fn problems_value() -> BoxedStrategy<Value> {
    let pair =
        (or_any(text_value()), or_any(text_value())).prop_map(|(p, q)| object(vec![("problem", p), ("plan", q)]));
    prop_oneof![
        4 => Just(Value::Null),
        8 => vec(pair, 0..4).prop_map(Value::Array),
        1 => (195usize..206).prop_map(|n| Value::Array(vec![json!({"problem": "问题", "plan": ""}); n])),
    ]
    .boxed()
}

/// A report object with each field usually present and usually of the right kind.
fn report_value() -> BoxedStrategy<Value> {
    let kind = prop_oneof![12 => select(vec!["unit", "personal"]), 1 => Just("other")].prop_map(Value::from);
    (
        or_any(id_value()),
        or_any(text_value()),
        or_any(number()),
        or_any(period_value()),
        or_any(kind),
        or_any(text_value()),
        or_any(text_value()),
        or_any(text_value()),
        or_any(answers_value()),
        or_any(problems_value()),
        or_any(number()),
        or_any(number()),
    )
        .prop_map(
            |(id, unit, year, period, kind, person, meeting, template_id, answers, problems, created, updated)| {
                object(vec![
                    ("id", id),
                    ("unit", unit),
                    ("year", year),
                    ("period", period),
                    ("kind", kind),
                    ("person", person),
                    ("meeting", meeting),
                    ("template_id", template_id),
                    ("answers", answers),
                    ("problems", problems),
                    ("created_ms", created),
                    ("updated_ms", updated),
                ])
            },
        )
        .boxed()
}

fn version() -> BoxedStrategy<Value> {
    prop_oneof![12 => Just(json!(1)), 1 => Just(json!(2)), 1 => number(), 1 => json_value()].boxed()
}

/// A whole file as JSON: anything, a backup, a saved envelope, or a bare report.
fn file_value() -> BoxedStrategy<Value> {
    let reports = || vec(prop_oneof![10 => report_value(), 1 => json_value()], 0..6);
    prop_oneof![
        2 => json_value(),
        5 => (version(), version(), reports())
            .prop_map(|(f, s, r)| json!({"zeren_backup": f, "schema": s, "exported_ms": 1.0, "reports": r})),
        2 => (version(), reports()).prop_map(|(s, r)| json!({"schema": s, "revision": 3, "reports": r, "settings": {}})),
        1 => report_value(),
    ]
    .boxed()
}

/// A typed report with hostile text and out-of-range numbers (what a buggy or tampered
/// zeren might have written).
fn report() -> BoxedStrategy<Report> {
    let period = prop_oneof![
        Just(Period::Year),
        Just(Period::FirstHalf),
        Just(Period::SecondHalf),
        any::<u8>().prop_map(|quarter| Period::Quarter { quarter }),
        (any::<u8>(), any::<u8>()).prop_map(|(from, to)| Period::Months { from, to }),
    ];
    let id = prop_oneof![3 => "[A-Za-z0-9_-]{1,12}", 1 => select(vec!["a", "a", "imported-2"]).prop_map(String::from), 1 => text()];
    let answer = (select(Status::ALL.to_vec()), btree(text(), text(), 0..3), text())
        .prop_map(|(status, values, note)| Answer { status, values, note });
    let problems = proptest::option::of(vec(
        (text(), text()).prop_map(|(problem, plan)| ProblemPlan { aspect: problem.clone(), problem, plan }),
        0..3,
    ));
    let ms = prop_oneof![
        (0u64..4_000_000_000_000).prop_map(|n| n as f64),
        any::<f64>().prop_filter("finite", |f| f.is_finite())
    ];
    (
        id,
        text(),
        any::<u16>(),
        period,
        select(vec![ReportKind::Unit, ReportKind::Personal]),
        text(),
        text(),
        text(),
        btree(text(), answer, 0..4),
        problems,
        ms.clone(),
        ms,
    )
        .prop_map(
            |(
                id,
                unit,
                year,
                period,
                kind,
                person,
                meeting,
                template_id,
                answers,
                problems,
                created_ms,
                updated_ms,
            )| {
                Report {
                    id,
                    unit,
                    year,
                    period,
                    kind,
                    // The same hostile strings again, where the 主送机关 and 成文日期 go.
                    recipient: meeting.clone(),
                    dated: person.clone(),
                    level: some_level(year),
                    role: some_role(created_ms),
                    // The hostile meeting name again where the 分管 areas go.
                    areas: meeting.clone(),
                    theme: person.clone(),
                    aspects: meeting.clone(),
                    // And a hostile problem where 上年度整改落实情况 goes (several lines).
                    last_year: problems.as_ref().and_then(|p| p.first()).map(|p| p.problem.clone()).unwrap_or_default(),
                    // And the hostile names as a heading and a point of the choice to join.
                    merge_alone: [(person.clone(), vec![meeting.clone(), template_id.clone()])].into_iter().collect(),
                    person,
                    meeting,
                    template_id,
                    answers,
                    problems,
                    created_ms,
                    updated_ms,
                }
            },
        )
        .boxed()
}

/// A level or none, spread over the years (the tuples above are full).
fn some_level(year: u16) -> Option<Level> {
    Level::ALL.get(usize::from(year) % (Level::ALL.len() + 1)).copied()
}

/// A role or none, spread over the creation times.
fn some_role(created_ms: f64) -> Option<Role> {
    Role::ALL.get(created_ms as usize % (Role::ALL.len() + 1)).copied()
}

/// A report as a clean zeren writes it: within every limit, nothing to tidy.
fn clean_report(index: usize) -> BoxedStrategy<Report> {
    let ok = || "[局党组意识形态工作责任制a-zA-Z0-9 （）“”<>&，。、]{0,30}";
    let multi = || "[局党组意识形态工作\n\t<>&\"a-z0-9，。]{0,200}";
    let period = prop_oneof![
        Just(Period::Year),
        Just(Period::FirstHalf),
        Just(Period::SecondHalf),
        (1u8..=4).prop_map(|quarter| Period::Quarter { quarter }),
        (1u8..=12, 1u8..=12).prop_map(|(from, to)| Period::Months { from, to }),
    ];
    let answer = (select(Status::ALL.to_vec()), btree("[a-z]{1,8}", multi(), 0..3), multi())
        .prop_map(|(status, values, note)| Answer { status, values, note });
    let problems = proptest::option::of(vec(
        (multi(), multi()).prop_map(|(problem, plan)| ProblemPlan { problem, plan, ..Default::default() }),
        0..3,
    ));
    let ms = (0u64..4_000_000_000_000).prop_map(|n| n as f64);
    (
        ok(),
        MIN_YEAR..=MAX_YEAR,
        period,
        select(vec![ReportKind::Unit, ReportKind::Personal]),
        ok(),
        ok(),
        btree("[a-z-]{1,20}", answer, 0..6),
        problems,
        ms.clone(),
        ms,
    )
        .prop_map(move |(unit, year, period, kind, person, meeting, answers, problems, created_ms, updated_ms)| {
            Report {
                id: format!("r{index}"),
                unit,
                year,
                period,
                kind,
                recipient: person.clone(),
                dated: String::new(),
                level: some_level(year),
                role: some_role(created_ms),
                areas: String::new(),
                theme: String::new(),
                aspects: String::new(),
                last_year: meeting.clone(),
                merge_alone: Default::default(),
                person,
                meeting,
                template_id: "default".into(),
                answers,
                problems,
                created_ms,
                updated_ms,
            }
        })
        .boxed()
}

#[derive(Debug, Clone)]
enum Mutation {
    None,
    Truncate(Index),
    Flip(Vec<(Index, u8)>),
    /// Inserted at a byte position (may split a character).
    Insert(Vec<(Index, char)>),
    /// Inserted at a character boundary (stays UTF-8).
    InsertText(Vec<(Index, char)>),
}

fn mutation() -> BoxedStrategy<Mutation> {
    let ch = || {
        prop_oneof![
            2 => select(vec!['"', '{', '}', '[', ']', ',', ':', '\\', '0', '9', '-', 'e', '.', ' ', 'n', 't', 'u']),
            1 => hostile_char(),
        ]
    };
    prop_oneof![
        1 => Just(Mutation::None),
        3 => any::<Index>().prop_map(Mutation::Truncate),
        3 => vec((any::<Index>(), 1u8..=255), 1..6).prop_map(Mutation::Flip),
        2 => vec((any::<Index>(), ch()), 1..6).prop_map(Mutation::Insert),
        3 => vec((any::<Index>(), ch()), 1..6).prop_map(Mutation::InsertText),
    ]
    .boxed()
}

fn mutate(text: String, m: &Mutation) -> Vec<u8> {
    let mut bytes = text.into_bytes();
    match m {
        Mutation::None => {}
        Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len())),
        Mutation::Flip(flips) => {
            for (at, mask) in flips {
                let i = at.index(bytes.len());
                bytes[i] ^= mask;
            }
        }
        Mutation::Insert(inserts) => {
            for (at, c) in inserts {
                let i = at.index(bytes.len() + 1);
                let mut buf = [0u8; 4];
                bytes.splice(i..i, c.encode_utf8(&mut buf).bytes());
            }
        }
        Mutation::InsertText(inserts) => {
            let mut s = String::from_utf8(bytes).expect("exports are UTF-8");
            for (at, c) in inserts {
                let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
                s.insert(bounds[at.index(bounds.len())], *c);
            }
            bytes = s.into_bytes();
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------
// Runs

#[test]
fn arbitrary_bytes() {
    let bytes = prop_oneof![
        3 => vec(any::<u8>(), 0..512),
        // Mostly printable, so some of it gets past the UTF-8 check.
        2 => vec(prop_oneof![select(b"{}[]\":,0123456789-.etrufalsn \n".to_vec()), any::<u8>()], 0..256),
    ];
    run("arbitrary bytes", 2000, bytes, |b| check(&b).map(|_| ()));
}

#[test]
fn arbitrary_json() {
    let accepted = std::cell::Cell::new(0u32);
    run("arbitrary JSON values", 1000, (file_value(), any::<bool>()), |(v, pretty)| {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        if check(text.as_bytes())?.is_some() {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    eprintln!("arbitrary JSON values: {} of them accepted (and checked clean and stable)", accepted.get());
    assert!(accepted.get() > 200, "the strategy should reach the tidying often");
}

#[test]
fn mutated_exports() {
    let accepted = std::cell::Cell::new(0u32);
    let input = (vec(report(), 1..4), any::<bool>(), mutation());
    run("mutated exports", 1000, input, |(reports, all, m)| {
        let text = if all {
            export_all(&Envelope { reports: reports.clone(), ..Envelope::default() }, 1_782_864_000_000.0)
        } else {
            export_one(&reports[0], 1_782_864_000_000.0)
        };
        let got = check(&mutate(text, &m))?;
        if let Mutation::None = m {
            // An unchanged export is always readable, however odd its contents.
            prop_assert!(got.is_some(), "unchanged export refused");
        }
        if got.is_some() {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    eprintln!("mutated exports: {} of them accepted (and checked clean and stable)", accepted.get());
}

#[test]
fn clean_reports_round_trip_unchanged() {
    let reports = (1usize..5).prop_flat_map(|n| (0..n).map(clean_report).collect::<Vec<_>>());
    run("clean reports round trip", 1000, reports, |reports| {
        let env = Envelope { reports: reports.clone(), ..Envelope::default() };
        let got = parse_backup(export_all(&env, 1.0).as_bytes());
        prop_assert_eq!(got, Ok(Imported { reports: reports.clone(), warnings: vec![], checklists: vec![] }));
        for r in &reports {
            let got = parse_backup(export_one(r, 1.0).as_bytes());
            prop_assert_eq!(got, Ok(Imported { reports: vec![r.clone()], warnings: vec![], checklists: vec![] }));
        }
        Ok(())
    });
}
