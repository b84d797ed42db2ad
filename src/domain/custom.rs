//! 我的清单: checklists a user adapts to their own unit, starting from the default or a
//! preset, without a programmer. Each save is a new edition with an id of its own
//! (`my-k3f9a2-v3`), kept in the saved envelope beside the reports; a report names the
//! edition it was made with, so editing a checklist never changes a finished report, and
//! [`changes`] says what moving a report to a newer edition would change.
//!
//! The edits the editor page offers are plain functions on a [`Template`] (add, delete,
//! move and rename sections and items, their wordings, their figure fields, a pasted list
//! as a section), tested natively; the page checks the result with `Template::validate` as
//! the user types, the same check the build runs on the built-in checklists. A checklist
//! travels as a file ([`to_file`], [`read_file`]), checked like a backup.
//!
//! Not here: where checklists are kept (`saved::Envelope::checklists`, as JSON) and how the
//! app finds one by id (`builtin::register`).

use crate::domain::template::{Field, FieldKind, Item, Section, Template, Text};
use crate::domain::text::is_invisible;
use serde_json::Value;

/// The file format of an exported checklist.
pub const CHECKLIST_FILE_FORMAT: u32 = 1;
/// The largest checklist file read: the largest preset is about 140 kB.
pub const MAX_CHECKLIST_BYTES: usize = 2 * 1024 * 1024;
/// The longest text kept in any one wording of an imported checklist.
pub const MAX_TEXT_CHARS: usize = 2000;
/// The prefix of every user checklist's id.
pub const PREFIX: &str = "my-";

/// The id of edition `n` of the checklist `base` (`my-k3f9a2` → `my-k3f9a2-v2`).
pub fn edition_id(base: &str, n: u32) -> String {
    format!("{base}-v{n}")
}

/// A user checklist's base and edition, from an edition's id; `None` for the built-in ones.
pub fn split_id(id: &str) -> Option<(&str, u32)> {
    let rest = id.strip_prefix(PREFIX)?;
    let (base, n) = rest.rsplit_once("-v")?;
    let n: u32 = n.parse().ok()?;
    (!base.is_empty() && n > 0).then_some((&id[..PREFIX.len() + base.len()], n))
}

pub fn is_custom(id: &str) -> bool {
    split_id(id).is_some()
}

/// A copy of `source` as the first edition of a new user checklist `base`, named `name`.
pub fn copy_as_mine(source: &Template, base: &str, name: &str) -> Template {
    let mut t = source.clone();
    t.id = edition_id(base, 1).into();
    t.name = name.trim().to_string().into();
    t.edition = "1".into();
    t
}

/// The next edition of a user checklist, to be edited and saved.
pub fn next_edition(t: &Template) -> Template {
    let mut next = t.clone();
    if let Some((base, n)) = split_id(&t.id) {
        next.id = edition_id(base, n + 1).into();
        next.edition = (n + 1).to_string().into();
    }
    next
}

/// The newest edition of each user checklist among `ids`, in first-seen order.
pub fn latest<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for id in ids {
        let Some((base, n)) = split_id(id) else { continue };
        match out.iter().position(|o| split_id(o).is_some_and(|(b, _)| b == base)) {
            Some(at) if split_id(out[at]).is_some_and(|(_, m)| m < n) => out[at] = id,
            Some(_) => {}
            None => out.push(id),
        }
    }
    out
}

/// Of the saved checklists (JSON, as `saved::Envelope::checklists` holds them), keeps the
/// newest edition of each and every edition a report names (`used`); the rest go.
pub fn prune(checklists: &mut Vec<Value>, used: &[&str]) {
    let id_of = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
    let ids: Vec<String> = checklists.iter().filter_map(id_of).collect();
    let newest: Vec<String> = latest(ids.iter().map(String::as_str)).into_iter().map(str::to_string).collect();
    checklists.retain(|v| id_of(v).is_some_and(|id| newest.contains(&id) || used.contains(&id.as_str())));
}

