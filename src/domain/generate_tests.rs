//! Tests of `generate`, beside it to keep the module short.

use super::*;
use crate::domain::render::to_text;
use crate::domain::report::Status;
use crate::domain::template::Template;

/// Regression: a text value typed with a final mark gave “重点研究了…预案。。”.
#[test]
fn a_value_typed_with_a_final_mark_does_not_double_the_template_mark() {
    let t = Template::default_template();
    let mut r = Report::default();
    let a = r.answer_mut("special-study");
    a.status = Status::Done;
    a.values.insert("topics".into(), "网络意识形态工作, 舆情应对预案。".into());
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    let point = text.iter().find(|l| l.starts_with("一是专题研究部署")).expect("the item gives a point");
    assert!(point.ends_with("重点研究了网络意识形态工作，舆情应对预案。"), "{point}");

    let a = r.answer_mut("circulate");
    a.status = Status::Done;
    a.values.insert("occasion".into(), "全体干部职工大会；".into());
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    assert!(text.iter().any(|l| l.contains("主要在全体干部职工大会上进行，")), "{text:?}");
}

/// Every placeholder name validation lets a wording use is a value the generator fills,
/// so no validated template prints an empty gap where a placeholder stood.
#[test]
fn the_generator_fills_every_placeholder_validation_accepts() {
    use crate::domain::template::Wording;
    let t = Template::default_template();
    // The theme is the one placeholder that may be empty (validation keeps it in brackets).
    let r =
        Report {
            unit: "局党组".into(), person: "张三".into(), theme: "四个“带头”".into(), ..Report::new("a", 0.0)
        };
    let vars = Vars::new(&t, &r);
    for w in Wording::ALL {
        for p in w.placeholders() {
            let value = vars.base.value(p.name());
            assert!(value.is_some_and(|v| !v.is_empty()), "{w:?} accepts {{{}}}, filled with {value:?}", p.name());
        }
    }
    assert_eq!(vars.base.len(), crate::domain::template::Placeholder::ALL.len());
}

/// Regression: a self-assessment for 上半年 was titled “2026年度…”.
#[test]
fn the_personal_title_names_the_period() {
    let t = Template::default_template();
    let title = |period: crate::domain::report::Period| {
        let r = Report {
            kind: ReportKind::Personal,
            year: 2026,
            period,
            person: "张三".into(),
            meeting: "民主生活会".into(),
            ..Report::default()
        };
        generate(&t, &r).title
    };
    assert!(
        title(crate::domain::report::Period::Year).starts_with("张三2026年度民主生活会个人对照检查材料"),
        "{}",
        title(crate::domain::report::Period::Year)
    );
    let half = title(crate::domain::report::Period::FirstHalf);
    assert!(half.starts_with("张三2026年上半年民主生活会") && !half.contains("年度"), "{half}");
}

/// Regression: an empty personal heading printed a bare “一、”, and a cause without a lead
/// printed “一是。…”.
#[test]
fn empty_personal_headings_and_cause_leads_print_nothing_bare() {
    let mut t = Template::default_template();
    t.personal.duties_heading = "{person}".into();
    t.personal.causes_heading = "".into();
    t.personal.last_year_heading = "".into();
    let causes = t.personal.causes.to_mut();
    causes[0].lead = "".into();
    causes[1] = crate::domain::template::Point { lead: "".into(), text: "".into(), sections: Vec::new().into() };
    let t = Template::from_json(&serde_json::to_string(&t).unwrap()).expect("the validator lets these through");
    let mut r = Report { kind: ReportKind::Personal, ..Report::default() };
    r.answer_mut("special-study").status = Status::Done;
    let text: Vec<String> = generate(&t, &r).blocks.iter().map(Block::text).collect();
    assert!(text.contains(&"二、履行意识形态工作职责情况".to_string()), "{text:?}");
    assert!(text.contains(&"四、问题产生的原因".to_string()), "{text:?}");
    assert!(text.contains(&"一、上年度整改落实情况".to_string()), "{text:?}");
    assert!(text.iter().any(|l| l.starts_with("一是对加强理论学习")), "{text:?}");
    assert!(text.iter().any(|l| l.starts_with("二是党性修养有所放松。")), "the empty cause is dropped: {text:?}");
    assert!(!text.iter().any(|l| l.ends_with('、') || l.contains("是。")), "{text:?}");
}

