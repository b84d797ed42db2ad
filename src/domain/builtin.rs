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

/// A preset as the app knows it before fetching it: enough to offer it and to fetch it.
#[derive(Debug, PartialEq, Eq)]
pub struct PresetInfo {
    /// The id a report saves (`Report::template_id`).
    pub id: &'static str,
    /// The name shown when choosing a checklist.
    pub name: &'static str,
    pub edition: &'static str,
    /// How many items the full checklist has.
    pub items: usize,
    /// The file the full checklist is kept in, under `presets/` beside the app; its name
    /// carries a fingerprint of its content.
    pub file: &'static str,
}

/// The checklist presets built into this zeren (`templates/presets/*.toml`), in file-name
/// order. Only this index is in the app; each full checklist is fetched when a report first
/// needs it, so the first screen does not load checklists it does not use.
pub static PRESETS: &[PresetInfo] = &include!(concat!(env!("OUT_DIR"), "/presets_index.rs"));

/// The presets' files as (file name, text): what `presets/` beside the app holds. Not in the
/// wasm; native tests read them, and `examples/presets.rs` copies them into dist/.
#[cfg(not(target_arch = "wasm32"))]
pub static PRESET_FILES: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/presets_files.rs"));

thread_local! {
    /// Presets fetched (or, natively, read) so far: kept for the life of the page.
    static LOADED: std::cell::RefCell<Vec<&'static Template>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where the checklist a report names stands.
#[derive(Debug, Clone, Copy)]
pub enum Lookup {
    /// Ready to use.
    Ready(&'static Template),
    /// A preset not fetched yet.
    NotLoaded(&'static PresetInfo),
}

/// The checklist a report was made with, by the id it saved (`Report::template_id`): the
/// default, a preset already loaded, or a preset still to fetch. An id this version does not
/// know (a backup from a newer zeren) falls back to [`DEFAULT`]; its answers to unknown items
/// are kept, not shown. Natively every preset is ready (read from [`PRESET_FILES`]).
pub fn lookup(id: &str) -> Lookup {
    if DEFAULT.id == id {
        return Lookup::Ready(&DEFAULT);
    }
    if let Some(t) = LOADED.with(|l| l.borrow().iter().copied().find(|t| t.id == id)) {
        return Lookup::Ready(t);
    }
    let Some(info) = PRESETS.iter().find(|p| p.id == id) else { return Lookup::Ready(&DEFAULT) };
    #[cfg(not(target_arch = "wasm32"))]
    if let Some((_, text)) = PRESET_FILES.iter().find(|(file, _)| *file == info.file) {
        return match load_preset(info, text) {
            Ok(t) => Lookup::Ready(t),
            Err(e) => panic!("the preset {} built with zeren does not load: {e}", info.id),
        };
    }
    Lookup::NotLoaded(info)
}

/// The checklist a report was made with, as [`lookup`] finds it; [`DEFAULT`] while a preset
/// is still to be fetched (pages wait for it: `state::checklist_ready`).
pub fn checklist(id: &str) -> &'static Template {
    match lookup(id) {
        Lookup::Ready(t) => t,
        Lookup::NotLoaded(_) => &DEFAULT,
    }
}

/// Reads, checks and keeps a preset's file (fetched by the app), and gives the checklist.
pub fn load_preset(info: &PresetInfo, text: &str) -> Result<&'static Template, TemplateError> {
    let t = Template::from_json(text)?;
    if t.id != info.id {
        let place = Place::default();
        return Err(TemplateError::new(
            place,
            TemplateErrorKind::Unreadable {
                reason: format!("文件中的清单是“{}”，不是“{}”", t.id, info.id)
            },
        ));
    }
    let t: &'static Template = Box::leak(Box::new(t));
    LOADED.with(|l| l.borrow_mut().push(t));
    Ok(t)
}

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

    // Native: there every preset is read from its file; in the browser it is fetched.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_report_reads_its_own_checklist_and_an_unknown_id_falls_back_to_the_default() {
        let report = crate::domain::report::Report::new("r1", 0.0);
        assert!(std::ptr::eq(checklist(&report.template_id), &DEFAULT));
        assert!(std::ptr::eq(checklist("a-preset-from-a-newer-version"), &DEFAULT));
        for p in PRESETS {
            let t = checklist(p.id);
            assert_eq!(&*t.id, p.id, "{} is found by its id", p.id);
            assert_eq!(
                (&*t.name, &*t.edition, t.item_count()),
                (p.name, p.edition, p.items),
                "the index says what the file holds"
            );
            assert!(std::ptr::eq(checklist(p.id), t), "{} is read once and kept", p.id);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_preset_file_is_named_by_its_content_and_holds_its_preset() {
        assert_eq!(PRESET_FILES.len(), PRESETS.len());
        for (p, (file, text)) in PRESETS.iter().zip(PRESET_FILES) {
            assert_eq!(p.file, *file);
            assert!(file.starts_with(&format!("{}-", p.id)) && file.ends_with(".json"), "{file}");
            let t = Template::from_json(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(&*t.id, p.id);
        }
        let other = PRESETS.first().map(|p| p.file);
        if let (Some(p), Some(wrong)) = (PRESETS.get(1), other) {
            let text = PRESET_FILES.iter().find(|(f, _)| *f == wrong).unwrap().1;
            assert!(load_preset(p, text).is_err(), "a file holding another preset is refused");
        }
    }

    #[test]
    fn the_constant_borrows_rather_than_copies() {
        let t = Template::default_template();
        assert!(matches!(t.sections, Cow::Borrowed(_)));
        assert!(matches!(t.sections[0].items[0].task, Cow::Borrowed(_)));
    }
}
