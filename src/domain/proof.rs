//! The proof-reader (公文校对): finds the slips of form a careful 办公室 proof-reader marks in
//! a report before it goes to the 上级, offline, and says for each where it is, what is wrong,
//! which standard says so and how to put it right. It reads the generated report, what the
//! user typed, or any text pasted in.
//!
//! The rules are data (`templates/proof.toml`, read as [`RuleSet`], see `proof_rules`): the
//! word tables (typos, canonical names, superseded sayings) are matched here as they stand;
//! the rules of punctuation, ordinals and numbers are scanned for by code keyed by rule id.
//! Meetings cited by a report whose period began after the next congress come from the
//! dated table of references (`references`). Text inside “” and 《》 is a citation: the
//! 规范表述 and 易错词 rules do not look inside it.
//!
//! Each [`Finding`] carries where (byte range, line and column in characters, the field when
//! the text came from one), the rule, its severity, a message, a suggestion, and for
//! punctuation, ordinals and numbers an exact replacement that [`apply`] puts in (one fix or
//! all, as a new text, so the caller keeps the old one for 撤销). Wording rules are advice.
//!
//! The text is scanned character by character with no regular expressions (the app stays
//! small); one pass per rule over a vector of characters.
//!
//! Not here: tidying typed text as it is saved (`text`), citations of meetings that had not
//! happened yet (`references::late`, reported by `progress`).

pub use super::proof_rules::{Rule, RuleSet, Severity};

use super::builtin::REFERENCES;
use super::date::Date;
use super::numerals::parse_chinese;
use super::references::Cited;
use super::report::Period;

/// The rules file as zeren was built with it (JSON written by `build.rs` from
/// `templates/proof.toml`); the web app fetches the same file when it first needs it, so
/// it does not call [`RuleSet::builtin`] and the text stays out of its first load.
pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/proof.json"));

/// The name of the rules file beside the app (`proof-HASH.json`, the hash of its content, so
/// a browser never keeps an old one).
pub const RULES_FILE: &str = include!(concat!(env!("OUT_DIR"), "/proof_file.rs"));

impl RuleSet {
    /// Reads and checks a rules file as `build.rs` wrote it.
    ///
    /// Read by hand from a `serde_json::Value` (which the app already reads presets with)
    /// rather than by the derived reader, whose code would add about 10 kB to the app; a
    /// test checks both read the file alike.
    pub fn from_json(text: &str) -> Result<RuleSet, String> {
        use serde_json::Value;
        let wrong = |what: &str| format!("校对规则无法读取：{what}有误");
        let value: Value = serde_json::from_str(text).map_err(|e| format!("校对规则无法读取：{e}"))?;
        let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
        let texts = |v: &Value, key: &str| -> Result<Vec<String>, String> {
            match v.get(key) {
                None => Ok(Vec::new()),
                Some(list) => list
                    .as_array()
                    .ok_or_else(|| wrong(key))?
                    .iter()
                    .map(|x| x.as_str().map(str::to_string).ok_or_else(|| wrong(key)))
                    .collect(),
            }
        };
        let list = value.get("rules").and_then(Value::as_array).ok_or_else(|| wrong("rules"))?;
        let mut rules = Vec::with_capacity(list.len());
        for r in list {
            let field = |key: &str| text_of(r, key).ok_or_else(|| wrong(key));
            let severity = match field("severity")?.as_str() {
                "错误" => Severity::Error,
                "提示" => Severity::Warning,
                _ => return Err(wrong("severity")),
            };
            let mut words = Vec::new();
            for w in r.get("words").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
                let after = match w.get("after") {
                    None | Some(Value::Null) => None,
                    Some(d) => Some(d.as_str().and_then(Date::parse).ok_or_else(|| wrong("after"))?),
                };
                words.push(super::proof_rules::Word {
                    wrong: text_of(w, "wrong").ok_or_else(|| wrong("wrong"))?,
                    right: text_of(w, "right").unwrap_or_default(),
                    after,
                });
            }
            rules.push(Rule {
                id: field("id")?,
                group: field("group")?,
                severity,
                source: field("source")?,
                message: field("message")?,
                suggestion: field("suggestion")?,
                words,
                except: texts(r, "except")?,
                flag: texts(r, "flag")?,
                pass: texts(r, "pass")?,
                example_year: r.get("example_year").and_then(Value::as_u64).and_then(|y| u16::try_from(y).ok()),
            });
        }
        let rules = RuleSet { rules };
        rules.validate().map_err(|e| e.to_string())?;
        Ok(rules)
    }

    /// The built-in rules (for tests and the command line).
    pub fn builtin() -> RuleSet {
        RuleSet::from_json(RULES_JSON).expect("build.rs checked the rules")
    }
}

/// What the text is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// The report's year and period, for the rules that depend on them (superseded sayings
    /// and meetings, dates after the period); `None` leaves those rules out.
    pub period: Option<(u16, Period)>,
    /// The text was typed into a figure or note (dates after the period are pointed out
    /// there; a whole report names the day it was written, after its period).
    pub typed: bool,
}

/// One slip found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the text checked.
    pub start: usize,
    pub end: usize,
    /// Line (paragraph) and column, from 1, counted in characters.
    pub line: usize,
    pub column: usize,
    /// The field the text came from, when it was typed into one.
    pub field: Option<String>,
    pub rule: String,
    pub severity: Severity,
    /// What is wrong, with the words found.
    pub message: String,
    /// How to put it right.
    pub suggestion: String,
    /// The exact replacement of `start..end`, for punctuation, ordinals and numbers.
    pub fix: Option<String>,
}

