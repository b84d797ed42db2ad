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
}

fn write(reports: &[Report], now_ms: f64) -> String {
    let file = BackupFile { zeren_backup: BACKUP_FORMAT, schema: SCHEMA, exported_ms: now_ms, reports };
    serde_json::to_string_pretty(&file).expect("a backup always serialises")
}

/// A backup file holding every report (settings are not included: they belong to the
/// browser, not to the reports).
pub fn export_all(env: &Envelope, now_ms: f64) -> String {
    write(&env.reports, now_ms)
}

/// A backup file holding one report.
pub fn export_one(report: &Report, now_ms: f64) -> String {
    write(std::slice::from_ref(report), now_ms)
}

/// The name to offer for a backup file: `责任制报告备份-2026-06-18.json` for all reports,
/// `责任制报告备份-局党组2026年上半年-2026-06-18.json` for one. `day` is the date as the app
/// writes it. Characters that file systems refuse are left out.
pub fn file_name(day: &str, report: Option<&Report>) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control() && !is_invisible(*c) && !r#"\/:*?"<>|"#.contains(*c))
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .take(40)
            .collect()
    };
    let day = safe(day);
    match report.map(|r| safe(&report_label(r))) {
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
}

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
    Ok(Imported { reports, warnings })
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
    Ok(serde_json::json!({ "schema": schema, "reports": reports }))
}

