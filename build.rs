//! Turns the checklist templates (`templates/*.toml`, easy to edit by hand) into Rust
//! constants at build time. The TOML is read with the app's own template types and checked
//! with the app's own validation (`src/domain/template.rs` is compiled into this script), so
//! a mistake stops the build: a wrong wording, placeholder, bound or misspelt field key with
//! the section, the item and the field named; broken TOML, a wrong type or a misspelt key
//! elsewhere with the line and column. The app then starts with the checklist ready, with no
//! parser and no checking in the browser.
//!
//! `ZEREN_TEMPLATE=path` builds the app with another checklist in place of the default one
//! (a `.toml` file like `templates/default.toml`, or the same in `.json`; a relative path is
//! taken from the project's root folder, where Cargo runs this script). The benchmark uses
//! it to measure typing with a longer checklist; an editor can use it to try a new one.
//!
//! The table of dated references (`templates/references.toml`: congresses, plenums, sayings,
//! 民主生活会 themes) is read and checked the same way (`src/domain/references.rs`) and written
//! as `references.rs`, a `References { … }` expression (included by `builtin.rs`). Every
//! guiding-thought line of a template is checked against it: a line that cites a meeting or
//! saying later than the day it comes into force stops the build.
//!
//! For each template NAME it writes, into OUT_DIR:
//! - `NAME_template.rs`: a `Template { … }` expression whose text and lists are borrowed
//!   `&'static` data (included by `src/domain/builtin.rs`);
//! - `NAME_outline.rs`: the same without the wording only the report's text uses
//!   (`Template::outline`), which the walk-through module carries;
//! - `NAME_template.json`: the same template as JSON, for tests that read templates the way
//!   edited ones will be read.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/domain/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/domain/numerals.rs"]
mod numerals;
#[allow(dead_code)]
#[path = "src/domain/preset.rs"]
mod preset;
#[allow(dead_code)]
#[path = "src/domain/proof_rules.rs"]
mod proof_rules;
#[allow(dead_code)]
#[path = "src/domain/references.rs"]
mod references;
#[allow(dead_code)]
#[path = "src/domain/template.rs"]
mod template;

use date::Date;
use preset::Preset;
use references::*;
use template::*;

fn main() {
    for file in ["template", "date", "numerals", "preset", "references", "proof_rules"] {
        println!("cargo:rerun-if-changed=src/domain/{file}.rs");
    }
    println!("cargo:rerun-if-env-changed=ZEREN_TEMPLATE");
    let refs = references("templates/references.toml");
    let default = env::var("ZEREN_TEMPLATE").ok().filter(|p| !p.is_empty());
    let core = convert("default", default.as_deref().unwrap_or("templates/default.toml"), &refs);
    presets("templates/presets", &core);
    proof_rules("templates/proof.toml");
}

/// Reads and checks the proof-reader's rules and writes them as `proof.json` (native code
/// includes it; the build copies it beside the app as `proof-HASH.json`, whose name
/// `proof_file.rs` holds, and the app fetches it when the checker is first needed). Whether each rule's
/// examples are flagged as they say is checked by the tests (`proof_tests.rs`), which run the
/// checker itself.
fn proof_rules(src: &str) {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let rules: proof_rules::RuleSet = read(src, &text);
    if let Err(e) = rules.validate() {
        panic!("{src}: {e}");
    }
    let json = serde_json::to_string(&rules).expect("the rules serialise");
    let file = format!("proof-{:016x}.json", fingerprint(&json));
    fs::write(Path::new(&out).join("proof.json"), json).expect("OUT_DIR is writable");
    fs::write(Path::new(&out).join("proof_file.rs"), format!("{file:?}")).expect("OUT_DIR is writable");
}