#[test]
fn an_item_point_is_what_the_report_prints_for_it() {
    let t = Template::default_template();
    let item = t.item("staff-study").expect("the default checklist has staff-study");
    let mut r = Report { unit: "局党组".into(), ..Report::new("a", 0.0) };
    assert_eq!(item_point(&t, &r, item), None, "not started gives nothing");
    let a = r.answer_mut("staff-study");
    a.status = Status::Done;
    a.values.insert("sessions".into(), "9".into());
    a.values.insert("rate".into(), "98".into());
    a.note = "坚持每月上一堂微党课".into();
    let (lead, text) = item_point(&t, &r, item).expect("done gives a point");
    assert!(text.contains("9次") && text.contains("参学率达98%") && text.ends_with("坚持每月上一堂微党课。"), "{text}");
    let doc = generate(&t, &r);
    assert!(doc.blocks.iter().any(|b| matches!(b, Block::Point { lead: l, text: x, .. } if *l == lead && *x == text)));
    r.answer_mut("staff-study").status = Status::NotDone;
    assert_eq!(item_point(&t, &r, item), None);
}

#[test]
fn the_meeting_body_follows_the_unit() {
    assert_eq!(board_of("机关第一党支部"), "支部委员会");
    assert_eq!(board_of("区委宣传部机关党支部"), "支部委员会");
    assert_eq!(board_of("局党组"), "党组");
    assert_eq!(board_of("机关党委"), "党委");
    assert_eq!(board_of("医院党总支"), "党总支委员会");
    assert_eq!(board_of("街道党工委"), "党工委");
    assert_eq!(board_of("本单位"), "党组（党委）");
    let t = Template::default_template();
    let mut r = Report { unit: "机关第一党支部".into(), ..Report::new("a", 0.0) };
    r.answer_mut("special-study").status = crate::domain::report::Status::Done;
    let text = crate::domain::render::to_text(&generate(&t, &r));
    assert!(text.contains("召开支部委员会会议专题研究意识形态工作") && !text.contains("党组会议"), "{text}");
}

#[test]
fn addressee_and_closing_frame_the_unit_report() {
    let t = Template::default_template();
    let mut r = Report { unit: "局党组".into(), year: 2026, ..Report::new("a", 0.0) };
    let bare = generate(&t, &r);
    assert!(!bare.blocks.iter().any(|b| matches!(b, Block::Addressee(_))));
    // Without a 成文日期 the 落款 keeps a visible placeholder for the date.
    let n = bare.blocks.len();
    assert_eq!(
        bare.blocks[n - 3..],
        [Block::Paragraph(SIGN_OFF.into()), Block::Closing("局党组".into()), Block::Closing(DATE_PLACEHOLDER.into())]
    );
    r.recipient = " 中共××县委宣传部 ".into();
    r.dated = "2026-06-18".into();
    let doc = generate(&t, &r);
    assert_eq!(doc.blocks.first(), Some(&Block::Addressee("中共××县委宣传部：".into())));
    let n = doc.blocks.len();
    assert_eq!(doc.blocks[n - 2..], [Block::Closing("局党组".into()), Block::Closing("2026年6月18日".into())]);
    let text = to_text(&doc);
    assert!(
        text.starts_with("局党组关于2026年度落实意识形态工作责任制情况的报告\n\n中共××县委宣传部：\n　　"),
        "{text}"
    );
    assert!(text.ends_with("\n　　特此报告。\n\n局党组\n2026年6月18日\n"), "{text}");
    // An impossible date is no date: the placeholder stands, never a wrong day.
    r.dated = "2026-02-30".into();
    assert_eq!(generate(&t, &r).blocks.last(), Some(&Block::Closing(DATE_PLACEHOLDER.into())));
    // A self-assessment has neither.
    r.kind = ReportKind::Personal;
    assert!(!generate(&t, &r).blocks.iter().any(|b| matches!(b, Block::Closing(_)) || b.text() == SIGN_OFF));
}

