//! The dated table of what reports cite: the Party congresses and their plenums, the
//! sayings (习近平文化思想…) with the day each was first put forward, and each year's
//! 民主生活会 theme. The table is data (`templates/references.toml`, edited by hand), checked
//! and turned into a constant when zeren is built (`build.rs`, `builtin::REFERENCES`), so the
//! app reads no file and parses nothing.
//!
//! What it is for: a report cites what had happened by the end of its period. [`References::late`]
//! finds, in a piece of text, the meetings and sayings it names that came after a given day
//! (二十届四中全会 in a 2023 report, 二十大 in a 2022年上半年 one), each with a message saying
//! how to put it right. The build uses it to check the template's guiding-thought lines
//! (each may cite only what existed on the day it comes into force); `progress` uses it on
//! what the user typed.
//!
//! How text is read. A congress: `十九大`, `党的二十大`, `中国共产党第二十次全国代表大会`
//! (numbers from 十一 up, so 十大工程 is no congress). A plenum: `二十届四中全会`,
//! `二十届二中、三中全会` (each listed plenum counts), `二十届四中`,
//! `二十届中央委员会第四次全体会议`; a term as a whole: `二十届历次全会`. A saying: its name as
//! the table writes it. A plenum written without its term (`四中全会`) is not read: which
//! term it belongs to cannot be told from the words. A meeting named as still to come
//! (迎接党的二十大胜利召开, 喜迎二十大, 即将召开的二十届三中全会, 二十大召开前) is read but
//! not late: reports written before a congress look forward to it. A congress or plenum the table does not
//! list yet is known only to come after the last one it does list (二十届五中全会 after the
//! 四中); one further off (三十大) is not judged.
//!
//! This file is also compiled into the build script (with `date`, `numerals` and `template`),
//! so it may use only `serde` and `std`.
//!
//! Not here: which guiding-thought line a report prints (`Template::guidance_on`), or which
//! typed text is checked (`progress::late_citations`).

use super::date::Date;
use super::numerals::{chinese, parse_chinese};
use super::template::{List, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The whole table, as `templates/references.toml` holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// The Party's national congresses, oldest first.
    pub congresses: List<Congress>,
    /// Sayings and named thoughts, with the day each was first put forward.
    #[serde(default)]
    pub sayings: List<Saying>,
    /// The theme of each year's 民主生活会 (or another yearly meeting), for the user to pick
    /// or edit; the generator does not print them by itself.
    #[serde(default)]
    pub themes: List<Theme>,
}

/// One national congress and the plenums of the Central Committee it elected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Congress {
    /// Which congress: 19 for 党的十九大.
    pub number: u8,
    /// The day it closed.
    pub closed: Date,
    /// The closing day of the first, second… plenum of its term, in order.
    #[serde(default)]
    pub plenums: List<Date>,
}

/// A named thought or saying, e.g. 习近平文化思想.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saying {
    /// As reports write it.
    pub name: Text,
    /// The day it was first put forward.
    pub date: Date,
    /// Where, e.g. 全国宣传思想文化工作会议.
    pub occasion: Text,
}

/// The most aspects a theme lists (the notices have had four or five).
pub const MAX_ASPECTS: usize = 8;

/// A yearly meeting's theme, e.g. the 2025年度 民主生活会's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The year the meeting looks back on (it is usually held early the next year).
    pub year: u16,
    /// e.g. 民主生活会.
    pub meeting: Text,
    pub text: Text,
    /// The aspects (方面) the meeting's notice asks problems to be found under, in its
    /// order, e.g. `带头强化政治忠诚、提高政治能力`; empty where the table does not list them.
    #[serde(default)]
    pub aspects: List<Text>,
}

/// What a piece of text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cited {
    /// 党的二十大.
    Congress(u8),
    /// 二十届四中全会: (term, plenum).
    Plenum(u8, u8),
    /// 二十届历次全会: the term as a whole, which begins when its congress closes.
    Term(u8),
    /// A saying, by its index in [`References::sayings`].
    Saying(usize),
}

/// When something cited happened, as far as the table knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On this day (a meeting's closing day, a saying's first day).
    On(Date),
    /// Some time after this day: a meeting the table does not list yet, after the last one
    /// it lists.
    After(Date),
}

/// A name found in text: where (byte offset), as written, and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub start: usize,
    /// The words as they stand in the text, e.g. `二十届二中、三中全会`.
    pub written: String,
    pub cited: Cited,
    /// Named as still to come (迎接…, 喜迎…, 即将召开的…, …召开前): never late.
    pub ahead: bool,
}

