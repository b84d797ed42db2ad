//! One user's answers for one period: basic information, the status and figures of each
//! checklist item, notes, and hand-edited problems and plans. Plain data, serialisable;
//! raw input is kept as typed (even when it does not validate) so nothing is ever lost,
//! and `item_values` turns it into the checked values the generator may print. Also the
//! rules every report keeps: its id (`valid_id`), its years (`MIN_YEAR`..=`MAX_YEAR`) and
//! the meeting a self-assessment is for when none is named (`DEFAULT_MEETING`).
//!
//! Not here: where it is saved (see `saved` and the browser storage module), checking one
//! typed value (`validate`), counting what is answered (`progress`).

use crate::domain::date::Date;
use crate::domain::template::{Field, FieldKind, Item, Level, Role};
use crate::domain::validate::check_field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Limits, in characters: a report id.
pub const MAX_ID_CHARS: usize = 64;

/// A report id as the app makes them: 1 to [`MAX_ID_CHARS`] of `A-Z a-z 0-9 _ -`, safe in
/// URLs. The one rule for report ids: the hash addresses and backup import both use it.
pub fn valid_id(id: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The years a report may be for: typed years outside are refused (`validate::parse_year`),
/// imported ones brought to the nearer end (`backup`).
pub const MIN_YEAR: u16 = 2000;
pub const MAX_YEAR: u16 = 2100;

/// The meeting a self-assessment is for when the user names none.
pub const DEFAULT_MEETING: &str = "民主生活会";

/// What the report is: the unit's report, or one leader's self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    #[default]
    Unit,
    Personal,
}

impl ReportKind {
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Unit => "单位报告",
            ReportKind::Personal => "个人对照检查",
        }
    }
}

/// The period a report covers, within its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "span", rename_all = "snake_case")]
pub enum Period {
    #[default]
    Year,
    FirstHalf,
    SecondHalf,
    Quarter {
        quarter: u8,
    },
    /// From one month to another of the same year, both included.
    Months {
        from: u8,
        to: u8,
    },
}

impl Period {
    /// The period after this one: 上半年 → 下半年, 下半年 → next year's 上半年, a year or a
    /// quarter → the next; a month range stays and only the year moves on.
    pub fn next(self, year: u16) -> (u16, Period) {
        match self {
            Period::Year => (year + 1, Period::Year),
            Period::FirstHalf => (year, Period::SecondHalf),
            Period::SecondHalf => (year + 1, Period::FirstHalf),
            Period::Quarter { quarter } if quarter >= 4 => (year + 1, Period::Quarter { quarter: 1 }),
            Period::Quarter { quarter } => (year, Period::Quarter { quarter: quarter + 1 }),
            Period::Months { .. } => (year + 1, self),
        }
    }

    /// The last day of the period in `year`: what a report may cite is what had happened by
    /// then (the guiding-thought line, `references`). Quarters and months are brought into
    /// range as [`Period::label`] writes them (第零季度 is the first, 1月至13月 ends in
    /// December), so the day always matches the label.
    pub fn end(self, year: u16) -> Date {
        match self {
            Period::Year | Period::SecondHalf => Date::new(year, 12, 31),
            Period::FirstHalf => Date::new(year, 6, 30),
            Period::Quarter { quarter } => Date::end_of_month(year, quarter.clamp(1, 4) * 3),
            Period::Months { from, to } => Date::end_of_month(year, from.clamp(1, 12).max(to.clamp(1, 12))),
        }
    }

