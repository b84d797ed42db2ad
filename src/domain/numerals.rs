//! Chinese numerals for numbering (一、二…十二) as used in 一是、（三）、十一是.

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

#[cfg(test)]
mod tests {
    use super::chinese;

    #[test]
    fn writes_numbering_numerals() {
        let got: Vec<String> = [1, 2, 9, 10, 11, 12, 19, 20, 21, 30, 99].iter().map(|&n| chinese(n)).collect();
        assert_eq!(got, ["一", "二", "九", "十", "十一", "十二", "十九", "二十", "二十一", "三十", "九十九"]);
    }
}
