//! A saved document read from localStorage with serde_json, shown, edited and saved again on
//! every keystroke: the least an app on zeren's stack does, with none of zeren's pages.

use leptos::prelude::*;

#[derive(serde::Serialize, serde::Deserialize, Clone, Default)]
struct Doc {
    name: String,
    items: Vec<(String, u32)>,
    note: Option<String>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn main() {
    let raw = storage().and_then(|s| s.get_item("doc").ok()?).unwrap_or_default();
    let doc: Doc = serde_json::from_str(&raw).unwrap_or_default();
    let (doc, set_doc) = signal(doc);
    mount_to_body(move || {
        view! {
            <h1>{move || doc.get().name}</h1>
            <input on:input=move |ev| {
                set_doc.update(|d| d.name = event_target_value(&ev));
                if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(&doc.get())) {
                    let _ = s.set_item("doc", &text);
                }
            } />
            <ul>{move || doc.get().items.into_iter().map(|(a, b)| view! { <li>{a}" "{b}</li> }).collect_view()}</ul>
        }
    })
}