    /// The period as written in a report, e.g. `2026年上半年`, `2026年度`.
    pub fn label(self, year: u16) -> String {
        match self {
            Period::Year => format!("{year}年度"),
            Period::FirstHalf => format!("{year}年上半年"),
            Period::SecondHalf => format!("{year}年下半年"),
            Period::Quarter { quarter } => {
                format!("{year}年第{}季度", crate::domain::numerals::chinese(quarter.clamp(1, 4) as usize))
            }
            Period::Months { from, to } => {
                let (a, b) = (from.clamp(1, 12), to.clamp(1, 12));
                let (a, b) = (a.min(b), a.max(b));
                if a == b {
                    format!("{year}年{a}月")
                } else {
                    format!("{year}年{a}月至{b}月")
                }
            }
        }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not looked at yet; left out of the report.
    #[default]
    NotStarted,
    Done,
    Partly,
    NotDone,
    /// Does not apply to this unit; left out of the report.
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::NotStarted, Status::Done, Status::Partly, Status::NotDone, Status::NotApplicable];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::Done => "已落实",
            Status::Partly => "部分落实",
            Status::NotDone => "未落实",
            Status::NotApplicable => "不适用",
        }
    }

    /// The item counts as answered (for progress) once any status but 未开始 is chosen.
    pub fn answered(self) -> bool {
        self != Status::NotStarted
    }

    /// Something was done, so the item gives a point under 主要做法.
    pub fn has_work(self) -> bool {
        matches!(self, Status::Done | Status::Partly)
    }

    /// Something falls short, so the item gives a problem and a measure.
    pub fn has_gap(self) -> bool {
        matches!(self, Status::Partly | Status::NotDone)
    }
}

/// The answer to one checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Answer {
    pub status: Status,
    /// Raw input by field id, exactly as typed.
    pub values: BTreeMap<String, String>,
    /// The user's own words on this item, woven into the report after the template text.
    pub note: String,
}

/// A problem and the measure that answers it, as the user edited them. Either may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ProblemPlan {
    pub problem: String,
    pub plan: String,
    /// In a personal report, the aspect of the year's meeting (one line of
    /// [`Report::aspects`]) the problem is listed under; empty: not placed under one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub aspect: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    /// Stable id, unique among the user's reports.
    pub id: String,
    /// e.g. `局党组`, `机关第一党支部`.
    pub unit: String,
    pub year: u16,
    pub period: Period,
    pub kind: ReportKind,
    /// For the self-assessment: the leader's name and post (may be empty).
    pub person: String,
    /// The meeting the self-assessment is for, e.g. `民主生活会`.
    pub meeting: String,
    /// 主送机关 of the unit report, e.g. `中共××县委宣传部` (may be empty).
    pub recipient: String,
    /// 成文日期 as typed, e.g. `2026-06-18`; printed under the unit's name (may be empty).
    pub dated: String,
    /// The kind of organisation (党组, 党委, 党总支, 党支部, 社区, 村) as chosen on 基本信息;
    /// `None` until then, when the unit's name suggests it ([`Report::level`]). Reports saved
    /// before levels existed have none, and read exactly as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// In a personal report, the leader's part (书记, 分管领导, other 班子成员) as chosen on
    /// 基本信息: the items that are not this role's duty are left out. `None` until chosen,
    /// when every item is taken as before roles existed; unused in a unit report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// In a personal report of a 班子成员 other than the 书记, the offices or fields the
    /// leader oversees (分管), e.g. `办公室、财务科`, as typed on 基本信息: the first person
    /// names them (`{my_offices}`, `{my_field}`) instead of 分管科室 in general terms. Empty
    /// until typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub areas: String,
    /// In a personal report, the theme of the meeting (the year's 民主生活会 theme, picked
    /// on 基本信息 from `references` or typed): the opening names it (`{theme}`). Empty until
    /// given, when the opening reads as it always did.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    /// In a personal report, the aspects (方面) the meeting's notice asks problems to be
    /// found under, one a line, as picked from `references` or typed on 基本信息. Problems
    /// placed under one (`ProblemPlan::aspect`) are listed by aspect; empty: one list, as
    /// before.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aspects: String,
    pub template_id: String,
    /// In a personal report, how the problems found last year were rectified (上年度整改
    /// 落实情况), as typed on 基本信息; one paragraph a line. Empty until written, when the
    /// material keeps a placeholder (`generate::LAST_YEAR_PLACEHOLDER`). Reports saved before
    /// it existed have none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_year: String,
    /// Under a heading with more than eight points (`generate::MAX_POINTS`), the points the
    /// user chose to stand alone, the others being joined: by heading (a section's id for
    /// its 主要做法 or 履职情况, `problems` for 存在的问题 and 下一步打算 together), the points'
    /// ids (an item's id, or `#N` for the N-th of the user's own problems). A heading not
    /// here is joined as the generator chooses (`generate::merge_groups`). Reports saved
    /// before it existed have none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub merge_alone: BTreeMap<String, Vec<String>>,
    /// Answers by item id.
    pub answers: BTreeMap<String, Answer>,
    /// `None`: problems and plans come from the gaps; `Some`: the user's own list replaces them.
    pub problems: Option<Vec<ProblemPlan>>,
    /// Milliseconds since 1970 when created and last changed.
    pub created_ms: f64,
    pub updated_ms: f64,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            id: String::new(),
            unit: String::new(),
            year: 2026,
            period: Period::Year,
            kind: ReportKind::Unit,
            person: String::new(),
            meeting: DEFAULT_MEETING.into(),
            recipient: String::new(),
            dated: String::new(),
            level: None,
            role: None,
            areas: String::new(),
            theme: String::new(),
            aspects: String::new(),
            last_year: String::new(),
            merge_alone: BTreeMap::new(),
            template_id: "default".into(),
            answers: BTreeMap::new(),
            problems: None,
            created_ms: 0.0,
            updated_ms: 0.0,
        }
    }
}

