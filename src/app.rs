//! The app shell: the store every page shares (reports in a signal, saved on each change),
//! the hash router, the header with the save indicator, and the banners that explain
//! storage trouble. Pages live in `ui`; they read and edit through `Store`.

use crate::browser::{self, storage};
use crate::domain::builtin;
use crate::domain::report::Report;
use crate::domain::saved::Envelope;
use crate::domain::template::Template;
use crate::route::Route;
use crate::ui;
use leptos::prelude::*;

/// The built-in checklist (a constant: nothing is parsed when the app starts).
pub fn template() -> &'static Template {
    &builtin::DEFAULT
}

/// Whether the last change reached storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since loading.
    Idle,
    Saved,
    /// Not saved; the message says why and what to do.
    Failed(storage::SaveError),
    /// Saving is held back to protect data this version cannot read.
    Held,
}

/// Shared state. Copyable handle; pages take it with `use_store()`.
#[derive(Clone, Copy)]
pub struct Store {
    pub data: RwSignal<Envelope>,
    pub status: RwSignal<SaveStatus>,
    /// A problem found when loading (storage refused, unreadable or newer data).
    pub problem: RwSignal<Option<storage::Problem>>,
    /// The browser's answer to the request for persistent storage.
    pub persisted: RwSignal<Option<bool>>,
    pub route: RwSignal<Route>,
    /// A report deleted a moment ago, for 撤销.
    pub deleted: RwSignal<Option<(usize, Report)>>,
    /// A short message for the page it was set on (e.g. after 新建下一期), with that page.
    pub flash: RwSignal<Option<(Route, String)>>,
    /// The item to bring into view on the next page (a 修改 link from 核对).
    pub focus_item: RwSignal<Option<String>>,
    /// The item whose 修改 link to return to on 核对, so the user lands where they left.
    pub return_item: RwSignal<Option<String>>,
    /// Bumped when data is replaced from outside (another tab, a fresh start), so pages
    /// rebuild their inputs, which otherwise own their text while the user types.
    pub generation: RwSignal<u64>,
    known_revision: StoredValue<u64>,
    writable: StoredValue<bool>,
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    fn new() -> Store {
        let loaded = storage::load();
        let writable =
            !matches!(loaded.problem, Some(storage::Problem::Unreadable { .. } | storage::Problem::Newer { .. }));
        let status = if writable { SaveStatus::Idle } else { SaveStatus::Held };
        Store {
            known_revision: StoredValue::new(loaded.data.revision),
            data: RwSignal::new(loaded.data),
            status: RwSignal::new(status),
            problem: RwSignal::new(loaded.problem),
            persisted: RwSignal::new(None),
            route: RwSignal::new(Route::parse(&current_hash())),
            deleted: RwSignal::new(None),
            generation: RwSignal::new(0),
            flash: RwSignal::new(None),
            focus_item: RwSignal::new(None),
            return_item: RwSignal::new(None),
            writable: StoredValue::new(writable),
        }
    }

    /// Changes one report and saves at once. Does nothing if the report is gone.
    pub fn edit(&self, id: &str, f: impl FnOnce(&mut Report)) {
        self.data.update(|d| {
            if let Some(r) = d.report_mut(id) {
                f(r);
                r.updated_ms = browser::now_ms();
            }
        });
        self.save(false);
    }

    /// Changes the whole envelope (add, delete, settings) and saves at once.
    pub fn edit_all(&self, f: impl FnOnce(&mut Envelope)) {
        self.data.update(f);
        self.save(false);
    }

