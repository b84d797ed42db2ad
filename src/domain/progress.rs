//! Progress over a report: how many items are answered, each section's status as the task
//! list shows it (未开始 / 进行中 / 已完成), the figures that cannot be printed, the meetings
//! and sayings typed text cites before they happened, the proof-reader's findings in typed
//! text, and what the report leaves out or still lacks.
//!
//! Not here: checking one typed value (see `validate`), or the table of dates
//! (`references`).

use crate::domain::builtin::REFERENCES;
use crate::domain::generate::{applies, DATE_PLACEHOLDER, LAST_YEAR_PLACEHOLDER};
use crate::domain::proof::{self, Context, Finding, RuleSet, Severity};
use crate::domain::report::{item_values, Report, ReportKind, Status};
use crate::domain::template::{FieldKind, Section, Template};
use crate::domain::text::clean_sentence;
use crate::domain::validate::{check_field, parse_date, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "未开始",
            SectionStatus::InProgress => "进行中",
            SectionStatus::Completed => "已完成",
        }
    }
}

/// Answered and total items of one section, counting only the items asked of this report
/// (`generate::applies`: not the 中心组 of a 党支部, not another leader's duty).
pub fn section_counts(template: &Template, section: &Section, report: &Report) -> (usize, usize) {
    let asked = section.items.iter().filter(|i| applies(template, report, &i.id));
    asked.fold((0, 0), |(answered, total), i| (answered + usize::from(report.status(&i.id).answered()), total + 1))
}

/// 已完成 when every item asked has a status, 未开始 when none has, 进行中 otherwise.
pub fn section_status(template: &Template, section: &Section, report: &Report) -> SectionStatus {
    match section_counts(template, section, report) {
        (0, 0) => SectionStatus::Completed,
        (0, _) => SectionStatus::NotStarted,
        (a, t) if a == t => SectionStatus::Completed,
        _ => SectionStatus::InProgress,
    }
}

/// (answered, total) over the whole template, of the items asked of this report.
pub fn report_counts(template: &Template, report: &Report) -> (usize, usize) {
    template.sections.iter().map(|s| section_counts(template, s, report)).fold((0, 0), |(a, t), (x, y)| (a + x, t + y))
}

/// A figure the user typed that cannot go into the report, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadField {
    pub section_id: String,
    pub item_id: String,
    /// The item's task name, e.g. `专题研究意识形态工作`.
    pub task: String,
    pub field_id: String,
    /// The field's label, e.g. `专题研究次数`.
    pub label: String,
    /// What the user typed (kept as typed).
    pub raw: String,
    /// Why it cannot be printed; its `Display` says how to fix it, e.g. `请输入0到50之间的整数`.
    pub error: FieldError,
}

/// Every typed value that fails its check, in checklist order. Items marked 未落实 or
/// 不适用 are skipped: their figures are not asked for and never printed.
pub fn field_errors<'a>(template: &'a Template, report: &'a Report) -> impl Iterator<Item = BadField> + 'a {
    template.sections.iter().flat_map(move |s| {
        s.items
            .iter()
            .filter(move |i| !matches!(report.status(&i.id), Status::NotDone | Status::NotApplicable))
            .flat_map(move |i| {
                let answer = report.answers.get(&*i.id);
                i.fields.iter().filter_map(move |f| {
                    let raw = answer?.values.get(&*f.id)?;
                    let error = check_field(f, raw).err()?;
                    Some(BadField {
                        section_id: s.id.to_string(),
                        item_id: i.id.to_string(),
                        task: i.task.to_string(),
                        field_id: f.id.to_string(),
                        label: f.label.to_string(),
                        raw: raw.clone(),
                        error,
                    })
                })
            })
    })
}

/// Where a piece of typed text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedPlace {
    /// An item's note (`field` is `None`) or one of its text inputs, by (id, label).
    Item { section_id: String, item_id: String, task: String, field: Option<(String, String)> },
    /// The user's own list of problems and measures: the entry, from 0 as saved, and
    /// whether it is the measure.
    Problem { index: usize, plan: bool },
}

