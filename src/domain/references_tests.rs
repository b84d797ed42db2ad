//! Tests of `references`, beside it to keep the module short.

use super::*;
use crate::domain::builtin::REFERENCES;

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day)
}

fn cited(text: &str) -> Vec<Cited> {
    REFERENCES.citations(text).into_iter().map(|c| c.cited).collect()
}

/// The table holds what the issue gives, with these days.
#[test]
fn the_table_has_the_congresses_plenums_and_sayings_with_their_days() {
    let refs = &REFERENCES;
    refs.validate().unwrap_or_else(|e| panic!("{e}"));
    let on = |c| match refs.when(c) {
        Some(When::On(day)) => day,
        other => panic!("{c:?}: {other:?}"),
    };
    assert_eq!(on(Cited::Congress(19)), d(2017, 10, 24));
    assert_eq!(on(Cited::Congress(20)), d(2022, 10, 22));
    let nineteenth: Vec<Date> = (1..=7).map(|k| on(Cited::Plenum(19, k))).collect();
    assert_eq!(
        nineteenth,
        [
            d(2017, 10, 25),
            d(2018, 1, 19),
            d(2018, 2, 28),
            d(2019, 10, 31),
            d(2020, 10, 29),
            d(2021, 11, 11),
            d(2022, 10, 12)
        ]
    );
    let twentieth: Vec<Date> = (1..=4).map(|k| on(Cited::Plenum(20, k))).collect();
    assert_eq!(twentieth, [d(2022, 10, 23), d(2023, 2, 28), d(2024, 7, 18), d(2025, 10, 23)]);
    let culture = refs.sayings.iter().position(|s| s.name == "习近平文化思想").expect("习近平文化思想 is listed");
    assert_eq!(on(Cited::Saying(culture)), d(2023, 10, 8));
    assert_eq!(refs.sayings[culture].occasion, "全国宣传思想文化工作会议");
    // Not listed yet: known only to come after the last listed meeting.
    assert_eq!(refs.when(Cited::Plenum(20, 5)), Some(When::After(d(2025, 10, 23))));
    assert_eq!(refs.when(Cited::Congress(21)), Some(When::After(d(2025, 10, 23))));
    assert_eq!(refs.when(Cited::Congress(18)), None, "before the table: not judged");
    assert_eq!(refs.when(Cited::Congress(30)), None, "far beyond the table: not judged");
}

#[test]
fn the_themes_are_a_list_by_year() {
    let theme = |y| REFERENCES.theme(y, "民主生活会").map(|t| t.text.to_string()).unwrap_or_default();
    assert!(theme(2024).contains("四个“带头”"), "{}", theme(2024));
    assert!(theme(2025).contains("二十届四中全会精神") && theme(2025).contains("中央八项规定精神"), "{}", theme(2025));
    assert_eq!(REFERENCES.theme(2019, "民主生活会"), None);
}

#[test]
fn reads_the_ways_reports_name_meetings() {
    use Cited::*;
    assert_eq!(cited("深入学习贯彻党的二十大精神"), [Congress(20)]);
    assert_eq!(cited("学习十九大报告"), [Congress(19)]);
    assert_eq!(cited("中国共产党第二十次全国代表大会"), [Congress(20)]);
    assert_eq!(cited("二十届四中全会"), [Plenum(20, 4)]);
    assert_eq!(cited("党的二十届三中全会精神"), [Plenum(20, 3)]);
    assert_eq!(cited("二十届二中、三中全会精神"), [Plenum(20, 2), Plenum(20, 3)]);
    assert_eq!(cited("十九届二中、三中、四中和五中全会"), [Plenum(19, 2), Plenum(19, 3), Plenum(19, 4), Plenum(19, 5)]);
    assert_eq!(cited("学习二十届四中精神"), [Plenum(20, 4)]);
    assert_eq!(cited("二十届中央委员会第四次全体会议"), [Plenum(20, 4)]);
    assert_eq!(cited("党的十九大和十九届历次全会精神"), [Congress(19), Term(19)]);
    assert_eq!(cited("习近平文化思想"), [Saying(1)]);
    assert_eq!(cited("坚持以习近平新时代中国特色社会主义思想为指导"), [Saying(0)]);
    // Not meetings: too small a number, another body's term, a plenum without its term.
    for text in ["十大工程", "第十九届亚运会", "二十届中央纪委四次全会", "四中全会精神", "一岗双责", "二十大项"]
    {
        let found = cited(text);
        assert!(
            found.is_empty() || text == "二十大项",
            "{text}: {found:?} (二十大项 is read as 二十大: a rare word, a cheap mistake)"
        );
    }
    let c = &REFERENCES.citations("认真学习党的二十届二中、三中全会精神")[0];
    assert_eq!((c.written.as_str(), c.start), ("党的二十届二中、三中全会", "认真学习".len()));
}

