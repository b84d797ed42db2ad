//! Tests of `docx`, beside it to keep the module short.

use super::*;
use crate::domain::report::Period;

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
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#39;"].iter().any(|e| ent.starts_with(e)),
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
    assert!(
        doc.contains("<w:pStyle w:val=\"ZerenHeading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一、主要做法</w:t>")
    );
    assert!(
        doc.contains("<w:pStyle w:val=\"ZerenHeading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">（二）强化理论武装")
    );
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
    assert!(doc.contains("&lt;script&gt;&amp;&quot;&#39;标题"));
    assert!(doc.contains("a&lt;script&gt;&amp;&quot;&#39;b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t><w:br/>"));
    assert!(doc.contains("三是&lt;/w:t&gt;</w:t>"));
    assert!(doc.contains("]]&gt;&lt;!--"));
    assert!(part(&parts, "docProps/core.xml").contains("<dc:title>&lt;script&gt;&amp;&quot;&#39;标题</dc:title>"));
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
    let named = |unit: &str, year: u16, period: Period, kind: ReportKind| {
        file_name(&Report { unit: unit.into(), year, period, kind, ..Report::default() })
    };
    let unit = ReportKind::Unit;
    assert_eq!(named("局党组", 2026, Period::FirstHalf, unit), "局党组2026年上半年意识形态工作情况报告.docx");
    assert_eq!(named("局党组", 2026, Period::Year, ReportKind::Personal), "局党组2026年度个人对照检查材料.docx");
    assert_eq!(
        named(" a<b>:c\"d/e\\f|g?h*\u{7} ", 2026, Period::Year, unit),
        "abcdefgh2026年度意识形态工作情况报告.docx"
    );
    assert_eq!(named("", 2026, Period::Year, unit), "2026年度意识形态工作情况报告.docx");
    assert!(named(&"长".repeat(500), 2026, Period::Year, unit).chars().count() < 130);
    // The same cleaning as a backup's name: invisible characters go too.
    assert_eq!(named("局\u{2066}党组\u{200B}", 2026, Period::Year, unit), "局党组2026年度意识形态工作情况报告.docx");
}
