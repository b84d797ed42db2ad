//! Golden tests for the report generator: each `tests/fixtures/NAME.json` is a saved report
//! (the `Report` serde shape, exactly as the app exports one report) and `NAME.txt` is the
//! text it must produce with the default checklist. Every committed `.txt` has been read in
//! full by a person, as the office worker who pastes it into Word would read it.
//!
//! When the wording changes on purpose, rewrite the expected texts with
//!
//!     ZEREN_BLESS=1 cargo test --test generator
//!
//! and then READ every changed `.txt` (`git diff tests/fixtures`) before committing: the
//! golden files are only worth something if a person has checked them.
//!
//! On a mismatch the test prints the differing lines and writes the actual text next to the
//! build (the path is printed), so `diff -u tests/fixtures/NAME.txt <that path>` shows it all.
//!
//! The CLI (`cargo run --example render -- FILE.json`) is checked here too.
// Native only: these run under `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use zeren::domain::generate::{generate, suggested_problems, DATE_PLACEHOLDER, MAX_POINTS, SIGN_OFF};
use zeren::domain::progress::late_citations;
use zeren::domain::render::{to_text, INDENT};
use zeren::domain::report::Report;
use zeren::domain::template::Template;
use zeren::domain::text::{shared_phrase, stray_half_width};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// Reads a fixture and checks that it is exactly the saved shape: deserialising it and
/// serialising it again gives the same JSON value, so no key is misspelt (a misspelt key
/// would otherwise be dropped silently, `Report` taking defaults for missing fields).
fn load(name: &str) -> Report {
    let path = fixtures().join(format!("{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    let report: Report =
        serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}.json is not a Report: {e}"));
    let again = serde_json::to_value(&report).expect("a report serialises");
    assert_eq!(again, value, "{name}.json is not in the exact saved shape (a misspelt or missing key?)");
    report
}

fn render(report: &Report) -> String {
    to_text(&generate(&Template::default_template(), report))
}

/// Line-by-line comparison that names every differing line; enough to see what moved.
fn describe_mismatch(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = format!("expected {} lines, got {}\n", e.len(), a.len());
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!("line {}:\n- {}\n+ {}\n", i + 1, x.unwrap_or(&"<none>"), y.unwrap_or(&"<none>")));
            shown += 1;
            if shown == 12 {
                out.push_str("… (more differences not shown)\n");
                break;
            }
        }
    }
    out
}

/// True when `ZEREN_BLESS=1`: the expected texts are rewritten instead of compared.
fn blessing() -> bool {
    std::env::var("ZEREN_BLESS").as_deref() == Ok("1")
}

/// Generates the fixture's text and compares it with `NAME.txt`, or rewrites that file when
/// `ZEREN_BLESS=1` is set. Returns the text for further checks.
fn golden(name: &str) -> String {
    let report = load(name);
    compare_golden(name, render(&report))
}

/// Compares a text with `tests/fixtures/NAME.txt`, or rewrites that file when blessing.
fn compare_golden(name: &str, actual: String) -> String {
    let path = fixtures().join(format!("{name}.txt"));
    if blessing() {
        fs::write(&path, &actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return actual;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e}); create it with ZEREN_BLESS=1 and read it", path.display()));
    if expected != actual {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}.actual.txt", name.replace('/', "-")));
        let _ = fs::write(&out, &actual);
        panic!(
            "{name}: generated text differs from tests/fixtures/{name}.txt\n{}\nfull text written to {}\n\
             compare with: diff -u tests/fixtures/{name}.txt {}\n\
             if the change is intended: ZEREN_BLESS=1 cargo test --test generator, then read the diff",
            describe_mismatch(&expected, &actual),
            out.display(),
            out.display()
        );
    }
    actual
}

const CN_NUM: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
    "十八", "十九", "二十",
];

