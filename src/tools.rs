//! The tools module's entry point (`zeren-tools`): the same shell and state as the
//! walk-through (`src/main.rs`), with the pages of `ui::tools` and the walk-through's own, and
//! the built-in checklist whole. Loaded only when one of its addresses is opened, so the
//! first screen never pays for it; from then on every page is shown here without a reload.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(|| {
        leptos::view! {
            <zeren::app::App
                part=zeren::route::Part::Tools
                pages=zeren::ui::tools::view
                builtin=&zeren::domain::builtin::DEFAULT
            />
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("zeren-tools 是网页应用的第二个模块：用 ./run.sh 构建并打开。");
}
