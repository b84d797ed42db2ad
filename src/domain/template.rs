//! The checklist template: sections of responsibility items, their typed inputs and the
//! wording the generator uses, with the placeholders each wording may use. Templates are
//! data (`templates/*.toml`); this file holds their types and the validation, whose errors
//! say where (section, item, field: [`Place`]) and what ([`TemplateErrorKind`]), and read
//! as words an editor can act on.
//!
//! The built-in template is checked and turned into a Rust constant when zeren is built
//! (`build.rs` compiles this very file in, see `builtin`), so the app neither parses nor
//! validates it when it starts. A template read at run time ([`Template::from_json`]) is
//! checked the same way ([`Template::validate_file`]). Text and lists are `Cow`s: borrowed
//! from that constant, owned when a template is read from JSON (tests today, templates
//! users edit later). This file may use only `serde`, `serde_json`, `std` and `date` (a
//! calendar day), as the build script has nothing else.
//!
//! Not here: a user's answers (see `report`), or turning answers into text (`generate`).

use super::date::Date;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

/// Text in a template: borrowed from the built-in constant, or owned.
pub type Text = Cow<'static, str>;
/// A list in a template, likewise.
pub type List<T> = Cow<'static, [T]>;

/// A placeholder filled from the report rather than from an item's input fields. The
/// generator fills every one (`generate`); [`Wording::placeholders`] says where each may be
/// used. A new one is a variant here, its name, the wordings that may use it, and its value
/// in the generator (which the compiler asks for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// `{unit}`: the unit's name.
    Unit,
    /// `{year}`: the report's year.
    Year,
    /// `{period}`: the period as written in a report, e.g. `2026年上半年`.
    Period,
    /// `{board}`: the body that meets (党组, 党委, 支部委员会…), by the report's level, or as
    /// the unit's name says (街道党工委).
    Board,
    /// `{guidance}`: the guiding-thought line in force on the last day of the report's period.
    Guidance,
    /// `{person}`: the leader's name and post, in a self-assessment.
    Person,
    /// `{meeting}`: the meeting a self-assessment is for.
    Meeting,
    /// `{leaders}`: the members of the body (班子成员, 支部委员, 社区“两委”成员…), by level.
    Leaders,
    /// `{staff}`: the people the unit's work reaches (干部职工, 党员, 党员群众), by level.
    Staff,
    /// `{offices}`: the parts the unit is divided into (科室, 党小组, 网格, 村民小组), by level.
    Offices,
    /// `{ethos}`: the climate civility work builds (单位风气, 社区风气, 文明乡风), by level.
    Ethos,
    /// `{this_unit}`: how the report names its own organisation (本单位, 本支部, 本社区), by level.
    ThisUnit,
    /// `{my_field}`: in a leader's first person, the field the leader answers for (本单位 for
    /// the 书记, 分管领域 for another 班子成员), by role ([`RoleWords`]).
    MyField,
    /// `{my_offices}`: the parts of the unit the leader oversees (各科室, 分管科室), by role.
    MyOffices,
    /// `{my_work}`: the leader's own work (全局工作, 分管工作), by role.
    MyWork,
    /// `{my_post}`: the leader's place in the 意识形态工作领导小组 (组长, 副组长, 成员), by role.
    MyPost,
    /// `{my_chair}`: how the leader takes part in the body's meetings (主持召开, 参加), by role.
    MyChair,
    /// `{theme}`: the theme of the meeting a self-assessment is for (the year's 民主生活会
    /// theme, picked from `references` or typed); empty when none is given, so it belongs
    /// inside `[...]`.
    Theme,
}

impl Placeholder {
    pub const ALL: [Placeholder; 18] = [
        Placeholder::Unit,
        Placeholder::Year,
        Placeholder::Period,
        Placeholder::Board,
        Placeholder::Leaders,
        Placeholder::Staff,
        Placeholder::Offices,
        Placeholder::Ethos,
        Placeholder::ThisUnit,
        Placeholder::Guidance,
        Placeholder::Person,
        Placeholder::Meeting,
        Placeholder::MyField,
        Placeholder::MyOffices,
        Placeholder::MyWork,
        Placeholder::MyPost,
        Placeholder::MyChair,
        Placeholder::Theme,
    ];

    /// The name written between braces.
    pub const fn name(self) -> &'static str {
        match self {
            Placeholder::Unit => "unit",
            Placeholder::Year => "year",
            Placeholder::Period => "period",
            Placeholder::Board => "board",
            Placeholder::Guidance => "guidance",
            Placeholder::Person => "person",
            Placeholder::Meeting => "meeting",
            Placeholder::Leaders => "leaders",
            Placeholder::Staff => "staff",
            Placeholder::Offices => "offices",
            Placeholder::Ethos => "ethos",
            Placeholder::ThisUnit => "this_unit",
            Placeholder::MyField => "my_field",
            Placeholder::MyOffices => "my_offices",
            Placeholder::MyWork => "my_work",
            Placeholder::MyPost => "my_post",
            Placeholder::MyChair => "my_chair",
            Placeholder::Theme => "theme",
        }
    }
}

/// Kinds of wording, by the placeholders they may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// Section headings, point leads and cause leads: no placeholder.
    Fixed,
    /// Most wording (the unit report's title and leads, section intros, items, causes,
    /// general problems): `{unit}`, `{year}`, `{period}`, `{board}` and the level's words
    /// (`{leaders}`, `{staff}`, `{offices}`, `{ethos}`, `{this_unit}`); an item's also its
    /// fields. Every wording but `Fixed` may also use the template's item words
    /// ([`ItemWord`]).
    Basic,
    /// The unit report's openings: also `{guidance}`.
    Opening,
    /// An item's first-person wording (`personal_done`…): `Basic` and the role's words
    /// (`{my_field}`, `{my_offices}`, `{my_work}`, `{my_post}`, `{my_chair}`).
    Own,
    /// A role's own sentences (`duties_lead`, `closing` in `[[roles]]`): `Basic`, `{guidance}`,
    /// `{person}`, `{meeting}` and `{theme}`, but not the role's words, which they stand beside.
    RoleText,
    /// The self-assessment's own wording (title, opening, headings, leads): also `{person}`,
    /// `{meeting}`, `{theme}` and the role's words.
    Personal,
}

impl Wording {
    pub const ALL: [Wording; 6] =
        [Wording::Fixed, Wording::Basic, Wording::Opening, Wording::Own, Wording::RoleText, Wording::Personal];

    /// The placeholders this kind of wording may use.
    pub const fn placeholders(self) -> &'static [Placeholder] {
        use Placeholder::*;
        match self {
            Wording::Fixed => &[],
            Wording::Basic => &[Unit, Year, Period, Board, Leaders, Staff, Offices, Ethos, ThisUnit],
            Wording::Opening => &[Unit, Year, Period, Board, Leaders, Staff, Offices, Ethos, ThisUnit, Guidance],
            Wording::Own => &[
                Unit, Year, Period, Board, Leaders, Staff, Offices, Ethos, ThisUnit, MyField, MyOffices, MyWork,
                MyPost, MyChair,
            ],
            Wording::RoleText => {
                &[Unit, Year, Period, Board, Leaders, Staff, Offices, Ethos, ThisUnit, Guidance, Person, Meeting, Theme]
            }
            Wording::Personal => &[
                Unit, Year, Period, Board, Leaders, Staff, Offices, Ethos, ThisUnit, Guidance, Person, Meeting,
                MyField, MyOffices, MyWork, MyPost, MyChair, Theme,
            ],
        }
    }

    fn accepts(self, name: &str) -> bool {
        self.placeholders().iter().any(|p| p.name() == name)
    }
}

