//! zeren: a checklist and report writer for the 意识形态工作责任制 that runs entirely in
//! the browser. `domain` is plain Rust (tested natively); the rest is the web app.
//!
//! Floors, each importing only those below it: `domain` (and `route`, pure addresses) ←
//! `browser` (storage, clipboard, files) ← `state` (the store and the screen) ← `ui` (the
//! pages) ← `app` (the shell).

pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
