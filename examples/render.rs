//! Command-line entry to the generator: a saved report in, the report text out.
//!
//!     cargo run --example render -- report.json                 # text on standard output
//!     cargo run --example render -- report.json --docx out.docx # also a Word file
//!     cargo run --example render -- report.json --html out.html # also formatted HTML
//!     cargo run --example render -- report.json --template my.json # with another checklist
//!
//! Reads what zeren writes: a backup file (one report or all), the saved data itself, or a
//! single report. With several reports the texts are separated by a form feed, and the
//! .docx/.html files get a number before the extension. Errors say what is wrong.
//!
//! `--template FILE` renders every report with that checklist instead of the one it names:
//! a checklist file exported from 我的清单, or a checklist as JSON (the form build.rs writes
//! into the build, e.g. a preset from dist/presets), checked as the editor checks it. The
//! user checklists a backup carries are used for the reports made with them.

use std::path::Path;
use std::process::ExitCode;
use zeren::domain::backup::parse_backup;
use zeren::domain::builtin::checklist;
use zeren::domain::generate::generate;
use zeren::domain::render::to_text;
use zeren::domain::template::Template;
use zeren::domain::{docx, wordhtml};

const USAGE: &str =
    "用法：cargo run --example render -- 报告.json [--docx 输出.docx] [--html 输出.html] [--template 清单.json]";

/// A checklist from a file: an exported checklist file, or a checklist's own JSON.
fn read_checklist(path: &str) -> Result<Template, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取清单文件 {path}：{e}"))?;
    if let Ok(t) = zeren::domain::custom::read_file(&bytes) {
        return Ok(t);
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{path}：不是 UTF-8 文本"))?;
    let t = Template::from_json(&text).map_err(|e| format!("{path}：{e}"))?;
    t.validate().map_err(|e| format!("{path}：{e}"))?;
    Ok(t)
}

fn numbered(path: &str, n: usize, total: usize) -> String {
    if total == 1 {
        return path.to_string();
    }
    let p = Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("report");
    let ext = p.extension().and_then(|s| s.to_str()).map(|e| format!(".{e}")).unwrap_or_default();
    p.with_file_name(format!("{stem}-{}{ext}", n + 1)).to_string_lossy().into_owned()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut input, mut docx_out, mut html_out, mut template_file) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docx" => docx_out = it.next().cloned(),
            "--html" => html_out = it.next().cloned(),
            "--template" => template_file = it.next().cloned(),
            _ if input.is_none() && !a.starts_with("--") => input = Some(a.clone()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = input else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("无法读取文件 {path}：{e}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match parse_backup(&bytes) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{path}：{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &imported.warnings {
        eprintln!("注意：{w}");
    }
    for c in &imported.checklists {
        if let Ok(t) = zeren::domain::builtin::read::template_value(c.clone()) {
            zeren::domain::builtin::register(t);
        }
    }
    let chosen: Option<&'static Template> = match template_file.as_deref().map(read_checklist) {
        None => None,
        Some(Ok(t)) => Some(Box::leak(Box::new(t))),
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let total = imported.reports.len();
    let mut texts = Vec::with_capacity(total);
    for (n, r) in imported.reports.iter().enumerate() {
        let doc = generate(chosen.unwrap_or_else(|| checklist(&r.template_id)), r);
        for (out, bytes) in [
            (&docx_out, docx_out.as_ref().map(|_| docx::to_docx(&doc))),
            (&html_out, html_out.as_ref().map(|_| wordhtml::to_word_html(&doc).into_bytes())),
        ] {
            if let (Some(out), Some(bytes)) = (out, bytes) {
                let file = numbered(out, n, total);
                if let Err(e) = std::fs::write(&file, bytes) {
                    eprintln!("无法写入 {file}：{e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        texts.push(to_text(&doc));
    }
    print!("{}", texts.join("\u{c}\n"));
    ExitCode::SUCCESS
}
