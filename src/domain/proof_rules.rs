//! The proof-reader's rules as data: `templates/proof.toml`, a file a non-programmer can
//! extend, read into [`RuleSet`] and checked when zeren is built (`build.rs`, which writes it
//! as JSON beside the app: the checker reads it only when it is first needed). Each rule has
//! an id, a group (标点, 层级序号, 数字和日期, 规范表述, 易错词), a severity (错误 or 提示),
//! the standard it comes from, a message, a suggestion, and examples that must be flagged and
//! examples that must not (a test runs the checker over every one).
//!
//! Two kinds of rule. A rule with `words` is a table: each wrong form found in the text is
//! flagged with its right form (the typo list, canonical names, superseded sayings with the
//! day after which they are out of date). A rule without `words` is scanned for by code in
//! `proof.rs`, keyed by its id ([`CODE_RULES`] lists the ids that code knows); such a rule
//! may still carry `except`, words that look like a slip and are not (和谐 after a 顿号).
//!
//! This file is also compiled into the build script (with `date`), so it may use only
//! `serde` and `std`.
//!
//! Not here: the scanning (`proof`).

use super::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The whole rules file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

/// How serious a finding is: an error to correct, or a point to consider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    #[serde(rename = "错误")]
    Error,
    #[serde(rename = "提示")]
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
        }
    }
}

/// One rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// e.g. `punct.double`: the group in English, a dot, what it catches.
    pub id: String,
    /// 标点, 层级序号, 数字和日期, 规范表述 or 易错词.
    pub group: String,
    pub severity: Severity,
    /// The standard, e.g. `GB/T 15834-2011 4.1`.
    pub source: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to put it right, in plain words (a table rule adds the right form).
    pub suggestion: String,
    /// A table rule's wrong forms and their right forms.
    #[serde(default)]
    pub words: Vec<Word>,
    /// Words that look like this rule's slip and are not.
    #[serde(default)]
    pub except: Vec<String>,
    /// Texts the rule must flag.
    pub flag: Vec<String>,
    /// Texts the rule must not flag.
    pub pass: Vec<String>,
    /// The year the examples are read in (for rules that depend on the report's period);
    /// the examples are read as a whole year's report.
    #[serde(default)]
    pub example_year: Option<u16>,
}

/// One entry of a table rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub wrong: String,
    /// The right form; empty when there is none to offer (a placeholder left in).
    #[serde(default)]
    pub right: String,
    /// Flagged only in reports whose period begins after this day (a saying superseded then).
    #[serde(default)]
    pub after: Option<Date>,
}

/// The groups a rule may be in, in the order findings are listed.
pub const GROUPS: [&str; 5] = ["标点", "层级序号", "数字和日期", "规范表述", "易错词"];

/// The groups whose findings are fixed by an exact replacement that can be applied; the
/// others are advice.
pub const FIXABLE_GROUPS: [&str; 3] = ["标点", "层级序号", "数字和日期"];

/// The rules `proof.rs` scans for by code, by id.
pub const CODE_RULES: [&str; 23] = [
    "punct.double",
    "punct.halfwidth",
    "punct.space",
    "punct.pair",
    "punct.dunhao-conj",
    "punct.dunhao-quoted",
    "punct.ellipsis",
    "punct.heading-stop",
    "ordinal.mark",
    "ordinal.bracket",
    "ordinal.sequence",
    "ordinal.shi",
    "ordinal.di",
    "number.year-nian",
    "number.zero",
    "number.year-mixed",
    "number.leading-zero",
    "number.wenhao",
    "number.fullwidth",
    "number.date-period",
    "wording.superseded-congress",
    "words.doubled",
    "words.placeholder",
];

/// Something wrong in the rules file; `Display` names the rule and says what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub place: String,
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "校对规则有误（{}）：{}", self.place, self.message)
    }
}

impl std::error::Error for RulesError {}

impl RuleSet {
    /// Checks what the checker relies on: ids unique and known (a rule without words must be
    /// one the code scans for), groups known, every text field filled in, at least one
    /// example each way, table entries not empty nor repeated.
    pub fn validate(&self) -> Result<(), RulesError> {
        let err = |place: String, message: String| Err(RulesError { place, message });
        let mut ids = BTreeSet::new();
        for (n, r) in self.rules.iter().enumerate() {
            let place = format!("第{}条规则 {}", n + 1, r.id);
            if r.id.trim().is_empty() {
                return err(place, "id 不能为空".into());
            }
            if !ids.insert(r.id.as_str()) {
                return err(place, format!("id“{}”前面已经有了", r.id));
            }
            if !GROUPS.contains(&r.group.as_str()) {
                return err(place, format!("group 应为{}之一，实际为“{}”", GROUPS.join("、"), r.group));
            }
            for (key, value) in [("source", &r.source), ("message", &r.message), ("suggestion", &r.suggestion)] {
                if value.trim().is_empty() {
                    return err(place, format!("{key} 不能为空"));
                }
            }
            if r.words.is_empty() && !CODE_RULES.contains(&r.id.as_str()) {
                return err(
                    place,
                    "这条规则没有 words（错误写法和正确写法的对照表），程序里也没有同名的检查：请加上 words，或核对 id 的拼写"
                        .into(),
                );
            }
            if r.flag.is_empty() || r.pass.is_empty() {
                return err(place, "flag（应当查出的例句）和 pass（不应查出的例句）至少各写一句".into());
            }
            let mut wrongs = BTreeSet::new();
            for w in &r.words {
                if w.wrong.trim().is_empty() {
                    return err(place, "words 中的 wrong 不能为空".into());
                }
                if !wrongs.insert(w.wrong.as_str()) {
                    return err(place, format!("words 中的“{}”前面已经有了", w.wrong));
                }
                if w.wrong == w.right {
                    return err(place, format!("words 中“{}”的 wrong 和 right 相同", w.wrong));
                }
            }
        }
        Ok(())
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

impl Rule {
    /// Whether this rule's findings carry a fix that can be applied as it is.
    pub fn fixable(&self) -> bool {
        FIXABLE_GROUPS.contains(&self.group.as_str())
    }
}