/// What the Chinese office worker checks on every page, applied to every golden text:
/// numbering consecutive at each level, no placeholder or bracket left, full-width
/// punctuation, no stray spaces, no doubled marks, no empty line or empty heading.
fn check_layout(name: &str, text: &str) {
    let mut lines = text.lines();
    let title = lines.next().unwrap_or_default();
    assert!(!title.is_empty() && !title.starts_with(INDENT), "{name}: the title comes first, unindented");
    assert_eq!(lines.next(), Some(""), "{name}: a blank line follows the title");
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{name}: one newline at the end");

    // The 主送机关 line (flush left, ending in ：) when the user gave one, and in a unit report
    // the 落款 after a blank line (the unit, then the date or its placeholder, flush left),
    // after 特此报告。 as the last paragraph.
    let mut body_lines: Vec<&str> = lines.collect();
    let mut first = 3;
    if body_lines.first().is_some_and(|l| !l.starts_with(INDENT) && l.ends_with('：')) {
        body_lines.remove(0);
        first = 4;
    }
    if let Some(blank) = body_lines.iter().rposition(|l| l.is_empty()) {
        let closing = &body_lines[blank + 1..];
        assert_eq!(closing.len(), 2, "{name}: the 落款 is the unit and the date");
        assert!(closing.iter().all(|l| !l.is_empty() && !l.starts_with(INDENT)), "{name}: 落款 lines are flush left");
        assert!(
            closing[1].ends_with('日') || closing[1] == DATE_PLACEHOLDER,
            "{name}: the 落款 ends with the date or its placeholder"
        );
        body_lines.truncate(blank);
        assert_eq!(
            body_lines.last().map(|l| l.trim_start_matches('\u{3000}')),
            Some(SIGN_OFF),
            "{name}: 特此报告。 last"
        );
    }
    assert!(!body_lines.last().is_some_and(|l| l.ends_with('：')), "{name}: the text stops at a lead ending in ：");

    let (mut h1, mut h2, mut point) = (0usize, 0usize, 0usize);
    let mut previous_point: Option<&str> = None;
    let template = Template::default_template();
    let names = template.level_names();
    let mut last_was_heading = false;
    for (n, line) in body_lines.into_iter().enumerate() {
        let at = format!("{name} line {}: {line}", n + first);
        let body = line.strip_prefix(INDENT).unwrap_or_else(|| panic!("{at}: not indented by two full-width spaces"));
        assert!(!body.trim().is_empty(), "{at}: empty paragraph");
        if let Some((num, rest)) = body.split_once('、').filter(|(num, _)| CN_NUM.contains(num)) {
            assert_eq!(num, CN_NUM[h1], "{at}: top heading out of sequence");
            assert!(!rest.is_empty() && !rest.ends_with('。'), "{at}: heading empty or ends with 。");
            (h1, h2, point) = (h1 + 1, 0, 0);
            previous_point = None;
            last_was_heading = true;
            continue;
        }
        if let Some(rest) = body.strip_prefix('（') {
            let (num, heading) = rest.split_once('）').unwrap_or_else(|| panic!("{at}: unclosed （"));
            assert_eq!(num, CN_NUM[h2], "{at}: （…） heading out of sequence");
            assert!(!heading.is_empty() && !heading.ends_with('。'), "{at}: heading empty or ends with 。");
            (h2, point) = (h2 + 1, 0);
            previous_point = None;
            last_was_heading = true;
            continue;
        }
        last_was_heading = false;
        let numbered = CN_NUM.iter().enumerate().rev().find(|(_, num)| body.starts_with(&format!("{num}是")));
        match numbered {
            Some((i, _)) => {
                assert_eq!(i, point, "{at}: point numbered out of sequence");
                point += 1;
                assert!(point <= MAX_POINTS, "{at}: more than {MAX_POINTS} points under one heading");
                if let Some(p) = previous_point.and_then(|prev| shared_phrase(prev, body, 8, &names)) {
                    panic!("{at}: repeats “{p}” from the point before");
                }
                previous_point = Some(body);
            }
            None => {
                point = 0;
                previous_point = None;
            }
        }
    }
    assert!(!last_was_heading, "{name}: ends with a heading that has nothing under it");

    for bad in ['{', '}', '[', ']', '\u{FFFD}'] {
        assert!(!text.contains(bad), "{name}: contains “{bad}”");
    }
    assert_eq!(stray_half_width(text), None, "{name}: half-width punctuation in Chinese text");
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let ok = i > 0
                && chars[i - 1].is_ascii_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            assert!(
                ok,
                "{name}: stray space in “{}”",
                chars[i.saturating_sub(8)..(i + 8).min(chars.len())].iter().collect::<String>()
            );
        }
        assert!(!c.is_control() || c == '\n', "{name}: control character U+{:04X}", c as u32);
    }
    let marks = ['，', '。', '；', '：', '、', '！', '？'];
    for w in chars.windows(2) {
        assert!(!(marks.contains(&w[0]) && marks.contains(&w[1])), "{name}: doubled punctuation “{}{}”", w[0], w[1]);
    }
    for stale in ["2022上半年", "% 。", " 。", "，。", "。，"] {
        assert!(!text.contains(stale), "{name}: contains “{stale}”");
    }
}

/// The body's paragraphs, without the indentation (the 主送机关 and 落款 lines, flush left,
/// are not among them).
fn body_lines(text: &str) -> Vec<&str> {
    text.lines().skip(2).filter_map(|l| l.strip_prefix(INDENT)).collect()
}

/// The numbered points under the top heading `heading` (e.g. `存在的问题`).
fn points_under<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    body_lines(text)
        .into_iter()
        .skip_while(|l| !l.split_once('、').is_some_and(|(n, h)| CN_NUM.contains(&n) && h == heading))
        .skip(1)
        .take_while(|l| !l.split_once('、').is_some_and(|(n, _)| CN_NUM.contains(&n)))
        .filter(|l| CN_NUM.iter().any(|n| l.starts_with(&format!("{n}是"))))
        .collect()
}

/// Every fixture, in the order of the list in the report to the maintainers.
const FIXTURES: [&str; 16] = [
    "sample-2022h1",
    "branch-2022h1",
    "bureau-2022",
    "branch-2023-gaps",
    "empty-unit-only",
    "two-items-rest-na",
    "personal-zhangsan-2025",
    "personal-role-secretary-2025",
    "personal-role-deputy-2025",
    "personal-role-member-2025",
    "messy-q3-2024",
    "complete-2025",
    "all-not-done-2025",
    "half-partly-2024h2",
    "branch-2025",
    "community-2025h1",
];

