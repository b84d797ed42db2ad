//! Backup files: the user's reports written to a JSON file they keep, and such a file read
//! back later (perhaps on another PC) — checked, tidied and merged with what is saved.
//!
//! Reading accepts three shapes: a backup file written by [`export_all`] or [`export_one`]
//! (`{"zeren_backup": 1, "schema": …, "exported_ms": …, "reports": […]}`), a bare saved
//! envelope (what the browser's storage holds, and what early versions exported), and a
//! single bare report object. The version is checked and old data migrated by the same code
//! that reads the browser's storage ([`saved::upgrade`]).
//!
//! A file is refused only when nothing sensible can be read from it ([`ImportError`], each
//! with a plain message saying what to do). Anything odd inside an otherwise good file is
//! tidied instead, with a warning naming the report and the field: control and invisible
//! characters removed, over-long text cut, bad or repeated ids replaced, years and periods
//! brought into range. The result is a fixed point: exporting what was read and reading it
//! again gives the same reports, with no warnings.
//!
//! Text that looks like HTML (`<script>`, `<b>`, `&amp;`) is deliberately left exactly as
//! it is: the app never inserts user text as HTML (Leptos sets it as text nodes and
//! attribute values, and the Word output escapes it), so `<script>` is shown and printed as
//! those eight characters and cannot run. Altering it would only damage what the user typed.
//!
//! Not here: choosing and downloading files (see `browser::files`), asking the user to
//! confirm, and storing the result (the app's store).

use crate::domain::report::{valid_id, Report, ReportKind, MAX_ID_CHARS, MAX_YEAR, MIN_YEAR};
use crate::domain::saved::{self, Envelope, LoadError, SCHEMA};
use crate::domain::template::{Level, Role};
use crate::domain::text::{file_name_part, is_invisible};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::btree_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The version of the backup wrapper (`zeren_backup`); the data inside has its own version,
/// `schema`, which is the saved format's.
pub const BACKUP_FORMAT: u32 = 1;
/// Backup files start with this (`责任制报告备份-2026-06-18.json`); messages refer to it.
pub const FILE_PREFIX: &str = "责任制报告备份";
/// Larger files are refused before they are read.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// At most this many reports are read from one file.
pub const MAX_REPORTS: usize = 1000;
/// Limits, in characters: unit, person and meeting names.
pub const MAX_NAME_CHARS: usize = 100;
/// Limits, in characters: the template id, and the item and field ids that key answers.
pub const MAX_KEY_CHARS: usize = 100;
/// Limits, in characters: one typed value.
pub const MAX_VALUE_CHARS: usize = 2000;
/// Limits, in characters: a note, a problem, a plan.
pub const MAX_TEXT_CHARS: usize = 20000;
/// At most this many answered items per report.
pub const MAX_ANSWERS: usize = 500;
/// At most this many values per answer.
pub const MAX_VALUES: usize = 50;
/// At most this many problems (with plans) per report.
pub const MAX_PROBLEMS: usize = 200;
/// Timestamps are kept in whole milliseconds between 1970 and 2200.
const MAX_MS: f64 = 7_258_118_400_000.0;
/// Warnings beyond this many are summed up in one line.
const MAX_WARNINGS: usize = 30;
/// Of each kind of per-report warning, this many are listed.
const MAX_PER_REPORT: usize = 3;

// ---------------------------------------------------------------------------------------
// Export

#[derive(Serialize)]
struct BackupFile<'a> {
    zeren_backup: u32,
    schema: u32,
    exported_ms: f64,
    reports: &'a [Report],
    /// The user's own checklists the reports were made with (`custom`), so a report moved
    /// to another computer keeps its text.
    checklists: &'a [Value],
}

fn write(reports: &[Report], checklists: &[Value], now_ms: f64) -> String {
    let file = BackupFile { zeren_backup: BACKUP_FORMAT, schema: SCHEMA, exported_ms: now_ms, reports, checklists };
    serde_json::to_string_pretty(&file).expect("a backup always serialises")
}

