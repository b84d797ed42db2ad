//! Progress over a report: how many items are answered, each section's status as the task
//! list shows it (未开始 / 进行中 / 已完成), the figures that cannot be printed, and what the
//! report leaves out.
//!
//! Not here: checking one typed value (see `validate`).

use crate::domain::report::{Report, Status};
use crate::domain::template::{Section, Template};
use crate::domain::validate::{check_field, FieldError};

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

/// Answered and total items of one section.
pub fn section_counts(section: &Section, report: &Report) -> (usize, usize) {
    let answered = section.items.iter().filter(|i| report.status(&i.id).answered()).count();
    (answered, section.items.len())
}

/// 已完成 when every item has a status, 未开始 when none has, 进行中 otherwise.
pub fn section_status(section: &Section, report: &Report) -> SectionStatus {
    match section_counts(section, report) {
        (0, _) => SectionStatus::NotStarted,
        (a, t) if a == t => SectionStatus::Completed,
        _ => SectionStatus::InProgress,
    }
}

/// (answered, total) over the whole template.
pub fn report_counts(template: &Template, report: &Report) -> (usize, usize) {
    template.sections.iter().map(|s| section_counts(s, report)).fold((0, 0), |(a, t), (x, y)| (a + x, t + y))
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

/// What the report leaves out, in one sentence without its final mark, for 核对 and
/// 生成报告: items with no status and figures that cannot be printed. `None` when nothing.
pub fn left_out(template: &Template, report: &Report) -> Option<String> {
    let (answered, total) = report_counts(template, report);
    let wrong = field_errors(template, report).count();
    let mut parts = Vec::new();
    if answered < total {
        parts.push(format!("还有{}项没有选择落实情况，报告中不会写到", total - answered));
    }
    if wrong > 0 {
        parts.push(format!("有{wrong}处数字或日期填写有误，暂不写进报告"));
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

/// Whole percent, rounded down so 99.9% never shows as 100%.
pub fn percent(done: usize, total: usize) -> u32 {
    (done * 100).checked_div(total).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Status;

    #[test]
    fn rolls_up_section_status() {
        let t = Template::default_template();
        let s = &t.sections[0];
        let mut r = Report::new("a", 0.0);
        assert_eq!(section_status(s, &r), SectionStatus::NotStarted);
        r.answer_mut(&s.items[0].id).status = Status::NotApplicable;
        let expected = if s.items.len() == 1 { SectionStatus::Completed } else { SectionStatus::InProgress };
        assert_eq!(section_status(s, &r), expected);
        for i in s.items.iter() {
            r.answer_mut(&i.id).status = Status::Done;
        }
        assert_eq!(section_status(s, &r), SectionStatus::Completed);
        assert_eq!(report_counts(&t, &r).0, s.items.len());
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
        assert_eq!(
            left_out(&t, &r).as_deref(),
            Some("还有39项没有选择落实情况，报告中不会写到；有1处数字或日期填写有误，暂不写进报告")
        );
        // Not done: the figure is neither asked for nor printed, so it is not a field error.
        r.answer_mut("special-study").status = Status::NotDone;
        assert_eq!(field_errors(&t, &r).count(), 0);
    }

    #[test]
    fn percent_never_rounds_up_to_done() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(999, 1000), 99);
        assert_eq!(percent(3, 3), 100);
    }
}
