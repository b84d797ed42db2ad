//! The app's addresses. Pages live in the URL's hash (`#/r/ID/s/theory`), so a refresh or
//! a bookmark opens the same page on any static server, under any sub-path, with no server
//! rewrite rules. Pure Rust: parsing and formatting are tested natively.
//!
//! [`PAGES`] is the route table, one line per page: its address, its name for the
//! browser's title, and whether it can be opened from 核对 and return there. Adding a page
//! is a variant of [`Page`], a line here and its view in `ui::view` (the compiler asks for
//! the view; a test asks for the line).
//!
//! Not here: what a page shows (`ui`), going to a page (`state::navigate`).

use crate::domain::report::valid_id;

/// Which page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// 我的报告.
    Home,
    /// 基本信息.
    Info,
    /// The task list.
    Tasks,
    /// One section's items.
    Section,
    /// 问题与下一步打算.
    Plans,
    /// 核对.
    Review,
    /// 生成报告.
    Output,
    /// 公文校对: any pasted text, not a report's (the tools module).
    Proof,
    /// 编辑清单: one of the user's own checklists (the tools module).
    Editor,
    /// 汇总: the branches' backup files in one table (the tools module).
    Rollup,
    /// 导入备份文件: a backup file checked, shown, and added or put in place (the tools module).
    Restore,
    /// An address zeren does not have.
    NotFound,
}

/// Which of the two wasm modules shows a page. The first screen's module (`Main`: 我的报告,
/// 基本信息, the task list and its sections) stays small; the pages it does not need live in
/// `Tools` (the end of the walk-through: 问题与打算, 核对 and 生成报告, with the generator's
/// full text, the proof-reader and the writers of .docx; 导入备份文件; 公文校对, 我的清单,
/// 汇总), loaded only when one of them is opened. The
/// start-up script (scripts/loader.js) picks the module from the address with
/// [`TOOLS_PATHS`]. The tools module also shows the main module's pages, so the only reload
/// is from the main module to a page of the tools module, where the start-up script picks
/// again; after it the user stays in the tools module. What a page needs across that reload
/// (the item to put focus on) travels in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Main,
    Tools,
}

/// The addresses (after `#/`) of the tools module's pages, as the route table writes them;
/// an address starting with one is that module's. scripts/loader.js and
/// scripts/single-file.js hold the same list as a regular expression; a test keeps them in
/// step.
pub const TOOLS_PATHS: [&str; 7] =
    ["r/{report}/problems", "r/{report}/check", "r/{report}/output", "proof", "c/", "rollup", "backup"];

impl Page {
    /// The module that shows this page (an unknown address: either, so `Main`).
    pub fn part(self) -> Part {
        PAGES.iter().find(|l| l.page == self).map_or(Part::Main, |l| l.part)
    }
}

/// One line of the route table.
pub struct PageLine {
    pub page: Page,
    /// The module that shows it.
    pub part: Part,
    /// The address after `#/`; `{report}`, `{section}` and `{checklist}` stand for ids.
    pub path: &'static str,
    /// The page's name in the browser's title; empty where the page names itself (a
    /// section is named by its checklist).
    pub title: &'static str,
    /// Whether the page can be opened from 核对 (`?from=check`) and go back there.
    pub returns: bool,
}

/// The route table.
pub const PAGES: [PageLine; 11] = [
    PageLine { page: Page::Home, part: Part::Main, path: "", title: "我的报告", returns: false },
    PageLine { page: Page::Tasks, part: Part::Main, path: "r/{report}", title: "自查清单", returns: false },
    PageLine { page: Page::Info, part: Part::Main, path: "r/{report}/info", title: "基本信息", returns: true },
    PageLine { page: Page::Section, part: Part::Main, path: "r/{report}/s/{section}", title: "", returns: true },
    PageLine {
        page: Page::Plans,
        part: Part::Tools,
        path: "r/{report}/problems",
        title: "问题与下一步打算",
        returns: true,
    },
    PageLine {
        page: Page::Review, part: Part::Tools, path: "r/{report}/check", title: "核对填写内容", returns: false
    },
    PageLine {
        page: Page::Output, part: Part::Tools, path: "r/{report}/output", title: "生成报告", returns: false
    },
    PageLine { page: Page::Proof, part: Part::Tools, path: "proof", title: "公文校对", returns: false },
    PageLine { page: Page::Editor, part: Part::Tools, path: "c/{checklist}", title: "编辑清单", returns: false },
    PageLine { page: Page::Rollup, part: Part::Tools, path: "rollup", title: "汇总", returns: false },
    PageLine { page: Page::Restore, part: Part::Tools, path: "backup", title: "导入备份文件", returns: false },
];

