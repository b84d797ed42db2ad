//! The built-in checklist (`templates/default.toml`, or the file `ZEREN_TEMPLATE` names) and
//! the table of dated references (`templates/references.toml`), as Rust constants.
//! `build.rs` reads each file with the same types and validation as `template` and
//! `references` and writes the constant, so a mistake in a file stops the build (see
//! `build.rs` for what each kind of mistake says), and the app starts without parsing or
//! checking anything.

use super::date::Date;
use super::references::*;
use super::template::*;
use std::borrow::Cow;

/// The built-in checklist, validated when zeren was built.
pub static DEFAULT: Template = include!(concat!(env!("OUT_DIR"), "/default_template.rs"));

/// The table of dated references (`templates/references.toml`), validated when zeren was
/// built; every checklist's guiding-thought lines were checked against it then.
pub static REFERENCES: References = include!(concat!(env!("OUT_DIR"), "/references.rs"));

/// The same checklist as JSON, for tests that read templates the way edited ones will be read.
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_template.json"));

/// The checklist a report was made with, by the id it saved (`Report::template_id`).
/// Every page and the generator read a report's checklist through this, so presets added
/// beside [`DEFAULT`] drop in. An id this version does not know (a backup from a newer
/// zeren) falls back to [`DEFAULT`]; its answers to unknown items are kept, not shown.
pub fn checklist(id: &str) -> &'static Template {
    PRESETS.iter().copied().find(|t| t.id == id).unwrap_or(&DEFAULT)
}

/// Every built-in checklist, the default first.
pub static PRESETS: [&Template; 1] = [&DEFAULT];

impl Template {
    /// The built-in checklist. Cheap: its text and lists stay borrowed from [`DEFAULT`].
    pub fn default_template() -> Template {
        DEFAULT.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_constant_is_the_toml_file_read_and_validated() {
        let from_json = Template::from_json(DEFAULT_JSON).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_json, DEFAULT, "build.rs wrote every field of the template");
        DEFAULT.validate().unwrap_or_else(|e| panic!("{e}"));
        assert!(DEFAULT.item_count() > 0);
    }

    #[test]
    fn a_report_reads_its_own_checklist_and_an_unknown_id_falls_back_to_the_default() {
        let report = crate::domain::report::Report::new("r1", 0.0);
        assert!(std::ptr::eq(checklist(&report.template_id), &DEFAULT));
        assert!(std::ptr::eq(checklist("a-preset-from-a-newer-version"), &DEFAULT));
        for t in PRESETS {
            assert!(std::ptr::eq(checklist(&t.id), t), "{} is found by its id", t.id);
        }
    }

    #[test]
    fn the_constant_borrows_rather_than_copies() {
        let t = Template::default_template();
        assert!(matches!(t.sections, Cow::Borrowed(_)));
        assert!(matches!(t.sections[0].items[0].task, Cow::Borrowed(_)));
    }
}