    /// Writes to storage. With `force`, overwrites another tab's newer data.
    pub fn save(&self, force: bool) {
        if !self.writable.get_value() {
            self.status.set(SaveStatus::Held);
            return;
        }
        let known = self.known_revision.get_value();
        let result = self.data.with_untracked(|d| storage::save(d, known, force));
        match result {
            Ok(rev) => {
                self.known_revision.set_value(rev);
                self.status.set(SaveStatus::Saved);
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Replaces what this tab holds with what storage holds (another tab saved).
    pub fn reload(&self) {
        let loaded = storage::load();
        if loaded.problem.is_none() {
            self.known_revision.set_value(loaded.data.revision);
            self.data.set(loaded.data);
            self.status.set(SaveStatus::Idle);
            self.generation.update(|g| *g += 1);
        } else {
            self.problem.set(loaded.problem);
        }
    }

    /// After unreadable data was kept aside and offered for download, the user chose to
    /// start afresh: allow saving again.
    pub fn start_afresh(&self) {
        self.writable.set_value(true);
        self.known_revision.set_value(storage::stored_revision());
        self.problem.set(None);
        self.save(true);
    }

    /// True when this tab holds changes storage does not.
    pub fn unsaved(&self) -> bool {
        matches!(self.status.get_untracked(), SaveStatus::Failed(_) | SaveStatus::Held)
    }

    pub fn go(&self, route: Route) {
        navigate(&route);
    }
}

/// The page's name, for the browser's title.
fn page_name(route: &Route) -> String {
    match route {
        Route::Home => "我的报告".into(),
        Route::Info { .. } => "基本信息".into(),
        Route::Tasks { .. } => "自查清单".into(),
        Route::Section { section, .. } => {
            template().sections.iter().find(|s| s.id == *section).map(|s| s.title.to_string()).unwrap_or_default()
        }
        Route::Problems { .. } => "问题与下一步打算".into(),
        Route::Check { .. } => "核对填写内容".into(),
        Route::Output { .. } => "生成报告".into(),
        Route::NotFound => "页面不存在".into(),
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to a page: sets the hash, which the router follows.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    // Opened at the bare address (no page in it): go back to the page the user left.
    if current_hash().is_empty() {
        let last = store.data.with_untracked(|d| {
            d.settings
                .last_page
                .as_deref()
                .map(Route::parse)
                .filter(|r| r.report().is_none_or(|id| d.report(id).is_some()))
        });
        if let Some(route) = last.filter(|r| *r != Route::NotFound) {
            let _ = window().location().replace(&route.href());
            store.route.set(route);
        }
    }

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        store.route.set(Route::parse(&current_hash()));
    });
    // Another tab saved: follow it unless this tab has changes of its own.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() != Some(storage::Key::Revision.name()) {
            return;
        }
        if store.unsaved() {
            store.status.set(SaveStatus::Failed(storage::SaveError::Conflict { stored: storage::stored_revision() }));
        } else {
            store.reload();
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
        let route = store.route.get();
        if let Some(prev) = left.get_value() {
            if route.report() != Some(prev.as_str())
                && store
                    .data
                    .with_untracked(|d| d.report(&prev).is_some_and(|r| r.is_blank() && r.updated_ms == r.created_ms))
            {
                store.edit_all(|d| d.reports.retain(|r| r.id != prev));
            }
        }
        left.set_value(match &route {
            Route::Info { report, .. } => Some(report.clone()),
            _ => None,
        });
    });

    // Remember where the user was, to resume there.
    Effect::new(move |_| {
        let route = store.route.get();
        let page = route.href();
        let id = route.report().map(str::to_string);
        let known = id.as_ref().is_none_or(|id| store.data.with_untracked(|d| d.report(id).is_some()));
        let changed = store.data.with_untracked(|d| {
            d.settings.last_page.as_deref() != Some(page.as_str())
                || (id.is_some() && d.settings.last_report.as_deref() != id.as_deref())
        });
        if known && changed && route != Route::NotFound {
            store.edit_all(|d| {
                d.settings.last_page = Some(page);
                if id.is_some() {
                    d.settings.last_report = id;
                }
            });
        }
    });
    // Move focus to the new page's heading (or the item a 修改 link asked for), for
    // keyboard and screen-reader users; name the page in the browser's title.
    Effect::new(move |prev: Option<()>| {
        let route = store.route.get();
        document().set_title(&format!("{} - 意识形态工作责任制自查与报告", page_name(&route)));
        if prev.is_some() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let take = |s: RwSignal<Option<String>>| s.try_update(|f| f.take()).flatten();
            let target = match route {
                Route::Section { .. } => take(store.focus_item).map(|i| format!("#item-{i}-h")),
                Route::Check { .. } => take(store.return_item).map(|i| format!("#edit-{i}")),
                _ => None,
            };
            request_animation_frame(move || {
                let target = target.unwrap_or_else(|| "main h1".into());
                if let Some(h) = document().query_selector(&target).ok().flatten() {
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                        h.scroll_into_view();
                        let _ = h.focus();
                    }
                }
            });
        }
    });
    leptos::task::spawn_local(async move {
        if let Some(answer) = storage::request_persistence().await {
            store.persisted.set(Some(answer));
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            if let Some(h) = document().query_selector("main h1").ok().flatten() {
                if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) { let _ = h.focus(); }
            }
        }>"跳到正文"</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="#/">"意识形态工作责任制自查与报告"</a>
                <SaveIndicator/>
            </div>
        </header>
        <div class="wrap">
            <ui::banners::Banners/>
            <main id="main">{move || { store.generation.track(); ui::page(store.route.get()) }}</main>
        </div>
        <footer class="site-footer">
            <div class="wrap">"填写的内容只保存在本机浏览器中，不会上传到任何服务器。请定期导出备份。"</div>
        </footer>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let store = use_store();
    view! {
        <span class="save-indicator" role="status" aria-live="polite">
            {move || match store.status.get() {
                SaveStatus::Idle => "".to_string(),
                SaveStatus::Saved => "✓ 已保存".to_string(),
                SaveStatus::Failed(_) => "未保存".to_string(),
                SaveStatus::Held => "未保存".to_string(),
            }}
        </span>
    }
}
