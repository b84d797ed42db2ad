//! The pages of the walk-through, one file each, and the small widgets they share.
//! Pages are thin: they read the report through `Store` and call domain functions.

pub mod backup;
pub mod banners;
pub mod check;
pub mod home;
pub mod info;
pub mod output;
pub mod problems;
pub mod section;
pub mod tasks;
pub mod widgets;

use crate::app::use_store;
use crate::route::Route;
use leptos::prelude::*;

/// The page for a route. A report that does not exist shows a way back, not a blank page.
pub fn page(route: Route) -> AnyView {
    let store = use_store();
    if let Some(id) = route.report() {
        if !store.data.with_untracked(|d| d.report(id).is_some()) {
            return view! { <NotFound message="找不到这份报告。它可能已被删除，或保存在另一台电脑、另一个浏览器中。"/> }.into_any();
        }
    }
    match route {
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Info { report, back } => view! { <info::Info id=report back=back/> }.into_any(),
        Route::Tasks { report } => view! { <tasks::Tasks id=report/> }.into_any(),
        Route::Section { report, section, back } => {
            if crate::app::template().sections.iter().any(|s| s.id == section) {
                view! { <section::SectionPage id=report section=section back=back/> }.into_any()
            } else {
                view! { <NotFound message="找不到这一部分清单。"/> }.into_any()
            }
        }
        Route::Problems { report, back } => view! { <problems::Problems id=report back=back/> }.into_any(),
        Route::Check { report } => view! { <check::Check id=report/> }.into_any(),
        Route::Output { report } => view! { <output::Output id=report/> }.into_any(),
        Route::NotFound => view! { <NotFound message="没有这个页面。"/> }.into_any(),
    }
}

#[component]
fn NotFound(message: &'static str) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"页面不存在"</h1>
        <p>{message}</p>
        <p><a class="button" href="#/">"返回我的报告"</a></p>
    }
}
