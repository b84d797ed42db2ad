//! Copying text to the clipboard, on https/localhost and on plain-http intranet hosts alike.
//! First the async Clipboard API; where it does not exist or is refused, a one-shot `copy`
//! event listener that sets the data, triggered by `execCommand('copy')`. If both fail,
//! the caller selects the text so the user can press Ctrl+C.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// Through `navigator.clipboard`.
    ClipboardApi,
    /// Through the `copy` event and `execCommand`.
    CopyCommand,
    Failed,
}

pub async fn copy_text(text: &str) -> Copied {
    if let Some(w) = web_sys::window() {
        let nav = w.navigator();
        if js_sys::Reflect::has(&nav, &"clipboard".into()).unwrap_or(false) {
            let promise = nav.clipboard().write_text(text);
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                return Copied::ClipboardApi;
            }
        }
    }
    if copy_with_command(text) {
        Copied::CopyCommand
    } else {
        Copied::Failed
    }
}

fn copy_with_command(text: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let text = text.to_string();
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = done.clone();
    let listener = Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |ev: web_sys::ClipboardEvent| {
        if let Some(data) = ev.clipboard_data() {
            if data.set_data("text/plain", &text).is_ok() {
                flag.set(true);
                ev.prevent_default();
            }
        }
    });
    let target: &web_sys::EventTarget = doc.as_ref();
    if target.add_event_listener_with_callback("copy", listener.as_ref().unchecked_ref()).is_err() {
        return false;
    }
    let ran = doc.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    let _ = target.remove_event_listener_with_callback("copy", listener.as_ref().unchecked_ref());
    ran && done.get()
}

/// Selects the contents of an element so the user can copy it by hand.
pub fn select_contents(el: &web_sys::Element) {
    let Some(w) = web_sys::window() else { return };
    let (Some(doc), Ok(Some(sel))) = (w.document(), w.get_selection()) else { return };
    if let Ok(range) = doc.create_range() {
        if range.select_node_contents(el).is_ok() {
            let _ = sel.remove_all_ranges();
            let _ = sel.add_range(&range);
        }
    }
}
