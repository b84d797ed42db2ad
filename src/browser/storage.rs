//! The one door to localStorage. Every key is a `Key`; no other module touches storage.
//! Values are written and read with gloo-storage (`LocalStorage::set`/`get`, JSON, as the
//! saved format always was); raw text (unreadable data kept aside) goes through
//! `LocalStorage::raw()`, the browser's own Storage object. Availability is checked with
//! web-sys first, because `raw()` throws where storage is refused.
//!
//! Promises kept here: unreadable or newer data is never overwritten (the raw text is kept
//! under a backup key and offered for download); when storage is refused or full the app
//! keeps working in memory and says so; a tab whose data is stale never silently
//! overwrites what another tab saved (revisions are compared before each write); what is
//! not saved crosses the reload into the other wasm module in the tab's name (`hand_over`),
//! not in storage.

use crate::domain::saved::{Envelope, LoadError};
use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// Every localStorage key zeren uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The saved envelope (all reports and settings), as JSON.
    Data,
    /// The revision of what `Data` holds, read before each write to detect other tabs.
    Revision,
    /// Raw text of data that could not be read, kept for the user; never overwritten.
    UnreadableBackup,
    /// The 汇总 of branches' files (`domain::rollup::Rollup::to_json`), apart from the
    /// user's own reports: what the table needs, about 1,800 characters a branch.
    Rollup,
    /// The checklist being edited and not yet saved as an edition, with the edition it
    /// starts from (`ui::tools::editor`).
    ChecklistDraft,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Data => "zeren.data",
            Key::Revision => "zeren.revision",
            Key::UnreadableBackup => "zeren.unreadable-backup",
            Key::Rollup => "zeren.rollup",
            Key::ChecklistDraft => "zeren.checklist-draft",
        }
    }
}

/// Why the app cannot simply load and save.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadTrouble {
    /// localStorage is missing or refused (private window, disabled, blocked).
    Unavailable,
    /// Saved data could not be read; its raw text is kept under `Key::UnreadableBackup`.
    Unreadable { reason: String, raw: String },
    /// Saved by a newer zeren; left untouched.
    Newer { message: String },
}

/// What loading found.
pub struct Loaded {
    pub data: Envelope,
    pub trouble: Option<LoadTrouble>,
    /// The app reloaded the tab into this wasm module (`hand_over`).
    pub moved: bool,
    /// The data came from the page before that reload: it is not in storage yet.
    pub handed_over: bool,
}

/// What marks the tab's name as set by the app for the reload into the other module; data
/// storage does not hold follows it.
const MOVED: &str = "zeren.moved:";

/// Called just before the app reloads the tab into the other wasm module. Data that is not
/// saved (storage refused, full, or held back) goes across in the tab's `window.name`,
/// which a reload keeps and another site cannot read; the next `load` takes it and clears
/// the name.
pub fn hand_over(unsaved: Option<&Envelope>) {
    if let Some(w) = web_sys::window() {
        let _ = w.set_name(&format!("{MOVED}{}", unsaved.map(Envelope::to_json).unwrap_or_default()));
    }
}

/// Whether the app reloaded the tab into this module, and the data handed over with it, if
/// any; clears the mark.
fn take_handover() -> (bool, Option<Envelope>) {
    let Some(w) = web_sys::window() else { return (false, None) };
    let name = w.name().unwrap_or_default();
    let Some(json) = name.strip_prefix(MOVED) else { return (false, None) };
    let _ = w.set_name("");
    (true, (!json.is_empty()).then(|| Envelope::from_json(json).ok()).flatten())
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Unavailable,
    /// QuotaExceededError: the browser's storage for this site is full.
    Full,
    /// Another tab saved after this one loaded; its revision.
    Conflict {
        stored: u64,
    },
    Other(String),
}

impl SaveError {
    /// The error a refused write names (a `DOMException`'s name), as a kind.
    fn from_dom_name(name: &str, detail: impl FnOnce() -> String) -> SaveError {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Full,
            "SecurityError" => SaveError::Unavailable,
            "" => SaveError::Other(detail()),
            other => SaveError::Other(other.to_string()),
        }
    }
}

/// What to tell the user, and what to do about it.
impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Unavailable => f.write_str("浏览器不允许本页面保存数据（可能是无痕窗口或浏览器设置所致）。您的修改暂时只保存在当前页面中，关闭页面就会丢失，请先“导出备份”。"),
            SaveError::Full => f.write_str("浏览器的存储空间已满，最近的修改没有保存。您的修改暂时只保存在当前页面中，请立即“导出备份”，再删除不需要的旧报告。"),
            SaveError::Conflict { .. } => f.write_str("这些报告在另一个标签页中被修改过。为避免覆盖那边的内容，本页的修改暂未保存。"),
            SaveError::Other(e) => write!(f, "保存时出错（{e}）。您的修改暂时只保存在当前页面中，请先“导出备份”。"),
        }
    }
}

