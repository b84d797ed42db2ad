//! Tests of `template`, beside it to keep the module short.

use super::*;

#[test]
fn guidance_follows_the_day() {
    use crate::domain::date::Date;
    let t = Template::default_template();
    let on = |y, m, d| t.guidance_on(Date::new(y, m, d));
    assert!(on(2022, 6, 30).contains("党的十九大和十九届历次全会精神"), "{}", on(2022, 6, 30));
    assert!(on(2022, 10, 21).contains("十九大"), "the day before the 20th congress closed");
    assert!(on(2022, 10, 22).ends_with("党的二十大精神"), "from the day it closed: {}", on(2022, 10, 22));
    assert!(on(2022, 12, 31).ends_with("党的二十大精神"), "历次 only once there are several: {}", on(2022, 12, 31));
    assert!(on(2023, 6, 30).ends_with("党的二十大和二十届二中全会精神"), "{}", on(2023, 6, 30));
    assert!(on(2023, 12, 31).ends_with("全面贯彻习近平文化思想"), "after 2023-10-08: {}", on(2023, 12, 31));
    assert!(!on(2023, 9, 30).contains("文化思想"), "{}", on(2023, 9, 30));
    assert!(on(2024, 12, 31).contains("二十届二中、三中全会精神"), "{}", on(2024, 12, 31));
    assert!(on(2025, 12, 31).contains("二十大和二十届历次全会精神"), "{}", on(2025, 12, 31));
    assert!(on(2000, 1, 1).contains("十八大"), "before the first entry the earliest applies");
}

