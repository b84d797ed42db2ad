//! One worksheet as an Excel .xlsx file (Office Open XML), for 汇总's table: text cells as
//! inline strings (Chinese intact, UTF-8), numbers as numbers, the header row and the first
//! column frozen, column widths set, the header bold. Text that looks like a formula
//! (`=`, `+`, `-`, `@`) stays text: cells carry no formulas at all. Opens in Excel and WPS.
//!
//! Written by hand on the crate's own zip writer (`zip`): a few kB of wasm, where a writer
//! crate with its compression would be far more, for one plain sheet.
//!
//! Not here: what goes in the table (`rollup`), offering the file (`browser::files`).

use crate::domain::text::escape_markup;
use crate::domain::zip::Zip;

/// A cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// A sheet: its name (at most 31 characters, no `[]:*?/\`), rows (the first is the header),
/// and each column's width in characters.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub widths: Vec<f64>,
}

/// The .xlsx file's bytes; the same sheet always gives the same bytes.
pub fn to_xlsx(sheet: &Sheet) -> Vec<u8> {
    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    zip.add("_rels/.rels", ROOT_RELS.as_bytes());
    zip.add("xl/workbook.xml", workbook(&sheet_name(&sheet.name)).as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    zip.add("xl/worksheets/sheet1.xml", worksheet(sheet).as_bytes());
    zip.finish()
}

/// The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if clean.trim().is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}

/// XML 1.0 refuses most control characters even escaped: `escape_markup` leaves them out.
fn xml_text(s: &str) -> String {
    escape_markup(s)
}

fn worksheet(sheet: &Sheet) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
    );
    // The header row and the first column stay in view.
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/><selection pane=\"bottomRight\"/></sheetView></sheetViews>");
    x.push_str("<sheetFormatPr defaultRowHeight=\"15\"/>");
    if !sheet.widths.is_empty() {
        x.push_str("<cols>");
        for (i, w) in sheet.widths.iter().enumerate() {
            x.push_str(&format!("<col min=\"{n}\" max=\"{n}\" width=\"{w:.1}\" customWidth=\"1\"/>", n = i + 1));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", r + 1));
        // Style 1: bold (the header row).
        let style = if r == 0 { " s=\"1\"" } else { "" };
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Text(t) => x.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{}</t></is></c>",
                    xml_text(t)
                )),
                Cell::Number(n) if n.is_finite() => x.push_str(&format!("<c r=\"{at}\"{style}><v>{n}</v></c>")),
                _ => {}
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

fn workbook(name: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        xml_text(name)
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

const WORKBOOK_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";

/// Two cell formats: 0 plain, 1 bold; 宋体 for Chinese.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(51), "AZ");
        assert_eq!(column_name(52), "BA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn text_is_escaped_and_formulas_stay_text() {
        let sheet = Sheet {
            name: "汇总[1]".into(),
            rows: vec![
                vec![Cell::Text("单位".into()), Cell::Text("落实率".into())],
                vec![Cell::Text("=HYPERLINK(\"x\")<b>&\u{1}".into()), Cell::Number(87.5)],
            ],
            widths: vec![20.0, 8.0],
        };
        let bytes = to_xlsx(&sheet);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("=HYPERLINK(&quot;x&quot;)&lt;b&gt;&amp;</t>"), "{text}");
        assert!(!text.contains("<f>"));
        assert!(text.contains("<v>87.5</v>"));
        assert!(text.contains("sheet name=\"汇总1\""));
        assert!(text.contains("state=\"frozen\""));
        assert_eq!(to_xlsx(&sheet), bytes, "the same sheet, the same bytes");
    }
}
