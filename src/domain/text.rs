//! Tidies text the user typed so it can stand in an official document: full-width Chinese
//! punctuation, no stray spaces, no doubled marks, no control characters, sentences that
//! end properly. Numbers stay in Arabic digits and nothing is inserted around them (generic
//! CJK formatters add spaces around digits; that is wrong in 公文).

use std::borrow::Cow;

/// The characters of `s` that tidying may look at, with their byte offsets: ASCII controls,
/// spaces and punctuation, and every character whose UTF-8 form starts with C2, E1, E2, E3
/// or EF. Those lead bytes hold all the rest that tidying cares about (Latin-1 controls and
/// spaces, U+1680, general punctuation and invisible marks, CJK punctuation and U+3000,
/// full-width forms, U+FEFF). Everything else (Han characters, letters, digits) is stepped
/// over byte by byte without being decoded, which is what makes tidying Chinese text cheap.
fn notable(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if NOTABLE_BYTE[b as usize] {
                // An ASCII byte or a lead byte: a character starts here.
                let c = s[i..].chars().next()?;
                let at = i;
                i += c.len_utf8();
                return Some((at, c));
            }
            i += 1;
        }
        None
    })
}

/// The bytes at which [`notable`] stops, as a table: one lookup per byte of text.
const NOTABLE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    let others = [b' ', b',', b';', b':', b'(', b')', b'?', b'!', b'.', b'"', 0x7F, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < others.len() {
        t[others[k] as usize] = true;
        k += 1;
    }
    t
};

/// ASCII punctuation that tidying changes (or keeps only between digits).
fn is_half_width_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!' | '.' | '"')
}

/// True when `clean_inline` would return the text unchanged: no whitespace, control or
/// invisible characters, no half-width punctuation, no doubled marks, no leading mark.
/// Most typed Chinese is like this, so tidying it costs one pass and one copy.
fn is_clean(raw: &str) -> bool {
    let mut prev_mark = true; // a mark at the start is not clean
    let mut last_end = 0;
    for (at, c) in notable(raw) {
        if at > last_end {
            prev_mark = false; // an ordinary character came between
        }
        if c.is_whitespace() || c.is_control() || is_invisible(c) || is_half_width_punct(c) {
            return false;
        }
        let mark = is_mark(c);
        if mark && prev_mark {
            return false;
        }
        prev_mark = mark;
        last_end = at + c.len_utf8();
    }
    true
}

/// Cleans a phrase or sentences typed by the user, without forcing a final 。.
///
/// Text that needs tidying is scanned three times (the clean check, the check for odd
/// spaces and controls, the tidying itself), each stepping over ordinary characters without
/// decoding them (see [`notable`]); runs of ordinary characters are copied as slices, and
/// only spaces and punctuation are looked at one by one, with the characters either side.
pub fn clean_inline(raw: &str) -> String {
    if is_clean(raw) {
        return raw.to_string();
    }
    // Every kind of space becomes ' '; control and invisible characters go. Rare, so the
    // text is copied only when it has one.
    let text: Cow<str> =
        if notable(raw).any(|(_, c)| (c.is_whitespace() && c != ' ') || c.is_control() || is_invisible(c)) {
            Cow::Owned(
                raw.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !c.is_control() && !is_invisible(*c))
                    .collect(),
            )
        } else {
            Cow::Borrowed(raw)
        };
    let s: &str = &text;
    let mut out = String::with_capacity(s.len());
    let mut open_quote = true;
    let mut run = 0; // start of the characters not yet copied, which need nothing
    for (i, c) in notable(s) {
        // Most characters need nothing: not a space, not punctuation of either width.
        if c != ' ' && !is_half_width_punct(c) && !is_mark(c) && !is_fullwidth_punct(c) {
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        let prev = s[..i].chars().next_back();
        let rest = &s[run..];
        if let Some(m) = tidy_one(c, prev, rest, &out, &mut open_quote) {
            push_mark(&mut out, m);
        }
    }
    out.push_str(&s[run..]);
    // No punctuation may open the text.
    let start = out.len() - out.trim_start_matches(|c: char| is_mark(c) || c == ' ').len();
    out.truncate(out.trim_end().len());
    out.drain(..start);
    out
}

