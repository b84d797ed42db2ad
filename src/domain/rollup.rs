//! 汇总: a collecting body (机关党委, 局党组, 镇党委, 党总支) opens the backup files its
//! branches exported and sees every branch's self-check in one table, with no server.
//!
//! Each file goes through the backup import (`backup::parse_backup`: size, encoding, shape,
//! version, hostile text), so a bad file is named with its reason and the others go on. Of
//! each unit report only what the table needs is kept ([`Branch`]): statuses, the figures of
//! the key items and the number of problems, not notes or wording. Personal 对照检查 are
//! left out with a note. Two reports of the same unit and period: the one changed last
//! wins, and the user is told.
//!
//! The table's columns are the items of every checklist the branches used, in checklist
//! order; an item a branch's checklist lacks is 无此项, one its level does not have is
//! 不适用. Then the most-missed items, the 汇总 paragraph and the .xlsx sheet.
//!
//! Not here: reading the files and storing the branches (`ui::tools::rollup`, through the
//! storage door), the sheet's file format (`xlsx`).

use crate::domain::backup::{parse_backup, report_label, Imported};
use crate::domain::builtin;
use crate::domain::generate::applies;
use crate::domain::progress::percent;
use crate::domain::report::{Period, Report, ReportKind, Status};
use crate::domain::template::{Field, FieldKind, Item, Level, Template};
use crate::domain::text::file_name_part;
use crate::domain::xlsx::{Cell, Sheet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The items whose figures the table shows as key counts: (item, column title).
pub const KEY_ITEMS: [(&str, &str); 3] = [
    ("special-study", "专题研究（次）"),
    ("center-group-study", "中心组学习（次）"),
    ("situation-analysis", "形势研判（次）"),
];

/// How many branches a 汇总 holds at most (a 镇 has a few dozen 村, a large 机关党委 a few
/// hundred 支部).
pub const MAX_BRANCHES: usize = 1000;

/// One branch's unit report, as far as the table needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub unit: String,
    pub year: u16,
    pub period: Period,
    /// The organisation's kind, as its report says or its name suggests.
    pub level: Level,
    /// The checklist it was filled against (`Report::template_id`).
    pub checklist: String,
    /// Statuses by item id, of the items its checklist has; an item its level does not
    /// have is stored as 不适用.
    pub statuses: BTreeMap<String, Status>,
    /// The figure of each item that has one: its first count (次, 篇, 人), where work was
    /// done and a number typed. The key counts ([`KEY_ITEMS`]) are read from here.
    pub figures: BTreeMap<String, u32>,
    /// Problems in its report: its own list where it wrote one, else its items with a gap.
    pub problems: usize,
    /// When its report was last changed (ms), to choose between two copies.
    pub updated_ms: f64,
    /// The file it came from.
    pub file: String,
}

impl Branch {
    /// Reads one unit report against its checklist.
    pub fn from_report(report: &Report, file: &str) -> Branch {
        let t = builtin::checklist(&report.template_id);
        let mut statuses = BTreeMap::new();
        for item in t.sections.iter().flat_map(|s| s.items.iter()) {
            let status = if applies(t, report, &item.id) { report.status(&item.id) } else { Status::NotApplicable };
            statuses.insert(item.id.to_string(), status);
        }
        let mut figures = BTreeMap::new();
        for item in t.sections.iter().flat_map(|s| s.items.iter()) {
            let Some(answer) = report.answers.get(item.id.as_ref()) else { continue };
            if !answer.status.has_work() || !applies(t, report, &item.id) {
                continue;
            }
            let Some(field) = first_count(item) else { continue };
            if let Some(n) = answer.values.get(field.id.as_ref()).and_then(|v| v.trim().parse::<u32>().ok()) {
                figures.insert(item.id.to_string(), n);
            }
        }
        let problems = match &report.problems {
            Some(list) => list.iter().filter(|p| !p.problem.trim().is_empty()).count(),
            None => statuses.values().filter(|s| s.has_gap()).count(),
        };
        Branch {
            unit: report.unit_name().to_string(),
            year: report.year,
            period: report.period,
            level: report.level(),
            checklist: report.template_id.clone(),
            statuses,
            figures,
            problems,
            updated_ms: report.updated_ms,
            file: file_name(file),
        }
    }

    /// The status of an item in this branch's table cell.
    pub fn cell(&self, item_id: &str) -> Cell2 {
        match self.statuses.get(item_id) {
            None => Cell2::Absent,
            Some(s) => Cell2::Status(*s),
        }
    }