impl Report {
    /// The aspects typed on 基本信息, one a line, blank lines left out.
    pub fn aspect_list(&self) -> Vec<&str> {
        self.aspects.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
    }

    pub fn new(id: impl Into<String>, now_ms: f64) -> Report {
        Report { id: id.into(), created_ms: now_ms, updated_ms: now_ms, ..Report::default() }
    }

    pub fn period_label(&self) -> String {
        self.period.label(self.year)
    }

    /// The last day of the report's period ([`Period::end`]).
    pub fn period_end(&self) -> Date {
        self.period.end(self.year)
    }

    /// The unit as shown in lists and headings; `未命名单位` until the user names it.
    pub fn unit_name(&self) -> &str {
        let unit = self.unit.trim();
        if unit.is_empty() {
            "未命名单位"
        } else {
            unit
        }
    }

    /// The kind of organisation the report is for: the one chosen, else the one the unit's
    /// name suggests ([`suggested_level`]), else 党组.
    pub fn level(&self) -> Level {
        self.level.or_else(|| suggested_level(&self.unit)).unwrap_or(Level::PartyGroup)
    }

    /// How the report is named in lists: `局党组 2026年上半年`.
    pub fn display_name(&self) -> String {
        format!("{} {}", self.unit_name(), self.period_label())
    }

    pub fn status(&self, item_id: &str) -> Status {
        self.answers.get(item_id).map(|a| a.status).unwrap_or_default()
    }

    pub fn answer_mut(&mut self, item_id: &str) -> &mut Answer {
        self.answers.entry(item_id.to_string()).or_default()
    }

    /// Nothing typed or chosen yet: a report started and left at once, which can go without
    /// losing anything the user entered.
    pub fn is_blank(&self) -> bool {
        [&self.unit, &self.person, &self.recipient, &self.dated].iter().all(|s| s.trim().is_empty())
            && self.level.is_none()
            && self.role.is_none()
            && self.answers.values().all(|a| *a == Answer::default())
            && self.problems.is_none()
    }