/// The first day of a report's period.
pub fn period_start(year: u16, period: Period) -> Date {
    let month = match period {
        Period::Year | Period::FirstHalf => 1,
        Period::SecondHalf => 7,
        Period::Quarter { quarter } => quarter.clamp(1, 4) * 3 - 2,
        Period::Months { from, to } => from.clamp(1, 12).min(to.clamp(1, 12)),
    };
    Date::new(year, month, 1)
}

/// Every slip `rules` find in `text`, in the order they stand.
pub fn check(rules: &RuleSet, text: &str, cx: &Context) -> Vec<Finding> {
    let s = Scan::new(text);
    let mut raw: Vec<(usize, Raw)> = s.tables(rules, cx);
    for (index, rule) in rules.rules.iter().enumerate() {
        let mut found = Vec::new();
        s.code(rule, cx, &mut found);
        raw.extend(found.into_iter().map(|f| (index, f)));
    }
    // In text order, then rule order.
    insertion_sort(&mut raw, |(index, f)| (f.start, *index));
    raw.dedup_by(|a, b| a.0 == b.0 && a.1.start == b.1.start && a.1.end == b.1.end);
    let mut out = Vec::with_capacity(raw.len());
    let (mut line, mut line_start) = (1, 0);
    let mut at = 0;
    for (index, f) in raw {
        let rule = &rules.rules[index];
        while at < f.start {
            if s.chars[at] == '\n' {
                line += 1;
                line_start = at + 1;
            }
            at += 1;
        }
        let found: String = s.chars[f.start..f.end].iter().collect();
        let shown = if found.trim().is_empty() { "空格".to_string() } else { format!("“{found}”") };
        let message = match f.detail {
            Some(d) => format!("{}：{d}", rule.message),
            None => format!("{}：{shown}", rule.message),
        };
        let suggestion = match (f.right.as_deref(), f.fix.as_deref()) {
            (Some(r), _) | (None, Some(r)) if !r.is_empty() => format!("{}：“{r}”", rule.suggestion),
            _ => rule.suggestion.clone(),
        };
        out.push(Finding {
            start: s.byte[f.start],
            end: s.byte[f.end],
            line,
            column: f.start - line_start + 1,
            field: None,
            rule: rule.id.clone(),
            severity: rule.severity,
            message,
            suggestion,
            fix: if rule.fixable() { f.fix } else { None },
        });
    }
    out
}

/// Checks text typed into a field: the findings carry the field's id.
pub fn check_field(rules: &RuleSet, field: &str, text: &str, cx: &Context) -> Vec<Finding> {
    let cx = Context { typed: true, ..*cx };
    let mut out = check(rules, text, &cx);
    for f in &mut out {
        f.field = Some(field.to_string());
    }
    out
}

/// The text with the fixes of `findings` put in (those without a fix are passed over; a fix
/// overlapping one already put in is left out). Apply one finding's fix, or all of them.
pub fn apply<'a>(text: &str, findings: impl IntoIterator<Item = &'a Finding>) -> String {
    let mut fixes: Vec<(usize, usize, &str)> =
        findings.into_iter().filter_map(|f| Some((f.start, f.end, f.fix.as_deref()?))).collect();
    insertion_sort(&mut fixes, |&(s, e, _)| (s, e));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, x) in fixes {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(x);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

/// Sorts by `key`, keeping equal keys in their order. Findings are few and arrive mostly in
/// order, so an insertion sort: it keeps the general sort's code (about 10 kB) out of the app.
fn insertion_sort<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for k in 1..v.len() {
        let mut j = k;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A finding before it is placed: a range of characters, the fix, and what to say.
struct Raw {
    start: usize,
    end: usize,
    fix: Option<String>,
    /// A table rule's right form (empty: none to offer).
    right: Option<String>,
    /// Replaces the words found in the message.
    detail: Option<String>,
}

impl Raw {
    fn fix(start: usize, end: usize, fix: impl Into<String>) -> Raw {
        Raw { start, end, fix: Some(fix.into()), right: None, detail: None }
    }
    fn advice(start: usize, end: usize) -> Raw {
        Raw { start, end, fix: None, right: None, detail: None }
    }
    fn detail(mut self, d: String) -> Raw {
        self.detail = Some(d);
        self
    }
}

/// A line's structural ordinal (一、 （一） 1. （1）) as written at its start.
#[derive(Debug, Clone, Copy)]
struct Ordinal {
    level: usize,
    value: usize,
    /// Characters: where the ordinal starts and ends (after its closing bracket or numeral).
    start: usize,
    end: usize,
    /// The opening and closing brackets (levels 2 and 4).
    brackets: Option<(usize, usize)>,
    /// The mark after it, if any (、 . ．，,).
    mark: Option<usize>,
}

struct Scan {
    text: String,
    chars: Vec<char>,
    /// The characters that are not Han, in order: most rules start only at one of these,
    /// so they step over the Chinese text between without looking at it.
    notable: Vec<usize>,
    /// Chinese-numeral years (二〇二二年): (start, end, the digits in Arabic numerals).
    chinese_years: Vec<(usize, usize, String)>,
    /// Byte offset of each character, and the text's length at the end.
    byte: Vec<usize>,
    /// Character ranges of the lines, without the line feed.
    lines: Vec<(usize, usize)>,
    ordinals: Vec<Option<Ordinal>>,
    /// Inside “” ‘’ or 《》.
    quoted: Vec<bool>,
    /// Brackets a more particular rule speaks for (ordinals, 文号), so the half-width rule
    /// does not flag them twice.
    claimed: Vec<bool>,
}

const OPENERS: &str = "“‘《（〔【〈";
const CLOSERS: &str = "”’》）〕】〉";

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '〇')
}

