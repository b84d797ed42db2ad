//! Tests of `proof`, beside it to keep the module short. The seed report, the golden texts
//! and the timing are in `tests/proof.rs`.

use super::*;

fn rules() -> RuleSet {
    RuleSet::builtin()
}

fn ids(text: &str, cx: &Context) -> Vec<String> {
    check(&rules(), text, cx).into_iter().map(|f| f.rule).collect()
}

/// Every rule's examples: each `flag` text is flagged by that rule, each `pass` text is not.
#[test]
fn every_rule_flags_its_examples_and_passes_its_counter_examples() {
    let rules = rules();
    let mut wrong = Vec::new();
    for r in &rules.rules {
        let cx = Context { period: r.example_year.map(|y| (y, Period::Year)), typed: true };
        for text in &r.flag {
            if !check(&rules, text, &cx).iter().any(|f| f.rule == r.id) {
                wrong.push(format!("{} should flag {text:?}", r.id));
            }
        }
        for text in &r.pass {
            let found: Vec<_> = check(&rules, text, &cx).into_iter().filter(|f| f.rule == r.id).collect();
            if !found.is_empty() {
                wrong.push(format!("{} should not flag {text:?}: {}", r.id, found[0].message));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The app reads the rules file by hand; it must read what the derived reader reads.
#[test]
fn the_rules_file_is_read_by_hand_as_serde_reads_it() {
    let derived: RuleSet = serde_json::from_str(RULES_JSON).expect("the derived reader reads it");
    assert_eq!(RuleSet::from_json(RULES_JSON).expect("read by hand"), derived);
    assert!(derived.rules.iter().any(|r| r.words.iter().any(|w| w.after.is_some())));
    assert!(derived.rules.iter().any(|r| r.example_year.is_some()));
    assert!(derived.rules.iter().any(|r| !r.except.is_empty()));
    let bad = RULES_JSON.replacen("\"错误\"", "\"严重\"", 1);
    assert!(RuleSet::from_json(&bad).unwrap_err().contains("severity"));
}

#[test]
fn every_code_rule_is_in_the_rules_file() {
    let rules = rules();
    for id in super::super::proof_rules::CODE_RULES {
        assert!(rules.rule(id).is_some(), "{id}");
    }
}

#[test]
fn a_rules_file_with_a_mistake_is_refused_with_the_rule_named() {
    let mut r = rules();
    r.rules[1].id = r.rules[0].id.clone();
    assert!(r.validate().unwrap_err().to_string().contains("前面已经有了"));
    let mut r = rules();
    r.rules[0].id = "punct.nosuch".into();
    let e = r.validate().unwrap_err().to_string();
    assert!(e.contains("punct.nosuch") && e.contains("words"), "{e}");
    let mut r = rules();
    r.rules[0].pass.clear();
    assert!(r.validate().unwrap_err().to_string().contains("pass"));
    assert!(RuleSet::from_json("{\"rules\": [{\"id\": 1}]}").unwrap_err().contains("无法读取"));
}

#[test]
fn findings_say_where_they_are_in_lines_and_characters() {
    let text = "一、主要做法\n开展学习,共3次。";
    let f = check(&rules(), text, &Context::default());
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].line, f[0].column), (2, 5));
    assert_eq!(&text[f[0].start..f[0].end], ",");
    assert_eq!(f[0].rule, "punct.halfwidth");
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].fix.as_deref(), Some("，"));
    assert!(f[0].message.contains("半角") && f[0].suggestion.contains("全角"), "{f:?}");
}

#[test]
fn fixes_apply_one_at_a_time_or_all_at_once() {
    let text = "开展学习,共3次 。参学率达98%。。";
    let f = check(&rules(), text, &Context::default());
    let one = apply(text, [&f[0]]);
    assert_eq!(one, "开展学习，共3次 。参学率达98%。。");
    let all = apply(text, &f);
    assert_eq!(all, "开展学习，共3次。参学率达98%。");
    assert!(check(&rules(), &all, &Context::default()).is_empty());
    // Advice carries no fix and applying it changes nothing.
    let advice = check(&rules(), "认真布署工作。", &Context::default());
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].fix, None);
    assert!(advice[0].suggestion.contains("部署"));
    assert_eq!(apply("认真布署工作。", &advice), "认真布署工作。");
}

#[test]
fn wording_inside_quotation_marks_and_title_marks_is_a_citation() {
    assert!(ids("他说：“要认真布署。”", &Context::default()).is_empty());
    assert!(ids("学习《习总书记的故事》。", &Context::default()).is_empty());
    // Punctuation inside a quotation is still read.
    assert_eq!(ids("他说：“要认真部署,抓好落实。”", &Context::default()), ["punct.halfwidth"]);
}