    /// A start for the next period: same unit, kind and person, the period moved on by one,
    /// the notes and hand-edited problems kept as a draft to revise, but every status back to
    /// 未开始 and every figure and date cleared, so nothing of the last period is reported
    /// again without being looked at.
    pub fn duplicate(&self, id: impl Into<String>, now_ms: f64) -> Report {
        let (year, period) = self.period.next(self.year);
        let answers = self
            .answers
            .iter()
            .filter(|(_, a)| !a.note.trim().is_empty())
            .map(|(k, a)| (k.clone(), Answer { note: a.note.clone(), ..Answer::default() }))
            .collect();
        Report { id: id.into(), created_ms: now_ms, updated_ms: now_ms, year, period, answers, ..self.clone() }
    }
}

/// The level a unit's name suggests, which 基本信息 shows chosen until the user picks one:
/// 社区 and 村 first (a 社区党委 is a community's), then the body the name names, as
/// `generate::board_of` reads it. `None` when the name does not say.
pub fn suggested_level(unit: &str) -> Option<Level> {
    let u = unit.trim();
    if u.contains("社区") {
        Some(Level::Community)
    } else if u.ends_with('村') || u.contains("村党") || u.contains("村委") {
        Some(Level::Village)
    } else if u.ends_with("支部") || u.contains("党支部") {
        Some(Level::Branch)
    } else if u.contains("党总支") {
        Some(Level::GeneralBranch)
    } else if u.contains("党工委") {
        Some(Level::PartyCommittee)
    } else if u.contains("党组") {
        Some(Level::PartyGroup)
    } else if u.contains("党委") {
        Some(Level::PartyCommittee)
    } else {
        None
    }
}

/// The checked values of one item, by field id; invalid or empty input is left out.
pub fn item_values(item: &Item, answer: Option<&Answer>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(answer) = answer else { return out };
    for f in item.fields.iter() {
        if let Some(raw) = answer.values.get(&*f.id) {
            if let Ok(Some(v)) = check_field(f, raw) {
                out.insert(f.id.to_string(), v);
            }
        }
    }
    out
}