fn is_cjk(c: char) -> bool {
    is_han(c) || is_mark(c) || is_opener(c) || is_closer(c) || matches!(c, '…' | '—' | '·')
}

fn is_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？')
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '《' | '（' | '〔' | '【' | '〈')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '》' | '）' | '〕' | '】' | '〉')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}')
}

fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

impl Scan {
    fn new(text: &str) -> Scan {
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        let mut byte = Vec::with_capacity(text.len() / 3 + 2);
        let mut notable = Vec::new();
        let mut lines = Vec::new();
        let mut from = 0;
        for (i, (b, c)) in text.char_indices().enumerate() {
            chars.push(c);
            byte.push(b);
            if !is_han(c) {
                notable.push(i);
                if c == '\n' {
                    lines.push((from, i));
                    from = i + 1;
                }
            }
        }
        byte.push(text.len());
        lines.push((from, chars.len()));
        let n = chars.len();
        let mut s = Scan {
            text: text.to_string(),
            chars,
            notable,
            chinese_years: Vec::new(),
            byte,
            lines,
            ordinals: Vec::new(),
            quoted: vec![false; n],
            claimed: vec![false; n],
        };
        s.chinese_years = s.find_chinese_years();
        s.ordinals = s.lines.iter().map(|&(a, b)| s.ordinal(a, b)).collect();
        for o in s.ordinals.iter().flatten() {
            if let Some((a, b)) = o.brackets {
                s.claimed[a] = true;
                s.claimed[b] = true;
            }
        }
        s.mark_quotes();
        s.mark_wenhao();
        s
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        (i..).zip(word.chars()).all(|(k, w)| self.at(k) == Some(w))
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    /// The end of the run of ASCII digits starting at `i`.
    fn digits_end(&self, i: usize) -> usize {
        let mut e = i;
        while self.digit(e) {
            e += 1;
        }
        e
    }

    fn number(&self, a: usize, b: usize) -> usize {
        self.chars[a..b].iter().fold(0usize, |n, c| n.saturating_mul(10).saturating_add(*c as usize - '0' as usize))
    }

    fn ordinal(&self, a: usize, b: usize) -> Option<Ordinal> {
        let mut i = a;
        while i < b && is_space(self.chars[i]) {
            i += 1;
        }
        let start = i;
        let c = self.at(i)?;
        if i >= b {
            return None;
        }
        let mark_at = |k: usize, marks: &str| (k < b && self.at(k).is_some_and(|m| marks.contains(m))).then_some(k);
        if is_numeral(c) {
            let mut e = i;
            while e < b && is_numeral(self.chars[e]) && e - i < 3 {
                e += 1;
            }
            let m = mark_at(e, "、.．，,")?;
            // 一．5 is no ordinal; 一、 must be followed by text.
            if self.digit(e + 1) {
                return None;
            }
            let value = parse_chinese(&self.chars[i..e].iter().collect::<String>())?;
            return Some(Ordinal { level: 1, value, start, end: e, brackets: None, mark: Some(m) });
        }
        if c == '（' || c == '(' {
            let j = i + 1;
            let (e, level, value) = if self.at(j).is_some_and(is_numeral) {
                let mut e = j;
                while e < b && is_numeral(self.chars[e]) && e - j < 3 {
                    e += 1;
                }
                (e, 2, parse_chinese(&self.chars[j..e].iter().collect::<String>())?)
            } else if self.digit(j) {
                let e = self.digits_end(j);
                if e - j > 2 {
                    return None;
                }
                (e, 4, self.number(j, e))
            } else {
                return None;
            };
            if !matches!(self.at(e), Some('）' | ')')) || e >= b {
                return None;
            }
            let mark = mark_at(e + 1, "、.．，,");
            return Some(Ordinal { level, value, start, end: e + 1, brackets: Some((i, e)), mark });
        }
        if c.is_ascii_digit() {
            let e = self.digits_end(i);
            if e - i > 2 {
                return None;
            }
            let m = mark_at(e, ".．、")?;
            if self.digit(m + 1) || m + 1 >= b {
                return None;
            }
            return Some(Ordinal { level: 3, value: self.number(i, e), start, end: e, brackets: None, mark: Some(m) });
        }
        None
    }

    /// Marks what stands inside “” ‘’ and 《》, line by line (an unclosed one runs to the
    /// end of its line).
    fn mark_quotes(&mut self) {
        let mut depth = 0usize;
        let mut from = 0;
        for &i in &self.notable {
            if depth > 0 {
                self.quoted[from..i].iter_mut().for_each(|q| *q = true);
            }
            match self.chars[i] {
                '“' | '‘' | '《' => depth += 1,
                '”' | '’' | '》' => depth = depth.saturating_sub(1),
                '\n' => depth = 0,
                _ => {}
            }
            self.quoted[i] = depth > 0 && !matches!(self.chars[i], '”' | '’' | '》');
            from = i + 1;
        }
        if depth > 0 {
            let n = self.chars.len();
            self.quoted[from..n].iter_mut().for_each(|q| *q = true);
        }
    }

    /// A 文号's year in the wrong brackets: `发[2022]12号`. Returns (open, close) indices.
    fn wenhao_at(&self, i: usize) -> Option<(usize, usize)> {
        let c = self.at(i)?;
        if !matches!(c, '[' | '【' | '（' | '(' | '〖') || !self.at(i.checked_sub(1)?).is_some_and(is_han) {
            return None;
        }
        let e = self.digits_end(i + 1);
        if e - (i + 1) != 4 || !self.at(e).is_some_and(|c| "]】）)〗".contains(c)) {
            return None;
        }
        let n = self.digits_end(e + 1);
        (n > e + 1 && self.at(n) == Some('号')).then_some((i, e))
    }

    fn mark_wenhao(&mut self) {
        for k in 0..self.notable.len() {
            let i = self.notable[k];
            if let Some((a, b)) = self.wenhao_at(i) {
                self.claimed[a] = true;
                self.claimed[b] = true;
            }
        }
    }

    /// Whether one of `except` stands in the text over `start..end`.
    fn excepted(&self, start: usize, end: usize, except: &[String]) -> bool {
        except.iter().any(|e| {
            let w: Vec<char> = e.chars().collect();
            let len = end - start;
            if w.len() < len {
                return false;
            }
            (0..=w.len() - len).any(|off| {
                start >= off && self.chars.get(start - off..start - off + w.len()).is_some_and(|s| s == w.as_slice())
            })
        })
    }

    /// The table rules, all in one pass: every wrong form, with its right form, by rule index.
    /// Within a rule the first word listed that matches at a place is taken, and the next
    /// match begins after it.
    fn tables(&self, rules: &RuleSet, cx: &Context) -> Vec<(usize, Raw)> {
        let start = cx.period.map(|(y, p)| period_start(y, p));
        let words: Vec<(Vec<char>, usize, &super::proof_rules::Word)> = rules
            .rules
            .iter()
            .enumerate()
            .flat_map(|(k, r)| r.words.iter().map(move |w| (k, w)))
            .filter(|(_, w)| match w.after {
                Some(day) => start.is_some_and(|s| s > day),
                None => true,
            })
            .map(|(k, w)| (w.wrong.chars().collect(), k, w))
            .collect();
        let mut out = Vec::new();
        if words.is_empty() {
            return out;
        }
        // The first characters of the words, as 1024 bits: most characters start none.
        let bit = |c: char| (c as usize & 1023, 1u64 << (c as u32 & 63));
        let mut firsts = [0u64; 16];
        for (w, _, _) in &words {
            let (k, b) = bit(w[0]);
            firsts[k >> 6] |= b;
        }
        let mut free = vec![0usize; rules.rules.len()];
        for (i, &c) in self.chars.iter().enumerate() {
            let (k, b) = bit(c);
            if firsts[k >> 6] & b == 0 {
                continue;
            }
            for (w, r, word) in &words {
                if w[0] != c || free[*r] > i || !self.chars[i..].starts_with(w) {
                    continue;
                }
                let rule = &rules.rules[*r];
                let citation_free =
                    matches!(rule.group.as_str(), "规范表述" | "易错词") && rule.id != "words.placeholder";
                if citation_free && self.quoted[i]
                    || self.excepted(i, i + w.len(), &rule.except)
                    || !self.ascii_bounded(i, i + w.len())
                {
                    continue;
                }
                free[*r] = i + w.len();
                out.push((
                    *r,
                    Raw {
                        start: i,
                        end: i + w.len(),
                        fix: Some(word.right.clone()).filter(|r| !r.is_empty()),
                        right: Some(word.right.clone()),
                        detail: None,
                    },
                ));
            }
        }
        out
    }

    /// A word beginning or ending in a Latin letter is matched only as a whole word.
    fn ascii_bounded(&self, start: usize, end: usize) -> bool {
        let letter = |i: Option<usize>| i.and_then(|i| self.at(i)).is_some_and(|c| c.is_ascii_alphabetic());
        !(letter(Some(start)) && letter(start.checked_sub(1)) || letter(Some(end - 1)) && letter(Some(end)))
    }

    /// The rules scanned for by code.
    fn code(&self, rule: &Rule, cx: &Context, out: &mut Vec<Raw>) {
        match rule.id.as_str() {
            "punct.double" => self.double(out),
            "punct.halfwidth" => self.halfwidth(out),
            "punct.space" => self.spaces(out),
            "punct.pair" => self.pairs(out),
            "punct.dunhao-conj" => self.dunhao_conj(rule, out),
            "punct.dunhao-quoted" => self.dunhao_quoted(out),
            "punct.ellipsis" => self.ellipsis(out),
            "punct.heading-stop" => self.heading_stop(out),
            "ordinal.mark" => self.ordinal_mark(out),
            "ordinal.bracket" => self.ordinal_bracket(out),
            "ordinal.sequence" => self.ordinal_sequence(out),
            "ordinal.shi" => self.shi(out),
            "ordinal.di" => self.di(out),
            "number.year-nian" => self.year_nian(out),
            "number.zero" => self.zero(out),
            "number.year-mixed" => self.year_mixed(out),
            "number.leading-zero" => self.leading_zero(out),
            "number.wenhao" => self.wenhao(out),
            "number.fullwidth" => self.fullwidth(out),
            "number.date-period" if cx.typed => {
                if let Some((y, p)) = cx.period {
                    self.date_period(p.end(y), out)
                }
            }
            "wording.superseded-congress" => {
                if let Some((y, p)) = cx.period {
                    self.superseded_congress(period_start(y, p), out)
                }
            }
            "words.doubled" => self.doubled(rule, out),
            "words.placeholder" => self.placeholder(out),
            _ => {}
        }
    }

    /// The positions of the characters that are not Han and satisfy `pred`, in order.
    fn each<'a>(&'a self, pred: impl Fn(char) -> bool + 'a) -> impl Iterator<Item = usize> + 'a {
        self.notable.iter().copied().filter(move |&i| pred(self.chars[i]))
    }

    /// The end of the run of `c` starting at `i`.
    fn run_end(&self, i: usize, same: impl Fn(char) -> bool) -> usize {
        let mut e = i + 1;
        while self.at(e).is_some_and(&same) {
            e += 1;
        }
        e
    }

    fn double(&self, out: &mut Vec<Raw>) {
        let mut next = 0;
        for i in self.each(is_mark) {
            if i < next {
                continue;
            }
            let e = self.run_end(i, is_mark);
            next = e;
            let run = &self.chars[i..e];
            let emphatic = run.iter().all(|c| matches!(c, '？' | '！'));
            let ellipsis = run.len() >= 3 && run.iter().all(|&c| c == '。' || c == '、');
            if run.len() >= 2 && !emphatic && !ellipsis {
                let keep = run.iter().find(|c| matches!(c, '。' | '？' | '！')).unwrap_or(&run[0]);
                out.push(Raw::fix(i, e, keep.to_string()));
            }
        }
    }

    fn halfwidth(&self, out: &mut Vec<Raw>) {
        let mut open = true;
        for i in self.each(|c| matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')' | '"' | '.' | '\n')) {
            let c = self.chars[i];
            if c == '\n' {
                open = true;
                continue;
            }
            if self.claimed[i] {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| self.at(p));
            let next = self.at(i + 1);
            let digits_around = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
            let quote = if c == '"' {
                let q = if open { '“' } else { '”' };
                open = !open;
                Some(q)
            } else {
                None
            };
            if matches!(c, ',' | ':') && digits_around {
                continue;
            }
            // A full stop after Chinese, not a decimal point, an abbreviation or an ellipsis.
            if c == '.' {
                if prev.is_some_and(is_han) && !next.is_some_and(|n| n == '.' || n.is_ascii_alphanumeric()) {
                    out.push(Raw::fix(i, i + 1, "。"));
                }
                continue;
            }
            // Half-width brackets around a Chinese aside: look inside them too.
            let inside = match c {
                '(' => self.chars[i + 1..].iter().take_while(|&&c| c != ')' && c != '\n').any(|&c| is_cjk(c)),
                ')' => self.chars[..i].iter().rev().take_while(|&&c| c != '(' && c != '\n').any(|&c| is_cjk(c)),
                _ => false,
            };
            if !(prev.is_some_and(is_cjk) || next.is_some_and(is_cjk) || inside) {
                continue;
            }
            let fix = quote.unwrap_or(match c {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '?' => '？',
                '!' => '！',
                '(' => '（',
                _ => '）',
            });
            out.push(Raw::fix(i, i + 1, fix.to_string()));
        }
    }