/// Every golden text belongs to a listed fixture, and every listed fixture has both files.
/// (Other JSON in the folder, such as saved backups used by other tests, is not a golden.)
#[test]
fn every_golden_text_is_listed_and_tested() {
    let mut found = BTreeSet::new();
    for entry in fs::read_dir(fixtures()).expect("tests/fixtures exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            found.insert(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    let listed: BTreeSet<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    if !blessing() {
        assert_eq!(found, listed, "every .txt in tests/fixtures belongs to a fixture listed in FIXTURES");
    }
    for name in FIXTURES {
        assert!(fixtures().join(format!("{name}.json")).exists(), "{name}.json is missing");
    }
}

#[test]
fn sample_2022h1_matches_the_reference_facts() {
    let text = golden("sample-2022h1");
    check_layout("sample-2022h1", &text);
    assert!(text.starts_with("局党组关于2022年上半年落实意识形态工作责任制情况的报告\n"));
    assert!(text.contains("党的十九大和十九届历次全会精神"), "2022 reports still cite the 19th congress");
    assert!(!text.contains("二十大"));
    assert!(text.contains("组织全体干部职工开展理论学习9次"));
    assert!(text.contains("参学率达98%，"));
    assert!(text.contains("集中观看专题教育片和警示教育片5次"));
    let headings: Vec<&str> = body_lines(&text).into_iter().filter(|l| l.starts_with('（')).collect();
    assert_eq!(headings.len(), 4, "the four areas of the reference, （一） to （四）: {headings:?}");
    let problems = points_under(&text, "存在的问题");
    assert_eq!(problems.len(), 4, "the user's four problems replace the suggestions: {problems:?}");
    assert!(problems[0].starts_with("一是学习党的创新理论还不够深入。"));
    assert_eq!(points_under(&text, "下一步工作打算").len(), 4);
}

/// Thirteen gaps are grouped into eight points: pairs within one area, each pair's
/// judgements joined by ；, no problem left out.
#[test]
fn branch_with_many_gaps_groups_them_into_eight_points() {
    let text = golden("branch-2023-gaps");
    check_layout("branch-2023-gaps", &text);
    assert!(
        text.contains("党的二十大和二十届二中全会精神，全面贯彻习近平文化思想"),
        "a 2023年度 report: the 20th congress and its second plenum (not yet 历次), and 习近平文化思想"
    );
    let problems = points_under(&text, "存在的问题");
    assert_eq!(problems.len(), MAX_POINTS, "three partly and ten not done, grouped: {problems:?}");
    let mut judgements = 0;
    for (n, p) in problems.iter().enumerate() {
        assert!(p.starts_with(&format!("{}是", CN_NUM[n])), "{p}");
        let here = p.split('。').next().unwrap_or_default().matches('；').count() + 1;
        assert!(here <= 2, "{p}");
        judgements += here;
    }
    assert_eq!(judgements, 13);
    // 报告 and 研判 (both 组织领导) share a point; 第一议题 (理论学习) stands alone.
    assert!(problems[2].starts_with("三是尚未按规定向上级党委报告意识形态工作；尚未开展意识形态领域形势研判。"));
    assert!(problems[4].starts_with("五是“第一议题”学习与研究贯彻结合不紧。"));
    let report = load("branch-2023-gaps");
    for p in suggested_problems(&Template::default_template(), &report) {
        let judgement = p.problem.split('。').next().unwrap_or_default();
        assert!(problems.iter().any(|line| line.contains(judgement)), "“{judgement}” is printed");
    }
    assert!(!text.contains("九是") && !text.contains("十一是"));
    assert_eq!(points_under(&text, "下一步工作打算").len(), MAX_POINTS);
}

