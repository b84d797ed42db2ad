//! The proof-reader (`domain::proof`) on whole texts: the seed report (a real report of
//! 2022年上半年 with its slips, `tests/fixtures/proof/seed-2022h1.txt`) must give exactly the
//! findings a careful proof-reader marks and nothing more; every golden text the generator
//! writes (`tests/fixtures/*.txt`, `tests/fixtures/presets/*.txt`) must check clean; and the
//! command-line twin (`examples/proofread.rs`) prints them and sets its exit status.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use zeren::domain::proof::{apply, check, Context, RuleSet};
use zeren::domain::report::{Period, Report};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

fn seed() -> String {
    fs::read_to_string(fixtures().join("proof").join("seed-2022h1.txt")).expect("the seed report is there")
}

const SEED_PERIOD: Context = Context { period: Some((2022, Period::FirstHalf)), typed: false };

/// Every slip of form in the seed report, as (line, rule, words found), and nothing else.
#[test]
fn the_seed_report_gives_exactly_the_slips_a_proof_reader_marks() {
    let text = seed();
    let found: Vec<(usize, String, String)> = check(&RuleSet::builtin(), &text, &SEED_PERIOD)
        .into_iter()
        .map(|f| (f.line, f.rule, text[f.start..f.end].to_string()))
        .collect();
    let expected = [
        (10, "punct.space", " "),                                 // 以 “党史学习教育”
        (10, "punct.dunhao-quoted", "、"),                        // “三会一课”、“主题党日”
        (11, "punct.space", " "),                                 // 参学率达98% 。
        (16, "punct.double", "。，"),                             // 占领舆论阵地。，在政府院内
        (16, "words.placeholder", "**"),                          // 在**广场
        (18, "punct.dunhao-conj", "、"),                          // 道德模范、和楷模
        (21, "number.year-nian", "2022"),                         // 2022上半年
        (21, "words.typo", "把握的还不够"),                       // 的/得
        (23, "wording.superseded", "治国理政新理念新思想新战略"), // in a 2022 report
    ];
    let expected: Vec<(usize, String, String)> =
        expected.iter().map(|(l, r, w)| (*l, r.to_string(), w.to_string())).collect();
    assert_eq!(found, expected);
}

/// Applying every fix the seed report's findings offer leaves only the advice.
#[test]
fn the_seed_report_s_fixes_apply_and_leave_only_advice() {
    let text = seed();
    let rules = RuleSet::builtin();
    let fixed = apply(&text, &check(&rules, &text, &SEED_PERIOD));
    assert!(fixed.contains("以“党史学习教育”") && fixed.contains("参学率达98%。") && fixed.contains("2022年上半年"));
    assert!(fixed.contains("占领舆论阵地。在政府院内") && fixed.contains("道德模范和楷模"));
    assert!(fixed.contains("通过“三会一课”“主题党日”"));
    let left: Vec<String> = check(&rules, &fixed, &SEED_PERIOD).into_iter().map(|f| f.rule).collect();
    assert_eq!(left, ["words.placeholder", "words.typo", "wording.superseded"]);
}

/// The same report read as a 2023 one: 十九大 in its guiding line is now out of date.
#[test]
fn the_seed_report_read_in_2023_points_to_the_twentieth_congress() {
    let text = seed();
    let cx = Context { period: Some((2023, Period::Year)), typed: false };
    let f = check(&RuleSet::builtin(), &text, &cx);
    let congress: Vec<&str> =
        f.iter().filter(|f| f.rule == "wording.superseded-congress").map(|f| &text[f.start..f.end]).collect();
    assert_eq!(congress, ["党的十九大和十九届历次全会", "党的十九届六中全会", "党的十九大"]);
}

/// Each golden text with the year and period its report was written for.
fn goldens() -> Vec<(String, String, (u16, Period))> {
    let mut out = Vec::new();
    for entry in fs::read_dir(fixtures()).expect("tests/fixtures exists") {
        let path = entry.expect("readable").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let json = fs::read_to_string(path.with_extension("json")).expect("each golden has its report");
            let r: Report = serde_json::from_str(&json).expect("a report");
            out.push((path.display().to_string(), fs::read_to_string(&path).expect("readable"), (r.year, r.period)));
        }
    }
    // The presets' goldens are written for a 2026 report (tests/generator.rs, `filled`).
    for entry in fs::read_dir(fixtures().join("presets")).expect("tests/fixtures/presets exists") {
        let path = entry.expect("readable").path();
        if path.extension().is_some_and(|e| e == "txt") {
            out.push((path.display().to_string(), fs::read_to_string(&path).expect("readable"), (2026, Period::Year)));
        }
    }
    out
}