    fn spaces(&self, out: &mut Vec<Raw>) {
        let mut next = 0;
        for i in self.each(is_space) {
            if i < next {
                continue;
            }
            let e = self.run_end(i, is_space);
            next = e;
            // Indentation at a line's start, spaces at its end: not between two things.
            let (Some(p), Some(n)) = (i.checked_sub(1).and_then(|p| self.at(p)), self.at(e)) else { continue };
            if !matches!(p, '\n' | '\r') && !matches!(n, '\n' | '\r') && (is_cjk(p) || is_cjk(n)) {
                out.push(Raw::fix(i, e, ""));
            }
        }
    }

    fn pairs(&self, out: &mut Vec<Raw>) {
        let mut stack: Vec<(char, usize)> = Vec::new();
        let unclosed = |stack: &mut Vec<(char, usize)>, out: &mut Vec<Raw>| {
            for (want, at) in stack.drain(..) {
                out.push(Raw::advice(at, at + 1).detail(format!("“{}”没有对应的“{want}”", self.chars[at])));
            }
        };
        for i in self.each(|c| is_opener(c) || is_closer(c) || c == '\n') {
            let c = self.chars[i];
            if c == '\n' {
                unclosed(&mut stack, out);
            } else if is_opener(c) {
                let k = OPENERS.chars().position(|o| o == c).unwrap_or(0);
                stack.push((CLOSERS.chars().nth(k).unwrap_or(c), i));
            } else {
                match stack.iter().rposition(|&(want, _)| want == c) {
                    Some(p) => {
                        let inner = stack.split_off(p + 1);
                        unclosed(&mut inner.into_iter().collect(), out);
                        stack.truncate(p);
                    }
                    None => {
                        let open = OPENERS.chars().nth(CLOSERS.chars().position(|x| x == c).unwrap_or(0)).unwrap_or(c);
                        out.push(Raw::advice(i, i + 1).detail(format!("“{c}”前面没有对应的“{open}”")));
                    }
                }
            }
        }
        unclosed(&mut stack, out);
    }