/// The kind of Party organisation a report is written for. What the wording says for each
/// (`{board}`, `{leaders}`, `{staff}`…) and what each does not have are data: the
/// checklist's `[[levels]]` ([`LevelWords`]), one entry per level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 党组 (of a 机关 or 事业单位).
    PartyGroup,
    /// 党委, also 党工委.
    PartyCommittee,
    /// 党总支.
    GeneralBranch,
    /// 党支部.
    Branch,
    /// A 社区's Party organisation (党委, 党总支 or 党支部).
    Community,
    /// A 村's Party organisation.
    Village,
}

impl Level {
    pub const ALL: [Level; 6] = [
        Level::PartyGroup,
        Level::PartyCommittee,
        Level::GeneralBranch,
        Level::Branch,
        Level::Community,
        Level::Village,
    ];

    /// The id written in files (`branch`), as serde writes it.
    pub const fn id(self) -> &'static str {
        match self {
            Level::PartyGroup => "party_group",
            Level::PartyCommittee => "party_committee",
            Level::GeneralBranch => "general_branch",
            Level::Branch => "branch",
            Level::Community => "community",
            Level::Village => "village",
        }
    }

    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// A leader's part in ideological work, which a personal 对照检查 is written for: what the
/// person claims and answers for. Its name, hint and the items that are not this role's duty
/// are data: the checklist's `[[roles]]` ([`RoleWords`]), one entry per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 书记, 第一责任人.
    Secretary,
    /// The 班子成员 in charge of ideological work (分管), 直接责任人.
    Deputy,
    /// Another 班子成员, 一岗双责.
    Member,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Secretary, Role::Deputy, Role::Member];

    /// The id written in files (`deputy`), as serde writes it.
    pub const fn id(self) -> &'static str {
        match self {
            Role::Secretary => "secretary",
            Role::Deputy => "deputy",
            Role::Member => "member",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// One role's name and hint for 基本信息 ([`Role`]), and the items that are not its duty (a
/// 书记 does not claim the 分管领导's direct responsibility): in a personal report they are
/// taken as 不适用. Every id must be an item of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleWords {
    pub role: Role,
    /// Shown on 基本信息, e.g. `书记（第一责任人）`.
    pub name: Text,
    /// Shown under the choice.
    pub hint: Text,
    #[serde(default)]
    pub without: List<Text>,
    /// `{my_field}` in the first-person wording, e.g. `{this_unit}` for the 书记, `分管领域`
    /// for another 班子成员. The five words may use the level's words (`各{offices}`).
    pub field: Text,
    /// `{my_offices}`, e.g. `各{offices}`, `分管{offices}`.
    pub offices: Text,
    /// `{my_work}`, e.g. `全局工作`, `分管工作`.
    pub work: Text,
    /// `{my_post}`, e.g. `组长`.
    pub post: Text,
    /// `{my_chair}`, e.g. `主持召开`, `参加`.
    pub chair: Text,
    /// The paragraph that opens the part on duties carried out, saying the role and its
    /// duty (第一责任人, 带头抓、负总责…) in the first person.
    pub duties_lead: Text,
    /// The closing line (表态) of the self-assessment, in the first person.
    pub closing: Text,
}

/// One level's words ([`Level`]), which the wording uses through placeholders, and the items
/// the level does not have. Every word is plain text without placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelWords {
    pub level: Level,
    /// Shown on 基本信息, e.g. `党支部`.
    pub name: Text,
    /// Shown under the choice: examples, and how the report reads at this level.
    pub hint: Text,
    /// `{board}`, e.g. `支部委员会` (a unit whose name says its body, 街道党工委, keeps it).
    pub board: Text,
    /// `{leaders}`, e.g. `班子成员`.
    pub leaders: Text,
    /// `{staff}`, e.g. `干部职工`.
    pub staff: Text,
    /// `{offices}`, e.g. `科室`.
    pub offices: Text,
    /// `{ethos}`, e.g. `单位风气`.
    pub ethos: Text,
    /// `{this_unit}`, e.g. `本单位`.
    pub this_unit: Text,
    /// Items this level does not have (a 党支部 has no 理论学习中心组): taken as 不适用, so a
    /// report at this level never names them. An id the checklist does not have is ignored.
    #[serde(default)]
    pub without: List<Text>,
}

/// A word that names another item's work, e.g. `理论学习中心组` for the item
/// `center-group-study`. `{name}` is `text` only where that item applies to the report (the
/// checklist has it, it is not 不适用, and not left out at the report's level); in what a report says was done (`done`,
/// `personal_done`, section intros) only where that item was done or partly done. Elsewhere
/// it is empty, so it must stand inside `[...]`, which disappears with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemWord {
    /// The placeholder's name, e.g. `study_group`.
    pub name: Text,
    /// The id of the item whose work it names.
    pub item: Text,
    pub text: Text,
}

/// The keys an input field may have. Fields are the one table serde cannot check for
/// misspelt keys (their `kind` is flattened into them), so a misspelt `hint` would
/// otherwise vanish without a word; [`Template::validate_file`] checks them.
pub const FIELD_KEYS: [&str; 9] = ["id", "label", "hint", "kind", "min", "max", "unit", "max_chars", "options"];

/// A fingerprint of a checklist file's text (64-bit FNV-1a): the build puts it in the
/// name of each preset's file, and the app refuses a fetched file whose text does not match.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The format of template files this build understands.
pub const TEMPLATE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Template file format; must equal [`TEMPLATE_FORMAT`].
    pub format: u32,
    /// Stable id saved with each report, e.g. `default`.
    pub id: Text,
    /// Name shown to users, e.g. `意识形态工作责任制（通用）`.
    pub name: Text,
    /// Edition of the wording, e.g. `2026.1`; shown on the 基本信息 page.
    pub edition: Text,
    /// The guiding-thought line of the opening paragraph, chosen by the last day of the
    /// report's period ([`Template::guidance_on`]).
    pub guidance: List<Guidance>,
    /// Wording for the unit report (title, opening, section leads).
    pub report: ReportWording,
    /// Wording for one leader's self-assessment before the 民主生活会.
    pub personal: PersonalWording,
    /// Problems and measures offered when no item gives one (every report admits some).
    #[serde(default)]
    pub fallback_problems: List<ProblemWording>,
    /// The words of each level of organisation, one entry per [`Level`].
    pub levels: List<LevelWords>,
    /// A leader's roles in a personal report, one entry per [`Role`].
    pub roles: List<RoleWords>,
    /// Words naming another item's work, usable in wording as optional placeholders.
    #[serde(default)]
    pub item_words: List<ItemWord>,
    pub sections: List<Section>,
}

