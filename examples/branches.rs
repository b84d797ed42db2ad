//! Writes branches' backup files, as each branch would export them from zeren, for the 汇总
//! page's tests and benchmark. Every file is made by zeren's own export
//! (`backup::export_one`, `backup::export_all`), never shaped by hand.
//!
//!     cargo run --example branches -- tests/fixtures/rollup      # the five test files
//!     cargo run --example branches -- DIR --count 300            # 300 branches, for the benchmark
//!
//! The five test files: 机关第一党支部 (mostly done), 机关第二党支部 with a personal
//! 对照检查 in the same file, 东坡村党支部 on the 村（社区） checklist, an older copy of the
//! first branch's report, and a file cut off half-way.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use zeren::domain::backup::{export_all, export_one};
use zeren::domain::builtin::checklist;
use zeren::domain::report::{Answer, Report, ReportKind, Status};
use zeren::domain::saved::Envelope;
use zeren::domain::template::{FieldKind, Level};

/// When the files were exported (2025-12-20), and when their reports were last changed.
const EXPORTED_MS: f64 = 1_766_200_000_000.0;

/// A 2025 report of `unit` on `checklist`, its items' statuses taken in turn from
/// `pattern` (D done, P partly, N not done, A not applicable, - untouched); where work was
/// done, each count gets a figure from `seed`.
fn report(id: &str, unit: &str, level: Level, checklist_id: &str, pattern: &str, seed: u32) -> Report {
    let mut r = Report {
        unit: unit.into(),
        year: 2025,
        level: Some(level),
        template_id: checklist_id.into(),
        dated: "2025-12-18".into(),
        ..Report::new(id, EXPORTED_MS - 86_400_000.0)
    };
    let t = checklist(checklist_id);
    let codes: Vec<char> = pattern.chars().collect();
    for (i, item) in t.sections.iter().flat_map(|s| s.items.iter()).enumerate() {
        let status = match codes[i % codes.len()] {
            'D' => Status::Done,
            'P' => Status::Partly,
            'N' => Status::NotDone,
            'A' => Status::NotApplicable,
            _ => continue,
        };
        let mut answer = Answer { status, ..Answer::default() };
        if status.has_work() {
            for (j, field) in item.fields.iter().enumerate() {
                if let FieldKind::Count { min, max, .. } = field.kind {
                    let n = (seed + i as u32 * 3 + j as u32) % 6 + 1;
                    answer.values.insert(field.id.to_string(), n.clamp(min.max(1), max).to_string());
                }
            }
        }
        r.answers.insert(item.id.to_string(), answer);
    }
    r
}

fn write(dir: &Path, name: &str, text: &str) -> std::io::Result<()> {
    fs::write(dir.join(name), text)
}

fn fixtures(dir: &Path) -> std::io::Result<()> {
    let first = report("r-b1", "机关第一党支部", Level::Branch, "default", "DDDDDDDDPD", 1);
    write(dir, "1-机关第一党支部.json", &export_one(&first, EXPORTED_MS))?;

    let second = report("r-b2", "机关第二党支部", Level::Branch, "default", "DDPDNDD-DA", 2);
    let personal = Report {
        kind: ReportKind::Personal,
        person: "王明".into(),
        ..report("r-p2", "机关第二党支部", Level::Branch, "default", "D", 3)
    };
    let both = Envelope { reports: vec![second, personal], ..Envelope::default() };
    write(dir, "2-机关第二党支部（全部）.json", &export_all(&both, EXPORTED_MS))?;

    let village = report("r-v", "东坡村党支部", Level::Village, "village", "DPDDDNDDDD", 4);
    write(dir, "3-东坡村党支部.json", &export_one(&village, EXPORTED_MS))?;

    // The same branch and year as the first, changed earlier: the first file's copy wins.
    let mut older = report("r-b1-old", "机关第一党支部", Level::Branch, "default", "NNNNNNNNNN", 5);
    older.updated_ms -= 30.0 * 86_400_000.0;
    write(dir, "4-机关第一党支部（旧）.json", &export_one(&older, EXPORTED_MS))?;

    let whole = export_one(&report("r-b5", "机关第五党支部", Level::Branch, "default", "D", 6), EXPORTED_MS);
    let cut: String = whole.chars().take(whole.chars().count() / 2).collect();
    write(dir, "5-机关第五党支部（损坏）.json", &cut)
}

/// `count` branches on the default checklist (40 items), a varied pattern each.
fn many(dir: &Path, count: usize) -> std::io::Result<()> {
    const PATTERNS: [&str; 4] = ["DDDDDDDDPD", "DDPDNDDDDA", "DPDDDDNDDD", "DDDDDDDDDD"];
    for i in 0..count {
        let unit = format!("第{}党支部", i + 1);
        let r = report(&format!("r-{i}"), &unit, Level::Branch, "default", PATTERNS[i % 4], i as u32);
        write(dir, &format!("{:03}-{unit}.json", i + 1), &export_one(&r, EXPORTED_MS))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("用法：cargo run --example branches -- 目标文件夹 [--count 数量]");
        return ExitCode::FAILURE;
    };
    let count = match args.get(1).map(String::as_str) {
        None => None,
        Some("--count") => match args.get(2).and_then(|n| n.parse::<usize>().ok()) {
            Some(n) if (1..=1000).contains(&n) => Some(n),
            _ => {
                eprintln!("--count 后面应是 1 到 1000 之间的数");
                return ExitCode::FAILURE;
            }
        },
        Some(other) => {
            eprintln!("不认识的参数：{other}（只能是 --count 数量）");
            return ExitCode::FAILURE;
        }
    };
    let dir = Path::new(dir);
    let written = fs::create_dir_all(dir).and_then(|_| match count {
        Some(n) => many(dir, n),
        None => fixtures(dir),
    });
    if let Err(e) = written {
        eprintln!("无法写入 {}：{e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("已写入 {}", dir.display());
    ExitCode::SUCCESS
}