    fn dunhao_conj(&self, rule: &Rule, out: &mut Vec<Raw>) {
        for i in self.each(|c| c == '、') {
            if self.at(i + 1).is_some_and(|c| matches!(c, '和' | '及' | '与' | '等'))
                && !self.excepted(i + 1, i + 2, &rule.except)
            {
                out.push(Raw::fix(i, i + 1, ""));
            }
        }
    }

    fn dunhao_quoted(&self, out: &mut Vec<Raw>) {
        for i in self.each(|c| c == '、') {
            if i > 0
                && matches!(self.chars[i - 1], '”' | '》')
                && self.at(i + 1).is_some_and(|c| matches!(c, '“' | '《'))
            {
                out.push(Raw::fix(i, i + 1, ""));
            }
        }
    }

    fn ellipsis(&self, out: &mut Vec<Raw>) {
        let mut next = 0;
        for i in self.each(|c| matches!(c, '.' | '。' | '…' | '⋯' | '、')) {
            if i < next {
                continue;
            }
            let c = self.chars[i];
            let e = self.run_end(i, |x| x == c);
            next = e;
            let len = e - i;
            let wrong = match c {
                '.' => len >= 2 && !(self.digit(e) && i > 0 && self.digit(i - 1)),
                '。' | '、' => len >= 3,
                '⋯' => true,
                _ => len != 2 && len != 4,
            };
            if wrong {
                out.push(Raw::fix(i, e, "……"));
            }
        }
    }

