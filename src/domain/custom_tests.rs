//! Tests of `custom`, beside it to keep the module short: ids and editions, every edit
//! keeping the checklist valid, paste-in, changes between editions, files, and any
//! sequence of edits generating a report without panics.

use super::*;
use crate::domain::builtin::DEFAULT;
use crate::domain::generate::generate;
use crate::domain::render::to_text;
use crate::domain::report::{Answer, Report, ReportKind, Status};
use proptest::prelude::*;

fn mine() -> Template {
    copy_as_mine(&DEFAULT, "my-abc123", "  本局的清单 ")
}

#[test]
fn ids_name_the_checklist_and_its_edition() {
    assert_eq!(edition_id("my-abc123", 3), "my-abc123-v3");
    assert_eq!(split_id("my-abc123-v3"), Some(("my-abc123", 3)));
    assert_eq!(split_id("my-a-v-v12"), Some(("my-a-v", 12)));
    for not_mine in ["default", "village", "my--v1", "my-abc-v0", "my-abc", "my-abc-vx"] {
        assert_eq!(split_id(not_mine), None, "{not_mine}");
    }
    let t = mine();
    assert_eq!((&*t.id, &*t.name, &*t.edition), ("my-abc123-v1", "本局的清单", "1"));
    t.validate().expect("a copy of the default is valid");
    let next = next_edition(&t);
    assert_eq!((&*next.id, &*next.edition), ("my-abc123-v2", "2"));
    assert_eq!(latest(["my-a-v1", "default", "my-b-v1", "my-a-v3", "my-a-v2"]), ["my-a-v3", "my-b-v1"]);
}

#[test]
fn old_editions_no_report_uses_are_pruned() {
    let v = |id: &str| serde_json::json!({ "id": id });
    let mut saved = vec![v("my-a-v1"), v("my-a-v2"), v("my-a-v3"), v("my-b-v1"), serde_json::json!({ "no": "id" })];
    prune(&mut saved, &["my-a-v1"]);
    assert_eq!(saved, vec![v("my-a-v1"), v("my-a-v3"), v("my-b-v1")]);
}

#[test]
fn sections_and_items_are_added_moved_renamed_and_removed() {
    let mut t = mine();
    let sections = t.sections.len();
    let s = add_section(&mut t, "本单位特色工作");
    assert_eq!(s, sections);
    assert_eq!(t.sections[s].items.len(), 1);
    t.validate().expect("a new section with its new item is valid");
    let i = add_item(&mut t, s, "组织开展网络安全宣传周活动").unwrap();
    assert_eq!(i, 1);
    let item = &t.sections[s].items[i];
    assert_eq!(&*item.point, "组织开展网络安全宣传周活动");
    assert!(item.done.starts_with("组织开展网络安全宣传周活动，"));
    t.validate().expect("new items carry the fallback wording");
    // Up within the section, then past its top into the section before.
    assert_eq!(move_item(&mut t, s, 1, true), (s, 0));
    assert_eq!(move_item(&mut t, s, 0, true), (s - 1, t.sections[s - 1].items.len() - 1));
    assert_eq!(t.sections[s - 1].items.last().unwrap().task, "组织开展网络安全宣传周活动");
    assert_eq!(move_section(&mut t, s, true), s - 1);
    assert_eq!(&*t.sections[s - 1].title, "本单位特色工作");
    assert_eq!(move_section(&mut t, 0, true), 0, "the first cannot go higher");
    set_section_text(&mut t, s - 1, SectionText::Heading, "突出特色，抓好本单位重点工作");
    set_item_text(&mut t, s - 1, 0, ItemText::Task, "建立网评员队伍\u{202e}");
    assert_eq!(&*t.sections[s - 1].items[0].task, "建立网评员队伍", "invisible characters are dropped");
    t.validate().unwrap();
    remove_item(&mut t, s - 1, 0);
    let err = t.validate().expect_err("a section without items is caught");
    assert!(err.to_string().contains("本单位特色工作"), "{err}");
    remove_section(&mut t, s - 1);
    t.validate().unwrap();
}

