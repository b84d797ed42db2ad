//! Everything that touches browser APIs beyond rendering: localStorage (`storage`, the only
//! module that does), the clipboard, file downloads, fetching files beside the app (`fetch`)
//! and the clock. Pages and the state call these; the domain never does.

pub mod clipboard;
pub mod fetch;
pub mod files;
pub mod storage;

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A local date and time for people, e.g. `2026年11月27日 15:04`.
pub fn format_time(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".into();
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{}年{}月{}日 {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A fresh report id: time plus randomness, safe in URLs.
pub fn new_id() -> String {
    let rand = (js_sys::Math::random() * 1e9) as u64;
    format!("r{:x}{:x}", now_ms() as u64, rand)
}