/// The guiding-thought line is the one in force on the last day of the period: a 2022年上半年
/// report cites 十九大, a 2022年下半年 or 2022年度 one 二十大.
#[test]
fn the_guidance_follows_the_end_of_the_period() {
    use crate::domain::report::Period;
    let t = Template::default_template();
    let opening = |year, period| {
        let mut r = Report { unit: "局党组".into(), year, period, ..Report::default() };
        r.answer_mut("special-study").status = Status::Done;
        generate(&t, &r).blocks.iter().map(Block::text).find(|l| l.contains("指导")).unwrap_or_default()
    };
    assert!(opening(2022, Period::FirstHalf).contains("党的十九大和十九届历次全会精神"));
    for p in [Period::SecondHalf, Period::Year, Period::Quarter { quarter: 4 }] {
        let o = opening(2022, p);
        assert!(o.contains("党的二十大精神") && !o.contains("十九"), "{p:?}: {o}");
    }
    assert!(!opening(2022, Period::Quarter { quarter: 3 }).contains("二十大"));
    assert!(opening(2023, Period::Year).contains("二十届二中全会精神，全面贯彻习近平文化思想"));
    assert!(!opening(2023, Period::FirstHalf).contains("文化思想"));
}

/// Past eight points under one heading, the rest are joined: eight runs as even as can be,
/// the longer last, leads joined and every text kept in order.
#[test]
fn points_past_eight_are_joined_into_runs() {
    let points = |n: usize| -> Points { (1..=n).map(|i| (format!("做法{i}。"), format!("内容{i}。"))).collect() };
    let ids = |p: Points| -> IdPoints { p.into_iter().enumerate().map(|(i, p)| (format!("#{}", i + 1), p)).collect() };
    let merge_points = |p: AreaPoints, join: char| merge_points(p, &[], join);
    assert_eq!(merge_points(one_area(ids(points(8))), '、'), points(8));
    let twelve = merge_points(one_area(ids(points(12))), '、');
    assert_eq!(twelve.len(), MAX_POINTS);
    assert_eq!(twelve[3], ("做法4。".to_string(), "内容4。".to_string()));
    assert_eq!(twelve[4], ("做法5、做法6。".to_string(), "内容5。内容6。".to_string()));
    assert_eq!(twelve[7], ("做法11、做法12。".to_string(), "内容11。内容12。".to_string()));
    let forty = merge_points(one_area(ids(points(40))), '；');
    assert_eq!(forty.len(), MAX_POINTS);
    assert!(forty[0].0.starts_with("做法1；做法2；做法3；做法4"), "{}", forty[0].0);
    let all: String = forty.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(all, (1..=40).map(|i| format!("内容{i}。")).collect::<String>());
    // Areas: neighbours of one area are joined first, however the list runs.
    let areas = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3];
    let mixed: AreaPoints = areas.iter().zip(ids(points(13))).map(|(a, (id, p))| (*a, id, p)).collect();
    let leads: Vec<String> = merge_points(mixed, '；').into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        leads,
        [
            "做法1。",
            "做法2。",
            "做法3；做法4。",
            "做法5；做法6。",
            "做法7。",
            "做法8；做法9。",
            "做法10；做法11。",
            "做法12；做法13。"
        ]
        .map(String::from),
        "no run crosses from one area to the next"
    );
    // A text without a closing mark is closed before the next; an empty lead is skipped.
    let odd = one_area(ids(vec![("".to_string(), "甲".to_string()); 9]));
    assert_eq!(merge_points(odd, '、')[7], (String::new(), "甲。甲".to_string()));

    // In a report: a whole section done gives at most eight points under its heading.
    let t = Template::default_template();
    let mut r = Report { unit: "局党组".into(), ..Report::default() };
    for (_, i) in t.items() {
        r.answer_mut(&i.id).status = Status::Done;
    }
    let doc = generate(&t, &r);
    let mut run = 0;
    for b in &doc.blocks {
        run = if matches!(b, Block::Point { .. }) { run + 1 } else { 0 };
        assert!(run <= MAX_POINTS, "{}", b.text());
    }
    assert!(doc.blocks.iter().any(|b| b.text().starts_with("八是纳入述职检查、强化考核问责。")), "{}", to_text(&doc));
}

