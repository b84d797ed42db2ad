//! The saved format: everything zeren keeps in the browser, as one versioned envelope.
//! Reading checks the version first: data from a newer zeren is refused (and must be left
//! untouched by the caller), data from an older one is migrated, and unreadable data is
//! reported with a reason, never replaced by an empty default.
//!
//! Not here: the browser's storage itself (see `browser::storage`).

use crate::domain::report::Report;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version this build writes.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    /// Increases on every save; lets a tab notice that another tab saved after it read.
    pub revision: u64,
    pub reports: Vec<Report>,
    #[serde(default)]
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// The report open last, to resume there.
    pub last_report: Option<String>,
    /// When the user last exported a backup (ms since 1970), 0 if never.
    pub last_export_ms: f64,
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope { schema: SCHEMA, revision: 0, reports: Vec::new(), settings: Settings::default() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Written by a newer zeren; leave it alone.
    Newer { found: u32 },
    /// Not zeren's data, or damaged.
    Unreadable { reason: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Newer { found } => write!(
                f,
                "这些数据是由更新版本的本工具保存的（格式版本{found}，本页面只认识到版本{SCHEMA}）。为避免损坏，本页面不会改动它们，请使用最新版本的页面打开。"
            ),
            LoadError::Unreadable { reason } => write!(f, "保存的数据无法读取（{reason}）。"),
        }
    }
}

impl Envelope {
    pub fn from_json(text: &str) -> Result<Envelope, LoadError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::Unreadable { reason: format!("不是有效的数据：{e}") })?;
        let schema = value
            .get("schema")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| LoadError::Unreadable { reason: "缺少格式版本号".into() })?;
        let schema = u32::try_from(schema).unwrap_or(u32::MAX);
        if schema > SCHEMA {
            return Err(LoadError::Newer { found: schema });
        }
        // Migrations from earlier versions go here, one step at a time, each with a fixture.
        serde_json::from_value(value).map_err(|e| LoadError::Unreadable { reason: format!("内容不完整或格式不对：{e}") })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the saved format always serialises")
    }

    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.id == id)
    }

    pub fn report_mut(&mut self, id: &str) -> Option<&mut Report> {
        self.reports.iter_mut().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut e = Envelope::default();
        e.reports.push(Report::new("a", 1.0));
        e.revision = 7;
        assert_eq!(Envelope::from_json(&e.to_json()), Ok(e));
    }

    #[test]
    fn refuses_newer_and_reports_damage() {
        assert_eq!(Envelope::from_json(r#"{"schema":99,"revision":1,"reports":[]}"#), Err(LoadError::Newer { found: 99 }));
        assert!(matches!(Envelope::from_json("{\"schema\":1,\"rev"), Err(LoadError::Unreadable { .. })));
        assert!(matches!(Envelope::from_json("[]"), Err(LoadError::Unreadable { .. })));
        assert!(matches!(Envelope::from_json(r#"{"schema":1,"revision":1,"reports":[{"answers":5}]}"#), Err(LoadError::Unreadable { .. })));
    }
}
