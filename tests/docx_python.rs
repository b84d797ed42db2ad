//! End-to-end check of the .docx renderer with real software: python3's zipfile and
//! xml.etree read every part, and python-docx (the library most tools use) reads the page
//! setup, styles, paragraphs and footers. Skips with a note, rather than failing, when
//! python3 or python-docx is not installed (`pip install python-docx`).
// Native only: these run under `cargo test`, not in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use zeren::domain::docx::{file_name, to_docx};
use zeren::domain::generate::{Block, Document};
use zeren::domain::report::{Period, Report};

fn sample() -> Document {
    let point =
        |n: &str, lead: &str, text: &str| Block::Point { number: n.into(), lead: lead.into(), text: text.into() };
    Document {
        title: "局党组关于2026年上半年落实意识形态工作责任制情况的报告".into(),
        blocks: vec![
            Block::Paragraph(
                "2026年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。\
现将有关情况报告如下。"
                    .into(),
            ),
            Block::Heading1 { number: "一".into(), text: "主要做法".into() },
            Block::Heading2 { number: "一".into(), text: "加强组织领导，压紧压实工作责任".into() },
            point("一", "专题研究部署。", "局党组召开会议专题研究意识形态工作2次，分析研判意识形态领域形势。"),
            point("二", "落实主体责任。", "制定意识形态工作责任清单，明确班子成员“一岗双责”。"),
            Block::Heading1 { number: "二".into(), text: "存在的问题".into() },
            point("一", "学习不够深入。", "理论学习满足于读原文、记笔记，联系实际不够紧密。"),
            point("二", "阵地管理有薄弱环节。", "对<script>&\"网络阵地\"的日常巡查还不够经常。"),
            Block::Heading1 { number: "三".into(), text: "下一步工作打算".into() },
            point("一", "持续深化理论学习。", "完善中心组学习制度，每季度开展专题研讨。"),
        ],
    }
}

const SCRIPT: &str = r#"
import sys, json, zipfile, xml.etree.ElementTree as ET
import docx
from docx.shared import Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

path, expected = sys.argv[1], json.loads(sys.argv[2])
z = zipfile.ZipFile(path)
assert z.testzip() is None, "bad CRC"
for info in z.infolist():
    assert info.compress_type == zipfile.ZIP_STORED, info.filename
    ET.fromstring(z.read(info.filename))  # every part is well-formed XML

d = docx.Document(path)
s = d.sections[0]
def mm(v): return v.mm
def near(a, b): assert abs(a - b) < 0.1, (a, b)
near(mm(s.page_width), 210); near(mm(s.page_height), 297)
near(mm(s.top_margin), 37); near(mm(s.bottom_margin), 35)
near(mm(s.left_margin), 28); near(mm(s.right_margin), 26)
grid = s._sectPr.find(qn("w:docGrid"))
assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"

texts = [p.text for p in d.paragraphs]
assert texts == expected, (texts, expected)

title = d.paragraphs[0]
assert title.style.name == "公文标题", title.style.name
assert title.style.font.size == Pt(22)
assert title.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER

body = d.paragraphs[2]
assert body.style.name == "公文正文"
bf = body.style.paragraph_format
assert body.style.font.size == Pt(16)
assert body.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
assert bf.first_line_indent == Pt(32), bf.first_line_indent
assert bf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and bf.line_spacing == Pt(28.95), bf.line_spacing

h1 = d.paragraphs[3]; h2 = d.paragraphs[4]
assert h1.style.name == "公文一级标题" and h1.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
assert h2.style.name == "公文二级标题" and h2.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
# Headings inherit size, spacing and indent from the body style.
assert h1.style.base_style.name == "公文正文"

point = d.paragraphs[5]
assert point.runs[0].text == "一是专题研究部署。" and point.runs[0].bold
assert point.runs[1].text.startswith("局党组召开会议") and not point.runs[1].bold

assert d.settings.odd_and_even_pages_header_footer
for footer, align in ((s.footer, WD_ALIGN_PARAGRAPH.RIGHT), (s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
    assert not footer.is_linked_to_previous
    p = footer.paragraphs[0]
    assert p.alignment == align, p.alignment
    assert p.style.font.size == Pt(14) and p.style.font.name == "宋体"
    xml = p._p.xml
    assert 'w:instr=" PAGE "' in xml and "— " in xml and " —" in xml

assert d.core_properties.title == expected[0]
print("python-docx: ok,", len(d.paragraphs), "paragraphs")
"#;

#[test]
fn python_docx_reads_the_package() {
    let doc = sample();
    let bytes = to_docx(&doc);
    let dir = std::env::temp_dir().join(format!("zeren-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = Report { unit: "局党组".into(), year: 2026, period: Period::FirstHalf, ..Report::default() };
    let path = dir.join(file_name(&report));
    std::fs::write(&path, &bytes).unwrap();
    println!("wrote {} ({} bytes)", path.display(), bytes.len());

    let probe = Command::new("python3").args(["-c", "import docx"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        _ => {
            println!("note: python3 with python-docx not available, skipping (pip install python-docx)");
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
    }

    let mut expected = vec![doc.title.clone(), String::new()];
    expected.extend(doc.blocks.iter().map(Block::text));
    let expected = serde_json::to_string(&expected).unwrap();
    let out = Command::new("python3").arg("-c").arg(SCRIPT).arg(&path).arg(&expected).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{stdout}");
    assert!(out.status.success(), "python check failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("python-docx: ok"));
}