/// A report with nothing done whose problems the user removed does not stop at 报告如下：
/// it says what the self-check found, naming what was not done.
#[test]
fn a_report_never_stops_at_its_opening() {
    let t = Template::default_template();
    let mut r = Report { unit: "局党组".into(), year: 2026, problems: Some(vec![]), ..Report::default() };
    let body = |r: &Report| -> Vec<String> {
        generate(&t, r)
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_) | Block::Point { .. }))
            .map(Block::text)
            .collect()
    };
    let lines = body(&r);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].ends_with("报告如下："));
    assert_eq!(lines[1], "经对照意识形态工作责任制逐项自查，局党组2026年度暂无需要专门报告的工作情况。");
    assert_eq!(lines[2], SIGN_OFF);
    r.answer_mut("special-study").status = Status::NotDone;
    r.answer_mut("forum-filing").status = Status::NotDone;
    r.answer_mut("lead-group").status = Status::NotApplicable;
    let lines = body(&r);
    assert_eq!(
        lines[1],
        "经对照意识形态工作责任制逐项自查，局党组2026年度尚未开展以下工作：专题研究意识形态工作；\
         审批备案报告会、研讨会、讲座论坛。下一步将逐项研究部署，抓紧落实。"
    );
    r.kind = ReportKind::Personal;
    let mut t2 = t.clone();
    t2.personal.causes = vec![].into();
    r.last_year = "上年度查摆的问题已整改到位。".into();
    let lines: Vec<String> = generate(&t2, &r).blocks.iter().map(Block::text).collect();
    // The opening, last year's rectification, what was not done, the closing line.
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(lines[2], "上年度查摆的问题已整改到位。");
    assert!(lines[3].contains("本人2026年度尚未开展以下工作：专题研究意识形态工作"), "{lines:?}");
    assert!(lines[4].starts_with("今后，本人将以这次民主生活会为新的起点"), "{lines:?}");
}

/// No two points that can stand next to each other repeat a phrase of eight or more Han
/// characters (`text::shared_phrase`): any two items of one section can be neighbours under
/// its heading (the ones between may be skipped), and any two problems or measures in their
/// lists. Checked for every level and several periods, both kinds, done and partly done,
/// not done and partly.
#[test]
fn no_two_points_that_can_be_neighbours_repeat_a_phrase() {
    use crate::domain::text::shared_phrase;
    let t = Template::default_template();
    let names = t.level_names();
    let mut found = Vec::new();
    // Eight characters running as they stand, before names and terms are left out: two texts
    // that share none of these share no phrase, so most pairs need no closer look.
    let windows = |text: &str| -> std::collections::HashSet<Vec<char>> {
        let chars: Vec<char> = text.chars().collect();
        chars.windows(8).map(|w| w.to_vec()).collect()
    };
    let mut pairwise = |what: &str, texts: &[(String, String)]| {
        let sets: Vec<_> = texts.iter().map(|(_, text)| windows(text)).collect();
        for (i, (a_id, a)) in texts.iter().enumerate() {
            for (j, (b_id, b)) in texts.iter().enumerate().skip(i + 1) {
                if b_id == a_id || sets[i].is_disjoint(&sets[j]) {
                    continue;
                }
                if let Some(p) = shared_phrase(a, b, 8, &names) {
                    found.push(format!("{what}: {a_id} / {b_id}: {p}"));
                }
            }
        }
    };
    use crate::domain::report::Period;
    let periods = [Period::Year, Period::FirstHalf, Period::Quarter { quarter: 3 }];
    // Every level, whose words (科室, 党小组, 网格, 村民小组…) stand inside the wording; a unit
    // named without a level too.
    let units = [("局党组", None), ("", None)]
        .into_iter()
        .chain(crate::domain::template::Level::ALL.into_iter().map(|l| ("县某某单位", Some(l))));
    for ((unit, level), period) in units.zip(periods.into_iter().cycle()) {
        for kind in [ReportKind::Unit, ReportKind::Personal] {
            for figures in [false, true].into_iter().filter(|f| !f || unit == "局党组") {
                let report = |status: Status| {
                    let mut r = Report { unit: unit.into(), kind, period, level, ..Report::default() };
                    for (_, i) in t.items() {
                        let a = r.answer_mut(&i.id);
                        a.status = status;
                        for f in i.fields.iter() {
                            if figures && matches!(f.kind, crate::domain::template::FieldKind::Count { .. }) {
                                a.values.insert(f.id.to_string(), "3".into());
                            }
                        }
                    }
                    r
                };
                let tag = format!("{unit} {level:?} {period:?} {kind:?} figures={figures}");
                // Done and partly done items of one section can be neighbours too.
                let (done, partly) = (report(Status::Done), report(Status::Partly));
                for s in t.sections.iter() {
                    let points: Vec<(String, String)> = [&done, &partly]
                        .into_iter()
                        .flat_map(|r| {
                            s.items
                                .iter()
                                .filter_map(|i| item_point(&t, r, i).map(|(_, text)| (i.id.to_string(), text)))
                        })
                        .collect();
                    pairwise(&format!("{tag} {}", s.id), &points);
                }
                // One item 未落实 can stand next to another 部分落实: both wordings of every
                // item go into one list (an item is never next to itself).
                let (mut probs, mut plans) = (Vec::new(), Vec::new());
                for status in [Status::NotDone, Status::Partly] {
                    let list = suggested_problems(&t, &report(status));
                    for ((_, i), p) in t.items().zip(list) {
                        probs.push((i.id.to_string(), p.problem));
                        plans.push((i.id.to_string(), p.plan));
                    }
                }
                pairwise(&format!("{tag} problems"), &probs);
                pairwise(&format!("{tag} measures"), &plans);
                let general = suggested_problems(&t, &report(Status::Done));
                let probs: Vec<(String, String)> =
                    general.iter().enumerate().map(|(n, p)| (format!("general {n}"), p.problem.clone())).collect();
                pairwise(&format!("{tag} general problems"), &probs);
                let plans: Vec<(String, String)> =
                    general.iter().enumerate().map(|(n, p)| (format!("general {n}"), p.plan.clone())).collect();
                pairwise(&format!("{tag} general measures"), &plans);
            }
        }
    }
    let causes: Vec<(String, String)> =
        t.personal.causes.iter().map(|c| (c.lead.to_string(), format!("{}。{}", c.lead, c.text))).collect();
    pairwise("causes", &causes);
    found.dedup();
    assert!(found.is_empty(), "{} repeated phrases:\n{}", found.len(), found.join("\n"));
}

