//! The one door to localStorage. Every key is a `Key`; no other module touches storage.
//!
//! Promises kept here: unreadable or newer data is never overwritten (the raw text is kept
//! under a backup key and offered for download); when storage is refused or full the app
//! keeps working in memory and says so; a tab whose data is stale never silently
//! overwrites what another tab saved (revisions are compared before each write).

use crate::domain::saved::{Envelope, LoadError};
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
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Data => "zeren.data",
            Key::Revision => "zeren.revision",
            Key::UnreadableBackup => "zeren.unreadable-backup",
        }
    }
}

/// Why the app cannot simply load and save.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
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
    pub problem: Option<Problem>,
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
    /// What to tell the user, and what to do about it.
    pub fn message(&self) -> String {
        match self {
            SaveError::Unavailable => "浏览器不允许本页面保存数据（可能是无痕窗口或浏览器设置所致）。您的修改暂时只保存在当前页面中，关闭页面就会丢失，请先“导出备份”。".into(),
            SaveError::Full => "浏览器的存储空间已满，最近的修改没有保存。您的修改暂时只保存在当前页面中，请立即“导出备份”，再删除不需要的旧报告。".into(),
            SaveError::Conflict { .. } => "这些报告在另一个标签页中被修改过。为避免覆盖那边的内容，本页的修改暂未保存。".into(),
            SaveError::Other(e) => format!("保存时出错（{e}）。您的修改暂时只保存在当前页面中，请先“导出备份”。"),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: Key) -> Option<String> {
    storage()?.get_item(key.name()).ok().flatten()
}

fn set(key: Key, value: &str) -> Result<(), SaveError> {
    let s = storage().ok_or(SaveError::Unavailable)?;
    s.set_item(key.name(), value).map_err(|e| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Full
        } else if name == "SecurityError" {
            SaveError::Unavailable
        } else {
            SaveError::Other(if name.is_empty() { format!("{e:?}") } else { name })
        }
    })
}

/// The revision another tab (or this one) last wrote; 0 when nothing is saved.
pub fn stored_revision() -> u64 {
    get(Key::Revision).and_then(|r| r.parse().ok()).unwrap_or(0)
}

/// Reads the saved envelope. Never fails: problems come back with an empty envelope to
/// work on in memory.
pub fn load() -> Loaded {
    if storage().is_none() {
        return Loaded { data: Envelope::default(), problem: Some(Problem::Unavailable) };
    }
    let Some(raw) = get(Key::Data) else {
        return Loaded { data: Envelope::default(), problem: None };
    };
    match Envelope::from_json(&raw) {
        Ok(mut data) => {
            data.revision = data.revision.max(stored_revision());
            Loaded { data, problem: None }
        }
        Err(LoadError::Newer { .. }) => {
            let message = Envelope::from_json(&raw).err().map(|e| e.to_string()).unwrap_or_default();
            Loaded { data: Envelope::default(), problem: Some(Problem::Newer { message }) }
        }
        Err(LoadError::Unreadable { reason }) => {
            keep_unreadable(&raw);
            Loaded { data: Envelope::default(), problem: Some(Problem::Unreadable { reason, raw }) }
        }
    }
}

/// Keeps unreadable raw text; an older backup is never overwritten.
fn keep_unreadable(raw: &str) {
    match get(Key::UnreadableBackup) {
        None => {
            let _ = set(Key::UnreadableBackup, raw);
        }
        Some(existing) if existing == raw => {}
        Some(_) => {
            // A second, different unreadable copy: keep it beside the first.
            if let Some(s) = storage() {
                let _ = s.set_item(&format!("{}.{}", Key::UnreadableBackup.name(), js_sys::Date::now() as u64), raw);
            }
        }
    }
}

/// Writes the envelope if nobody else wrote since revision `known` (what this tab last
/// read or wrote); returns the new revision. With `force`, writes over another tab's
/// changes (the user chose to).
pub fn save(data: &Envelope, known: u64, force: bool) -> Result<u64, SaveError> {
    let stored = stored_revision();
    if stored > known && !force {
        return Err(SaveError::Conflict { stored });
    }
    let next = stored.max(known) + 1;
    let mut copy = data.clone();
    copy.revision = next;
    set(Key::Data, &copy.to_json())?;
    set(Key::Revision, &next.to_string())?;
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
