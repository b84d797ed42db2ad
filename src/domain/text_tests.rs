//! Tests of `text`, beside it to keep the module short.

use super::*;

#[test]
fn converts_half_width_punctuation_and_spaces() {
    assert_eq!(clean_inline("开展学习 9 次, 参学率达98% ."), "开展学习9次，参学率达98%。");
    assert_eq!(clean_inline("召开会议(专题)：研究;部署"), "召开会议（专题）：研究；部署");
    assert_eq!(clean_inline("使用 Windows 10 系统"), "使用Windows 10系统");
    assert_eq!(clean_inline("上午10:30召开, 共1,200人"), "上午10:30召开，共1200人");
    assert_eq!(clean_inline("学习\"两个确立\""), "学习“两个确立”");
}

/// Regression: every comma between digits was dropped, so “2022,2023年” became
/// “20222023年” and “第1,2次” became “第12次”.
#[test]
fn a_comma_between_numbers_is_dropped_only_as_a_thousands_separator() {
    assert_eq!(clean_inline("2022,2023年"), "2022，2023年");
    assert_eq!(clean_inline("第1,2次会议"), "第1，2次会议");
    assert_eq!(clean_inline("共1,200人，12,345,678元"), "共1200人，12345678元");
    assert_eq!(clean_inline("1,2345"), "1，2345");
}

#[test]
fn drops_doubled_marks_and_leading_marks() {
    assert_eq!(clean_inline("占领舆论阵地。，在院内"), "占领舆论阵地。在院内");
    assert_eq!(clean_inline("，，开展活动，，共3次，。"), "开展活动，共3次。");
    assert_eq!(clean_inline("参学率达98% 。"), "参学率达98%。");
}

/// Regression: typed `...` became `………` (one ellipsis character per dot); GB/T 15834 writes
/// the ellipsis as two, `……`, whatever was typed for it.
#[test]
fn an_ellipsis_is_two_ellipsis_characters() {
    assert_eq!(clean_inline("学习、讨论..."), "学习、讨论……");
    assert_eq!(clean_inline("学习、讨论.."), "学习、讨论……");
    assert_eq!(clean_inline("学习、讨论......等"), "学习、讨论……等");
    assert_eq!(clean_inline("学习、讨论………"), "学习、讨论……");
    assert_eq!(clean_inline("学习、讨论……"), "学习、讨论……");
    assert_eq!(clean_sentence("开展学习..."), "开展学习……");
    assert_eq!(clean_inline("版本2.1.3"), "版本2.1.3");
    // What tidying writes, the checker passes.
    let rules = crate::domain::proof::RuleSet::builtin();
    for typed in ["学习、讨论...", "学习、讨论......等", "学习、讨论………"] {
        let tidied = clean_sentence(typed);
        assert!(crate::domain::proof::check(&rules, &tidied, &Default::default()).is_empty(), "{tidied}");
    }
}

#[test]
fn removes_control_and_invisible_characters() {
    assert_eq!(clean_inline("学习\u{0}\u{7}强国\u{200B}\u{202E}平台\r\n使用"), "学习强国平台使用");
}

#[test]
fn sentences_end_with_a_full_stop() {
    assert_eq!(clean_sentence("开展志愿服务3次"), "开展志愿服务3次。");
    assert_eq!(clean_sentence("开展志愿服务3次，"), "开展志愿服务3次。");
    assert_eq!(clean_sentence("是否到位？"), "是否到位？");
    assert_eq!(clean_sentence("提出“守土有责。”"), "提出“守土有责。”");
    assert_eq!(clean_sentence("   "), "");
}

#[test]
fn clean_text_is_returned_as_it_is() {
    for s in ["开展学习9次，参学率达98%。", "网络舆情应对", "“第一议题”制度", "Windows10系统"]
    {
        assert!(is_clean(s), "{s}");
        assert_eq!(clean_inline(s), s);
    }
    for s in [" 学习", "学习 ", "，学习", "学习。，", "a,b", "学习\u{200B}"] {
        assert!(!is_clean(s), "{s}");
    }
}

/// The previous implementation (every character decoded, a vector of characters, one
/// push each), kept as the oracle for the one-pass version. It shares only `tidy_one`
/// (what one mark becomes) and `push_mark` with it, not the scanning.
#[cfg(not(target_arch = "wasm32"))]
fn char_by_char(raw: &str) -> String {
    let mut prev_mark = true;
    let clean = raw.chars().all(|c| {
        let bad = c.is_whitespace()
            || c.is_control()
            || is_invisible(c)
            || is_half_width_punct(c)
            || (is_mark(c) && prev_mark);
        prev_mark = is_mark(c);
        !bad
    });
    if clean {
        return raw.to_string();
    }
    let chars: Vec<char> = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect();
    let mut out = String::new();
    let mut open_quote = true;
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' && !is_half_width_punct(c) && !is_mark(c) && !is_fullwidth_punct(c) {
            out.push(c);
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let rest: String = chars[i + 1..].iter().collect();
        if let Some(m) = tidy_one(c, prev, &rest, &out, &mut open_quote) {
            push_mark(&mut out, m);
        }
    }
    let start = out.len() - out.trim_start_matches(|c: char| is_mark(c) || c == ' ').len();
    out.truncate(out.trim_end().len());
    out.drain(..start);
    out
}

