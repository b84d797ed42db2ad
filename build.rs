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
//! For each template NAME it writes, into OUT_DIR:
//! - `NAME_template.rs`: a `Template { … }` expression whose text and lists are borrowed
//!   `&'static` data (included by `src/domain/builtin.rs`);
//! - `NAME_template.json`: the same template as JSON, for tests that read templates the way
//!   edited ones will be read.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/domain/template.rs"]
mod template;

use template::*;

fn main() {
    println!("cargo:rerun-if-changed=src/domain/template.rs");
    println!("cargo:rerun-if-env-changed=ZEREN_TEMPLATE");
    let default = env::var("ZEREN_TEMPLATE").ok().filter(|p| !p.is_empty());
    convert("default", default.as_deref().unwrap_or("templates/default.toml"));
}

fn convert(name: &str, src: &str) {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let t: Template = read(src, &text);
    let raw: serde_json::Value = read(src, &text);
    // The same check as a template read at run time (`Template::from_json`).
    if let Err(e) = t.validate_file(&raw) {
        panic!("{src}: {e}");
    }
    let mut rust = String::with_capacity(text.len() * 2);
    t.bake(&mut rust);
    fs::write(Path::new(&out).join(format!("{name}_template.rs")), rust).expect("OUT_DIR is writable");
    let json = serde_json::to_string(&t).expect("a template serialises");
    fs::write(Path::new(&out).join(format!("{name}_template.json")), json).expect("OUT_DIR is writable");
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
bake_number!(u16, u32, usize, bool);

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

bake_struct!(Template { format, id, name, edition, guidance, report, personal, fallback_problems, sections });
bake_struct!(Guidance { from_year, text });
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
});
bake_struct!(Point { lead, text });
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