/// Past eight points the user sees which points were joined into which (`merge_choices`)
/// and chooses those that stand alone: a chosen point gets its own number, with its own
/// text, in 存在的问题 and 下一步工作打算 alike; the rest are joined so there are still eight,
/// every word kept; more than seven chosen count as the first seven; no choice joins as
/// before.
#[test]
fn the_user_chooses_which_points_stand_alone_past_eight() {
    use zeren::domain::generate::{merge_choices, PROBLEMS_KEY};
    let t = Template::default_template();
    let mut report = load("branch-2023-gaps");
    let choices = merge_choices(&t, &report);
    assert_eq!(choices.len(), 1, "only the problems run past eight: {choices:?}");
    let c = &choices[0];
    assert_eq!((c.key.as_str(), c.heading.as_str()), (PROBLEMS_KEY, "存在的问题和下一步工作打算"));
    assert_eq!((c.points.len(), c.groups.len()), (13, MAX_POINTS));
    assert!(c.alone.iter().all(|a| !a));
    // 报告 and 研判 are joined by default (the golden's third point); take 研判 out.
    let (at, _) =
        c.points.iter().enumerate().find(|(_, (_, lead))| lead == "尚未开展意识形态领域形势研判").expect("研判");
    let joined = c.groups.iter().find(|g| g.contains(&at)).expect("in a group");
    assert!(joined.len() > 1, "joined by default: {:?}", c.groups);
    let id = c.points[at].0.clone();
    assert_eq!(id, "situation-analysis");
    report.merge_alone.insert(PROBLEMS_KEY.into(), vec![id.clone()]);
    let text = render(&report);
    check_layout("branch-2023-gaps with 研判 alone", &text);
    let problems = points_under(&text, "存在的问题");
    let plans = points_under(&text, "下一步工作打算");
    assert_eq!((problems.len(), plans.len()), (MAX_POINTS, MAX_POINTS), "{problems:#?}");
    let alone = problems.iter().position(|p| p.contains("是尚未开展意识形态领域形势研判。")).expect("its own point");
    assert!(!problems[alone].split('。').next().unwrap().contains('；'), "{}", problems[alone]);
    assert!(plans[alone].starts_with(&format!("{}是建立定期研判机制。", CN_NUM[alone])), "{}", plans[alone]);
    assert!(
        problems.iter().any(|p| p.contains("尚未按规定向上级党委报告意识形态工作")),
        "报告 is still there: {problems:#?}"
    );
    for p in suggested_problems(&t, &report) {
        let judgement = p.problem.split('。').next().unwrap_or_default();
        assert!(problems.iter().any(|line| line.contains(judgement)), "“{judgement}” is printed");
        assert!(text.contains(&p.plan[p.plan.find('。').unwrap() + '。'.len_utf8()..]), "every measure's words");
    }
    let c = &merge_choices(&t, &report)[0];
    assert!(c.groups.contains(&vec![at]) && c.alone[at], "核对 shows it alone: {:?}", c.groups);
    // Every point chosen: the first seven stand alone, the other six share the eighth.
    let ids: Vec<String> = c.points.iter().map(|(id, _)| id.clone()).collect();
    report.merge_alone.insert(PROBLEMS_KEY.into(), ids);
    let text = render(&report);
    let problems = points_under(&text, "存在的问题");
    assert_eq!(problems.len(), MAX_POINTS);
    assert!(problems[..7].iter().all(|p| !p.split('。').next().unwrap().contains('；')), "{problems:#?}");
    assert_eq!(problems[7].split('。').next().unwrap().matches('；').count(), 5, "{}", problems[7]);
    // No choice: as the golden.
    report.merge_alone.clear();
    assert_eq!(render(&report), golden("branch-2023-gaps"));
}

/// A 2022年上半年 report cites the 19th congress (the 20th closed on 2022-10-22), keeps
/// the 落款's date as a placeholder while no 成文日期 is given, and a note looking forward to
/// the 20th congress is no late citation.
#[test]
fn branch_2022h1_cites_the_19th_congress() {
    let text = golden("branch-2022h1");
    check_layout("branch-2022h1", &text);
    assert!(text.starts_with("机关第二党支部关于2022年上半年落实意识形态工作责任制情况的报告\n"));
    assert!(text.contains("深入学习贯彻党的十九大和十九届历次全会精神"), "{text}");
    assert!(!text.contains("二十大精神") && !text.contains("二十届"));
    assert!(text.contains("以实际行动迎接党的二十大胜利召开"));
    assert!(text.ends_with(&format!("\n\n机关第二党支部\n{DATE_PLACEHOLDER}\n")), "{text}");
    let report = load("branch-2022h1");
    assert_eq!(late_citations(&Template::default_template(), &report), []);
}

/// A 2022年度 report cites the 20th congress: it closed on 2022-10-22, before the period
/// ended, and no plenum but the first had met, so no 历次.
#[test]
fn bureau_2022_cites_the_20th_congress() {
    let text = golden("bureau-2022");
    check_layout("bureau-2022", &text);
    assert!(text.starts_with("县文旅局党组关于2022年度落实意识形态工作责任制情况的报告\n\n中共清河县委宣传部：\n"));
    assert!(text.contains("坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，"), "{text}");
    assert!(!text.contains("十九大") && !text.contains("历次全会") && !text.contains("文化思想"));
    assert!(text.ends_with("\n　　特此报告。\n\n县文旅局党组\n2023年1月12日\n"), "{text}");
    let report = load("bureau-2022");
    assert_eq!(late_citations(&Template::default_template(), &report), []);
    let mut earlier = report.clone();
    earlier.period = zeren::domain::report::Period::FirstHalf;
    let late = late_citations(&Template::default_template(), &earlier);
    assert!(late.iter().any(|l| l.name == "党的二十大"), "the same notes in a 2022年上半年 report: {late:?}");
}

#[test]
fn nearly_empty_report_still_reads_as_a_report() {
    let text = golden("empty-unit-only");
    check_layout("empty-unit-only", &text);
    assert!(text.starts_with("县档案馆党组关于2026年度落实意识形态工作责任制情况的报告\n"));
    assert!(!text.contains("主要做法"), "nothing was done, so there is no 主要做法");
    assert!(text.contains("一、存在的问题") && text.contains("二、下一步工作打算"), "top headings renumber");
    assert_eq!(points_under(&text, "存在的问题").len(), 3, "the template's general problems");
}

#[test]
fn items_not_applicable_leave_no_gap_in_numbering() {
    let text = golden("two-items-rest-na");
    check_layout("two-items-rest-na", &text);
    let headings: Vec<&str> = body_lines(&text).into_iter().filter(|l| l.starts_with('（')).collect();
    assert_eq!(headings, ["（一）把牢舆论导向，管好用好宣传阵地", "（二）培育和践行核心价值观，深化精神文明创建"]);
    assert!(text.contains("2024年下半年"));
}

