//! Renders a generated document as plain text for pasting into Word or WPS: the title on
//! its own line, a blank line, then one paragraph a line, each indented by two full-width
//! spaces as official documents are. The 主送机关 line is flush left; the 落款 (unit and
//! date) follows a blank line, flush left too, for the user to set right in Word (the
//! formatted copy and the .docx set it right already).

use crate::domain::generate::{Block, Document};

pub const INDENT: &str = "\u{3000}\u{3000}";

pub fn to_text(doc: &Document) -> String {
    let size: usize = doc.blocks.iter().map(block_len).sum();
    let mut out = String::with_capacity(size + doc.title.len() + 4);
    out.push_str(&doc.title);
    out.push_str("\n\n");
    let mut closing = false;
    for b in &doc.blocks {
        match b {
            Block::Addressee(_) => {}
            Block::Closing(_) if !closing => {
                closing = true;
                out.push('\n');
            }
            Block::Closing(_) => {}
            _ => out.push_str(INDENT),
        }
        b.write_to(&mut out);
        out.push('\n');
    }
    out
}

/// Bytes a block takes in the text, with room for its numbering, indent and line end.
fn block_len(b: &Block) -> usize {
    let body = match b {
        Block::Paragraph(t) | Block::Addressee(t) | Block::Closing(t) => t.len(),
        Block::Heading1 { text, .. } | Block::Heading2 { text, .. } => text.len(),
        Block::Point { lead, text, .. } => lead.len() + text.len(),
    };
    body + 24
}