    fn heading_stop(&self, out: &mut Vec<Raw>) {
        for (k, &(a, b)) in self.lines.iter().enumerate() {
            let Some(o) = self.ordinals[k] else { continue };
            if o.level > 2 {
                continue;
            }
            let mut e = b;
            while e > a && is_space(self.chars[e - 1]) {
                e -= 1;
            }
            if e > o.end + 1
                && self.chars[e - 1] == '。'
                && !self.chars[o.end + 1..e - 1].iter().any(|c| "。！？；".contains(*c))
            {
                out.push(Raw::fix(e - 1, e, ""));
            }
        }
    }

    fn ordinal_mark(&self, out: &mut Vec<Raw>) {
        for o in self.ordinals.iter().flatten() {
            let Some(m) = o.mark else { continue };
            let c = self.chars[m];
            let fix = match (o.level, c) {
                (1, '、') | (3, '.' | '．') => continue,
                (1, _) => "、",
                (3, _) => ".",
                _ => "",
            };
            out.push(Raw::fix(m, m + 1, fix));
        }
    }

    fn ordinal_bracket(&self, out: &mut Vec<Raw>) {
        for o in self.ordinals.iter().flatten() {
            let Some((a, b)) = o.brackets else { continue };
            if self.chars[a] == '(' || self.chars[b] == ')' {
                let inner: String = self.chars[a + 1..b].iter().collect();
                out.push(Raw::fix(a, b + 1, format!("（{inner}）")));
            }
        }
    }

    fn ordinal_sequence(&self, out: &mut Vec<Raw>) {
        // The last number at each level since its parent heading; whether a parent was seen.
        let mut last: [Option<usize>; 5] = [None; 5];
        let mut parent = [false; 5];
        for o in self.ordinals.iter().flatten() {
            let l = o.level;
            let expected = match last[l] {
                Some(v) => Some(v + 1),
                None if parent[l] => Some(1),
                None => None,
            };
            if let Some(want) = expected {
                if o.value != want {
                    let what = if last[l] == Some(o.value) { "重号" } else { "跳号" };
                    let written: String = self.chars[o.start..o.end].iter().collect();
                    out.push(Raw::advice(o.start, o.end).detail(format!("“{written}”{what}，这里应为第{want}项")));
                }
            }
            last[l] = Some(o.value);
            for deeper in l + 1..5 {
                last[deeper] = None;
                parent[deeper] = true;
            }
        }
    }

    fn shi(&self, out: &mut Vec<Raw>) {
        // Headings restart the count: where each begins, in order.
        let headings: Vec<usize> = self.ordinals.iter().flatten().map(|o| o.start).collect();
        let mut h = 0;
        let mut last: Option<usize> = None;
        let n = self.chars.len();
        // A point opens a text or follows a space, a line feed, or a 。；：，.
        let after = self
            .each(|p| is_space(p) || matches!(p, '\n' | '。' | '；' | '：' | '，' | ';' | ':' | ',' | '.'))
            .map(|p| p + 1);
        let mut from = 0;
        for i in std::iter::once(0).chain(after) {
            if i < from || !self.at(i).is_some_and(is_numeral) {
                continue;
            }
            while h < headings.len() && headings[h] <= i {
                last = None;
                h += 1;
            }
            let mut e = i;
            while e < n && is_numeral(self.chars[e]) && e - i < 2 {
                e += 1;
            }
            if self.at(e) != Some('是') {
                continue;
            }
            from = e + 1;
            let value = parse_chinese(&self.chars[i..e].iter().collect::<String>()).unwrap_or(0);
            if value == 1 {
                last = Some(1);
            } else {
                let want = last.map_or(1, |v| v + 1);
                if value != want {
                    let what = if last == Some(value) { "重号" } else { "跳号" };
                    let written: String = self.chars[i..=e].iter().collect();
                    out.push(
                        Raw::advice(i, e + 1)
                            .detail(format!("“{written}”{what}，这里应为“{}是”", super::numerals::chinese(want))),
                    );
                }
                last = Some(value);
            }
        }
    }