/// Words just before a meeting's name that look forward to it, and words just after.
const AHEAD_BEFORE: [&str; 4] = ["迎接", "喜迎", "即将召开的", "筹备"];
const AHEAD_AFTER: [&str; 3] = ["召开前", "即将召开", "召开之前"];

/// A citation of something that had not happened by a given day, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Late {
    /// The words as they stand in the text.
    pub written: String,
    /// What they name, written the usual way, e.g. `二十届四中全会`.
    pub name: String,
    /// When it happened, as the table knows it.
    pub when: When,
    /// Plain words: what is wrong and how to fix it, e.g. `“二十届四中全会”2025年10月23日才闭幕，
    /// 本报告期间截至2023年12月31日，那时还没有召开。请删去，或改为期末以前已经召开的会议
    /// （最近的是二十届二中全会，2023年2月28日闭幕）。`
    pub message: String,
}

/// Something wrong in the table; `Display` names the entry and says what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferencesError {
    /// e.g. `congresses 第2条`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for ReferencesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "会议和提法时间表有误（{}）：{}", self.place, self.message)
    }
}

impl std::error::Error for ReferencesError {}

impl Cited {
    /// The usual way to write it: 党的二十大, 二十届四中全会, 二十届历次全会, or the saying.
    pub fn name(self, refs: &References) -> String {
        match self {
            Cited::Congress(n) => format!("党的{}大", chinese(n.into())),
            Cited::Plenum(n, k) => format!("{}届{}中全会", chinese(n.into()), chinese(k.into())),
            Cited::Term(n) => format!("{}届历次全会", chinese(n.into())),
            Cited::Saying(i) => refs.sayings.get(i).map(|s| s.name.to_string()).unwrap_or_default(),
        }
    }
}

const NUMERALS: &str = "一二三四五六七八九十";

impl References {
    /// Checks what the rest of zeren relies on: congresses in order with their plenums after
    /// them, sayings named once, one theme per year and meeting, and no theme citing what came
    /// after its year.
    pub fn validate(&self) -> Result<(), ReferencesError> {
        let err = |place: String, message: String| Err(ReferencesError { place, message });
        if self.congresses.is_empty() {
            return err("congresses".into(), "至少要有一次党代会".into());
        }
        let mut last: Option<(u8, Date)> = None;
        for (i, c) in self.congresses.iter().enumerate() {
            let place = format!("congresses 第{}条", i + 1);
            if !(11..=99).contains(&c.number) {
                return err(place, format!("number 应为11到99之间的数（十九大写19），实际为{}", c.number));
            }
            if let Some((n, d)) = last {
                if c.number != n + 1 {
                    return err(place, format!("党代会要按顺序逐次列出：上一条是第{n}次，这一条是第{}次", c.number));
                }
                if c.closed <= d {
                    return err(place, format!("闭幕日期 {} 应晚于上一届最后一次会议（{}）", c.closed.iso(), d.iso()));
                }
            }
            let mut prev = c.closed;
            for (k, p) in c.plenums.iter().enumerate() {
                if *p < prev || (k > 0 && *p == prev) {
                    return err(
                        place,
                        format!("plenums 第{}个日期 {} 应晚于前一个日期（{}）", k + 1, p.iso(), prev.iso()),
                    );
                }
                prev = *p;
            }
            last = Some((c.number, prev));
        }
        let mut names = BTreeSet::new();
        for (i, s) in self.sayings.iter().enumerate() {
            let place = format!("sayings 第{}条", i + 1);
            if s.name.trim().is_empty() || s.occasion.trim().is_empty() {
                return err(place, "name 和 occasion 都不能为空".into());
            }
            if !names.insert(s.name.trim()) {
                return err(place, format!("“{}”前面已经有了", s.name));
            }
        }
        let mut years = BTreeSet::new();
        for (i, t) in self.themes.iter().enumerate() {
            let place = format!("themes 第{}条", i + 1);
            if t.meeting.trim().is_empty() || t.text.trim().is_empty() {
                return err(place, "meeting 和 text 都不能为空".into());
            }
            if !years.insert((t.year, t.meeting.trim())) {
                return err(place, format!("{}年度的{}前面已经有了", t.year, t.meeting));
            }
            if let Some(late) = self.late(&t.text, Date::new(t.year, 12, 31)).into_iter().next() {
                return err(place, format!("{}年度的主题引用了当年以后的会议或提法：{}", t.year, late.message));
            }
            if t.aspects.len() > MAX_ASPECTS {
                return err(place, format!("aspects 最多{MAX_ASPECTS}个"));
            }
            let mut seen = BTreeSet::new();
            for a in t.aspects.iter() {
                if a.trim().is_empty() || a.chars().count() > 60 || a.contains('\n') {
                    return err(place, "aspects 中每一项都要是60字以内的一行文字，不能为空".into());
                }
                if !seen.insert(a.trim()) {
                    return err(place, format!("aspects 中“{a}”写了两次"));
                }
                if let Some(late) = self.late(a, Date::new(t.year, 12, 31)).into_iter().next() {
                    return err(place, format!("{}年度的方面引用了当年以后的会议或提法：{}", t.year, late.message));
                }
            }
        }
        Ok(())
    }