// ---------------------------------------------------------------------------------------
// Edits

/// An item's texts the editor offers, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemText {
    Task,
    Guidance,
    Rule,
    Point,
    Done,
    Problem,
    Measure,
    ProblemMissing,
    MeasureMissing,
    PersonalDone,
    PersonalProblem,
    PersonalMeasure,
    PersonalProblemMissing,
    PersonalMeasureMissing,
}

impl ItemText {
    pub const ALL: [ItemText; 14] = [
        ItemText::Task,
        ItemText::Guidance,
        ItemText::Rule,
        ItemText::Point,
        ItemText::Done,
        ItemText::Problem,
        ItemText::Measure,
        ItemText::ProblemMissing,
        ItemText::MeasureMissing,
        ItemText::PersonalDone,
        ItemText::PersonalProblem,
        ItemText::PersonalMeasure,
        ItemText::PersonalProblemMissing,
        ItemText::PersonalMeasureMissing,
    ];

    /// The label in the editor.
    pub fn label(self) -> &'static str {
        match self {
            ItemText::Task => "事项名称",
            ItemText::Guidance => "填写说明（怎样算做到）",
            ItemText::Rule => "依据或频次",
            ItemText::Point => "做法小标题",
            ItemText::Done => "做法（已落实时写入报告）",
            ItemText::Problem => "问题（部分落实时）",
            ItemText::Measure => "措施（下一步）",
            ItemText::ProblemMissing => "问题（未落实时，可空）",
            ItemText::MeasureMissing => "措施（未落实时，可空）",
            ItemText::PersonalDone => "个人对照检查：做法（第一人称，可空）",
            ItemText::PersonalProblem => "个人对照检查：问题（可空）",
            ItemText::PersonalMeasure => "个人对照检查：措施（可空）",
            ItemText::PersonalProblemMissing => "个人对照检查：问题（未落实时，可空）",
            ItemText::PersonalMeasureMissing => "个人对照检查：措施（未落实时，可空）",
        }
    }

    /// The key validation names (`Place::key`), to put its message beside the right box.
    pub fn key(self) -> &'static str {
        match self {
            ItemText::Task => "task",
            ItemText::Guidance => "guidance",
            ItemText::Rule => "rule",
            ItemText::Point => "point",
            ItemText::Done => "done",
            ItemText::Problem => "problem",
            ItemText::Measure => "measure",
            ItemText::ProblemMissing => "problem_missing",
            ItemText::MeasureMissing => "measure_missing",
            ItemText::PersonalDone => "personal_done",
            ItemText::PersonalProblem => "personal_problem",
            ItemText::PersonalMeasure => "personal_measure",
            ItemText::PersonalProblemMissing => "personal_problem_missing",
            ItemText::PersonalMeasureMissing => "personal_measure_missing",
        }
    }

    /// Whether the text goes into the report with placeholders (a longer box).
    pub fn is_wording(self) -> bool {
        !matches!(self, ItemText::Task | ItemText::Guidance | ItemText::Rule | ItemText::Point)
    }

    pub fn get(self, item: &Item) -> &str {
        self.slot(item)
    }

    fn slot(self, item: &Item) -> &Text {
        match self {
            ItemText::Task => &item.task,
            ItemText::Guidance => &item.guidance,
            ItemText::Rule => &item.rule,
            ItemText::Point => &item.point,
            ItemText::Done => &item.done,
            ItemText::Problem => &item.problem,
            ItemText::Measure => &item.measure,
            ItemText::ProblemMissing => &item.problem_missing,
            ItemText::MeasureMissing => &item.measure_missing,
            ItemText::PersonalDone => &item.personal_done,
            ItemText::PersonalProblem => &item.personal_problem,
            ItemText::PersonalMeasure => &item.personal_measure,
            ItemText::PersonalProblemMissing => &item.personal_problem_missing,
            ItemText::PersonalMeasureMissing => &item.personal_measure_missing,
        }
    }

    pub fn set(self, item: &mut Item, text: &str) {
        let slot = match self {
            ItemText::Task => &mut item.task,
            ItemText::Guidance => &mut item.guidance,
            ItemText::Rule => &mut item.rule,
            ItemText::Point => &mut item.point,
            ItemText::Done => &mut item.done,
            ItemText::Problem => &mut item.problem,
            ItemText::Measure => &mut item.measure,
            ItemText::ProblemMissing => &mut item.problem_missing,
            ItemText::MeasureMissing => &mut item.measure_missing,
            ItemText::PersonalDone => &mut item.personal_done,
            ItemText::PersonalProblem => &mut item.personal_problem,
            ItemText::PersonalMeasure => &mut item.personal_measure,
            ItemText::PersonalProblemMissing => &mut item.personal_problem_missing,
            ItemText::PersonalMeasureMissing => &mut item.personal_measure_missing,
        };
        *slot = tidy(text, MAX_TEXT_CHARS).into();
    }
}