/// Every character there is, between Han characters and between digits: the byte
/// table in `notable` must stop at each one tidying cares about.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn one_pass_matches_char_by_char_for_every_character() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        for text in [format!("学{c}习"), format!("9{c}9")] {
            assert_eq!(clean_inline(&text), char_by_char(&text), "U+{:04X}", c as u32);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
    #[test]
    fn one_pass_matches_char_by_char(
        chars in proptest::collection::vec(proptest::sample::select(vec![
            '学', '习', '会', '9', '1', '0', 'a', 'W', ',', ';', ':', '(', ')', '?', '!', '.', '"', ' ',
            '\u{3000}', '\n', '\t', '\r', '\u{0}', '\u{7}', '\u{200B}', '\u{FEFF}', '，', '。', '；', '：',
            '、', '！', '？', '…', '．', '､', '“', '”', '（', '）', '《', '》', '%',
            '\u{85}', '\u{A0}', '\u{1680}', '\u{2003}', '\u{2028}', '\u{202E}', '\u{2060}', '\u{7F}',
            '〇', '【', '〕', 'é', '￥', '—',
        ]), 0..40)
    ) {
        let raw: String = chars.into_iter().collect();
        proptest::prop_assert_eq!(clean_inline(&raw), char_by_char(&raw), "{:?}", raw);
    }
}

#[test]
fn values_lose_their_final_mark() {
    assert_eq!(clean_value("网络舆情应对。"), "网络舆情应对");
}

/// Regression: tidying kept the bidi isolates (U+2066–U+2069) that backup import removed,
/// so typed text could be reordered where imported text could not.
#[test]
fn every_invisible_character_is_removed_from_typed_text() {
    for c in ['\u{200B}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}', '\u{2064}', '\u{FEFF}']
        .into_iter()
        .chain('\u{2066}'..='\u{2069}')
    {
        assert!(is_invisible(c), "U+{:04X}", c as u32);
        assert_eq!(clean_inline(&format!("学习{c}强国")), "学习强国", "U+{:04X}", c as u32);
        assert_eq!(clean_sentence(&format!("{c}开展学习{c}")), "开展学习。", "U+{:04X}", c as u32);
    }
    for c in ['\u{2065}', '\u{206A}', '学', 'a', ' '] {
        assert!(!is_invisible(c), "U+{:04X}", c as u32);
    }
}

#[test]
fn file_name_parts_keep_what_every_system_accepts() {
    assert_eq!(file_name_part("局党组/机关:第一*支部", 40), "局党组机关第一支部");
    assert_eq!(file_name_part(" a<b>:c\"d/e\\f|g?h*\u{7} ", 40), "abcdefgh");
    assert_eq!(file_name_part("局\u{2067}党组\u{200B}\u{FEFF}", 40), "局党组");
    assert_eq!(file_name_part("机关\u{3000}第一\t支部", 40), "机关 第一支部");
    assert_eq!(file_name_part(". .hidden ", 40), "hidden");
    assert_eq!(file_name_part(&"长".repeat(50), 40), "长".repeat(40));
    assert_eq!(file_name_part("局党组 机关", 4), "局党组");
    assert_eq!(file_name_part("", 40), "");
}

#[test]
fn escaping_suits_xml_and_html_text_and_attributes() {
    assert_eq!(escape_markup("<b>&\"'</b>"), "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;");
    assert_eq!(escape_markup("a\tb\nc\rd"), "a\tb\nc\rd");
    // Controls (C0 and C1) and the two characters XML 1.0 forbids are dropped.
    assert_eq!(escape_markup("a\u{0}\u{1b}\u{7f}\u{85}\u{fffe}\u{ffff}b"), "ab");
    assert_eq!(escape_markup("局党组“一岗双责”👍"), "局党组“一岗双责”👍");
}

#[test]
fn finds_a_phrase_two_texts_share() {
    let a = "按计划组织集体学习，把意识形态工作作为重要学习内容。";
    let b = "印发年度学习计划，把意识形态工作作为重要学习内容列入计划。";
    assert_eq!(shared_phrase(a, b, 8, &[]).as_deref(), Some("作为重要学习内容"));
    assert_eq!(
        shared_phrase("深入学习党的创新理论", "系统学习党的创新理论，", 8, &[]).as_deref(),
        Some("学习党的创新理论")
    );
    // Seven characters, or broken by a mark, or a fixed term: nothing.
    assert_eq!(shared_phrase("学习党的创新理", "学习党的创新理", 8, &[]), None);
    assert_eq!(shared_phrase("作为重要，学习内容", "作为重要，学习内容", 8, &[]), None);
    assert_eq!(shared_phrase("落实意识形态工作责任制", "落实意识形态工作责任制", 8, &[]), None);
    assert_eq!(
        shared_phrase("学习习近平新时代中国特色社会主义思想", "学习习近平新时代中国特色社会主义思想", 8, &[]),
        None
    );
    assert_eq!(shared_phrase("甲乙", "甲乙", 0, &[]), None);
    // Names are not wording: the parts a village is divided into, say.
    let (a, b) = ("督促分管村民小组落实管理责任", "督促分管村民小组及时报送信息");
    assert_eq!(shared_phrase(a, b, 8, &[]).as_deref(), Some("督促分管村民小组"));
    assert_eq!(shared_phrase(a, b, 8, &["村民小组", "村"]), None);
    // The words of a date are not wording.
    assert_eq!(shared_phrase("2026年上半年没有参加学习", "2026年上半年没有参加培训", 8, &[]), None);
    assert_eq!(
        shared_phrase("2026年度没有组织干部职工学习", "2026年度没有组织干部职工观看", 8, &[]).as_deref(),
        Some("没有组织干部职工")
    );
}