    /// The theme of `meeting` for `year`, if the table has one.
    pub fn theme(&self, year: u16, meeting: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.year == year && t.meeting == meeting)
    }

    /// When something cited happened; `None` when the table cannot tell (a congress before
    /// the first it lists, or more than one after the last).
    pub fn when(&self, cited: Cited) -> Option<When> {
        let congress = |n: u8| self.congresses.iter().find(|c| c.number == n);
        let next = self.congresses.last().map(|c| c.number + 1);
        let latest = || {
            let c = self.congresses.last()?;
            Some(When::After(c.plenums.last().copied().unwrap_or(c.closed)))
        };
        match cited {
            Cited::Congress(n) | Cited::Term(n) => match congress(n) {
                Some(c) => Some(When::On(c.closed)),
                None if Some(n) == next => latest(),
                None => None,
            },
            Cited::Plenum(n, k) => match congress(n) {
                Some(c) => Some(match c.plenums.get(usize::from(k).wrapping_sub(1)) {
                    Some(d) => When::On(*d),
                    None => When::After(c.plenums.last().copied().unwrap_or(c.closed)),
                }),
                None if Some(n) == next => latest(),
                None => None,
            },
            Cited::Saying(i) => self.sayings.get(i).map(|s| When::On(s.date)),
        }
    }

    /// The congress or plenum that closed last on or before `day`: (its name, its day). A
    /// term's first plenum, which only elects the leadership and is seldom cited, is passed
    /// over for the congress before it.
    pub fn latest_meeting(&self, day: Date) -> Option<(String, Date)> {
        self.congresses
            .iter()
            .flat_map(|c| {
                let plenums =
                    c.plenums.iter().enumerate().skip(1).map(move |(k, d)| (Cited::Plenum(c.number, k as u8 + 1), *d));
                std::iter::once((Cited::Congress(c.number), c.closed)).chain(plenums)
            })
            .filter(|(_, d)| *d <= day)
            .max_by_key(|(_, d)| *d)
            .map(|(cited, d)| (cited.name(self), d))
    }

    /// Every meeting and saying `text` names, in the order they stand (see the module doc for
    /// the forms read).
    pub fn citations(&self, text: &str) -> Vec<Citation> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let starts = |i: usize, word: &str| text[byte(i).min(text.len())..].starts_with(word);
        let numeral = |c: Option<char>| c.is_some_and(|c| NUMERALS.contains(c));
        // The numeral run ending just before `i`: (its first index, its value).
        let run_before = |i: usize| {
            let mut s = i;
            while s > 0 && numeral(at(s - 1)) {
                s -= 1;
            }
            let value = parse_chinese(&text[byte(s)..byte(i)])?;
            Some((s, u8::try_from(value).ok()?))
        };
        let mut found = Vec::new();
        let mut push = |from: usize, to: usize, cited: Cited| {
            let before = &text[byte(from.saturating_sub(6))..byte(from)];
            let after = &text[byte(to)..];
            let ahead = AHEAD_BEFORE.iter().any(|w| before.contains(w))
                || AHEAD_AFTER.iter().any(|w| after.starts_with(w))
                || after.starts_with("胜利召开") && before.contains('迎');
            found.push(Citation { start: byte(from), written: text[byte(from)..byte(to)].to_string(), cited, ahead });
        };
        for i in 0..chars.len() {
            match chars[i].1 {
                // 十九大, 党的二十大.
                '大' => {
                    let Some((s, n)) = run_before(i) else { continue };
                    if n > 10 && at(s.wrapping_sub(1)) != Some('第') {
                        let from = if s >= 2 && starts(s - 2, "党的") { s - 2 } else { s };
                        push(from, i + 1, Cited::Congress(n));
                    }
                }
                // 中国共产党第二十次全国代表大会, 党的第二十次全国代表大会.
                '第' => {
                    let party = ["中国共产党", "党的"]
                        .into_iter()
                        .find(|p| i >= p.chars().count() && starts(i - p.chars().count(), p));
                    let Some(party) = party else { continue };
                    let mut e = i + 1;
                    while numeral(at(e)) {
                        e += 1;
                    }
                    let Some(n) = parse_chinese(&text[byte(i + 1)..byte(e)]).and_then(|n| u8::try_from(n).ok()) else {
                        continue;
                    };
                    let tail = "次全国代表大会";
                    if n > 10 && starts(e, tail) {
                        push(i - party.chars().count(), e + tail.chars().count(), Cited::Congress(n));
                    }
                }
                // 二十届四中全会, 二十届二中、三中全会, 二十届历次全会, 二十届中央委员会第四次全体会议.
                '届' => {
                    let Some((s, n)) = run_before(i) else { continue };
                    if n <= 10 {
                        continue;
                    }
                    let from = if s >= 2 && starts(s - 2, "党的") { s - 2 } else { s };
                    let j = i + 1;
                    if let Some(word) = ["历次全会", "历次全体会议"].into_iter().find(|w| starts(j, w)) {
                        push(from, j + word.chars().count(), Cited::Term(n));
                        continue;
                    }
                    let head = "中央委员会第";
                    if starts(j, head) {
                        let k0 = j + head.chars().count();
                        let mut e = k0;
                        while numeral(at(e)) {
                            e += 1;
                        }
                        let k = parse_chinese(&text[byte(k0)..byte(e)]).and_then(|k| u8::try_from(k).ok());
                        if let (Some(k), true) = (k, starts(e, "次全体会议")) {
                            push(from, e + "次全体会议".chars().count(), Cited::Plenum(n, k));
                        }
                        continue;
                    }
                    // A list of plenums: 二中、三中、四中, then 全会 (or 全体会议, or nothing).
                    let mut plenums = Vec::new();
                    let mut e = j;
                    while numeral(at(e)) && at(e) != Some('十') && at(e + 1) == Some('中') {
                        plenums.push(parse_chinese(&text[byte(e)..byte(e + 1)]).unwrap_or(0) as u8);
                        e += 2;
                        let joined =
                            matches!(at(e), Some('、' | '和' | '及')) && numeral(at(e + 1)) && at(e + 2) == Some('中');
                        if !joined {
                            break;
                        }
                        e += 1;
                    }
                    if plenums.is_empty() {
                        continue;
                    }
                    if let Some(word) = ["全会", "全体会议"].into_iter().find(|w| starts(e, w)) {
                        e += word.chars().count();
                    }
                    for k in plenums {
                        push(from, e, Cited::Plenum(n, k));
                    }
                }
                _ => {}
            }
        }
        for (index, s) in self.sayings.iter().enumerate() {
            for (start, written) in text.match_indices(&*s.name) {
                found.push(Citation { start, written: written.to_string(), cited: Cited::Saying(index), ahead: false });
            }
        }
        found.sort_by_key(|c| (c.start, c.cited));
        found
    }

    /// What `text` cites that had not happened by `end` (the last day of a report's period),
    /// each once, in the order they stand, with a message saying how to fix it.
    pub fn late(&self, text: &str, end: Date) -> Vec<Late> {
        let mut seen = BTreeSet::new();
        self.citations(text)
            .into_iter()
            .filter(|c| !c.ahead)
            .filter_map(|c| {
                let when = self.when(c.cited)?;
                let late = match when {
                    When::On(d) => d > end,
                    When::After(d) => d >= end,
                };
                (late && seen.insert(c.cited)).then(|| self.late_one(c, when, end))
            })
            .collect()
    }

    fn late_one(&self, c: Citation, when: When, end: Date) -> Late {
        let name = c.cited.name(self);
        let quoted = format!("“{}”", c.written);
        let what = match (c.cited, when) {
            (Cited::Saying(i), When::On(d)) => {
                let occasion = self.sayings.get(i).map(|s| s.occasion.to_string()).unwrap_or_default();
                format!("{quoted}{d}才在{occasion}上提出")
            }
            (Cited::Term(n), When::On(d)) => format!("{quoted}：党的{}大{d}才闭幕", chinese(n.into())),
            (_, When::On(d)) if c.written.trim_start_matches("党的") == name.trim_start_matches("党的") => {
                format!("{quoted}{d}才闭幕")
            }
            (_, When::On(d)) => format!("{quoted}中的{name}{d}才闭幕"),
            (_, When::After(d)) => format!("{quoted}要在{d}以后才召开"),
        };
        let message = match c.cited {
            Cited::Saying(_) => {
                format!("{what}，本报告期间截至{end}，那时还没有这一提法。请删去，或改用那时已有的提法。")
            }
            _ => {
                let nearest = match self.latest_meeting(end) {
                    Some((latest, d)) => format!("（最近的是{latest}，{d}闭幕）"),
                    None => String::new(),
                };
                format!("{what}，本报告期间截至{end}，那时还没有召开。请删去，或改为期末以前已经召开的会议{nearest}。")
            }
        };
        Late { written: c.written, name, when, message }
    }
}

#[cfg(test)]
#[path = "references_tests.rs"]
mod tests;