    fn di(&self, out: &mut Vec<Raw>) {
        for e in self.each(|c| c == '、') {
            let mut k = e;
            while k > 0 && is_numeral(self.chars[k - 1]) && e - k < 2 {
                k -= 1;
            }
            if k < e
                && k > 0
                && self.chars[k - 1] == '第'
                && !self.at(e + 1).is_some_and(|c| is_numeral(c) || c == '第')
            {
                out.push(Raw::fix(e, e + 1, "，"));
            }
        }
    }

    /// The positions where a run of ASCII digits starts.
    fn digit_runs(&self) -> impl Iterator<Item = usize> + '_ {
        self.each(|c| c.is_ascii_digit()).filter(move |&i| i == 0 || !self.digit(i - 1))
    }

    /// A four-digit year (1900 to 2099) starting at `i`, standing alone: its end.
    fn year_at(&self, i: usize) -> Option<usize> {
        if i > 0 && (self.digit(i - 1) || self.at(i - 1) == Some('.')) {
            return None;
        }
        let e = self.digits_end(i);
        (e == i + 4 && (1900..=2099).contains(&self.number(i, e))).then_some(e)
    }

    fn year_nian(&self, out: &mut Vec<Raw>) {
        const AFTER: [&str; 12] = [
            "上半年",
            "下半年",
            "第一季度",
            "第二季度",
            "第三季度",
            "第四季度",
            "一季度",
            "二季度",
            "三季度",
            "四季度",
            "以来",
            "全年",
        ];
        for i in self.digit_runs() {
            let Some(e) = self.year_at(i) else { continue };
            if AFTER.iter().any(|w| self.starts(e, w)) {
                let digits: String = self.chars[i..e].iter().collect();
                out.push(Raw::fix(i, e, format!("{digits}年")));
            }
        }
    }

    /// Chinese-numeral years (二〇二二年) as (start, end, the digits as they should be): four
    /// numerals, one at least not a zero, before a 年.
    fn find_chinese_years(&self) -> Vec<(usize, usize, String)> {
        let digit = |c: char| {
            matches!(c, '〇' | '零' | '○' | 'Ｏ' | 'O' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')
        };
        let mut found = Vec::new();
        for (e, _) in self.chars.iter().enumerate().filter(|(_, &c)| c == '年') {
            if e < 4 || (e > 4 && digit(self.chars[e - 5])) {
                continue;
            }
            let run = &self.chars[e - 4..e];
            if run.iter().all(|&c| digit(c)) && run.iter().any(|&c| is_numeral(c)) {
                let arabic: String = run
                    .iter()
                    .map(|&c| match c {
                        '一' => '1',
                        '二' => '2',
                        '三' => '3',
                        '四' => '4',
                        '五' => '5',
                        '六' => '6',
                        '七' => '7',
                        '八' => '8',
                        '九' => '9',
                        _ => '0',
                    })
                    .collect();
                found.push((e - 4, e, arabic));
            }
        }
        found
    }

    fn zero(&self, out: &mut Vec<Raw>) {
        for &(a, b, _) in &self.chinese_years {
            let run = &self.chars[a..b];
            if run.iter().any(|c| "零○ＯO".contains(*c)) {
                let fixed: String = run.iter().map(|&c| if "零○ＯO".contains(c) { '〇' } else { c }).collect();
                out.push(Raw::fix(a, b, fixed));
            }
        }
    }

    fn year_mixed(&self, out: &mut Vec<Raw>) {
        let arabic = || self.digit_runs().any(|i| self.year_at(i).is_some_and(|e| self.at(e) == Some('年')));
        if !self.chinese_years.is_empty() && arabic() {
            for (a, b, digits) in &self.chinese_years {
                out.push(Raw::fix(*a, *b, digits.clone()));
            }
        }
    }

    fn leading_zero(&self, out: &mut Vec<Raw>) {
        for i in self.each(|c| c == '0') {
            if !(i > 0 && self.digit(i - 1))
                && self.at(i + 1).is_some_and(|c| ('1'..='9').contains(&c))
                && self.at(i + 2).is_some_and(|c| c == '月' || c == '日')
                && (i == 0 || matches!(self.chars[i - 1], '年' | '月'))
            {
                out.push(Raw::fix(i, i + 3, self.chars[i + 1..i + 3].iter().collect::<String>()));
            }
        }
    }

    fn wenhao(&self, out: &mut Vec<Raw>) {
        for &i in &self.notable {
            if let Some((a, b)) = self.wenhao_at(i) {
                if self.chars[a] != '〔' {
                    let year: String = self.chars[a + 1..b].iter().collect();
                    out.push(Raw::fix(a, b + 1, format!("〔{year}〕")));
                }
            }
        }
    }

    fn fullwidth(&self, out: &mut Vec<Raw>) {
        let wide = |c: char| matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}');
        let mut next = 0;
        for i in self.each(wide) {
            if i < next {
                continue;
            }
            let e = self.run_end(i, wide);
            next = e;
            let ascii: String =
                self.chars[i..e].iter().map(|&c| char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)).collect();
            out.push(Raw::fix(i, e, ascii));
        }
    }

    /// Dates written 2025年3月5日 or 2025年3月 that fall after `end`.
    fn date_period(&self, end: Date, out: &mut Vec<Raw>) {
        for i in self.digit_runs() {
            let Some(e) = self.year_at(i) else { continue };
            if self.at(e) != Some('年') {
                continue;
            }
            let m_end = self.digits_end(e + 1);
            if m_end == e + 1 || m_end - e > 3 || self.at(m_end) != Some('月') {
                continue;
            }
            let year = self.number(i, e) as u16;
            let month = self.number(e + 1, m_end).min(12) as u8;
            let d_end = self.digits_end(m_end + 1);
            let (day, stop) = if d_end > m_end + 1 && d_end - m_end <= 3 && self.at(d_end) == Some('日') {
                (self.number(m_end + 1, d_end).min(31) as u8, d_end + 1)
            } else {
                (1, m_end + 1)
            };
            if Date::new(year, month.max(1), day.max(1)) > end {
                out.push(
                    Raw::advice(i, stop)
                        .detail(format!("“{}”在报告期末（{end}）以后", self.chars[i..stop].iter().collect::<String>())),
                );
            }
        }
    }

    /// 学习贯彻党的十九大和十九届历次全会精神, in a report whose period began after 党的二十大.
    fn superseded_congress(&self, start: Date, out: &mut Vec<Raw>) {
        // Only a text naming a term (届) or a congress (大) can cite one.
        if !self.text.contains('届') && !self.text.contains('大') {
            return;
        }
        let text = &self.text;
        let cites = REFERENCES.citations(text);
        let char_at = |b: usize| self.byte.partition_point(|&x| x < b);
        let mut k = 0;
        while k < cites.len() {
            let first = &cites[k];
            let term = match first.cited {
                Cited::Congress(n) | Cited::Term(n) | Cited::Plenum(n, _) => n,
                Cited::Saying(_) => {
                    k += 1;
                    continue;
                }
            };
            // Follow the chain: 十九大和十九届历次全会, 十九届五中、六中全会.
            let mut end = first.start + first.written.len();
            let mut j = k + 1;
            loop {
                let mut rest = &text[end..];
                for w in ["以及", "和", "及", "、"] {
                    if let Some(r) = rest.strip_prefix(w) {
                        rest = r;
                        break;
                    }
                }
                let at = text.len() - rest.len();
                match cites[j..].iter().position(|c| c.start <= at && c.start + c.written.len() > end) {
                    Some(p) => {
                        let c = &cites[j + p];
                        end = end.max(c.start + c.written.len());
                        j += p + 1;
                    }
                    None => break,
                }
            }
            let next = REFERENCES.congresses.iter().find(|c| c.number == term + 1);
            let superseded = next.filter(|c| c.closed < start);
            let (a, b) = (char_at(first.start), char_at(end));
            if let Some(next) = superseded {
                if text[end..].starts_with("精神") && !first.ahead && !self.quoted[a] {
                    let newer = match REFERENCES.latest_meeting(start) {
                        Some((name, _)) if name != Cited::Congress(next.number).name(&REFERENCES) => {
                            format!("{}和{}", Cited::Congress(next.number).name(&REFERENCES), name)
                        }
                        _ => Cited::Congress(next.number).name(&REFERENCES),
                    };
                    let written: String = self.chars[a..b].iter().collect();
                    out.push(Raw::advice(a, b).detail(format!(
                        "“{written}精神”：{}在{}闭幕，本报告期间从{start}开始，应学习贯彻{newer}精神",
                        Cited::Congress(next.number).name(&REFERENCES),
                        next.closed
                    )));
                }
            }
            k = j;
        }
    }

    fn doubled(&self, rule: &Rule, out: &mut Vec<Raw>) {
        let n = self.chars.len();
        for (i, w) in self.chars.windows(2).enumerate() {
            let c = w[0];
            // A doubled function word: 的的, 了了.
            if w[1] == c {
                if matches!(c, '的' | '了' | '在' | '和' | '把' | '将' | '被' | '于' | '并')
                    && !self.quoted[i]
                    && (i == 0 || self.chars[i - 1] != c)
                {
                    let aabb = self.at(i + 2).is_some_and(|x| x != c && is_han(x) && self.at(i + 3) == Some(x))
                        || i >= 2
                            && self.chars[i - 1] != c
                            && is_han(self.chars[i - 1])
                            && self.chars[i - 2] == self.chars[i - 1];
                    if !aabb && !self.excepted(i, i + 2, &rule.except) {
                        out.push(Raw::fix(i, i + 2, c.to_string()));
                    }
                }
                continue;
            }
            // A doubled word: 学习学习.
            if i + 3 < n
                && self.chars[i + 2] == c
                && self.chars[i + 3] == w[1]
                && c != '一'
                && is_han(c)
                && is_han(w[1])
                && !self.quoted[i]
                && !self.excepted(i, i + 4, &rule.except)
            {
                out.push(Raw::fix(i, i + 4, self.chars[i..i + 2].iter().collect::<String>()));
            }
        }
    }

    /// Runs of a placeholder mark: **, ××, XX.
    fn placeholder(&self, out: &mut Vec<Raw>) {
        let mut next = 0;
        for i in self.each(|c| matches!(c, '*' | '＊' | '×' | 'X' | 'x' | 'Ｘ')) {
            if i < next {
                continue;
            }
            let c = self.chars[i];
            let e = self.run_end(i, |x| x == c);
            next = e;
            let latin = c.is_ascii_alphabetic();
            let bounded = !latin
                || !(i > 0 && self.chars[i - 1].is_ascii_alphabetic()
                    || self.at(e).is_some_and(|x| x.is_ascii_alphabetic()));
            if e - i >= 2 && bounded {
                out.push(Raw::advice(i, e));
            }
        }
    }
}

#[cfg(test)]
#[path = "proof_tests.rs"]
mod tests;
