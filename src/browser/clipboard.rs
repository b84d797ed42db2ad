//! Copying text to the clipboard, on https/localhost and on plain-http intranet hosts alike.
//! Two ways: the async Clipboard API, and a one-shot `copy` event listener that sets the data,
//! triggered by `execCommand('copy')` (the only way on plain http). Plain text goes the first
//! way where it can; formatted HTML goes the second way first, because the browser passes it
//! on exactly as written, where the Clipboard API re-reads it inside the page (under the
//! page's content security policy, which refuses its style attributes). If both fail, the
//! caller selects the text so the user can press Ctrl+C.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The usual way for this kind of content.
    Direct,
    /// The other way, because the usual one is missing or was refused.
    Compatible,
    Failed,
}

pub async fn copy_text(text: &str) -> Copied {
    if let Some(w) = web_sys::window() {
        let nav = w.navigator();
        if js_sys::Reflect::has(&nav, &"clipboard".into()).unwrap_or(false) {
            let promise = nav.clipboard().write_text(text);
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                return Copied::Direct;
            }
        }
    }
    if copy_with_command(text) {
        Copied::Compatible
    } else {
        Copied::Failed
    }
}

/// Copies HTML (for Word and WPS, which keep its formatting) with a plain-text twin.
/// The `copy` event first (the HTML as written), then the Clipboard API.
pub async fn copy_html(html: &str, text: &str) -> Copied {
    if copy_with_command_types(&[("text/html", html), ("text/plain", text)]) {
        return Copied::Direct;
    }
    if write_clipboard_item(html, text).await {
        Copied::Compatible
    } else {
        Copied::Failed
    }
}

/// `navigator.clipboard.write([new ClipboardItem({...})])`, where both exist (https, localhost).
async fn write_clipboard_item(html: &str, text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let nav = w.navigator();
    let has = |o: &JsValue, k: &str| js_sys::Reflect::has(o, &k.into()).unwrap_or(false);
    if !has(&nav, "clipboard") || !has(&w, "ClipboardItem") {
        return false;
    }
    let blob = |data: &str, mime: &str| {
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&data.into()), &bag)
    };
    let (Ok(h), Ok(t)) = (blob(html, "text/html"), blob(text, "text/plain")) else { return false };
    let record = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&record, &"text/html".into(), &h);
    let _ = js_sys::Reflect::set(&record, &"text/plain".into(), &t);
    let Ok(ctor) = js_sys::Reflect::get(&w, &"ClipboardItem".into()) else { return false };
    let Ok(item) = js_sys::Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &js_sys::Array::of1(&record))
    else {
        return false;
    };
    let clipboard = nav.clipboard();
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"write".into()) else { return false };
    let Ok(promise) = write.unchecked_ref::<js_sys::Function>().call1(&clipboard, &js_sys::Array::of1(&item)) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.is_ok()
}

fn copy_with_command(text: &str) -> bool {
    copy_with_command_types(&[("text/plain", text)])
}

/// A one-shot `copy` listener that sets every type, then `execCommand('copy')`: works on
/// plain-http hosts where the Clipboard API does not exist.
fn copy_with_command_types(types: &[(&str, &str)]) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let types: Vec<(String, String)> = types.iter().map(|(m, d)| (m.to_string(), d.to_string())).collect();
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = done.clone();
    let listener = Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(move |ev: web_sys::ClipboardEvent| {
        if let Some(data) = ev.clipboard_data() {
            if types.iter().all(|(mime, value)| data.set_data(mime, value).is_ok()) {
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
