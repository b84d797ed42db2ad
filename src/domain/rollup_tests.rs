//! Tests of `rollup`, beside it to keep the module short: files read through the backup
//! import, duplicates, mixed checklists and levels, the paragraph and the sheet.

use super::*;
use crate::domain::backup::{export_all, export_one};
use crate::domain::report::{Answer, ProblemPlan};
use crate::domain::saved::Envelope;

const T0: f64 = 1_780_000_000_000.0;

fn answer(status: Status, values: &[(&str, &str)]) -> Answer {
    Answer { status, values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), note: String::new() }
}

/// A 党支部's report of 2025: special study done twice, situation analysis partly, the
/// spokesperson item not done, the rest untouched.
fn branch(id: &str, unit: &str, updated_ms: f64) -> Report {
    let mut r = Report { unit: unit.into(), year: 2025, level: Some(Level::Branch), ..Report::new(id, T0) };
    r.answers.insert("special-study".into(), answer(Status::Done, &[("meetings", "2"), ("topics", "网络")]));
    r.answers.insert("situation-analysis".into(), answer(Status::Partly, &[("sessions", "1")]));
    r.answers.insert("spokesperson".into(), answer(Status::NotDone, &[]));
    r.updated_ms = updated_ms;
    r
}

fn file_of(r: &Report) -> Vec<u8> {
    export_one(r, T0).into_bytes()
}

#[test]
fn two_files_give_two_rows_and_a_broken_file_is_named_with_its_reason() {
    let mut rollup = Rollup::default();
    let a = rollup.add_file("一支部.json", &file_of(&branch("r-a", "机关第一党支部", T0))).clone();
    assert_eq!(a.outcome, Ok(1));
    rollup.add_file("二支部.json", &file_of(&branch("r-b", "机关第二党支部", T0)));
    let whole = file_of(&branch("r-c", "机关第三党支部", T0));
    let broken = rollup.add_file("三支部.json", &whole[..whole.len() / 2]).clone();
    let reason = broken.outcome.expect_err("a cut file is refused");
    assert!(!reason.is_empty() && !reason.contains("serde") && !reason.contains("line"), "{reason}");
    assert_eq!(rollup.branches.len(), 2);
    assert_eq!(rollup.files.len(), 3);
    let units: Vec<&str> = rollup.branches.iter().map(|b| b.unit.as_str()).collect();
    assert_eq!(units, ["机关第一党支部", "机关第二党支部"]);
}

#[test]
fn a_branch_keeps_statuses_counts_and_problems() {
    let b = Branch::from_report(&branch("r-a", "机关第一党支部", T0), "a.json");
    assert_eq!(b.cell("special-study"), Cell2::Status(Status::Done));
    assert_eq!(b.cell("situation-analysis"), Cell2::Status(Status::Partly));
    assert_eq!(b.cell("spokesperson"), Cell2::Status(Status::NotDone));
    // A 党支部 has no 理论学习中心组: 不适用, whatever it typed.
    assert_eq!(b.cell("center-group-study"), Cell2::Status(Status::NotApplicable));
    assert_eq!(b.cell("no-such-item"), Cell2::Absent);
    assert_eq!(b.figures.get("special-study"), Some(&2));
    // Partly done still counts its figure; not done would not.
    assert_eq!(b.figures.get("situation-analysis"), Some(&1));
    assert_eq!(b.figures.get("center-group-study"), None);
    // No problem list of its own: the items with a gap.
    assert_eq!(b.problems, 2);
    let [done, partly, not_done, na, not_started] = b.tally();
    assert_eq!((done, partly, not_done), (1, 1, 1));
    assert!(na >= 2, "{na}");
    assert_eq!(done + partly + not_done + na + not_started, b.statuses.len());
    // 1 done (2) + 1 partly (1) of the items that apply, each worth 2.
    let applying = done + partly + not_done + not_started;
    assert_eq!(b.rate(), percent(3, applying * 2));
}

#[test]
fn a_written_problem_list_is_counted_as_written() {
    let mut r = branch("r-a", "机关第一党支部", T0);
    r.problems = Some(vec![
        ProblemPlan { problem: "学习不够深入".into(), plan: String::new(), ..Default::default() },
        ProblemPlan { problem: "  ".into(), plan: "空的问题不算".into(), ..Default::default() },
    ]);
    assert_eq!(Branch::from_report(&r, "a.json").problems, 1);
}

