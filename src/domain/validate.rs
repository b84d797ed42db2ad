//! Checks what a user typed into a field and says, in plain Chinese, how to fix it.
//! Lenient where people are: full-width digits (９８), a trailing % or 次, spaces and
//! 2026/6/18 or 2026年6月18日 for dates are all accepted.
//!
//! Not here: the fields themselves (see `template`), or which of a report's figures fail
//! (`progress::field_errors`).

use crate::domain::report::{MAX_YEAR, MIN_YEAR};
use crate::domain::template::{Field, FieldKind};
use std::fmt;

/// Why a typed value cannot be printed; `Display` says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// Not a whole number from `min` to `max`.
    CountOutOfRange { min: u32, max: u32 },
    /// Not a percentage from 0 to 100 with at most one decimal place.
    NotAPercent,
    /// Not a day that exists, in a form that is understood.
    NotADate,
    /// `len` characters where at most `max` fit.
    TooLong { max: usize, len: usize },
    /// Not one of the field's options.
    NotAnOption { options: Vec<String> },
    /// A year, but outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange,
    /// Not a year at all.
    NotAYear,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::CountOutOfRange { min, max } => write!(f, "请输入{min}到{max}之间的整数"),
            FieldError::NotAPercent => write!(f, "请输入0到100之间的数字，最多一位小数，例如98或97.5"),
            FieldError::NotADate => write!(f, "请按“2026-06-18”的格式输入日期"),
            FieldError::TooLong { max, len } => {
                write!(f, "最多{max}个字，现在有{len}个字，请删去{}个字", len.saturating_sub(*max))
            }
            FieldError::NotAnOption { options } => write!(f, "请从这些选项中选择一个：{}", options.join("、")),
            FieldError::YearOutOfRange => write!(f, "年份应在{MIN_YEAR}到{MAX_YEAR}之间，例如2026"),
            FieldError::NotAYear => write!(f, "请输入4位数的年份，例如2026"),
        }
    }
}

impl std::error::Error for FieldError {}

/// `Ok(None)`: empty; `Ok(Some(v))`: the value as the report prints it; `Err(e)`: why it
/// cannot be printed (its `Display` says how to fix it).
pub fn check_field(field: &Field, raw: &str) -> Result<Option<String>, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match &field.kind {
        FieldKind::Count { min, max, unit } => {
            let digits = ascii_digits(text);
            let digits = digits.trim_end_matches(|c: char| !c.is_ascii_digit() && unit.contains(c)).trim();
            match digits.parse::<u64>() {
                Ok(n) if n >= u64::from(*min) && n <= u64::from(*max) => Ok(Some(n.to_string())),
                _ => Err(FieldError::CountOutOfRange { min: *min, max: *max }),
            }
        }
        FieldKind::Percent => {
            let digits = ascii_digits(text);
            let digits = digits.trim_end_matches(['%', '％']).trim();
            let ok = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
                && digits.matches('.').count() <= 1
                && digits.split('.').nth(1).is_none_or(|d| d.len() <= 1);
            match digits.parse::<f64>() {
                Ok(v) if ok && (0.0..=100.0).contains(&v) => Ok(Some(format!("{}%", trim_number(digits)))),
                _ => Err(FieldError::NotAPercent),
            }
        }
        FieldKind::Date => {
            parse_date(text).map(|(y, m, d)| Some(format!("{y}年{m}月{d}日"))).ok_or(FieldError::NotADate)
        }
        FieldKind::Text { max_chars } | FieldKind::LongText { max_chars } => {
            let n = text.chars().count();
            if n > *max_chars {
                Err(FieldError::TooLong { max: *max_chars, len: n })
            } else {
                let cleaned = crate::domain::text::clean_inline(text);
                Ok(if cleaned.is_empty() { None } else { Some(cleaned) })
            }
        }
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o == text) {
                Ok(Some(text.to_string()))
            } else {
                Err(FieldError::NotAnOption { options: options.iter().map(|o| o.to_string()).collect() })
            }
        }
    }
}

/// The report's year, as typed on 基本信息: full-width digits and a trailing 年 accepted.
pub fn parse_year(text: &str) -> Result<u16, FieldError> {
    match ascii_digits(text).trim_end_matches('年').parse::<u16>() {
        Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) => Ok(y),
        Ok(_) => Err(FieldError::YearOutOfRange),
        Err(_) => Err(FieldError::NotAYear),
    }
}

/// Full-width digits and punctuation to ASCII, spaces removed.
fn ascii_digits(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            _ => c,
        })
        .collect()
}