/// The guiding-thought line in force from a given day on (e.g. 党的二十大 from 2022-10-22,
/// the day it closed). The build checks that a line cites no meeting or saying later than its
/// first day (`references`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// The first day the line is in force, written `"2022-10-22"`.
    #[serde(default)]
    pub from: Option<Date>,
    /// Templates written before lines had days: in force from 1 January of this year. Read
    /// only when `from` is not given.
    #[serde(default)]
    pub from_year: u16,
    pub text: Text,
}

impl Guidance {
    /// The first day the line is in force.
    pub fn start(&self) -> Date {
        self.from.unwrap_or(Date::new(self.from_year, 1, 1))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWording {
    /// Title, e.g. `{unit}关于{period}落实意识形态工作责任制情况的报告`.
    pub title: Text,
    /// Opening paragraph when most of what applies was done ([`Band::Most`]); `{guidance}`
    /// stands for the guiding-thought line.
    pub opening: Text,
    /// Opening when a fair part was done ([`Band::Some`]): it claims no more than that.
    pub opening_some: Text,
    /// Opening when little was done ([`Band::Few`]): it says so.
    pub opening_few: Text,
    /// Opening used when nothing has been marked as done yet.
    pub opening_empty: Text,
    /// Lead sentence of 二、存在的问题, ending with `：`, when most was done ([`Band::Most`]).
    pub problems_lead: Text,
    /// The same lead when a fair part was done ([`Band::Some`]).
    pub problems_lead_some: Text,
    /// The same lead when little was done ([`Band::Few`]).
    pub problems_lead_few: Text,
    /// Lead sentence of 三、下一步工作打算, ending with `：`.
    pub plans_lead: Text,
}

/// How much of what applies to a unit was done, which decides how much its report may
/// claim: the opening and the lead of 存在的问题 are worded for each band. An item 已落实
/// counts one, 部分落实 half, 未落实 nothing; 不适用 and 未开始 are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// At least four fifths (and a report with nothing answered yet, which claims as before).
    Most,
    /// At least two fifths.
    Some,
    /// Less than two fifths.
    Few,
}

impl Band {
    /// The band of `done` items 已落实 and `partly` 部分落实 out of `applicable` answered
    /// items that apply.
    pub fn of(done: usize, partly: usize, applicable: usize) -> Band {
        if applicable == 0 {
            return Band::Most;
        }
        // In halves: 已落实 two, 部分落实 one, out of two per applicable item.
        let (got, of) = (2 * done + partly, 2 * applicable);
        if got * 5 >= of * 4 {
            Band::Most
        } else if got * 5 >= of * 2 {
            Band::Some
        } else {
            Band::Few
        }
    }
}

impl ReportWording {
    /// The opening for a report of this band.
    pub fn opening_for(&self, band: Band) -> &str {
        match band {
            Band::Most => &self.opening,
            Band::Some => &self.opening_some,
            Band::Few => &self.opening_few,
        }
    }

    /// The lead of 存在的问题 for a report of this band.
    pub fn problems_lead_for(&self, band: Band) -> &str {
        match band {
            Band::Most => &self.problems_lead,
            Band::Some => &self.problems_lead_some,
            Band::Few => &self.problems_lead_few,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalWording {
    /// Title; may use `{person}` (name, may be empty) and `{meeting}`.
    pub title: Text,
    /// Opening paragraph in the first person.
    pub opening: Text,
    /// Heading of the part that lists duties carried out, e.g. `履行意识形态工作职责情况`.
    pub duties_heading: Text,
    pub problems_heading: Text,
    pub problems_lead: Text,
    pub causes_heading: Text,
    /// Causes analysed (理想信念, 宗旨意识, 党性修养, 纪律规矩…); they change year to year.
    pub causes: List<Point>,
    pub measures_heading: Text,
    pub measures_lead: Text,
    /// Heading of the part on how the problems found last year were rectified (上年度整改
    /// 落实情况), which comes first; the user writes its text on 基本信息.
    #[serde(default)]
    pub last_year_heading: Text,
    /// The closing line (表态) when no role is chosen; a role has its own ([`RoleWords`]).
    #[serde(default)]
    pub closing: Text,
}

/// A numbered point: a short bolded phrase (without the final 。) and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub lead: Text,
    pub text: Text,
    /// For a cause: the sections (by id) whose problems it explains. A self-assessment
    /// whose problems come from its items analyses the causes of the sections with gaps
    /// (and those naming no section); all of them when none fits, or when the user wrote
    /// the problems. An id the checklist does not have matches nothing.
    #[serde(default)]
    pub sections: List<Text>,
}

/// A problem and the measure that answers it; each is a short judgement then detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemWording {
    pub problem: Text,
    pub measure: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    /// Short name on the task list, e.g. `组织领导与责任制落实`.
    pub title: Text,
    /// Heading in the report after （一）, e.g. `加强组织领导，压紧压实工作责任`.
    pub heading: Text,
    /// Optional lead paragraph printed under the heading when the section has points.
    #[serde(default)]
    pub intro: Text,
    pub items: List<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id; answers are saved under it, so never reuse or rename one.
    pub id: Text,
    /// Verb-first task name, e.g. `专题研究意识形态工作`.
    pub task: Text,
    /// What counts as done, for the user.
    pub guidance: Text,
    /// The rule or frequency behind it, e.g. `每半年至少1次`.
    #[serde(default)]
    pub rule: Text,
    /// True when `rule` is a common local rule rather than a national one.
    #[serde(default)]
    pub local_rule: bool,
    #[serde(default)]
    pub fields: List<Field>,
    /// The bolded phrase that opens the point in 主要做法, e.g. `专题研究部署`.
    pub point: Text,
    /// What was done; `{field}` placeholders inside `[...]` are dropped with their
    /// brackets when the field is empty.
    pub done: Text,
    /// The problem when the item is only partly done: what falls short. Also used when it
    /// is not done at all and `problem_missing` is empty.
    pub problem: Text,
    /// The measure for 下一步 that answers the problem.
    pub measure: Text,
    /// The problem when the item is not done at all: `尚未…`, assuming no work exists.
    #[serde(default)]
    pub problem_missing: Text,
    /// The measure when the item is not done at all: `建立…`, `制定…`; `measure` if empty.
    #[serde(default)]
    pub measure_missing: Text,
    /// First-person wording for the self-assessment; the unit wording is used if empty.
    #[serde(default)]
    pub personal_done: Text,
    #[serde(default)]
    pub personal_problem: Text,
    #[serde(default)]
    pub personal_measure: Text,
    /// First-person wording for an item not done at all, as `problem_missing` and
    /// `measure_missing`; see [`Item::problem_for`] for what stands in when one is empty.
    #[serde(default)]
    pub personal_problem_missing: Text,
    #[serde(default)]
    pub personal_measure_missing: Text,
}

impl Item {
    /// The problem wording for an item with a gap: `missing` when it was not done at all,
    /// `personal` for a self-assessment. The first non-empty of: the wording for that voice
    /// and status; for a missing item, the unit's `problem_missing` (true, if not in the
    /// first person) before the voice's wording for a partial gap, which assumes work was
    /// done; last the unit's `problem`.
    pub fn problem_for(&self, personal: bool, missing: bool) -> &str {
        let [pm, um, p, u] =
            [&self.personal_problem_missing, &self.problem_missing, &self.personal_problem, &self.problem];
        first_of(match (personal, missing) {
            (true, true) => [pm, um, p, u],
            (false, true) => [um, u, u, u],
            (true, false) => [p, u, u, u],
            (false, false) => [u, u, u, u],
        })
    }