/// A template written before guidance lines had days (`from_year`) still works: a line is
/// in force from 1 January of its year. A line with neither is refused, by its number.
#[test]
fn guidance_by_year_still_works_and_a_line_needs_a_start() {
    use crate::domain::date::Date;
    let mut t = Template::default_template();
    t.guidance = vec![
        Guidance { from: None, from_year: 2018, text: "十九大".into() },
        Guidance { from: None, from_year: 2023, text: "二十大".into() },
    ]
    .into();
    let t = Template::from_json(&serde_json::to_string(&t).unwrap()).expect("from_year lines are valid");
    assert_eq!(t.guidance_on(Date::new(2022, 12, 31)), "十九大");
    assert_eq!(t.guidance_on(Date::new(2023, 1, 1)), "二十大");
    let json = serde_json::to_string(&t).unwrap().replace(r#""from_year":2023"#, r#""from_year":0"#);
    let e = Template::from_json(&json).unwrap_err();
    assert_eq!(e.kind, TemplateErrorKind::GuidanceWithoutStart { index: 1 }, "{e}");
    assert!(e.to_string().contains("guidance 第2条要写起用的日期"), "{e}");
    // A day that is no day stops the reading, with where.
    let json = serde_json::to_string(&t).unwrap().replacen(r#""from":null"#, r#""from":"2023-02-30""#, 1);
    let e = Template::from_json(&json).unwrap_err();
    assert!(matches!(e.kind, TemplateErrorKind::Unreadable { .. }) && e.to_string().contains("2023-02-30"), "{e}");
}

/// Every guiding-thought line of the built-in checklist cites only what existed on the day
/// it comes into force (the build checks this too; here the check itself is tested).
#[test]
fn the_default_guidance_cites_nothing_before_its_time() {
    use crate::domain::builtin::REFERENCES;
    let t = Template::default_template();
    for g in t.guidance.iter() {
        assert!(REFERENCES.late(&g.text, g.start()).is_empty(), "{} {}", g.start(), g.text);
    }
    let first = t.guidance.iter().find(|g| g.text.contains("文化思想")).expect("a line with 习近平文化思想");
    let late = REFERENCES.late(&first.text, crate::domain::date::Date::new(2023, 10, 7));
    assert_eq!(late.len(), 1, "a day earlier it would be late: {late:?}");
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
        "模板有误（第1部分“组织领导与责任制落实” › 条目 special-study › 字段 fields.unit）：输入项 id 为空、重复、含有不允许的字符，或与 unit/year/period/board/leaders/staff/offices/ethos/this_unit 重名"
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
            // The theme may be empty, so it stands only inside brackets.
            let text =
                if p == Placeholder::Theme { format!("[围绕{{{}}}]", p.name()) } else { format!("{{{}}}", p.name()) };
            let got = check_wording(&Place::default(), "text", &text, w, &[]);
            assert_eq!(got.is_ok(), w.placeholders().contains(&p), "{w:?} {p:?}: {got:?}");
        }
    }
    // Each kind is the one before it and more, except a role's own sentences, which stand
    // beside its words and so may not use them.
    let wider = |a: Wording, b: Wording| a.placeholders().iter().all(|p| b.placeholders().contains(p));
    for pair in [
        (Wording::Fixed, Wording::Basic),
        (Wording::Basic, Wording::Opening),
        (Wording::Basic, Wording::Own),
        (Wording::Opening, Wording::RoleText),
        (Wording::Own, Wording::Personal),
        (Wording::RoleText, Wording::Personal),
    ] {
        assert!(wider(pair.0, pair.1), "{pair:?}");
    }
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
    let presets = crate::domain::builtin::PRESETS.iter().map(|p| crate::domain::builtin::checklist(p.id));
    for t in std::iter::once(&crate::domain::builtin::DEFAULT).chain(presets) {
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

#[test]
fn levels_and_item_words_are_checked() {
    use TemplateErrorKind as K;
    let check = |edit: &dyn Fn(&mut Template)| {
        let mut t = Template::default_template();
        edit(&mut t);
        Template::from_json(&serde_json::to_string(&t).unwrap())
    };
    let e = check(&|t| {
        t.levels.to_mut().remove(3);
    })
    .unwrap_err();
    assert_eq!(e.kind, K::MissingLevel { id: "branch" }, "{e}");
    assert!(e.to_string().contains("branch"), "{e}");
    let e = check(&|t| t.levels.to_mut()[0].staff = "".into()).unwrap_err();
    assert_eq!((e.place.part, e.place.key, &e.kind), (Some(Part::Level(0)), Some("staff"), &K::Empty), "{e}");
    // A preset may drop an item the general checklist's levels and words name.
    check(&|t| t.levels.to_mut()[3].without = vec!["no-such-item".into()].into()).expect("an unknown item is ignored");
    // The general checklist names only its own items.
    let t = Template::default_template();
    for id in t.levels.iter().flat_map(|w| w.without.iter()).chain(t.item_words.iter().map(|w| &w.item)) {
        assert!(t.item(id).is_some(), "{id} is no item of the general checklist");
    }
    let e = check(&|t| t.item_words.to_mut()[0].name = "staff".into()).unwrap_err();
    assert!(matches!(e.kind, K::BadWordName { .. }), "a word may not take a placeholder's name: {e}");
    let e = check(&|t| {
        t.sections.to_mut()[1].items.to_mut()[0].done = "作为{board}会议、{study_group}学习的第一议题。".into()
    })
    .unwrap_err();
    assert_eq!(e.kind, K::WordOutsideBrackets { name: "study_group".into() }, "{e}");
    assert!(e.to_string().contains("方括号"), "{e}");
    let e =
        check(&|t| t.sections.to_mut()[0].items.to_mut()[0].fields.to_mut()[0].id = "study_group".into()).unwrap_err();
    assert_eq!(e.kind, K::BadFieldId, "a field may not take an item word's name: {e}");
    check(&|t| t.fallback_problems.to_mut()[0].measure = "落实[{lead_group}制度]。".into())
        .expect("words are fine in brackets");
}

#[test]
fn roles_are_checked_and_name_only_items_of_the_checklist() {
    use TemplateErrorKind as K;
    let check = |edit: &dyn Fn(&mut Template)| {
        let mut t = Template::default_template();
        edit(&mut t);
        Template::from_json(&serde_json::to_string(&t).unwrap())
    };
    // A misspelt id would leave a duty in the material without a word: it stops the build.
    let e = check(&|t| t.roles.to_mut()[1].without = vec!["secretary-frist".into()].into()).unwrap_err();
    assert_eq!(
        (e.place.part, e.place.key, &e.kind),
        (Some(Part::Role(1)), Some("without"), &K::UnknownRoleItem { id: "secretary-frist".into() }),
        "{e}"
    );
    assert!(e.to_string().contains("roles 第2条") && e.to_string().contains("secretary-frist"), "{e}");
    // Every role once.
    let e = check(&|t| {
        t.roles.to_mut().remove(2);
    })
    .unwrap_err();
    assert_eq!(e.kind, K::MissingRole { id: "member" }, "{e}");
    let e = check(&|t| {
        let first = t.roles[0].clone();
        t.roles.to_mut().push(first);
    })
    .unwrap_err();
    assert_eq!(e.kind, K::DuplicateRole { id: "secretary" }, "{e}");
    let e = check(&|t| t.roles.to_mut()[0].name = " ".into()).unwrap_err();
    assert_eq!((e.place.part, e.place.key, &e.kind), (Some(Part::Role(0)), Some("name"), &K::Empty), "{e}");
    // The role's words may not be empty: they stand inside sentences.
    let e = check(&|t| t.roles.to_mut()[1].field = "".into()).unwrap_err();
    assert_eq!((e.place.part, e.place.key, &e.kind), (Some(Part::Role(1)), Some("field"), &K::Empty), "{e}");
    // The checklist's roles: each claims only its own duty of the three (第一责任人, 直接责任,
    // 一岗双责).
    let t = Template::default_template();
    let without = |role: Role| t.role_words(role).map(|w| w.without.to_vec()).unwrap_or_default();
    assert_eq!(without(Role::Secretary), ["deputy-direct", "one-post-two-duties"]);
    assert_eq!(without(Role::Deputy), ["secretary-first", "one-post-two-duties"]);
    assert_eq!(without(Role::Member), ["secretary-first", "deputy-direct"]);
    // Every preset keeps the items the roles name.
    for p in crate::domain::builtin::PRESETS {
        let t = crate::domain::builtin::checklist(p.id);
        for id in t.roles.iter().flat_map(|w| w.without.iter()) {
            assert!(t.item(id).is_some(), "{}: {id}", p.id);
        }
    }
}

/// The theme, empty until given, is refused outside brackets with the field's message.
#[test]
fn the_theme_stands_only_inside_brackets() {
    let err =
        check_wording(&Place::default(), "opening", "按照{meeting}{theme}要求", Wording::Personal, &[]).unwrap_err();
    assert!(err.to_string().contains("{theme}"), "{err}");
    assert!(check_wording(
        &Place::default(),
        "opening",
        "按照{meeting}[围绕“{theme}”主题的]要求",
        Wording::Personal,
        &[]
    )
    .is_ok());
    assert!(
        check_wording(&Place::default(), "text", "[围绕{theme}]", Wording::Basic, &[]).is_err(),
        "not in the unit's voice"
    );
}