#[test]
fn period_rules_follow_the_report_s_period() {
    let text = "深入学习贯彻党的十九大和十九届历次全会精神，持续加强习近平治国理政新理念新思想新战略的学习。";
    let in_2017 = Context { period: Some((2017, Period::Year)), typed: false };
    assert!(ids(text, &in_2017).is_empty());
    let in_2022 = Context { period: Some((2022, Period::SecondHalf)), typed: false };
    assert_eq!(ids(text, &in_2022), ["wording.superseded"]);
    let in_2023 = Context { period: Some((2023, Period::FirstHalf)), typed: false };
    let f = check(&rules(), text, &in_2023);
    assert_eq!(
        f.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["wording.superseded-congress", "wording.superseded"]
    );
    assert!(
        f[0].message.contains("党的十九大和十九届历次全会精神") && f[0].message.contains("党的二十大"),
        "{}",
        f[0].message
    );
    // Without a period, these rules say nothing.
    assert!(ids(text, &Context::default()).is_empty());
    // Dates after the period, in typed text only.
    let typed = Context { period: Some((2023, Period::Year)), typed: true };
    assert_eq!(ids("2024年1月5日召开会议。", &typed), ["number.date-period"]);
    assert!(ids("2024年1月5日召开会议。", &Context { typed: false, ..typed }).is_empty());
    assert!(ids("2023年12月31日召开会议。", &typed).is_empty());
}

#[test]
fn the_start_of_each_kind_of_period() {
    assert_eq!(period_start(2024, Period::Year), Date::new(2024, 1, 1));
    assert_eq!(period_start(2024, Period::SecondHalf), Date::new(2024, 7, 1));
    assert_eq!(period_start(2024, Period::Quarter { quarter: 3 }), Date::new(2024, 7, 1));
    assert_eq!(period_start(2024, Period::Months { from: 5, to: 3 }), Date::new(2024, 3, 1));
}

/// Slips an office worker makes, each found by the rule meant for it, with its fix.
#[test]
fn typical_slips_are_found_with_their_fixes() {
    let cx = Context::default();
    let cases: [(&str, &str, Option<&str>); 16] = [
        ("召开会议，，研究部署。", "punct.double", Some("召开会议，研究部署。")),
        ("开展“第一议题”学习。。", "punct.double", Some("开展“第一议题”学习。")),
        ("学习(专题)。", "punct.halfwidth", Some("学习（专题）。")),
        ("学习 “两个确立”。", "punct.space", Some("学习“两个确立”。")),
        ("学习、讨论...", "punct.ellipsis", Some("学习、讨论……")),
        ("学习、讨论………", "punct.ellipsis", Some("学习、讨论……")),
        ("（一）、加强组织领导", "ordinal.mark", Some("（一）加强组织领导")),
        ("(二)加强组织领导", "ordinal.bracket", Some("（二）加强组织领导")),
        ("第二、加强学习。", "ordinal.di", Some("第二，加强学习。")),
        ("2024上半年开展学习。", "number.year-nian", Some("2024年上半年开展学习。")),
        ("二零二四年三月", "number.zero", Some("二〇二四年三月")),
        ("2024年03月05日", "number.leading-zero", Some("2024年3月5日")),
        ("依据市委发[2024]3号文件。", "number.wenhao", Some("依据市委发〔2024〕3号文件。")),
        ("通过ＱＱ群转发。", "number.fullwidth", Some("通过QQ群转发。")),
        ("对政策理解的还不够。", "words.typo", None),
        ("召开了了会议。", "words.doubled", None),
    ];
    for (text, rule, fixed) in cases {
        let f = check(&rules(), text, &cx);
        let ours: Vec<&Finding> = f.iter().filter(|f| f.rule == rule).collect();
        assert!(!ours.is_empty(), "{rule} in {text:?}: {f:?}");
        if let Some(fixed) = fixed {
            assert_eq!(apply(text, ours.iter().copied()), fixed, "{rule}");
        } else {
            assert!(ours.iter().all(|f| f.fix.is_none()), "{rule}: advice only");
        }
    }
}

/// Clean official text, with the forms that look like slips and are not: nothing found.
#[test]
fn clean_official_text_checks_clean() {
    let text = "\
市文化和旅游局党组关于2024年落实意识形态工作责任制情况的报告
　　2024年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届二中、三中全会精神，全面贯彻习近平文化思想。现将有关情况报告如下：
　　一、主要做法
　　（一）加强组织领导
　　一是专题研究部署。召开党组会议专题研究意识形态工作3次，传达学习“第一议题”“三会一课”等制度要求。二是健全制度。印发《实施细则》（市文旅党发〔2024〕5号），成员9人。
　　（二）强化理论武装
　　1.落实第一议题。2024年3月5日组织学习，参学率达98.5%，上午10:30开始。
　　2.抓实中心组学习。富强、民主、文明、和谐，认真研判、及时处置，与时俱进。
　　（1）实实在在抓好落实，层层压实责任，深入学习习近平总书记重要讲话，所有有关单位参加常委会会议。
　　（2）使用Windows 10系统，通过QQ群和WeChat转发，截至目前共开展学习9次。
　　二、存在的问题
　　一是理论学习还不够深入；二是阵地管理还有薄弱环节。
　　三、下一步工作打算
　　坚持以考督学、以考促学，既要抓好学习，又要抓好落实……
　　特此报告。

市文化和旅游局党组
2024年12月20日
";
    let cx = Context { period: Some((2024, Period::Year)), typed: false };
    let f = check(&rules(), text, &cx);
    assert!(f.is_empty(), "{:#?}", f);
}

#[test]
fn a_field_s_findings_carry_its_id() {
    let cx = Context { period: Some((2023, Period::Year)), typed: false };
    let f = check_field(&rules(), "note", "2025年3月召开会议,研究部署。", &cx);
    let rules_found: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules_found, ["number.date-period", "punct.halfwidth"]);
    assert!(f.iter().all(|f| f.field.as_deref() == Some("note")));
}
