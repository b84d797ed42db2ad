//! Tests of `template`, beside it to keep the module short.

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
    use TemplateErrorKind as K;
    let e = with_item_edit(|i| i.done = "召开会议[{nosuch}次]。".into()).unwrap_err();
    assert_eq!((e.place.item.as_deref(), e.place.key), (Some("special-study"), Some("done")), "{e}");
    assert_eq!(e.kind, K::UnknownPlaceholder { name: "nosuch".into() }, "{e}");

    let e = with_item_edit(|i| i.done = "召开会议{meetings}次。".into()).unwrap_err();
    assert_eq!(e.kind, K::FieldOutsideBrackets { name: "meetings".into() }, "{e}");

    let e = with_item_edit(|i| i.problem = "不够经常,需要改进。".into()).unwrap_err();
    assert_eq!((e.place.key, &e.kind), (Some("problem"), &K::HalfWidthPunctuation { found: ',' }), "{e}");

    let e = with_item_edit(|i| i.measure = "[坚持研究".into()).unwrap_err();
    assert_eq!(e.kind, K::BadWording(WordingError::UnclosedBracket), "{e}");

    let e = with_item_edit(|i| i.measure = "".into()).unwrap_err();
    assert_eq!((e.place.key, &e.kind), (Some("measure"), &K::Empty), "{e}");

    let e = with_item_edit(|i| i.fields.to_mut()[0].kind = FieldKind::Count { min: 5, max: 2, unit: "".into() })
        .unwrap_err();
    assert_eq!((e.place.field.as_deref(), &e.kind), (Some("meetings"), &K::BadBounds { min: 5, max: 2 }), "{e}");
}

/// The messages an editor reads (the build prints them) name the place in words.
#[test]
fn messages_read_as_before() {
    let e = with_item_edit(|i| i.done = "召开会议[{nosuch}次]。".into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "模板有误（第1部分“组织领导与责任制落实” › 条目 special-study › 字段 done）：占位符“{nosuch}”在这里不能用：没有这个输入项"
    );
    let e = with_item_edit(|i| i.fields.to_mut()[0].id = "unit".into()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "模板有误（第1部分“组织领导与责任制落实” › 条目 special-study › 字段 fields.unit）：输入项 id 为空、重复、含有不允许的字符，或与 unit/year/period/board 重名"
    );
    let mut t = Template::default_template();
    t.personal.causes.to_mut()[1].text = "{person}".into();
    assert_eq!(
        t.validate().unwrap_err().to_string(),
        "模板有误（模板 › personal › causes 第2条 › 字段 text）：占位符“{person}”在这里不能用：没有这个输入项"
    );
    t = Template::default_template();
    t.format = 9;
    assert_eq!(t.validate().unwrap_err().to_string(), "模板有误（模板）：format 应为 1，实际为 9");
}

/// Regression: a misspelt key of an input field stopped the build but passed when the
/// same checklist was read at run time.
#[test]
fn a_misspelt_field_key_is_named_by_section_item_and_field() {
    let mut raw: serde_json::Value = serde_json::from_str(crate::domain::builtin::DEFAULT_JSON).unwrap();
    let field = raw["sections"][0]["items"][0]["fields"][0].as_object_mut().unwrap();
    let hint = field.remove("hint").unwrap();
    field.insert("hnit".into(), hint);
    let e = Template::from_json(&raw.to_string()).unwrap_err();
    let t = Template::default_template();
    let (section, item) = (&t.sections[0], &t.sections[0].items[0]);
    assert_eq!(e.place.section, Some((0, section.title.to_string())), "{e}");
    assert_eq!(e.place.item.as_deref(), Some(&*item.id), "{e}");
    assert_eq!(e.place.field.as_deref(), Some(&*item.fields[0].id), "{e}");
    assert_eq!(e.kind, TemplateErrorKind::MisspeltFieldKey { key: "hnit".into() });
    assert_eq!(
        e.to_string(),
        format!(
            "模板有误（第1部分“{}” › 条目 {} › 输入项 {}）：不认识“hnit”，输入项只能写 id、label、hint、kind、min、max、unit、max_chars、options",
            section.title, item.id, item.fields[0].id
        )
    );
}

