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

/// The built-in checklist, validated when zeren was built: whole, as the tools module,
/// native code and the tests use it. The app's code asks for [`default`] instead, so that
/// each wasm module links only the form it carries.
pub static DEFAULT: Template = include!(concat!(env!("OUT_DIR"), "/default_template.rs"));

/// The built-in checklist as the walk-through module carries it ([`Template::outline`]):
/// without the problems, measures and openings, which only the pages of the tools module
/// (问题与打算, 核对, 生成报告) use: 52 kB of its 91 kB of text stay (measured on the
/// default checklist), so the first load carries a little over half.
pub static OUTLINE: Template = include!(concat!(env!("OUT_DIR"), "/default_outline.rs"));

thread_local! {
    /// The form of the built-in checklist this module works with ([`carry`]).
    static CARRIED: std::cell::Cell<Option<&'static Template>> = const { std::cell::Cell::new(None) };
}

/// Sets the form of the built-in checklist this module works with: the app's shell calls it
/// with what its entry point names ([`OUTLINE`] for the walk-through, [`DEFAULT`] for the
/// tools). Only the form named there is linked into that module's wasm.
pub fn carry(t: &'static Template) {
    CARRIED.with(|c| c.set(Some(t)));
}

/// The built-in checklist this module works with ([`carry`]); natively, when none was
/// set, [`DEFAULT`].
pub fn default() -> &'static Template {
    match CARRIED.with(std::cell::Cell::get) {
        Some(t) => t,
        #[cfg(not(target_arch = "wasm32"))]
        None => &DEFAULT,
        #[cfg(target_arch = "wasm32")]
        None => unreachable!("the app's shell sets the built-in checklist before any page is shown"),
    }
}

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
/// know (a backup from a newer zeren) falls back to the built-in one ([`default`]); its
/// answers to unknown items are kept, not shown. Natively every preset is ready (read from
/// [`PRESET_FILES`]).
pub fn lookup(id: &str) -> Lookup {
    let default = default();
    if default.id == id {
        return Lookup::Ready(default);
    }
    if let Some(t) = LOADED.with(|l| l.borrow().iter().copied().find(|t| t.id == id)) {
        return Lookup::Ready(t);
    }
    let Some(info) = PRESETS.iter().find(|p| p.id == id) else { return Lookup::Ready(default) };
    #[cfg(not(target_arch = "wasm32"))]
    if let Some((_, text)) = PRESET_FILES.iter().find(|(file, _)| *file == info.file) {
        return match load_preset(info, text) {
            Ok(t) => Lookup::Ready(t),
            Err(e) => panic!("the preset {} built with zeren does not load: {e}", info.id),
        };
    }
    Lookup::NotLoaded(info)
}

/// The checklist a report was made with, as [`lookup`] finds it; the built-in one while a
/// preset is still to be fetched (pages wait for it: `state::checklist_ready`).
pub fn checklist(id: &str) -> &'static Template {
    match lookup(id) {
        Lookup::Ready(t) => t,
        Lookup::NotLoaded(_) => default(),
    }
}

/// Keeps one edition of a user's checklist (`domain::custom`), read from the saved data or
/// just saved by the editor, so [`lookup`] finds it by its id; the same id twice gives the
/// first kept. Kept for the life of the page, like the presets.
pub fn register(t: Template) -> &'static Template {
    if let Some(found) = LOADED.with(|l| l.borrow().iter().copied().find(|x| x.id == t.id)) {
        return found;
    }
    let t: &'static Template = Box::leak(Box::new(t));
    LOADED.with(|l| l.borrow_mut().push(t));
    t
}

/// Every checklist kept so far: presets fetched and user checklists registered.
pub fn registered() -> Vec<&'static Template> {
    LOADED.with(|l| l.borrow().clone())
}

