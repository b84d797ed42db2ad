//! Tests of `backup`, beside it to keep the module short.

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
    assert_eq!(e.to_string(), "这个文件不是本工具导出的备份文件。请选择文件名以“责任制报告备份”开头的 .json 文件。");
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
    assert_eq!(e, ImportError::Newer { found: 3 });
    assert_eq!(
        e.to_string(),
        "这个备份文件是由更新版本的本工具导出的（格式版本3，本页面只认识到版本2），本页面无法读取，现有报告没有任何改动。请打开最新版本的页面再导入。"
    );
    assert_plain(&e);
    assert_eq!(err(&fixture("newer-format.json")), ImportError::Newer { found: 2 });
    assert_eq!(err(br#"{"schema":7,"revision":1,"reports":[]}"#), ImportError::Newer { found: 7 });
    assert_eq!(err(br#"{"zeren_backup":1,"schema":99999999999,"reports":5}"#), ImportError::Newer { found: u32::MAX });
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
    r.problems =
        Some(vec![ProblemPlan { problem: "甲\n乙".into(), plan: "丙\r\n丁".into(), ..Default::default() }]);
    let got = one(as_value(&r));
    let r = &got.reports[0];
    assert_eq!(r.unit, "局党组");
    assert_eq!(r.person, "张三");
    assert_eq!(r.answers["x"].values["v"], "一\n二\n三");
    assert_eq!(r.answers["x"].note, "一\n二\n三\n\n四\t");
    assert_eq!(
        r.problems,
        Some(vec![ProblemPlan { problem: "甲\n乙".into(), plan: "丙\n丁".into(), ..Default::default() }])
    );
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
    assert_eq!(
        r.problems,
        Some(vec![ProblemPlan { problem: "问题一".into(), plan: "措施一".into(), ..Default::default() }])
    );
    assert!(got
        .warnings
        .iter()
        .any(|w| w.starts_with("第3份报告“组党局2026年上半年”：单位名称、姓名和职务、第1条问题等4处中有")));
    for c in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}', '\u{2064}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
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
    r.problems =
        Some(vec![ProblemPlan { problem: "问".repeat(20_001), plan: "措".repeat(20_000), ..Default::default() }]);
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
        w.contains("第7份报告“第二份，编号相同内容不同2026年上半年”：与第6份报告编号相同，编号已改为“imported-7”。"),
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
    assert_eq!(got, Imported { reports: env.reports, warnings: vec![], checklists: vec![] });
}

#[test]
fn export_one_round_trips() {
    for r in v1().reports {
        let got = parse_backup(export_one(&r, 3.0).as_bytes()).unwrap();
        assert_eq!(got, Imported { reports: vec![r], warnings: vec![], checklists: vec![] });
    }
}

#[test]
fn tidied_reports_are_a_fixed_point() {
    for name in ["hostile.json", "single-report.json"] {
        let first = parse_backup(&fixture(name)).unwrap();
        let again =
            parse_backup(export_all(&Envelope { reports: first.reports.clone(), ..v1() }, 1.0).as_bytes()).unwrap();
        assert_eq!(again, Imported { reports: first.reports, warnings: vec![], checklists: vec![] }, "{name}");
    }
}

// --- Describing and naming -------------------------------------------------------------

#[test]
fn describes_a_file_for_the_confirm_dialog() {
    let got = parse_backup(include_bytes!("../../tests/fixtures/saved-v1.json")).unwrap();
    assert_eq!(describe(&got), "文件中有2份报告：局党组2026年上半年、张三（党组成员、副局长）2025年度个人对照检查。");
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
        checklists: vec![],
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
    let (merged, summary) = merge(&existing, vec![x.clone(), x.clone(), report("x", "另一份")], ImportMode::Replace);
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
    let (merged, summary) = merge(&Envelope::default(), vec![report("../x", "甲"), report("", "乙")], ImportMode::Add);
    let ids: Vec<&str> = merged.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["imported", "imported-2"]);
    assert_eq!(summary.renamed, 2);
}

#[test]
fn a_level_is_kept_and_an_unknown_one_dropped() {
    use crate::domain::template::Level;
    let chosen = Report { level: Some(Level::Village), ..report("a", "王庄村党支部") };
    let read = one(as_value(&chosen));
    assert_eq!(read.reports, vec![chosen]);
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);

    // An older backup has no level: it follows the unit's name, as before.
    let mut old = as_value(&report("b", "机关第一党支部"));
    old.as_object_mut().unwrap().remove("level");
    let read = one(old);
    assert_eq!(read.reports[0].level, None);
    assert_eq!(read.reports[0].level(), Level::Branch);

    // A level from a newer zeren (or typed by hand) is dropped with a word, not the report.
    for bad in [serde_json::json!("district\u{202E}x"), serde_json::json!(3), serde_json::json!({ "a": 1 })] {
        let mut v = as_value(&report("c", "局党组"));
        v.as_object_mut().unwrap().insert("level".into(), bad.clone());
        let read = one(v);
        assert_eq!(read.reports[0].level, None, "{bad}");
        assert_eq!(read.warnings.len(), 1, "{bad}: {:?}", read.warnings);
        assert!(
            read.warnings[0].contains("党组织类型") && read.warnings[0].contains("按单位名称判断"),
            "{:?}",
            read.warnings
        );
        assert!(!read.warnings[0].contains('\u{202E}'), "{:?}", read.warnings);
    }
    let mut v = as_value(&report("d", "局党组"));
    v.as_object_mut().unwrap().insert("level".into(), Value::Null);
    assert!(one(v).warnings.is_empty(), "null is no level, quietly");
}

