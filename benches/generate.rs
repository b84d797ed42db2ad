//! How long the generator takes on a large, fully answered report: the default checklist
//! extended to 60 items, every item done or partly done, every field filled, and a note of
//! about 100 characters on each (with some half-width marks for the tidying to fix).
//! Measures `generate` followed by `to_text`, which is what the app does on every keystroke
//! on the output page.
//!
//! Also how long the proof-reader (`domain::proof::check`) takes on the whole text of such a
//! report with long notes (each about 400 characters), which 核对 and 生成报告 check when
//! they open.
//!
//!     cargo bench --bench generate

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use zeren::domain::generate::generate;
use zeren::domain::proof::{check, Context, RuleSet};
use zeren::domain::render::to_text;
use zeren::domain::report::{Period, Report, ReportKind, Status};
use zeren::domain::template::{FieldKind, Template};

/// About 100 characters, as a user types them: half-width commas, a space, a quote.
const NOTE: &str = "结合本单位实际, 把意识形态工作与业务工作同部署、同落实、同检查、同考核，\
                    建立问题清单和整改台账，逐项明确责任科室和完成时限，\"回头看\"发现的问题已全部整改到位，\
                    形成长效机制，推动工作取得实效";

/// The default checklist with 20 more items (copies of the first five of each section
/// under new ids), passed through the same validation as a template file.
fn template_with_60_items() -> Template {
    let mut t = Template::default_template();
    for section in t.sections.to_mut() {
        let extra: Vec<_> = section
            .items
            .iter()
            .take(5)
            .map(|item| {
                let mut copy = item.clone();
                copy.id = format!("{}-extra", item.id).into();
                copy
            })
            .collect();
        section.items.to_mut().extend(extra);
    }
    let json = serde_json::to_string(&t).expect("a template serialises");
    let t = Template::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.item_count(), 60);
    t
}

/// A valid value for every field, so every optional group is printed.
fn value(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Count { min, max, .. } => 12.clamp(*min, *max).to_string(),
        FieldKind::Percent => "97.5".into(),
        FieldKind::Date => "2026-06-18".into(),
        FieldKind::Text { max_chars } | FieldKind::LongText { max_chars } => {
            "网络意识形态工作和舆情应对".chars().take(*max_chars).collect()
        }
        FieldKind::Choice { options } => options[0].to_string(),
    }
}

fn full_report(t: &Template, kind: ReportKind) -> Report {
    let mut r =
        Report { unit: "县税务局党委".into(), kind, person: "张三同志".into(), ..Report::new("bench", 0.0) };
    for (n, (_, item)) in t.items().enumerate() {
        let a = r.answer_mut(&item.id);
        a.status = if n % 3 == 2 { Status::Partly } else { Status::Done };
        a.note = NOTE.into();
        for f in item.fields.iter() {
            a.values.insert(f.id.to_string(), value(&f.kind));
        }
    }
    r
}

fn bench(c: &mut Criterion) {
    let t = template_with_60_items();
    for (name, kind) in
        [("unit report, 60 items", ReportKind::Unit), ("personal report, 60 items", ReportKind::Personal)]
    {
        let r = full_report(&t, kind);
        let text = to_text(&generate(&t, &r));
        assert!(!text.contains(['{', '[', ',']), "every placeholder filled and the notes tidied");
        c.bench_function(&format!("generate + to_text: {name}"), |b| {
            b.iter(|| to_text(&generate(black_box(&t), black_box(&r))))
        });
    }
}

fn bench_proof(c: &mut Criterion) {
    let t = template_with_60_items();
    let mut r = full_report(&t, ReportKind::Unit);
    for a in r.answers.values_mut() {
        a.note = NOTE.repeat(4);
    }
    let text = to_text(&generate(&t, &r));
    let rules = RuleSet::builtin();
    let cx = Context { period: Some((r.year, Period::Year)), typed: false };
    let found = check(&rules, &text, &cx);
    assert!(found.len() < 200, "a generated report has few findings: {found:?}");
    let name = format!("proof check: unit report, 60 items, long notes ({} characters)", text.chars().count());
    c.bench_function(&name, |b| b.iter(|| check(black_box(&rules), black_box(&text), black_box(&cx))));
}

criterion_group!(benches, bench, bench_proof);
criterion_main!(benches);
