//! The app's state, one home below the pages. `Store` holds what is saved (every report
//! and the settings) and saves at once on every write: its fields are private, so a page
//! can only change data through the methods here, and each of them saves. `Screen` holds
//! what is only on screen (the page shown, a short message, the report kept for 撤销, where
//! to put focus). `checklist` gives a report's own checklist; `navigate` goes to a page.
//!
//! Floors: `domain` ← `browser` ← `state` ← `ui` ← `app`. Nothing here imports a page.
//! Not here: localStorage itself (`browser::storage`, the one door), the saved format and
//! its migrations (`domain::saved`), what pages show (`ui`).

use crate::browser::{self, fetch, storage};
use crate::domain::builtin::{self, Lookup, PresetInfo};
use crate::domain::proof::{RuleSet, RULES_FILE};
use crate::domain::report::Report;
use crate::domain::saved::{Envelope, TextSize};
use crate::domain::template::Template;
use crate::route::Route;
use leptos::prelude::*;

/// The checklist a report was made with (by its saved `template_id`). Every page and the
/// generator read a report's items and wording through this. A preset not fetched yet gives
/// the default: pages that show items wait for it first (`Store::checklist_state`).
pub fn checklist(report: &Report) -> &'static Template {
    builtin::checklist(&report.template_id)
}

/// Fetches and keeps a preset (pages go through `Store::checklist_state`, which follows
/// it; 汇总 awaits it before reading the branches that use it). The error is plain Chinese.
pub async fn load_checklist(info: &'static PresetInfo) -> Result<(), String> {
    match fetch::fetch_text(&format!("presets/{}", info.file)).await {
        Ok(text) => builtin::load_preset(info, &text).map(|_| ()).map_err(|e| format!("清单文件有误（{e}）")),
        Err(e) => Err(e.to_string()),
    }
}

