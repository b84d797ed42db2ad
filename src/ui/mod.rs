//! The pages of the walk-through, one file each, and the small widgets they share.
//! Pages are thin: each reads its own report through a memo (`Store::report`), its
//! checklist through `state::checklist`, and calls domain functions; every change goes
//! through `Store`'s methods, which save.
//!
//! Not here: state and saving (`state`), addresses (`route`), the shell (`app`).

pub mod backup;
pub mod banners;
pub mod home;
pub mod info;
pub mod output;
pub mod plans;
pub mod review;
pub mod section;
pub mod tasks;
pub mod tools;
pub mod widgets;

use crate::domain::builtin::PresetInfo;
use crate::route::{Page, Route};
use crate::state::{checklist, use_store, ChecklistState};
use leptos::prelude::*;

/// The view of each of the walk-through's pages (the main module); the others reload into
/// the tools module (`ui::tools::view`).
pub fn view(route: Route) -> AnyView {
    if let Some(stop) = report_missing(&route) {
        return stop;
    }
    walk_through(route)
}

/// The walk-through's own pages (我的报告, 基本信息, the task list, each section), which both
/// modules show: the tools module carries them too, so once a page of it is open the user
/// goes back and forth (核对's 修改 to a section and back) without a reload. Any other page
/// reloads into the tools module. The caller has checked `report_missing`.
pub fn walk_through(route: Route) -> AnyView {
    let Route { page, report, section, back, item, .. } = route;
    match page {
        Page::Home => view! { <home::Home /> }.into_any(),
        Page::Info => view! { <info::Info id=report back=back /> }.into_any(),
        Page::Tasks => view! { <tasks::Tasks id=report /> }.into_any(),
        Page::Section => view! { <section::SectionPage id=report section=section back=back item=item /> }.into_any(),
        Page::NotFound => not_found("没有这个页面。"),
        _ => other_module(),
    }
}

/// What a page of one report shows instead of itself when it cannot be shown: a report or
/// section that does not exist gives a way back, not a blank page; a page of items waits
/// for the report's checklist when it is a preset still being fetched. None: show the page.
pub fn report_missing(route: &Route) -> Option<AnyView> {
    let store = use_store();
    let Route { page, report, section, .. } = route;
    if route.report().is_none() || matches!(page, Page::Home | Page::NotFound) {
        return None;
    }
    let Some(r) = store.with_untracked(|d| d.report(report).cloned()) else {
        return Some(not_found("找不到这份报告。它可能已被删除，或保存在另一台电脑、另一个浏览器中。"));
    };
    if *page != Page::Info {
        match store.checklist_state(&r) {
            ChecklistState::Ready => {}
            ChecklistState::Loading(info) => return Some(loading(info.name)),
            ChecklistState::Failed(info, why) => return Some(failed(info, why, report)),
        }
    }
    if *page == Page::Section && !checklist(&r).sections.iter().any(|s| s.id == *section) {
        return Some(not_found("找不到这一部分清单。"));
    }
    None
}

/// A page of the other wasm module (`route::Part`): the page reloads, and the start-up
/// script loads that module for the address. What is typed is saved as it is typed, and
/// what could not be saved is handed over (`Store::hand_over_unsaved`), so nothing is lost.
pub fn other_module() -> AnyView {
    // What storage does not hold (refused, full, held back) goes across the reload.
    use_store().hand_over_unsaved();
    request_animation_frame(|| {
        let _ = window().location().reload();
    });
    view! {
        <h1 tabindex="-1">"正在打开"</h1>
        <p role="status">"正在打开这一页，请稍候。"</p>
    }
    .into_any()
}

fn loading(name: &'static str) -> AnyView {
    view! {
        <h1 tabindex="-1">"正在载入清单"</h1>
        <p role="status">{format!("正在载入“{name}”，请稍候。")}</p>
    }
    .into_any()
}

fn failed(info: &'static PresetInfo, why: String, report: &str) -> AnyView {
    let store = use_store();
    let info_link = Route::info(report).href();
    view! {
        <h1 tabindex="-1">"清单没有载入"</h1>
        <div class="banner banner-error" role="alert">
            <p>{format!("无法载入“{}”：{why}。您填写的内容都还在。", info.name)}</p>
            <p>
                "请确认网络正常后点击“重试”；如果仍不行，可以在“基本信息”中暂时改用通用清单。"
            </p>
            <button type="button" class="button" on:click=move |_| store.retry_checklist(info)>
                "重试"
            </button>
            " "
            <a class="button button-secondary" href=info_link>
                "修改基本信息"
            </a>
        </div>
    }
    .into_any()
}

pub fn not_found(message: &'static str) -> AnyView {
    view! {
        <h1 tabindex="-1">"页面不存在"</h1>
        <p>{message}</p>
        <p>
            <a class="button" href="#/">
                "返回我的报告"
            </a>
        </p>
    }
    .into_any()
}

/// Moves focus to an element by id (and so scrolls it into view).
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    }
}

/// Brings the first element a CSS selector finds into view and moves focus to it.
pub fn focus_selector(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}