/// True when the field takes a number (for the input's keyboard on phones).
pub fn is_numeric(field: &Field) -> bool {
    matches!(field.kind, FieldKind::Count { .. } | FieldKind::Percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_period_keeps_words_but_not_statuses_or_figures() {
        let mut r = Report { unit: "局党组".into(), year: 2026, period: Period::FirstHalf, ..Report::new("a", 1.0) };
        let a = r.answer_mut("special-study");
        a.status = Status::Done;
        a.values.insert("meetings".into(), "2".into());
        a.note = "结合巡察反馈研究整改".into();
        r.answer_mut("lead-group").status = Status::Done;
        r.problems = Some(vec![ProblemPlan {
            problem: "学习不够深入。".into(),
            plan: "完善学习计划。".into(),
            ..Default::default()
        }]);
        let next = r.duplicate("b", 2.0);
        assert_eq!(
            (next.id.as_str(), next.year, next.period, next.unit.as_str()),
            ("b", 2026, Period::SecondHalf, "局党组")
        );
        assert_eq!(next.status("special-study"), Status::NotStarted);
        assert!(next.answers["special-study"].values.is_empty());
        assert_eq!(next.answers["special-study"].note, "结合巡察反馈研究整改");
        assert!(!next.answers.contains_key("lead-group"));
        assert_eq!(next.problems, r.problems);
        assert_eq!((next.created_ms, next.updated_ms), (2.0, 2.0));
    }

    #[test]
    fn a_report_with_anything_typed_is_not_blank() {
        let mut r = Report::new("a", 1.0);
        assert!(r.is_blank());
        r.answer_mut("special-study"); // visited, nothing chosen
        assert!(r.is_blank());
        r.answer_mut("special-study").note = "x".into();
        assert!(!r.is_blank());
        let mut r = Report::new("b", 1.0);
        r.unit = "局党组".into();
        assert!(!r.is_blank());
    }

    #[test]
    fn report_id_rules() {
        for ok in ["a", "r19a1b2c3d4e5f6", "imported-3", "A_b-9", &"x".repeat(MAX_ID_CHARS)] {
            assert!(valid_id(ok), "{ok}");
        }
        for bad in ["", " a", "a b", "a/b", "../x", "编号", "a.b", "a\u{200B}", &"x".repeat(MAX_ID_CHARS + 1)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_period_ends_on_its_last_day() {
        let end = |p: Period, y: u16| p.end(y);
        assert_eq!(end(Period::Year, 2022), Date::new(2022, 12, 31));
        assert_eq!(end(Period::FirstHalf, 2022), Date::new(2022, 6, 30));
        assert_eq!(end(Period::SecondHalf, 2022), Date::new(2022, 12, 31));
        let quarters: Vec<Date> = (1..=4).map(|q| end(Period::Quarter { quarter: q }, 2023)).collect();
        assert_eq!(
            quarters,
            [Date::new(2023, 3, 31), Date::new(2023, 6, 30), Date::new(2023, 9, 30), Date::new(2023, 12, 31)]
        );
        assert_eq!(end(Period::Months { from: 1, to: 2 }, 2024), Date::new(2024, 2, 29), "a leap February");
        assert_eq!(end(Period::Months { from: 1, to: 2 }, 2023), Date::new(2023, 2, 28));
        assert_eq!(end(Period::Months { from: 11, to: 4 }, 2023), Date::new(2023, 11, 30), "the later month ends it");
        // Out-of-range values end where the label says the period ends.
        assert_eq!(end(Period::Quarter { quarter: 0 }, 2023), Date::new(2023, 3, 31));
        assert_eq!(Period::Quarter { quarter: 0 }.label(2023), "2023年第一季度");
        assert_eq!(end(Period::Quarter { quarter: 7 }, 2023), Date::new(2023, 12, 31));
        assert_eq!(end(Period::Months { from: 0, to: 14 }, 2023), Date::new(2023, 12, 31));
        assert_eq!(Period::Months { from: 0, to: 14 }.label(2023), "2023年1月至12月");
        let r = Report { year: 2022, period: Period::FirstHalf, ..Report::default() };
        assert_eq!(r.period_end(), Date::new(2022, 6, 30));
    }

    #[test]
    fn the_level_follows_the_name_until_chosen() {
        let level = |unit: &str| Report { unit: unit.into(), ..Report::default() }.level();
        assert_eq!(level("局党组"), Level::PartyGroup);
        assert_eq!(level("县税务局党委"), Level::PartyCommittee);
        assert_eq!(level("街道党工委"), Level::PartyCommittee);
        assert_eq!(level("医院党总支"), Level::GeneralBranch);
        assert_eq!(level("机关第一党支部"), Level::Branch);
        assert_eq!(level("红旗社区党委"), Level::Community);
        assert_eq!(level("王庄村党支部"), Level::Village);
        assert_eq!(level("县农业农村局党组"), Level::PartyGroup, "农村 in a bureau's name is no 村");
        assert_eq!(suggested_level("县档案馆"), None);
        assert_eq!(level("县档案馆"), Level::PartyGroup);
        let chosen =
            Report { unit: "机关第一党支部".into(), level: Some(Level::PartyGroup), ..Report::default() };
        assert_eq!(chosen.level(), Level::PartyGroup, "a chosen level wins over the name");
        assert!(!Report { level: Some(Level::Village), ..Report::default() }.is_blank());
        assert!(!Report { role: Some(Role::Member), ..Report::default() }.is_blank());
    }

    #[test]
    fn periods_move_on() {
        assert_eq!(Period::SecondHalf.next(2026), (2027, Period::FirstHalf));
        assert_eq!(Period::Quarter { quarter: 4 }.next(2026), (2027, Period::Quarter { quarter: 1 }));
        assert_eq!(Period::Year.next(2026), (2027, Period::Year));
    }
}