#[test]
fn personal_self_assessment_uses_the_first_person_wording() {
    let text = golden("personal-zhangsan-2025");
    check_layout("personal-zhangsan-2025", &text);
    assert!(text.starts_with("张三同志2025年度民主生活会个人对照检查材料（落实意识形态工作责任制部分）\n"));
    for heading in [
        "一、上年度民主生活会整改措施落实情况",
        "二、履行意识形态工作职责情况",
        "三、存在的主要问题",
        "四、问题产生的原因",
        "五、整改措施",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(!text.contains("主要做法") && !text.contains("局党组关于"));
    assert_eq!(points_under(&text, "存在的主要问题").len(), 4);
    // Causes of the problems listed (学习 and 网络阵地 gaps), not all four.
    let causes = points_under(&text, "问题产生的原因");
    assert_eq!(causes.len(), 2, "{causes:?}");
    assert!(causes[0].starts_with("一是理想信念有所松懈。") && causes[1].starts_with("二是党性修养有所放松。"));
}

/// The three role fixtures hold the same answers (书记第一责任人 partly done, 分管领导直接责任
/// and 一岗双责 done); each role claims and admits only its own duty.
#[test]
fn a_leader_claims_and_admits_only_the_duty_of_the_chosen_role() {
    use zeren::domain::report::ReportKind;
    const SECRETARY: &str = "是书记带头抓总。";
    const SECRETARY_GAP: &str = "是履行第一责任人职责还有差距。";
    const DEPUTY: &str = "是分管领导具体抓。";
    const ONE_POST: &str = "是落实一岗双责。";
    let says = |text: &str, what: &str| text.lines().any(|l| l.contains(what));
    for (name, secretary, deputy) in [
        ("personal-role-secretary-2025", true, false),
        ("personal-role-deputy-2025", false, true),
        ("personal-role-member-2025", false, false),
    ] {
        let text = golden(name);
        check_layout(name, &text);
        assert_eq!(says(&text, SECRETARY), secretary, "{name}: 书记带头抓总");
        assert_eq!(says(&text, SECRETARY_GAP), secretary, "{name}: the 书记's gap");
        assert_eq!(says(&text, DEPUTY), deputy, "{name}: 分管领导具体抓");
        assert_eq!(says(&text, ONE_POST), !secretary && !deputy, "{name}: only another 班子成员 claims 一岗双责");
        assert!(!text.contains("第一责任人职责") || secretary, "{name}: no 第一责任人 claim");
        assert!(!text.contains("协助书记") || deputy, "{name}: no 协助书记 claim");
    }
    // Without a role (as before roles existed) the same answers claim both duties.
    let mut report = load("personal-role-secretary-2025");
    report.role = None;
    assert_eq!(report.kind, ReportKind::Personal);
    let text = render(&report);
    assert!(says(&text, SECRETARY) && says(&text, DEPUTY) && says(&text, SECRETARY_GAP));
    // A unit report does not follow the role: the 党组 answers for every duty.
    let unit = Report { kind: ReportKind::Unit, role: Some(zeren::domain::template::Role::Member), ..report };
    let text = render(&unit);
    assert!(says(&text, SECRETARY) && says(&text, DEPUTY));
}

/// What marks each role's voice: the 书记's 第一责任人 who 带头抓、负总责, the 分管领导's
/// 直接责任人 who 协助书记具体抓, the other 班子成员's 一岗双责 in 分管领域.
const ROLE_MARKERS: [(&str, &[&str]); 3] = [
    ("secretary", &["第一责任人", "带头抓、负总责"]),
    ("deputy", &["直接责任", "协助书记"]),
    ("member", &["一岗双责", "抓好分管领域"]),
];

/// Every fixture's answers, written as each role's self-assessment: the text says its own
/// role's duty and none of another role's marker phrases; a 书记, who has no 分管 area,
/// never speaks of one.
#[test]
fn each_role_speaks_only_for_itself() {
    use zeren::domain::report::ReportKind;
    use zeren::domain::template::Role;
    for name in FIXTURES {
        for (id, own) in ROLE_MARKERS {
            let role = Role::from_id(id).expect("a role id");
            let report = Report { kind: ReportKind::Personal, role: Some(role), ..load(name) };
            let text = render(&report);
            for (other, markers) in ROLE_MARKERS.iter().filter(|(other, _)| *other != id) {
                for m in markers.iter() {
                    assert!(!text.contains(m), "{name} as {id}: says {other}'s “{m}”\n{text}");
                }
            }
            if text.lines().any(|l| l.ends_with("、履行意识形态工作职责情况")) {
                assert!(own.iter().all(|m| text.contains(m)), "{name} as {id}: its own duty is said\n{text}");
            }
            if role == Role::Secretary {
                assert!(!text.contains("分管"), "{name} as 书记: speaks of 分管\n{text}");
            }
        }
    }
}

/// A self-assessment opens with how last year's problems were rectified, as the user wrote
/// it (one paragraph a line) or, not yet written, a placeholder 核对 names; it ends with the
/// leader's closing line (表态) in the role's own words.
#[test]
fn a_self_assessment_opens_with_last_year_and_closes_with_the_role_s_pledge() {
    use zeren::domain::generate::LAST_YEAR_PLACEHOLDER;
    use zeren::domain::progress::left_out;
    let t = Template::default_template();
    for (name, role_pledge, written) in [
        ("personal-role-secretary-2025", "切实扛起意识形态工作第一责任人责任", true),
        ("personal-role-deputy-2025", "认真履行直接责任人责任，协助书记具体抓好", false),
        ("personal-role-member-2025", "坚持一岗双责，抓好分管领域意识形态工作", false),
        ("personal-zhangsan-2025", "认真履行意识形态工作责任", false),
    ] {
        let text = golden(name);
        let lines = body_lines(&text);
        assert_eq!(lines[1], "一、上年度民主生活会整改措施落实情况", "{name}");
        let last = lines.last().expect("a closing line");
        assert!(
            last.starts_with("今后，本人将以这次民主生活会为新的起点") && last.contains(role_pledge),
            "{name}: {last}"
        );
        let report = load(name);
        let gap = left_out(&t, &report).unwrap_or_default();
        if written {
            assert_eq!(
                lines[2],
                "针对上年度民主生活会查摆的“对网络舆情研判不够及时”问题，建立了每季度舆情分析制度，全年开展分析4次。"
            );
            assert!(lines[3].starts_with("针对“理论学习联系实际不够”问题"), "{name}: one paragraph a line");
            assert_eq!(lines[4], "二、履行意识形态工作职责情况");
            assert!(!text.contains(LAST_YEAR_PLACEHOLDER) && !gap.contains("上年度整改落实情况"), "{name}");
        } else {
            assert_eq!(lines[2], LAST_YEAR_PLACEHOLDER, "{name}");
            assert!(gap.contains("还没有填写上年度整改落实情况"), "{name}: 核对 names it: {gap}");
        }
    }
}

#[test]
fn messy_input_is_tidied_and_invalid_values_left_out() {
    let text = golden("messy-q3-2024");
    check_layout("messy-q3-2024", &text);
    assert!(text.starts_with("市文旅局党组关于2024年第三季度落实意识形态工作责任制情况的报告\n"));
    // Hostile text stays plain text, changed only by punctuation tidying.
    assert!(text.contains("<script>alert（1）</script>。"));
    // 101 is no percentage: the optional group with the rate is left out entirely.
    assert!(!text.contains("101") && !text.contains("落实率达"));
    // Full-width digits in figures are read as numbers.
    assert!(text.contains("开展理论学习3次") && text.contains("参学率达98%"));
    assert!(!text.contains('９') && !text.contains('３'));
    // Invalid figures are left out with the words around them.
    assert!(!text.contains("累计4.5天") && !text.contains("abc") && !text.contains("1,200"));
    assert!(text.contains("WeChat") && text.contains("“市文旅发布”"));
    // Hand-edited list: the blank entry is dropped; problems and plans number separately.
    assert_eq!(points_under(&text, "存在的问题").len(), 2);
    assert_eq!(points_under(&text, "下一步工作打算").len(), 2);
}

#[test]
fn complete_report_prints_every_figure() {
    let text = golden("complete-2025");
    check_layout("complete-2025", &text);
    let template = Template::default_template();
    let points =
        body_lines(&text).into_iter().filter(|l| CN_NUM.iter().any(|n| l.starts_with(&format!("{n}是")))).count();
    let capped: usize = template.sections.iter().map(|s| s.items.len().min(MAX_POINTS)).sum();
    assert_eq!(points, capped + 3 + 3, "every item gives a point (at most eight a heading), plus the general ones");
    // Twelve done items under （一） make four single points and four pairs; nothing is lost.
    assert!(text.contains("八是纳入述职检查、强化考核问责。"), "{text}");
    assert!(text.contains("约谈提醒2人次"), "the last item's figures are kept");
    let headings: Vec<&str> = body_lines(&text).into_iter().filter(|l| l.starts_with('（')).collect();
    assert_eq!(headings.len(), 4);
    assert!(text.contains("2025年12月18日") && text.contains("省级文明单位") && text.contains("97.5%"));
}

// ---------------------------------------------------------------------------------------
// The command-line entry: cargo run --example render -- FILE.json

fn run_cli(file: &Path) -> std::process::Output {
    Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "-q", "--example", "render", "--"])
        .arg(file)
        .output()
        .expect("cargo runs")
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn cli_prints_the_golden_text() {
    let out = run_cli(Path::new("tests/fixtures/sample-2022h1.json"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "render failed: {stderr}");
    let expected = if blessing() {
        render(&load("sample-2022h1")) // the golden file may be being rewritten right now
    } else {
        fs::read_to_string(fixtures().join("sample-2022h1.txt")).expect("golden text")
    };
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8 output"), expected);
}

#[test]
fn cli_prints_every_report_of_a_backup() {
    let reports = [load("sample-2022h1"), load("personal-zhangsan-2025")];
    let backup = serde_json::json!({ "schema": 1, "revision": 3, "reports": reports });
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("backup-two-reports.json");
    fs::write(&path, backup.to_string()).expect("temp dir is writable");
    let out = run_cli(&path);
    assert!(out.status.success(), "render failed: {}", String::from_utf8_lossy(&out.stderr));
    let expected = format!("{}\u{c}\n{}", render(&reports[0]), render(&reports[1]));
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8 output"), expected, "reports separated by a form feed");
}

#[test]
fn cli_rejects_bad_files_in_chinese() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // (file, content or None for a missing file, words the message must contain; the
    // newer-version message belongs to the saved format, so only its language is checked)
    let cases = [
        ("cut-off.json", Some("{\"unit\": \"局党组\","), "不完整"),
        ("not-json.json", Some("这不是备份"), "无法识别"),
        ("not-a-report.json", Some("{\"answers\": 5}"), "不是本工具导出的备份文件"),
        ("newer.json", Some("{\"schema\": 99, \"revision\": 1, \"reports\": []}"), ""),
        ("missing.json", None, "无法读取文件"),
    ];
    for (file, content, expected) in cases {
        let path = dir.join(file);
        match content {
            Some(c) => fs::write(&path, c).expect("temp dir is writable"),
            None => {
                let _ = fs::remove_file(&path);
            }
        }
        let out = run_cli(&path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file}: should fail, printed {}", String::from_utf8_lossy(&out.stdout));
        assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
        assert!(has_chinese(&stderr) && stderr.contains(expected), "{file}: message should say “{expected}”: {stderr}");
    }
}