#[test]
fn the_build_s_mistakes_are_caught_in_the_editor_too() {
    let mut t = mine();
    set_item_text(&mut t, 0, 0, ItemText::Done, "召开会议{nosuch}次");
    let e = t.validate().unwrap_err().to_string();
    assert!(e.contains("nosuch"), "{e}");
    let mut t = mine();
    set_item_text(&mut t, 0, 0, ItemText::Measure, "  ");
    assert!(t.validate().unwrap_err().to_string().contains("不能为空"));
    let mut t = mine();
    let s = add_section(&mut t, "特色");
    let f = add_field(&mut t, s, 0, NewField::Count).unwrap();
    assert_eq!(f, "count1");
    assert_eq!(
        set_count(&mut t, s, 0, 0, "5", "2", "次"),
        Err("最小值5大于最大值2，请改小最小值或改大最大值。".into())
    );
    assert!(set_count(&mut t, s, 0, 0, "一", "2", "次").unwrap_err().contains("整数"));
    set_count(&mut t, s, 0, 0, "1", "12", "次").unwrap();
    set_item_text(&mut t, s, 0, ItemText::Done, "开展特色工作[{count1}次]");
    t.validate().unwrap();
    assert_eq!(add_field(&mut t, s, 0, NewField::Count).unwrap(), "count2");
    remove_field(&mut t, s, 0, 0);
    let e = t.validate().unwrap_err().to_string();
    assert!(e.contains("count1"), "the wording still names the removed field: {e}");
}

#[test]
fn a_pasted_list_becomes_a_section_without_its_numbering() {
    let mut t = mine();
    let list = "1. 组织开展网络安全宣传周活动\n\n（二）建立网评员队伍\n三、规范宣传栏管理；\n- 落实村规民约\n";
    let s = paste_section(&mut t, "本村特色工作", list).unwrap();
    let tasks: Vec<&str> = t.sections[s].items.iter().map(|i| &*i.task).collect();
    assert_eq!(tasks, ["组织开展网络安全宣传周活动", "建立网评员队伍", "规范宣传栏管理；", "落实村规民约"]);
    assert_eq!(&*t.sections[s].items[2].point, "规范宣传栏管理");
    t.validate().unwrap();
    assert!(paste_section(&mut t, "", " \n\n").unwrap_err().contains("每行写一项"));
    let many = (0..61).map(|n| format!("事项{n}")).collect::<Vec<_>>().join("\n");
    assert!(paste_section(&mut t, "", &many).unwrap_err().contains("最多加入60项"));
}

#[test]
fn changes_between_editions_are_listed() {
    let old = mine();
    let mut new = next_edition(&old);
    let s = add_section(&mut new, "特色");
    set_item_text(&mut new, s, 0, ItemText::Task, "建立网评员队伍");
    set_item_text(&mut new, 0, 0, ItemText::Done, "专题研究意识形态工作[{meetings}次]");
    let gone = new.sections[1].items[0].task.to_string();
    remove_item(&mut new, 1, 0);
    let c = changes(&old, &new);
    assert!(c.contains(&"新增：建立网评员队伍".to_string()), "{c:?}");
    assert!(c.iter().any(|l| l.starts_with("改写：")), "{c:?}");
    assert!(c.contains(&format!("删除：{gone}（已填写的内容保留，不写入报告）")), "{c:?}");
    assert!(changes(&old, &old).is_empty());
}