/// Reads every preset (`DIR/*.toml`, by file name), applies it to the core and checks the
/// result; writes each full checklist as JSON into `OUT_DIR/presets/ID-HASH.json` (the app
/// fetches it when a report first needs it; the hash changes with the content, so a browser
/// never keeps an old one), `presets_index.rs` (what the app knows before fetching: id, name,
/// edition, item count, file) and `presets_files.rs` (the files' text, for native tests and
/// the command that copies them into dist/).
fn presets(dir: &str, core: &Template) {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("presets");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<_> =
        fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let (mut index, mut texts) = (String::from("["), String::from("["));
    for path in files {
        let src = path.display().to_string();
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
        let preset: Preset = read(&src, &text);
        let raw: serde_json::Value = read(&src, &text);
        let t = Preset::check_field_keys(&raw)
            .and_then(|()| preset.apply(core))
            .unwrap_or_else(|e| panic!("{src}: 预设清单有误：{e}"));
        let json = serde_json::to_string(&t).expect("a template serialises");
        let file = format!("{}-{:016x}.json", t.id, fingerprint(&json));
        fs::write(out.join(&file), &json).expect("OUT_DIR is writable");
        index.push_str(&format!(
            "PresetInfo {{ id: {:?}, name: {:?}, edition: {:?}, items: {}, file: {file:?} }},\n",
            &*t.id,
            &*t.name,
            &*t.edition,
            t.item_count()
        ));
        texts.push_str(&format!("({file:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/presets/{file}\"))),\n"));
    }
    index.push(']');
    texts.push(']');
    let parent = out.parent().expect("OUT_DIR");
    fs::write(parent.join("presets_index.rs"), index).expect("OUT_DIR is writable");
    fs::write(parent.join("presets_files.rs"), texts).expect("OUT_DIR is writable");
}

/// Reads and checks the table of dated references and writes it as `references.rs`.
fn references(src: &str) -> References {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let refs: References = read(src, &text);
    if let Err(e) = refs.validate() {
        panic!("{src}: {e}");
    }
    let mut rust = String::with_capacity(text.len() * 2);
    refs.bake(&mut rust);
    fs::write(Path::new(&out).join("references.rs"), rust).expect("OUT_DIR is writable");
    refs
}

fn convert(name: &str, src: &str, refs: &References) -> Template {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let t: Template = read(src, &text);
    let raw: serde_json::Value = read(src, &text);
    // The same check as a template read at run time (`Template::from_json`).
    if let Err(e) = t.validate_file(&raw) {
        panic!("{src}: {e}");
    }
    for (n, g) in t.guidance.iter().enumerate() {
        if let Some(late) = refs.late(&g.text, g.start()).into_iter().next() {
            panic!(
                "{src}: 模板有误（模板 › guidance 第{}条）：这一条从{}起用，却引用了那时还没有的会议或提法。{}",
                n + 1,
                g.start(),
                late.message
            );
        }
    }
    let mut rust = String::with_capacity(text.len() * 2);
    t.bake(&mut rust);
    fs::write(Path::new(&out).join(format!("{name}_template.rs")), rust).expect("OUT_DIR is writable");
    let mut rust = String::with_capacity(text.len());
    t.outline().bake(&mut rust);
    fs::write(Path::new(&out).join(format!("{name}_outline.rs")), rust).expect("OUT_DIR is writable");
    let json = serde_json::to_string(&t).expect("a template serialises");
    fs::write(Path::new(&out).join(format!("{name}_template.json")), json).expect("OUT_DIR is writable");
    t
}

/// Reads a template file (TOML, or JSON when its name ends in `.json`) as `T`; stops the
/// build with the file, line and column when it cannot.
fn read<T: serde::de::DeserializeOwned>(src: &str, text: &str) -> T {
    let result = if src.ends_with(".json") {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        toml::from_str(text).map_err(|e| e.to_string())
    };
    result.unwrap_or_else(|e| panic!("{src} 无法读取：\n{e}"))
}

/// Writes a value as a Rust constant expression.
trait Bake {
    fn bake(&self, out: &mut String);
}

