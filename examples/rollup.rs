//! 汇总 from the command line: branches' backup files in, the table's paragraph and a
//! line per unit out, and optionally the .xlsx the page exports.
//!
//!     cargo run --example rollup -- 文件夹或文件… [--xlsx 汇总.xlsx]
//!
//! A folder is read for its .json files, in name order. A file that cannot be read is
//! named with its reason and the others go on, as on the page.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zeren::domain::backup::MAX_FILE_BYTES;
use zeren::domain::rollup::Rollup;
use zeren::domain::xlsx::to_xlsx;

const USAGE: &str = "用法：cargo run --example rollup -- 文件夹或文件… [--xlsx 输出.xlsx]";

fn files(arg: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !arg.is_dir() {
        return Ok(vec![arg.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(arg)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
        .collect();
    out.sort();
    Ok(out)
}

fn main() -> ExitCode {
    let mut inputs = Vec::new();
    let mut xlsx = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--xlsx" {
            let Some(out) = args.next() else {
                eprintln!("--xlsx 后面应是输出文件名。{USAGE}");
                return ExitCode::FAILURE;
            };
            xlsx = Some(out);
        } else {
            inputs.push(a);
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    }
    let mut rollup = Rollup::default();
    for input in &inputs {
        let paths = match files(Path::new(input)) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("无法读取 {input}：{e}");
                return ExitCode::FAILURE;
            }
        };
        for path in paths {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = match std::fs::metadata(&path) {
                Ok(m) if m.len() > MAX_FILE_BYTES as u64 => {
                    eprintln!("{name}：文件太大，不是 zeren 的备份文件。");
                    continue;
                }
                _ => match std::fs::read(&path) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("{name}：无法读取（{e}）");
                        continue;
                    }
                },
            };
            let note = rollup.add_file(&name, &bytes);
            match &note.outcome {
                Ok(n) => eprintln!("{name}：{n}个单位的报告"),
                Err(reason) => eprintln!("{name}：未能读取。{reason}"),
            }
            for n in &note.notes {
                eprintln!("  {n}");
            }
        }
    }
    println!("{}", rollup.paragraph());
    for b in &rollup.branches {
        let [done, partly, not_done, na, blank] = b.tally();
        println!(
            "{}\t{}\t落实率{}%\t已落实{done} 部分落实{partly} 未落实{not_done} 不适用{na} 未填{blank}\t问题{}",
            b.unit,
            b.period.label(b.year),
            b.rate(),
            b.problems
        );
    }
    eprintln!("保存在浏览器中的汇总：{} 个字符", rollup.to_json().chars().count());
    if let Some(out) = xlsx {
        if let Err(e) = std::fs::write(&out, to_xlsx(&rollup.sheet())) {
            eprintln!("无法写入 {out}：{e}");
            return ExitCode::FAILURE;
        }
        eprintln!("已写入 {out}");
    }
    ExitCode::SUCCESS
}
