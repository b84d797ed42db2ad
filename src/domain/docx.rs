//! Renders a generated document as a Word .docx file laid out to GB/T 9704-2012.
//!
//! The package is a zip written by hand (`zip`) with every part STORED (no compression), a fixed
//! 1980-01-01 timestamp and parts in a fixed order, so the same document always gives the
//! same bytes. The layout:
//! - A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a line grid of 22 lines
//!   a page (28.95 pt = 579 twips) with every paragraph on an exact 579-twip line;
//! - paragraph styles the user can restyle: 公文正文 (`ZerenBody`, 3号 仿宋_GB2312, first
//!   line indented two characters), 公文标题 (`ZerenTitle`, 2号 方正小标宋简体, centred),
//!   公文一级标题 (`ZerenHeading1`, 黑体), 公文二级标题 (`ZerenHeading2`, 楷体_GB2312) and
//!   公文页码 (`ZerenFooter`, 4号 宋体);
//! - a point's `一是…。` lead as a bold run;
//! - page numbers `— 1 —` from a PAGE field: odd pages at the right, even pages at the left,
//!   each one character in from the edge of the type area.
//!
//! Not here: escaping (`text::escape_markup`, the same for the formatted paste), offering
//! the file for download (`browser::files`).

use crate::domain::generate::{Block, Document};
use crate::domain::report::{Report, ReportKind};
use crate::domain::text::{escape_markup, file_name_part};
#[cfg(test)]
use crate::domain::zip::crc32;
use crate::domain::zip::Zip;

/// Page and margins in twips (1 mm = 56.7 twips).
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: u32 = 2098;
pub const MARGIN_BOTTOM: u32 = 1984;
pub const MARGIN_LEFT: u32 = 1587;
pub const MARGIN_RIGHT: u32 = 1474;
/// From the page's bottom edge to the footer's baseline area: 25 mm, which puts the dashes
/// of `— 1 —` about 7 mm below the type area.
pub const FOOTER_DISTANCE: u32 = 1417;
/// 28.95 pt: 22 lines fill the 225 mm type area.
pub const LINE_PITCH: u32 = 579;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The .docx file for a document.
pub fn to_docx(doc: &Document) -> Vec<u8> {
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("docProps/core.xml", core_props(doc)),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/footer1.xml", footer_xml("right")),
        ("word/footer2.xml", footer_xml("left")),
        ("word/_rels/document.xml.rels", document_rels()),
    ];
    let mut zip = Zip::default();
    for (name, data) in &parts {
        zip.add(name, data.as_bytes());
    }
    zip.finish()
}

/// The download name, e.g. `局党组2026年上半年意识形态工作情况报告.docx` or, for a
/// personal report, `…个人对照检查材料.docx`, without characters Windows forbids in names.
pub fn file_name(report: &Report) -> String {
    let kind = match report.kind {
        ReportKind::Unit => "意识形态工作情况报告",
        ReportKind::Personal => "个人对照检查材料",
    };
    // Long unit names are cut so the whole name stays well inside Windows' 255-character limit.
    const STEM_CHARS: usize = 100;
    let unit = file_name_part(&report.unit, STEM_CHARS);
    let stem = file_name_part(&format!("{unit}{}", report.period_label()), STEM_CHARS);
    format!("{stem}{kind}.docx")
}

// ---------------------------------------------------------------------------------------
// Parts.

fn content_types() -> String {
    let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{ct}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{ct}.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{ct}.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{ct}.footer+xml\"/>\
<Override PartName=\"/word/footer2.xml\" ContentType=\"{ct}.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>"
    )
}

fn root_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{NS_R}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
Target=\"docProps/core.xml\"/>\
</Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{NS_R}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{NS_R}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{NS_R}/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rId4\" Type=\"{NS_R}/footer\" Target=\"footer2.xml\"/>\
</Relationships>"
    )
}

fn core_props(doc: &Document) -> String {
    format!(
        "{XML_DECL}<cp:coreProperties \
xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
<dc:title>{}</dc:title><dc:creator>zeren</dc:creator></cp:coreProperties>",
        escape_markup(&doc.title)
    )
}