/// The query that marks a page opened from 核对.
const FROM_REVIEW: &str = "from=check";
/// The query naming the item to put focus on (`item=ID`): on a section, the item a 修改
/// link on 核对 opened; on 核对, that item's 修改 link again when the user comes back.
const ITEM: &str = "item=";

/// A page, for which report and section, and whether it was opened from 核对.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    /// Empty on pages of no report.
    pub report: String,
    /// Empty on pages other than a section.
    pub section: String,
    /// Empty on pages other than the checklist editor.
    pub checklist: String,
    /// Opened from 核对: its 保存 button returns there.
    pub back: bool,
    /// The item to put focus on when the page opens (empty: the page's heading).
    pub item: String,
}

impl Route {
    fn new(page: Page, report: &str) -> Route {
        Route {
            page,
            report: report.to_string(),
            section: String::new(),
            checklist: String::new(),
            back: false,
            item: String::new(),
        }
    }

    pub fn home() -> Route {
        Route::new(Page::Home, "")
    }
    pub fn not_found() -> Route {
        Route::new(Page::NotFound, "")
    }
    pub fn info(report: &str) -> Route {
        Route::new(Page::Info, report)
    }
    pub fn tasks(report: &str) -> Route {
        Route::new(Page::Tasks, report)
    }
    pub fn section(report: &str, section: &str) -> Route {
        Route { section: section.to_string(), ..Route::new(Page::Section, report) }
    }
    pub fn plans(report: &str) -> Route {
        Route::new(Page::Plans, report)
    }
    pub fn review(report: &str) -> Route {
        Route::new(Page::Review, report)
    }
    pub fn output(report: &str) -> Route {
        Route::new(Page::Output, report)
    }
    pub fn proof() -> Route {
        Route::new(Page::Proof, "")
    }
    pub fn editor(checklist: &str) -> Route {
        Route { checklist: checklist.to_string(), ..Route::new(Page::Editor, "") }
    }
    pub fn rollup() -> Route {
        Route::new(Page::Rollup, "")
    }
    pub fn restore() -> Route {
        Route::new(Page::Restore, "")
    }

    /// The same page opened from 核对, where pages that can go back there do.
    pub fn from_review(self) -> Route {
        let back = self.line().is_some_and(|l| l.returns);
        Route { back, ..self }
    }

    /// The same page with focus on one item when it opens (on a section or on 核对).
    pub fn at_item(self, item: &str) -> Route {
        let item = if matches!(self.page, Page::Section | Page::Review) && valid_id(item) { item } else { "" };
        Route { item: item.to_string(), ..self }
    }

