//! The app's addresses. Pages live in the URL's hash (`#/r/ID/s/theory`), so a refresh or
//! a bookmark opens the same page on any static server, under any sub-path, with no server
//! rewrite rules. Pure Rust: parsing and formatting are tested natively.

/// Which page, and for which report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// 我的报告.
    Home,
    /// 基本信息.
    Info {
        report: String,
        back: bool,
    },
    /// The task list.
    Tasks {
        report: String,
    },
    /// One section's items.
    Section {
        report: String,
        section: String,
        back: bool,
    },
    /// 问题与打算.
    Problems {
        report: String,
        back: bool,
    },
    /// 核对.
    Check {
        report: String,
    },
    /// 生成报告.
    Output {
        report: String,
    },
    NotFound,
}

impl Route {
    /// Reads a location hash such as `#/r/abc/s/theory?from=check`.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let back = query.split('&').any(|kv| kv == "from=check");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let ok = |s: &str| {
            !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        match parts.as_slice() {
            [] => Route::Home,
            ["r", id] if ok(id) => Route::Tasks { report: id.to_string() },
            ["r", id, "info"] if ok(id) => Route::Info { report: id.to_string(), back },
            ["r", id, "s", s] if ok(id) && ok(s) => {
                Route::Section { report: id.to_string(), section: s.to_string(), back }
            }
            ["r", id, "problems"] if ok(id) => Route::Problems { report: id.to_string(), back },
            ["r", id, "check"] if ok(id) => Route::Check { report: id.to_string() },
            ["r", id, "output"] if ok(id) => Route::Output { report: id.to_string() },
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        let from = |back: bool| if back { "?from=check" } else { "" };
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::Info { report, back } => format!("#/r/{report}/info{}", from(*back)),
            Route::Tasks { report } => format!("#/r/{report}"),
            Route::Section { report, section, back } => format!("#/r/{report}/s/{section}{}", from(*back)),
            Route::Problems { report, back } => format!("#/r/{report}/problems{}", from(*back)),
            Route::Check { report } => format!("#/r/{report}/check"),
            Route::Output { report } => format!("#/r/{report}/output"),
        }
    }

    /// The report this page belongs to.
    pub fn report(&self) -> Option<&str> {
        match self {
            Route::Home | Route::NotFound => None,
            Route::Info { report, .. }
            | Route::Tasks { report }
            | Route::Section { report, .. }
            | Route::Problems { report, .. }
            | Route::Check { report }
            | Route::Output { report } => Some(report),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn round_trips_every_page() {
        let id = "r18f2a".to_string();
        for r in [
            Route::Home,
            Route::Info { report: id.clone(), back: false },
            Route::Info { report: id.clone(), back: true },
            Route::Tasks { report: id.clone() },
            Route::Section { report: id.clone(), section: "theory".into(), back: false },
            Route::Section { report: id.clone(), section: "theory".into(), back: true },
            Route::Problems { report: id.clone(), back: false },
            Route::Check { report: id.clone() },
            Route::Output { report: id.clone() },
        ] {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn unknown_or_hostile_hashes_are_not_found() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/r/<script>/info"), Route::NotFound);
        assert_eq!(Route::parse("#/x/y"), Route::NotFound);
        assert_eq!(Route::parse("#/r/a/s/../../etc"), Route::NotFound);
    }
}