/// A backup file holding every report (settings are not included: they belong to the
/// browser, not to the reports).
pub fn export_all(env: &Envelope, now_ms: f64) -> String {
    write(&env.reports, &env.checklists, now_ms)
}

/// A backup file holding one report (made with a built-in checklist, or see
/// [`export_one_with`]).
pub fn export_one(report: &Report, now_ms: f64) -> String {
    write(std::slice::from_ref(report), &[], now_ms)
}

/// A backup file holding one report and, when it was made with one of the user's own
/// checklists, that checklist (the edition it names, from `checklists`).
pub fn export_one_with(report: &Report, checklists: &[Value], now_ms: f64) -> String {
    let own: Vec<Value> = checklists
        .iter()
        .filter(|v| v.get("id").and_then(Value::as_str) == Some(report.template_id.as_str()))
        .cloned()
        .collect();
    write(std::slice::from_ref(report), &own, now_ms)
}

/// The name to offer for a backup file: `责任制报告备份-2026-06-18.json` for all reports,
/// `责任制报告备份-局党组2026年上半年-2026-06-18.json` for one. `day` is the date as the app
/// writes it. Each part is cleaned as every file name is (`text::file_name_part`).
pub fn file_name(day: &str, report: Option<&Report>) -> String {
    const PART_CHARS: usize = 40;
    let day = file_name_part(day, PART_CHARS);
    match report.map(|r| file_name_part(&report_label(r), PART_CHARS)) {
        Some(label) if !label.is_empty() => format!("{FILE_PREFIX}-{label}-{day}.json"),
        _ => format!("{FILE_PREFIX}-{day}.json"),
    }
}

/// How a report is named to the user: `局党组2026年上半年`, `张三2026年度个人对照检查`.
pub fn report_label(r: &Report) -> String {
    let person = r.person.trim();
    match r.kind {
        ReportKind::Personal if !person.is_empty() => format!("{person}{}个人对照检查", r.period_label()),
        ReportKind::Personal | ReportKind::Unit => {
            let kind = if r.kind == ReportKind::Personal { "个人对照检查" } else { "" };
            format!("{}{}{kind}", r.unit_name(), r.period_label())
        }
    }
}

// ---------------------------------------------------------------------------------------
// Import

/// What a backup file held, tidied, with what was tidied.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// At least one; ids valid (`[A-Za-z0-9_-]{1,64}`) and unique.
    pub reports: Vec<Report>,
    /// One line per thing changed or left out, in plain Chinese, for the confirm dialog.
    pub warnings: Vec<String>,
    /// The user checklists the file carries (JSON, as saved), those with a user
    /// checklist's id that can be read; at most [`MAX_CHECKLISTS`].
    pub checklists: Vec<Value>,
}

/// The most user checklists read from one file.
pub const MAX_CHECKLISTS: usize = 100;

/// Why a file cannot be imported. Nothing saved is changed in any of these cases; the
/// message (`Display`) says what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_FILE_BYTES`]; not read at all.
    TooLarge { bytes: usize },
    /// Nothing in it (or only spaces).
    Empty,
    /// Not UTF-8 text (an image, a Word file, text saved in another encoding).
    NotText,
    /// Text but not JSON; `truncated` when it ends part-way (an interrupted download).
    NotJson { line: usize, truncated: bool },
    /// JSON, but not a backup, a saved envelope or a report.
    WrongShape,
    /// Written by a newer zeren.
    Newer { found: u32 },
    /// zeren's data but damaged (e.g. an impossible version), so it cannot be migrated.
    Damaged { reason: String },
    /// A good file with no reports in it.
    NoReports,
    /// Every report in the file was unreadable.
    AllDamaged { count: usize },
}