/// `97.0` → `97`, `097.5` → `97.5`.
fn trim_number(s: &str) -> String {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Accepts 2026-06-18, 2026/6/18, 2026.6.18 and 2026年6月18日; checks the day exists.
pub fn parse_date(text: &str) -> Option<(u16, u8, u8)> {
    let norm = ascii_digits(text);
    let parts: Vec<&str> = norm.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 || parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4) {
        return None;
    }
    let y: u16 = parts[0].parse().ok()?;
    let m: u8 = parts[1].parse().ok()?;
    let d: u8 = parts[2].parse().ok()?;
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][usize::from(m - 1)];
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: FieldKind) -> Field {
        Field { id: "f".into(), label: "l".into(), hint: "".into(), kind }
    }

    /// The check with its error as the user reads it.
    fn check(field: &Field, raw: &str) -> Result<Option<String>, String> {
        check_field(field, raw).map_err(|e| e.to_string())
    }

    #[test]
    fn counts_accept_full_width_and_unit_and_check_bounds() {
        let f = field(FieldKind::Count { min: 0, max: 50, unit: "次".into() });
        assert_eq!(check(&f, " ９ "), Ok(Some("9".into())));
        assert_eq!(check(&f, "12次"), Ok(Some("12".into())));
        assert_eq!(check(&f, ""), Ok(None));
        assert_eq!(check(&f, "51"), Err("请输入0到50之间的整数".into()));
        assert_eq!(check(&f, "-1"), Err("请输入0到50之间的整数".into()));
        assert_eq!(check(&f, "三"), Err("请输入0到50之间的整数".into()));
        assert_eq!(check(&f, "99999999999999999999999"), Err("请输入0到50之间的整数".into()));
        assert_eq!(check_field(&f, "51"), Err(FieldError::CountOutOfRange { min: 0, max: 50 }));
    }

    #[test]
    fn percents_are_bounded_and_printed_with_sign() {
        let f = field(FieldKind::Percent);
        assert_eq!(check(&f, "98"), Ok(Some("98%".into())));
        assert_eq!(check(&f, "98%"), Ok(Some("98%".into())));
        assert_eq!(check(&f, "９７．５％"), Ok(Some("97.5%".into())));
        assert_eq!(check(&f, "100.0"), Ok(Some("100%".into())));
        assert!(check(&f, "101").is_err());
        assert!(check(&f, "98.25").is_err());
        assert!(check(&f, "NaN").is_err());
        assert!(check(&f, "1e2").is_err());
        assert!(check(&f, "-0").is_err());
        assert_eq!(check_field(&f, "101"), Err(FieldError::NotAPercent));
    }

    #[test]
    fn dates_are_real_days_without_leading_zeros() {
        let f = field(FieldKind::Date);
        assert_eq!(check(&f, "2026-06-18"), Ok(Some("2026年6月18日".into())));
        assert_eq!(check(&f, "2026/6/8"), Ok(Some("2026年6月8日".into())));
        assert_eq!(check(&f, "2026年12月20日"), Ok(Some("2026年12月20日".into())));
        assert_eq!(check(&f, "2024-02-29"), Ok(Some("2024年2月29日".into())));
        assert!(check(&f, "2026-02-29").is_err());
        assert!(check(&f, "2026-13-01").is_err());
        assert!(check(&f, "明天").is_err());
        assert_eq!(check_field(&f, "明天"), Err(FieldError::NotADate));
    }

    #[test]
    fn text_length_is_counted_in_characters() {
        let f = field(FieldKind::Text { max_chars: 4 });
        assert_eq!(check(&f, "网络舆情"), Ok(Some("网络舆情".into())));
        assert_eq!(check(&f, "网络舆情处置"), Err("最多4个字，现在有6个字，请删去2个字".into()));
        assert_eq!(check_field(&f, "网络舆情处置"), Err(FieldError::TooLong { max: 4, len: 6 }));
    }

    #[test]
    fn years_accept_full_width_digits_and_say_what_is_wrong() {
        assert_eq!(parse_year("2026"), Ok(2026));
        assert_eq!(parse_year(" ２０２６年 "), Ok(2026));
        assert_eq!(parse_year("1990"), Err(FieldError::YearOutOfRange));
        assert_eq!(parse_year("1990").unwrap_err().to_string(), "年份应在2000到2100之间，例如2026");
        assert_eq!(parse_year("2101"), Err(FieldError::YearOutOfRange));
        assert_eq!(parse_year("二〇二六"), Err(FieldError::NotAYear));
        assert_eq!(parse_year("二〇二六").unwrap_err().to_string(), "请输入4位数的年份，例如2026");
    }

    #[test]
    fn choices_must_be_listed() {
        let f = field(FieldKind::Choice { options: vec!["市级".into(), "省级".into()].into() });
        assert_eq!(check(&f, "省级"), Ok(Some("省级".into())));
        assert_eq!(check(&f, "国家级"), Err("请从这些选项中选择一个：市级、省级".into()));
    }
}