/// One report from the file, tidied, or `None` when it cannot be read at all.
fn read_report(raw: Value) -> Option<(Report, Fixes)> {
    let Value::Object(mut obj) = raw else { return None };
    let mut fixes = Fixes::default();
    fix_numbers(&mut obj, &mut fixes);
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
    fixes.text(&mut r.recipient, Line::Single, MAX_NAME_CHARS, || "主送机关".into());
    fixes.text(&mut r.dated, Line::Single, MAX_NAME_CHARS, || "成文日期".into());
    fixes.text(&mut r.template_id, Line::Single, MAX_KEY_CHARS, || "清单模板编号".into());

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

/// Characters that show as nothing but can hide or reorder text: zero-width spaces and
/// joiners, direction marks, embeddings, overrides and isolates, word joiners, the BOM.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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
        && *template_id == b.template_id
        && *created_ms == b.created_ms
        && *updated_ms == b.updated_ms
        && *problems == b.problems
        && *answers == b.answers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Answer, Period, ProblemPlan, Status};

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/backup/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn v1() -> Envelope {
        Envelope::from_json(include_str!("../../tests/fixtures/saved-v1.json")).expect("v1 fixture loads")
    }

    fn report(id: &str, unit: &str) -> Report {
        Report { unit: unit.into(), ..Report::new(id, 1_780_000_000_000.0) }
    }

    /// A backup file (as JSON text) holding these report objects.
    fn file(reports: Vec<Value>) -> Vec<u8> {
        serde_json::json!({ "zeren_backup": 1, "schema": SCHEMA, "exported_ms": 1.0, "reports": reports })
            .to_string()
            .into_bytes()
    }

    fn as_value(r: &Report) -> Value {
        serde_json::to_value(r).unwrap()
    }

    fn one(r: Value) -> Imported {
        parse_backup(&file(vec![r])).expect("file is read")
    }

    fn err(bytes: &[u8]) -> ImportError {
        parse_backup(bytes).expect_err("file is refused")
    }

    /// Messages are plain text, say what to do, and never show Rust or serde internals.
    fn assert_plain(e: &ImportError) {
        let m = e.to_string();
        assert!(m.ends_with('。'), "{m}");
        assert!(m.contains('请'), "says what to do: {m}");
        assert!(!m.contains("expected") && !m.contains("Error") && !m.contains("line "), "{m}");
    }

    // --- Refusals --------------------------------------------------------------------

    #[test]
    fn refuses_files_over_5_mb_before_reading_them() {
        // Not even UTF-8: the size is checked first.
        let big = vec![0xFFu8; MAX_FILE_BYTES + 1];
        assert_eq!(err(&big), ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1 });
        assert_eq!(
            ImportError::TooLarge { bytes: 12_900_000 }.to_string(),
            "文件太大（12.3 MB），备份文件一般不超过1 MB。请确认选择的是本工具导出的备份文件。"
        );
        assert_plain(&err(&big));
        // Exactly at the limit is read.
        let mut ok = export_one(&report("a", "局党组"), 1.0).into_bytes();
        ok.resize(MAX_FILE_BYTES, b' ');
        assert_eq!(parse_backup(&ok).unwrap().reports.len(), 1);
    }

    #[test]
    fn refuses_empty_files() {
        for bytes in [&b""[..], b"   \n\t", "\u{FEFF}".as_bytes()] {
            let e = err(bytes);
            assert_eq!(e, ImportError::Empty);
            assert_plain(&e);
        }
    }

    #[test]
    fn refuses_files_that_are_not_utf8_text() {
        let gbk = fixture("not-utf8.json");
        assert_eq!(err(&gbk), ImportError::NotText);
        assert_eq!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), ImportError::NotText);
        // UTF-16, as Notepad's "Unicode" saves.
        let utf16: Vec<u8> = "\u{FEFF}{\"schema\":1}".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(err(&utf16), ImportError::NotText);
        assert!(err(&gbk).to_string().contains("责任制报告备份"));
        assert_plain(&err(&gbk));
    }

    #[test]
    fn refuses_text_that_is_not_json() {
        let e = err(&fixture("not-json.json"));
        assert_eq!(e, ImportError::NotJson { line: 1, truncated: false });
        assert_eq!(
            e.to_string(),
            "这个文件不是本工具导出的备份文件（第1行附近的内容无法识别，文件可能已损坏或被改动过）。请选择文件名以“责任制报告备份”开头的 .json 文件。如果曾用其他软件打开并保存过，请改用原来的文件。"
        );
        assert_plain(&e);
        assert!(matches!(err(b"<html><body>report</body></html>"), ImportError::NotJson { truncated: false, .. }));
        assert!(matches!(err(b"{\"schema\":1,}"), ImportError::NotJson { truncated: false, .. }));
    }

    #[test]
    fn refuses_truncated_files_saying_so() {
        let e = err(&fixture("truncated.json"));
        assert!(matches!(e, ImportError::NotJson { truncated: true, .. }), "{e:?}");
        assert!(e.to_string().contains("不完整"));
        assert_plain(&e);
        let full = export_all(&v1(), 1.0);
        assert!(matches!(err(&full.as_bytes()[..full.len() - 3]), ImportError::NotJson { truncated: true, .. }));
    }

    #[test]
    fn refuses_json_of_the_wrong_shape() {
        let e = err(&fixture("wrong-shape.json"));
        assert_eq!(e, ImportError::WrongShape);
        assert_eq!(
            e.to_string(),
            "这个文件不是本工具导出的备份文件。请选择文件名以“责任制报告备份”开头的 .json 文件。"
        );
        for text in [
            "[]",
            "[{\"id\":\"a\",\"unit\":\"x\",\"answers\":{}}]",
            "42",
            "\"责任制报告备份\"",
            "null",
            "{}",
            "{\"unit\":\"局党组\"}",
            r#"{"$schema":"http://json-schema.org/draft-07/schema#","schema":"x","reports":[]}"#,
            r#"{"zeren_backup":"1","schema":1,"reports":[]}"#,
            r#"{"zeren_backup":0,"schema":1,"reports":[]}"#,
            r#"{"zeren_backup":1,"reports":[]}"#,
            r#"{"zeren_backup":1,"schema":1}"#,
            r#"{"zeren_backup":1,"schema":1,"reports":{"a":{}}}"#,
            r#"{"zeren_backup":1,"schema":-1,"reports":[]}"#,
            r#"{"schema":1,"revision":3}"#,
        ] {
            assert_eq!(err(text.as_bytes()), ImportError::WrongShape, "{text}");
        }
    }

    #[test]
    fn refuses_newer_versions_saying_nothing_changed() {
        // The version is checked before the shape: a newer version may have changed it.
        let e = err(&fixture("newer-schema.json"));
        assert_eq!(e, ImportError::Newer { found: 2 });
        assert_eq!(
            e.to_string(),
            "这个备份文件是由更新版本的本工具导出的（格式版本2，本页面只认识到版本1），本页面无法读取，现有报告没有任何改动。请打开最新版本的页面再导入。"
        );
        assert_plain(&e);
        assert_eq!(err(&fixture("newer-format.json")), ImportError::Newer { found: 2 });
        assert_eq!(err(br#"{"schema":7,"revision":1,"reports":[]}"#), ImportError::Newer { found: 7 });
        assert_eq!(
            err(br#"{"zeren_backup":1,"schema":99999999999,"reports":5}"#),
            ImportError::Newer { found: u32::MAX }
        );
    }

    #[test]
    fn refuses_impossible_versions_as_damaged() {
        let e = err(br#"{"zeren_backup":1,"schema":0,"reports":[{}]}"#);
        assert!(matches!(e, ImportError::Damaged { .. }), "{e:?}");
        assert!(e.to_string().contains("格式版本号0不存在"));
        assert_plain(&e);
    }

    #[test]
    fn refuses_files_without_reports() {
        let e = err(&fixture("no-reports.json"));
        assert_eq!(e, ImportError::NoReports);
        assert_plain(&e);
        assert_eq!(err(br#"{"schema":1,"revision":5,"reports":[],"settings":{}}"#), ImportError::NoReports);
    }

    #[test]
    fn refuses_files_whose_reports_are_all_unreadable() {
        let e = err(&file(vec![Value::from(1), Value::from("局党组"), serde_json::json!({"answers": 5})]));
        assert_eq!(e, ImportError::AllDamaged { count: 3 });
        assert_plain(&e);
    }

    // --- What is accepted --------------------------------------------------------------

    #[test]
    fn reads_a_bare_saved_envelope_as_early_versions_exported() {
        let text = include_bytes!("../../tests/fixtures/saved-v1.json");
        let got = parse_backup(text).unwrap();
        assert_eq!(got.reports, v1().reports);
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
        // …and the app's current export (the envelope, pretty-printed).
        let pretty = serde_json::to_string_pretty(&v1()).unwrap();
        assert_eq!(parse_backup(pretty.as_bytes()).unwrap().reports, v1().reports);
    }

    #[test]
    fn reads_a_single_bare_report() {
        let got = parse_backup(&fixture("single-report.json")).unwrap();
        assert_eq!(got.reports.len(), 1);
        assert_eq!(got.reports[0].unit, "局党组");
        assert_eq!(got.reports[0].answers["special-study"].status, Status::Done);
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn reads_a_file_saved_with_a_byte_order_mark() {
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        bytes.extend(export_all(&v1(), 5.0).into_bytes());
        assert_eq!(parse_backup(&bytes).unwrap().reports, v1().reports);
    }

    #[test]
    fn skips_unreadable_reports_and_keeps_the_rest() {
        let good = as_value(&report("a", "局党组"));
        let got = parse_backup(&file(vec![good, serde_json::json!({"answers": 5}), Value::Null])).unwrap();
        assert_eq!(got.reports.len(), 1);
        assert_eq!(
            got.warnings,
            vec!["第2份报告的内容格式不对，无法读取，已跳过。", "第3份报告的内容格式不对，无法读取，已跳过。"]
        );
    }

    #[test]
    fn reads_reports_with_missing_fields_using_defaults() {
        let got = one(serde_json::json!({"id": "a", "unit": "局党组"}));
        assert_eq!(got.reports[0], Report { id: "a".into(), unit: "局党组".into(), ..Report::default() });
    }

    // --- Tidying -----------------------------------------------------------------------

    #[test]
    fn html_looking_text_is_kept_exactly() {
        let got = parse_backup(&fixture("hostile.json")).unwrap();
        let r = got.reports.iter().find(|r| r.id == "html").unwrap();
        assert_eq!(r.unit, "<b>局党组</b>");
        assert_eq!(r.person, "<img src=x onerror=alert(1)>");
        assert_eq!(r.answers["special-study"].values["topics"], "<script>alert('x')</script>");
        assert_eq!(r.answers["special-study"].note, "&lt;p&gt; & <a href=\"javascript:alert(1)\">链接</a>");
        assert!(!got.warnings.iter().any(|w| w.contains("<b>")), "no warning about HTML: {:?}", got.warnings);
    }

    #[test]
    fn control_characters_are_removed_except_line_breaks_and_tabs_in_text() {
        let got = parse_backup(&fixture("hostile.json")).unwrap();
        let r = got.reports.iter().find(|r| r.id == "control").unwrap();
        assert_eq!(r.unit, "局党组");
        assert_eq!(r.meeting, "民主[31m生活会");
        assert_eq!(r.answers["special-study"].values["meetings"], "2");
        assert_eq!(r.answers["special-study"].note, "第一行\n第二行\t甲乙丙");
        assert!(got.warnings.contains(
            &"第2份报告“局党组2026年上半年”：单位名称、会议名称、清单项“special-study”的“meetings”等4处中有控制字符或不可见字符（如文字方向控制符），已删除。"
                .to_string()
        ), "{:#?}", got.warnings);
    }

    #[test]
    fn line_breaks_are_kept_in_notes_values_problems_and_plans_only() {
        let mut r = report("a", "局\n党组\t");
        r.person = "张三\r\n".into();
        let a = r.answer_mut("x");
        a.values.insert("v".into(), "一\n二\r三".into());
        a.note = "一\r\n二\r三\n\n四\t".into();
        r.problems = Some(vec![ProblemPlan { problem: "甲\n乙".into(), plan: "丙\r\n丁".into() }]);
        let got = one(as_value(&r));
        let r = &got.reports[0];
        assert_eq!(r.unit, "局党组");
        assert_eq!(r.person, "张三");
        assert_eq!(r.answers["x"].values["v"], "一\n二\n三");
        assert_eq!(r.answers["x"].note, "一\n二\n三\n\n四\t");
        assert_eq!(r.problems, Some(vec![ProblemPlan { problem: "甲\n乙".into(), plan: "丙\n丁".into() }]));
        // Only the names lost something; \r\n → \n is not worth a warning.
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
        assert!(got.warnings[0].contains("单位名称、姓名和职务中有控制字符"), "{:?}", got.warnings);
    }

    #[test]
    fn invisible_and_direction_characters_are_removed() {
        let got = parse_backup(&fixture("hostile.json")).unwrap();
        let r = got.reports.iter().find(|r| r.id == "bidi").unwrap();
        assert_eq!(r.unit, "组党局");
        assert_eq!(r.person, "张三");
        assert_eq!(r.problems, Some(vec![ProblemPlan { problem: "问题一".into(), plan: "措施一".into() }]));
        assert!(got
            .warnings
            .iter()
            .any(|w| w.starts_with("第3份报告“组党局2026年上半年”：单位名称、姓名和职务、第1条问题等4处中有")));
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}', '\u{2064}',
            '\u{2066}', '\u{2069}', '\u{FEFF}',
        ] {
            let got = one(as_value(&report("a", &format!("局{c}党组"))));
            assert_eq!(got.reports[0].unit, "局党组", "U+{:04X}", c as u32);
        }
        // Ordinary Chinese, full-width and emoji text is untouched.
        let text = "局党组（机关）“一岗双责”…——①②③ 👍🏽 ｅ";
        let got = one(as_value(&report("a", text)));
        assert_eq!(got.reports[0].unit, text);
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn over_long_text_is_cut_with_a_warning() {
        let mut r = report("a", &"局".repeat(150));
        r.person = "张".repeat(100); // exactly at the limit: kept
        let a = r.answer_mut("special-study");
        a.note = "长".repeat(1_000_000); // 3 MB of text
        a.values.insert("topics".into(), "题".repeat(3000));
        r.problems = Some(vec![ProblemPlan { problem: "问".repeat(20_001), plan: "措".repeat(20_000) }]);
        let bytes = file(vec![as_value(&r)]);
        assert!(bytes.len() > 3_000_000 && bytes.len() < MAX_FILE_BYTES);
        let got = parse_backup(&bytes).unwrap();
        let r = &got.reports[0];
        assert_eq!(r.unit.chars().count(), MAX_NAME_CHARS);
        assert_eq!(r.person.chars().count(), MAX_NAME_CHARS);
        assert_eq!(r.answers["special-study"].note.chars().count(), MAX_TEXT_CHARS);
        assert_eq!(r.answers["special-study"].values["topics"].chars().count(), MAX_VALUE_CHARS);
        let p = &r.problems.as_ref().unwrap()[0];
        assert_eq!((p.problem.chars().count(), p.plan.chars().count()), (MAX_TEXT_CHARS, MAX_TEXT_CHARS));
        let label = format!("第1份报告“{}…”", "局".repeat(40));
        assert_eq!(
            got.warnings,
            vec![
                format!("{label}：单位名称过长（150字），已截断，只保留前100字。"),
                format!("{label}：清单项“special-study”的“topics”过长（3000字），已截断，只保留前2000字。"),
                format!("{label}：清单项“special-study”的补充说明过长（1000000字），已截断，只保留前20000字。"),
                format!("{label}：另有1处过长的内容也已截断。"),
            ]
        );
    }

    #[test]
    fn bad_ids_are_replaced_and_repeated_ids_made_unique() {
        let got = parse_backup(&fixture("hostile.json")).unwrap();
        let ids: Vec<&str> = got.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["html", "control", "bidi", "imported-4", "imported-5", "dup", "imported-7", "imported-9"]);
        let units: Vec<&str> = got.reports.iter().map(|r| r.unit.as_str()).collect();
        assert_eq!(units[5..], ["第一份", "第二份，编号相同内容不同", "编号是数字"]);
        let w = got.warnings.join("\n");
        assert!(w.contains("第4份报告“坏编号2026年上半年”：编号无效，已改为“imported-4”。"), "{w}");
        assert!(w.contains("第5份报告“空编号2026年上半年”：编号无效，已改为“imported-5”。"), "{w}");
        assert!(
            w.contains(
                "第7份报告“第二份，编号相同内容不同2026年上半年”：与第6份报告编号相同，编号已改为“imported-7”。"
            ),
            "{w}"
        );
        assert!(w.contains("第8份报告“第一份2026年上半年”：与第6份报告完全相同，只保留一份。"), "{w}");
        assert!(w.contains("第9份报告“编号是数字2100年第四季度”：年份99999不在2000—2100之间，已改为2100。"), "{w}");
        assert!(w.contains("第9份报告“编号是数字2100年第四季度”：报告期间的季度9不合理，已改为4。"), "{w}");
        assert!(w.contains("第9份报告“编号是数字2100年第四季度”：编号无效，已改为“imported-9”。"), "{w}");
    }

    #[test]
    fn replacement_ids_do_not_take_a_later_reports_id() {
        let reports =
            vec![as_value(&report("a", "一")), as_value(&report("a", "二")), as_value(&report("imported-2", "三"))];
        let got = parse_backup(&file(reports)).unwrap();
        let ids: Vec<&str> = got.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "imported-2-2", "imported-2"]);
    }

    #[test]
    fn years_periods_and_times_are_brought_into_range() {
        let cases = [
            (serde_json::json!(1999), 2000, Some("年份1999不在2000—2100之间，已改为2000")),
            (serde_json::json!(2101), 2100, Some("年份2101不在2000—2100之间，已改为2100")),
            (serde_json::json!(-5), 2000, Some("年份-5不在2000—2100之间，已改为2000")),
            (serde_json::json!(1e300), 2100, Some("年份1e300不在2000—2100之间，已改为2100")),
            (serde_json::json!(2026.0), 2026, None),
            (serde_json::json!(2026.4), 2026, Some("年份2026.4不在2000—2100之间，已改为2026")),
            (serde_json::json!(2000), 2000, None),
        ];
        for (year, want, warning) in cases {
            let mut v = as_value(&report("a", "局党组"));
            v["year"] = year.clone();
            let got = one(v);
            assert_eq!(got.reports[0].year, want, "{year}");
            match warning {
                Some(w) => assert!(got.warnings.iter().any(|g| g.contains(w)), "{year}: {:?}", got.warnings),
                None => assert!(got.warnings.is_empty(), "{year}: {:?}", got.warnings),
            }
        }
        let mut v = as_value(&report("a", "局党组"));
        v["period"] = serde_json::json!({"span": "months", "from": 0, "to": 300});
        v["created_ms"] = serde_json::json!(-5.0);
        v["updated_ms"] = serde_json::json!(1.6);
        let got = one(v);
        assert_eq!(got.reports[0].period, Period::Months { from: 1, to: 12 });
        assert_eq!((got.reports[0].created_ms, got.reports[0].updated_ms), (0.0, 2.0));
        assert_eq!(got.warnings.len(), 3, "{:?}", got.warnings);
        assert!(got.warnings[2].ends_with("创建时间不合理，已更正。"));
    }

    #[test]
    fn too_many_answers_values_and_problems_are_cut() {
        let mut r = report("a", "局党组");
        for i in 0..600 {
            r.answers.insert(format!("item-{i:03}"), Answer { status: Status::Done, ..Answer::default() });
        }
        let a = r.answer_mut("item-000");
        for i in 0..80 {
            a.values.insert(format!("f{i:02}"), i.to_string());
        }
        r.problems = Some(vec![ProblemPlan::default(); 250]);
        let got = one(as_value(&r));
        let r = &got.reports[0];
        assert_eq!(r.answers.len(), MAX_ANSWERS);
        assert!(r.answers.contains_key("item-499") && !r.answers.contains_key("item-500"));
        assert_eq!(r.answers["item-000"].values.len(), MAX_VALUES);
        assert_eq!(r.problems.as_ref().unwrap().len(), MAX_PROBLEMS);
        assert_eq!(
            got.warnings,
            [
                "第1份报告“局党组2026年度”：清单项“item-000”有80个填写项，超过上限50个，只保留了前50个。",
                "第1份报告“局党组2026年度”：有600项清单的填写内容，超过上限500项，只保留了前500项。",
                "第1份报告“局党组2026年度”：有250条问题，超过上限200条，只保留了前200条。",
            ]
        );
    }

    #[test]
    fn keys_that_become_equal_when_cleaned_keep_the_first() {
        let mut r = report("a", "局党组");
        r.answers.insert("x".into(), Answer { note: "一".into(), ..Answer::default() });
        r.answers.insert("x\u{200B}".into(), Answer { note: "二".into(), ..Answer::default() });
        let got = one(as_value(&r));
        assert_eq!(got.reports[0].answers.len(), 1);
        assert_eq!(got.reports[0].answers["x"].note, "一");
        assert!(got.warnings.iter().any(|w| w.contains("清单项“x”重复，只保留了第一个")), "{:?}", got.warnings);
    }

    #[test]
    fn too_many_reports_or_warnings_are_capped() {
        let many: Vec<Value> = (0..MAX_REPORTS + 5).map(|i| as_value(&report(&format!("r{i}"), "局党组"))).collect();
        let got = parse_backup(&file(many)).unwrap();
        assert_eq!(got.reports.len(), MAX_REPORTS);
        assert_eq!(got.warnings, ["文件中有1005份报告，超过上限1000份，只读取了前1000份。"]);

        let bad: Vec<Value> = (0..100).map(|_| as_value(&report("", "局党组"))).collect();
        let got = parse_backup(&file(bad)).unwrap();
        assert_eq!(got.reports.len(), 100);
        assert_eq!(got.warnings.len(), MAX_WARNINGS);
        assert_eq!(got.warnings.last().unwrap(), "……另有71条类似的处理，不再逐条列出。");
    }

    // --- Round trips ---------------------------------------------------------------------

    #[test]
    fn export_all_round_trips() {
        let env = v1();
        let text = export_all(&env, 1_782_864_000_999.0);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!((v["zeren_backup"].as_u64(), v["schema"].as_u64()), (Some(1), Some(u64::from(SCHEMA))));
        assert_eq!(v["exported_ms"].as_f64(), Some(1_782_864_000_999.0));
        assert!(v.get("settings").is_none() && v.get("revision").is_none());
        assert!(text.contains("\n  \"reports\": ["), "pretty-printed");
        let got = parse_backup(text.as_bytes()).unwrap();
        assert_eq!(got, Imported { reports: env.reports, warnings: vec![] });
    }

    #[test]
    fn export_one_round_trips() {
        for r in v1().reports {
            let got = parse_backup(export_one(&r, 3.0).as_bytes()).unwrap();
            assert_eq!(got, Imported { reports: vec![r], warnings: vec![] });
        }
    }

    #[test]
    fn tidied_reports_are_a_fixed_point() {
        for name in ["hostile.json", "single-report.json"] {
            let first = parse_backup(&fixture(name)).unwrap();
            let again =
                parse_backup(export_all(&Envelope { reports: first.reports.clone(), ..v1() }, 1.0).as_bytes()).unwrap();
            assert_eq!(again, Imported { reports: first.reports, warnings: vec![] }, "{name}");
        }
    }

    // --- Describing and naming -------------------------------------------------------------

    #[test]
    fn describes_a_file_for_the_confirm_dialog() {
        let got = parse_backup(include_bytes!("../../tests/fixtures/saved-v1.json")).unwrap();
        assert_eq!(
            describe(&got),
            "文件中有2份报告：局党组2026年上半年、张三（党组成员、副局长）2025年度个人对照检查。"
        );
        let got = parse_backup(&fixture("hostile.json")).unwrap();
        let d = describe(&got);
        assert!(
            d.starts_with("文件中有8份报告：<b>局党组</b>2026年上半年、局党组2026年上半年、组党局2026年上半年、"),
            "{d}"
        );
        assert!(d.contains("\n读取时作了以下处理：\n· 第2份报告"), "{d}");
        let many = Imported {
            reports: (0..12).map(|i| report(&format!("r{i}"), &format!("支部{i}"))).collect(),
            warnings: vec![],
        };
        assert!(describe(&many).ends_with("、支部92026年度等。"), "{}", describe(&many));
    }

    #[test]
    fn names_backup_files() {
        assert_eq!(file_name("2026-06-18", None), "责任制报告备份-2026-06-18.json");
        let r = Report { period: Period::FirstHalf, ..report("a", "局党组/机关:第一*支部") };
        assert_eq!(file_name("2026-06-18", Some(&r)), "责任制报告备份-局党组机关第一支部2026年上半年-2026-06-18.json");
        assert!(file_name("2026-06-18", None).starts_with(FILE_PREFIX));
    }

    // --- Merging ---------------------------------------------------------------------------

    #[test]
    fn add_keeps_existing_skips_identical_and_renames_clashes() {
        let a = report("a", "局党组");
        let b = report("b", "机关第一党支部");
        let mut b_changed = b.clone();
        b_changed.year = 2027;
        let c = report("c", "机关第二党支部");
        let existing = Envelope { revision: 9, reports: vec![a.clone(), b.clone()], ..v1() };
        let before = existing.clone();

        let (merged, summary) = merge(&existing, vec![a.clone(), b_changed.clone(), c.clone()], ImportMode::Add);
        assert_eq!(existing, before, "pure: the existing envelope is untouched");
        assert_eq!(summary, MergeSummary { mode: ImportMode::Add, added: 2, renamed: 1, skipped: 1, removed: 0 });
        assert_eq!(
            summary.to_string(),
            "已导入2份报告（其中1份与已有报告编号相同但内容不同，已作为新报告保存）；1份与已有报告完全相同，已跳过。"
        );
        let ids: Vec<&str> = merged.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "b-2", "c"]);
        assert_eq!(merged.reports[1], b);
        assert_eq!(merged.reports[2], Report { id: "b-2".into(), ..b_changed.clone() });
        assert_eq!((merged.revision, &merged.settings), (9, &existing.settings));

        // Importing the same file again adds nothing.
        let (again, summary) = merge(&merged, vec![a, b_changed, c], ImportMode::Add);
        assert_eq!(again, merged);
        assert_eq!(summary, MergeSummary { mode: ImportMode::Add, added: 0, renamed: 0, skipped: 3, removed: 0 });
        assert_eq!(summary.to_string(), "已导入0份报告；3份与已有报告完全相同，已跳过。");
    }

    #[test]
    fn add_into_an_empty_store_adds_everything() {
        let env = v1();
        let (merged, summary) = merge(&Envelope::default(), env.reports.clone(), ImportMode::Add);
        assert_eq!(merged.reports, env.reports);
        assert_eq!(summary.to_string(), "已导入2份报告。");
    }

    #[test]
    fn replace_keeps_only_the_imported_reports_and_the_settings() {
        let existing = v1();
        let before = existing.clone();
        let x = report("x", "新单位");
        let (merged, summary) =
            merge(&existing, vec![x.clone(), x.clone(), report("x", "另一份")], ImportMode::Replace);
        assert_eq!(existing, before);
        assert_eq!(merged.settings, existing.settings);
        assert_eq!(merged.revision, existing.revision);
        let ids: Vec<&str> = merged.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2"]);
        assert_eq!(summary, MergeSummary { mode: ImportMode::Replace, added: 2, renamed: 1, skipped: 1, removed: 2 });
        assert_eq!(summary.to_string(), "已用备份文件中的2份报告替换原有的2份报告；1份与已有报告完全相同，已跳过。");
    }

    #[test]
    fn merge_gives_unsafe_ids_a_fresh_one() {
        let (merged, summary) =
            merge(&Envelope::default(), vec![report("../x", "甲"), report("", "乙")], ImportMode::Add);
        let ids: Vec<&str> = merged.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["imported", "imported-2"]);
        assert_eq!(summary.renamed, 2);
    }
}