/// Every key a field of any kind is written with is one the key check knows, and the
/// check knows no key that no field has.
#[test]
fn field_keys_are_the_keys_fields_have() {
    let kinds = [
        FieldKind::Count { min: 0, max: 1, unit: "次".into() },
        FieldKind::Percent,
        FieldKind::Date,
        FieldKind::Text { max_chars: 1 },
        FieldKind::LongText { max_chars: 1 },
        FieldKind::Choice { options: vec!["是".into()].into() },
    ];
    let mut seen = BTreeSet::new();
    for kind in kinds {
        let field = Field { id: "f".into(), label: "l".into(), hint: "h".into(), kind };
        let value = serde_json::to_value(&field).unwrap();
        for key in value.as_object().unwrap().keys() {
            assert!(FIELD_KEYS.contains(&key.as_str()), "{key}");
            seen.insert(key.clone());
        }
    }
    assert_eq!(seen.len(), FIELD_KEYS.len(), "{seen:?}");
}

/// Each kind of wording accepts exactly its placeholders, and they widen from kind to
/// kind; every placeholder is usable somewhere.
#[test]
fn wordings_accept_their_placeholders() {
    for w in Wording::ALL {
        for p in Placeholder::ALL {
            let text = format!("{{{}}}", p.name());
            let got = check_wording(&Place::default(), "text", &text, w, &[]);
            assert_eq!(got.is_ok(), w.placeholders().contains(&p), "{w:?} {p:?}: {got:?}");
        }
    }
    let widths: Vec<usize> = Wording::ALL.iter().map(|w| w.placeholders().len()).collect();
    assert!(widths.windows(2).all(|w| w[0] <= w[1]), "{widths:?}");
    assert_eq!(Wording::Personal.placeholders(), Placeholder::ALL);
}

#[test]
fn malformed_json_says_where() {
    let e = Template::from_json("{\"format\": 1,").unwrap_err();
    assert_eq!(e.place.line_column.map(|(line, _)| line), Some(1), "{e}");
    assert!(e.to_string().contains("第1行"), "{e}");
    let e = Template::from_json("{\"format\": 1}").unwrap_err();
    assert!(matches!(&e.kind, TemplateErrorKind::Unreadable { reason } if reason.contains("missing field")), "{e}");
    assert!(e.to_string().contains("missing field"), "{e}");
}

#[test]
fn parses_wording_pieces() {
    assert_eq!(
        parse_wording("开展[{n}次]学习").unwrap(),
        vec![Piece::Text("开展"), Piece::Optional(vec![Piece::Slot("n"), Piece::Text("次")]), Piece::Text("学习")]
    );
    assert_eq!(parse_wording("[[{n}]]"), Err(WordingError::NestedBrackets));
    assert_eq!(parse_wording("{N}"), Err(WordingError::BadPlaceholderName { name: "N".into() }));
    assert_eq!(parse_wording("a]"), Err(WordingError::UnopenedBracket));
}

#[test]
fn every_section_id_a_checklist_accepts_can_be_reached_by_address() {
    assert_eq!(MAX_SECTION_ID_CHARS, crate::domain::report::MAX_ID_CHARS);
    for t in crate::domain::builtin::PRESETS {
        for s in t.sections.iter() {
            let route = crate::route::Route::section("r1", &s.id);
            assert_eq!(crate::route::Route::parse(&route.href()), route, "{}", s.id);
        }
    }
    for bad in ["a.b", "理论学习", "Theory", &"x".repeat(MAX_SECTION_ID_CHARS + 1)] {
        let mut t = Template::default_template();
        t.sections.to_mut()[0].id = bad.to_string().into();
        let e = t.validate().expect_err(bad);
        assert!(matches!(e.kind, TemplateErrorKind::BadSectionId { .. }), "{bad}: {e}");
    }
}