    /// The measure that answers [`Item::problem_for`]. A measure is a plan, which may name
    /// work not yet begun, so for a missing item in a self-assessment the first person
    /// (`personal_measure`) comes before the unit's `measure_missing`.
    pub fn measure_for(&self, personal: bool, missing: bool) -> &str {
        let [pm, um, p, u] =
            [&self.personal_measure_missing, &self.measure_missing, &self.personal_measure, &self.measure];
        first_of(match (personal, missing) {
            (true, true) => [pm, p, um, u],
            (false, true) => [um, u, u, u],
            (true, false) => [p, u, u, u],
            (false, false) => [u, u, u, u],
        })
    }
}

/// The first wording of `order` that is not empty (a shorter order repeats its last).
fn first_of(order: [&Text; 4]) -> &str {
    order.into_iter().find(|w| !w.trim().is_empty()).map_or("", |w| &**w)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: Text,
    /// Label shown by the input, e.g. `专题研究次数`.
    pub label: Text,
    /// Hint under the label.
    #[serde(default)]
    pub hint: Text,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// The typed inputs an item can ask for, with their bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    /// A whole number, e.g. sessions held; `unit` is shown next to the input (次, 人).
    Count {
        #[serde(default)]
        min: u32,
        max: u32,
        #[serde(default)]
        unit: Text,
    },
    /// A percentage from 0 to 100, one decimal place at most.
    Percent,
    /// A date, entered as 2026-06-18 and written as 2026年6月18日.
    Date,
    /// One line of text.
    Text { max_chars: usize },
    /// Several sentences.
    LongText { max_chars: usize },
    /// One of a fixed list.
    Choice { options: List<Text> },
}

/// Something wrong in a template file: where and what. `Display` says both in words an
/// editor can act on, e.g. `模板有误（第1部分“组织领导与责任制落实” › 条目 special-study ›
/// 字段 done）：占位符“{nosuch}”在这里不能用：没有这个输入项`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Boxed: an error is rare, and a small `Result` keeps validation lean.
    pub place: Box<Place>,
    pub kind: TemplateErrorKind,
}

impl TemplateError {
    pub fn new(place: Place, kind: TemplateErrorKind) -> TemplateError {
        TemplateError { place: Box::new(place), kind }
    }
}

/// Where a mistake is: the deepest of these that is set names it. Nothing set is the
/// template's own top-level keys (`模板`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// Line and column in the file (from 1), when it cannot be read as a template at all.
    pub line_column: Option<(usize, usize)>,
    /// One of the template's own wordings outside the sections.
    pub part: Option<Part>,
    /// The section: its index in `sections` (from 0) and its title.
    pub section: Option<(usize, String)>,
    /// The item, by id.
    pub item: Option<String>,
    /// The input field, by id.
    pub field: Option<String>,
    /// The key at fault: a wording (`done`, `title`, `heading`…) or another key (`id`,
    /// `task`…).
    pub key: Option<&'static str>,
}

/// The template's own wordings outside the sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `report`: the unit report's wording.
    Report,
    /// `personal`: the self-assessment's wording.
    Personal,
    /// One of `personal.causes`, by index (from 0).
    Cause(usize),
    /// One of `fallback_problems`, by index (from 0).
    FallbackProblem(usize),
    /// One of `levels`, by index (from 0).
    Level(usize),
    /// One of `item_words`, by index (from 0).
    ItemWord(usize),
    /// One of `roles`, by index (from 0).
    Role(usize),
}

impl Place {
    fn part(part: Part) -> Place {
        Place { part: Some(part), ..Place::default() }
    }

    fn section(index: usize, title: &str) -> Place {
        Place { section: Some((index, title.to_string())), ..Place::default() }
    }

    fn item(&self, id: &str) -> Place {
        Place { item: Some(id.to_string()), ..self.clone() }
    }

    fn field(&self, id: &str) -> Place {
        Place { field: Some(id.to_string()), ..self.clone() }
    }

    fn key(&self, key: &'static str) -> Place {
        Place { key: Some(key), ..self.clone() }
    }

    /// Writes the place as messages name it. A field is `字段 fields.ID` when one of its
    /// values is wrong, `输入项 ID` when one of its keys is (`as_table`).
    fn write(&self, f: &mut fmt::Formatter<'_>, as_table: bool) -> fmt::Result {
        if let Some((line, column)) = self.line_column {
            return write!(f, "第{line}行第{column}列");
        }
        match &self.section {
            Some((index, title)) => write!(f, "第{}部分“{title}”", index + 1)?,
            None => f.write_str("模板")?,
        }
        match self.part {
            Some(Part::Report) => f.write_str(" › report")?,
            Some(Part::Personal) => f.write_str(" › personal")?,
            Some(Part::Cause(index)) => write!(f, " › personal › causes 第{}条", index + 1)?,
            Some(Part::FallbackProblem(index)) => write!(f, " › fallback_problems 第{}条", index + 1)?,
            Some(Part::Level(index)) => write!(f, " › levels 第{}条", index + 1)?,
            Some(Part::ItemWord(index)) => write!(f, " › item_words 第{}条", index + 1)?,
            Some(Part::Role(index)) => write!(f, " › roles 第{}条", index + 1)?,
            None => {}
        }
        if let Some(item) = &self.item {
            write!(f, " › 条目 {item}")?;
        }
        match &self.field {
            Some(field) if as_table => write!(f, " › 输入项 {field}")?,
            Some(field) => write!(f, " › 字段 fields.{field}")?,
            None => {}
        }
        if let Some(key) = self.key {
            write!(f, " › 字段 {key}")?;
        }
        Ok(())
    }
}