#[test]
fn of_two_copies_the_newer_wins_whichever_comes_first() {
    let older = branch("r-a", "机关第一党支部", T0);
    let mut newer = branch("r-a2", "机关 第一党支部", T0 + 1000.0);
    newer.answers.insert("spokesperson".into(), answer(Status::Done, &[]));

    let mut first_old = Rollup::default();
    first_old.add_file("旧.json", &file_of(&older));
    let note = first_old.add_file("新.json", &file_of(&newer)).clone();
    assert_eq!(first_old.branches.len(), 1);
    assert_eq!(first_old.branches[0].file, "新.json");
    assert!(note.notes[0].contains("采用修改时间较新的这一份"), "{:?}", note.notes);

    let mut first_new = Rollup::default();
    first_new.add_file("新.json", &file_of(&newer));
    let note = first_new.add_file("旧.json", &file_of(&older)).clone();
    assert_eq!(first_new.branches.len(), 1);
    assert_eq!(first_new.branches[0].file, "新.json");
    assert!(note.notes[0].contains("继续采用那一份"), "{:?}", note.notes);
    assert_eq!(first_new.branches[0].cell("spokesperson"), Cell2::Status(Status::Done));

    // Another period of the same unit is another row.
    let mut h1 = branch("r-h1", "机关第一党支部", T0);
    h1.period = Period::FirstHalf;
    first_new.add_file("上半年.json", &file_of(&h1));
    assert_eq!(first_new.branches.len(), 2);
}

#[test]
fn personal_reports_are_left_out_with_a_note_and_a_whole_backup_gives_every_unit() {
    let mut env = Envelope::default();
    env.reports.push(branch("r-a", "机关第一党支部", T0));
    env.reports.push(branch("r-b", "机关第二党支部", T0));
    let mut personal =
        Report { person: "张三".into(), kind: ReportKind::Personal, ..branch("r-p", "机关第一党支部", T0) };
    personal.year = 2025;
    env.reports.push(personal);
    let mut rollup = Rollup::default();
    let note = rollup.add_file("全部.json", export_all(&env, T0).as_bytes()).clone();
    assert_eq!(note.outcome, Ok(2));
    assert_eq!(note.notes.len(), 1);
    assert!(note.notes[0].contains("个人对照检查材料，不计入汇总"), "{:?}", note.notes);
    assert_eq!(rollup.branches.len(), 2);
}

#[test]
fn mixed_checklists_share_columns_and_an_item_one_lacks_is_absent() {
    let mut village = branch("r-v", "某村党支部", T0);
    village.template_id = "village".into();
    village.level = Some(Level::Village);
    village.answers.insert("village-branch-study".into(), answer(Status::Done, &[("sessions", "4")]));
    let mut rollup = Rollup::default();
    rollup.add_file("机关.json", &file_of(&branch("r-a", "机关第一党支部", T0)));
    rollup.add_file("村.json", &file_of(&village));
    let columns = rollup.columns();
    let ids: Vec<&str> = columns.iter().map(|c| c.item.as_str()).collect();
    // The default's items first, in its order, then what only the village checklist has.
    let default_ids: Vec<&str> =
        builtin::DEFAULT.sections.iter().flat_map(|s| s.items.iter()).map(|i| i.id.as_ref()).collect();
    assert_eq!(&ids[..default_ids.len()], &default_ids[..]);
    assert!(ids.contains(&"village-branch-study"));
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "no column twice");

    let (office, village) = (&rollup.branches[0], &rollup.branches[1]);
    assert_eq!(office.cell("village-branch-study").label(), "无此项");
    assert_eq!(village.cell("village-branch-study").label(), "已落实");
    // The village checklist drops the 中心组 items altogether.
    assert_eq!(village.cell("center-group-study"), Cell2::Absent);
    assert_eq!(village.cell("special-study").label(), "已落实");
    // Mixed levels: 基层党组织 in the paragraph.
    assert!(rollup.paragraph().starts_with("共收到2个基层党组织的自查报告"), "{}", rollup.paragraph());
}

#[test]
fn most_missed_counts_gaps_most_first() {
    let mut rollup = Rollup::default();
    for (i, unit) in ["一", "二", "三"].iter().enumerate() {
        let mut r = branch(&format!("r-{i}"), &format!("机关第{unit}党支部"), T0);
        if i == 0 {
            r.answers.insert("situation-analysis".into(), answer(Status::Done, &[("sessions", "2")]));
        }
        rollup.add_file(&format!("{i}.json"), &file_of(&r));
    }
    let missed = rollup.most_missed(5);
    assert_eq!(missed[0].0.item, "spokesperson");
    assert_eq!((missed[0].1, missed[0].2), (3, 0));
    assert_eq!(missed[1].0.item, "situation-analysis");
    assert_eq!((missed[1].1, missed[1].2), (0, 2));
    assert_eq!(missed.len(), 2);
    assert_eq!(rollup.most_missed(1).len(), 1);
}

#[test]
fn the_paragraph_counts_branches_and_names_common_problems() {
    assert_eq!(Rollup::default().paragraph(), "");
    let mut rollup = Rollup::default();
    rollup.add_file("a.json", &file_of(&branch("r-a", "机关第一党支部", T0)));
    rollup.add_file("b.json", &file_of(&branch("r-b", "机关第二党支部", T0)));
    let p = rollup.paragraph();
    assert!(p.starts_with("共收到2个党支部的自查报告。"), "{p}");
    assert!(p.contains("平均落实率为"), "{p}");
    assert!(p.contains("普遍存在落实不到位情况的事项主要有："), "{p}");
    assert!(p.contains("（2个党支部未落实）"), "{p}");
    assert!(p.contains("（2个党支部部分落实）"), "{p}");
    assert!(p.ends_with("确保落实到位。"), "{p}");
    assert!(!p.contains("。。") && !p.contains("；。"), "{p}");
}