#[test]
fn a_checklist_file_round_trips_and_bad_files_are_refused() {
    let t = mine();
    let file = to_file(&serde_json::to_value(&t).unwrap());
    assert_eq!(read_file(file.as_bytes()), Ok(t.clone()));
    let half: String = file.chars().take(file.chars().count() / 2).collect();
    assert!(read_file(half.as_bytes()).unwrap_err().contains("不完整"));
    assert!(read_file(b"{\"zeren_backup\":1,\"reports\":[]}").unwrap_err().contains("报告备份"));
    assert!(read_file(b"\xff\xfe").unwrap_err().contains("UTF-8"));
    assert!(read_file(&vec![b' '; MAX_CHECKLIST_BYTES + 1]).unwrap_err().contains("太大"));
    let newer = file.replacen("\"zeren_checklist\": 1", "\"zeren_checklist\": 9", 1);
    assert!(read_file(newer.as_bytes()).unwrap_err().contains("更新版本"));
    // Hostile text: kept as text, control characters out, lengths capped; wrong wording caught.
    let mut hostile = t.clone();
    set_item_text(&mut hostile, 0, 0, ItemText::Task, "<script>x</script>");
    let mut value = serde_json::to_value(&hostile).unwrap();
    value["sections"][0]["items"][0]["guidance"] =
        serde_json::Value::String(format!("说明\u{0007}{}", "长".repeat(5000)));
    let read = read_file(to_file(&value).as_bytes()).unwrap();
    assert_eq!(&*read.sections[0].items[0].task, "<script>x</script>");
    assert_eq!(read.sections[0].items[0].guidance.chars().count(), MAX_TEXT_CHARS);
    assert!(!read.sections[0].items[0].guidance.contains('\u{0007}'));
    value["sections"][0]["items"][0]["done"] = serde_json::Value::String("{nosuch}".into());
    assert!(read_file(to_file(&value).as_bytes()).unwrap_err().starts_with("清单内容有误："));
}