/// What is wrong; `Display` says it (the place is the [`TemplateError`]'s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateErrorKind {
    /// Not a template: broken JSON, a wrong type, a missing key or a misspelt one outside
    /// the input fields, as the reader put it.
    Unreadable {
        reason: String,
    },
    /// A template format this build does not know.
    WrongFormat {
        found: u32,
    },
    /// The template's id is empty.
    NoId,
    /// No guiding-thought line.
    NoGuidance,
    /// A guiding-thought line without the day it comes into force (`from`), by index
    /// (from 0).
    GuidanceWithoutStart {
        index: usize,
    },
    NoSections,
    /// A section id that is empty…
    EmptySectionId {
        id: String,
    },
    /// …or not fit for an address (`#/r/…/s/ID`): not a key, or longer than a report id may be.
    BadSectionId {
        id: String,
    },
    /// …or used by an earlier section.
    DuplicateSectionId {
        id: String,
    },
    /// A section without a title or heading.
    NoTitleOrHeading,
    NoItems,
    /// An item id that is empty or has characters other than `a-z 0-9 - _`.
    BadItemId,
    DuplicateItemId {
        id: String,
    },
    /// A key that must have text is empty.
    Empty,
    /// An input field id that is empty, has characters other than `a-z 0-9 - _`, or is the
    /// name of a placeholder items may use…
    BadFieldId,
    /// …or that an earlier field of the item has.
    DuplicateFieldId,
    NoLabel,
    /// A count whose `min` is above its `max`.
    BadBounds {
        min: u32,
        max: u32,
    },
    /// A text field whose `max_chars` is 0.
    NoMaxChars,
    /// A choice without options or with an empty one.
    BadOptions,
    /// An input field key that is not one of [`FIELD_KEYS`].
    MisspeltFieldKey {
        key: String,
    },
    /// Brackets or a placeholder name that cannot be parsed.
    BadWording(WordingError),
    /// Half-width punctuation in the Chinese text.
    HalfWidthPunctuation {
        found: char,
    },
    /// Doubled, leading or trailing spaces.
    ExtraSpaces,
    /// An input field's placeholder outside `[...]` (the field may be left empty).
    FieldOutsideBrackets {
        name: String,
    },
    /// A placeholder this wording cannot use (or no field of the item has that id).
    UnknownPlaceholder {
        name: String,
    },
    /// `[...]` with no input field's placeholder inside.
    BracketsWithoutField,
    /// No `[[levels]]` entry for a level.
    MissingLevel {
        id: &'static str,
    },
    /// A second `[[levels]]` entry for a level.
    DuplicateLevel {
        id: &'static str,
    },
    /// No `[[roles]]` entry for a role.
    MissingRole {
        id: &'static str,
    },
    /// A second `[[roles]]` entry for a role.
    DuplicateRole {
        id: &'static str,
    },
    /// A role's `without` names an item the checklist does not have.
    UnknownRoleItem {
        id: String,
    },
    /// An item word whose name is not a key, is a placeholder's, or an earlier word's.
    BadWordName {
        name: String,
    },
    /// An item word's placeholder outside `[...]` (it may be empty).
    WordOutsideBrackets {
        name: String,
    },
}

impl fmt::Display for TemplateErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { reason } => write!(f, "无法读取：{reason}"),
            Self::WrongFormat { found } => write!(f, "format 应为 {TEMPLATE_FORMAT}，实际为 {found}"),
            Self::NoId => f.write_str("id 不能为空"),
            Self::NoGuidance => f.write_str("guidance 至少要有一条指导思想"),
            Self::GuidanceWithoutStart { index } => {
                write!(f, "guidance 第{}条要写起用的日期，例如 from = \"2022-10-22\"", index + 1)
            }
            Self::NoSections => f.write_str("至少要有一个部分（sections）"),
            Self::EmptySectionId { id } | Self::DuplicateSectionId { id } => write!(f, "部分的 id “{id}”为空或重复"),
            Self::BadSectionId { id } => write!(
                f,
                "部分的 id “{id}”只能用小写英文字母、数字、连字符和下划线，最多{MAX_SECTION_ID_CHARS}个字符（它是这一部分的网址）"
            ),
            Self::NoTitleOrHeading => f.write_str("title 和 heading 都不能为空"),
            Self::NoItems => f.write_str("这一部分没有条目"),
            Self::BadItemId => f.write_str("id 只能用小写英文字母、数字、连字符和下划线，且不能为空"),
            Self::DuplicateItemId { id } => write!(f, "id “{id}”与前面的条目重复"),
            Self::Empty => f.write_str("不能为空"),
            Self::BadFieldId | Self::DuplicateFieldId => {
                let names: Vec<&str> = Wording::Basic.placeholders().iter().map(|p| p.name()).collect();
                write!(f, "输入项 id 为空、重复、含有不允许的字符，或与 {} 重名", names.join("/"))
            }
            Self::NoLabel => f.write_str("label 不能为空"),
            Self::BadBounds { min, max } => write!(f, "min（{min}）大于 max（{max}）"),
            Self::NoMaxChars => f.write_str("max_chars 必须大于0"),
            Self::BadOptions => f.write_str("options 不能为空，也不能有空选项"),
            Self::MisspeltFieldKey { key } => write!(f, "不认识“{key}”，输入项只能写 {}", FIELD_KEYS.join("、")),
            Self::BadWording(e) => write!(f, "{e}"),
            Self::HalfWidthPunctuation { found } => write!(f, "含有半角标点“{found}”，请改用全角（，；：（）？！）"),
            Self::ExtraSpaces => f.write_str("含有多余的空格"),
            Self::FieldOutsideBrackets { name } => {
                write!(f, "输入项占位符“{{{name}}}”要放在方括号里，未填写时整段省略，例如“[全年{{{name}}}次]”")
            }
            Self::UnknownPlaceholder { name } => write!(f, "占位符“{{{name}}}”在这里不能用：没有这个输入项"),
            Self::BracketsWithoutField => f.write_str("方括号里至少要有一个输入项占位符"),
            Self::MissingLevel { id } => write!(f, "levels 缺少 level = \"{id}\" 的一条"),
            Self::DuplicateLevel { id } => write!(f, "levels 中 level = \"{id}\" 出现了不止一次"),
            Self::MissingRole { id } => write!(f, "roles 缺少 role = \"{id}\" 的一条"),
            Self::DuplicateRole { id } => write!(f, "roles 中 role = \"{id}\" 出现了不止一次"),
            Self::UnknownRoleItem { id } => write!(f, "without 中的“{id}”不是清单里的条目 id"),
            Self::BadWordName { name } => write!(
                f,
                "名字“{name}”只能用小写英文字母、数字、连字符和下划线，且不能与其他占位符或前面的 item_words 重名"
            ),
            Self::WordOutsideBrackets { name } => write!(
                f,
                "占位符“{{{name}}}”在相应条目不适用或未落实时为空，要放在方括号里，例如“[和{{{name}}}学习制度]”"
            ),
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("模板有误（")?;
        self.place.write(f, matches!(self.kind, TemplateErrorKind::MisspeltFieldKey { .. }))?;
        write!(f, "）：{}", self.kind)
    }
}

impl std::error::Error for TemplateError {}

/// Why a wording cannot be split into pieces; `Display` says it in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordingError {
    /// `{` without `}`.
    UnclosedBrace,
    /// `}` without `{`.
    UnopenedBrace,
    /// `{…}` whose name is not `a-z 0-9 - _`.
    BadPlaceholderName { name: String },
    /// `[` inside `[...]`.
    NestedBrackets,
    /// `[` without `]`.
    UnclosedBracket,
    /// `]` without `[`.
    UnopenedBracket,
}

impl fmt::Display for WordingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordingError::UnclosedBrace => f.write_str("有“{”没有配对的“}”"),
            WordingError::UnopenedBrace => f.write_str("有“}”没有配对的“{”"),
            WordingError::BadPlaceholderName { name } => {
                write!(f, "占位符“{{{name}}}”的名字不对，只能用小写英文字母、数字、连字符和下划线")
            }
            WordingError::NestedBrackets => f.write_str("方括号不能嵌套"),
            WordingError::UnclosedBracket => f.write_str("有“[”没有配对的“]”"),
            WordingError::UnopenedBracket => f.write_str("有“]”没有配对的“[”"),
        }
    }
}

impl std::error::Error for WordingError {}

