//! Renders a generated document as HTML for pasting into Word or WPS with its formatting
//! kept (GB/T 9704 look): only `<p>` elements, so nothing turns into a Word heading style,
//! and inline styles in points, with the `mso-` properties Word reads for East Asian fonts,
//! exact line spacing and a first-line indent counted in characters.
//!
//! Title 22 pt 方正小标宋简体, centred, then one empty line; body 16 pt 仿宋_GB2312 on a
//! fixed 28.95 pt line (22 lines a page), indented two characters; `一、` headings in 黑体,
//! `（一）` headings in 楷体_GB2312; a point's `一是…。` lead in bold.
//!
//! Not here: escaping (`text::escape_markup`, the same for the .docx), putting the HTML on
//! the clipboard (`browser::clipboard`).

use crate::domain::generate::{Block, Document};
use crate::domain::text::escape_markup;

/// No space between paragraphs (the longhands too: LibreOffice ignores the `margin`
/// shorthand), size and exact line spacing, shared by every paragraph.
const LINE: &str =
    "margin:0;margin-top:0pt;margin-bottom:0pt;font-size:16pt;line-height:28.95pt;mso-line-height-rule:exactly;";
/// The two-character first-line indent of body text and headings.
const INDENT: &str = "text-align:justify;text-indent:32pt;mso-char-indent-count:2;";

pub const BODY_FONT: &str = "font-family:仿宋_GB2312,FangSong,仿宋;mso-fareast-font-family:仿宋_GB2312";
pub const HEADING1_FONT: &str = "font-family:黑体,SimHei;mso-fareast-font-family:黑体";
pub const HEADING2_FONT: &str = "font-family:楷体_GB2312,KaiTi,楷体;mso-fareast-font-family:楷体_GB2312";
pub const TITLE_STYLE: &str = "margin:0;margin-top:0pt;margin-bottom:0pt;text-align:center;text-indent:0;\
font-size:22pt;line-height:28.95pt;mso-line-height-rule:exactly;font-family:方正小标宋简体,小标宋,SimSun;mso-fareast-font-family:方正小标宋简体";

