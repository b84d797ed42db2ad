//! Rules for the characters of text, each in one place. Mostly tidying what the user typed
//! so it can stand in an official document: full-width Chinese punctuation, no stray
//! spaces, no doubled marks, no control or invisible characters, sentences that end
//! properly. Numbers stay in Arabic digits and nothing is inserted around them (generic CJK
//! formatters add spaces around digits; that is wrong in 公文). Also which characters are
//! invisible (tidying and backup import both drop them), what may stand in a file name, and
//! escaping for the XML and HTML renderers.
//!
//! Not here: checking a typed figure or date (see `validate`).

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
        // A run of dots is an ellipsis, written with two ellipsis characters (GB/T 15834):
        // the first dot gives one, the second another, the rest nothing.
        '.' if prev == Some('.') && out.ends_with("……") => None,
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
                // Two and no more: `………` typed is tidied to `……`.
                if !out.ends_with("……") {
                    out.push(c);
                }
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

/// Characters that show as nothing but can hide or reorder text: zero-width spaces and
/// joiners, direction marks, embeddings, overrides and isolates, word joiners, the BOM.
/// Typed text loses them when tidied, imported backups when read, file names always.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// A piece of a file name made from what the user typed (a unit's name, a period): the
/// characters Windows refuses in names (`\ / : * ? " < > |`), control and invisible
/// characters are left out, every other kind of space becomes an ordinary one, spaces and
/// dots at the start and spaces at the end are dropped, and at most `max_chars` characters
/// are kept.
pub fn file_name_part(raw: &str, max_chars: usize) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| {
            !c.is_control() && !is_invisible(*c) && !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let cut: String = kept.trim_start_matches([' ', '.']).chars().take(max_chars).collect();
    cut.trim_end().to_string()
}

/// Escapes text for XML and HTML alike, in content and in attribute values: `& < > " '`
/// become entities (`'` as `&#39;`, which HTML 4 knows and `&apos;` is not), and characters
/// XML 1.0 forbids or that show as nothing are dropped (controls other than tab, line feed
/// and carriage return; U+FFFE and U+FFFF).
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
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

/// Names that cannot be said another way, so two neighbouring points may both hold them:
/// [`shared_phrase`] does not count them. The thought and the value system by name, the
/// subject of every report, and the names of the duties it apportions.
pub const FIXED_TERMS: [&str; 7] = [
    "习近平新时代中国特色社会主义思想",
    "社会主义核心价值观",
    "意识形态工作",
    "主体责任",
    "第一责任人",
    "直接责任",
    "一岗双责",
];

/// The words of a date or period after its digits (2026年上半年, 2025年度, 3月至6月):
/// [`shared_phrase`] does not count them either, as the period stands in many points.
const DATE_WORDS: [&str; 11] =
    ["年上半年", "年下半年", "年第一季度", "年第二季度", "年第三季度", "年第四季度", "年度", "年", "月至", "月", "日"];

/// The first run of at least `min` Han characters that `a` and `b` both hold, leaving out
/// [`FIXED_TERMS`], the words of dates and `names` (the unit's, its body's and its parts':
/// `Template::level_names`); `None` when they share none. Two neighbouring points that
/// repeat such a phrase (把意识形态工作作为重要学习内容 twice running) read as padding: the
/// checklist's wording is held to having none (the generator's tests and property tests).
pub fn shared_phrase(a: &str, b: &str, min: usize, names: &[&str]) -> Option<String> {
    let mut left_out: Vec<&str> = FIXED_TERMS.iter().copied().chain(names.iter().copied()).collect();
    // The longest first, so 党总支委员会 goes before 党总支 could split it.
    left_out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let runs = |s: &str| -> Vec<Vec<char>> {
        let mut s = s.to_string();
        for term in left_out.iter().filter(|w| !w.is_empty()) {
            s = s.replace(term, "|");
        }
        let mut dated = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            dated.push(c);
            if c.is_ascii_digit() {
                if let Some(w) = DATE_WORDS.iter().find(|w| rest.starts_with(*w)) {
                    rest = &rest[w.len()..];
                    dated.push('|');
                }
            }
        }
        let s = dated;
        s.split(|c: char| !('\u{4E00}'..='\u{9FFF}').contains(&c))
            .filter(|r| r.chars().count() >= min)
            .map(|r| r.chars().collect())
            .collect()
    };
    if min == 0 {
        return None;
    }
    let ours = runs(a);
    let windows: std::collections::HashSet<&[char]> = ours.iter().flat_map(|r| r.windows(min)).collect();
    for r in runs(b) {
        if let Some(start) = (0..=r.len() - min).find(|&i| windows.contains(&r[i..i + min])) {
            // Grow the shared run as far as `a` still holds it.
            let mut end = start + min;
            while end < r.len() && ours.iter().any(|x| x.windows(end + 1 - start).any(|w| w == &r[start..=end])) {
                end += 1;
            }
            return Some(r[start..end].iter().collect());
        }
    }
    None
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