/// A report for a checklist with every item 已落实 and every figure filled with a valid
/// value, as a unit that did all its checklist asks would fill it.
fn filled(t: &Template, id: &str, unit: &str, kind: zeren::domain::report::ReportKind) -> Report {
    use zeren::domain::report::{Period, Status};
    use zeren::domain::template::FieldKind;
    let mut r = Report::new(id, 1.0);
    r.unit = unit.into();
    r.year = 2026;
    r.period = Period::Year;
    r.kind = kind;
    r.person = "张三".into();
    r.template_id = t.id.to_string();
    for (_, item) in t.items() {
        let a = r.answer_mut(&item.id);
        a.status = Status::Done;
        for f in item.fields.iter() {
            let v = match &f.kind {
                FieldKind::Count { min, max, .. } => (*min).max(2).min(*max).to_string(),
                FieldKind::Percent => "100".into(),
                FieldKind::Date => "2026-06-18".into(),
                // The example the hint gives (例如：…), as a user would type it.
                FieldKind::Text { .. } | FieldKind::LongText { .. } => {
                    f.hint.split_once("例如：").map_or("意识形态工作", |(_, e)| e).to_string()
                }
                FieldKind::Choice { options } => options.first().map(|o| o.to_string()).unwrap_or_default(),
            };
            a.values.insert(f.id.to_string(), v);
        }
    }
    r
}