/// A section's names and its lead paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionText {
    /// On the task list.
    Title,
    /// In the report, after （一）.
    Heading,
    /// A lead paragraph under the heading in the report (may be empty).
    Intro,
}

fn sections(t: &mut Template) -> &mut Vec<Section> {
    t.sections.to_mut()
}

fn items(t: &mut Template, s: usize) -> Option<&mut Vec<Item>> {
    sections(t).get_mut(s).map(|s| s.items.to_mut())
}

/// An id not used yet by any section or item: `prefix` and the smallest free number.
fn fresh_id(t: &Template, prefix: &str) -> String {
    let taken = |id: &str| t.sections.iter().any(|s| s.id == id || s.items.iter().any(|i| i.id == id));
    (1..).map(|n| format!("{prefix}{n}")).find(|id| !taken(id)).expect("some number is free")
}

pub fn set_section_text(t: &mut Template, s: usize, which: SectionText, text: &str) {
    if let Some(sec) = sections(t).get_mut(s) {
        match which {
            SectionText::Title => sec.title = tidy(text, 60).into(),
            SectionText::Heading => sec.heading = tidy(text, 60).into(),
            SectionText::Intro => sec.intro = tidy(text, MAX_TEXT_CHARS).into(),
        }
    }
}

/// Adds a section at the end, with one new item to fill; gives its index.
pub fn add_section(t: &mut Template, title: &str) -> usize {
    let id = fresh_id(t, "my-section-");
    let item = new_item(fresh_id(t, "my-item-"), "新的事项");
    let title = tidy(title, 60);
    sections(t).push(Section {
        id: id.into(),
        heading: title.clone().into(),
        title: title.into(),
        intro: Text::Borrowed(""),
        items: vec![item].into(),
    });
    t.sections.len() - 1
}

pub fn remove_section(t: &mut Template, s: usize) {
    if s < t.sections.len() {
        sections(t).remove(s);
    }
}

/// Moves a section one place up or down; gives where it is now.
pub fn move_section(t: &mut Template, s: usize, up: bool) -> usize {
    let n = t.sections.len();
    let to = if up { s.checked_sub(1) } else { (s + 1 < n).then_some(s + 1) };
    match to {
        Some(to) if s < n => {
            sections(t).swap(s, to);
            to
        }
        _ => s,
    }
}

/// A new item with the wording the generator falls back to, written from its task: plain
/// sentences that read correctly for a verb-first task, for the user to make their own.
pub fn new_item(id: String, task: &str) -> Item {
    let task = tidy(task, 60);
    let bare = task.trim_end_matches(['。', '；', '，']);
    Item {
        id: id.into(),
        guidance: "对照本单位的工作要求逐项落实，说明做了什么、做了几次。".into(),
        rule: Text::Borrowed(""),
        local_rule: false,
        fields: Vec::new().into(),
        point: bare.to_string().into(),
        done: format!("{bare}，按要求抓好落实").into(),
        problem: format!("{bare}还不够到位，工作的深度和实效有待提升").into(),
        measure: format!("进一步{bare}，明确责任分工，确保落实到位").into(),
        problem_missing: Text::Borrowed(""),
        measure_missing: Text::Borrowed(""),
        personal_done: Text::Borrowed(""),
        personal_problem: Text::Borrowed(""),
        personal_measure: Text::Borrowed(""),
        personal_problem_missing: Text::Borrowed(""),
        personal_measure_missing: Text::Borrowed(""),
        task: task.into(),
    }
}