const CHOOSE: &str = "请选择文件名以“责任制报告备份”开头的 .json 文件。";

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件太大（{:.1} MB），备份文件一般不超过1 MB。请确认选择的是本工具导出的备份文件。",
                *bytes as f64 / (1024.0 * 1024.0)
            ),
            ImportError::Empty => write!(f, "这个文件是空的，里面没有任何内容。{CHOOSE}"),
            ImportError::NotText => write!(
                f,
                "这个文件不是本工具导出的备份文件（它不是文本文件，或不是UTF-8编码）。{CHOOSE}如果曾用其他软件打开并另存过，请改用原来的文件。"
            ),
            ImportError::NotJson { truncated: true, .. } => write!(
                f,
                "这个文件不完整，可能在下载或复制时中断了，无法导入。请重新导出一份备份，或改用另一份备份文件。"
            ),
            ImportError::NotJson { line, truncated: false } => write!(
                f,
                "这个文件不是本工具导出的备份文件（第{line}行附近的内容无法识别，文件可能已损坏或被改动过）。{CHOOSE}如果曾用其他软件打开并保存过，请改用原来的文件。"
            ),
            ImportError::WrongShape => write!(f, "这个文件不是本工具导出的备份文件。{CHOOSE}"),
            ImportError::Newer { found } => write!(
                f,
                "这个备份文件是由更新版本的本工具导出的（格式版本{found}，本页面只认识到版本{SCHEMA}），本页面无法读取，现有报告没有任何改动。请打开最新版本的页面再导入。"
            ),
            ImportError::Damaged { reason } => write!(
                f,
                "这个备份文件已损坏或被改动过（{reason}），无法导入，现有报告没有任何改动。请改用原来的备份文件，或重新导出一份。"
            ),
            ImportError::NoReports => write!(
                f,
                "这个备份文件里没有报告，没有可以导入的内容。如果导出时已经有报告，请检查是否选错了文件。"
            ),
            ImportError::AllDamaged { count } => write!(
                f,
                "这个备份文件里的{count}份报告都已损坏，无法读取，没有可以导入的内容。请改用原来的备份文件，或重新导出一份。"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<LoadError> for ImportError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::Newer { found } => ImportError::Newer { found },
            LoadError::Unreadable { reason } => ImportError::Damaged { reason },
        }
    }
}

/// Reads a file the user chose: checks its size, encoding, shape and version, migrates old
/// data, and tidies every report (see the module comment). Nothing is saved here.
pub fn parse_backup(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Notepad on Windows may put a byte-order mark in front when a file is saved.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson { line: e.line(), truncated: e.is_eof() })?;
    let mut envelope = saved::upgrade(as_envelope(value)?)?;
    let Some(Value::Array(raw)) = envelope.get_mut("reports").map(Value::take) else {
        return Err(ImportError::WrongShape);
    };
    let checklists: Vec<Value> = match envelope.get_mut("checklists").map(Value::take) {
        Some(Value::Array(list)) => list
            .into_iter()
            .filter(|v| v.get("id").and_then(Value::as_str).is_some_and(crate::domain::custom::is_custom))
            .filter(|v| crate::domain::builtin::read::template_value(v.clone()).is_ok())
            .take(MAX_CHECKLISTS)
            .collect(),
        _ => Vec::new(),
    };
    if raw.is_empty() {
        return Err(ImportError::NoReports);
    }

    let mut warnings = Vec::new();
    let total = raw.len();
    if total > MAX_REPORTS {
        warnings.push(format!("文件中有{total}份报告，超过上限{MAX_REPORTS}份，只读取了前{MAX_REPORTS}份。"));
    }
    // (position in the file, from 1; report; its warnings)
    let mut read: Vec<(usize, Report, Fixes)> = Vec::new();
    for (i, raw) in raw.into_iter().take(MAX_REPORTS).enumerate() {
        let n = i + 1;
        match read_report(raw) {
            Some((report, fixes)) => read.push((n, report, fixes)),
            None => warnings.push(format!("第{n}份报告的内容格式不对，无法读取，已跳过。")),
        }
    }
    if read.is_empty() {
        return Err(ImportError::AllDamaged { count: total.min(MAX_REPORTS) });
    }

    // Ids: every valid id in the file is taken first, so a replacement never takes the id of
    // a later report.
    let mut taken: HashSet<String> =
        read.iter().filter(|(_, r, _)| valid_id(&r.id)).map(|(_, r, _)| r.id.clone()).collect();
    let mut first_with: HashMap<String, usize> = HashMap::new(); // id → index in `reports`
    let mut reports: Vec<Report> = Vec::with_capacity(read.len());
    let mut positions: Vec<usize> = Vec::with_capacity(read.len());
    for (n, mut report, mut fixes) in read {
        if !valid_id(&report.id) {
            report.id = fresh_id(&format!("imported-{n}"), &mut taken);
            fixes.other.push(format!("编号无效，已改为“{}”", report.id));
        } else if let Some(&j) = first_with.get(&*report.id) {
            if reports[j] == report {
                fixes.other.push(format!("与第{}份报告完全相同，只保留一份", positions[j]));
                warnings.extend(fixes.warnings(n, &report));
                continue;
            }
            report.id = fresh_id(&format!("imported-{n}"), &mut taken);
            fixes.other.push(format!("与第{}份报告编号相同，编号已改为“{}”", positions[j], report.id));
        }
        warnings.extend(fixes.warnings(n, &report));
        first_with.insert(report.id.clone(), reports.len());
        positions.push(n);
        reports.push(report);
    }

    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - (MAX_WARNINGS - 1);
        warnings.truncate(MAX_WARNINGS - 1);
        warnings.push(format!("……另有{more}条类似的处理，不再逐条列出。"));
    }
    Ok(Imported { reports, warnings, checklists })
}