#[test]
fn a_role_is_kept_and_an_unknown_one_dropped() {
    use crate::domain::report::ReportKind;
    use crate::domain::template::Role;
    for role in Role::ALL {
        let chosen = Report { kind: ReportKind::Personal, role: Some(role), ..report("a", "局党组") };
        let v = as_value(&chosen);
        assert_eq!(v["role"], serde_json::json!(role.id()));
        let read = one(v);
        assert_eq!(read.reports, vec![chosen]);
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    }

    // No role is not written at all: older backups and zeren versions read the same file.
    let none = report("b", "局党组");
    assert!(as_value(&none).get("role").is_none(), "no role key when none was chosen");
    let read = one(as_value(&none));
    assert_eq!(read.reports, vec![none]);
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);

    // A role from a newer zeren (or typed by hand) is dropped with a word, not the report.
    for bad in
        [serde_json::json!("chair\u{202E}x"), serde_json::json!(""), serde_json::json!(2), serde_json::json!([1])]
    {
        let mut v = as_value(&Report { kind: ReportKind::Personal, ..report("c", "局党组") });
        v.as_object_mut().unwrap().insert("role".into(), bad.clone());
        let read = one(v);
        assert_eq!(read.reports.len(), 1, "{bad}: the report is kept");
        assert_eq!(read.reports[0].role, None, "{bad}");
        assert_eq!(read.warnings.len(), 1, "{bad}: {:?}", read.warnings);
        assert!(
            read.warnings[0].contains("本人职责") && read.warnings[0].contains("已改为未选择"),
            "{:?}",
            read.warnings
        );
        assert!(!read.warnings[0].contains('\u{202E}'), "{:?}", read.warnings);
    }
    let mut v = as_value(&report("d", "局党组"));
    v.as_object_mut().unwrap().insert("role".into(), Value::Null);
    assert!(one(v).warnings.is_empty(), "null is no role, quietly");
}

#[test]
fn a_report_on_a_user_checklist_travels_with_it() {
    use crate::domain::custom;
    let mine = custom::copy_as_mine(&crate::domain::builtin::DEFAULT, "my-abc", "本局清单");
    let value = serde_json::to_value(&mine).unwrap();
    let other = serde_json::json!({ "id": "my-other-v1" });
    let r = Report { template_id: mine.id.to_string(), ..report("r1", "局党组") };
    let file = export_one_with(&r, &[value.clone(), other], 1.0);
    let got = parse_backup(file.as_bytes()).unwrap();
    assert_eq!(got.checklists, vec![value.clone()], "only its own checklist goes with it");
    // A whole backup carries every checklist; ones that cannot be read or are not a user's stay out.
    let env = Envelope {
        reports: vec![r],
        checklists: vec![
            value.clone(),
            serde_json::json!({ "id": "my-broken-v1" }),
            serde_json::json!({ "id": "default" }),
        ],
        ..v1()
    };
    assert_eq!(parse_backup(export_all(&env, 1.0).as_bytes()).unwrap().checklists, vec![value]);
}