#[test]
fn every_preset_writes_a_report_and_a_self_assessment_laid_out_like_the_default() {
    use zeren::domain::builtin::{checklist, PRESETS};
    use zeren::domain::report::ReportKind;
    for p in PRESETS {
        let t = checklist(p.id);
        // A unit of that kind, so the level and the board read as it would write them.
        let unit = match p.id {
            "township" => "城关镇党委",
            "village" => "东风村党支部",
            "soe" => "市交通投资集团党委",
            "university" => "文学院党委",
            "school" => "实验小学党支部",
            "hospital" => "市人民医院党委",
            _ => "本单位党委",
        };
        for (kind, suffix) in [(ReportKind::Unit, "unit"), (ReportKind::Personal, "personal")] {
            let name = format!("presets/{}-{suffix}", p.id);
            let text = compare_golden(&name, to_text(&generate(t, &filled(t, p.id, unit, kind))));
            check_layout(&name, &text);
        }
    }
}

/// Each preset's self-assessment, written for each role with items done, partly done and not
/// done, says none of another role's marker phrases, and a 书记 never speaks of 分管.
#[test]
fn every_preset_lets_each_role_speak_for_itself() {
    use zeren::domain::builtin::{checklist, PRESETS};
    use zeren::domain::report::{ReportKind, Status};
    use zeren::domain::template::Role;
    let mut found = Vec::new();
    for p in PRESETS {
        let t = checklist(p.id);
        for status in [Status::Done, Status::Partly, Status::NotDone] {
            for (id, _) in ROLE_MARKERS {
                let role = Role::from_id(id).expect("a role id");
                let mut r = Report { kind: ReportKind::Personal, role: Some(role), ..Report::default() };
                for (_, i) in t.items() {
                    r.answer_mut(&i.id).status = status;
                }
                let text = to_text(&generate(t, &r));
                let mut banned: Vec<&str> =
                    ROLE_MARKERS.iter().filter(|(o, _)| *o != id).flat_map(|(_, m)| m.iter().copied()).collect();
                if role == Role::Secretary {
                    banned.push("分管");
                }
                for line in text.lines() {
                    for m in &banned {
                        if line.contains(m) {
                            found.push(format!("{} {:?} {id}: “{m}” in {line}", p.id, status));
                        }
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{} lines:\n{}", found.len(), found.join("\n"));
}

// ---------------------------------------------------------------------------------------
// The report says what the answers say: how much was done, and at what level.

/// The judgement (up to the first 。) of an item's problem wording, when it names no
/// placeholder and so reads the same in every report.
fn judgement(wording: &str) -> Option<&str> {
    wording.split('。').next().filter(|j| !j.is_empty() && !j.contains('{'))
}

#[test]
fn every_item_not_done_claims_nothing_and_admits_each_gap_as_not_begun() {
    let text = golden("all-not-done-2025");
    check_layout("all-not-done-2025", &text);
    assert!(!text.contains("主要做法"), "nothing was done");
    for claim in ["有力的思想保证", "取得了一定成效", "取得了进展", "有所推进"] {
        assert!(!text.contains(claim), "“{claim}” with nothing done");
    }
    assert!(text.contains("逐项开展自查") && text.contains("落实责任制还有较大差距，不少工作尚未开展"));
    let t = Template::default_template();
    for (_, i) in t.items() {
        if let Some(j) = judgement(i.problem_for(false, true)) {
            assert!(text.contains(j), "{}: “{j}” missing", i.id);
        }
        if let Some(j) =
            judgement(i.problem_for(false, false)).filter(|j| Some(*j) != judgement(i.problem_for(false, true)))
        {
            assert!(!text.contains(j), "{}: “{j}” assumes work that was not done", i.id);
        }
    }
    assert!(!text.contains("领导小组成员调整后未及时充实") && !text.contains("修订完善责任清单"));
    assert_eq!(points_under(&text, "存在的问题").len(), 8, "forty gaps grouped into eight points");
    assert_eq!(points_under(&text, "下一步工作打算").len(), 8);
}

#[test]
fn half_the_items_partly_done_claim_some_progress_and_name_what_falls_short() {
    let text = golden("half-partly-2024h2");
    check_layout("half-partly-2024h2", &text);
    assert!(text.contains("一些工作取得了进展") && !text.contains("有力的思想保证"), "the middle band");
    assert!(text.contains("意识形态工作有所推进") && !text.contains("取得了一定成效"));
    let t = Template::default_template();
    let report = load("half-partly-2024h2");
    for (_, i) in t.items().filter(|(_, i)| report.status(&i.id) == zeren::domain::report::Status::Partly) {
        if let Some(j) = judgement(i.problem_for(false, false)) {
            assert!(text.contains(j), "{}: “{j}” missing", i.id);
        }
    }
    assert!(!text.contains("尚未"), "no item was left undone");
}

#[test]
fn a_branch_reads_as_a_branch_and_has_no_center_group() {
    let text = golden("branch-2025");
    check_layout("branch-2025", &text);
    for word in ["中心组", "干部职工", "科室", "班子成员", "单位风气"] {
        assert!(!text.contains(word), "a 党支部 says “{word}”");
    }
    assert!(
        text.contains("召开支部委员会会议专题研究意识形态工作2次") && text.contains("组织全体党员开展理论学习12次")
    );
    assert!(text.contains("支部委员结合分工讲党课"));
    assert!(text.contains("尚未开展意识形态工作考核"), "an item 未落实 gets the 尚未… problem");
}

#[test]
fn a_community_reads_as_a_community() {
    let text = golden("community-2025h1");
    check_layout("community-2025h1", &text);
    assert!(text.starts_with("幸福里社区党委关于2025年上半年落实意识形态工作责任制情况的报告\n"));
    for word in ["中心组", "干部职工", "单位风气", "科室"] {
        assert!(!text.contains(word), "a 社区 says “{word}”");
    }
    assert!(text.contains("社区风气") && text.contains("党员群众") && text.contains("社区“两委”成员"));
    assert!(text.contains("召开党委会议"), "the 社区党委 names its body");
}

/// A 班子成员 who types what they oversee is named by it in the first person, not by
/// 分管科室 in general terms; the 书记 and a unit report are not changed by it.
#[test]
fn a_member_s_own_areas_replace_the_general_words() {
    let general = render(&load("personal-role-member-2025"));
    assert!(general.contains("分管科室"), "the fixture uses the general words");
    let mut r = load("personal-role-member-2025");
    r.areas = "办公室、财务科".into();
    let own = render(&r);
    assert!(own.contains("办公室、财务科"), "{own}");
    assert!(!own.contains("分管科室"), "{own}");
    check_layout("personal-role-member-2025 with areas", &own);
    let mut secretary = load("personal-role-secretary-2025");
    let before = render(&secretary);
    secretary.areas = "办公室".into();
    assert_eq!(render(&secretary), before, "the 书记 answers for the whole unit");
}

/// The meeting's theme, when given, is named in the self-assessment's opening; without one
/// the opening reads as before (the golden files hold that).
#[test]
fn the_meeting_s_theme_is_named_in_the_opening_when_given() {
    let mut r = load("personal-role-member-2025");
    let before = render(&r);
    assert!(before.contains("按照民主生活会的部署要求，"), "{before}");
    r.theme = "深入贯彻党的二十届四中全会精神、落实中央八项规定精神".into();
    let text = render(&r);
    assert!(
        text.contains("按照民主生活会围绕“深入贯彻党的二十届四中全会精神、落实中央八项规定精神”主题的部署要求"),
        "{text}"
    );
    check_layout("personal-role-member-2025 with a theme", &text);
}