/// Turns any accepted shape into an envelope-shaped value (`schema` and `reports`) for the
/// version check and migrations; refuses anything else.
fn as_envelope(value: Value) -> Result<Value, ImportError> {
    let Value::Object(mut map) = value else { return Err(ImportError::WrongShape) };
    let schema = if let Some(format) = map.get("zeren_backup") {
        let format = format.as_u64().filter(|f| *f > 0).ok_or(ImportError::WrongShape)?;
        if format > u64::from(BACKUP_FORMAT) {
            return Err(ImportError::Newer { found: u32::try_from(format).unwrap_or(u32::MAX) });
        }
        map.remove("schema")
    } else if map.contains_key("schema") && (map.contains_key("reports") || map.contains_key("revision")) {
        map.remove("schema")
    } else if ["id", "unit", "answers"].iter().all(|k| map.contains_key(*k)) {
        // A bare report carries no version: it is taken to be in the current format.
        return Ok(serde_json::json!({ "schema": SCHEMA, "reports": [Value::Object(map)] }));
    } else {
        return Err(ImportError::WrongShape);
    };
    // A file whose `schema` is not a number is not zeren's (e.g. a JSON Schema document).
    let schema = schema.filter(Value::is_u64).ok_or(ImportError::WrongShape)?;
    // Only what migrations need; a newer version may have changed `reports`, so its shape
    // is checked after the version.
    let reports = map.remove("reports").unwrap_or(Value::Null);
    let mut envelope = serde_json::json!({ "schema": schema, "reports": reports });
    if let Some(checklists) = map.remove("checklists") {
        envelope["checklists"] = checklists;
    }
    Ok(envelope)
}

/// One report from the file, tidied, or `None` when it cannot be read at all.
fn read_report(raw: Value) -> Option<(Report, Fixes)> {
    let Value::Object(mut obj) = raw else { return None };
    let mut fixes = Fixes::default();
    fix_numbers(&mut obj, &mut fixes);
    fix_level(&mut obj, &mut fixes);
    fix_role(&mut obj, &mut fixes);
    let mut report: Report = serde_json::from_value(Value::Object(obj)).ok()?;
    tidy(&mut report, &mut fixes);
    Some((report, fixes))
}

