//! Command-line entry to the generator: a saved report in, the report text out.
//!
//!     cargo run --example render -- report.json
//!
//! Accepts one report (as exported for a single report), or a whole backup file, in which
//! case every report in it is printed, separated by a form feed. Errors say what is wrong.

use std::process::ExitCode;
use zeren::domain::generate::generate;
use zeren::domain::render::to_text;
use zeren::domain::report::Report;
use zeren::domain::saved::Envelope;
use zeren::domain::template::Template;

fn reports_from(text: &str) -> Result<Vec<Report>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("不是有效的JSON：{e}"))?;
    if value.get("schema").is_some() {
        return Envelope::from_json(text).map(|e| e.reports).map_err(|e| e.to_string());
    }
    serde_json::from_value::<Report>(value).map(|r| vec![r]).map_err(|e| format!("不是本工具保存的报告：{e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("用法：cargo run --example render -- 报告.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("无法读取文件 {path}：{e}");
            return ExitCode::FAILURE;
        }
    };
    let reports = match reports_from(&text) {
        Ok(r) if r.is_empty() => {
            eprintln!("{path} 里没有报告");
            return ExitCode::FAILURE;
        }
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}：{e}");
            return ExitCode::FAILURE;
        }
    };
    let template = Template::default_template();
    let out: Vec<String> = reports.iter().map(|r| to_text(&generate(&template, r))).collect();
    print!("{}", out.join("\u{c}\n"));
    ExitCode::SUCCESS
}