impl Template {
    /// The checklist without the wording only the report's text and 问题与打算 use: each
    /// item's problems and measures (unit and first-person, partial and missing), the
    /// fallback problems, the openings and leads of both kinds of report, the causes, and
    /// each role's duties lead and closing. What the task list, 基本信息 and the sections
    /// show (titles, tasks, guidance, fields, each item's 做法 for its preview) and every
    /// word a placeholder takes stay. The walk-through module carries the built-in
    /// checklist in this form (`builtin::OUTLINE`); the pages that write the text are in
    /// the tools module, which carries it whole. Not a valid template on its own.
    pub fn outline(&self) -> Template {
        let none = || Text::Borrowed("");
        let mut t = self.clone();
        t.fallback_problems = List::Borrowed(&[]);
        let r = &mut t.report;
        for w in [
            &mut r.opening,
            &mut r.opening_some,
            &mut r.opening_few,
            &mut r.opening_empty,
            &mut r.problems_lead,
            &mut r.problems_lead_some,
            &mut r.problems_lead_few,
            &mut r.plans_lead,
        ] {
            *w = none();
        }
        let p = &mut t.personal;
        for w in [&mut p.opening, &mut p.problems_lead, &mut p.measures_lead, &mut p.closing] {
            *w = none();
        }
        p.causes = List::Borrowed(&[]);
        t.roles = t.roles.iter().map(|r| RoleWords { duties_lead: none(), closing: none(), ..r.clone() }).collect();
        t.sections = t
            .sections
            .iter()
            .map(|s| Section {
                items: s
                    .items
                    .iter()
                    .map(|i| Item {
                        problem: none(),
                        measure: none(),
                        problem_missing: none(),
                        measure_missing: none(),
                        personal_problem: none(),
                        personal_measure: none(),
                        personal_problem_missing: none(),
                        personal_measure_missing: none(),
                        ..i.clone()
                    })
                    .collect(),
                ..s.clone()
            })
            .collect();
        t
    }

    /// Parses and validates a template in its JSON form, as the build checks the built-in
    /// one ([`Template::validate_file`]).
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        let unreadable = |e: serde_json::Error| {
            TemplateError::new(
                Place { line_column: Some((e.line(), e.column())), ..Place::default() },
                TemplateErrorKind::Unreadable { reason: e.to_string() },
            )
        };
        let t: Template = serde_json::from_str(text).map_err(unreadable)?;
        let raw: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
        t.validate_file(&raw)?;
        Ok(t)
    }

    /// Everything [`Template::validate`] checks, and what only the file as written shows:
    /// the keys of input fields, which serde cannot check (see [`FIELD_KEYS`]). `raw` is the
    /// same file read as plain data. The build and [`Template::from_json`] both check a
    /// template file this way.
    pub fn validate_file(&self, raw: &serde_json::Value) -> Result<(), TemplateError> {
        self.validate()?;
        check_field_keys(raw)
    }

    /// The guiding-thought line in force on `day` (for a report, the last day of its
    /// period, `Report::period_end`): the entry that started last on or before it; before
    /// the first entry, the earliest.
    pub fn guidance_on(&self, day: Date) -> &str {
        self.guidance
            .iter()
            .filter(|g| g.start() <= day)
            .max_by_key(|g| g.start())
            .or_else(|| self.guidance.iter().min_by_key(|g| g.start()))
            .map(|g| &*g.text)
            .unwrap_or("")
    }

    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// The words of a level; `None` only in a template that was not validated.
    pub fn level_words(&self, level: Level) -> Option<&LevelWords> {
        self.levels.iter().find(|w| w.level == level)
    }

    /// The name, hint and items of a role; `None` only in a template that was not validated.
    pub fn role_words(&self, role: Role) -> Option<&RoleWords> {
        self.roles.iter().find(|w| w.role == role)
    }

    /// Checks `roles`: each role once, a plain name and hint, and only the checklist's item
    /// ids in `without` (a misspelt id would silently leave a duty in).
    fn validate_roles(&self) -> Result<(), TemplateError> {
        use TemplateErrorKind as K;
        for role in Role::ALL {
            match self.roles.iter().filter(|w| w.role == role).count() {
                0 => return Err(TemplateError::new(Place::default(), K::MissingRole { id: role.id() })),
                1 => {}
                _ => return Err(TemplateError::new(Place::default(), K::DuplicateRole { id: role.id() })),
            }
        }
        for (n, w) in self.roles.iter().enumerate() {
            let place = Place::part(Part::Role(n));
            if w.name.trim().is_empty() {
                return Err(TemplateError::new(place.key("name"), K::Empty));
            }
            check_wording(&place, "name", &w.name, Wording::Fixed, &[])?;
            check_wording(&place, "hint", &w.hint, Wording::Fixed, &[])?;
            for (key, text) in [
                ("field", &w.field),
                ("offices", &w.offices),
                ("work", &w.work),
                ("post", &w.post),
                ("chair", &w.chair),
            ] {
                if text.trim().is_empty() {
                    return Err(TemplateError::new(place.key(key), K::Empty));
                }
                check_wording(&place, key, text, Wording::Basic, &[])?;
            }
            check_wording(&place, "duties_lead", &w.duties_lead, Wording::RoleText, &[])?;
            check_wording(&place, "closing", &w.closing, Wording::RoleText, &[])?;
            if let Some(id) = w.without.iter().find(|id| self.item(id).is_none()) {
                return Err(TemplateError::new(place.key("without"), K::UnknownRoleItem { id: id.to_string() }));
            }
        }
        Ok(())
    }

    /// Every level's words (`{board}`, `{leaders}`, `{staff}`, `{offices}`, `{ethos}`,
    /// `{this_unit}`): names, which neighbouring points may both hold
    /// (`text::shared_phrase`).
    pub fn level_names(&self) -> Vec<&str> {
        self.levels
            .iter()
            .flat_map(|w| [&*w.board, &*w.leaders, &*w.staff, &*w.offices, &*w.ethos, &*w.this_unit])
            .collect()
    }

    /// Checks `levels` and `item_words`; returns the item words' names. Item ids in them
    /// may name items this checklist does not have (a preset drops some of the general
    /// checklist's): such an item never applies.
    fn validate_words(&self) -> Result<Vec<&str>, TemplateError> {
        use TemplateErrorKind as K;
        for level in Level::ALL {
            match self.levels.iter().filter(|w| w.level == level).count() {
                0 => return Err(TemplateError::new(Place::default(), K::MissingLevel { id: level.id() })),
                1 => {}
                _ => return Err(TemplateError::new(Place::default(), K::DuplicateLevel { id: level.id() })),
            }
        }
        for (n, w) in self.levels.iter().enumerate() {
            let place = Place::part(Part::Level(n));
            for (key, text) in [
                ("name", &w.name),
                ("board", &w.board),
                ("leaders", &w.leaders),
                ("staff", &w.staff),
                ("offices", &w.offices),
                ("ethos", &w.ethos),
                ("this_unit", &w.this_unit),
            ] {
                if text.trim().is_empty() {
                    return Err(TemplateError::new(place.key(key), K::Empty));
                }
                check_wording(&place, key, text, Wording::Fixed, &[])?;
            }
        }
        let mut names: Vec<&str> = Vec::new();
        for (n, w) in self.item_words.iter().enumerate() {
            let place = Place::part(Part::ItemWord(n));
            if !valid_key(&w.name) || Wording::Personal.accepts(&w.name) || names.contains(&&*w.name) {
                return Err(TemplateError::new(place.key("name"), K::BadWordName { name: w.name.to_string() }));
            }
            if w.text.trim().is_empty() {
                return Err(TemplateError::new(place.key("text"), K::Empty));
            }
            check_wording(&place, "text", &w.text, Wording::Fixed, &[])?;
            names.push(&w.name);
        }
        Ok(names)
    }

    /// Checks everything the generator relies on, so that generation itself never fails.
    pub fn validate(&self) -> Result<(), TemplateError> {
        let top = |kind| TemplateError::new(Place::default(), kind);
        if self.format != TEMPLATE_FORMAT {
            return Err(top(TemplateErrorKind::WrongFormat { found: self.format }));
        }
        if self.id.trim().is_empty() {
            return Err(top(TemplateErrorKind::NoId));
        }
        if self.guidance.is_empty() {
            return Err(top(TemplateErrorKind::NoGuidance));
        }
        if let Some(n) = self.guidance.iter().position(|g| g.from.is_none() && g.from_year == 0) {
            return Err(top(TemplateErrorKind::GuidanceWithoutStart { index: n }));
        }
        if self.sections.is_empty() {
            return Err(top(TemplateErrorKind::NoSections));
        }
        let words = self.validate_words()?;
        self.validate_roles()?;
        let r = &self.report;
        let place = Place::part(Part::Report);
        check_wording(&place, "title", &r.title, Wording::Basic, &[])?;
        check_wording(&place, "opening", &r.opening, Wording::Opening, &[])?;
        check_wording(&place, "opening_some", &r.opening_some, Wording::Opening, &[])?;
        check_wording(&place, "opening_few", &r.opening_few, Wording::Opening, &[])?;
        check_wording(&place, "opening_empty", &r.opening_empty, Wording::Opening, &[])?;
        check_wording_with(&place, "problems_lead", &r.problems_lead, Wording::Basic, &[], &words)?;
        check_wording_with(&place, "problems_lead_some", &r.problems_lead_some, Wording::Basic, &[], &words)?;
        check_wording_with(&place, "problems_lead_few", &r.problems_lead_few, Wording::Basic, &[], &words)?;
        check_wording_with(&place, "plans_lead", &r.plans_lead, Wording::Basic, &[], &words)?;
        let p = &self.personal;
        let place = Place::part(Part::Personal);
        for (key, text) in [
            ("title", &p.title),
            ("opening", &p.opening),
            ("duties_heading", &p.duties_heading),
            ("problems_heading", &p.problems_heading),
            ("problems_lead", &p.problems_lead),
            ("causes_heading", &p.causes_heading),
            ("measures_heading", &p.measures_heading),
            ("measures_lead", &p.measures_lead),
            ("last_year_heading", &p.last_year_heading),
            ("closing", &p.closing),
        ] {
            check_wording(&place, key, text, Wording::Personal, &[])?;
        }
        for (n, c) in p.causes.iter().enumerate() {
            let place = Place::part(Part::Cause(n));
            check_wording(&place, "lead", &c.lead, Wording::Fixed, &[])?;
            check_wording_with(&place, "text", &c.text, Wording::Basic, &[], &words)?;
        }
        for (n, fp) in self.fallback_problems.iter().enumerate() {
            let place = Place::part(Part::FallbackProblem(n));
            check_wording_with(&place, "problem", &fp.problem, Wording::Basic, &[], &words)?;
            check_wording_with(&place, "measure", &fp.measure, Wording::Basic, &[], &words)?;
        }

        let mut section_ids = BTreeSet::new();
        let mut item_ids = BTreeSet::new();
        for (sn, s) in self.sections.iter().enumerate() {
            let place = Place::section(sn, &s.title);
            let err = |kind| TemplateError::new(place.clone(), kind);
            if s.id.trim().is_empty() {
                return Err(err(TemplateErrorKind::EmptySectionId { id: s.id.to_string() }));
            }
            if !valid_key(&s.id) || s.id.len() > MAX_SECTION_ID_CHARS {
                return Err(err(TemplateErrorKind::BadSectionId { id: s.id.to_string() }));
            }
            if !section_ids.insert(&*s.id) {
                return Err(err(TemplateErrorKind::DuplicateSectionId { id: s.id.to_string() }));
            }
            if s.title.trim().is_empty() || s.heading.trim().is_empty() {
                return Err(err(TemplateErrorKind::NoTitleOrHeading));
            }
            check_wording(&place, "heading", &s.heading, Wording::Fixed, &[])?;
            check_wording_with(&place, "intro", &s.intro, Wording::Basic, &[], &words)?;
            if s.items.is_empty() {
                return Err(err(TemplateErrorKind::NoItems));
            }
            for item in s.items.iter() {
                item.validate(&place.item(&item.id), &mut item_ids, &words)?;
            }
        }
        Ok(())
    }
}

