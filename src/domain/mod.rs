//! zeren's domain: the checklist template, a user's report, the generator and renderers,
//! and the saved format. Plain Rust with no browser imports, tested natively.

pub mod backup;
pub mod builtin;
pub mod docx;
pub mod generate;
pub mod numerals;
pub mod progress;
pub mod render;
pub mod report;
pub mod saved;
pub mod template;
pub mod text;
pub mod validate;
pub mod wordhtml;
