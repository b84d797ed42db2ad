//! The checklist template: sections of responsibility items, their typed inputs and the
//! wording the generator uses. Templates are data (`templates/*.toml`); this file holds their
//! types and the validation, which yields an error that names the item and the field, in
//! words an editor can act on.
//!
//! The built-in template is checked and turned into a Rust constant when zeren is built
//! (`build.rs` compiles this very file in, see `builtin`), so the app neither parses nor
//! validates it when it starts. Text and lists are `Cow`s: borrowed from that constant, owned
//! when a template is read from JSON (tests today, templates users edit later).
//!
//! Not here: a user's answers (see `report`), or turning answers into text (`generate`).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

/// Text in a template: borrowed from the built-in constant, or owned.
pub type Text = Cow<'static, str>;
/// A list in a template, likewise.
pub type List<T> = Cow<'static, [T]>;

/// Placeholders every wording may use, filled from the report's basic information:
/// `{board}` is the body that meets (党组, 党委, 支部委员会…), taken from the unit's name.
pub const BUILTIN_PLACEHOLDERS: [&str; 4] = ["unit", "year", "period", "board"];

/// The format of template files this build understands.
pub const TEMPLATE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Template file format; must equal [`TEMPLATE_FORMAT`].
    pub format: u32,
    /// Stable id saved with each report, e.g. `default`.
    pub id: Text,
    /// Name shown to users, e.g. `意识形态工作责任制（通用）`.
    pub name: Text,
    /// Edition of the wording, e.g. `2026.1`; shown on the 基本信息 page.
    pub edition: Text,
    /// The guiding-thought line of the opening paragraph, chosen by the report's year.
    pub guidance: List<Guidance>,
    /// Wording for the unit report (title, opening, section leads).
    pub report: ReportWording,
    /// Wording for one leader's self-assessment before the 民主生活会.
    pub personal: PersonalWording,
    /// Problems and measures offered when no item gives one (every report admits some).
    #[serde(default)]
    pub fallback_problems: List<ProblemWording>,
    pub sections: List<Section>,
}

/// The guiding-thought line in force from a given year on (e.g. 党的二十大 from 2023).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub from_year: u16,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWording {
    /// Title, e.g. `{unit}关于{period}落实意识形态工作责任制情况的报告`.
    pub title: Text,
    /// Opening paragraph; `{guidance}` stands for the guiding-thought line.
    pub opening: Text,
    /// Opening used when nothing has been marked as done yet.
    pub opening_empty: Text,
    /// Lead sentence of 二、存在的问题, ending with `：`.
    pub problems_lead: Text,
    /// Lead sentence of 三、下一步工作打算, ending with `：`.
    pub plans_lead: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalWording {
    /// Title; may use `{person}` (name, may be empty) and `{meeting}`.
    pub title: Text,
    /// Opening paragraph in the first person.
    pub opening: Text,
    /// Heading of the part that lists duties carried out, e.g. `履行意识形态工作职责情况`.
    pub duties_heading: Text,
    pub problems_heading: Text,
    pub problems_lead: Text,
    pub causes_heading: Text,
    /// Causes analysed (理想信念, 宗旨意识, 党性修养, 纪律规矩…); they change year to year.
    pub causes: List<Point>,
    pub measures_heading: Text,
    pub measures_lead: Text,
}

/// A numbered point: a short bolded phrase (without the final 。) and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub lead: Text,
    pub text: Text,
}