impl Item {
    fn validate<'a>(
        &'a self,
        place: &Place,
        item_ids: &mut BTreeSet<&'a str>,
        words: &[&str],
    ) -> Result<(), TemplateError> {
        use TemplateErrorKind as K;
        let at_key = |key: &'static str, kind| TemplateError::new(place.key(key), kind);
        if !valid_key(&self.id) {
            return Err(at_key("id", K::BadItemId));
        }
        if !item_ids.insert(&*self.id) {
            return Err(at_key("id", K::DuplicateItemId { id: self.id.to_string() }));
        }
        for (key, text) in [("task", &self.task), ("guidance", &self.guidance), ("point", &self.point)] {
            if text.trim().is_empty() {
                return Err(at_key(key, K::Empty));
            }
        }
        let mut field_ids = BTreeSet::new();
        for f in self.fields.iter() {
            let err = |kind| Err(TemplateError::new(place.field(&f.id), kind));
            if !valid_key(&f.id) || Wording::Own.accepts(&f.id) || words.contains(&&*f.id) {
                return err(K::BadFieldId);
            }
            if !field_ids.insert(&*f.id) {
                return err(K::DuplicateFieldId);
            }
            if f.label.trim().is_empty() {
                return err(K::NoLabel);
            }
            match &f.kind {
                FieldKind::Count { min, max, .. } if min > max => return err(K::BadBounds { min: *min, max: *max }),
                FieldKind::Text { max_chars } | FieldKind::LongText { max_chars } if *max_chars == 0 => {
                    return err(K::NoMaxChars);
                }
                FieldKind::Choice { options } if options.is_empty() || options.iter().any(|o| o.trim().is_empty()) => {
                    return err(K::BadOptions);
                }
                _ => {}
            }
        }
        let fields: Vec<&str> = self.fields.iter().map(|f| &*f.id).collect();
        check_wording(place, "point", &self.point, Wording::Fixed, &[])?;
        for (key, text, required) in [
            ("done", &self.done, true),
            ("problem", &self.problem, true),
            ("measure", &self.measure, true),
            ("personal_done", &self.personal_done, false),
            ("personal_problem", &self.personal_problem, false),
            ("personal_measure", &self.personal_measure, false),
            ("problem_missing", &self.problem_missing, false),
            ("measure_missing", &self.measure_missing, false),
            ("personal_problem_missing", &self.personal_problem_missing, false),
            ("personal_measure_missing", &self.personal_measure_missing, false),
        ] {
            if required && text.trim().is_empty() {
                return Err(at_key(key, K::Empty));
            }
            // The first person may use the role's words; the unit's voice may not.
            let wording = if key.starts_with("personal_") { Wording::Own } else { Wording::Basic };
            check_wording_with(place, key, text, wording, &fields, words)?;
        }
        Ok(())
    }
}

