//! Fetching a file that sits beside the app on the same server (a checklist preset under
//! `presets/`), as text. Nothing is ever sent anywhere else: the address is relative.
//! The single-file build (zeren.html, opened from a file with no server) carries these files
//! inside itself, as `window.zerenFiles[path]`; they are read from there when present.

use std::fmt;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer from the server (offline, server stopped, or the page opened from a file).
    NoAnswer,
    /// The server answered with an error status (404: the file is not on the server).
    Status(u16),
    /// The answer could not be read as text.
    Unreadable,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NoAnswer => f.write_str("服务器没有响应，可能是网络断开或服务器已停止"),
            FetchError::Status(404) => f.write_str("服务器上没有这个文件，可能是网站只更新了一部分"),
            FetchError::Status(code) => write!(f, "服务器返回错误{code}"),
            FetchError::Unreadable => f.write_str("文件内容无法读取"),
        }
    }
}

/// The text of the file at `url` (relative to the page).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoAnswer)?;
    if let Some(text) = carried(&window, url) {
        return Ok(text);
    }
    let answer = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| FetchError::NoAnswer)?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| FetchError::NoAnswer)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Unreadable)?)
        .await
        .map_err(|_| FetchError::Unreadable)?;
    text.as_string().ok_or(FetchError::Unreadable)
}

/// The file as the single-file build carries it, if this is that build and it has the file.
fn carried(window: &web_sys::Window, url: &str) -> Option<String> {
    let files = js_sys::Reflect::get(window, &"zerenFiles".into()).ok().filter(|f| f.is_object())?;
    js_sys::Reflect::get(&files, &url.into()).ok()?.as_string()
}

/// Whether the page was opened from a file (zeren.html double-clicked) rather than a server.
pub fn opened_from_file() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).as_deref() == Some("file:")
}
