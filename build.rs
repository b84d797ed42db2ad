//! Converts the checklist templates from TOML (easy to edit by hand) to JSON at build time,
//! so the app parses them with serde_json, which it carries anyway, and needs no TOML parser
//! in the browser. A TOML syntax error stops the build with the file, line and column.

use std::{env, fs, path::Path};

fn main() {
    convert("default");
}

/// templates/NAME.toml → $OUT_DIR/NAME_template.json
fn convert(name: &str) {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let src = format!("templates/{name}.toml");
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid TOML:\n{e}"));
    let json = serde_json::to_string(&value).expect("TOML values convert to JSON");
    fs::write(Path::new(&out).join(format!("{name}_template.json")), json).expect("OUT_DIR is writable");
}