/// The longest section id: section ids appear in addresses (`#/r/…/s/ID`), which take ids
/// of at most `report::MAX_ID_CHARS` (this file is also compiled alone by build.rs, so the
/// number is written here; a test holds the two equal).
pub const MAX_SECTION_ID_CHARS: usize = 64;

/// A name within a template: an item id, an input field id (both key a report's answers)
/// or a placeholder name. Lower-case ASCII letters, digits, `-` and `_`, not empty, of any
/// length. Not the rule for report ids (`report::valid_id`), which allows capitals and has
/// a length limit.
fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A piece of wording, split into literal text, placeholders and optional groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `{name}`.
    Slot(&'a str),
    /// `[...]`: printed only when every slot inside has a value.
    Optional(Vec<Piece<'a>>),
}

/// Splits wording into pieces.
pub fn parse_wording(text: &str) -> Result<Vec<Piece<'_>>, WordingError> {
    fn parse<'a>(text: &'a str, nested: bool, pos: &mut usize) -> Result<Vec<Piece<'a>>, WordingError> {
        let mut out = Vec::new();
        let mut start = *pos;
        while *pos < text.len() {
            // Only the four ASCII brackets matter: jump to the next one without decoding.
            let Some(skip) = text.as_bytes()[*pos..].iter().position(|b| matches!(b, b'{' | b'}' | b'[' | b']')) else {
                *pos = text.len();
                break;
            };
            *pos += skip;
            match text.as_bytes()[*pos] {
                b'{' => {
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    let close = text[*pos..].find('}').ok_or(WordingError::UnclosedBrace)?;
                    let name = &text[*pos + 1..*pos + close];
                    if !valid_key(name) {
                        return Err(WordingError::BadPlaceholderName { name: name.to_string() });
                    }
                    out.push(Piece::Slot(name));
                    *pos += close + 1;
                    start = *pos;
                }
                b'}' => return Err(WordingError::UnopenedBrace),
                b'[' => {
                    if nested {
                        return Err(WordingError::NestedBrackets);
                    }
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    *pos += 1;
                    let inner = parse(text, true, pos)?;
                    if !text[..*pos].ends_with(']') {
                        return Err(WordingError::UnclosedBracket);
                    }
                    out.push(Piece::Optional(inner));
                    start = *pos;
                }
                _ => {
                    // The only bracket left: ']'.
                    if !nested {
                        return Err(WordingError::UnopenedBracket);
                    }
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    *pos += 1;
                    return Ok(out);
                }
            }
        }
        if nested {
            return Err(WordingError::UnclosedBracket);
        }
        if start < *pos {
            out.push(Piece::Text(&text[start..*pos]));
        }
        Ok(out)
    }
    let mut pos = 0;
    parse(text, false, &mut pos)
}

/// [`check_wording_with`] for a wording that may use no item word.
fn check_wording(
    place: &Place,
    key: &'static str,
    text: &str,
    wording: Wording,
    fields: &[&str],
) -> Result<(), TemplateError> {
    check_wording_with(place, key, text, wording, fields, &[])
}

/// Checks one wording, the `key` of `place`: brackets balance, placeholders are ones this
/// kind of wording may use or the item's `fields`, field placeholders sit inside `[...]` (a
/// field may be left empty), optional groups hold a field placeholder, and no half-width
/// punctuation or stray space slips into the Chinese text. The template's item `words`
/// ([`ItemWord`]) may be used where `wording` is not `Fixed`; they too may be empty, so they
/// stand inside `[...]` and count as a group's optional name.
fn check_wording_with(
    place: &Place,
    key: &'static str,
    text: &str,
    wording: Wording,
    fields: &[&str],
    words: &[&str],
) -> Result<(), TemplateError> {
    use TemplateErrorKind as K;
    let err = |kind| TemplateError::new(place.key(key), kind);
    let pieces = parse_wording(text).map_err(|e| err(K::BadWording(e)))?;
    if let Some(found) = text.chars().find(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!')) {
        return Err(err(K::HalfWidthPunctuation { found }));
    }
    if text.contains("  ") || text.starts_with(' ') || text.ends_with(' ') {
        return Err(err(K::ExtraSpaces));
    }
    let words = if wording == Wording::Fixed { &[][..] } else { words };
    fn walk(
        pieces: &[Piece],
        optional: bool,
        wording: Wording,
        fields: &[&str],
        words: &[&str],
    ) -> Result<(), TemplateErrorKind> {
        for p in pieces {
            match p {
                Piece::Text(_) => {}
                // The theme may be empty, like a field: only inside brackets.
                Piece::Slot(s) if *s == Placeholder::Theme.name() && wording.accepts(s) && !optional => {
                    return Err(K::FieldOutsideBrackets { name: s.to_string() });
                }
                Piece::Slot(s) if wording.accepts(s) => {}
                Piece::Slot(s) if words.contains(s) => {
                    if !optional {
                        return Err(K::WordOutsideBrackets { name: s.to_string() });
                    }
                }
                Piece::Slot(s) if fields.contains(s) => {
                    if !optional {
                        return Err(K::FieldOutsideBrackets { name: s.to_string() });
                    }
                }
                Piece::Slot(s) => return Err(K::UnknownPlaceholder { name: s.to_string() }),
                Piece::Optional(inner) => {
                    walk(inner, true, wording, fields, words)?;
                    let may_be_empty =
                        |s: &str| fields.contains(&s) || words.contains(&s) || s == Placeholder::Theme.name();
                    if !inner.iter().any(|p| matches!(p, Piece::Slot(s) if may_be_empty(s))) {
                        return Err(K::BracketsWithoutField);
                    }
                }
            }
        }
        Ok(())
    }
    walk(&pieces, false, wording, fields, words).map_err(err)
}

/// Checks the keys of every input field in a template file read as plain data (see
/// [`FIELD_KEYS`]); the error names the section, the item and the field.
fn check_field_keys(raw: &serde_json::Value) -> Result<(), TemplateError> {
    let list = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_array()).cloned().unwrap_or_default();
    let text = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).unwrap_or("").to_string();
    for (sn, section) in list(raw, "sections").iter().enumerate() {
        let place = Place::section(sn, &text(section, "title"));
        for item in list(section, "items") {
            let place = place.item(&text(&item, "id"));
            for field in list(&item, "fields") {
                let Some(keys) = field.as_object() else { continue };
                if let Some(bad) = keys.keys().find(|k| !FIELD_KEYS.contains(&k.as_str())) {
                    return Err(TemplateError::new(
                        place.field(&text(&field, "id")),
                        TemplateErrorKind::MisspeltFieldKey { key: bad.clone() },
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
