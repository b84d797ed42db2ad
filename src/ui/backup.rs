//! 备份 on 我的报告: export every report or one as a JSON file, and the way to the page
//! that imports one (`ui::tools::restore`).

use crate::browser::{files, format_time, now_ms};
use crate::domain::backup;
use crate::route::Route;
use crate::state::use_store;
use leptos::prelude::*;

fn today() -> String {
    format_time(now_ms()).split(' ').next().unwrap_or("").replace(['年', '月'], "-").replace('日', "")
}

/// Offers every report as one backup file and records when.
pub fn export_all() {
    let store = use_store();
    let json = store.with_untracked(|d| backup::export_all(d, now_ms()));
    if files::download(&backup::file_name(&today(), None), "application/json", &json).is_ok() {
        store.record_export();
    }
}

/// Offers one report as a backup file.
pub fn export_one(id: &str) {
    let store = use_store();
    store.with_untracked(|d| {
        if let Some(r) = d.report(id) {
            let _ = files::download(
                &backup::file_name(&today(), Some(r)),
                "application/json",
                &backup::export_one_with(r, &d.checklists, now_ms()),
            );
        }
    });
}

/// 备份与恢复 on 我的报告: export here; importing is a page of the tools module
/// (`ui::tools::restore`), which carries the reading and checking of backup files.
#[component]
pub fn BackupPanel() -> impl IntoView {
    view! {
        <section class="backup" aria-labelledby="backup-h">
            <h2 id="backup-h">"备份与恢复"</h2>
            <p class="hint">
                "备份文件保存在您自己的电脑上，可在换电脑、换浏览器或清理浏览器后导入恢复。"
            </p>
            <button type="button" class="button button-secondary" on:click=move |_| export_all()>
                "导出全部报告"
            </button>
            " "
            <a class="button button-secondary" href=Route::restore().href()>
                "导入备份文件…"
            </a>
        </section>
    }
}
