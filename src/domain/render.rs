//! Renders a generated document as plain text for pasting into Word or WPS: the title on
//! its own line, a blank line, then one paragraph a line, each indented by two full-width
//! spaces as official documents are.

use crate::domain::generate::Document;

pub const INDENT: &str = "\u{3000}\u{3000}";

pub fn to_text(doc: &Document) -> String {
    let mut out =
        String::with_capacity(doc.blocks.iter().map(|b| b.text().len() + 8).sum::<usize>() + doc.title.len() + 4);
    out.push_str(&doc.title);
    out.push_str("\n\n");
    for b in &doc.blocks {
        out.push_str(INDENT);
        out.push_str(&b.text());
        out.push('\n');
    }
    out
}
