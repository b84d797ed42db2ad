//! Tests of `generate`, beside it to keep the module short.

use super::*;
use crate::domain::render::to_text;
use crate::domain::report::Status;
use crate::domain::template::Template;

/// Regression: a text value typed with a final mark gave “重点研究了…预案。。”.
#[test]
fn a_value_typed_with_a_final_mark_does_not_double_the_template_mark() {
    let t = Template::default_template();
    let mut r = Report::default();
    let a = r.answer_mut("special-study");
    a.status = Status::Done;
    a.values.insert("topics".into(), "网络意识形态工作, 舆情应对预案。".into());
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    let point = text.iter().find(|l| l.starts_with("一是专题研究部署")).expect("the item gives a point");
    assert!(point.ends_with("重点研究了网络意识形态工作，舆情应对预案。"), "{point}");

    let a = r.answer_mut("circulate");
    a.status = Status::Done;
    a.values.insert("occasion".into(), "全体干部职工大会；".into());
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    assert!(text.iter().any(|l| l.contains("主要在全体干部职工大会上进行，")), "{text:?}");
}

/// Every placeholder name validation lets a wording use is a value the generator fills,
/// so no validated template prints an empty gap where a placeholder stood.
#[test]
fn the_generator_fills_every_placeholder_validation_accepts() {
    use crate::domain::template::Wording;
    let t = Template::default_template();
    let r = Report { unit: "局党组".into(), person: "张三".into(), ..Report::new("a", 0.0) };
    let vars = Vars::new(&t, &r);
    for w in Wording::ALL {
        for p in w.placeholders() {
            let value = vars.base.value(p.name());
            assert!(value.is_some_and(|v| !v.is_empty()), "{w:?} accepts {{{}}}, filled with {value:?}", p.name());
        }
    }
    assert_eq!(vars.base.len(), crate::domain::template::Placeholder::ALL.len());
}

/// Regression: a self-assessment for 上半年 was titled “2026年度…”.
#[test]
fn the_personal_title_names_the_period() {
    let t = Template::default_template();
    let title = |period: crate::domain::report::Period| {
        let r = Report {
            kind: ReportKind::Personal,
            year: 2026,
            period,
            person: "张三".into(),
            meeting: "民主生活会".into(),
            ..Report::default()
        };
        generate(&t, &r).title
    };
    assert!(
        title(crate::domain::report::Period::Year).starts_with("张三2026年度民主生活会个人对照检查材料"),
        "{}",
        title(crate::domain::report::Period::Year)
    );
    let half = title(crate::domain::report::Period::FirstHalf);
    assert!(half.starts_with("张三2026年上半年民主生活会") && !half.contains("年度"), "{half}");
}

/// Regression: an empty personal heading printed a bare “一、”, and a cause without a lead
/// printed “一是。…”.
#[test]
fn empty_personal_headings_and_cause_leads_print_nothing_bare() {
    let mut t = Template::default_template();
    t.personal.duties_heading = "{person}".into();
    t.personal.causes_heading = "".into();
    let causes = t.personal.causes.to_mut();
    causes[0].lead = "".into();
    causes[1] = crate::domain::template::Point { lead: "".into(), text: "".into() };
    let t = Template::from_json(&serde_json::to_string(&t).unwrap()).expect("the validator lets these through");
    let mut r = Report { kind: ReportKind::Personal, ..Report::default() };
    r.answer_mut("special-study").status = Status::Done;
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    assert!(text.contains(&"一、履行意识形态工作职责情况".to_string()), "{text:?}");
    assert!(text.contains(&"三、问题产生的原因".to_string()), "{text:?}");
    assert!(text.iter().any(|l| l.starts_with("一是对加强理论学习")), "{text:?}");
    assert!(text.iter().any(|l| l.starts_with("二是党性修养有所放松。")), "the empty cause is dropped: {text:?}");
    assert!(!text.iter().any(|l| l.ends_with('、') || l.contains("是。")), "{text:?}");
}

#[test]
fn an_item_point_is_what_the_report_prints_for_it() {
    let t = Template::default_template();
    let item = t.item("staff-study").expect("the default checklist has staff-study");
    let mut r = Report { unit: "局党组".into(), ..Report::new("a", 0.0) };
    assert_eq!(item_point(&t, &r, item), None, "not started gives nothing");
    let a = r.answer_mut("staff-study");
    a.status = Status::Done;
    a.values.insert("sessions".into(), "9".into());
    a.values.insert("rate".into(), "98".into());
    a.note = "坚持每月上一堂微党课".into();
    let (lead, text) = item_point(&t, &r, item).expect("done gives a point");
    assert!(text.contains("9次") && text.contains("参学率达98%") && text.ends_with("坚持每月上一堂微党课。"), "{text}");
    let doc = generate(&t, &r);
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Point { lead: l, text: x, .. } if *l == lead && *x == text)));
    r.answer_mut("staff-study").status = Status::NotDone;
    assert_eq!(item_point(&t, &r, item), None);
}

#[test]
fn the_meeting_body_follows_the_unit() {
    assert_eq!(board_of("机关第一党支部"), "支部委员会");
    assert_eq!(board_of("区委宣传部机关党支部"), "支部委员会");
    assert_eq!(board_of("局党组"), "党组");
    assert_eq!(board_of("机关党委"), "党委");
    assert_eq!(board_of("医院党总支"), "党总支委员会");
    assert_eq!(board_of("街道党工委"), "党工委");
    assert_eq!(board_of("本单位"), "党组（党委）");
    let t = Template::default_template();
    let mut r = Report { unit: "机关第一党支部".into(), ..Report::new("a", 0.0) };
    r.answer_mut("special-study").status = crate::domain::report::Status::Done;
    let text = crate::domain::render::to_text(&generate(&t, &r));
    assert!(text.contains("召开支部委员会会议专题研究意识形态工作") && !text.contains("党组会议"), "{text}");
}

#[test]
fn addressee_and_closing_frame_the_unit_report() {
    let t = Template::default_template();
    let mut r = Report { unit: "局党组".into(), year: 2026, ..Report::new("a", 0.0) };
    let bare = generate(&t, &r);
    assert!(!bare.blocks.iter().any(|b| matches!(b, Block::Addressee(_) | Block::Closing(_))));
    r.recipient = " 中共××县委宣传部 ".into();
    r.dated = "2026-06-18".into();
    let doc = generate(&t, &r);
    assert_eq!(doc.blocks.first(), Some(&Block::Addressee("中共××县委宣传部：".into())));
    let n = doc.blocks.len();
    assert_eq!(doc.blocks[n - 2..], [Block::Closing("局党组".into()), Block::Closing("2026年6月18日".into())]);
    let text = to_text(&doc);
    assert!(
        text.starts_with("局党组关于2026年度落实意识形态工作责任制情况的报告\n\n中共××县委宣传部：\n　　"),
        "{text}"
    );
    assert!(text.ends_with("\n\n局党组\n2026年6月18日\n"), "{text}");
    // An impossible date is a draft: no 落款 rather than a wrong one.
    r.dated = "2026-02-30".into();
    assert!(!generate(&t, &r).blocks.iter().any(|b| matches!(b, Block::Closing(_))));
}