/// The document as an HTML page whose body is one `<p>` for the title, one empty `<p>`,
/// then one `<p>` a block. The same document always gives the same bytes.
pub fn to_word_html(doc: &Document) -> String {
    let mut out =
        String::with_capacity(doc.blocks.iter().map(|b| b.text().len() + 260).sum::<usize>() + doc.title.len() + 800);
    out.push_str("<html><head><meta charset=\"utf-8\"></head><body>\n");
    paragraph(&mut out, TITLE_STYLE, &escape_markup(&doc.title));
    paragraph(&mut out, &body_style(BODY_FONT), "&nbsp;");
    let mut closing = false;
    for b in &doc.blocks {
        match b {
            Block::Paragraph(t) => paragraph(&mut out, &body_style(BODY_FONT), &escape_markup(t)),
            Block::Addressee(t) => paragraph(&mut out, &format!("{LINE}text-indent:0;{BODY_FONT}"), &escape_markup(t)),
            Block::Closing(t) => {
                if !closing {
                    closing = true;
                    paragraph(&mut out, &body_style(BODY_FONT), "&nbsp;");
                }
                // GB/T 9704: 成文日期 右空四字; the unit's name above it.
                let style = format!("{LINE}text-align:right;text-indent:0;margin-right:64pt;{BODY_FONT}");
                paragraph(&mut out, &style, &escape_markup(t))
            }
            Block::Heading1 { .. } => paragraph(&mut out, &body_style(HEADING1_FONT), &escape_markup(&b.text())),
            Block::Heading2 { .. } => paragraph(&mut out, &body_style(HEADING2_FONT), &escape_markup(&b.text())),
            Block::Point { number, lead, text } => {
                let inner = format!("<b>{}</b>{}", escape_markup(&format!("{number}是{lead}")), escape_markup(text));
                paragraph(&mut out, &body_style(BODY_FONT), &inner);
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The full inline style of an indented paragraph in the given font.
pub fn body_style(font: &str) -> String {
    format!("{LINE}{INDENT}{font}")
}

fn paragraph(out: &mut String, style: &str, inner: &str) {
    out.push_str("<p style=\"");
    out.push_str(style);
    out.push_str("\">");
    out.push_str(inner);
    out.push_str("</p>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            title: "局党组关于2026年上半年落实意识形态工作责任制情况的报告".into(),
            blocks: vec![
                Block::Paragraph(
                    "2026年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下。".into(),
                ),
                Block::Heading1 { number: "一".into(), text: "主要做法".into() },
                Block::Heading2 { number: "一".into(), text: "加强组织领导，压紧压实工作责任".into() },
                Block::Point {
                    number: "一".into(),
                    lead: "专题研究部署。".into(),
                    text: "局党组召开会议专题研究意识形态工作2次。".into(),
                },
                Block::Point {
                    number: "二".into(),
                    lead: "落实主体责任。".into(),
                    text: "制定责任清单，明确班子成员“一岗双责”。".into(),
                },
                Block::Heading1 { number: "二".into(), text: "存在的问题".into() },
                Block::Point { number: "一".into(), lead: "学习不够深入。".into(), text: String::new() },
            ],
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut doc = sample();
        doc.title = "<script>alert('x')</script> & \"q\"".into();
        doc.blocks.push(Block::Point {
            number: "三".into(),
            lead: "<b>粗</b>".into(),
            text: "a<script>&\"'\u{0}b".into(),
        });
        let html = to_word_html(&doc);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<b>粗"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        assert!(html.contains("<b>三是&lt;b&gt;粗&lt;/b&gt;</b>a&lt;script&gt;&amp;&quot;&#39;b</p>"));
        assert!(!html.contains('\u{0}'));
    }

    #[test]
    fn style_strings_are_present() {
        let html = to_word_html(&sample());
        assert!(html.starts_with("<html><head><meta charset=\"utf-8\"></head><body>"));
        let body = "margin:0;margin-top:0pt;margin-bottom:0pt;font-size:16pt;line-height:28.95pt;\
mso-line-height-rule:exactly;text-align:justify;text-indent:32pt;mso-char-indent-count:2;";
        assert!(html.contains(&format!(
            "<p style=\"{body}font-family:仿宋_GB2312,FangSong,仿宋;mso-fareast-font-family:仿宋_GB2312\">2026年上半年"
        )));
        assert!(html.contains(&format!(
            "<p style=\"{body}font-family:黑体,SimHei;mso-fareast-font-family:黑体\">一、主要做法</p>"
        )));
        assert!(html.contains(&format!(
            "<p style=\"{body}font-family:楷体_GB2312,KaiTi,楷体;mso-fareast-font-family:楷体_GB2312\">（一）加强组织领导"
        )));
        assert!(html.contains(
            "<p style=\"margin:0;margin-top:0pt;margin-bottom:0pt;text-align:center;text-indent:0;\
font-size:22pt;line-height:28.95pt;mso-line-height-rule:exactly;font-family:方正小标宋简体,小标宋,SimSun;mso-fareast-font-family:方正小标宋简体\">\
局党组关于2026年上半年落实意识形态工作责任制情况的报告</p>\n<p style=\""
        ));
        assert!(html.contains("\">&nbsp;</p>\n"));
        assert!(html.contains("<b>一是专题研究部署。</b>局党组召开会议专题研究意识形态工作2次。</p>"));
        assert!(html.contains("<b>一是学习不够深入。</b></p>"));
    }

    #[test]
    fn only_paragraphs_one_per_block() {
        let doc = sample();
        let html = to_word_html(&doc);
        for h in 1..=6 {
            assert!(!html.contains(&format!("<h{h}")), "found <h{h}");
        }
        // Title, the empty line after it, then one paragraph a block.
        assert_eq!(html.matches("<p ").count(), doc.blocks.len() + 2);
        assert_eq!(html.matches("<p").count(), html.matches("</p>").count());
        let tags: Vec<&str> = html.split('<').skip(1).map(|t| t.split([' ', '>']).next().unwrap()).collect();
        assert!(tags
            .iter()
            .all(|t| ["html", "/html", "head", "/head", "meta", "body", "/body", "p", "/p", "b", "/b"].contains(t)));
    }

    #[test]
    fn deterministic() {
        assert_eq!(to_word_html(&sample()), to_word_html(&sample()));
    }

    #[test]
    fn empty_document() {
        let html = to_word_html(&Document { title: String::new(), blocks: vec![] });
        assert_eq!(html.matches("<p ").count(), 2);
    }
}
