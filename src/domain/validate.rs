//! Checks what a user typed into a field and says, in plain Chinese, how to fix it.
//! Lenient where people are: full-width digits (９８), a trailing % or 次, spaces and
//! 2026/6/18 or 2026年6月18日 for dates are all accepted.

use crate::domain::template::{Field, FieldKind};

/// `Ok(None)`: empty; `Ok(Some(v))`: the value as the report prints it; `Err(msg)`: how to fix.
pub fn check(field: &Field, raw: &str) -> Result<Option<String>, String> {
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
                _ => Err(format!("请输入{min}到{max}之间的整数")),
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
                _ => Err("请输入0到100之间的数字，最多一位小数，例如98或97.5".into()),
            }
        }
        FieldKind::Date => parse_date(text)
            .map(|(y, m, d)| Some(format!("{y}年{m}月{d}日")))
            .ok_or_else(|| "请按“2026-06-18”的格式输入日期".into()),
        FieldKind::Text { max_chars } | FieldKind::LongText { max_chars } => {
            let n = text.chars().count();
            if n > *max_chars {
                Err(format!("最多{max_chars}个字，现在有{n}个字，请删去{}个字", n - max_chars))
            } else {
                let cleaned = crate::domain::text::clean_inline(text);
                Ok(if cleaned.is_empty() { None } else { Some(cleaned) })
            }
        }
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o == text) {
                Ok(Some(text.to_string()))
            } else {
                Err(format!("请从这些选项中选择一个：{}", options.join("、")))
            }
        }
    }
}

/// The report's year, as typed on 基本信息: full-width digits and a trailing 年 accepted.
pub fn parse_year(text: &str) -> Result<u16, &'static str> {
    match ascii_digits(text).trim_end_matches('年').parse::<u16>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        Ok(_) => Err("年份应在2000到2100之间，例如2026"),
        Err(_) => Err("请输入4位数的年份，例如2026"),
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
    }

    #[test]
    fn text_length_is_counted_in_characters() {
        let f = field(FieldKind::Text { max_chars: 4 });
        assert_eq!(check(&f, "网络舆情"), Ok(Some("网络舆情".into())));
        assert_eq!(check(&f, "网络舆情处置"), Err("最多4个字，现在有6个字，请删去2个字".into()));
    }

    #[test]
    fn years_accept_full_width_digits_and_say_what_is_wrong() {
        assert_eq!(parse_year("2026"), Ok(2026));
        assert_eq!(parse_year(" ２０２６年 "), Ok(2026));
        assert_eq!(parse_year("1990"), Err("年份应在2000到2100之间，例如2026"));
        assert_eq!(parse_year("二〇二六"), Err("请输入4位数的年份，例如2026"));
    }

    #[test]
    fn choices_must_be_listed() {
        let f = field(FieldKind::Choice { options: vec!["市级".into(), "省级".into()].into() });
        assert_eq!(check(&f, "省级"), Ok(Some("省级".into())));
        assert_eq!(check(&f, "国家级"), Err("请从这些选项中选择一个：市级、省级".into()));
    }
}