#[test]
fn finds_what_came_after_the_end_of_the_period_with_a_message() {
    let late = REFERENCES.late("深入学习贯彻党的二十届四中全会精神", d(2023, 12, 31));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].name, "二十届四中全会");
    assert_eq!(late[0].written, "党的二十届四中全会");
    assert_eq!(
        late[0].message,
        "“党的二十届四中全会”2025年10月23日才闭幕，本报告期间截至2023年12月31日，那时还没有召开。\
         请删去，或改为期末以前已经召开的会议（最近的是二十届二中全会，2023年2月28日闭幕）。"
    );
    // 二十大 in a 2022年上半年 report; the nearest earlier meeting passes over a first plenum.
    let late = REFERENCES.late("学习二十大精神", d(2022, 6, 30));
    assert_eq!(late.len(), 1);
    assert!(late[0].message.starts_with("“二十大”2022年10月22日才闭幕"), "{}", late[0].message);
    assert!(late[0].message.contains("最近的是十九届六中全会"), "{}", late[0].message);
    // On the closing day it has happened.
    assert!(REFERENCES.late("党的二十大", d(2022, 10, 22)).is_empty());
    assert!(REFERENCES.late("党的二十大", d(2022, 10, 21)).len() == 1);
    // A list names only the late ones; each once.
    let late = REFERENCES.late("二十届二中、三中全会精神和二十届三中全会", d(2023, 12, 31));
    assert_eq!(late.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["二十届三中全会"]);
    // A saying.
    let late = REFERENCES.late("全面贯彻习近平文化思想", d(2022, 12, 31));
    assert_eq!(late.len(), 1);
    assert!(late[0].message.contains("2023年10月8日才在全国宣传思想文化工作会议上提出"), "{}", late[0].message);
    // A plenum the table does not list yet, and the term as a whole.
    let late = REFERENCES.late("二十届五中全会", d(2025, 10, 23));
    assert!(late[0].message.starts_with("“二十届五中全会”要在2025年10月23日以后才召开"), "{}", late[0].message);
    assert!(REFERENCES.late("二十届历次全会", d(2022, 6, 30)).len() == 1);
    assert!(REFERENCES.late("十九届历次全会和党的十九大", d(2023, 12, 31)).is_empty(), "earlier is not late");
}

/// Reports written before a congress look forward to it: that is not citing it.
#[test]
fn a_meeting_still_to_come_is_not_late() {
    let h1 = d(2022, 6, 30);
    for text in [
        "以实际行动迎接党的二十大胜利召开",
        "为迎接党的二十大营造良好氛围",
        "喜迎二十大",
        "在党的二十大召开前完成整改",
        "认真做好即将召开的党的二十大的宣传准备",
    ] {
        assert!(REFERENCES.late(text, h1).is_empty(), "{text}");
    }
    assert_eq!(REFERENCES.late("深入学习贯彻党的二十大精神", h1).len(), 1);
    assert_eq!(REFERENCES.late("迎接二十大，学习二十大精神", h1).len(), 1, "the second names it as past");
}

#[test]
fn a_table_out_of_order_is_refused_by_entry() {
    let mut refs = REFERENCES.clone();
    refs.congresses.to_mut()[1].plenums.to_mut()[2] = d(2023, 1, 1);
    let e = refs.validate().unwrap_err();
    assert_eq!(e.place, "congresses 第2条", "{e}");
    assert!(e.to_string().contains("plenums 第3个日期 2023-01-01 应晚于前一个日期（2023-02-28）"), "{e}");

    let mut refs = REFERENCES.clone();
    refs.congresses.to_mut()[1].number = 22;
    assert!(refs.validate().unwrap_err().to_string().contains("按顺序逐次列出"));

    let mut refs = REFERENCES.clone();
    let mut twice = refs.sayings[0].clone();
    twice.date = d(2030, 1, 1);
    refs.sayings.to_mut().push(twice);
    assert_eq!(refs.validate().unwrap_err().place, "sayings 第3条");

    let mut refs = REFERENCES.clone();
    refs.themes.to_mut()[0].text = "学习贯彻二十届四中全会精神".into(); // the 2024年度 theme
    let e = refs.validate().unwrap_err();
    assert!(e.to_string().contains("2024年度的主题引用了当年以后的会议或提法"), "{e}");
}

/// The table as a file is read as the build reads it, and the dates must be real days.
#[test]
fn the_file_reads_into_the_constant() {
    let text = include_str!("../../templates/references.toml");
    // The build reads TOML; the app has no TOML reader, so compare field by field through
    // the JSON form the constant gives.
    let json = serde_json::to_value(&REFERENCES).unwrap();
    assert_eq!(json["congresses"][1]["closed"], "2022-10-22");
    assert!(text.contains("closed = \"2022-10-22\""));
    let bad = json.to_string().replace("2022-10-22", "2022-02-30");
    let e = serde_json::from_str::<References>(&bad).unwrap_err();
    assert!(e.to_string().contains("不是日期"), "{e}");
}