/// A problem and the measure that answers it; each is a short judgement then detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemWording {
    pub problem: Text,
    pub measure: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    /// Short name on the task list, e.g. `组织领导与责任制落实`.
    pub title: Text,
    /// Heading in the report after （一）, e.g. `加强组织领导，压紧压实工作责任`.
    pub heading: Text,
    /// Optional lead paragraph printed under the heading when the section has points.
    #[serde(default)]
    pub intro: Text,
    pub items: List<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id; answers are saved under it, so never reuse or rename one.
    pub id: Text,
    /// Verb-first task name, e.g. `专题研究意识形态工作`.
    pub task: Text,
    /// What counts as done, for the user.
    pub guidance: Text,
    /// The rule or frequency behind it, e.g. `每半年至少1次`.
    #[serde(default)]
    pub rule: Text,
    /// True when `rule` is a common local rule rather than a national one.
    #[serde(default)]
    pub local_rule: bool,
    #[serde(default)]
    pub fields: List<Field>,
    /// The bolded phrase that opens the point in 主要做法, e.g. `专题研究部署`.
    pub point: Text,
    /// What was done; `{field}` placeholders inside `[...]` are dropped with their
    /// brackets when the field is empty.
    pub done: Text,
    /// The problem when the item is not done or only partly done.
    pub problem: Text,
    /// The measure for 下一步 that answers the problem.
    pub measure: Text,
    /// First-person wording for the self-assessment; the unit wording is used if empty.
    #[serde(default)]
    pub personal_done: Text,
    #[serde(default)]
    pub personal_problem: Text,
    #[serde(default)]
    pub personal_measure: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: Text,
    /// Label shown by the input, e.g. `专题研究次数`.
    pub label: Text,
    /// Hint under the label.
    #[serde(default)]
    pub hint: Text,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// The typed inputs an item can ask for, with their bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    /// A whole number, e.g. sessions held; `unit` is shown next to the input (次, 人).
    Count {
        #[serde(default)]
        min: u32,
        max: u32,
        #[serde(default)]
        unit: Text,
    },
    /// A percentage from 0 to 100, one decimal place at most.
    Percent,
    /// A date, entered as 2026-06-18 and written as 2026年6月18日.
    Date,
    /// One line of text.
    Text { max_chars: usize },
    /// Several sentences.
    LongText { max_chars: usize },
    /// One of a fixed list.
    Choice { options: List<Text> },
}