/// One edit of the editor, chosen at random.
#[derive(Debug, Clone)]
enum Edit {
    AddSection,
    RemoveSection(usize),
    MoveSection(usize, bool),
    AddItem(usize),
    RemoveItem(usize, usize),
    MoveItem(usize, usize, bool),
    Text(usize, usize, usize, String),
    Section(usize, usize, String),
    Hint(usize, usize, usize, String),
    AddField(usize, usize, usize),
    Paste(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let text = "[一-龥，。{}\\[\\]a-z0-9]{0,20}";
    prop_oneof![
        Just(Edit::AddSection),
        (0..8usize).prop_map(Edit::RemoveSection),
        (0..8usize, any::<bool>()).prop_map(|(s, up)| Edit::MoveSection(s, up)),
        (0..8usize).prop_map(Edit::AddItem),
        (0..8usize, 0..12usize).prop_map(|(s, i)| Edit::RemoveItem(s, i)),
        (0..8usize, 0..12usize, any::<bool>()).prop_map(|(s, i, up)| Edit::MoveItem(s, i, up)),
        (0..8usize, 0..12usize, 0..ItemText::ALL.len(), text).prop_map(|(s, i, k, t)| Edit::Text(s, i, k, t)),
        (0..8usize, 0..3usize, text).prop_map(|(s, k, t)| Edit::Section(s, k, t)),
        (0..8usize, 0..12usize, 0..3usize, text).prop_map(|(s, i, f, t)| Edit::Hint(s, i, f, t)),
        (0..8usize, 0..12usize, 0..4usize).prop_map(|(s, i, k)| Edit::AddField(s, i, k)),
        "[一-龥\n]{0,40}".prop_map(Edit::Paste),
    ]
}

fn apply(t: &mut Template, e: &Edit) {
    match e {
        Edit::AddSection => {
            add_section(t, "新增部分");
        }
        Edit::RemoveSection(s) => remove_section(t, *s),
        Edit::MoveSection(s, up) => {
            move_section(t, *s, *up);
        }
        Edit::AddItem(s) => {
            add_item(t, *s, "新增事项");
        }
        Edit::RemoveItem(s, i) => remove_item(t, *s, *i),
        Edit::MoveItem(s, i, up) => {
            move_item(t, *s, *i, *up);
        }
        Edit::Text(s, i, k, text) => set_item_text(t, *s, *i, ItemText::ALL[*k], text),
        Edit::Section(s, k, text) => {
            set_section_text(t, *s, [SectionText::Title, SectionText::Heading, SectionText::Intro][*k], text)
        }
        Edit::Hint(s, i, f, text) => set_field_hint(t, *s, *i, *f, text),
        Edit::AddField(s, i, k) => {
            add_field(t, *s, *i, NewField::ALL[*k]);
        }
        Edit::Paste(list) => {
            let _ = paste_section(t, "粘贴", list);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any checklist the editor lets through (it validates) generates a unit report and a
    /// personal one without panics, every item answered.
    #[test]
    fn any_valid_edited_checklist_generates(edits in proptest::collection::vec(edit(), 1..12)) {
        let mut t = mine();
        for e in &edits {
            apply(&mut t, e);
        }
        if t.validate().is_ok() {
            for kind in [ReportKind::Unit, ReportKind::Personal] {
                let mut r = Report { unit: "局党组".into(), kind, person: "张三".into(), template_id: t.id.to_string(), ..Report::new("r", 1.0) };
                for (n, (_, item)) in t.items().enumerate() {
                    let status = [Status::Done, Status::Partly, Status::NotDone, Status::NotApplicable][n % 4];
                    let values = item.fields.iter().map(|f| (f.id.to_string(), "3".to_string())).collect();
                    r.answers.insert(item.id.to_string(), Answer { status, values, note: String::new() });
                }
                let text = to_text(&generate(&t, &r));
                prop_assert!(!text.is_empty());
            }
        }
    }
}

#[test]
fn the_editor_sets_a_section_s_lead_a_field_s_hint_and_the_personal_wording_of_a_gap() {
    let mut t = mine();
    set_section_text(&mut t, 0, SectionText::Intro, "一年来，本单位把意识形态工作摆在突出位置。\u{202e}");
    assert_eq!(t.sections[0].intro, "一年来，本单位把意识形态工作摆在突出位置。");
    set_field_hint(&mut t, 0, 0, 0, "填写全年的次数\u{7}");
    assert_eq!(t.sections[0].items[0].fields[0].hint, "填写全年的次数");
    set_item_text(&mut t, 0, 0, ItemText::PersonalProblemMissing, "本人没有推动专题研究意识形态工作。");
    set_item_text(&mut t, 0, 0, ItemText::PersonalMeasureMissing, "每半年至少推动专题研究1次。");
    assert_eq!(t.validate(), Ok(()));
    let id = t.sections[0].items[0].id.to_string();
    let report = |kind, status| {
        let mut r = Report { unit: "局党组".into(), kind, person: "张三".into(), ..Report::new("r", 1.0) };
        r.answers.insert(id.clone(), Answer { status, ..Answer::default() });
        r
    };
    let unit = to_text(&generate(&t, &report(ReportKind::Unit, Status::Done)));
    assert!(unit.contains("一年来，本单位把意识形态工作摆在突出位置。"), "{unit}");
    let personal = to_text(&generate(&t, &report(ReportKind::Personal, Status::NotDone)));
    assert!(
        personal.contains("本人没有推动专题研究意识形态工作") && personal.contains("每半年至少推动专题研究1次"),
        "{personal}"
    );
}

#[test]
fn a_saved_checklist_reads_back_with_the_app_s_own_reader() {
    let t = mine();
    let text = serde_json::to_value(&t).unwrap().to_string();
    assert_eq!(crate::domain::builtin::read::template(&text), Ok(t));
}

#[test]
fn a_choice_field_s_options_are_edited_one_a_line_and_an_empty_list_is_refused() {
    let mut t = mine();
    let (s, i, f) = t
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| sec.items.iter().enumerate().map(move |(i, it)| (s, i, it)))
        .find_map(|(s, i, it)| {
            it.fields.iter().position(|f| matches!(f.kind, FieldKind::Choice { .. })).map(|f| (s, i, f))
        })
        .expect("the general checklist has a choice field");
    set_options(&mut t, s, i, f, "县级文明单位\n\n 市级文明单位 \n省级文明单位\u{202e}");
    let FieldKind::Choice { options } = &t.sections[s].items[i].fields[f].kind else { unreachable!() };
    assert_eq!(options.iter().map(|o| &**o).collect::<Vec<_>>(), ["县级文明单位", "市级文明单位", "省级文明单位"]);
    assert_eq!(t.validate(), Ok(()));
    set_options(&mut t, s, i, f, " \n");
    assert!(t.validate().unwrap_err().to_string().contains("选项"), "{}", t.validate().unwrap_err());
    // Another kind of field is left alone.
    let before = t.sections[0].items[0].fields[0].clone();
    set_options(&mut t, 0, 0, 0, "甲");
    assert_eq!(t.sections[0].items[0].fields[0], before);
}