    /// The cell's words: its status, and the figure with its unit where there is one
    /// (`已落实（2次）`).
    pub fn cell_text(&self, column: &Column) -> String {
        let cell = self.cell(&column.item);
        match self.figures.get(&column.item) {
            Some(n) => format!("{}（{n}{}）", cell.label(), column.unit),
            None => cell.label().to_string(),
        }
    }

    /// (已落实, 部分落实, 未落实, 不适用, 未填) of the items it was asked.
    pub fn tally(&self) -> [usize; 5] {
        let mut t = [0; 5];
        for s in self.statuses.values() {
            let i = match s {
                Status::Done => 0,
                Status::Partly => 1,
                Status::NotDone => 2,
                Status::NotApplicable => 3,
                Status::NotStarted => 4,
            };
            t[i] += 1;
        }
        t
    }

    /// 落实率: 已落实 counted whole and 部分落实 half, of the items that apply, in whole percent.
    pub fn rate(&self) -> u32 {
        let [done, partly, not_done, _, not_started] = self.tally();
        percent(done * 2 + partly, (done + partly + not_done + not_started) * 2)
    }

    /// Same unit and period: two copies of one report.
    fn same_report(&self, other: &Branch) -> bool {
        self.year == other.year && self.period == other.period && unit_key(&self.unit) == unit_key(&other.unit)
    }
}

/// The field whose number an item's cell shows: its first count.
fn first_count(item: &Item) -> Option<&Field> {
    item.fields.iter().find(|f| matches!(f.kind, FieldKind::Count { .. }))
}

/// A table cell: an item the branch's checklist lacks, or its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell2 {
    Absent,
    Status(Status),
}

impl Cell2 {
    pub fn label(self) -> &'static str {
        match self {
            Cell2::Absent => "无此项",
            Cell2::Status(Status::NotStarted) => "未填",
            Cell2::Status(s) => s.label(),
        }
    }
}

/// A file's name as shown: control and invisible characters out, at most 120 characters.
fn file_name(name: &str) -> String {
    file_name_part(name, 120)
}

fn unit_key(unit: &str) -> String {
    unit.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileNote {
    pub file: String,
    /// Read: how many unit reports it gave; not read: why, in plain Chinese.
    pub outcome: Result<usize, String>,
    /// Things worth knowing: a personal report left out, a copy replaced by a newer one.
    pub notes: Vec<String>,
}

/// The branches gathered so far and what happened to each file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rollup {
    pub branches: Vec<Branch>,
    pub files: Vec<FileNote>,
    /// The table's columns: every item of every checklist the branches used, the first
    /// checklist's order first. Kept here, so the table reads the same after a reload
    /// without fetching the presets again.
    pub columns: Vec<Column>,
    /// The checklists whose items are in `columns`.
    pub checklists: Vec<String>,
}

/// The version of the saved 汇总 ([`Rollup::to_json`]); raised with a migration in
/// [`Rollup::from_json`] when its shape changes.
pub const ROLLUP_VERSION: u32 = 1;

#[derive(Serialize)]
struct SavedOut<'a> {
    zeren_rollup: u32,
    #[serde(flatten)]
    rollup: &'a Rollup,
}

