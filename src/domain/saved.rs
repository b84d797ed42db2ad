//! The saved format: everything zeren keeps in the browser, as one versioned envelope.
//! Reading checks the version first: data from a newer zeren is refused (and must be left
//! untouched by the caller), data from an older one is migrated, and unreadable data is
//! reported with a reason, never replaced by an empty default.
//!
//! Not here: the browser's storage itself (see `browser::storage`).

use crate::domain::report::Report;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The version this build writes.
pub const SCHEMA: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    /// Increases on every save; lets a tab notice that another tab saved after it read.
    pub revision: u64,
    pub reports: Vec<Report>,
    #[serde(default)]
    pub settings: Settings,
    /// The user's own checklists (我的清单), every edition a report uses and the newest of
    /// each, as the JSON of `template::Template` (`domain::custom`). Read by
    /// `builtin::register` when the data is loaded. Added in version 2.
    #[serde(default)]
    pub checklists: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// The report open last, to resume there.
    pub last_report: Option<String>,
    /// The page open last (its address hash), reopened when zeren is opened at its bare
    /// address. A field added within schema 1: older data simply lacks it.
    pub last_page: Option<String>,
    /// When the user last exported a backup (ms since 1970), 0 if never.
    pub last_export_ms: f64,
    /// The interface's text size, chosen on 我的报告 (not the report preview or print).
    /// A field added within schema 1: older data lacks it and reads as standard.
    pub text_size: TextSize,
}

/// 文字大小: how large the interface's text is, for leaders who read at arm's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    Large,
    Larger,
    /// Last, to catch what a later version may add (serde's `other` must be last).
    #[default]
    #[serde(other)]
    Standard,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Larger];

    /// The choice as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Standard => "标准",
            TextSize::Large => "大",
            TextSize::Larger => "特大",
        }
    }

    /// The value of the page's `data-text` attribute, which the style sheet scales by.
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope {
            schema: SCHEMA,
            revision: 0,
            reports: Vec::new(),
            settings: Settings::default(),
            checklists: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Written by a newer zeren; leave it alone.
    Newer { found: u32 },
    /// Not zeren's data, or damaged.
    Unreadable { reason: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Newer { found } => write!(
                f,
                "这些数据是由更新版本的本工具保存的（格式版本{found}，本页面只认识到版本{SCHEMA}）。为避免损坏，本页面不会改动它们，请使用最新版本的页面打开。"
            ),
            LoadError::Unreadable { reason } => write!(f, "保存的数据无法读取（{reason}）。"),
        }
    }
}

impl Envelope {
    pub fn from_json(text: &str) -> Result<Envelope, LoadError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| LoadError::Unreadable { reason: format!("不是有效的数据：{e}") })?;
        let value = upgrade(value)?;
        serde_json::from_value(value)
            .map_err(|e| LoadError::Unreadable { reason: format!("内容不完整或格式不对：{e}") })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the saved format always serialises")
    }

    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.id == id)
    }

    pub fn report_mut(&mut self, id: &str) -> Option<&mut Report> {
        self.reports.iter_mut().find(|r| r.id == id)
    }
}

/// Checks the version of saved data (an envelope as a JSON value) and brings it up to
/// [`SCHEMA`]: refuses data from a newer zeren ([`LoadError::Newer`]) and data without a
/// usable version number, and migrates data from an older one. Used by
/// [`Envelope::from_json`] and by backup import (`backup::parse_backup`), so both read old
/// data the same way.
pub fn upgrade(value: Value) -> Result<Value, LoadError> {
    let schema = value
        .get("schema")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| LoadError::Unreadable { reason: "缺少格式版本号".into() })?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA {
        return Err(LoadError::Newer { found: schema });
    }
    migrate(value, schema)
}

/// One migration step: takes an envelope (as a JSON value) of version `n` and returns it
/// as version `n + 1`, with `schema` set to `n + 1`.
type Step = fn(Value) -> Result<Value, LoadError>;

/// The migration steps, in order: `STEPS[0]` takes version 1 to 2, `STEPS[1]` takes 2 to 3,
/// and so on.
///
/// To add version 3 (as version 2 was added):
/// 1. Keep `tests/fixtures/saved-v1.json` exactly as it is: it is real version-1 data, and
///    the new step is tested against it. (Never edit an old fixture to suit new code.)
/// 2. Bump [`SCHEMA`] and change `Envelope`/`Report` as needed.
/// 3. Write `fn v2_to_v3(value: Value) -> Result<Value, LoadError>` working on the JSON value
///    (not the new structs, which no longer describe version 1): change what changed in
///    `reports` and `settings`, and set `"schema": 2`. It may meet an envelope without
///    `revision` or `settings` (backup files carry only `schema` and `reports`), so it must
///    not rely on them. Add it to `STEPS`.
/// 4. Add a test that loads the v1 fixture with `Envelope::from_json` and checks the
///    migrated values, and save a `saved-v2.json` fixture for the next migration.
///
/// The assertion below keeps `SCHEMA` and `STEPS` in step with each other.
const STEPS: &[Step] = &[v1_to_v2];

/// Version 2 keeps the user's own checklists beside the reports (`checklists`); version 1
/// had none. Nothing else changed. A backup file (no `revision`, no `settings`) goes
/// through the same step.
fn v1_to_v2(mut value: Value) -> Result<Value, LoadError> {
    let Some(obj) = value.as_object_mut() else {
        return Err(LoadError::Unreadable { reason: "数据不是一个对象".into() });
    };
    obj.entry("checklists").or_insert_with(|| Value::Array(Vec::new()));
    obj.insert("schema".into(), Value::from(2));
    Ok(value)
}
const _: () = assert!(STEPS.len() + 1 == SCHEMA as usize, "one migration step per version after the first");

