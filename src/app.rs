//! The app shell, the top floor: makes the state (`state::provide`), follows the address,
//! other tabs and the page the user was on, and lays out the header with the save
//! indicator, the banners and the page the route table names.
//!
//! Both wasm modules use this shell: the walk-through (`src/main.rs`, pages from
//! `ui::view`) and the tools (`src/tools.rs`, pages from `ui::tools::view`). The tools
//! module shows every page; in the walk-through, an address of the tools module reloads the
//! page, and the start-up script loads that module.
//!
//! Not here: the state and its saving (`state`), the pages (`ui`).

use crate::browser::storage;
use crate::domain::template::Template;
use crate::route::{Page, Part, Route};
use crate::state::{self, checklist, SaveStatus};
use crate::ui;
use leptos::prelude::*;

/// The page's name, for the browser's title: its line in the route table, or for a
/// section, the section's title in the report's checklist.
fn page_name(route: &Route, store: state::Store) -> String {
    if route.page == Page::Section {
        return store.with_untracked(|d| {
            d.report(&route.report)
                .and_then(|r| checklist(r).sections.iter().find(|s| s.id == route.section))
                .map(|s| s.title.to_string())
                .unwrap_or_default()
        });
    }
    route.line().map_or("页面不存在", |l| l.title).to_string()
}

/// The shell of one module: `part` is the module, `pages` its view of each of its pages,
/// `builtin` the form of the built-in checklist it carries (`builtin::carry`).
#[component]
pub fn App(part: Part, pages: fn(Route) -> AnyView, builtin: &'static Template) -> impl IntoView {
    crate::domain::builtin::carry(builtin);
    let (store, screen) = state::provide();
    // Opened at the bare address (no page in it): go back to the page the user left.
    if screen.opened_bare() {
        let last = store.with_untracked(|d| {
            d.settings
                .last_page
                .as_deref()
                .map(Route::parse)
                .filter(|r| r.report().is_none_or(|id| d.report(id).is_some()))
        });
        if let Some(route) = last.filter(|r| r.page != Page::NotFound) {
            screen.resume_at(route);
        }
    }

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| screen.follow_address());
    // Another tab saved: follow it unless this tab has changes of its own.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(storage::Key::Revision.name()) {
            store.other_tab_saved();
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    // A report started with 新建报告 and left untouched (never edited, nothing typed) is removed, so Back
    // does not leave empty 未命名单位 reports behind. Nothing the user entered goes with it.
    let left = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let route = screen.route.get();
        if let Some(prev) = left.get_value() {
            if route.report() != Some(prev.as_str())
                && store
                    .with_untracked(|d| d.report(&prev).is_some_and(|r| r.is_blank() && r.updated_ms == r.created_ms))
            {
                store.remove_report(&prev);
            }
        }
        left.set_value((route.page == Page::Info).then(|| route.report.clone()));
    });

    // Remember where the user was, to resume there.
    Effect::new(move |_| {
        let route = screen.route.get();
        let known = route.report().is_none_or(|id| store.with_untracked(|d| d.report(id).is_some()));
        if known && route.page != Page::NotFound {
            store.record_page(&route);
        }
    });
    // Move focus to the new page's heading (or the item a 修改 link asked for), for
    // keyboard and screen-reader users; name the page in the browser's title.
    Effect::new(move |prev: Option<()>| {
        let route = screen.route.get();
        document().set_title(&format!("{} - 意识形态工作责任制自查与报告", page_name(&route, store)));
        // The item named in the address (a 修改 link on 核对, or coming back there), also
        // when the page has just been loaded: 核对 is in the other module. After the app's
        // reload into this module, focus goes to the page as after any change of page.
        let target = match (route.page, route.item.as_str()) {
            (_, "") => None,
            (Page::Section, i) => Some(format!("#item-{i}-h")),
            (Page::Review, i) => Some(format!("#edit-{i}")),
            _ => None,
        };
        if prev.is_some() || target.is_some() || store.moved_here() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            request_animation_frame(move || ui::focus_selector(&target.unwrap_or_else(|| "main h1".into())));
        }
    });
    // The text size chosen on 我的报告 scales the interface through the root element's
    // data-text attribute (the style sheet keeps the report preview and print as they are).
    Effect::new(move |_| {
        let key = store.text_size().key();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-text", key);
        }
    });
    store.request_persistence();

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                ui::focus_selector("main h1");
            }
        >
            "跳到正文"
        </a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="#/">
                    "意识形态工作责任制自查与报告"
                </a>
                <SaveIndicator />
            </div>
        </header>
        <div class="wrap">
            <ui::banners::Banners />
            <main id="main">
                {move || {
                    store.track_generation();
                    let route = screen.route.get();
                    match route.part() {
                        Some(Part::Tools) if part == Part::Main => ui::other_module(),
                        _ => pages(route),
                    }
                }}
            </main>
        </div>
        <footer class="site-footer">
            <div class="wrap">
                "填写的内容只保存在本机浏览器中，不会上传到任何服务器。请定期导出备份。"
            </div>
        </footer>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let store = state::use_store();
    view! {
        <span class="save-indicator" role="status" aria-live="polite">
            {move || match store.status() {
                SaveStatus::Idle => "".to_string(),
                SaveStatus::Saved => "✓ 已保存".to_string(),
                SaveStatus::Failed(_) => "未保存".to_string(),
                SaveStatus::Held => "未保存".to_string(),
            }}
        </span>
    }
}
