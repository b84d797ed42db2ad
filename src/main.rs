//! The web app's entry point: install the panic hook and mount. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(|| {
        leptos::view! {
            <zeren::app::App
                part=zeren::route::Part::Main
                pages=zeren::ui::view
                builtin=&zeren::domain::builtin::OUTLINE
            />
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("zeren 是网页应用：用 ./run.sh 构建并打开；命令行生成报告用 cargo run --example render -- 文件.json");
}