/// Adds an item at the end of a section; gives its index there.
pub fn add_item(t: &mut Template, s: usize, task: &str) -> Option<usize> {
    let id = fresh_id(t, "my-item-");
    let list = items(t, s)?;
    list.push(new_item(id, task));
    Some(list.len() - 1)
}

pub fn remove_item(t: &mut Template, s: usize, i: usize) {
    if let Some(list) = items(t, s) {
        if i < list.len() {
            list.remove(i);
        }
    }
}

/// Moves an item one place up or down; past the first or last of its section it goes to
/// the end or start of the section before or after. Gives where it is now.
pub fn move_item(t: &mut Template, s: usize, i: usize, up: bool) -> (usize, usize) {
    let Some(len) = t.sections.get(s).map(|sec| sec.items.len()) else { return (s, i) };
    if i >= len {
        return (s, i);
    }
    if up && i > 0 {
        items(t, s).expect("section exists").swap(i, i - 1);
        return (s, i - 1);
    }
    if !up && i + 1 < len {
        items(t, s).expect("section exists").swap(i, i + 1);
        return (s, i + 1);
    }
    let to = if up { s.checked_sub(1) } else { (s + 1 < t.sections.len()).then_some(s + 1) };
    let Some(to) = to else { return (s, i) };
    let item = items(t, s).expect("section exists").remove(i);
    let target = items(t, to).expect("section exists");
    if up {
        target.push(item);
        (to, target.len() - 1)
    } else {
        target.insert(0, item);
        (to, 0)
    }
}

pub fn set_item_text(t: &mut Template, s: usize, i: usize, which: ItemText, text: &str) {
    if let Some(item) = items(t, s).and_then(|l| l.get_mut(i)) {
        which.set(item, text);
    }
}

/// The kinds of figure field the editor adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Count,
    Percent,
    Date,
    Text,
}

impl NewField {
    pub const ALL: [NewField; 4] = [NewField::Count, NewField::Percent, NewField::Date, NewField::Text];

    pub fn label(self) -> &'static str {
        match self {
            NewField::Count => "次数",
            NewField::Percent => "比例",
            NewField::Date => "日期",
            NewField::Text => "文字",
        }
    }
}

/// Adds a figure field to an item; gives its id (`count1`, `percent1`…), for the wording's
/// `{placeholder}`.
pub fn add_field(t: &mut Template, s: usize, i: usize, kind: NewField) -> Option<String> {
    let item = items(t, s)?.get_mut(i)?;
    let stem = match kind {
        NewField::Count => "count",
        NewField::Percent => "percent",
        NewField::Date => "date",
        NewField::Text => "words",
    };
    let id = (1..).map(|n| format!("{stem}{n}")).find(|id| !item.fields.iter().any(|f| f.id == *id))?;
    let kind = match kind {
        NewField::Count => FieldKind::Count { min: 0, max: 99, unit: "次".into() },
        NewField::Percent => FieldKind::Percent,
        NewField::Date => FieldKind::Date,
        NewField::Text => FieldKind::Text { max_chars: 60 },
    };
    let label = format!("{}{}", item.task.chars().take(8).collect::<String>(), NewFieldLabel(&kind));
    item.fields.to_mut().push(Field { id: id.clone().into(), label: label.into(), hint: Text::Borrowed(""), kind });
    Some(id)
}

struct NewFieldLabel<'a>(&'a FieldKind);