/// Brings the year and the period's numbers into range before they are read (a year of
/// 99999 does not even fit the model), so such a report is kept rather than refused.
fn fix_numbers(obj: &mut Map<String, Value>, fixes: &mut Fixes) {
    // An id that is not text is dropped: the report gets a fresh one (with a warning) instead
    // of being lost.
    if obj.get("id").is_some_and(|id| !id.is_string()) {
        obj.remove("id");
    }
    if let Some(year) = obj.get("year").and_then(Value::as_f64) {
        let fixed = year.round().clamp(f64::from(MIN_YEAR), f64::from(MAX_YEAR)) as u16;
        if f64::from(fixed) != year {
            fixes.other.push(format!("年份{}不在{MIN_YEAR}—{MAX_YEAR}之间，已改为{fixed}", show_number(year)));
        }
        obj.insert("year".into(), fixed.into());
    }
    if let Some(Value::Object(period)) = obj.get_mut("period") {
        for (key, max, what) in [("quarter", 4.0, "季度"), ("from", 12.0, "起始月份"), ("to", 12.0, "结束月份")]
        {
            if let Some(v) = period.get(key).and_then(Value::as_f64) {
                let fixed = v.round().clamp(1.0, max) as u8;
                if f64::from(fixed) != v {
                    fixes.other.push(format!("报告期间的{what}{}不合理，已改为{fixed}", show_number(v)));
                }
                period.insert(key.into(), fixed.into());
            }
        }
    }
}

/// Drops a level (党组织类型) this version does not know, so the report is kept and its
/// level follows the unit's name again, as before one was chosen.
fn fix_level(obj: &mut Map<String, Value>, fixes: &mut Fixes) {
    let known = |v: &Value| v.is_null() || v.as_str().is_some_and(|id| Level::from_id(id).is_some());
    if let Some(bad) = obj.get("level").filter(|v| !known(v)) {
        let shown: String = match bad {
            Value::String(s) => s.chars().filter(|c| !c.is_control() && !is_invisible(*c)).take(20).collect(),
            _ => String::new(),
        };
        fixes.other.push(if shown.is_empty() {
            "党组织类型无法识别，已改为按单位名称判断".to_string()
        } else {
            format!("党组织类型“{shown}”无法识别，已改为按单位名称判断")
        });
        obj.remove("level");
    }
}

/// Drops a role (本人职责) this version does not know, so the report is kept and prints
/// every duty, as before one was chosen.
fn fix_role(obj: &mut Map<String, Value>, fixes: &mut Fixes) {
    let known = |v: &Value| v.is_null() || v.as_str().is_some_and(|id| Role::from_id(id).is_some());
    if let Some(bad) = obj.get("role").filter(|v| !known(v)) {
        let shown: String = match bad {
            Value::String(s) => s.chars().filter(|c| !c.is_control() && !is_invisible(*c)).take(20).collect(),
            _ => String::new(),
        };
        fixes.other.push(if shown.is_empty() {
            "本人职责无法识别，已改为未选择".to_string()
        } else {
            format!("本人职责“{shown}”无法识别，已改为未选择")
        });
        obj.remove("role");
    }
}

fn show_number(v: f64) -> String {
    let s = format!("{v}");
    if s.chars().count() > 12 {
        format!("{v:e}")
    } else {
        s
    }
}

