//! The proof-reader on the command line: checks a text file with zeren's rules
//! (`templates/proof.toml`) and prints one finding per line (line:column, rule id, severity,
//! message, suggestion), then a count. Exits with 1 when there are errors (错误), 0 when there
//! are none or only points to consider (提示), 2 when the file cannot be read.
//!
//!     cargo run --example proofread -- FILE.txt [--year 2022 --period first_half]
//!
//! `--period` is year (the default), first_half, second_half, q1 to q4; with `--year` the
//! rules that depend on the report's period (superseded meetings and sayings) are used.

use std::process::ExitCode;
use zeren::domain::proof::{check, Context, RuleSet, Severity};
use zeren::domain::report::Period;

const USAGE: &str = "用法：cargo run --example proofread -- 文件.txt [--year 2022 --period first_half]\n\
                     --period 可以是 year（全年，默认）、first_half、second_half、q1 至 q4";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut file, mut year, mut period) = (None, None, Period::Year);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--year" => match args.next().and_then(|y| y.parse::<u16>().ok()) {
                Some(y) => year = Some(y),
                None => return usage("--year 后面要写四位年份，例如 --year 2022"),
            },
            "--period" => {
                period = match args.next().as_deref() {
                    Some("year") => Period::Year,
                    Some("first_half") => Period::FirstHalf,
                    Some("second_half") => Period::SecondHalf,
                    Some(q @ ("q1" | "q2" | "q3" | "q4")) => Period::Quarter { quarter: q.as_bytes()[1] - b'0' },
                    _ => return usage("--period 写错了"),
                }
            }
            "-h" | "--help" => return usage(""),
            _ if file.is_none() && !a.starts_with("--") => file = Some(a),
            _ => return usage(&format!("不认识的参数：{a}")),
        }
    }
    let Some(file) = file else { return usage("请给出要校对的文件") };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("无法读取 {file}：{e}（文件要用 UTF-8 编码保存）");
            return ExitCode::from(2);
        }
    };
    let cx = Context { period: year.map(|y| (y, period)), typed: false };
    let findings = check(&RuleSet::builtin(), &text, &cx);
    for f in &findings {
        println!("{}:{} {} {} {} {}", f.line, f.column, f.rule, f.severity.label(), f.message, f.suggestion);
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    eprintln!("{file}：{errors} 处错误，{} 处提示", findings.len() - errors);
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("{problem}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