impl std::fmt::Display for NewFieldLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            FieldKind::Count { .. } => "次数",
            FieldKind::Percent => "比例",
            FieldKind::Date => "日期",
            _ => "内容",
        })
    }
}

pub fn remove_field(t: &mut Template, s: usize, i: usize, f: usize) {
    if let Some(item) = items(t, s).and_then(|l| l.get_mut(i)) {
        if f < item.fields.len() {
            item.fields.to_mut().remove(f);
        }
    }
}

pub fn set_field_label(t: &mut Template, s: usize, i: usize, f: usize, label: &str) {
    if let Some(field) = items(t, s).and_then(|l| l.get_mut(i)).and_then(|it| it.fields.to_mut().get_mut(f)) {
        field.label = tidy(label, 30).into();
    }
}

/// Sets the hint shown under a field's label (may be empty).
pub fn set_field_hint(t: &mut Template, s: usize, i: usize, f: usize, hint: &str) {
    if let Some(field) = items(t, s).and_then(|l| l.get_mut(i)).and_then(|it| it.fields.to_mut().get_mut(f)) {
        field.hint = tidy(hint, 200).into();
    }
}

/// Sets a choice field's options, one a line as typed (blank lines left out, each cut to
/// 30 characters); a field of another kind is left alone. An empty list is the check's to
/// refuse, as the build does.
pub fn set_options(t: &mut Template, s: usize, i: usize, f: usize, lines: &str) {
    if let Some(field) = items(t, s).and_then(|l| l.get_mut(i)).and_then(|it| it.fields.to_mut().get_mut(f)) {
        if let FieldKind::Choice { options } = &mut field.kind {
            let typed: Vec<Text> =
                lines.lines().map(|l| tidy(l.trim(), 30)).filter(|l| !l.is_empty()).map(Text::from).collect();
            *options = typed.into();
        }
    }
}

/// Sets a count field's bounds and unit; the numbers as typed, so a wrong one is kept for
/// the user to see and `Err` says what is wrong.
pub fn set_count(
    t: &mut Template,
    s: usize,
    i: usize,
    f: usize,
    min: &str,
    max: &str,
    unit: &str,
) -> Result<(), String> {
    let (Ok(min), Ok(max)) = (min.trim().parse::<u32>(), max.trim().parse::<u32>()) else {
        return Err("最小值和最大值要填不带小数点的整数，例如 0 和 99。".into());
    };
    if min > max {
        return Err(format!("最小值{min}大于最大值{max}，请改小最小值或改大最大值。"));
    }
    let field = items(t, s).and_then(|l| l.get_mut(i)).and_then(|it| it.fields.to_mut().get_mut(f));
    if let Some(Field { kind: FieldKind::Count { min: a, max: b, unit: u }, .. }) = field {
        *a = min;
        *b = max;
        *u = tidy(unit, 4).into();
    }
    Ok(())
}

/// A pasted list (one item a line; numbering such as `1.`, `（一）`, `一、` dropped) as a new
/// section at the end, its items worded as [`new_item`] words them. Gives the section's
/// index, or why nothing was added.
pub fn paste_section(t: &mut Template, title: &str, list: &str) -> Result<usize, String> {
    let tasks: Vec<String> = list.lines().map(strip_numbering).filter(|l| !l.is_empty()).collect();
    if tasks.is_empty() {
        return Err("没有可以加入的事项：请每行写一项，例如“组织开展网络安全宣传周活动”。".into());
    }
    if tasks.len() > 60 {
        return Err(format!("一次最多加入60项，这里有{}项，请分几次粘贴。", tasks.len()));
    }
    let title = if title.trim().is_empty() { "本单位其他工作" } else { title };
    let s = add_section(t, title);
    let first = fresh_id(t, "my-item-");
    let list_items = items(t, s).expect("just added");
    list_items.clear();
    list_items.push(new_item(first, &tasks[0]));
    for task in &tasks[1..] {
        let id = fresh_id(t, "my-item-");
        items(t, s).expect("just added").push(new_item(id, task));
    }
    Ok(s)
}

