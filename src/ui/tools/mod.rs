//! The pages of the tools module (`route::Part::Tools`): 公文校对, the checklist editor and
//! 汇总, 导入备份文件 (here), and the walk-through's last three pages, 问题与打算, 核对 and
//! 生成报告 (`ui::plans`, `ui::review`, `ui::output`), with the generator's full text, the
//! proof-reader and the .docx writer they bring. None is needed on the first screen, so
//! they live in a second wasm module that the start-up script loads only when one of their
//! addresses is opened (`src/tools.rs`). Same state, same storage door, same shell as the
//! walk-through.
//!
//! It also shows the walk-through's own pages (`ui::walk_through`), so a user who opened one
//! of its pages never reloads again: 核对's 修改 to a section and 保存 back stay here.

pub mod editor;
pub mod proofread;
pub mod restore;
pub mod rollup;

use super::{output, plans, report_missing, review, walk_through};
use crate::route::{Page, Route};
use leptos::prelude::*;

/// The view of every page: the tools module's own, and the walk-through's as the main
/// module shows them.
pub fn view(route: Route) -> AnyView {
    if let Some(stop) = report_missing(&route) {
        return stop;
    }
    match route.page {
        Page::Plans => view! { <plans::Plans id=route.report.clone() back=route.back /> }.into_any(),
        Page::Review => view! { <review::Review id=route.report.clone() /> }.into_any(),
        Page::Output => view! { <output::Output id=route.report.clone() /> }.into_any(),
        Page::Proof => view! { <proofread::Proofread /> }.into_any(),
        Page::Rollup => view! { <rollup::RollupPage /> }.into_any(),
        Page::Restore => view! { <restore::RestorePage /> }.into_any(),
        Page::Editor => view! { <editor::EditorPage checklist=route.checklist.clone() /> }.into_any(),
        _ => walk_through(route),
    }
}