/// Something wrong in a template file, located by section, item and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Where: `清单` or `第2部分“理论学习” › 条目 first-topic › 字段 done`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "模板有误（{}）：{}", self.place, self.message)
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parses and validates a template in its JSON form.
    pub fn from_json(text: &str) -> Result<Template, TemplateError> {
        let t: Template = serde_json::from_str(text).map_err(|e| TemplateError {
            place: format!("第{}行第{}列", e.line(), e.column()),
            message: format!("无法读取：{e}"),
        })?;
        t.validate()?;
        Ok(t)
    }

    /// The guiding-thought line for a report of `year`: the latest entry in force.
    pub fn guidance_for(&self, year: u16) -> &str {
        self.guidance
            .iter()
            .filter(|g| g.from_year <= year)
            .max_by_key(|g| g.from_year)
            .or_else(|| self.guidance.iter().min_by_key(|g| g.from_year))
            .map(|g| &*g.text)
            .unwrap_or("")
    }

    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// Checks everything the generator relies on, so that generation itself never fails.
    pub fn validate(&self) -> Result<(), TemplateError> {
        let top = |message: String| TemplateError { place: "模板".into(), message };
        if self.format != TEMPLATE_FORMAT {
            return Err(top(format!("format 应为 {TEMPLATE_FORMAT}，实际为 {}", self.format)));
        }
        if self.id.trim().is_empty() {
            return Err(top("id 不能为空".into()));
        }
        if self.guidance.is_empty() {
            return Err(top("guidance 至少要有一条指导思想".into()));
        }
        if self.sections.is_empty() {
            return Err(top("至少要有一个部分（sections）".into()));
        }
        let opening_keys = ["unit", "year", "period", "board", "guidance"];
        check_wording("模板 › report", "title", &self.report.title, &BUILTIN_PLACEHOLDERS, &[])?;
        check_wording("模板 › report", "opening", &self.report.opening, &opening_keys, &[])?;
        check_wording("模板 › report", "opening_empty", &self.report.opening_empty, &opening_keys, &[])?;
        check_wording("模板 › report", "problems_lead", &self.report.problems_lead, &BUILTIN_PLACEHOLDERS, &[])?;
        check_wording("模板 › report", "plans_lead", &self.report.plans_lead, &BUILTIN_PLACEHOLDERS, &[])?;
        let personal_keys = ["unit", "year", "period", "board", "guidance", "person", "meeting"];
        let p = &self.personal;
        for (name, text) in [
            ("title", &p.title),
            ("opening", &p.opening),
            ("duties_heading", &p.duties_heading),
            ("problems_heading", &p.problems_heading),
            ("problems_lead", &p.problems_lead),
            ("causes_heading", &p.causes_heading),
            ("measures_heading", &p.measures_heading),
            ("measures_lead", &p.measures_lead),
        ] {
            check_wording("模板 › personal", name, text, &personal_keys, &[])?;
        }
        for (n, c) in p.causes.iter().enumerate() {
            let place = format!("模板 › personal › causes 第{}条", n + 1);
            check_wording(&place, "lead", &c.lead, &[], &[])?;
            check_wording(&place, "text", &c.text, &BUILTIN_PLACEHOLDERS, &[])?;
        }
        for (n, fp) in self.fallback_problems.iter().enumerate() {
            let place = format!("模板 › fallback_problems 第{}条", n + 1);
            check_wording(&place, "problem", &fp.problem, &BUILTIN_PLACEHOLDERS, &[])?;
            check_wording(&place, "measure", &fp.measure, &BUILTIN_PLACEHOLDERS, &[])?;
        }

        let mut section_ids = BTreeSet::new();
        let mut item_ids = BTreeSet::new();
        for (sn, s) in self.sections.iter().enumerate() {
            let place = format!("第{}部分“{}”", sn + 1, s.title);
            let err = |message: String| TemplateError { place: place.clone(), message };
            if s.id.trim().is_empty() || !section_ids.insert(&*s.id) {
                return Err(err(format!("部分的 id “{}”为空或重复", s.id)));
            }
            if s.title.trim().is_empty() || s.heading.trim().is_empty() {
                return Err(err("title 和 heading 都不能为空".into()));
            }
            check_wording(&place, "heading", &s.heading, &[], &[])?;
            check_wording(&place, "intro", &s.intro, &BUILTIN_PLACEHOLDERS, &[])?;
            if s.items.is_empty() {
                return Err(err("这一部分没有条目".into()));
            }
            for item in s.items.iter() {
                let place = format!("{place} › 条目 {}", item.id);
                item.validate(&place, &mut item_ids)?;
            }
        }
        Ok(())
    }
}

