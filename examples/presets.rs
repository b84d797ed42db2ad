//! Writes the checklist presets' files into a folder, as the app fetches them: one
//! `ID-HASH.json` per preset (`domain::builtin::PRESET_FILES`, made by build.rs from
//! `templates/presets/*.toml`). The build runs it after Trunk (`scripts/build.sh`):
//!
//!     cargo run --example presets -- dist/presets [--proof dist]
//!
//! With `--proof DIR` it also writes the proof-reader's rules (`proof-HASH.json`, made by
//! build.rs from `templates/proof.toml`), which 核对 and 校对 fetch when first needed.
//!
//! Files of older builds in the folder are removed, so dist/ holds only what this app uses.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use zeren::domain::builtin::PRESET_FILES;
use zeren::domain::proof::{RULES_FILE, RULES_JSON};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("用法：cargo run --example presets -- 目标文件夹（例如 dist/presets）");
        return ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    if let Err(e) = write(dir) {
        eprintln!("无法写入 {}：{e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("{} 个预设清单已写入 {}", PRESET_FILES.len(), dir.display());
    let mut args = std::env::args().skip(2);
    if let (Some(flag), Some(proof)) = (args.next(), args.next()) {
        if flag != "--proof" {
            eprintln!("不认识的参数：{flag}（只能是 --proof 文件夹）");
            return ExitCode::FAILURE;
        }
        if let Err(e) = write_rules(Path::new(&proof)) {
            eprintln!("无法写入 {proof}：{e}");
            return ExitCode::FAILURE;
        }
        println!("校对规则已写入 {proof}/{RULES_FILE}");
    }
    ExitCode::SUCCESS
}

fn write(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    for (file, text) in PRESET_FILES {
        fs::write(dir.join(file), text)?;
    }
    Ok(())
}

/// Writes the rules file, removing the rules files of older builds from the folder.
fn write_rules(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with("proof-") && name.ends_with(".json") {
            fs::remove_file(&path)?;
        }
    }
    fs::write(dir.join(RULES_FILE), RULES_JSON)
}