/// Whether a report's checklist can be used yet.
#[derive(Debug, Clone, PartialEq)]
pub enum ChecklistState {
    Ready,
    /// A preset being fetched.
    Loading(&'static PresetInfo),
    /// A preset that could not be fetched; the message says why and what to do.
    Failed(&'static PresetInfo, String),
}

/// The proof-reader's rules (`domain::proof`), fetched from the file beside the app the
/// first time 核对 or 校对 asks for them, so the first screen does not load them.
#[derive(Debug, Clone, PartialEq)]
pub enum ProofRules {
    NotAsked,
    Loading,
    Ready(&'static RuleSet),
    /// Could not be fetched or read; says why.
    Failed(String),
}

/// Whether the last change reached storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since loading.
    Idle,
    Saved,
    /// Not saved; the error says why and what to do.
    Failed(storage::SaveError),
    /// Saving is held back to protect data this version cannot read.
    Held,
}

/// What is saved, and the state of saving it. A copyable handle; pages take it with
/// `use_store()`.
#[derive(Clone, Copy)]
pub struct Store {
    data: RwSignal<Envelope>,
    status: RwSignal<SaveStatus>,
    /// Trouble found when loading (storage refused, unreadable or newer data).
    trouble: RwSignal<Option<storage::LoadTrouble>>,
    /// The app reloaded the tab into this module (`moved_here`).
    moved: bool,
    /// The browser's answer to the request for persistent storage.
    persisted: RwSignal<Option<bool>>,
    /// Bumped when data is replaced from outside (another tab, a fresh start), so pages
    /// rebuild their inputs, which otherwise own their text while the user types.
    generation: RwSignal<u64>,
    known_revision: StoredValue<u64>,
    writable: StoredValue<bool>,
    /// Presets being fetched or that failed (id → why), and a count bumped when one arrives.
    fetching: RwSignal<Vec<(String, Option<String>)>>,
    arrived: RwSignal<u32>,
    proof: RwSignal<ProofRules>,
}

/// What is only on screen: never saved, gone on reload. Pages take it with `use_screen()`.
#[derive(Clone, Copy)]
pub struct Screen {
    /// The page shown; follows the address's hash.
    pub route: RwSignal<Route>,
    /// A report deleted a moment ago and where it stood, for 撤销.
    pub deleted: RwSignal<Option<(usize, Report)>>,
    /// A short message for the page it was set on (e.g. after 新建下一期), with that page.
    pub flash: RwSignal<Option<(Route, String)>>,
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

pub fn use_screen() -> Screen {
    expect_context::<Screen>()
}

/// Makes the store (loading what was saved) and the screen state, and provides both to
/// every page below.
pub fn provide() -> (Store, Screen) {
    let store = Store::load();
    let screen = Screen {
        route: RwSignal::new(Route::parse(&current_hash())),
        deleted: RwSignal::new(None),
        flash: RwSignal::new(None),
    };
    provide_context(store);
    provide_context(screen);
    (store, screen)
}

/// Keeps every user checklist the saved data holds, so reports find theirs by id
/// (`builtin::register`). One that cannot be read is left out: its reports fall back to the
/// general checklist, and their answers are kept.
fn register_checklists(env: &Envelope) {
    for value in &env.checklists {
        if let Ok(t) = builtin::read::template_value(value.clone()) {
            builtin::register(t);
        }
    }
}

impl Store {
    fn load() -> Store {
        let loaded = storage::load();
        register_checklists(&loaded.data);
        let writable = !matches!(
            loaded.trouble,
            Some(storage::LoadTrouble::Unreadable { .. } | storage::LoadTrouble::Newer { .. })
        );
        let status = if writable { SaveStatus::Idle } else { SaveStatus::Held };
        let refused = matches!(loaded.trouble, Some(storage::LoadTrouble::Unavailable));
        let store = Store {
            known_revision: StoredValue::new(loaded.data.revision),
            data: RwSignal::new(loaded.data),
            status: RwSignal::new(status),
            trouble: RwSignal::new(loaded.trouble),
            persisted: RwSignal::new(None),
            generation: RwSignal::new(0),
            writable: StoredValue::new(writable),
            fetching: RwSignal::new(Vec::new()),
            arrived: RwSignal::new(0),
            proof: RwSignal::new(ProofRules::NotAsked),
            moved: loaded.moved,
        };
        // Handed over by the other module and not in storage: save it now if storage takes
        // it (a conflict or a full store is then said as after any edit).
        if loaded.handed_over && !refused {
            store.save();
        }
        store
    }

    // ---- checklists

    /// Whether a report's checklist can be used yet; starts fetching a preset the first time
    /// it is asked for. Re-runs the caller when a preset arrives or fails.
    pub fn checklist_state(&self, report: &Report) -> ChecklistState {
        let info = match builtin::lookup(&report.template_id) {
            // Ready stays ready: nothing to follow.
            Lookup::Ready(_) => return ChecklistState::Ready,
            Lookup::NotLoaded(info) => info,
        };
        self.arrived.track();
        match self.fetching.with(|f| f.iter().find(|(id, _)| id == info.id).map(|(_, e)| e.clone())) {
            Some(Some(why)) => ChecklistState::Failed(info, why),
            Some(None) => ChecklistState::Loading(info),
            None => {
                self.fetch_preset(info);
                ChecklistState::Loading(info)
            }
        }
    }

    /// Tries a failed preset again.
    pub fn retry_checklist(&self, info: &'static PresetInfo) {
        self.fetching.update(|f| f.retain(|(id, _)| id != info.id));
        self.fetch_preset(info);
    }

    fn fetch_preset(&self, info: &'static PresetInfo) {
        // Marked before the fetch starts, so a page asking again meanwhile does not fetch twice.
        self.fetching.update_untracked(|f| f.push((info.id.to_string(), None)));
        let (fetching, arrived) = (self.fetching, self.arrived);
        leptos::task::spawn_local(async move {
            match load_checklist(info).await {
                Ok(()) => fetching.update(|f| f.retain(|(id, _)| id != info.id)),
                Err(why) => fetching.update(|f| {
                    if let Some(entry) = f.iter_mut().find(|(id, _)| id == info.id) {
                        entry.1 = Some(why);
                    }
                }),
            }
            arrived.update(|n| *n += 1);
        });
    }

    // ---- the proof-reader's rules

    /// The proof-reader's rules; starts fetching them the first time they are asked for, and
    /// re-runs the caller when they arrive or fail.
    pub fn proof_rules(&self) -> ProofRules {
        let state = self.proof.get();
        if state == ProofRules::NotAsked {
            self.fetch_rules();
            return ProofRules::Loading;
        }
        state
    }

    /// Tries fetching the rules again after a failure.
    pub fn retry_proof_rules(&self) {
        self.fetch_rules();
        self.proof.set(ProofRules::Loading);
    }

    fn fetch_rules(&self) {
        // Marked before the fetch starts, so a page asking again meanwhile does not fetch twice.
        self.proof.update_untracked(|p| *p = ProofRules::Loading);
        let proof = self.proof;
        leptos::task::spawn_local(async move {
            let state = match fetch::fetch_text(RULES_FILE).await {
                Ok(text) => match RuleSet::from_json(&text) {
                    // Kept for the life of the page, like a fetched checklist.
                    Ok(rules) => ProofRules::Ready(Box::leak(Box::new(rules))),
                    Err(e) => ProofRules::Failed(e),
                },
                Err(e) => ProofRules::Failed(e.to_string()),
            };
            proof.set(state);
        });
    }

    // ---- reading

    /// Reads everything saved, and re-runs the caller when any of it changes. Pages of one
    /// report read it through [`Store::report`] instead.
    pub fn with<R>(&self, f: impl FnOnce(&Envelope) -> R) -> R {
        self.data.with(f)
    }

    /// Reads everything saved, once (no subscription).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Envelope) -> R) -> R {
        self.data.with_untracked(f)
    }

    /// One report, as a memo: it changes only when that report does, so a page is not
    /// re-run when another report, the settings or the last page visited change.
    pub fn report(&self, id: &str) -> Memo<Option<Report>> {
        let (data, id) = (self.data, id.to_string());
        Memo::new(move |_| data.with(|d| d.report(&id).cloned()))
    }

    pub fn status(&self) -> SaveStatus {
        self.status.get()
    }

    pub fn trouble(&self) -> Option<storage::LoadTrouble> {
        self.trouble.get()
    }

    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// Subscribes the caller to data being replaced from outside.
    pub fn track_generation(&self) {
        self.generation.track();
    }

    /// Before the page reloads into the other wasm module: what storage does not hold
    /// (refused, full, or held back) goes across in the tab (`storage::hand_over`), so
    /// nothing typed is lost on the way.
    pub fn hand_over_unsaved(&self) {
        let refused = self.trouble.with_untracked(|t| matches!(t, Some(storage::LoadTrouble::Unavailable)));
        if self.unsaved() || refused {
            self.data.with_untracked(|d| storage::hand_over(Some(d)));
        } else {
            storage::hand_over(None);
        }
    }

    /// Whether the app reloaded the tab into this module (a page of the other module was
    /// opened): the new page then takes focus as after any change of page.
    pub fn moved_here(&self) -> bool {
        self.moved
    }

    /// True when this tab holds changes storage does not.
    pub fn unsaved(&self) -> bool {
        matches!(self.status.get_untracked(), SaveStatus::Failed(_) | SaveStatus::Held)
    }

    // ---- writing: every method saves

    /// Changes one report (and stamps it edited). Does nothing if the report is gone.
    pub fn edit_report(&self, id: &str, f: impl FnOnce(&mut Report)) {
        let now = browser::now_ms();
        self.data.update(|d| {
            if let Some(r) = d.report_mut(id) {
                f(r);
                r.updated_ms = now;
            }
        });
        self.save();
    }

    /// Adds a report at the end of the list.
    pub fn add_report(&self, report: Report) {
        self.edit(|d| d.reports.push(report));
    }

    /// Removes a report; gives it back with where it stood, for 撤销.
    pub fn remove_report(&self, id: &str) -> Option<(usize, Report)> {
        let mut removed = None;
        self.edit(|d| {
            if let Some(at) = d.reports.iter().position(|r| r.id == id) {
                removed = Some((at, d.reports.remove(at)));
            }
        });
        removed
    }

    /// Puts a removed report back where it stood (or at the end, if the list is shorter).
    pub fn restore_report(&self, at: usize, report: Report) {
        self.edit(|d| {
            let at = at.min(d.reports.len());
            d.reports.insert(at, report);
        });
    }

    /// Replaces every report (撤销 of a replacing import).
    pub fn set_reports(&self, reports: Vec<Report>) {
        self.edit(|d| d.reports = reports);
    }

    /// Replaces everything saved (an import, merged by the domain beforehand).
    pub fn replace(&self, next: Envelope) {
        register_checklists(&next);
        self.edit(|d| *d = next);
    }

    /// Saves a user checklist (already checked) as an edition beside the reports; older
    /// editions no report uses go. The error says why it was not saved.
    pub fn save_checklist(&self, t: Template) -> Result<(), String> {
        let value = serde_json::to_value(&t).map_err(|_| "清单无法保存。".to_string())?;
        let id = t.id.to_string();
        builtin::register(t);
        self.edit(|d| {
            d.checklists.retain(|v| v.get("id").and_then(serde_json::Value::as_str) != Some(id.as_str()));
            d.checklists.push(value);
            let used: Vec<String> = d.reports.iter().map(|r| r.template_id.clone()).collect();
            let used: Vec<&str> = used.iter().map(String::as_str).collect();
            crate::domain::custom::prune(&mut d.checklists, &used);
        });
        match self.status.get_untracked() {
            SaveStatus::Failed(e) => Err(e.to_string()),
            _ => Ok(()),
        }
    }

    /// Removes every edition of a user checklist no report uses; gives how many reports use
    /// it when it cannot go.
    pub fn remove_checklist(&self, base: &str) -> Result<(), usize> {
        let of_base = |id: &str| crate::domain::custom::split_id(id).is_some_and(|(b, _)| b == base);
        let users = self.data.with_untracked(|d| d.reports.iter().filter(|r| of_base(&r.template_id)).count());
        if users > 0 {
            return Err(users);
        }
        self.edit(|d| d.checklists.retain(|v| !v.get("id").and_then(serde_json::Value::as_str).is_some_and(of_base)));
        Ok(())
    }

    /// Subscribes the caller to the user's checklists changing.
    pub fn track_checklists(&self) {
        self.data.with(|d| d.checklists.len());
    }

    /// Records that a backup of everything was exported now.
    pub fn record_export(&self) {
        let now = browser::now_ms();
        self.edit(|d| d.settings.last_export_ms = now);
    }

    /// The interface's text size (文字大小), kept with the user's settings.
    pub fn text_size(&self) -> TextSize {
        self.data.with(|d| d.settings.text_size)
    }

    pub fn set_text_size(&self, size: TextSize) {
        if self.data.with_untracked(|d| d.settings.text_size) != size {
            self.edit(|d| d.settings.text_size = size);
        }
    }

    /// Remembers the page the user is on, to resume there; only when it changed.
    pub fn record_page(&self, route: &Route) {
        let page = route.href();
        let id = route.report().map(str::to_string);
        let changed = self.data.with_untracked(|d| {
            d.settings.last_page.as_deref() != Some(page.as_str())
                || (id.is_some() && d.settings.last_report.as_deref() != id.as_deref())
        });
        if changed {
            self.edit(|d| {
                d.settings.last_page = Some(page);
                if id.is_some() {
                    d.settings.last_report = id;
                }
            });
        }
    }

    fn edit(&self, f: impl FnOnce(&mut Envelope)) {
        self.data.update(f);
        self.save();
    }

    /// Writes to storage, unless another tab saved since this one last read or wrote.
    pub fn save(&self) {
        self.write(storage::save);
    }

    /// Writes to storage over another tab's newer data (the user chose to keep this tab's).
    pub fn overwrite(&self) {
        self.write(storage::overwrite);
    }

    fn write(&self, how: fn(&Envelope, u64) -> Result<u64, storage::SaveError>) {
        if !self.writable.get_value() {
            self.status.set(SaveStatus::Held);
            return;
        }
        let known = self.known_revision.get_value();
        match self.data.with_untracked(|d| how(d, known)) {
            Ok(rev) => {
                self.known_revision.set_value(rev);
                self.status.set(SaveStatus::Saved);
            }
            Err(e) => self.status.set(SaveStatus::Failed(e)),
        }
    }

    /// Another tab saved: follow it, unless this tab holds changes of its own (then say so
    /// and let the user choose).
    pub fn other_tab_saved(&self) {
        if self.unsaved() {
            let stored = storage::stored_revision();
            self.status.set(SaveStatus::Failed(storage::SaveError::Conflict { stored }));
        } else {
            self.reload();
        }
    }

    /// Replaces what this tab holds with what storage holds.
    pub fn reload(&self) {
        let loaded = storage::load();
        register_checklists(&loaded.data);
        if loaded.trouble.is_none() {
            self.known_revision.set_value(loaded.data.revision);
            self.data.set(loaded.data);
            self.status.set(SaveStatus::Idle);
            self.generation.update(|g| *g += 1);
        } else {
            self.trouble.set(loaded.trouble);
        }
    }

    /// After unreadable data was kept aside and offered for download, the user chose to
    /// start afresh: allow saving again.
    pub fn start_afresh(&self) {
        self.writable.set_value(true);
        self.known_revision.set_value(storage::stored_revision());
        self.trouble.set(None);
        self.overwrite();
    }

    /// Asks the browser to keep this site's data, and keeps its answer for 我的报告.
    pub fn request_persistence(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            if let Some(answer) = storage::request_persistence().await {
                persisted.set(Some(answer));
            }
        });
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl Screen {
    /// Follows the address: the hash changed (a link, Back, or [`navigate`]).
    pub fn follow_address(&self) {
        self.route.set(Route::parse(&current_hash()));
    }

    /// True when the app was opened at the bare address, with no page in it.
    pub fn opened_bare(&self) -> bool {
        current_hash().is_empty()
    }

    /// Shows a page in place of the bare address, without adding a history entry.
    pub fn resume_at(&self, route: Route) {
        let _ = window().location().replace(&route.href());
        self.route.set(route);
    }
}

/// Goes to a page: sets the hash, which the screen follows.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}
