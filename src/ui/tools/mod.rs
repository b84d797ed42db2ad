//! The pages of the tools module (`route::Part::Tools`): 公文校对, the checklist editor and
//! 汇总. They
//! are not needed on the first screen, so they live in a second wasm module that the start-up
//! script loads only when one of their addresses is opened (`src/tools.rs`). Same state,
//! same storage door, same shell as the walk-through.
//!
//! Not here: the walk-through's pages (`ui`), which this module never shows.

pub mod editor;
pub mod proofread;
pub mod rollup;

use super::{not_found, other_module};
use crate::route::{Page, Route};
use leptos::prelude::*;

/// The view of each of the tools module's pages; the others reload into the main module.
pub fn view(route: Route) -> AnyView {
    match route.page {
        Page::Proof => view! { <proofread::Proofread /> }.into_any(),
        Page::Rollup => view! { <rollup::RollupPage /> }.into_any(),
        Page::Editor => view! { <editor::EditorPage checklist=route.checklist.clone() /> }.into_any(),
        Page::NotFound => not_found("没有这个页面。"),
        _ => other_module(),
    }
}