impl TypedPlace {
    /// The place as 核对 names it: `补充说明`, an input's label, `第2条问题`, `第2条措施`.
    pub fn label(&self) -> String {
        match self {
            TypedPlace::Item { field: None, .. } => "补充说明".into(),
            TypedPlace::Item { field: Some((_, label)), .. } => label.clone(),
            TypedPlace::Problem { index, plan } => format!("第{}条{}", index + 1, if *plan { "措施" } else { "问题" }),
        }
    }
}

/// A meeting or saying the user's own text cites that had not happened by the end of the
/// report's period (二十届四中全会 in a 2023 report, 二十大 in a 2022年上半年 one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateCitation {
    pub place: TypedPlace,
    /// The words as typed, e.g. `党的二十届四中全会`.
    pub written: String,
    /// What they name, written the usual way, e.g. `二十届四中全会`.
    pub name: String,
    /// What is wrong and how to fix it, in plain words (`references::Late::message`).
    pub message: String,
}

/// Every late citation in what the user typed, in checklist order, then the user's own
/// problems and measures: notes and text inputs of the items whose figures are asked for
/// (as [`field_errors`]: not 未落实 or 不适用), and the hand-edited problem list. The
/// wording of the checklist is checked when zeren is built, not here. The day that counts
/// is the last of the period (`Report::period_end`): a self-assessment is held to it too,
/// since it reports duties carried out in the period.
pub fn late_citations(template: &Template, report: &Report) -> Vec<LateCitation> {
    let end = report.period_end();
    let mut out = Vec::new();
    let mut check = |place: TypedPlace, text: &str| {
        for late in REFERENCES.late(text, end) {
            out.push(LateCitation {
                place: place.clone(),
                written: late.written,
                name: late.name,
                message: late.message,
            });
        }
    };
    for s in template.sections.iter() {
        for i in s.items.iter() {
            if matches!(report.status(&i.id), Status::NotDone | Status::NotApplicable) {
                continue;
            }
            let Some(answer) = report.answers.get(&*i.id) else { continue };
            let place = |field: Option<(String, String)>| TypedPlace::Item {
                section_id: s.id.to_string(),
                item_id: i.id.to_string(),
                task: i.task.to_string(),
                field,
            };
            for f in i.fields.iter() {
                if let (FieldKind::Text { .. } | FieldKind::LongText { .. }, Some(raw)) =
                    (&f.kind, answer.values.get(&*f.id))
                {
                    check(place(Some((f.id.to_string(), f.label.to_string()))), raw);
                }
            }
            check(place(None), &answer.note);
        }
    }
    for (index, p) in report.problems.iter().flatten().enumerate() {
        check(TypedPlace::Problem { index, plan: false }, &p.problem);
        check(TypedPlace::Problem { index, plan: true }, &p.plan);
    }
    out
}

/// A slip the proof-reader found in what the user typed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedFinding {
    pub place: TypedPlace,
    pub finding: Finding,
}

/// The proof-reader's findings (`proof::check`) in what the user typed, as the report prints
/// it (tidied, as the generator tidies it): the same places as [`late_citations`] reads, in
/// the same order. The checklist's own wording is held to checking clean by the tests, so
/// these are the findings of the generated report. Read as typed text of the report's
/// period: dates after the period are pointed out.
pub fn proof_findings(rules: &RuleSet, template: &Template, report: &Report) -> Vec<TypedFinding> {
    let cx = Context { period: Some((report.year, report.period)), typed: true };
    let mut out = Vec::new();
    let mut check = |place: TypedPlace, field: &str, text: &str| {
        if !text.is_empty() {
            out.extend(
                proof::check_field(rules, field, text, &cx)
                    .into_iter()
                    .map(|finding| TypedFinding { place: place.clone(), finding }),
            );
        }
    };
    for s in template.sections.iter() {
        for i in s.items.iter() {
            if matches!(report.status(&i.id), Status::NotDone | Status::NotApplicable)
                || !applies(template, report, &i.id)
            {
                continue;
            }
            let Some(answer) = report.answers.get(&*i.id) else { continue };
            let place = |field: Option<(String, String)>| TypedPlace::Item {
                section_id: s.id.to_string(),
                item_id: i.id.to_string(),
                task: i.task.to_string(),
                field,
            };
            let values = item_values(i, Some(answer));
            for f in i.fields.iter() {
                if let (FieldKind::Text { .. } | FieldKind::LongText { .. }, Some(v)) = (&f.kind, values.get(&*f.id)) {
                    check(place(Some((f.id.to_string(), f.label.to_string()))), &f.id, v);
                }
            }
            check(place(None), "note", &clean_sentence(&answer.note));
        }
    }
    for (index, p) in report.problems.iter().flatten().enumerate() {
        check(TypedPlace::Problem { index, plan: false }, "problem", &clean_sentence(&p.problem));
        check(TypedPlace::Problem { index, plan: true }, "plan", &clean_sentence(&p.plan));
    }
    out
}

