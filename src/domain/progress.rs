//! Progress over a report: how many items are answered, and each section's status as the
//! task list shows it (未开始 / 进行中 / 已完成).

use crate::domain::report::Report;
use crate::domain::template::{Section, Template};

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
        for i in &s.items {
            r.answer_mut(&i.id).status = Status::Done;
        }
        assert_eq!(section_status(s, &r), SectionStatus::Completed);
        assert_eq!(report_counts(&t, &r).0, s.items.len());
    }

    #[test]
    fn percent_never_rounds_up_to_done() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(999, 1000), 99);
        assert_eq!(percent(3, 3), 100);
    }
}
