//! Chinese numerals for numbering (一、二…十二) as used in 一是、（三）、十一是, and read back
//! where text names a meeting (二十大, 十九届六中全会).
//!
//! Also compiled into the build script (for `references`): `std` only.

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes 1..=99 as Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五.
/// Larger numbers are not used for numbering; they fall back to Arabic digits.
pub fn chinese(n: usize) -> String {
    match n {
        0 => DIGITS[0].into(),
        1..=9 => DIGITS[n].into(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => {
            let (t, u) = (n / 10, n % 10);
            if u == 0 {
                format!("{}十", DIGITS[t])
            } else {
                format!("{}十{}", DIGITS[t], DIGITS[u])
            }
        }
        _ => n.to_string(),
    }
}

/// Reads 1..=99 written as [`chinese`] writes them (一, 十, 十二, 二十, 三十五); `None` for
/// anything else (〇, 两, 一十, 二二, an empty string).
pub fn parse_chinese(text: &str) -> Option<usize> {
    let digit = |c: char| DIGITS.iter().position(|d| d.starts_with(c)).filter(|&n| n > 0);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [u] => digit(*u),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10).filter(|&n| n > 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?).filter(|&n| n > 20),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{chinese, parse_chinese};

    #[test]
    fn reads_back_what_it_writes() {
        for n in 1..=99 {
            assert_eq!(parse_chinese(&chinese(n)), Some(n), "{n}");
        }
        for bad in ["", "〇", "两", "一十", "二二", "十十", "百", "二十一二", "x"] {
            assert_eq!(parse_chinese(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_numbering_numerals() {
        let got: Vec<String> = [1, 2, 9, 10, 11, 12, 19, 20, 21, 30, 99].iter().map(|&n| chinese(n)).collect();
        assert_eq!(got, ["一", "二", "九", "十", "十一", "十二", "十九", "二十", "二十一", "三十", "九十九"]);
    }
}