/// How many findings are errors and how many points to consider.
pub fn proof_counts(found: &[TypedFinding]) -> (usize, usize) {
    let errors = found.iter().filter(|f| f.finding.severity == Severity::Error).count();
    (errors, found.len() - errors)
}

/// Words by which an organisation speaks of itself. A leader's 对照检查 speaks as 本人.
const UNIT_VOICE: [&str; 14] = [
    "我单位",
    "本单位",
    "我局",
    "我委",
    "我办",
    "我校",
    "我院",
    "我镇",
    "我村",
    "我社区",
    "我部",
    "我厅",
    "党组织",
    "领导班子",
];

/// Problems of a personal report placed under an aspect that 基本信息 no longer lists (the
/// aspects were changed after): their number (from 1) and that aspect. They are printed
/// under 其他方面 until placed again, which 核对 says.
pub fn stray_aspects(report: &Report) -> Vec<(usize, String)> {
    if report.kind != ReportKind::Personal {
        return Vec::new();
    }
    let listed = report.aspect_list();
    report
        .problems
        .iter()
        .flatten()
        .enumerate()
        .map(|(k, p)| (k + 1, p.aspect.trim()))
        .filter(|(_, a)| !a.is_empty() && !listed.contains(a))
        .map(|(n, a)| (n, a.to_string()))
        .collect()
}

/// A problem or measure the user typed into a leader's 对照检查 in the organisation's voice
/// (`本单位…`, `我局…`, or the unit's own name) with no word of the leader's own (`本人`,
/// `自己`, `我` standing alone), so 核对 can ask for it to be rewritten in the first person.
/// Only the user's own list is read: the suggestions are written in the first person.
pub fn unit_voice(report: &Report) -> Vec<TypedPlace> {
    if report.kind != ReportKind::Personal {
        return Vec::new();
    }
    let unit = report.unit.trim();
    let speaks_as_unit = |text: &str| {
        let own = ["本人", "自己", "自身"].iter().any(|w| text.contains(w))
            || text.match_indices('我').any(|(at, _)| !UNIT_VOICE.iter().any(|u| text[at..].starts_with(u)));
        let unit_words =
            UNIT_VOICE.iter().any(|w| text.contains(w)) || (unit.chars().count() >= 2 && text.contains(unit));
        unit_words && !own
    };
    let mut out = Vec::new();
    for (index, p) in report.problems.iter().flatten().enumerate() {
        if speaks_as_unit(&p.problem) {
            out.push(TypedPlace::Problem { index, plan: false });
        }
        if speaks_as_unit(&p.plan) {
            out.push(TypedPlace::Problem { index, plan: true });
        }
    }
    out
}

/// What the 落款 still lacks: `None` when the unit report has a real 成文日期 (or for a
/// self-assessment, which has no 落款); else a clause saying what to fill in.
pub fn missing_date(report: &Report) -> Option<String> {
    if report.kind != ReportKind::Unit || parse_date(&report.dated).is_some() {
        return None;
    }
    let raw = report.dated.trim();
    Some(if raw.is_empty() {
        format!("还没有填写成文日期，落款处暂留“{DATE_PLACEHOLDER}”，请在基本信息中补上")
    } else {
        format!("成文日期“{raw}”不是有效的日期，落款处暂留“{DATE_PLACEHOLDER}”，请在基本信息中改正")
    })
}

/// What a self-assessment's part on last year's rectification still lacks: `None` when the
/// user has written it (or for a unit report); else a clause saying what to fill in.
pub fn missing_last_year(report: &Report) -> Option<String> {
    (report.kind == ReportKind::Personal && report.last_year.trim().is_empty())
        .then(|| format!("还没有填写上年度整改落实情况，材料中暂留“{LAST_YEAR_PLACEHOLDER}”，请在基本信息中补上"))
}