fn document_xml(doc: &Document) -> String {
    let mut body = String::with_capacity(doc.blocks.iter().map(|b| b.text().len() + 200).sum::<usize>() + 2000);
    para(&mut body, "ZerenTitle", &[(false, &doc.title)]);
    para(&mut body, "ZerenBody", &[]);
    let mut closing = false;
    for b in &doc.blocks {
        match b {
            Block::Paragraph(t) => para(&mut body, "ZerenBody", &[(false, t)]),
            Block::Addressee(t) => para(&mut body, "ZerenAddressee", &[(false, t)]),
            Block::Closing(t) => {
                if !closing {
                    closing = true;
                    para(&mut body, "ZerenBody", &[]);
                }
                para(&mut body, "ZerenClosing", &[(false, t)])
            }
            Block::Heading1 { .. } => para(&mut body, "ZerenHeading1", &[(false, &b.text())]),
            Block::Heading2 { .. } => para(&mut body, "ZerenHeading2", &[(false, &b.text())]),
            Block::Point { number, lead, text } => {
                para(&mut body, "ZerenBody", &[(true, &format!("{number}是{lead}")), (false, text)])
            }
        }
    }
    format!(
        "{XML_DECL}<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:body>{body}\
<w:sectPr>\
<w:footerReference w:type=\"default\" r:id=\"rId3\"/>\
<w:footerReference w:type=\"even\" r:id=\"rId4\"/>\
<w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" \
w:header=\"851\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
<w:cols w:space=\"425\"/>\
<w:docGrid w:type=\"lines\" w:linePitch=\"{LINE_PITCH}\"/>\
</w:sectPr></w:body></w:document>"
    )
}

/// One paragraph in a style, from runs of (bold, text); empty runs are left out.
fn para(out: &mut String, style: &str, runs: &[(bool, &str)]) {
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
    out.push_str(style);
    out.push_str("\"/></w:pPr>");
    for (bold, text) in runs.iter().filter(|(_, t)| !t.is_empty()) {
        out.push_str("<w:r>");
        if *bold {
            out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
        }
        run_text(out, text);
        out.push_str("</w:r>");
    }
    out.push_str("</w:p>");
}

/// A run's text: `<w:t>` pieces, with tabs and line breaks as `<w:tab/>` and `<w:br/>`.
fn run_text(out: &mut String, text: &str) {
    let mut piece = String::new();
    let flush = |out: &mut String, piece: &mut String| {
        if !piece.is_empty() {
            out.push_str("<w:t xml:space=\"preserve\">");
            out.push_str(&escape_markup(piece));
            out.push_str("</w:t>");
            piece.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\t' | '\n' => {
                flush(out, &mut piece);
                out.push_str(if c == '\t' { "<w:tab/>" } else { "<w:br/>" });
            }
            '\r' => {}
            c => piece.push(c),
        }
    }
    flush(out, &mut piece);
}

/// `w:rFonts` with the given Latin and East Asian fonts.
fn fonts(latin: &str, east_asian: &str) -> String {
    format!("<w:rFonts w:ascii=\"{latin}\" w:hAnsi=\"{latin}\" w:eastAsia=\"{east_asian}\" w:cs=\"{latin}\"/>")
}

fn styles_xml() -> String {
    let body_fonts = fonts("Times New Roman", "仿宋_GB2312");
    let style = |id: &str, name: &str, based_on: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"{based_on}\"/><w:next w:val=\"ZerenBody\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let mut s = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{NS_W}\">\
<w:docDefaults><w:rPrDefault><w:rPr>{body_fonts}<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>\
<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>\
<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
    );
    let exact = format!("<w:spacing w:line=\"{LINE_PITCH}\" w:lineRule=\"exact\"/>");
    s.push_str(&style(
        "ZerenBody",
        "公文正文",
        "Normal",
        &format!("{exact}<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>"),
        &format!("{body_fonts}<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
    ));
    s.push_str(&style(
        "ZerenTitle",
        "公文标题",
        "ZerenBody",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
        &format!("{}<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>", fonts("方正小标宋简体", "方正小标宋简体")),
    ));
    s.push_str(&style(
        "ZerenHeading1",
        "公文一级标题",
        "ZerenBody",
        "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
        &fonts("黑体", "黑体"),
    ));
    s.push_str(&style(
        "ZerenHeading2",
        "公文二级标题",
        "ZerenBody",
        "<w:keepNext/><w:outlineLvl w:val=\"2\"/>",
        &fonts("楷体_GB2312", "楷体_GB2312"),
    ));
    s.push_str(&style(
        "ZerenAddressee",
        "公文主送机关",
        "ZerenBody",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
        "",
    ));
    s.push_str(&style(
        "ZerenClosing",
        "公文落款",
        "ZerenBody",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>",
        "",
    ));
    s.push_str(&style(
        "ZerenFooter",
        "公文页码",
        "Normal",
        "<w:snapToGrid w:val=\"0\"/>",
        &format!("{}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", fonts("宋体", "宋体")),
    ));
    s.push_str("</w:styles>");
    s
}

fn settings_xml() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{NS_W}\"><w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>\
<w:characterSpacingControl w:val=\"compressPunctuation\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
</w:compat></w:settings>"
    )
}

/// A footer with `— PAGE —` at the given side, one 4号 character in from the type area's edge.
fn footer_xml(side: &str) -> String {
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:p><w:pPr><w:pStyle w:val=\"ZerenFooter\"/>\
<w:ind w:{side}=\"280\"/><w:jc w:val=\"{side}\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>\
<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