/// What zeren writes must check clean: the built-in checklist's wording, every preset's, and
/// the tidying of what users typed (the messy fixture's odd input included).
#[test]
fn every_golden_text_checks_clean() {
    let rules = RuleSet::builtin();
    let mut wrong = Vec::new();
    let all = goldens();
    assert!(all.len() >= 28, "{} golden texts", all.len());
    for (name, text, period) in all {
        for f in check(&rules, &text, &Context { period: Some(period), typed: false }) {
            wrong.push(format!("{name}:{}:{} {} {} {}", f.line, f.column, f.rule, f.message, f.suggestion));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn run_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "proofread", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

#[test]
fn the_command_line_prints_one_finding_a_line_and_fails_on_errors() {
    let seed = fixtures().join("proof").join("seed-2022h1.txt");
    let out = run_cli(&[seed.to_str().unwrap(), "--year", "2022", "--period", "first_half"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 9, "{stdout}");
    assert!(lines[0].starts_with("10:134 punct.space 错误 "), "{}", lines[0]);
    assert!(
        stdout.contains("21:1 number.year-nian 错误 年份后面漏了“年”字：“2022” 在年份后加“年”：“2022年”"),
        "{stdout}"
    );
    assert!(stdout.contains("wording.superseded 提示"), "{stdout}");
    // A golden text: nothing to say, exit 0.
    let golden = fixtures().join("sample-2022h1.txt");
    let out = run_cli(&[golden.to_str().unwrap(), "--year", "2022", "--period", "first_half"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty());
    // A file that is not there, a wrong argument: said in Chinese, exit 2.
    let out = run_cli(&["no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取"));
    let out = run_cli(&[seed.to_str().unwrap(), "--period", "spring"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--period"));
}

fn read(name: &str) -> String {
    fs::read_to_string(fixtures().join("proof").join(name)).expect("the proof fixture is there")
}

/// Official text written the way it should be, with the forms that look like slips and are
/// not (第一、二季度, 3—5月, 1.5万元, quoted 省略号, 5G, APP, 人人参与、层层落实): nothing found.
#[test]
fn clean_official_texts_check_clean() {
    let cx = Context { period: Some((2023, Period::Year)), typed: false };
    for name in ["clean-2023.txt", "clean-fragments.txt"] {
        let text = read(name);
        let found: Vec<String> = check(&RuleSet::builtin(), &text, &cx)
            .into_iter()
            .map(|f| format!("{}:{} {} {}", f.line, f.column, f.rule, f.message))
            .collect();
        assert!(found.is_empty(), "{name}:\n{}", found.join("\n"));
    }
}

/// A text with one or two slips of every kind on each line: each found where it stands.
#[test]
fn a_text_of_slips_gives_each_one_where_it_stands() {
    let text = read("slips-2023.txt");
    let cx = Context { period: Some((2023, Period::Year)), typed: false };
    let found: Vec<String> = check(&RuleSet::builtin(), &text, &cx)
        .into_iter()
        .map(|f| format!("{}:{} {}", f.line, f.column, f.rule))
        .collect();
    let expected = "1:7 punct.heading-stop;2:4 ordinal.mark;3:1 ordinal.bracket;4:1 ordinal.sequence;5:2 ordinal.mark;\
                    6:1 ordinal.sequence;7:7 punct.halfwidth;7:12 punct.halfwidth;7:13 ordinal.shi;7:17 punct.halfwidth;\
                    8:5 ordinal.di;8:11 punct.space;8:17 wording.canonical;8:26 wording.superseded-congress;\
                    8:34 words.jiezhi;9:3 number.zero;9:3 number.year-mixed;9:16 number.wenhao;9:33 number.leading-zero;\
                    9:36 number.leading-zero;9:45 number.fullwidth;10:11 punct.dunhao-quoted;10:18 punct.dunhao-conj;\
                    10:27 punct.ellipsis;11:5 words.typo;11:8 words.typo;11:17 words.doubled;11:19 words.placeholder;\
                    11:26 words.placeholder;12:9 wording.superseded-congress";
    assert_eq!(found.join(";"), expected);
    // Every fix applied, the slips of form are gone and only advice and what has no exact
    // fix (sequence, wording) is left.
    let fixed = apply(&text, &check(&RuleSet::builtin(), &text, &cx));
    let left: Vec<String> = check(&RuleSet::builtin(), &fixed, &cx).into_iter().map(|f| f.rule).collect();
    assert!(
        left.iter().all(|r| !r.starts_with("punct.") && !r.starts_with("number.") || r == "number.year-mixed"),
        "{left:?}\n{fixed}"
    );
}