impl Bake for Text {
    fn bake(&self, out: &mut String) {
        // `{:?}` of a str is a valid Rust string literal (quotes, backslashes and control
        // characters escaped).
        out.push_str(&format!("Cow::Borrowed({:?})", &**self));
    }
}

impl<T: Bake + Clone> Bake for List<T> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for x in self.iter() {
            x.bake(out);
            out.push_str(",\n");
        }
        out.push_str("])");
    }
}

macro_rules! bake_number {
    ($($ty:ty),*) => {$(
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
bake_number!(u8, u16, u32, usize, bool);

impl Bake for Date {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("Date::new({}, {}, {})", self.year, self.month, self.day));
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            Some(x) => {
                out.push_str("Some(");
                x.bake(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

/// A struct literal naming every field listed. A field added to a type but not here makes
/// the generated literal fail to compile ("missing field"), so none can be left out unseen.
macro_rules! bake_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.bake(out);
                    out.push_str(",\n");
                )*
                out.push('}');
            }
        }
    };
}

bake_struct!(Template {
    format,
    id,
    name,
    edition,
    guidance,
    report,
    personal,
    fallback_problems,
    levels,
    roles,
    item_words,
    sections
});
bake_struct!(LevelWords { level, name, hint, board, leaders, staff, offices, ethos, this_unit, without });
bake_struct!(ItemWord { name, item, text });

bake_struct!(RoleWords { role, name, hint, without, field, offices, work, post, chair, duties_lead, closing });

impl Bake for Role {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("Role::{self:?}"));
    }
}

impl Bake for Level {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("Level::{self:?}"));
    }
}
bake_struct!(Guidance { from, from_year, text });
bake_struct!(References { congresses, sayings, themes });
bake_struct!(Congress { number, closed, plenums });
bake_struct!(Saying { name, date, occasion });
bake_struct!(Theme { year, meeting, text, aspects });
bake_struct!(ReportWording {
    title,
    opening,
    opening_some,
    opening_few,
    opening_empty,
    problems_lead,
    problems_lead_some,
    problems_lead_few,
    plans_lead,
});
bake_struct!(PersonalWording {
    title,
    opening,
    duties_heading,
    problems_heading,
    problems_lead,
    causes_heading,
    causes,
    measures_heading,
    measures_lead,
    last_year_heading,
    closing,
});
bake_struct!(Point { lead, text, sections });
bake_struct!(ProblemWording { problem, measure });
bake_struct!(Section { id, title, heading, intro, items });
bake_struct!(Item {
    id,
    task,
    guidance,
    rule,
    local_rule,
    fields,
    point,
    done,
    problem,
    measure,
    personal_done,
    personal_problem,
    personal_measure,
    problem_missing,
    measure_missing,
    personal_problem_missing,
    personal_measure_missing,
});
bake_struct!(Field { id, label, hint, kind });

impl Bake for FieldKind {
    fn bake(&self, out: &mut String) {
        fn named(out: &mut String, variant: &str, fields: &[(&str, &dyn Bake)]) {
            out.push_str(&format!("FieldKind::{variant} {{"));
            for (name, value) in fields {
                out.push_str(&format!("{name}: "));
                value.bake(out);
                out.push_str(", ");
            }
            out.push('}');
        }
        match self {
            FieldKind::Count { min, max, unit } => named(out, "Count", &[("min", min), ("max", max), ("unit", unit)]),
            FieldKind::Percent => out.push_str("FieldKind::Percent"),
            FieldKind::Date => out.push_str("FieldKind::Date"),
            FieldKind::Text { max_chars } => named(out, "Text", &[("max_chars", max_chars)]),
            FieldKind::LongText { max_chars } => named(out, "LongText", &[("max_chars", max_chars)]),
            FieldKind::Choice { options } => named(out, "Choice", &[("options", options)]),
        }
    }
}