    /// This page's line in the route table (none for an unknown address).
    pub fn line(&self) -> Option<&'static PageLine> {
        PAGES.iter().find(|l| l.page == self.page)
    }

    /// Reads a location hash such as `#/r/abc/s/theory?from=check`.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let found = PAGES.iter().find_map(|line| {
            let pattern: Vec<&str> = line.path.split('/').filter(|p| !p.is_empty()).collect();
            if pattern.len() != parts.len() {
                return None;
            }
            let mut route = Route::new(line.page, "");
            for (want, got) in pattern.iter().zip(&parts) {
                match *want {
                    "{report}" if valid_id(got) => route.report = got.to_string(),
                    "{section}" if valid_id(got) => route.section = got.to_string(),
                    "{checklist}" if valid_id(got) => route.checklist = got.to_string(),
                    literal if literal == *got => {}
                    _ => return None,
                }
            }
            route.back = line.returns && query.split('&').any(|kv| kv == FROM_REVIEW);
            let item = query.split('&').find_map(|kv| kv.strip_prefix(ITEM)).unwrap_or("");
            Some(route.at_item(item))
        });
        found.unwrap_or_else(Route::not_found)
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        let Some(line) = self.line() else { return "#/".into() };
        let path = line
            .path
            .replace("{report}", &self.report)
            .replace("{section}", &self.section)
            .replace("{checklist}", &self.checklist);
        let mut query = Vec::new();
        if self.back && line.returns {
            query.push(FROM_REVIEW.to_string());
        }
        if !self.item.is_empty() {
            query.push(format!("{ITEM}{}", self.item));
        }
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        format!("#/{path}{query}")
    }

    /// The module that shows this page; an unknown address is shown by either.
    pub fn part(&self) -> Option<Part> {
        self.line().map(|l| l.part)
    }

    /// The report this page belongs to.
    pub fn report(&self) -> Option<&str> {
        (!self.report.is_empty()).then_some(self.report.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{Page, Part, Route, PAGES, TOOLS_PATHS};

    #[test]
    fn round_trips_every_page() {
        let id = "r18f2a";
        for r in [
            Route::home(),
            Route::info(id),
            Route::info(id).from_review(),
            Route::tasks(id),
            Route::section(id, "theory"),
            Route::section(id, "theory").from_review(),
            Route::section(id, "theory").from_review().at_item("first-topic"),
            Route::plans(id),
            Route::plans(id).from_review(),
            Route::review(id),
            Route::review(id).at_item("first-topic"),
            Route::output(id),
            Route::proof(),
            Route::editor("c1a2b3"),
            Route::rollup(),
            Route::restore(),
        ] {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn addresses_are_the_ones_users_have_bookmarked() {
        assert_eq!(Route::info("a").href(), "#/r/a/info");
        assert_eq!(Route::info("a").from_review().href(), "#/r/a/info?from=check");
        assert_eq!(Route::tasks("a").href(), "#/r/a");
        assert_eq!(Route::section("a", "theory").from_review().href(), "#/r/a/s/theory?from=check");
        assert_eq!(Route::plans("a").href(), "#/r/a/problems");
        assert_eq!(Route::review("a").href(), "#/r/a/check");
        assert_eq!(Route::output("a").href(), "#/r/a/output");
        assert_eq!(
            Route::section("a", "theory").from_review().at_item("t1").href(),
            "#/r/a/s/theory?from=check&item=t1"
        );
        assert_eq!(Route::review("a").at_item("t1").href(), "#/r/a/check?item=t1");
        assert_eq!(Route::home().href(), "#/");
        assert_eq!(Route::not_found().href(), "#/");
    }

    #[test]
    fn only_pages_that_return_to_review_keep_the_mark() {
        assert!(!Route::review("a").from_review().back);
        assert!(!Route::parse("#/r/a/output?from=check").back);
        assert!(Route::parse("#/r/a/problems?x=1&from=check").back);
    }

    #[test]
    fn only_sections_and_review_take_an_item_and_only_a_valid_one() {
        assert_eq!(Route::parse("#/r/a/check?item=t1").item, "t1");
        assert_eq!(Route::parse("#/r/a/s/x?item=t1&from=check").item, "t1");
        assert_eq!(Route::parse("#/r/a/problems?item=t1"), Route::plans("a"));
        assert_eq!(Route::parse("#/r/a/check?item=<img>"), Route::review("a"));
        assert_eq!(Route::output("a").at_item("t1"), Route::output("a"));
    }

    #[test]
    fn every_page_has_one_line_in_the_table() {
        for page in [
            Page::Home,
            Page::Info,
            Page::Tasks,
            Page::Section,
            Page::Plans,
            Page::Review,
            Page::Output,
            Page::Proof,
            Page::Editor,
            Page::Rollup,
            Page::Restore,
        ] {
            assert_eq!(PAGES.iter().filter(|l| l.page == page).count(), 1, "{page:?}");
        }
        assert!(Route::not_found().line().is_none());
    }

    #[test]
    fn unknown_or_hostile_hashes_are_not_found() {
        assert_eq!(Route::parse(""), Route::home());
        assert_eq!(Route::parse("#"), Route::home());
        assert_eq!(Route::parse("#/r/<script>/info"), Route::not_found());
        assert_eq!(Route::parse("#/x/y"), Route::not_found());
        assert_eq!(Route::parse("#/r/a/s/../../etc"), Route::not_found());
        assert_eq!(Route::parse(&format!("#/r/{}", "a".repeat(65))), Route::not_found());
    }

    /// The start-up scripts choose the module from the address before any Rust runs: their
    /// list of the tools module's addresses must be this table's.
    #[test]
    fn start_up_scripts_know_the_tools_pages() {
        for line in &PAGES {
            let tools = TOOLS_PATHS.iter().any(|p| line.path.starts_with(p));
            assert_eq!(tools, line.part == Part::Tools, "{}", line.path);
        }
        // {report} is one part of the address: anything but / and ?.
        let js = |p: &str| p.replace('/', "\\/").replace("{report}", "[^\\/?]+");
        let pattern = format!("/^#\\/({})/", TOOLS_PATHS.map(js).join("|"));
        for script in ["scripts/loader.js", "scripts/single-file.js"] {
            let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + script).unwrap();
            assert!(text.contains(&pattern), "{script} should test the address with {pattern}");
        }
    }
}
