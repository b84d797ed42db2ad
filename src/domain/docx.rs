//! Renders a generated document as a Word .docx file laid out to GB/T 9704-2012.
//!
//! The package is a zip written by hand with every part STORED (no compression), a fixed
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

use crate::domain::generate::{Block, Document};

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
pub fn file_name(unit: &str, period_label: &str, personal: bool) -> String {
    let kind = if personal { "个人对照检查材料" } else { "意识形态工作情况报告" };
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*'))
            .collect()
    };
    // Long unit names are cut so the whole name stays well inside Windows' 255-character limit.
    let stem: String = format!("{}{}", clean(unit).trim(), clean(period_label).trim()).chars().take(100).collect();
    let stem = stem.trim().trim_start_matches('.');
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
        escape(&doc.title)
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
            out.push_str(&escape(piece));
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

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids
/// (controls other than tab, line feed and carriage return; U+FFFE and U+FFFF).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// A STORED zip.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) lookup table.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8))
}

/// DOS date 1980-01-01 (year 0, month 1, day 1) and time 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let offset = self.out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Local file header.
        let mut h = Vec::with_capacity(30 + name.len());
        put32(&mut h, 0x0403_4b50);
        put16(&mut h, 20); // version needed: 2.0
        put16(&mut h, 0); // flags
        put16(&mut h, 0); // method: stored
        put16(&mut h, DOS_TIME);
        put16(&mut h, DOS_DATE);
        put32(&mut h, crc);
        put32(&mut h, size); // compressed size
        put32(&mut h, size);
        put16(&mut h, name.len() as u16);
        put16(&mut h, 0); // extra length
        h.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&h);
        self.out.extend_from_slice(data);
        // Central directory entry.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, 20); // version made by: 2.0, MS-DOS
        put16(c, 20);
        put16(c, 0);
        put16(c, 0);
        put16(c, DOS_TIME);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name.len() as u16);
        put16(c, 0); // extra length
        put16(c, 0); // comment length
        put16(c, 0); // disk number
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
        let cd_size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        put32(o, 0x0605_4b50);
        put16(o, 0); // this disk
        put16(o, 0); // disk with the central directory
        put16(o, self.count);
        put16(o, self.count);
        put32(o, cd_size);
        put32(o, cd_offset);
        put16(o, 0); // comment length
        self.out
    }
}