impl Item {
    fn validate<'a>(&'a self, place: &str, item_ids: &mut BTreeSet<&'a str>) -> Result<(), TemplateError> {
        let err =
            |field: &str, message: String| TemplateError { place: format!("{place} › 字段 {field}"), message };
        if !valid_id(&self.id) {
            return Err(err("id", "id 只能用小写英文字母、数字和连字符，且不能为空".into()));
        }
        if !item_ids.insert(&*self.id) {
            return Err(err("id", format!("id “{}”与前面的条目重复", self.id)));
        }
        for (name, text) in [("task", &self.task), ("guidance", &self.guidance), ("point", &self.point)] {
            if text.trim().is_empty() {
                return Err(err(name, "不能为空".into()));
            }
        }
        let mut field_ids = BTreeSet::new();
        for f in self.fields.iter() {
            if !valid_id(&f.id) || BUILTIN_PLACEHOLDERS.contains(&&*f.id) || !field_ids.insert(&*f.id) {
                return Err(err(
                    &format!("fields.{}", f.id),
                    "输入项 id 为空、重复、含有不允许的字符，或与 unit/year/period/board 重名".into(),
                ));
            }
            if f.label.trim().is_empty() {
                return Err(err(&format!("fields.{}", f.id), "label 不能为空".into()));
            }
            match &f.kind {
                FieldKind::Count { min, max, .. } if min > max => {
                    return Err(err(&format!("fields.{}", f.id), format!("min（{min}）大于 max（{max}）")));
                }
                FieldKind::Text { max_chars } | FieldKind::LongText { max_chars } if *max_chars == 0 => {
                    return Err(err(&format!("fields.{}", f.id), "max_chars 必须大于0".into()));
                }
                FieldKind::Choice { options } if options.is_empty() || options.iter().any(|o| o.trim().is_empty()) => {
                    return Err(err(&format!("fields.{}", f.id), "options 不能为空，也不能有空选项".into()));
                }
                _ => {}
            }
        }
        let fields: Vec<&str> = self.fields.iter().map(|f| &*f.id).collect();
        check_wording(place, "point", &self.point, &[], &[])?;
        for (name, text, required) in [
            ("done", &self.done, true),
            ("problem", &self.problem, true),
            ("measure", &self.measure, true),
            ("personal_done", &self.personal_done, false),
            ("personal_problem", &self.personal_problem, false),
            ("personal_measure", &self.personal_measure, false),
        ] {
            if required && text.trim().is_empty() {
                return Err(err(name, "不能为空".into()));
            }
            check_wording(place, name, text, &BUILTIN_PLACEHOLDERS, &fields)?;
        }
        Ok(())
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A piece of wording, split into literal text, placeholders and optional groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `{name}`.
    Slot(&'a str),
    /// `[...]`: printed only when every slot inside has a value.
    Optional(Vec<Piece<'a>>),
}

/// Splits wording into pieces. Errors say what is wrong in plain words.
pub fn parse_wording(text: &str) -> Result<Vec<Piece<'_>>, String> {
    fn parse<'a>(text: &'a str, nested: bool, pos: &mut usize) -> Result<Vec<Piece<'a>>, String> {
        let mut out = Vec::new();
        let mut start = *pos;
        while *pos < text.len() {
            // Only the four ASCII brackets matter: jump to the next one without decoding.
            let Some(skip) = text.as_bytes()[*pos..].iter().position(|b| matches!(b, b'{' | b'}' | b'[' | b']')) else {
                *pos = text.len();
                break;
            };
            *pos += skip;
            match text.as_bytes()[*pos] {
                b'{' => {
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    let close = text[*pos..].find('}').ok_or("有“{”没有配对的“}”")?;
                    let name = &text[*pos + 1..*pos + close];
                    if !valid_id(name) {
                        return Err(format!("占位符“{{{name}}}”的名字不对，只能用小写英文字母、数字和连字符"));
                    }
                    out.push(Piece::Slot(name));
                    *pos += close + 1;
                    start = *pos;
                }
                b'}' => return Err("有“}”没有配对的“{”".into()),
                b'[' => {
                    if nested {
                        return Err("方括号不能嵌套".into());
                    }
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    *pos += 1;
                    let inner = parse(text, true, pos)?;
                    if !text[..*pos].ends_with(']') {
                        return Err("有“[”没有配对的“]”".into());
                    }
                    out.push(Piece::Optional(inner));
                    start = *pos;
                }
                _ => {
                    // The only bracket left: ']'.
                    if !nested {
                        return Err("有“]”没有配对的“[”".into());
                    }
                    if start < *pos {
                        out.push(Piece::Text(&text[start..*pos]));
                    }
                    *pos += 1;
                    return Ok(out);
                }
            }
        }
        if nested {
            return Err("有“[”没有配对的“]”".into());
        }
        if start < *pos {
            out.push(Piece::Text(&text[start..*pos]));
        }
        Ok(out)
    }
    let mut pos = 0;
    parse(text, false, &mut pos)
}