fn text_of(r: &Report) -> String {
    to_text(&generate(&Template::default_template(), r))
}

/// The 主要做法 part of a unit report's text.
fn work_part(text: &str) -> &str {
    let start = text.find("主要做法").unwrap_or(0);
    let end = text.find("存在的问题").unwrap_or(text.len());
    &text[start..end.max(start)]
}

#[test]
fn a_branch_has_no_center_group_and_speaks_of_its_members() {
    use crate::domain::template::Level;
    let mut r = Report { unit: "机关第一党支部".into(), ..Report::new("a", 0.0) };
    for id in ["first-topic", "center-group-plan", "center-group-study", "staff-study", "study-articles"] {
        r.answer_mut(id).status = Status::Done;
    }
    r.answer_mut("one-post-two-duties").status = Status::Partly;
    let text = text_of(&r);
    assert!(!text.contains("中心组"), "a 党支部 has no 中心组, whatever was marked: {text}");
    assert!(!text.contains("干部职工") && !text.contains("科室") && !text.contains("班子"), "{text}");
    assert!(text.contains("组织全体党员开展理论学习") && text.contains("支部委员会会议"), "{text}");
    // The same answers for a 党组 name the 中心组 it has.
    r.level = Some(Level::PartyGroup);
    let text = text_of(&r);
    assert!(text.contains("作为党组会议、中心组学习的“第一议题”"), "{text}");
    assert!(text.contains("印发理论学习中心组年度学习计划") && text.contains("组织全体干部职工开展理论学习"), "{text}");
}