/// Runs the migration steps from version `from` up to [`SCHEMA`], one at a time (none yet:
/// see [`STEPS`] for how to add version 2). `from` must not be newer than `SCHEMA` (checked
/// by [`upgrade`]); version 0 never existed and is refused as damaged.
fn migrate(mut value: Value, from: u32) -> Result<Value, LoadError> {
    if from == 0 {
        return Err(LoadError::Unreadable { reason: "格式版本号0不存在".into() });
    }
    for version in from..SCHEMA {
        let step = STEPS[(version - 1) as usize];
        value = step(value)?;
        debug_assert_eq!(value.get("schema").and_then(|v| v.as_u64()), Some(u64::from(version) + 1));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_data_migrates_to_version_2_with_no_checklists() {
        let text = include_str!("../../tests/fixtures/saved-v1.json");
        let v1: Value = serde_json::from_str(text).unwrap();
        assert_eq!(v1["schema"], 1);
        let e = Envelope::from_json(text).expect("version 1 loads");
        assert_eq!(e.schema, 2);
        assert!(e.checklists.is_empty());
        assert_eq!(e.reports.len(), v1["reports"].as_array().unwrap().len());
        // A backup file of version 1 (no revision, no settings) migrates the same way.
        let backup = upgrade(serde_json::json!({ "schema": 1, "reports": [] })).unwrap();
        assert_eq!(backup, serde_json::json!({ "schema": 2, "reports": [], "checklists": [] }));
    }

    #[test]
    fn round_trips() {
        let mut e = Envelope::default();
        e.reports.push(Report::new("a", 1.0));
        e.revision = 7;
        assert_eq!(Envelope::from_json(&e.to_json()), Ok(e));
    }

    #[test]
    fn text_size_reads_old_new_and_unknown_values() {
        let old = Envelope::from_json(r#"{"schema":1,"revision":1,"reports":[]}"#).unwrap();
        assert_eq!(old.settings.text_size, TextSize::Standard);
        let mut e = Envelope::default();
        e.settings.text_size = TextSize::Larger;
        assert_eq!(Envelope::from_json(&e.to_json()).unwrap().settings.text_size, TextSize::Larger);
        // A size a later version may add reads as standard instead of making the data unreadable.
        let later = r#"{"schema":1,"revision":1,"reports":[],"settings":{"text_size":"huge"}}"#;
        assert_eq!(Envelope::from_json(later).unwrap().settings.text_size, TextSize::Standard);
        let keys: Vec<_> = TextSize::ALL.iter().map(|t| t.key()).collect();
        assert_eq!(keys, ["standard", "large", "larger"]);
    }

    #[test]
    fn refuses_newer_and_reports_damage() {
        assert_eq!(
            Envelope::from_json(r#"{"schema":99,"revision":1,"reports":[]}"#),
            Err(LoadError::Newer { found: 99 })
        );
        assert!(matches!(Envelope::from_json("{\"schema\":1,\"rev"), Err(LoadError::Unreadable { .. })));
        assert!(matches!(Envelope::from_json("[]"), Err(LoadError::Unreadable { .. })));
        assert!(matches!(
            Envelope::from_json(r#"{"schema":1,"revision":1,"reports":[{"answers":5}]}"#),
            Err(LoadError::Unreadable { .. })
        ));
    }

    #[test]
    fn refuses_version_zero_and_missing_version() {
        assert!(matches!(
            Envelope::from_json(r#"{"schema":0,"revision":1,"reports":[]}"#),
            Err(LoadError::Unreadable { .. })
        ));
        assert!(matches!(Envelope::from_json(r#"{"revision":1,"reports":[]}"#), Err(LoadError::Unreadable { .. })));
        assert!(matches!(
            Envelope::from_json(r#"{"schema":"1","revision":1,"reports":[]}"#),
            Err(LoadError::Unreadable { .. })
        ));
        assert_eq!(
            Envelope::from_json(r#"{"schema":4294967296,"revision":1,"reports":[]}"#),
            Err(LoadError::Newer { found: u32::MAX })
        );
    }

    /// The version-1 fixture: real data as version 1 wrote it. A future version-2 migration
    /// is tested against this file; it must never be edited to suit newer code.
    #[test]
    fn loads_the_version_1_fixture() {
        use crate::domain::report::{Period, ReportKind, Status};
        let e = Envelope::from_json(include_str!("../../tests/fixtures/saved-v1.json")).expect("v1 fixture loads");
        assert_eq!(e.schema, 2, "migrated on loading");
        assert_eq!(e.revision, 42);
        assert_eq!(e.reports.len(), 2);
        assert_eq!(e.settings.last_report.as_deref(), Some("r19a1b2c3d4e5f6"));
        let unit = &e.reports[0];
        assert_eq!(unit.unit, "局党组");
        assert_eq!((unit.year, unit.period, unit.kind), (2026, Period::FirstHalf, ReportKind::Unit));
        assert_eq!(unit.status("special-study"), Status::Done);
        assert_eq!(unit.answers["special-study"].values["meetings"], "2");
        assert!(unit.answers["situation-analysis"].note.contains('\n'));
        assert!(unit.problems.is_none());
        let personal = &e.reports[1];
        assert_eq!(personal.kind, ReportKind::Personal);
        assert_eq!(personal.person, "张三（党组成员、副局长）");
        assert_eq!(personal.problems.as_ref().map(|p| p.len()), Some(2));
        // Nothing is lost: writing it back and reading it again gives the same data.
        assert_eq!(Envelope::from_json(&e.to_json()), Ok(e));
    }
}
