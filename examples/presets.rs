//! Writes the checklist presets' files into a folder, as the app fetches them: one
//! `ID-HASH.json` per preset (`domain::builtin::PRESET_FILES`, made by build.rs from
//! `templates/presets/*.toml`). The build runs it after Trunk (`scripts/build.sh`):
//!
//!     cargo run --example presets -- dist/presets
//!
//! Files of older builds in the folder are removed, so dist/ holds only what this app uses.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use zeren::domain::builtin::PRESET_FILES;

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