/// Reads and keeps a preset's file (fetched by the app), and gives the checklist. The build
/// checked exactly this text: its fingerprint is in the file's name ([`fingerprint`]), so
/// a file that is not the one this zeren was built with (a wrong or damaged download) is
/// refused, and the checklist is not checked again here. It is read by [`read`], which
/// keeps serde's derived reader and the validation out of the app.
pub fn load_preset(info: &PresetInfo, text: &str) -> Result<&'static Template, String> {
    if info.file != format!("{}-{:016x}.json", info.id, fingerprint(text)) {
        return Err(format!("文件内容与本版的“{}”清单不符", info.id));
    }
    let t = read::template(text).map_err(|key| format!("无法读取 {key}"))?;
    let t: &'static Template = Box::leak(Box::new(t));
    LOADED.with(|l| l.borrow_mut().push(t));
    Ok(t)
}

/// Reads a checklist in the JSON form the build writes it in (serde's, of [`Template`]:
/// every key present, `kind` inside each input field) without serde's derived reader, which
/// with the validation cost the app some 90 kB (this reader, about 10 kB); the build checked
/// the file, so this only takes it apart. An error names the first key that is missing or of the wrong type. Tests check it
/// gives what [`Template::from_json`] gives for every preset and the default checklist.
pub mod read {
    use super::*;
    use serde_json::{Map, Value};

    type Obj = Map<String, Value>;

    /// Reads on past a key that is missing or of the wrong type (its value is left empty)
    /// and remembers the first such key: reading never stops halfway, which keeps the code
    /// small.
    #[derive(Default)]
    struct Reader {
        wrong: Option<&'static str>,
    }