fn strip_numbering(line: &str) -> String {
    let line = tidy(line, 60);
    let mut rest = line.trim();
    // 1. 1、 (1) （1） 一、 （一） ① - •
    let bullets = ['-', '•', '·', '*', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];
    rest = rest.trim_start_matches(bullets).trim_start();
    let open = rest.starts_with(['(', '（']);
    let body = rest.trim_start_matches(['(', '（']);
    let digits = body.find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c))).unwrap_or(body.len());
    if digits > 0 {
        let after = &body[digits..];
        let sep = if open { [')', '）'].as_slice() } else { ['.', '、', '．', ')', '）'].as_slice() };
        if let Some(c) = after.chars().next().filter(|c| sep.contains(c)) {
            rest = after[c.len_utf8()..].trim_start();
        }
    }
    rest.trim().to_string()
}

/// What moving a report from edition `old` to `new` changes, one line each, for the user
/// to read first: items added, removed and reworded.
pub fn changes(old: &Template, new: &Template) -> Vec<String> {
    let mut out = Vec::new();
    for (_, item) in new.items() {
        match old.item(&item.id) {
            None => out.push(format!("新增：{}", item.task)),
            Some(before) if before != item => {
                if before.task != item.task {
                    out.push(format!("改名：{} → {}", before.task, item.task));
                } else {
                    out.push(format!("改写：{}", item.task));
                }
            }
            Some(_) => {}
        }
    }
    for (_, item) in old.items() {
        if new.item(&item.id).is_none() {
            out.push(format!("删除：{}（已填写的内容保留，不写入报告）", item.task));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Files

/// A checklist as a file to hand to others: its JSON form inside a small envelope.
pub fn to_file(checklist: &Value) -> String {
    serde_json::to_string_pretty(
        &serde_json::json!({ "zeren_checklist": CHECKLIST_FILE_FORMAT, "checklist": checklist }),
    )
    .expect("JSON values always serialise")
}

/// Reads a checklist file: size, encoding, shape, version, every text tidied (control and
/// invisible characters out, length capped), then the same checks as the built-in
/// checklists. The message says what is wrong and what to do.
pub fn read_file(bytes: &[u8]) -> Result<Template, String> {
    if bytes.len() > MAX_CHECKLIST_BYTES {
        return Err("文件太大，不是本工具导出的清单文件。请确认选对了文件。".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "文件不是 UTF-8 文本，不是本工具导出的清单文件。".to_string())?;
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| "文件内容不完整或不是清单文件，无法读取。请重新导出一份。".to_string())?;
    match value.get("zeren_checklist").and_then(Value::as_u64) {
        None => return Err("这不是清单文件（可能是报告备份文件，请到“我的报告”页导入）。".into()),
        Some(v) if v > CHECKLIST_FILE_FORMAT as u64 => {
            return Err("这个清单文件来自更新版本的本工具，请用新版本打开。".into());
        }
        Some(_) => {}
    }
    let mut checklist = value.get("checklist").cloned().ok_or("文件中没有清单内容。")?;
    tidy_value(&mut checklist);
    let t: Template =
        serde_json::from_value(checklist).map_err(|_| "清单内容的格式不对，无法读取。请重新导出一份。".to_string())?;
    t.validate().map_err(|e| format!("清单内容有误：{e}"))?;
    Ok(t)
}

/// Control and invisible characters out, at most `max` characters.
pub fn tidy(text: &str, max: usize) -> String {
    text.chars().filter(|c| (!c.is_control() || *c == '\n') && !is_invisible(*c)).take(max).collect()
}

fn tidy_value(v: &mut Value) {
    match v {
        Value::String(s) => *s = tidy(s, MAX_TEXT_CHARS),
        Value::Array(a) => a.iter_mut().for_each(tidy_value),
        Value::Object(o) => o.values_mut().for_each(tidy_value),
        _ => {}
    }
}

// Native only: the property test uses proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "custom_tests.rs"]
mod tests;