/// The browser's localStorage, if this page may use it. Checked before every use:
/// gloo-storage's `LocalStorage::raw()` throws when storage is refused (a private window,
/// a blocked site), and a throw would stop the app.
fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// The raw text under a key, as stored (no JSON decoding).
pub fn get(key: Key) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key.name()).ok().flatten()
}

/// Stores raw text under a key name (the unreadable backups: kept exactly as they were).
fn set_raw(name: &str, value: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(name, value).map_err(|e| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        SaveError::from_dom_name(&name, || format!("{e:?}"))
    })
}

/// Stores text under a key that holds a value of its own (the 汇总), replacing what was
/// there; when it does not fit, what was there stays.
pub fn set_text(key: Key, value: &str) -> Result<(), SaveError> {
    set_raw(key.name(), value)
}

/// Removes what a key holds.
pub fn remove(key: Key) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key.name());
    }
}

/// Stores a value as JSON, the way every saved value of zeren is stored.
fn set_json(key: Key, value: &impl serde::Serialize) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(key.name(), value).map_err(|e| match e {
        StorageError::JsError(js) => SaveError::from_dom_name(&js.name, || js.to_string()),
        other => SaveError::Other(other.to_string()),
    })
}

/// The revision another tab (or this one) last wrote; 0 when nothing is saved.
pub fn stored_revision() -> u64 {
    if !available() {
        return 0;
    }
    LocalStorage::get::<u64>(Key::Revision.name()).unwrap_or(0)
}

/// Reads the saved envelope. Never fails: trouble comes back with an empty envelope to
/// work on in memory.
pub fn load() -> Loaded {
    let (data, trouble) = load_stored();
    match take_handover() {
        (moved, Some(handed)) => Loaded { data: handed, trouble, moved, handed_over: true },
        (moved, None) => Loaded { data, trouble, moved, handed_over: false },
    }
}

fn load_stored() -> (Envelope, Option<LoadTrouble>) {
    if !available() {
        return (Envelope::default(), Some(LoadTrouble::Unavailable));
    }
    let Some(raw) = get(Key::Data) else {
        return (Envelope::default(), None);
    };
    match Envelope::from_json(&raw) {
        Ok(mut data) => {
            data.revision = data.revision.max(stored_revision());
            (data, None)
        }
        Err(LoadError::Newer { .. }) => {
            let message = Envelope::from_json(&raw).err().map(|e| e.to_string()).unwrap_or_default();
            (Envelope::default(), Some(LoadTrouble::Newer { message }))
        }
        Err(LoadError::Unreadable { reason }) => {
            keep_unreadable(&raw);
            (Envelope::default(), Some(LoadTrouble::Unreadable { reason, raw }))
        }
    }
}

/// Keeps unreadable raw text; an older backup is never overwritten.
fn keep_unreadable(raw: &str) {
    match get(Key::UnreadableBackup) {
        None => {
            let _ = set_raw(Key::UnreadableBackup.name(), raw);
        }
        Some(existing) if existing == raw => {}
        Some(_) => {
            // A second, different unreadable copy: keep it beside the first.
            let _ = set_raw(&format!("{}.{}", Key::UnreadableBackup.name(), js_sys::Date::now() as u64), raw);
        }
    }
}

/// Writes the envelope if nobody else wrote since revision `known` (what this tab last
/// read or wrote); returns the new revision.
pub fn save(data: &Envelope, known: u64) -> Result<u64, SaveError> {
    let stored = stored_revision();
    if stored > known {
        return Err(SaveError::Conflict { stored });
    }
    write(data, known)
}

/// Writes the envelope over whatever another tab saved (the user chose to keep this
/// tab's content); returns the new revision.
pub fn overwrite(data: &Envelope, known: u64) -> Result<u64, SaveError> {
    write(data, known)
}

fn write(data: &Envelope, known: u64) -> Result<u64, SaveError> {
    let next = stored_revision().max(known) + 1;
    let mut copy = data.clone();
    copy.revision = next;
    set_json(Key::Data, &copy)?;
    set_json(Key::Revision, &next)?;
    Ok(next)
}

/// Asks the browser to keep this site's data (not evicted under pressure or after 7 days
/// without a visit in Safari). Resolves to whether it agreed; `None` where unsupported.
pub async fn request_persistence() -> Option<bool> {
    let nav = web_sys::window()?.navigator();
    if !js_sys::Reflect::has(&nav, &"storage".into()).unwrap_or(false) {
        return None;
    }
    let promise = nav.storage().persist().ok()?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    answer.as_bool()
}