impl Rollup {
    /// Reads one file and adds its unit reports; the file's note says what happened.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> &FileNote {
        self.add_parsed(file, parse_backup(bytes).map_err(|e| e.to_string()))
    }

    /// Adds a file already read by `backup::parse_backup` (the page reads every file first,
    /// to fetch the checklists they use), or refused with its reason.
    pub fn add_parsed(&mut self, file: &str, parsed: Result<Imported, String>) -> &FileNote {
        let file = file_name(file);
        let note = match parsed {
            Err(e) => FileNote { file, outcome: Err(e), notes: vec![] },
            Ok(imported) => {
                // The branches' own checklists, so their items have columns of their own.
                for c in &imported.checklists {
                    if let Ok(t) = builtin::read::template_value(c.clone()) {
                        builtin::register(t);
                    }
                }
                let mut notes = Vec::new();
                let mut added = 0;
                for report in &imported.reports {
                    if report.kind == ReportKind::Personal {
                        notes.push(format!("“{}”是个人对照检查材料，不计入汇总。", report_label(report)));
                        continue;
                    }
                    if self.branches.len() >= MAX_BRANCHES {
                        notes.push(format!("汇总最多容纳{MAX_BRANCHES}个单位，“{}”没有加入。", report_label(report)));
                        continue;
                    }
                    let branch = Branch::from_report(report, &file);
                    self.add_columns(&branch.checklist);
                    added += 1;
                    match self.branches.iter().position(|b| b.same_report(&branch)) {
                        Some(at) => {
                            let old = &self.branches[at];
                            let label = format!("{}{}", branch.unit, branch.period.label(branch.year));
                            if branch.updated_ms >= old.updated_ms {
                                notes.push(format!(
                                    "“{label}”有两份报告（另一份来自“{}”），采用修改时间较新的这一份。",
                                    old.file
                                ));
                                self.branches[at] = branch;
                            } else {
                                notes.push(format!(
                                    "“{label}”有两份报告，“{}”中的那份修改时间较新，继续采用那一份。",
                                    old.file
                                ));
                            }
                        }
                        None => self.branches.push(branch),
                    }
                }
                FileNote { file, outcome: Ok(added), notes }
            }
        };
        self.files.push(note);
        self.files.last().expect("just pushed")
    }

    /// Adds the items of a checklist not seen yet to the columns.
    fn add_columns(&mut self, checklist: &str) {
        if self.checklists.iter().any(|c| c == checklist) {
            return;
        }
        self.checklists.push(checklist.to_string());
        let t: &Template = builtin::checklist(checklist);
        for s in t.sections.iter() {
            for item in s.items.iter() {
                if self.columns.iter().any(|c| c.item == item.id) {
                    continue;
                }
                let unit = match first_count(item).map(|f| &f.kind) {
                    Some(FieldKind::Count { unit, .. }) => unit.to_string(),
                    _ => String::new(),
                };
                self.columns.push(Column {
                    section: s.title.to_string(),
                    item: item.id.to_string(),
                    task: item.task.to_string(),
                    unit,
                });
            }
        }
    }

    /// The table's columns: every item of every checklist the branches used, the first
    /// checklist's order first.
    pub fn columns(&self) -> Vec<Column> {
        self.columns.clone()
    }

    /// Removes one branch (by its place in `branches`).
    pub fn remove(&mut self, at: usize) {
        if at < self.branches.len() {
            self.branches.remove(at);
        }
    }

    /// The 汇总 as saved: versioned JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&SavedOut { zeren_rollup: ROLLUP_VERSION, rollup: self }).expect("a rollup serializes")
    }

    /// Reads a saved 汇总; the message says what to do when it cannot.
    pub fn from_json(text: &str) -> Result<Rollup, String> {
        const BROKEN: &str = "保存的汇总已损坏，无法读取。请清除后重新导入各支部的文件。";
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| BROKEN.to_string())?;
        match value.get("zeren_rollup").and_then(|n| n.as_u64()) {
            Some(v) if v > ROLLUP_VERSION as u64 => {
                Err("保存的汇总来自更新版本的本工具，这一版读不了。请用新版本打开，或清除后重新导入各支部的文件。"
                    .into())
            }
            Some(_) => serde_json::from_value(value).map_err(|_| BROKEN.to_string()),
            None => Err(BROKEN.into()),
        }
    }

    /// Items most branches fall short on (未落实 or 部分落实), most first, at most `n`:
    /// (column, 未落实 count, 部分落实 count).
    pub fn most_missed(&self, n: usize) -> Vec<(Column, usize, usize)> {
        let mut out: Vec<(Column, usize, usize)> = self
            .columns
            .iter()
            .cloned()
            .map(|c| {
                let count =
                    |want: Status| self.branches.iter().filter(|b| b.cell(&c.item) == Cell2::Status(want)).count();
                let (missing, partly) = (count(Status::NotDone), count(Status::Partly));
                (c, missing, partly)
            })
            .filter(|(_, m, p)| m + p > 0)
            .collect();
        // Stable: equal counts keep checklist order.
        out.sort_by_key(|(_, m, p)| std::cmp::Reverse((m + p, *m)));
        out.truncate(n);
        out
    }

    /// The 汇总 paragraph, ready to paste into the collecting body's own report.
    pub fn paragraph(&self) -> String {
        let n = self.branches.len();
        if n == 0 {
            return String::new();
        }
        let kind = branches_word(&self.branches);
        let rates: Vec<u32> = self.branches.iter().map(Branch::rate).collect();
        let mean = rates.iter().map(|&r| r as usize).sum::<usize>() / n;
        let full = rates.iter().filter(|&&r| r == 100).count();
        let mut p = format!("共收到{n}个{kind}的自查报告。从自查情况看，各{kind}平均落实率为{mean}%");
        if full > 0 {
            p.push_str(&format!("，其中{full}个{kind}各项工作全部落实"));
        }
        p.push('。');
        let missed = self.most_missed(3);
        if missed.is_empty() {
            p.push_str("各项责任普遍得到落实，未发现共性问题。");
        } else {
            let list: Vec<String> = missed
                .iter()
                .map(|(c, m, pt)| {
                    let task = c.task.trim_end_matches('。');
                    match (m, pt) {
                        (0, _) => format!("{task}（{pt}个{kind}部分落实）"),
                        (_, 0) => format!("{task}（{m}个{kind}未落实）"),
                        _ => format!("{task}（{m}个{kind}未落实、{pt}个部分落实）"),
                    }
                })
                .collect();
            p.push_str(&format!("普遍存在落实不到位情况的事项主要有：{}。", list.join("；")));
            p.push_str("对上述问题，将督促相关");
            p.push_str(kind);
            p.push_str("逐项对照整改，明确时限，确保落实到位。");
        }
        p
    }

    /// The table as a sheet: a row per branch (and a 合计 row), the summary columns, then a
    /// column per item; statuses as words (with the figure), key counts as numbers.
    pub fn sheet(&self) -> Sheet {
        let columns = &self.columns;
        let mut header: Vec<Cell> = SUMMARY_HEADERS.iter().map(|h| Cell::Text((*h).into())).collect();
        header.extend(KEY_ITEMS.iter().map(|(_, h)| Cell::Text((*h).into())));
        header.extend(columns.iter().map(|c| Cell::Text(c.task.clone())));
        let mut rows = vec![header];
        for b in &self.branches {
            let t = b.tally();
            let mut row =
                vec![Cell::Text(b.unit.clone()), Cell::Text(b.period.label(b.year)), Cell::Number(b.rate() as f64)];
            row.extend(t.iter().map(|&n| Cell::Number(n as f64)));
            row.push(Cell::Number(b.problems as f64));
            row.extend(
                KEY_ITEMS.iter().map(|(id, _)| b.figures.get(*id).map_or(Cell::Empty, |&n| Cell::Number(n as f64))),
            );
            row.extend(columns.iter().map(|c| Cell::Text(b.cell_text(c))));
            rows.push(row);
        }
        if !self.branches.is_empty() {
            let n = self.branches.len();
            let mut total = vec![
                Cell::Text(format!("合计（{n}个单位）")),
                Cell::Empty,
                Cell::Number((self.branches.iter().map(|b| b.rate() as usize).sum::<usize>() / n) as f64),
            ];
            for i in 0..5 {
                total.push(Cell::Number(self.branches.iter().map(|b| b.tally()[i]).sum::<usize>() as f64));
            }
            total.push(Cell::Number(self.branches.iter().map(|b| b.problems).sum::<usize>() as f64));
            for (id, _) in KEY_ITEMS {
                total.push(Cell::Number(self.branches.iter().filter_map(|b| b.figures.get(id)).sum::<u32>() as f64));
            }
            for c in columns {
                let gaps =
                    self.branches.iter().filter(|b| matches!(b.cell(&c.item), Cell2::Status(s) if s.has_gap())).count();
                total.push(Cell::Text(format!("{gaps}个单位未全部落实")));
            }
            rows.push(total);
        }
        let mut widths = vec![24.0, 12.0, 8.0, 8.0, 9.0, 8.0, 8.0, 6.0, 8.0, 14.0, 16.0, 14.0];
        widths.extend(columns.iter().map(|_| 10.0));
        Sheet { name: "汇总".into(), rows, widths }
    }
}

/// The summary columns before the key counts and the items (the sheet and the page share
/// them). 落实率 is in percent.
pub const SUMMARY_HEADERS: [&str; 9] =
    ["单位", "期间", "落实率（%）", "已落实", "部分落实", "未落实", "不适用", "未填", "问题数"];

/// One item column of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub section: String,
    pub item: String,
    pub task: String,
    /// The unit of the item's figure (次, 篇), empty when it has none.
    pub unit: String,
}

/// What the branches are called in the paragraph: their kind when they are all of one
/// (党支部, 村党组织…), 基层党组织 when mixed.
fn branches_word(branches: &[Branch]) -> &'static str {
    let word = |l: Level| match l {
        Level::PartyGroup => "党组",
        Level::PartyCommittee => "党委",
        Level::GeneralBranch => "党总支",
        Level::Branch => "党支部",
        Level::Community => "社区党组织",
        Level::Village => "村党组织",
    };
    match branches.first() {
        Some(first) if branches.iter().all(|b| b.level == first.level) => word(first.level),
        _ => "基层党组织",
    }
}

#[cfg(test)]
#[path = "rollup_tests.rs"]
mod tests;