#[test]
fn a_community_speaks_of_residents_and_its_own_ethos() {
    use crate::domain::template::Level;
    let mut r = Report { unit: "红旗社区".into(), ..Report::new("a", 0.0) };
    assert_eq!(r.level(), Level::Community);
    for id in ["core-values", "volunteer", "moral-lecture", "staff-study"] {
        r.answer_mut(id).status = Status::Done;
    }
    r.answer_mut("civic-morality").status = Status::NotDone;
    let text = text_of(&r);
    assert!(text.contains("社区风气") && text.contains("党员群众"), "{text}");
    assert!(!text.contains("单位风气") && !text.contains("干部职工"), "{text}");
    assert!(text.contains("召开社区党组织会议") || !text.contains("会议专题研究"), "{text}");
    // A 社区党支部 names its body.
    r.unit = "红旗社区党支部".into();
    r.answer_mut("special-study").status = Status::Done;
    assert!(text_of(&r).contains("召开支部委员会会议专题研究"), "{}", text_of(&r));
}

#[test]
fn the_body_follows_the_chosen_level_unless_the_name_agrees() {
    use crate::domain::template::Level;
    let mut r = Report { unit: "街道党工委".into(), ..Report::new("a", 0.0) };
    r.answer_mut("special-study").status = Status::Done;
    assert!(text_of(&r).contains("召开党工委会议"));
    r.level = Some(Level::PartyCommittee);
    assert!(text_of(&r).contains("召开党工委会议"), "the name agrees with the level");
    r.level = Some(Level::Branch);
    assert!(text_of(&r).contains("召开支部委员会会议"), "the level chosen against the name wins");
    r.unit = "县档案馆".into();
    r.level = None;
    assert!(text_of(&r).contains("召开党组（党委）会议"), "as before when nothing says");
}

#[test]
fn words_naming_another_items_work_say_only_what_the_answers_say() {
    let mut r = Report { unit: "局党组".into(), ..Report::new("a", 0.0) };
    r.answer_mut("first-topic").status = Status::Done;
    r.answer_mut("study-articles").status = Status::Done;
    r.answer_mut("center-group-study").status = Status::NotDone;
    let text = text_of(&r);
    assert!(!work_part(&text).contains("中心组"), "not done, so not claimed: {text}");
    assert!(text.contains("尚未开展理论学习中心组集体学习"), "{text}");

    // With the 中心组 marked 不适用, no plan prescribes its study rules either.
    let mut r = Report { unit: "局党组".into(), ..Report::new("b", 0.0) };
    r.answer_mut("center-group-study").status = Status::NotApplicable;
    r.answer_mut("special-study").status = Status::Done;
    let text = text_of(&r);
    assert!(!text.contains("中心组"), "{text}");
    r.answer_mut("center-group-study").status = Status::Partly;
    assert!(text_of(&r).contains("中心组"));

    // 领导小组 is planned only where the unit has one, or will.
    let mut r = Report { unit: "局党组".into(), ..Report::new("c", 0.0) };
    r.answer_mut("one-post-two-duties").status = Status::Partly;
    r.answer_mut("lead-group").status = Status::NotApplicable;
    assert!(!text_of(&r).contains("领导小组"), "{}", text_of(&r));
    r.answer_mut("lead-group").status = Status::NotDone;
    assert!(text_of(&r).contains("每半年向领导小组报告"), "{}", text_of(&r));
}

#[test]
fn the_opening_and_the_problems_lead_claim_what_was_done() {
    use crate::domain::template::Band;
    assert_eq!(Band::of(8, 0, 10), Band::Most);
    assert_eq!(Band::of(7, 2, 10), Band::Most);
    assert_eq!(Band::of(7, 1, 10), Band::Some);
    assert_eq!(Band::of(0, 8, 10), Band::Some);
    assert_eq!(Band::of(3, 2, 10), Band::Some);
    assert_eq!(Band::of(3, 1, 10), Band::Few);
    assert_eq!(Band::of(3, 0, 10), Band::Few);
    assert_eq!(Band::of(0, 0, 0), Band::Most, "nothing answered claims as before");
    let t = Template::default_template();
    let mut r = Report { unit: "局党组".into(), ..Report::new("a", 0.0) };
    for (_, i) in t.items() {
        r.answer_mut(&i.id).status = Status::NotDone;
    }
    r.answer_mut("staff-study").status = Status::Done;
    let text = text_of(&r);
    assert!(!text.contains("有力的思想保证") && !text.contains("取得了一定成效"), "{text}");
    assert!(text.contains("多项工作尚未开展") && text.contains("还有较大差距"), "{text}");
}