/// Cleans every string of a report, cuts what is too long or too many, fixes timestamps.
fn tidy(r: &mut Report, fixes: &mut Fixes) {
    fixes.text(&mut r.unit, Line::Single, MAX_NAME_CHARS, || "单位名称".into());
    fixes.text(&mut r.person, Line::Single, MAX_NAME_CHARS, || "姓名和职务".into());
    fixes.text(&mut r.meeting, Line::Single, MAX_NAME_CHARS, || "会议名称".into());
    fixes.text(&mut r.areas, Line::Single, MAX_NAME_CHARS, || "分管的科室或领域".into());
    fixes.text(&mut r.theme, Line::Single, MAX_NAME_CHARS, || "会议主题".into());
    fixes.text(&mut r.aspects, Line::Multi, MAX_NAME_CHARS * 10, || "查摆问题的方面".into());
    fixes.text(&mut r.recipient, Line::Single, MAX_NAME_CHARS, || "主送机关".into());
    fixes.text(&mut r.dated, Line::Single, MAX_NAME_CHARS, || "成文日期".into());
    fixes.text(&mut r.template_id, Line::Single, MAX_KEY_CHARS, || "清单模板编号".into());
    fixes.text(&mut r.last_year, Line::Multi, MAX_TEXT_CHARS, || "上年度整改落实情况".into());
    // The choice of points that stand alone: headings and ids are keys; a heading has at
    // most a few dozen points.
    let merge_alone = std::mem::take(&mut r.merge_alone);
    for (mut key, ids) in merge_alone.into_iter().take(MAX_VALUES) {
        fixes.text(&mut key, Line::Single, MAX_KEY_CHARS, || "合并设置的标题".into());
        let ids: Vec<String> = ids
            .into_iter()
            .take(MAX_VALUES)
            .map(|mut id| {
                fixes.text(&mut id, Line::Single, MAX_KEY_CHARS, || "合并设置的条目".into());
                id
            })
            .collect();
        r.merge_alone.insert(key, ids);
    }

    let answers = std::mem::take(&mut r.answers);
    let count = answers.len();
    for (mut item, mut answer) in answers {
        if r.answers.len() == MAX_ANSWERS {
            fixes.other.push(format!("有{count}项清单的填写内容，超过上限{MAX_ANSWERS}项，只保留了前{MAX_ANSWERS}项"));
            break;
        }
        fixes.text(&mut item, Line::Single, MAX_KEY_CHARS, || "清单项编号".into());
        let name = short(&item, 20);
        let values = std::mem::take(&mut answer.values);
        let value_count = values.len();
        for (mut field, mut value) in values {
            if answer.values.len() == MAX_VALUES {
                fixes.other.push(format!(
                    "清单项“{name}”有{value_count}个填写项，超过上限{MAX_VALUES}个，只保留了前{MAX_VALUES}个"
                ));
                break;
            }
            fixes.text(&mut field, Line::Single, MAX_KEY_CHARS, || format!("清单项“{name}”的填写项编号"));
            let field_name = short(&field, 20);
            // Values may be several sentences (long-text fields), so line breaks stay.
            fixes.text(&mut value, Line::Multi, MAX_VALUE_CHARS, || format!("清单项“{name}”的“{field_name}”"));
            match answer.values.entry(field) {
                Entry::Occupied(_) => {
                    fixes.other.push(format!("清单项“{name}”的填写项“{field_name}”重复，只保留了第一个"))
                }
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
            }
        }
        fixes.text(&mut answer.note, Line::Multi, MAX_TEXT_CHARS, || format!("清单项“{name}”的补充说明"));
        match r.answers.entry(item) {
            Entry::Occupied(_) => fixes.other.push(format!("清单项“{name}”重复，只保留了第一个")),
            Entry::Vacant(slot) => {
                slot.insert(answer);
            }
        }
    }

    if let Some(problems) = &mut r.problems {
        if problems.len() > MAX_PROBLEMS {
            fixes
                .other
                .push(format!("有{}条问题，超过上限{MAX_PROBLEMS}条，只保留了前{MAX_PROBLEMS}条", problems.len()));
            problems.truncate(MAX_PROBLEMS);
        }
        for (k, p) in problems.iter_mut().enumerate() {
            fixes.text(&mut p.problem, Line::Multi, MAX_TEXT_CHARS, || format!("第{}条问题", k + 1));
            fixes.text(&mut p.plan, Line::Multi, MAX_TEXT_CHARS, || format!("第{}条整改措施", k + 1));
            fixes.text(&mut p.aspect, Line::Single, MAX_NAME_CHARS, || format!("第{}条问题所属的方面", k + 1));
        }
    }

    // Whole milliseconds (which JSON carries exactly) within a sensible range.
    for (ms, what) in [(&mut r.created_ms, "创建时间"), (&mut r.updated_ms, "修改时间")] {
        let fixed = ms.round().clamp(0.0, MAX_MS) + 0.0;
        if fixed != ms.round() {
            fixes.other.push(format!("{what}不合理，已更正"));
        }
        *ms = fixed;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Names and ids: no control characters at all.
    Single,
    /// Notes, values, problems, plans: line breaks (`\n`) and tabs stay; `\r\n` and a lone
    /// `\r` become `\n`.
    Multi,
}

/// What was changed in one report, to be told as warnings.
#[derive(Default)]
struct Fixes {
    /// Places where control or invisible characters were removed.
    cleaned: Vec<String>,
    /// (place, length in characters, limit)
    cut: Vec<(String, usize, usize)>,
    /// Other changes, each a phrase.
    other: Vec<String>,
}

impl Fixes {
    /// Cleans `s` and cuts it to `max` characters, noting what was done at `place`.
    fn text(&mut self, s: &mut String, line: Line, max: usize, place: impl FnOnce() -> String) {
        let removed = clean(s, line);
        let cut = cut(s, max);
        if removed || cut.is_some() {
            let place = place();
            if removed {
                self.cleaned.push(place.clone());
            }
            if let Some(len) = cut {
                self.cut.push((place, len, max));
            }
        }
    }

    /// The warnings for the `n`th report of the file, at most a few of each kind.
    fn warnings(self, n: usize, report: &Report) -> Vec<String> {
        let who = format!("第{n}份报告“{}”", short(&report_label(report), 40));
        let mut out = Vec::new();
        if !self.cleaned.is_empty() {
            let mut places = self.cleaned.iter().take(MAX_PER_REPORT).cloned().collect::<Vec<_>>().join("、");
            if self.cleaned.len() > MAX_PER_REPORT {
                places.push_str(&format!("等{}处", self.cleaned.len()));
            }
            out.push(format!("{who}：{places}中有控制字符或不可见字符（如文字方向控制符），已删除。"));
        }
        for (place, len, max) in self.cut.iter().take(MAX_PER_REPORT) {
            out.push(format!("{who}：{place}过长（{len}字），已截断，只保留前{max}字。"));
        }
        if self.cut.len() > MAX_PER_REPORT {
            out.push(format!("{who}：另有{}处过长的内容也已截断。", self.cut.len() - MAX_PER_REPORT));
        }
        for o in self.other.iter().take(MAX_PER_REPORT) {
            out.push(format!("{who}：{o}。"));
        }
        if self.other.len() > MAX_PER_REPORT {
            out.push(format!("{who}：另有{}处类似的处理。", self.other.len() - MAX_PER_REPORT));
        }
        out
    }
}

fn allowed(c: char, line: Line) -> bool {
    if is_invisible(c) {
        return false;
    }
    !c.is_control() || (line == Line::Multi && (c == '\n' || c == '\t'))
}

/// Removes control and invisible characters; true when any was removed (turning `\r\n` into
/// `\n` in multi-line text is not counted: it is how browsers keep line breaks anyway).
fn clean(s: &mut String, line: Line) -> bool {
    if s.chars().all(|c| allowed(c, line) && c != '\r') {
        return false;
    }
    let mut out = String::with_capacity(s.len());
    let mut removed = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && line == Line::Multi {
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if allowed(c, line) {
            out.push(c);
        } else {
            removed = true;
        }
    }
    *s = out;
    removed
}

/// Cuts `s` to `max` characters; its length before when it was cut.
fn cut(s: &mut String, max: usize) -> Option<usize> {
    let (at, _) = s.char_indices().nth(max)?;
    let len = s.chars().count();
    s.truncate(at);
    Some(len)
}

/// At most `max` characters, with … when cut (for naming things in messages).
fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// `base`, or `base-2`, `base-3`… whichever is free (kept within [`MAX_ID_CHARS`]); taken.
fn fresh_id(base: &str, taken: &mut HashSet<String>) -> String {
    debug_assert!(valid_id(base), "fresh ids grow from valid (ASCII) ids");
    let mut id = base.to_string();
    let mut k = 1;
    while !valid_id(&id) || taken.contains(&id) {
        k += 1;
        let suffix = format!("-{k}");
        let keep = base.len().min(MAX_ID_CHARS - suffix.len());
        id = format!("{}{suffix}", &base[..keep]);
    }
    taken.insert(id.clone());
    id
}

/// A summary of a file's contents for the confirm dialog: how many reports, their names,
/// and what was tidied.
pub fn describe(imported: &Imported) -> String {
    const LISTED: usize = 10;
    let names: Vec<String> = imported.reports.iter().take(LISTED).map(|r| short(&report_label(r), 40)).collect();
    let mut s = format!("文件中有{}份报告：{}", imported.reports.len(), names.join("、"));
    s.push_str(if imported.reports.len() > LISTED { "等。" } else { "。" });
    if !imported.warnings.is_empty() {
        s.push_str("\n读取时作了以下处理：");
        for w in &imported.warnings {
            s.push_str("\n· ");
            s.push_str(w);
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// Merge

/// How imported reports join the saved ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep every saved report and add the imported ones.
    Add,
    /// Keep only the imported reports (the settings stay).
    Replace,
}

/// What [`merge`] did; `Display` says it to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeSummary {
    pub mode: ImportMode,
    /// Reports added, including those renamed.
    pub added: usize,
    /// Of those, how many got a new id because theirs was in use by a different report.
    pub renamed: usize,
    /// Reports left out because the same report is already there.
    pub skipped: usize,
    /// Saved reports dropped (only when replacing).
    pub removed: usize,
}

impl fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mode {
            ImportMode::Replace => {
                write!(f, "已用备份文件中的{}份报告替换原有的{}份报告", self.added, self.removed)?;
            }
            ImportMode::Add => {
                write!(f, "已导入{}份报告", self.added)?;
                if self.renamed > 0 {
                    write!(f, "（其中{}份与已有报告编号相同但内容不同，已作为新报告保存）", self.renamed)?;
                }
            }
        }
        if self.skipped > 0 {
            write!(f, "；{}份与已有报告完全相同，已跳过", self.skipped)?;
        }
        write!(f, "。")
    }
}