    /// The checklist in `text`, or the first key that is missing or of the wrong type.
    pub fn template(text: &str) -> Result<Template, &'static str> {
        template_value(serde_json::from_str(text).unwrap_or(Value::Null))
    }

    /// The checklist in a JSON value already read (a user checklist in the saved data or a
    /// backup), as [`template`].
    pub fn template_value(value: Value) -> Result<Template, &'static str> {
        let r = &mut Reader::default();
        let o = &mut r.obj(value, "JSON");
        let t = Template {
            format: r.num(o, "format"),
            id: r.text(o, "id"),
            name: r.text(o, "name"),
            edition: r.text(o, "edition"),
            guidance: r.list(o, "guidance", |r, o| Guidance {
                from: match r.take(o, "from") {
                    Value::String(s) => Date::parse(&s).or_else(|| r.wrong("from")),
                    _ => None,
                },
                from_year: r.num(o, "from_year"),
                text: r.text(o, "text"),
            }),
            report: {
                let v = r.take(o, "report");
                let o = &mut r.obj(v, "report");
                ReportWording {
                    title: r.text(o, "title"),
                    opening: r.text(o, "opening"),
                    opening_some: r.text(o, "opening_some"),
                    opening_few: r.text(o, "opening_few"),
                    opening_empty: r.text(o, "opening_empty"),
                    problems_lead: r.text(o, "problems_lead"),
                    problems_lead_some: r.text(o, "problems_lead_some"),
                    problems_lead_few: r.text(o, "problems_lead_few"),
                    plans_lead: r.text(o, "plans_lead"),
                }
            },
            personal: {
                let v = r.take(o, "personal");
                let o = &mut r.obj(v, "personal");
                PersonalWording {
                    title: r.text(o, "title"),
                    opening: r.text(o, "opening"),
                    duties_heading: r.text(o, "duties_heading"),
                    problems_heading: r.text(o, "problems_heading"),
                    problems_lead: r.text(o, "problems_lead"),
                    causes_heading: r.text(o, "causes_heading"),
                    causes: r.list(o, "causes", |r, o| Point {
                        lead: r.text(o, "lead"),
                        text: r.text(o, "text"),
                        sections: r.texts(o, "sections"),
                    }),
                    measures_heading: r.text(o, "measures_heading"),
                    measures_lead: r.text(o, "measures_lead"),
                    last_year_heading: r.text(o, "last_year_heading"),
                    closing: r.text(o, "closing"),
                }
            },
            fallback_problems: r.list(o, "fallback_problems", |r, o| ProblemWording {
                problem: r.text(o, "problem"),
                measure: r.text(o, "measure"),
            }),
            levels: r.list(o, "levels", |r, o| LevelWords {
                level: Level::from_id(&r.text(o, "level")).unwrap_or_else(|| {
                    r.wrong::<()>("level");
                    Level::Branch
                }),
                name: r.text(o, "name"),
                hint: r.text(o, "hint"),
                board: r.text(o, "board"),
                leaders: r.text(o, "leaders"),
                staff: r.text(o, "staff"),
                offices: r.text(o, "offices"),
                ethos: r.text(o, "ethos"),
                this_unit: r.text(o, "this_unit"),
                without: r.texts(o, "without"),
            }),
            roles: r.list(o, "roles", |r, o| RoleWords {
                role: Role::from_id(&r.text(o, "role")).unwrap_or_else(|| {
                    r.wrong::<()>("role");
                    Role::Member
                }),
                name: r.text(o, "name"),
                hint: r.text(o, "hint"),
                without: r.texts(o, "without"),
                field: r.text(o, "field"),
                offices: r.text(o, "offices"),
                work: r.text(o, "work"),
                post: r.text(o, "post"),
                chair: r.text(o, "chair"),
                duties_lead: r.text(o, "duties_lead"),
                closing: r.text(o, "closing"),
            }),
            item_words: r.list(o, "item_words", |r, o| ItemWord {
                name: r.text(o, "name"),
                item: r.text(o, "item"),
                text: r.text(o, "text"),
            }),
            sections: r.list(o, "sections", |r, o| Section {
                id: r.text(o, "id"),
                title: r.text(o, "title"),
                heading: r.text(o, "heading"),
                intro: r.text(o, "intro"),
                items: r.list(o, "items", item),
            }),
        };
        r.wrong.map_or(Ok(t), Err)
    }

    fn item(r: &mut Reader, o: &mut Obj) -> Item {
        Item {
            id: r.text(o, "id"),
            task: r.text(o, "task"),
            guidance: r.text(o, "guidance"),
            rule: r.text(o, "rule"),
            local_rule: r.take(o, "local_rule").as_bool().unwrap_or_else(|| r.wrong("local_rule")),
            fields: r.list(o, "fields", field),
            point: r.text(o, "point"),
            done: r.text(o, "done"),
            problem: r.text(o, "problem"),
            measure: r.text(o, "measure"),
            problem_missing: r.text(o, "problem_missing"),
            measure_missing: r.text(o, "measure_missing"),
            personal_done: r.text(o, "personal_done"),
            personal_problem: r.text(o, "personal_problem"),
            personal_measure: r.text(o, "personal_measure"),
            personal_problem_missing: r.text(o, "personal_problem_missing"),
            personal_measure_missing: r.text(o, "personal_measure_missing"),
        }
    }

    fn field(r: &mut Reader, o: &mut Obj) -> Field {
        let kind = match &*r.text(o, "kind") {
            "count" => FieldKind::Count { min: r.num(o, "min"), max: r.num(o, "max"), unit: r.text(o, "unit") },
            "percent" => FieldKind::Percent,
            "date" => FieldKind::Date,
            "text" => FieldKind::Text { max_chars: r.num(o, "max_chars") },
            "long_text" => FieldKind::LongText { max_chars: r.num(o, "max_chars") },
            "choice" => FieldKind::Choice { options: r.texts(o, "options") },
            _ => {
                r.wrong::<()>("kind");
                FieldKind::Percent
            }
        };
        Field { id: r.text(o, "id"), label: r.text(o, "label"), hint: r.text(o, "hint"), kind }
    }

    impl Reader {
        /// Notes `key` as wrong (the first one counts) and gives an empty value.
        fn wrong<T: Default>(&mut self, key: &'static str) -> T {
            self.wrong.get_or_insert(key);
            T::default()
        }

        fn take(&mut self, o: &mut Obj, key: &'static str) -> Value {
            o.remove(key).unwrap_or_else(|| self.wrong(key))
        }

        fn obj(&mut self, v: Value, key: &'static str) -> Obj {
            match v {
                Value::Object(o) => o,
                _ => self.wrong(key),
            }
        }

        fn text(&mut self, o: &mut Obj, key: &'static str) -> Text {
            match self.take(o, key) {
                Value::String(s) => Cow::Owned(s),
                _ => self.wrong(key),
            }
        }

        fn num<T: TryFrom<u64> + Default>(&mut self, o: &mut Obj, key: &'static str) -> T {
            let n = self.take(o, key).as_u64().and_then(|n| T::try_from(n).ok());
            n.unwrap_or_else(|| self.wrong(key))
        }

        fn array(&mut self, o: &mut Obj, key: &'static str) -> Vec<Value> {
            match self.take(o, key) {
                Value::Array(a) => a,
                _ => self.wrong(key),
            }
        }

        fn texts(&mut self, o: &mut Obj, key: &'static str) -> List<Text> {
            let list = self.array(o, key).into_iter().map(|v| match v {
                Value::String(s) => Cow::Owned(s),
                _ => self.wrong(key),
            });
            Cow::Owned(list.collect())
        }

        fn list<T: Clone>(&mut self, o: &mut Obj, key: &'static str, each: fn(&mut Reader, &mut Obj) -> T) -> List<T> {
            let list = self.array(o, key).into_iter().map(|v| {
                let mut o = self.obj(v, key);
                each(self, &mut o)
            });
            Cow::Owned(list.collect())
        }
    }
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

    #[test]
    fn the_outline_is_the_checklist_without_the_problems_wording() {
        assert_eq!(OUTLINE, DEFAULT.outline(), "build.rs wrote the outline");
        let (o, d) = (serde_json::to_string(&OUTLINE).unwrap(), serde_json::to_string(&DEFAULT).unwrap());
        assert!(o.len() * 10 < d.len() * 7, "at least 30% of the text is left out ({} of {})", o.len(), d.len());
        let (oi, di) = (OUTLINE.items().map(|(_, i)| i), DEFAULT.items().map(|(_, i)| i));
        for (o, d) in oi.zip(di) {
            assert_eq!(
                (&o.id, &o.task, &o.done, &o.personal_done, &o.fields),
                (&d.id, &d.task, &d.done, &d.personal_done, &d.fields)
            );
            assert!(o.problem.is_empty() && o.measure_for(true, true).is_empty(), "{}", o.id);
        }
        assert_eq!(default(), &DEFAULT, "natively the whole checklist");
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

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_app_reads_a_checklist_file_as_serde_does() {
        let files = PRESET_FILES.iter().map(|(_, text)| *text);
        for text in std::iter::once(DEFAULT_JSON).chain(files) {
            let serde = Template::from_json(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read::template(text), Ok(serde));
        }
        assert_eq!(read::template("{}"), Err("format"), "the first key missing is named");
        let wrong = DEFAULT_JSON.replacen("\"plans_lead\":\"", "\"plans_lead\":[\"", 1);
        assert_eq!(read::template(&wrong), Err("JSON"));
        let wrong = DEFAULT_JSON.replacen("\"local_rule\":", "\"local_rule\":1,\"x\":", 1);
        assert_eq!(read::template(&wrong), Err("local_rule"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_preset_file_that_is_not_the_one_built_is_refused() {
        for (p, (_, text)) in PRESETS.iter().zip(PRESET_FILES) {
            let changed = text.replacen("\"edition\":\"", "\"edition\":\"0", 1);
            assert_ne!(&changed, text);
            assert!(load_preset(p, &changed).is_err(), "{}", p.id);
        }
    }

    #[test]
    fn the_constant_borrows_rather_than_copies() {
        let t = Template::default_template();
        assert!(matches!(t.sections, Cow::Borrowed(_)));
        assert!(matches!(t.sections[0].items[0].task, Cow::Borrowed(_)));
    }
}