/// Checks one wording: brackets balance, placeholders exist, field placeholders sit inside
/// `[...]` (a field may be left empty), optional groups hold a placeholder, and no
/// half-width punctuation slips into the Chinese text.
fn check_wording(place: &str, name: &str, text: &str, always: &[&str], fields: &[&str]) -> Result<(), TemplateError> {
    let err = |message: String| TemplateError { place: format!("{place} › 字段 {name}"), message };
    let pieces = parse_wording(text).map_err(err)?;
    if let Some(bad) = text.chars().find(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!')) {
        return Err(err(format!("含有半角标点“{bad}”，请改用全角（，；：（）？！）")));
    }
    if text.contains("  ") || text.starts_with(' ') || text.ends_with(' ') {
        return Err(err("含有多余的空格".into()));
    }
    fn walk(pieces: &[Piece], optional: bool, always: &[&str], fields: &[&str]) -> Result<(), String> {
        for p in pieces {
            match p {
                Piece::Text(_) => {}
                Piece::Slot(s) if always.contains(s) => {}
                Piece::Slot(s) if fields.contains(s) => {
                    if !optional {
                        return Err(format!(
                            "输入项占位符“{{{s}}}”要放在方括号里，未填写时整段省略，例如“[全年{{{s}}}次]”"
                        ));
                    }
                }
                Piece::Slot(s) => return Err(format!("占位符“{{{s}}}”在这里不能用：没有这个输入项")),
                Piece::Optional(inner) => {
                    walk(inner, true, always, fields)?;
                    if !inner.iter().any(|p| matches!(p, Piece::Slot(s) if fields.contains(s))) {
                        return Err("方括号里至少要有一个输入项占位符".into());
                    }
                }
            }
        }
        Ok(())
    }
    walk(&pieces, false, always, fields).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guidance_follows_the_year() {
        let t = Template::default_template();
        assert!(t.guidance_for(2022).contains("十九大"));
        assert!(t.guidance_for(2026).contains("二十大"));
        assert!(t.guidance_for(2010).contains("十九大"), "before the first entry the earliest applies");
    }

    fn with_item_edit(edit: impl FnOnce(&mut Item)) -> Result<Template, TemplateError> {
        let mut t = Template::default_template();
        edit(&mut t.sections.to_mut()[0].items.to_mut()[0]);
        let json = serde_json::to_string(&t).unwrap();
        Template::from_json(&json)
    }

    #[test]
    fn errors_name_the_item_and_field() {
        let e = with_item_edit(|i| i.done = "召开会议[{nosuch}次]。".into()).unwrap_err();
        assert!(e.place.contains("special-study") && e.place.contains("done"), "{e}");
        assert!(e.message.contains("nosuch"), "{e}");

        let e = with_item_edit(|i| i.done = "召开会议{meetings}次。".into()).unwrap_err();
        assert!(e.message.contains("方括号"), "{e}");

        let e = with_item_edit(|i| i.problem = "不够经常,需要改进。".into()).unwrap_err();
        assert!(e.place.ends_with("problem") && e.message.contains("半角"), "{e}");

        let e = with_item_edit(|i| i.measure = "[坚持研究".into()).unwrap_err();
        assert!(e.message.contains("配对"), "{e}");

        let e = with_item_edit(|i| i.measure = "".into()).unwrap_err();
        assert!(e.place.ends_with("measure"), "{e}");
    }

    #[test]
    fn malformed_json_says_where() {
        let e = Template::from_json("{\"format\": 1,").unwrap_err();
        assert!(e.place.contains("第1行"), "{e}");
        let e = Template::from_json("{\"format\": 1}").unwrap_err();
        assert!(e.message.contains("missing field"), "{e}");
    }

    #[test]
    fn parses_wording_pieces() {
        assert_eq!(
            parse_wording("开展[{n}次]学习").unwrap(),
            vec![Piece::Text("开展"), Piece::Optional(vec![Piece::Slot("n"), Piece::Text("次")]), Piece::Text("学习")]
        );
        assert!(parse_wording("[[{n}]]").is_err());
        assert!(parse_wording("{N}").is_err());
        assert!(parse_wording("a]").is_err());
    }
}
