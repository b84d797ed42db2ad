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
pub mod widgets;

use crate::route::{Page, Route};
use crate::state::{checklist, use_store};
use leptos::prelude::*;

/// The view of each page in the route table. A report or section that does not exist
/// shows a way back, not a blank page.
pub fn view(route: Route) -> AnyView {
    let store = use_store();
    let Route { page, report, section, back } = route;
    if page != Page::Home && page != Page::NotFound {
        let known = store.with_untracked(|d| {
            d.report(&report).map(|r| page != Page::Section || checklist(r).sections.iter().any(|s| s.id == section))
        });
        match known {
            None => return not_found("找不到这份报告。它可能已被删除，或保存在另一台电脑、另一个浏览器中。"),
            Some(false) => return not_found("找不到这一部分清单。"),
            Some(true) => {}
        }
    }
    match page {
        Page::Home => view! { <home::Home /> }.into_any(),
        Page::Info => view! { <info::Info id=report back=back /> }.into_any(),
        Page::Tasks => view! { <tasks::Tasks id=report /> }.into_any(),
        Page::Section => view! { <section::SectionPage id=report section=section back=back /> }.into_any(),
        Page::Plans => view! { <plans::Plans id=report back=back /> }.into_any(),
        Page::Review => view! { <review::Review id=report /> }.into_any(),
        Page::Output => view! { <output::Output id=report /> }.into_any(),
        Page::NotFound => not_found("没有这个页面。"),
    }
}

fn not_found(message: &'static str) -> AnyView {
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
