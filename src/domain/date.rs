//! A calendar day, as reports name them (2022年10月22日) and as data files write them
//! (`"2022-10-22"`). Days compare in time order, so “had this happened by the end of the
//! period?” is `meeting <= end`.
//!
//! This file is also compiled into the build script (with `references` and `template`), so it
//! may use only `serde` and `std`.
//!
//! Not here: reading dates as users type them (`validate::parse_date`, which accepts more
//! separators and full-width digits), or the end of a report's period (`report::Period::end`).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A day; the caller keeps it real (the data files go through [`Date::parse`]).
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Days in a month of a year (February of a leap year has 29); 0 for a month that is not
    /// 1 to 12.
    pub fn days_in_month(year: u16, month: u8) -> u8 {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        }
    }

    /// The last day of a month (`month` brought into 1 to 12).
    pub fn end_of_month(year: u16, month: u8) -> Date {
        let month = month.clamp(1, 12);
        Date::new(year, month, Date::days_in_month(year, month))
    }

    /// Reads `YYYY-MM-DD` exactly (the form the data files use); `None` for anything else or
    /// a day the calendar does not have.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || y.len() != 4
            || m.len() != 2
            || d.len() != 2
            || ![y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        (day >= 1 && day <= Date::days_in_month(year, month)).then_some(Date::new(year, month, day))
    }

    /// As data files write it: `2022-10-22`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As reports write it: `2022年10月22日`, without leading zeros.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Date, String> {
        Date::parse(&text).ok_or_else(|| format!("“{text}”不是日期，请写成“2022-10-22”的样子"))
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.iso()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_real_days_in_the_data_form() {
        assert_eq!(Date::parse("2022-10-22"), Some(Date::new(2022, 10, 22)));
        assert_eq!(Date::parse("2024-02-29"), Some(Date::new(2024, 2, 29)));
        for bad in ["2023-02-29", "2022-13-01", "2022-00-10", "2022-1-5", "2022/10/22", "2022-10-22-1", "", "二〇二二"]
        {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::new(2022, 10, 22).to_string(), "2022年10月22日");
        assert_eq!(Date::new(2022, 1, 5).iso(), "2022-01-05");
    }

    #[test]
    fn days_order_in_time_and_months_end_right() {
        assert!(Date::new(2022, 6, 30) < Date::new(2022, 10, 22));
        assert!(Date::new(2021, 12, 31) < Date::new(2022, 1, 1));
        assert_eq!(Date::end_of_month(2024, 2), Date::new(2024, 2, 29));
        assert_eq!(Date::end_of_month(2100, 2), Date::new(2100, 2, 28));
        assert_eq!(Date::end_of_month(2023, 9), Date::new(2023, 9, 30));
        assert_eq!(Date::end_of_month(2023, 0), Date::new(2023, 1, 31), "months are brought into range");
    }
}