/// What a space or punctuation mark `c` becomes, given the character before it in the text
/// (`prev`), the text after it (`rest`) and what has been written so far (`out`); `None`
/// drops it. `open_quote` says whether the next straight quote opens or closes.
fn tidy_one(c: char, prev: Option<char>, rest: &str, out: &str, open_quote: &mut bool) -> Option<char> {
    let next = rest.chars().next();
    let digits_around = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    match c {
        ' ' => {
            // Keep one space only between two ASCII words (e.g. “Windows 10”).
            let p = out.chars().next_back();
            let n = rest.chars().find(|c| *c != ' ');
            if p.is_some_and(|p| p.is_ascii_alphanumeric())
                && n.is_some_and(|n| n.is_ascii_alphanumeric())
                && !out.ends_with(' ')
            {
                Some(' ')
            } else {
                None
            }
        }
        // 1,000 → 1000, but only a thousands separator: 2022,2023 and 1,2 are two numbers.
        ',' if digits_around && rest.chars().take_while(|c| c.is_ascii_digit()).count() == 3 => None,
        ',' => Some('，'),
        ';' => Some('；'),
        ':' if digits_around => Some(':'), // 10:30
        ':' => Some('：'),
        '(' => Some('（'),
        ')' => Some('）'),
        '?' => Some('？'),
        '!' => Some('！'),
        '.' if digits_around => Some('.'),
        '.' if next == Some('.') || prev == Some('.') => Some('…'),
        '.' if prev.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_some_and(|n| n.is_ascii_alphanumeric()) => {
            Some('.')
        }
        '.' => Some('。'),
        '"' => {
            let q = if *open_quote { '“' } else { '”' };
            *open_quote = !*open_quote;
            Some(q)
        }
        _ => Some(c),
    }
}

/// Cleans and ends with a sentence mark: for notes, problems and plans.
pub fn clean_sentence(raw: &str) -> String {
    let mut s = clean_inline(raw);
    while let Some(last) = s.chars().last() {
        if is_mark(last) && !is_terminal(last) {
            s.pop();
        } else {
            break;
        }
    }
    if s.is_empty() {
        return s;
    }
    let last = s.chars().last().unwrap_or('。');
    let ends_closed = matches!(last, '”' | '）' | '》' | '’') && {
        let before: Vec<char> = s.chars().rev().take(2).collect();
        before.get(1).is_some_and(|c| is_terminal(*c))
    };
    if !is_terminal(last) && !ends_closed {
        s.push('。');
    }
    s
}

/// A value for inside a sentence: cleaned, with no mark at its end.
pub fn clean_value(raw: &str) -> String {
    let mut s = clean_inline(raw);
    while s.chars().last().is_some_and(is_mark) {
        s.pop();
    }
    s
}

/// Appends a character, dropping or merging doubled punctuation (`。，` → `。`, `，，` → `，`).
fn push_mark(out: &mut String, c: char) {
    let prev = out.chars().last();
    if let Some(p) = prev {
        if is_mark(p) && is_mark(c) {
            if c == '…' && p == '…' {
                out.push(c);
                return;
            }
            // Keep a sentence end over a pause; otherwise keep the first mark.
            if is_terminal(c) && !is_terminal(p) {
                out.pop();
                out.push(c);
            }
            return;
        }
        // No space before full-width punctuation.
        if p == ' ' && (is_mark(c) || is_fullwidth_punct(c)) {
            out.pop();
        }
    }
    if c == ' ' && prev.is_some_and(|p| is_mark(p) || is_fullwidth_punct(p)) {
        return;
    }
    out.push(c);
}

/// Marks that may not follow each other (a match, not a scan: this runs for every character).
fn is_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？' | '…' | '．' | '､')
}

/// Marks that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…')
}

fn is_fullwidth_punct(c: char) -> bool {
    matches!(c, '（' | '）' | '“' | '”' | '《' | '》' | '【' | '】' | '〔' | '〕')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Half-width punctuation that must not stand inside Chinese text, for checks and tests.
pub fn stray_half_width(text: &str) -> Option<char> {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let digits_around =
            i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        match c {
            ',' | ';' | '(' | ')' | '?' | '!' => Some(c),
            ':' if !digits_around => Some(c),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
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
}