fn put16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let point =
            |n: &str, lead: &str, text: &str| Block::Point { number: n.into(), lead: lead.into(), text: text.into() };
        Document {
            title: "局党组关于2026年上半年落实意识形态工作责任制情况的报告".into(),
            blocks: vec![
                Block::Paragraph(
                    "2026年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大和二十届历次全会精神，\
认真落实意识形态工作责任制。现将有关情况报告如下。"
                        .into(),
                ),
                Block::Heading1 { number: "一".into(), text: "主要做法".into() },
                Block::Heading2 { number: "一".into(), text: "加强组织领导，压紧压实工作责任".into() },
                Block::Paragraph("局党组把意识形态工作摆在重要位置，与业务工作同部署、同落实、同检查、同考核。".into()),
                point("一", "专题研究部署。", "局党组召开会议专题研究意识形态工作2次，分析研判意识形态领域形势。"),
                point("二", "落实主体责任。", "制定意识形态工作责任清单，明确班子成员“一岗双责”。"),
                Block::Heading2 { number: "二".into(), text: "强化理论武装，筑牢思想根基".into() },
                point("一", "抓好中心组学习。", "开展理论学习中心组集体学习6次，其中专题研讨3次。"),
                Block::Heading1 { number: "二".into(), text: "存在的问题".into() },
                Block::Paragraph("对照上级要求，我局意识形态工作还存在一些不足。".into()),
                point("一", "学习不够深入。", "理论学习满足于读原文、记笔记，联系实际不够紧密。"),
                point("二", "阵地管理有薄弱环节。", "对微信工作群等网络阵地的日常巡查还不够经常。"),
                Block::Heading1 { number: "三".into(), text: "下一步工作打算".into() },
                point("一", "持续深化理论学习。", ""),
                point("二", "加强阵地建设管理。", "落实网络阵地属地管理责任，每月开展一次巡查。"),
            ],
        }
    }

    /// Reads a STORED zip: checks the end record, central directory, local headers and
    /// every CRC, and returns the parts in order.
    fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
        let u32_at = |i: usize| u32::from_le_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]) as usize;
        let end = z.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory record");
        let count = u16_at(end + 10);
        assert_eq!(count, u16_at(end + 8));
        let (cd_size, cd_offset) = (u32_at(end + 12), u32_at(end + 16));
        assert_eq!(cd_offset + cd_size, end);
        let mut parts = Vec::new();
        let mut p = cd_offset;
        for _ in 0..count {
            assert_eq!(u32_at(p), 0x0201_4b50, "central directory entry");
            assert_eq!(u16_at(p + 10), 0, "stored");
            let (crc, csize, usize_) = (u32_at(p + 16), u32_at(p + 20), u32_at(p + 24));
            assert_eq!(csize, usize_);
            let (nlen, xlen, clen) = (u16_at(p + 28), u16_at(p + 30), u16_at(p + 32));
            let local = u32_at(p + 42);
            let name = std::str::from_utf8(&z[p + 46..p + 46 + nlen]).unwrap().to_string();
            p += 46 + nlen + xlen + clen;
            assert_eq!(u32_at(local), 0x0403_4b50, "local header of {name}");
            assert_eq!(u32_at(local + 14), crc);
            assert_eq!(u32_at(local + 18), csize);
            assert_eq!(&z[local + 30..local + 30 + u16_at(local + 26)], name.as_bytes());
            let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let data = z[start..start + csize].to_vec();
            assert_eq!(crc32(&data) as usize, crc, "CRC of {name}");
            parts.push((name, data));
        }
        assert_eq!(p, end);
        parts
    }

    fn part(parts: &[(String, Vec<u8>)], name: &str) -> String {
        let data = &parts.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("missing {name}")).1;
        String::from_utf8(data.clone()).unwrap()
    }

    /// A small well-formedness check: tags balance, attributes are quoted, `&` only starts
    /// an entity, no `<` or `>` in text.
    fn assert_well_formed(name: &str, xml: &str) {
        let xml = xml.strip_prefix(XML_DECL).unwrap_or_else(|| panic!("{name}: declaration"));
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = xml;
        let check_text = |t: &str| {
            assert!(!t.contains('>'), "{name}: > in text {t}");
            for (i, _) in t.match_indices('&') {
                let ent = &t[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| ent.starts_with(e)),
                    "{name}: bare & in {t}"
                );
            }
            assert!(!t.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "{name}: control");
        };
        while let Some(open) = rest.find('<') {
            check_text(&rest[..open]);
            let close = rest[open..].find('>').map(|c| open + c).unwrap_or_else(|| panic!("{name}: unclosed tag"));
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "{name}: < inside tag {tag}");
            // Attribute values are quoted and their quotes balance.
            assert_eq!(tag.matches('"').count() % 2, 0, "{name}: quotes in {tag}");
            let mut in_value = false;
            let mut value = String::new();
            for c in tag.chars() {
                if c == '"' {
                    if in_value {
                        check_text(&value);
                        value.clear();
                    }
                    in_value = !in_value;
                } else if in_value {
                    value.push(c);
                }
            }
            if let Some(end) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(end), "{name}: </{end}> closes the wrong element");
            } else if !tag.ends_with('/') {
                stack.push(tag.split([' ', '/']).next().unwrap());
            }
            rest = &rest[close + 1..];
        }
        check_text(rest);
        assert!(rest.trim().is_empty(), "{name}: text after the root");
        assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
    }

    const PARTS: [&str; 9] = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "word/_rels/document.xml.rels",
    ];

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn package_has_every_part_with_good_crcs() {
        let bytes = to_docx(&sample());
        let parts = unzip(&bytes);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, PARTS);
        for (name, data) in &parts {
            assert_well_formed(name, std::str::from_utf8(data).unwrap());
        }
        let types = part(&parts, "[Content_Types].xml");
        for p in PARTS.iter().filter(|p| !p.ends_with(".rels") && !p.starts_with('[')) {
            assert!(types.contains(&format!("PartName=\"/{p}\"")), "content type of {p}");
        }
        let rels = part(&parts, "word/_rels/document.xml.rels");
        for target in ["styles.xml", "settings.xml", "footer1.xml", "footer2.xml"] {
            assert!(rels.contains(&format!("Target=\"{target}\"")));
        }
    }

    #[test]
    fn page_setup() {
        let doc = part(&unzip(&to_docx(&sample())), "word/document.xml");
        assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        assert!(doc.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" "));
        assert!(doc.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
        assert!(doc.contains("<w:footerReference w:type=\"default\" r:id=\"rId3\"/>"));
        assert!(doc.contains("<w:footerReference w:type=\"even\" r:id=\"rId4\"/>"));
        // mm → twips
        let twips = |mm: f64| (mm * 1440.0 / 25.4).round() as u32;
        assert_eq!(twips(210.0), PAGE_WIDTH);
        assert_eq!(twips(297.0), PAGE_HEIGHT);
        assert_eq!(
            [twips(37.0), twips(35.0), twips(28.0), twips(26.0)],
            [MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT]
        );
        // 22 lines of 579 twips fill the 225 mm type area.
        assert!((LINE_PITCH * 22).abs_diff(PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) < LINE_PITCH / 2);
        let settings = part(&unzip(&to_docx(&sample())), "word/settings.xml");
        assert!(settings.contains("<w:evenAndOddHeaders/>"));
    }

    #[test]
    fn styles_and_fonts() {
        let styles = part(&unzip(&to_docx(&sample())), "word/styles.xml");
        let style = |id: &str| -> String {
            let start = styles.find(&format!("w:styleId=\"{id}\"")).unwrap_or_else(|| panic!("style {id}"));
            styles[start..start + styles[start..].find("</w:style>").unwrap()].to_string()
        };
        let body = style("ZerenBody");
        assert!(body.contains("w:eastAsia=\"仿宋_GB2312\""));
        assert!(body.contains("w:ascii=\"Times New Roman\""));
        assert!(body.contains("<w:sz w:val=\"32\"/>"));
        assert!(body.contains("<w:spacing w:line=\"579\" w:lineRule=\"exact\"/>"));
        assert!(body.contains("<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"));
        let title = style("ZerenTitle");
        assert!(title.contains("w:eastAsia=\"方正小标宋简体\""));
        assert!(title.contains("<w:sz w:val=\"44\"/>"));
        assert!(title.contains("<w:jc w:val=\"center\"/>"));
        assert!(title.contains("<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"));
        assert!(style("ZerenHeading1").contains("w:eastAsia=\"黑体\""));
        assert!(style("ZerenHeading2").contains("w:eastAsia=\"楷体_GB2312\""));
        let footer = style("ZerenFooter");
        assert!(footer.contains("w:eastAsia=\"宋体\"") && footer.contains("w:ascii=\"宋体\""));
        assert!(footer.contains("<w:sz w:val=\"28\"/>"));
    }

    #[test]
    fn footers_number_pages_at_the_outside_corner() {
        let parts = unzip(&to_docx(&sample()));
        for (name, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
            let f = part(&parts, name);
            assert!(f.contains(&format!("<w:jc w:val=\"{side}\"/>")), "{name}");
            assert!(f.contains("<w:t xml:space=\"preserve\">— </w:t></w:r><w:fldSimple w:instr=\" PAGE \">"));
            assert!(f.contains("</w:fldSimple><w:r><w:t xml:space=\"preserve\"> —</w:t>"));
            assert!(f.contains("<w:pStyle w:val=\"ZerenFooter\"/>"));
        }
    }

    #[test]
    fn paragraphs_in_order_with_bold_leads() {
        let d = sample();
        let doc = part(&unzip(&to_docx(&d)), "word/document.xml");
        assert_eq!(doc.matches("<w:p>").count(), d.blocks.len() + 2);
        assert!(doc.contains(
            "<w:p><w:pPr><w:pStyle w:val=\"ZerenTitle\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\
局党组关于2026年上半年落实意识形态工作责任制情况的报告</w:t></w:r></w:p>\
<w:p><w:pPr><w:pStyle w:val=\"ZerenBody\"/></w:pPr></w:p>"
        ));
        assert!(doc.contains(
            "<w:pStyle w:val=\"ZerenHeading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一、主要做法</w:t>"
        ));
        assert!(doc.contains(
            "<w:pStyle w:val=\"ZerenHeading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">（二）强化理论武装"
        ));
        assert!(doc.contains(
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">一是专题研究部署。</w:t></w:r>\
<w:r><w:t xml:space=\"preserve\">局党组召开会议"
        ));
        // A point with no text has only its bold lead.
        assert!(doc.contains("一是持续深化理论学习。</w:t></w:r></w:p>"));
        // In order.
        let mut at = 0;
        for b in &d.blocks {
            let text = match b {
                Block::Point { text, .. } if !text.is_empty() => text.clone(),
                Block::Point { number, lead, .. } => format!("{number}是{lead}"),
                _ => b.text(),
            };
            at += doc[at..].find(&text).unwrap_or_else(|| panic!("{text} out of order"));
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut d = sample();
        d.title = "<script>&\"'标题".into();
        d.blocks.push(Block::Paragraph("a<script>&\"'\u{0}\u{1b}\u{fffe}b\tc\nd".into()));
        d.blocks.push(Block::Point { number: "三".into(), lead: "</w:t>".into(), text: "]]><!--".into() });
        let parts = unzip(&to_docx(&d));
        for (name, data) in &parts {
            assert_well_formed(name, std::str::from_utf8(data).unwrap());
        }
        let doc = part(&parts, "word/document.xml");
        assert!(!doc.contains("<script"));
        assert!(doc.contains("&lt;script&gt;&amp;&quot;&apos;标题"));
        assert!(
            doc.contains("a&lt;script&gt;&amp;&quot;&apos;b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t><w:br/>")
        );
        assert!(doc.contains("三是&lt;/w:t&gt;</w:t>"));
        assert!(doc.contains("]]&gt;&lt;!--"));
        assert!(part(&parts, "docProps/core.xml").contains("<dc:title>&lt;script&gt;&amp;&quot;&apos;标题</dc:title>"));
    }

    #[test]
    fn deterministic() {
        let a = to_docx(&sample());
        assert_eq!(a, to_docx(&sample()));
        // Fixed DOS date 1980-01-01 in the first local header.
        assert_eq!(&a[10..14], &[0, 0, 0x21, 0]);
    }

    #[test]
    fn empty_document_is_still_a_package() {
        let parts = unzip(&to_docx(&Document { title: String::new(), blocks: vec![] }));
        assert_eq!(parts.len(), PARTS.len());
        assert!(part(&parts, "word/document.xml").contains("<w:pStyle w:val=\"ZerenTitle\"/></w:pPr></w:p>"));
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("局党组", "2026年上半年", false), "局党组2026年上半年意识形态工作情况报告.docx");
        assert_eq!(file_name("局党组", "2026年度", true), "局党组2026年度个人对照检查材料.docx");
        assert_eq!(
            file_name(" a<b>:c\"d/e\\f|g?h*\u{7} ", "2026年度", false),
            "abcdefgh2026年度意识形态工作情况报告.docx"
        );
        assert_eq!(file_name("", "2026年度", false), "2026年度意识形态工作情况报告.docx");
        assert!(file_name(&"长".repeat(500), "2026年度", false).chars().count() < 130);
    }
}