/// The saved data after importing, and what changed. Pure: `existing` is left as it is, so
/// the app can ask the user to confirm before saving the result. The revision is the
/// existing one; saving moves it on as for any other change.
///
/// Add keeps every saved report. An imported report whose id is free is added; one whose id
/// is in use is skipped when the same report (apart from the id) is already there, and
/// otherwise added under a new id (`id-2`, `id-3`…), so nothing is overwritten and importing
/// the same file twice adds nothing the second time. Replace keeps only the imported
/// reports (with the same care for repeated ids among them) and the settings.
pub fn merge(existing: &Envelope, imported: Vec<Report>, mode: ImportMode) -> (Envelope, MergeSummary) {
    let mut env = existing.clone();
    let mut summary = MergeSummary { mode, added: 0, renamed: 0, skipped: 0, removed: 0 };
    if mode == ImportMode::Replace {
        summary.removed = env.reports.len();
        env.reports.clear();
    }
    let mut taken: HashSet<String> = env.reports.iter().map(|r| r.id.clone()).collect();
    for mut report in imported {
        if taken.contains(&report.id) || !valid_id(&report.id) {
            if env.reports.iter().any(|r| same_but_id(r, &report)) {
                summary.skipped += 1;
                continue;
            }
            let base = if valid_id(&report.id) { report.id.clone() } else { "imported".to_string() };
            report.id = fresh_id(&base, &mut taken);
            summary.renamed += 1;
        } else {
            taken.insert(report.id.clone());
        }
        env.reports.push(report);
        summary.added += 1;
    }
    (env, summary)
}

/// Equal in everything but the id. Written out field by field so that a new field cannot
/// be forgotten (the pattern stops compiling).
fn same_but_id(a: &Report, b: &Report) -> bool {
    let Report {
        id: _,
        unit,
        year,
        period,
        kind,
        person,
        meeting,
        recipient,
        dated,
        level,
        role,
        areas,
        theme,
        aspects,
        last_year,
        merge_alone,
        template_id,
        answers,
        problems,
        created_ms,
        updated_ms,
    } = a;
    *unit == b.unit
        && *year == b.year
        && *period == b.period
        && *kind == b.kind
        && *person == b.person
        && *meeting == b.meeting
        && *recipient == b.recipient
        && *dated == b.dated
        && *level == b.level
        && *role == b.role
        && *areas == b.areas
        && *theme == b.theme
        && *aspects == b.aspects
        && *last_year == b.last_year
        && *merge_alone == b.merge_alone
        && *template_id == b.template_id
        && *created_ms == b.created_ms
        && *updated_ms == b.updated_ms
        && *problems == b.problems
        && *answers == b.answers
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