/// What the report leaves out or still lacks, in one sentence without its final mark, for
/// 核对 and 生成报告: items with no status, figures that cannot be printed, meetings cited
/// before they happened, and a missing 成文日期. `None` when nothing.
pub fn left_out(template: &Template, report: &Report) -> Option<String> {
    let (answered, total) = report_counts(template, report);
    let wrong = field_errors(template, report).count();
    let late = late_citations(template, report).len();
    let mut parts = Vec::new();
    if answered < total {
        parts.push(format!("还有{}项没有选择落实情况，报告中不会写到", total - answered));
    }
    if wrong > 0 {
        parts.push(format!("有{wrong}处数字或日期填写有误，暂不写进报告"));
    }
    if late > 0 {
        parts.push(format!("有{late}处引用了报告期末以后才召开的会议或才提出的提法，请改正"));
    }
    let voice = unit_voice(report).len();
    if voice > 0 {
        parts.push(format!("有{voice}处问题或措施像是以单位名义写的，个人对照检查应写本人的问题和措施"));
    }
    parts.extend(missing_date(report));
    parts.extend(missing_last_year(report));
    (!parts.is_empty()).then(|| parts.join("；"))
}

/// Whole percent, rounded down so 99.9% never shows as 100%.
pub fn percent(done: usize, total: usize) -> u32 {
    (done * 100).checked_div(total).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{ProblemPlan, Status};

    #[test]
    fn a_self_assessment_without_last_year_s_rectification_is_pointed_out() {
        let mut r = Report { kind: ReportKind::Personal, ..Report::new("a", 0.0) };
        let t = Template::default_template();
        let gap = missing_last_year(&r).expect("not written yet");
        assert!(gap.contains(LAST_YEAR_PLACEHOLDER) && gap.contains("基本信息"), "{gap}");
        assert!(left_out(&t, &r).unwrap().contains(&gap));
        // The placeholder is what the material prints, where the part stands.
        let text = crate::domain::render::to_text(&crate::domain::generate::generate(&t, &r));
        assert!(text.contains(LAST_YEAR_PLACEHOLDER), "{text}");
        r.last_year = " \n ".into();
        assert!(missing_last_year(&r).is_some(), "blank lines are not written");
        r.last_year = "针对上年度查摆的问题，已逐项整改。".into();
        assert_eq!(missing_last_year(&r), None);
        r.last_year = String::new();
        r.kind = ReportKind::Unit;
        assert_eq!(missing_last_year(&r), None, "a unit report has no such part");
    }

    #[test]
    fn the_proof_reader_s_findings_in_typed_text_say_where_they_are() {
        let t = Template::default_template();
        let mut r = Report::new("r", 0.0);
        r.year = 2023;
        let item = t.sections[0].items[0].id.to_string();
        let a = r.answer_mut(&item);
        a.status = Status::Done;
        // Half-width commas are tidied away before printing; the typo and the date stay.
        a.note = "认真布署工作, 2025年3月召开会议".into();
        r.problems = Some(vec![crate::domain::report::ProblemPlan {
            problem: "学习不够深入。，".into(),
            plan: "2023上半年开展培训".into(),
            ..Default::default()
        }]);
        let found = proof_findings(&RuleSet::builtin(), &t, &r);
        let got: Vec<(String, &str)> = found.iter().map(|f| (f.place.label(), f.finding.rule.as_str())).collect();
        assert_eq!(
            got,
            [
                ("补充说明".to_string(), "words.typo"),
                ("补充说明".to_string(), "number.date-period"),
                ("第1条措施".to_string(), "number.year-nian"),
            ]
        );
        assert!(matches!(&found[0].place, TypedPlace::Item { item_id, .. } if *item_id == item));
        assert_eq!(found[0].finding.field.as_deref(), Some("note"));
        assert!(found[0].finding.message.contains("布署") && found[0].finding.suggestion.contains("部署"));
        assert_eq!(proof_counts(&found), (2, 1));
    }

    #[test]
    fn a_self_assessment_in_the_unit_s_voice_is_pointed_out() {
        let mut r = Report::new("a", 0.0);
        r.unit = "市统计局党组".into();
        r.kind = ReportKind::Personal;
        let pair = |problem: &str, plan: &str| ProblemPlan {
            problem: problem.into(),
            plan: plan.into(),
            ..Default::default()
        };
        r.problems = Some(vec![
            pair("我局理论学习不够深入。", "本人带头深入学习。"),
            pair("市统计局党组对阵地管理抓得不够细。", "督促我局各科室落实阵地管理责任。"),
            pair("本人对分管科室的意识形态工作过问不多。", "我将每季度听取一次分管科室汇报。"),
            pair("领导班子成员中本人带头作用发挥不够。", "自己带头讲党课。"),
        ]);
        r.last_year = "上年度查摆的3个问题已全部整改。".into();
        let found = unit_voice(&r);
        assert_eq!(
            found,
            vec![
                TypedPlace::Problem { index: 0, plan: false },
                TypedPlace::Problem { index: 1, plan: false },
                TypedPlace::Problem { index: 1, plan: true },
            ]
        );
        assert!(left_out(&Template::default_template(), &r).unwrap().contains("有3处问题或措施像是以单位名义写的"));
        r.kind = ReportKind::Unit;
        assert!(unit_voice(&r).is_empty(), "a unit report speaks as the unit");
        r.kind = ReportKind::Personal;
        r.problems = None;
        assert!(unit_voice(&r).is_empty(), "the suggestions are in the first person");
    }

    #[test]
    fn rolls_up_section_status() {
        let t = Template::default_template();
        let s = &t.sections[0];
        let mut r = Report::new("a", 0.0);
        assert_eq!(section_status(&t, s, &r), SectionStatus::NotStarted);
        r.answer_mut(&s.items[0].id).status = Status::NotApplicable;
        let expected = if s.items.len() == 1 { SectionStatus::Completed } else { SectionStatus::InProgress };
        assert_eq!(section_status(&t, s, &r), expected);
        for i in s.items.iter() {
            r.answer_mut(&i.id).status = Status::Done;
        }
        assert_eq!(section_status(&t, s, &r), SectionStatus::Completed);
        assert_eq!(report_counts(&t, &r).0, s.items.len());
    }

    #[test]
    fn items_a_branch_does_not_have_are_neither_asked_nor_counted() {
        let t = Template::default_template();
        let mut r = Report::new("a", 0.0);
        r.unit = "机关第一党支部".into();
        assert_eq!(r.level(), crate::domain::template::Level::Branch);
        let (_, total) = report_counts(&t, &r);
        let lacking: Vec<_> =
            t.items().filter(|(_, i)| !applies(&t, &r, &i.id)).map(|(_, i)| i.id.to_string()).collect();
        assert!(lacking.iter().any(|id| id == "center-group-study"), "{lacking:?}");
        assert_eq!(total, t.item_count() - lacking.len());
        // Answering every item asked completes the report, with the 中心组 items left alone.
        let asked: Vec<String> =
            t.items().filter(|(_, i)| applies(&t, &r, &i.id)).map(|(_, i)| i.id.to_string()).collect();
        for id in &asked {
            r.answer_mut(id).status = Status::Done;
        }
        assert_eq!(report_counts(&t, &r), (total, total));
        assert!(t.sections.iter().all(|s| section_status(&t, s, &r) == SectionStatus::Completed));
        // A 党组 is asked everything.
        r.unit = "局党组".into();
        assert_eq!(report_counts(&t, &r).1, t.item_count());
    }

    #[test]
    fn lists_figures_that_cannot_be_printed() {
        let t = Template::default_template();
        let mut r = Report::new("a", 0.0);
        assert_eq!(field_errors(&t, &r).count(), 0);
        let a = r.answer_mut("special-study");
        a.status = Status::Done;
        a.values.insert("meetings".into(), "30次abc".into());
        a.values.insert("topics".into(), "网络舆情".into());
        let found: Vec<BadField> = field_errors(&t, &r).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].item_id.as_str(), found[0].field_id.as_str(), found[0].raw.as_str()),
            ("special-study", "meetings", "30次abc")
        );
        assert!(matches!(found[0].error, FieldError::CountOutOfRange { min: 0, .. }), "{:?}", found[0].error);
        assert!(found[0].error.to_string().starts_with("请输入0到"), "{}", found[0].error);
        r.dated = "2026-06-18".into();
        assert_eq!(
            left_out(&t, &r).as_deref(),
            Some("还有39项没有选择落实情况，报告中不会写到；有1处数字或日期填写有误，暂不写进报告")
        );
        // Not done: the figure is neither asked for nor printed, so it is not a field error.
        r.answer_mut("special-study").status = Status::NotDone;
        assert_eq!(field_errors(&t, &r).count(), 0);
    }

    #[test]
    fn a_unit_report_without_a_date_is_told_to_add_one() {
        let t = Template::default_template();
        let mut r = Report::new("a", 0.0);
        for (_, i) in t.items() {
            r.answer_mut(&i.id).status = Status::NotApplicable;
        }
        assert_eq!(
            left_out(&t, &r).as_deref(),
            Some("还没有填写成文日期，落款处暂留“（成文日期）”，请在基本信息中补上")
        );
        r.dated = "2026-02-30".into();
        assert!(left_out(&t, &r).is_some_and(|s| s.starts_with("成文日期“2026-02-30”不是有效的日期")));
        r.dated = "2026年6月18日".into();
        assert_eq!(left_out(&t, &r), None);
        r.dated = String::new();
        r.kind = ReportKind::Personal;
        r.last_year = "上年度查摆的问题已整改。".into();
        assert_eq!(left_out(&t, &r), None, "a self-assessment has no 落款");
    }

    #[test]
    fn finds_meetings_cited_before_they_happened_and_says_where() {
        use crate::domain::report::{Period, ProblemPlan};
        let t = Template::default_template();
        let mut r = Report { year: 2023, dated: "2024-01-05".into(), ..Report::new("a", 0.0) };
        let a = r.answer_mut("first-topic");
        a.status = Status::Done;
        a.note = "及时学习党的二十届四中全会精神".into();
        let a = r.answer_mut("special-study");
        a.status = Status::Partly;
        a.values.insert("topics".into(), "学习贯彻二十届三中全会精神".into());
        // Not done: neither note nor figures are printed, so nothing is checked.
        let a = r.answer_mut("lead-group");
        a.status = Status::NotDone;
        a.note = "二十届四中全会".into();
        r.problems = Some(vec![ProblemPlan {
            problem: "学习还不深入。".into(),
            plan: "深入学习习近平文化思想。".into(),
            ..Default::default()
        }]);
        let found = late_citations(&t, &r);
        let summary: Vec<(String, String, &str)> =
            found.iter().map(|l| (l.place.label(), l.name.clone(), l.written.as_str())).collect();
        assert_eq!(
            summary,
            [
                ("研究的主要事项".to_string(), "二十届三中全会".to_string(), "二十届三中全会"),
                ("补充说明".to_string(), "二十届四中全会".to_string(), "党的二十届四中全会"),
            ],
            "the 2023 report: 习近平文化思想 (2023-10-08) is in time"
        );
        assert!(matches!(&found[0].place, TypedPlace::Item { item_id, .. } if item_id == "special-study"));
        assert!(found[1].message.contains("2025年10月23日才闭幕") && found[1].message.contains("2023年12月31日"));
        assert!(left_out(&t, &r).is_some_and(|s| s.contains("有2处引用了报告期末以后才召开的会议或才提出的提法")));
        // The same text in a 2023年上半年 report: the saying is late too, in the measure.
        r.period = Period::FirstHalf;
        let found = late_citations(&t, &r);
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].place, TypedPlace::Problem { index: 0, plan: true });
        assert_eq!(found[2].place.label(), "第1条措施");
        assert_eq!(found[2].name, "习近平文化思想");
    }

    #[test]
    fn a_problem_under_an_aspect_no_longer_listed_is_pointed_out() {
        let mut r =
            Report {
                kind: ReportKind::Personal, aspects: "带头干事创业、敢作善为\n".into(), ..Report::new("a", 0.0)
            };
        let placed =
            |aspect: &str| ProblemPlan {
                problem: "学习不深入。".into(), aspect: aspect.into(), ..Default::default()
            };
        r.problems = Some(vec![placed("带头干事创业、敢作善为"), placed(""), placed("带头严守纪律规矩")]);
        assert_eq!(stray_aspects(&r), [(3, "带头严守纪律规矩".to_string())]);
        r.aspects.push_str("带头严守纪律规矩");
        assert!(stray_aspects(&r).is_empty());
    }

    #[test]
    fn percent_never_rounds_up_to_done() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(999, 1000), 99);
        assert_eq!(percent(3, 3), 100);
    }
}
