//! The built-in checklist (`templates/default.toml`, or the file `ZEREN_TEMPLATE` names), as
//! a Rust constant. `build.rs` reads the file with the same types and validation as
//! `template` and writes the constant, so a mistake in the file stops the build (see
//! `build.rs` for what each kind of mistake says), and the app starts without parsing or
//! checking anything.

use super::template::*;
use std::borrow::Cow;

/// The built-in checklist, validated when zeren was built.
pub static DEFAULT: Template = include!(concat!(env!("OUT_DIR"), "/default_template.rs"));

/// The same checklist as JSON, for tests that read templates the way edited ones will be read.
pub const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_template.json"));

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
    fn the_constant_borrows_rather_than_copies() {
        let t = Template::default_template();
        assert!(matches!(t.sections, Cow::Borrowed(_)));
        assert!(matches!(t.sections[0].items[0].task, Cow::Borrowed(_)));
    }
}