#[test]
fn the_sheet_has_a_header_a_row_per_branch_and_a_total() {
    let mut rollup = Rollup::default();
    rollup.add_file("a.json", &file_of(&branch("r-a", "机关第一党支部", T0)));
    rollup.add_file("b.json", &file_of(&branch("r-b", "机关第二党支部", T0)));
    let sheet = rollup.sheet();
    let columns = rollup.columns().len();
    let width = SUMMARY_HEADERS.len() + KEY_ITEMS.len() + columns;
    assert_eq!(sheet.rows.len(), 4);
    assert!(sheet.rows.iter().all(|r| r.len() == width));
    assert_eq!(sheet.widths.len(), width);
    assert_eq!(sheet.rows[0][0], Cell::Text("单位".into()));
    assert_eq!(sheet.rows[1][0], Cell::Text("机关第一党支部".into()));
    assert_eq!(sheet.rows[1][1], Cell::Text("2025年度".into()));
    // 专题研究（次）: typed 2 in each, totalled 4.
    let study = SUMMARY_HEADERS.len();
    assert_eq!(sheet.rows[1][study], Cell::Number(2.0));
    assert_eq!(sheet.rows[3][study], Cell::Number(4.0));
    // 中心组学习 is not asked of a 党支部: empty, and 0 in the total.
    assert_eq!(sheet.rows[1][study + 1], Cell::Empty);
    assert_eq!(sheet.rows[3][0], Cell::Text("合计（2个单位）".into()));
    let spokesperson = rollup.columns().iter().position(|c| c.item == "spokesperson").unwrap();
    let at = SUMMARY_HEADERS.len() + KEY_ITEMS.len() + spokesperson;
    assert_eq!(sheet.rows[1][at], Cell::Text("未落实".into()));
    let special = rollup.columns().iter().position(|c| c.item == "special-study").unwrap();
    let at_special = SUMMARY_HEADERS.len() + KEY_ITEMS.len() + special;
    assert_eq!(sheet.rows[1][at_special], Cell::Text("已落实（2次）".into()));
    assert_eq!(sheet.rows[3][at], Cell::Text("2个单位未全部落实".into()));
    // It writes as a workbook.
    let bytes = crate::domain::xlsx::to_xlsx(&sheet);
    assert_eq!(&bytes[..2], b"PK");
}

#[test]
fn hostile_names_are_kept_as_plain_text() {
    let mut rollup = Rollup::default();
    let r = branch("r-a", "<script>alert(1)</script>支部", T0);
    rollup.add_file("a\n<b>.json", &file_of(&r));
    let name = &rollup.files[0].file;
    assert_eq!(name, "ab.json");
    let sheet = rollup.sheet();
    let bytes = crate::domain::xlsx::to_xlsx(&sheet);
    assert!(!bytes.windows(8).any(|w| w == b"<script>"), "the sheet escapes markup");
}

#[test]
fn the_saved_rollup_reads_back_and_refuses_newer_or_broken_text() {
    let mut rollup = Rollup::default();
    rollup.add_file("a.json", &file_of(&branch("r-a", "机关第一党支部", T0)));
    let json = rollup.to_json();
    assert!(json.starts_with("{\"zeren_rollup\":1,"), "{}", &json[..40]);
    assert_eq!(Rollup::from_json(&json), Ok(rollup.clone()));
    let newer = json.replacen("\"zeren_rollup\":1", "\"zeren_rollup\":9", 1);
    assert!(Rollup::from_json(&newer).unwrap_err().contains("更新版本"));
    assert!(Rollup::from_json(&json[..json.len() / 2]).unwrap_err().contains("已损坏"));
    assert!(Rollup::from_json("{\"branches\":[]}").unwrap_err().contains("已损坏"));
    // Removing a branch keeps the columns: the table reads the same.
    let columns = rollup.columns().len();
    rollup.remove(0);
    rollup.remove(5);
    assert!(rollup.branches.is_empty());
    assert_eq!(rollup.columns().len(), columns);
}

/// The saved 汇总 of 300 branches (40 items each) stays far under the 5 million characters
/// localStorage holds per site.
#[test]
fn three_hundred_branches_fit_in_storage() {
    let mut rollup = Rollup::default();
    for i in 0..300 {
        let r = branch(&format!("r-{i}"), &format!("第{i}党支部"), T0);
        rollup.add_file(&format!("{i:03}-第{i}党支部.json"), &file_of(&r));
    }
    assert_eq!(rollup.branches.len(), 300);
    let chars = rollup.to_json().chars().count();
    assert!(chars < 1_000_000, "{chars} characters");
}
