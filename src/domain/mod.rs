//! zeren's domain: the checklist template (`template`, `builtin`, `preset`), a user's report
//! (`report`) with its checks (`validate`) and progress (`progress`), the generator
//! (`generate`) and its renderers (`render`, `wordhtml`, `docx`), the saved format (`saved`)
//! and backup files (`backup`), the rules for characters in text (`text`), calendar days
//! (`date`), the dated table of meetings and sayings reports cite (`references`) and the
//! proof-reader with its rules (`proof`, `proof_rules`), and 汇总 of branches' backup files
//! (`rollup`) with its .xlsx writer (`xlsx`, on the zip writer `zip`). Plain Rust
//! with no browser imports, tested natively. Each rule lives in one module and the others
//! call it.

pub mod backup;
pub mod builtin;
pub mod custom;
pub mod date;
pub mod docx;
pub mod generate;
pub mod numerals;
pub mod preset;
pub mod progress;
pub mod proof;
pub mod proof_rules;
pub mod references;
pub mod render;
pub mod report;
pub mod rollup;
pub mod saved;
pub mod template;
pub mod text;
pub mod validate;
pub mod wordhtml;
pub mod xlsx;
pub mod zip;