/// An item 未落实 gets wording that assumes no work; 部分落实 keeps what falls short.
#[test]
fn a_missing_item_is_not_told_to_improve_what_it_never_had() {
    let mut r = Report { unit: "局党组".into(), ..Report::new("a", 0.0) };
    r.answer_mut("lead-group").status = Status::NotDone;
    r.answer_mut("duty-list").status = Status::NotDone;
    let text = text_of(&r);
    assert!(!text.contains("调整后未及时充实") && !text.contains("修订完善责任清单"), "{text}");
    assert!(text.contains("尚未建立意识形态工作领导小组") && text.contains("制定意识形态工作责任清单"), "{text}");
    r.answer_mut("duty-list").status = Status::Partly;
    assert!(text_of(&r).contains("修订完善责任清单"));
    r.kind = ReportKind::Personal;
    let text = text_of(&r);
    assert!(text.contains("本单位尚未成立意识形态工作领导小组") && text.contains("本人"), "{text}");
}

/// A level's missing items stay out of every part of the report: the areas problems are
/// grouped by, and the sentence that names what was not done when nothing else is left.
#[test]
fn items_a_level_lacks_stay_out_of_grouping_and_of_the_not_done_sentence() {
    let mut r = Report { unit: "机关第一党支部".into(), ..Report::new("a", 0.0) };
    r.answer_mut("center-group-study").status = Status::NotDone;
    r.answer_mut("center-group-plan").status = Status::NotDone;
    r.answer_mut("special-study").status = Status::NotDone;
    r.problems = Some(Vec::new());
    let text = text_of(&r);
    assert!(text.contains("尚未开展以下工作：专题研究意识形态工作。"), "{text}");
    assert!(!text.contains("中心组"), "{text}");
    // Gaps over two areas: each area's problems are grouped on their own.
    let mut r = Report { unit: "机关第一党支部".into(), ..Report::new("b", 0.0) };
    let t = Template::default_template();
    for (_, i) in t.items().take(14) {
        r.answer_mut(&i.id).status = Status::NotDone;
    }
    let doc = generate(&t, &r);
    let problems: Vec<String> = doc
        .blocks
        .iter()
        .skip_while(|b| !matches!(b, Block::Heading1 { text, .. } if text == "存在的问题"))
        .take_while(|b| !matches!(b, Block::Heading1 { text, .. } if text == "下一步工作打算"))
        .filter_map(|b| match b {
            Block::Point { lead, .. } => Some(lead.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(problems.len(), 8, "{problems:?}");
    // The one 理论学习 gap (第一议题; the 中心组 plan is not a branch's) stays a point of its
    // own rather than joined to the last 组织领导 gap.
    assert_eq!(problems.last().map(String::as_str), Some("尚未落实“第一议题”制度。"), "{problems:?}");
}

/// A self-assessment analyses the causes of the problems it lists, not every cause there is.
#[test]
fn a_self_assessment_analyses_the_causes_of_its_own_problems() {
    let mut r = Report { unit: "局党组".into(), kind: ReportKind::Personal, ..Report::new("a", 0.0) };
    r.answer_mut("staff-study").status = Status::Partly;
    let causes = |r: &Report| {
        let doc = generate(&Template::default_template(), r);
        doc.blocks
            .iter()
            .skip_while(|b| !matches!(b, Block::Heading1 { text, .. } if text == "问题产生的原因"))
            .skip(1)
            .take_while(|b| !matches!(b, Block::Heading1 { .. }))
            .filter_map(|b| match b {
                Block::Point { lead, .. } => Some(lead.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(causes(&r), ["理想信念有所松懈。"], "a gap in study, a cause in study");
    r.answer_mut("early-signs").status = Status::NotDone;
    assert_eq!(causes(&r), ["理想信念有所松懈。", "党性修养有所放松。"]);
    r.answer_mut("duty-list").status = Status::NotDone;
    assert_eq!(causes(&r).len(), 4, "组织领导 gaps bring both of its causes: {:?}", causes(&r));
    // The user's own problems, or none from the items: every cause.
    let mut own = Report { unit: "局党组".into(), kind: ReportKind::Personal, ..Report::new("b", 0.0) };
    assert_eq!(causes(&own).len(), 4);
    own.answer_mut("staff-study").status = Status::Partly;
    own.problems =
        Some(vec![ProblemPlan {
            problem: "斗争精神不强。".into(), plan: "加强学习。".into(), ..Default::default()
        }]);
    assert_eq!(causes(&own).len(), 4);
}

/// Problems placed under the meeting's aspects are listed by aspect, in the aspects'
/// order, each with its own 一是; those placed under none come last under 其他方面; the
/// measures stay one list. With no problem placed, the list is as before.
#[test]
fn a_personal_report_lists_problems_under_the_aspects_they_are_placed_under() {
    let t = crate::domain::builtin::checklist("default");
    let mut r =
        Report {
            unit: "局党组".into(), person: "张三".into(), kind: ReportKind::Personal, ..Report::new("a", 0.0)
        };
    let aspects = crate::domain::builtin::REFERENCES.theme(2024, "民主生活会").unwrap().aspects.join("\n");
    let pair = |problem: &str, plan: &str, aspect: &str| ProblemPlan {
        problem: problem.into(),
        plan: plan.into(),
        aspect: aspect.into(),
    };
    r.problems = Some(vec![
        pair("学习不够深入。", "完善学习计划。", "带头增强党性、严守纪律规矩"),
        pair("斗争精神不强。", "敢于亮剑。", ""),
        pair("舆情应对不及时。", "建立研判机制。", "带头强化政治忠诚、提高政治能力"),
        pair("阵地管理有漏洞。", "落实审核制度。", "带头增强党性、严守纪律规矩"),
    ]);
    let flat = to_text(&generate(t, &r));
    assert!(!flat.contains("方面\n"), "no aspects typed: one list\n{flat}");
    r.aspects = format!("{aspects}\n");
    let text = to_text(&generate(t, &r));
    let part = &text[text.find("存在的主要问题").unwrap()..text.find("问题产生的原因").unwrap()];
    let lines: Vec<&str> = part.lines().map(|l| l.trim_start_matches('　')).collect();
    assert_eq!(
        lines[2..9],
        [
            "（一）在带头强化政治忠诚、提高政治能力方面",
            "一是舆情应对不及时。",
            "（二）在带头增强党性、严守纪律规矩方面",
            "一是学习不够深入。",
            "二是阵地管理有漏洞。",
            "（三）其他方面",
            "一是斗争精神不强。",
        ],
        "{part}"
    );
    let measures = &text[text.find("整改措施").unwrap()..];
    assert!(measures.contains("一是完善学习计划") && measures.contains("四是落实审核制度"), "{measures}");
    // A unit report has no aspects.
    r.kind = ReportKind::Unit;
    assert!(!to_text(&generate(t, &r)).contains("方面\n"));
    assert_eq!(aspect_heading("在带头干事创业、敢作善为方面。"), "在带头干事创业、敢作善为方面");
    assert_eq!(aspect_heading(" 带头干事创业、敢作善为 "), "在带头干事创业、敢作善为方面");
}

/// More than eight problems under one aspect are joined within it, and 核对 offers the
/// choice for that aspect and for the measures, which stay one list.
#[test]
fn problems_under_one_aspect_past_eight_are_joined_within_it() {
    let t = crate::domain::builtin::checklist("default");
    let mut r = Report {
        unit: "局党组".into(),
        kind: ReportKind::Personal,
        aspects: "带头干事创业、敢作善为".into(),
        ..Report::new("a", 0.0)
    };
    r.problems = Some(
        (1..=10)
            .map(|n| ProblemPlan {
                problem: format!("第{n}个问题。"),
                plan: format!("第{n}条措施。"),
                aspect: "带头干事创业、敢作善为".into(),
            })
            .collect(),
    );
    let choices = merge_choices(t, &r);
    let headings: Vec<&str> = choices.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(headings, ["存在的主要问题：在带头干事创业、敢作善为方面", "整改措施"]);
    assert!(choices.iter().all(|c| c.key == PROBLEMS_KEY && c.points.len() == 10 && c.groups.len() == MAX_POINTS));
    let text = to_text(&generate(t, &r));
    let part = &text[text.find("（一）在带头干事创业").unwrap()..text.find("问题产生的原因").unwrap()];
    assert!(part.contains("八是") && !part.contains("九是") && part.contains("第10个问题"), "{part}");
}
