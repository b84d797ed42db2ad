//! The generator: (template, report) → a structured document, deterministically, for the
//! unit report and for a leader's self-assessment; also one item's point as the section
//! page previews it, and the suggested problems and measures.
//!
//! The document keeps structure (title, headings, numbered points with their bolded lead)
//! so each renderer lays it out without re-parsing text: plain text (`render`), HTML for
//! formatted paste (`wordhtml`) and .docx (`docx`).
//! Rules the generator keeps:
//! - numbering is consecutive over what is printed (skipped items leave no gap);
//! - no placeholder, empty heading or empty section is ever printed; every placeholder a
//!   template may use (`template::Placeholder`) has a value;
//! - items done or partly done give points under 主要做法, items not done or partly done
//!   give a problem and a matching measure, unless the user edited the list by hand; an
//!   item not done at all gets wording that assumes no work (`尚未…`, `建立…`);
//! - the report's level (党组 … 村, `Report::level`) gives the words its wording uses
//!   (`{board}`, `{staff}`, `{leaders}`…), and items the level does not have are 不适用
//!   ([`status`]); a word naming another item's work (`{study_group}`) says it was done only
//!   where that item was done, and plans it only where that item applies ([`Vars`]);
//! - in a personal report, the leader's role (`Report::role`: 书记, 分管领导, other 班子成员)
//!   leaves out the items that are not that role's duty, as a level's do; with no role chosen
//!   every item is taken; its words (`{my_field}`: 本单位 for the 书记, 分管领域 for another
//!   班子成员…, [`own_role`]) fill the first-person wording, and its `duties_lead` opens the
//!   part on duties, so each role speaks for itself;
//! - a section's lead paragraph, which speaks for the whole area, is printed only when the
//!   area was not mostly left undone;
//! - the opening and the lead of 存在的问题 claim only as much as was done ([`band`]);
//! - the guiding-thought line is the one in force on the last day of the period
//!   (`Template::guidance_on`, `Report::period_end`): a 2022年上半年 report cites 十九大, a
//!   2022年度 one 二十大;
//! - no heading has more than [`MAX_POINTS`] points under it (see [`merge_groups`] for how
//!   the rest are joined); the user may choose points that stand alone (`Report::
//!   merge_alone`, shown on 核对 through [`merge_choices`]);
//! - a report never stops at its opening: when nothing was done and the user removed every
//!   problem, a sentence says so and names what was not done ([`nothing_to_report`]);
//! - the unit report ends with 特此报告。 and the 落款 (the unit, then the date, or
//!   [`DATE_PLACEHOLDER`] for the user to fill in while no 成文日期 is given).
//!
//! Not here: laying the document out (the renderers above), or tidying typed text (`text`).

use crate::domain::numerals::chinese;
use crate::domain::report::{item_values, ProblemPlan, Report, ReportKind, Status, DEFAULT_MEETING};
use crate::domain::template::{
    parse_wording, Band, Item, LevelWords, Piece, Placeholder, Point, Role, RoleWords, Template, Text,
};
use crate::domain::text::{clean_sentence, clean_value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A plain paragraph (the opening, a section's lead).
    Paragraph(String),
    /// `一、主要做法`.
    Heading1 { number: String, text: String },
    /// `（一）加强组织领导，压紧压实工作责任`.
    Heading2 { number: String, text: String },
    /// `一是专题研究部署。` (bold in formatted output) followed by the text.
    Point { number: String, lead: String, text: String },
    /// The 主送机关 line under the title, flush left: `中共××县委宣传部：`.
    Addressee(String),
    /// A line of the 落款 at the end, set to the right: the unit's name, then the date.
    Closing(String),
}

impl Block {
    /// Appends the block as one line of text, without indentation or line end.
    pub fn write_to(&self, out: &mut String) {
        let parts: [&str; 4] = match self {
            Block::Paragraph(t) | Block::Addressee(t) | Block::Closing(t) => [t, "", "", ""],
            Block::Heading1 { number, text } => [number, "、", text, ""],
            Block::Heading2 { number, text } => ["（", number, "）", text],
            Block::Point { number, lead, text } => {
                out.push_str(number);
                out.push('是');
                [lead, text, "", ""]
            }
        };
        parts.iter().for_each(|p| out.push_str(p));
    }

    /// The block as one line of text, without indentation.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.write_to(&mut s);
        s
    }
}

/// The problem and measure suggestions for a report, in template order: from the items
/// with a gap, or the template's general ones when no item has a gap.
pub fn suggested_problems(t: &Template, r: &Report) -> Vec<ProblemPlan> {
    let vars = Vars::new(t, r);
    let personal = r.kind == ReportKind::Personal;
    let from_items: Vec<ProblemPlan> = t
        .items()
        .filter(|(_, i)| vars.status(r, &i.id).has_gap())
        .map(|(_, i)| {
            // An item not done at all gets a problem that assumes no work (`尚未…`) and a
            // measure that sets it up; one partly done, what falls short.
            let missing = vars.status(r, &i.id) == Status::NotDone;
            let item_vars = vars.with_item(i, r, Mode::Plan);
            ProblemPlan {
                problem: fill(i.problem_for(personal, missing), &item_vars),
                plan: fill(i.measure_for(personal, missing), &item_vars),
                ..Default::default()
            }
        })
        .collect();
    if !from_items.is_empty() {
        return from_items;
    }
    t.fallback_problems
        .iter()
        .map(|p| ProblemPlan {
            problem: fill(&p.problem, &vars.plan),
            plan: fill(&p.measure, &vars.plan),
            ..Default::default()
        })
        .collect()
}

/// The problems and plans the report prints: the user's list if edited, else suggestions.
pub fn problems(t: &Template, r: &Report) -> Vec<ProblemPlan> {
    match &r.problems {
        Some(list) => list
            .iter()
            .map(|p| ProblemPlan {
                problem: clean_sentence(&p.problem),
                plan: clean_sentence(&p.plan),
                aspect: p.aspect.trim().to_string(),
            })
            .filter(|p| !p.problem.is_empty() || !p.plan.is_empty())
            .collect(),
        None => suggested_problems(t, r),
    }
}

/// [`problems`], each with its area and its id: the index of the section its item belongs
/// to and the item's id when the list comes from the items' gaps, else 0 and `#N` for the
/// N-th (the user's own list, the general problems). A long list is joined within areas
/// first ([`merge_points`]); the id is what the user's choice of points that stand alone
/// names (`Report::merge_alone`).
fn problems_by_area(t: &Template, r: &Report) -> Vec<(usize, String, ProblemPlan)> {
    let list = problems(t, r);
    let without = without(t, r);
    let gaps: Vec<(usize, &str)> = t
        .sections
        .iter()
        .enumerate()
        .flat_map(|(n, s)| s.items.iter().filter(|i| status_at(r, &without, &i.id).has_gap()).map(move |i| (n, &*i.id)))
        .collect();
    let from_items = r.problems.is_none() && gaps.len() == list.len();
    list.into_iter()
        .enumerate()
        .map(|(k, p)| if from_items { (gaps[k].0, gaps[k].1.to_string(), p) } else { (0, format!("#{}", k + 1), p) })
        .collect()
}

/// The problems of a personal report by the meeting's aspects (`Report::aspects`), when
/// the user placed at least one under a listed aspect (`ProblemPlan::aspect`): each
/// aspect's heading with its problems, in the aspects' order, and those placed under none
/// last, under 其他方面; aspects with no problem are left out. Otherwise the problems back,
/// to print as one list.
fn by_aspect(
    r: &Report,
    list: &[(usize, String, ProblemPlan)],
    probs: AreaPoints,
) -> Result<Vec<(String, AreaPoints)>, AreaPoints> {
    let aspects = r.aspect_list();
    let of: Vec<(&str, usize)> = list
        .iter()
        .filter_map(|(_, id, p)| aspects.iter().position(|a| *a == p.aspect).map(|n| (id.as_str(), n)))
        .collect();
    if r.kind != ReportKind::Personal || of.is_empty() {
        return Err(probs);
    }
    let mut groups: Vec<(String, AreaPoints)> = aspects.iter().map(|a| (aspect_heading(a), Vec::new())).collect();
    let mut rest = Vec::new();
    for point in probs {
        match of.iter().find(|(id, _)| *id == point.1) {
            Some((_, n)) => groups[*n].1.push(point),
            None => rest.push(point),
        }
    }
    groups.push(("其他方面".to_string(), rest));
    Ok(groups.into_iter().filter(|(_, g)| !g.is_empty()).collect())
}

/// An aspect as a heading: `在带头强化政治忠诚、提高政治能力方面`, however it was typed
/// (with or without 在…方面, with a closing mark or not).
pub fn aspect_heading(aspect: &str) -> String {
    let a = aspect.trim().trim_end_matches(['。', '；', '，', '：', '、']);
    let a = a.strip_prefix('在').unwrap_or(a);
    let a = a.strip_suffix("方面").unwrap_or(a);
    format!("在{a}方面")
}

/// The key of [`Report::merge_alone`] for 存在的问题 and 下一步打算 (整改措施), which are joined
/// alike; a section's 主要做法 (履职情况) use the section's id.
pub const PROBLEMS_KEY: &str = "problems";

/// A heading with more than [`MAX_POINTS`] points, whose points are joined: what 核对 shows
/// so the user can see which points were joined into which and choose those that stand
/// alone (`Report::merge_alone`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeChoice {
    /// The heading's key in `Report::merge_alone`: a section's id, or [`PROBLEMS_KEY`].
    pub key: String,
    /// The heading as the user knows it, e.g. `主要做法：加强组织领导，压紧压实工作责任`.
    pub heading: String,
    /// Every point under it, in order: its id and its lead (without the closing mark).
    pub points: Vec<(String, String)>,
    /// How they are joined now ([`merge_groups`]): indices into `points`, in print order.
    pub groups: Vec<Vec<usize>>,
    /// Whether each point stands alone by the user's choice.
    pub alone: Vec<bool>,
}

/// The headings of the report whose points are joined, each with its points, how they are
/// joined and what the user chose ([`MergeChoice`]); empty when no heading has more than
/// [`MAX_POINTS`] points. 存在的问题 and 下一步打算 are joined alike and shown as one.
pub fn merge_choices(t: &Template, r: &Report) -> Vec<MergeChoice> {
    let vars = Vars::new(t, r);
    let personal = r.kind == ReportKind::Personal;
    let choice = |key: String, heading: String, points: AreaPoints| {
        let chosen = alone(r, &key);
        let areas: Vec<usize> = points.iter().map(|(a, _, _)| *a).collect();
        let lone: Vec<bool> = points.iter().map(|(_, id, _)| chosen.contains(id)).collect();
        let groups = merge_groups(&areas, &lone);
        let points = points
            .into_iter()
            .map(|(_, id, (lead, text))| {
                let lead = lead.trim_end_matches(['。', '；', '，', '、', '：']).to_string();
                let shown = if lead.is_empty() { text.chars().take(20).collect() } else { lead };
                (id, shown)
            })
            .collect();
        MergeChoice { key, heading, points, groups, alone: lone }
    };
    let part = if personal { "履行职责情况" } else { "主要做法" };
    let mut out: Vec<MergeChoice> = work_sections(t, r, &vars)
        .into_iter()
        .filter(|(_, _, _, points)| points.len() > MAX_POINTS)
        .map(|(id, heading, _, points)| choice(id, format!("{part}：{heading}"), one_area(points)))
        .collect();
    let list = problems_by_area(t, r);
    let (probs, plans) = split_problems(&list);
    match by_aspect(r, &list, probs) {
        // By aspect: each aspect's problems are joined on their own, the measures as one list.
        Ok(groups) => {
            for (title, points) in groups.into_iter().filter(|(_, g)| g.len() > MAX_POINTS) {
                out.push(choice(PROBLEMS_KEY.to_string(), format!("存在的主要问题：{title}"), points));
            }
            if plans.len() > MAX_POINTS {
                out.push(choice(PROBLEMS_KEY.to_string(), "整改措施".to_string(), plans));
            }
        }
        Err(probs) if probs.len() > MAX_POINTS => {
            let heading = if personal {
                "存在的主要问题和整改措施"
            } else {
                "存在的问题和下一步工作打算"
            };
            out.push(choice(PROBLEMS_KEY.to_string(), heading.to_string(), probs));
        }
        Err(_) => {}
    }
    out
}

/// The points the user chose to stand alone under one heading (`Report::merge_alone`).
fn alone<'r>(r: &'r Report, key: &str) -> &'r [String] {
    r.merge_alone.get(key).map_or(&[], Vec::as_slice)
}

pub fn generate(t: &Template, r: &Report) -> Document {
    match r.kind {
        ReportKind::Unit => unit_report(t, r),
        ReportKind::Personal => personal_report(t, r),
    }
}

fn unit_report(t: &Template, r: &Report) -> Document {
    let vars = Vars::new(t, r);
    let mut doc = Doc::default();
    let recipient = clean_value(&r.recipient);
    if !recipient.is_empty() {
        doc.blocks.push(Block::Addressee(format!("{recipient}：")));
    }
    let sections = work_sections(t, r, &vars);
    let band = band(t, r);
    let opening = if sections.is_empty() { &t.report.opening_empty } else { t.report.opening_for(band) };
    doc.paragraph(fill(opening, &vars.base));

    if !sections.is_empty() {
        doc.heading1("主要做法");
        for (n, (id, heading, intro, points)) in sections.into_iter().enumerate() {
            doc.blocks.push(Block::Heading2 { number: chinese(n + 1), text: heading });
            doc.paragraph(intro);
            doc.work_points(points, alone(r, &id));
        }
    }
    let list = problems_by_area(t, r);
    let (probs, plans) = split_problems(&list);
    if !probs.is_empty() {
        doc.heading1("存在的问题");
        doc.paragraph(fill(t.report.problems_lead_for(band), &vars.plan));
        doc.points(probs, alone(r, PROBLEMS_KEY));
    }
    if !plans.is_empty() {
        doc.heading1("下一步工作打算");
        doc.paragraph(fill(&t.report.plans_lead, &vars.plan));
        doc.points(plans, alone(r, PROBLEMS_KEY));
    }
    if doc.only_opening() {
        doc.paragraph(nothing_to_report(t, r, &vars));
    }
    doc.paragraph(SIGN_OFF.to_string());
    // 落款: the unit, then the date; while no 成文日期 is given (or it is no real day) a
    // placeholder the user sees and 核对 names (`progress::left_out`).
    doc.blocks.push(Block::Closing(vars.base.value("unit").unwrap_or_default().to_string()));
    doc.blocks.push(Block::Closing(match crate::domain::validate::parse_date(&r.dated) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => DATE_PLACEHOLDER.to_string(),
    }));
    Document { title: fill(&t.report.title, &vars.base), blocks: doc.blocks }
}

fn personal_report(t: &Template, r: &Report) -> Document {
    let vars = Vars::new(t, r);
    let p = &t.personal;
    let mut doc = Doc::default();
    // A heading left empty in the template (or only an empty `{person}`) takes the usual
    // wording rather than printing a bare `一、`.
    let heading = |wording: &str, usual: &str| {
        let h = fill(wording, &vars.base);
        if h.trim().is_empty() {
            usual.to_string()
        } else {
            h
        }
    };
    doc.paragraph(fill(&p.opening, &vars.base));
    // 上年度整改落实情况 first, as the user wrote it, one paragraph a line; while it is not
    // written, a placeholder the user sees and 核对 names (`progress::missing_last_year`).
    doc.heading1(&heading(&p.last_year_heading, "上年度整改落实情况"));
    let last_year: Vec<String> = r.last_year.lines().map(clean_sentence).filter(|l| !l.is_empty()).collect();
    if last_year.is_empty() {
        doc.paragraph(LAST_YEAR_PLACEHOLDER.to_string());
    }
    last_year.into_iter().for_each(|l| doc.paragraph(l));
    let before_duties = doc.blocks.len();
    // Duties grouped by area under （一）（二）… headings, so a leader who did much does not
    // get one list running to 二十几是; the section's lead paragraph is the unit's voice and
    // is left out here.
    let duties = work_sections(t, r, &vars);
    if !duties.is_empty() {
        doc.heading1(&heading(&p.duties_heading, "履行意识形态工作职责情况"));
        // Who the leader is in this work and what the role answers for (第一责任人…), when
        // a role is chosen.
        if let Some(w) = r.role.and_then(|role| t.role_words(role)) {
            doc.paragraph(fill(&w.duties_lead, &vars.base));
        }
        for (n, (id, title, _, points)) in duties.into_iter().enumerate() {
            doc.blocks.push(Block::Heading2 { number: chinese(n + 1), text: title });
            doc.work_points(points, alone(r, &id));
        }
    }
    let list = problems_by_area(t, r);
    let (probs, plans) = split_problems(&list);
    if !probs.is_empty() {
        doc.heading1(&heading(&p.problems_heading, "存在的主要问题"));
        doc.paragraph(fill(&p.problems_lead, &vars.base));
        match by_aspect(r, &list, probs) {
            // Under the meeting's aspects, （一）（二）… each with its own 一是、二是.
            Ok(groups) => {
                for (n, (title, points)) in groups.into_iter().enumerate() {
                    doc.blocks.push(Block::Heading2 { number: chinese(n + 1), text: title });
                    doc.points(points, alone(r, PROBLEMS_KEY));
                }
            }
            Err(probs) => doc.points(probs, alone(r, PROBLEMS_KEY)),
        }
    }
    let causes: IdPoints = causes(t, r, &vars)
        .into_iter()
        .map(|c| (lead(&c.lead), fill(&c.text, &vars.plan)))
        .filter(|(lead, text)| !lead.is_empty() || !text.is_empty())
        .enumerate()
        .map(|(n, c)| (format!("#{}", n + 1), c))
        .collect();
    if !causes.is_empty() {
        doc.heading1(&heading(&p.causes_heading, "问题产生的原因"));
        doc.points(one_area(causes), &[]);
    }
    if !plans.is_empty() {
        doc.heading1(&heading(&p.measures_heading, "整改措施"));
        doc.paragraph(fill(&p.measures_lead, &vars.base));
        doc.points(plans, alone(r, PROBLEMS_KEY));
    }
    // Nothing done, every problem removed and no causes: say so rather than stop.
    if doc.blocks.len() == before_duties {
        doc.paragraph(nothing_to_report(t, r, &vars));
    }
    // The closing line (表态): the role's, or the general one with no role chosen.
    let closing = r.role.and_then(|role| t.role_words(role)).map_or(&p.closing, |w| &w.closing);
    doc.paragraph(fill(closing, &vars.base));
    Document { title: fill(&p.title, &vars.base), blocks: doc.blocks }
}

/// The causes a self-assessment analyses: those of the areas its problems come from
/// (`Point::sections`), so a leader whose gaps are all in study does not also confess a
/// weak spirit of struggle. All of them when the user wrote the problems, when no item has
/// a gap (the general problems are listed), or when no cause fits.
fn causes<'t>(t: &'t Template, r: &Report, vars: &Vars) -> Vec<&'t Point> {
    let all: Vec<&Point> = t.personal.causes.iter().collect();
    let with_gaps: Vec<&str> =
        t.sections.iter().filter(|s| s.items.iter().any(|i| vars.status(r, &i.id).has_gap())).map(|s| &*s.id).collect();
    if r.problems.is_some() || with_gaps.is_empty() {
        return all;
    }
    let fitting: Vec<&Point> = all
        .iter()
        .copied()
        .filter(|c| c.sections.is_empty() || c.sections.iter().any(|s| with_gaps.contains(&&**s)))
        .collect();
    if fitting.is_empty() {
        all
    } else {
        fitting
    }
}

/// The paragraph that closes the unit report's text, before the 落款.
pub const SIGN_OFF: &str = "特此报告。";

/// What the part on last year's rectification says while the user has not written it: kept
/// visibly as a placeholder, for the user to fill in on 基本信息 (核对 and 生成报告 say so).
pub const LAST_YEAR_PLACEHOLDER: &str = "【上年度整改落实情况待填写：请对照上年度查摆的问题，逐条写明整改措施和成效】";

/// The 落款's date line while the report has no 成文日期: kept visibly as a placeholder, for
/// the user to fill in (核对 and 生成报告 say so).
pub const DATE_PLACEHOLDER: &str = "（成文日期）";

/// The most numbered points under one heading. A careful writer groups a longer list, so the
/// generator does too ([`merge_points`]).
pub const MAX_POINTS: usize = 8;

/// What a report says when it would otherwise stop at its opening (nothing done, and every
/// problem removed by the user, and no causes): that the self-check found nothing to report,
/// or which items were not done, by their task names in checklist order.
fn nothing_to_report(t: &Template, r: &Report, vars: &Vars) -> String {
    let who = if r.kind == ReportKind::Personal { "本人" } else { vars.base.value("unit").unwrap_or_default() };
    let period = vars.base.value("period").unwrap_or_default();
    let not_done: Vec<String> = t
        .items()
        .filter(|(_, i)| vars.status(r, &i.id) == Status::NotDone)
        .map(|(_, i)| clean_value(&i.task))
        .filter(|task| !task.is_empty())
        .collect();
    if not_done.is_empty() {
        format!("经对照意识形态工作责任制逐项自查，{who}{period}暂无需要专门报告的工作情况。")
    } else {
        format!(
            "经对照意识形态工作责任制逐项自查，{who}{period}尚未开展以下工作：{}。下一步将逐项研究部署，抓紧落实。",
            not_done.join("；")
        )
    }
}

/// How much of what applies was done ([`Band`]): what the opening and the lead of 存在的问题
/// may claim.
pub fn band(t: &Template, r: &Report) -> Band {
    band_of(t.items().map(|(_, i)| i), r, &without(t, r))
}

/// The band of some items, their statuses taken at the report's level.
fn band_of<'a>(items: impl Iterator<Item = &'a Item>, r: &Report, without: &[Text]) -> Band {
    let (mut done, mut partly, mut applicable) = (0, 0, 0);
    for i in items {
        match status_at(r, without, &i.id) {
            Status::Done => done += 1,
            Status::Partly => partly += 1,
            Status::NotDone => {}
            Status::NotStarted | Status::NotApplicable => continue,
        }
        applicable += 1;
    }
    Band::of(done, partly, applicable)
}

/// Where an item stands in this report: its status, except that an item the report's level
/// does not have (`LevelWords::without`: the 中心组 of a 党支部), or in a personal report one
/// that is not the leader's role's duty, is 不适用, however marked.
pub fn status(t: &Template, r: &Report, item_id: &str) -> Status {
    status_at(r, &without(t, r), item_id)
}

/// Whether an item is asked of this report at all: not when the report's level does not
/// have it (the 中心组 of a 党支部) or, in a personal report, when it is not the chosen
/// role's duty. Pages leave such items out of the questions and the counts.
pub fn applies(t: &Template, r: &Report, item_id: &str) -> bool {
    !not_asked(t, r).any(|w| w == item_id)
}

/// The items the report's level does not have and, in a personal report, those that are not
/// the chosen role's duty (`RoleWords::without`: a 书记 does not claim the 分管领导's work),
/// borrowed from the checklist (pages ask this per item, on every keystroke).
fn not_asked<'t>(t: &'t Template, r: &Report) -> impl Iterator<Item = &'t Text> {
    let level = t.level_words(r.level()).map_or(&[][..], |w| &w.without[..]);
    let role = match (r.kind, r.role) {
        (ReportKind::Personal, Some(role)) => t.role_words(role).map_or(&[][..], |w| &w.without[..]),
        _ => &[],
    };
    level.iter().chain(role)
}

/// [`not_asked`], kept for a whole document's worth of lookups.
fn without(t: &Template, r: &Report) -> Vec<Text> {
    not_asked(t, r).cloned().collect()
}

fn status_at(r: &Report, without: &[Text], item_id: &str) -> Status {
    if without.iter().any(|w| w == item_id) {
        Status::NotApplicable
    } else {
        r.status(item_id)
    }
}

/// Numbered points as (lead, text).
type Points = Vec<(String, String)>;

/// Numbered points with their id (an item's, or `#N`), as (id, (lead, text)).
type IdPoints = Vec<(String, (String, String))>;

/// Numbered points with their area (a section's index) and id: points of one area are
/// joined first when a list runs past [`MAX_POINTS`], except those the user chose to stand
/// alone (by id).
type AreaPoints = Vec<(usize, String, (String, String))>;

/// Points that all belong to one area.
fn one_area(points: IdPoints) -> AreaPoints {
    points.into_iter().map(|(id, p)| (0, id, p)).collect()
}

/// Sections with work done: (section id, heading, intro, points by item id).
fn work_sections(t: &Template, r: &Report, vars: &Vars) -> Vec<(String, String, String, IdPoints)> {
    t.sections
        .iter()
        .filter_map(|s| {
            let points: IdPoints = s
                .items
                .iter()
                .filter(|i| vars.status(r, &i.id).has_work())
                .map(|i| (i.id.to_string(), point_for(i, r, vars)))
                .collect();
            // The lead speaks for the whole area (始终把…抓在手上): not where most of it was
            // left undone.
            let intro = match band_of(s.items.iter(), r, &vars.without) {
                Band::Few => String::new(),
                Band::Most | Band::Some => fill(&s.intro, &vars.claim),
            };
            (!points.is_empty()).then(|| (s.id.to_string(), clean_value(&s.heading), intro, points))
        })
        .collect()
}

/// What one item gives under 主要做法 (or 履职情况), as (lead, text): `None` unless the item
/// is done or partly done. The section page shows it as the user types.
pub fn item_point(t: &Template, r: &Report, item: &Item) -> Option<(String, String)> {
    let vars = Vars::new(t, r);
    vars.status(r, &item.id).has_work().then(|| point_for(item, r, &vars))
}

/// One item's point: its lead, its filled wording, then the user's note. The wording is in
/// the report's voice: the leader's own in a self-assessment (where the checklist has it),
/// the organisation's otherwise.
fn point_for(i: &Item, r: &Report, vars: &Vars) -> (String, String) {
    let own = r.kind == ReportKind::Personal && !i.personal_done.is_empty();
    let wording = if own { &i.personal_done } else { &i.done };
    let mut text = fill(wording, &vars.with_item(i, r, Mode::Claim));
    if let Some(note) = r.answers.get(&*i.id).map(|a| clean_sentence(&a.note)).filter(|n| !n.is_empty()) {
        text.push_str(&note);
    }
    (lead(&i.point), text)
}

/// The bolded phrase that opens a point, closed by 。; empty when there is none, never a
/// bare 。 (a cause may be written without a lead).
fn lead(raw: &str) -> String {
    let lead = clean_value(raw);
    if lead.is_empty() {
        lead
    } else {
        format!("{lead}。")
    }
}

/// Splits each problem and each plan into (judgement, detail) at its first full stop,
/// keeping its area.
fn split_problems(list: &[(usize, String, ProblemPlan)]) -> (AreaPoints, AreaPoints) {
    let split = |s: &str| -> Option<(String, String)> {
        if s.is_empty() {
            return None;
        }
        Some(match s.find('。') {
            Some(i) if i + '。'.len_utf8() < s.len() => {
                let at = i + '。'.len_utf8();
                (s[..at].to_string(), s[at..].to_string())
            }
            _ => (s.to_string(), String::new()),
        })
    };
    (
        list.iter().filter_map(|(a, id, p)| Some((*a, id.clone(), split(&p.problem)?))).collect(),
        list.iter().filter_map(|(a, id, p)| Some((*a, id.clone(), split(&p.plan)?))).collect(),
    )
}

#[derive(Default)]
struct Doc {
    blocks: Vec<Block>,
    h1: usize,
}

/// Which points are joined under one heading: groups of indices into `areas` (one per
/// point, its area), in the order they are printed (a group where its first point stands).
/// Nothing is joined while there are at most [`MAX_POINTS`]. Past that, the points marked
/// in `alone` (the user's choice, at most `MAX_POINTS - 1` of them, the first ones counted)
/// stand alone and the others are joined into runs until eight are left: while there are
/// too many, the two neighbouring runs (neighbours once the lone points are set aside) of
/// one area with the fewest points between them are joined, the later pair on a tie; only
/// when no two neighbours share an area are runs of different areas joined. So twelve
/// points of one section give four single points, then four pairs, and thirteen problems
/// from four sections pair up within their sections. Neighbours in checklist order are
/// related duties (分管领导 and 一岗双责, 报告 and 研判, 述职 and 考核), so each run reads as
/// one point; the first points, the ones the checklist puts first, stay alone longest.
pub fn merge_groups(areas: &[usize], alone: &[bool]) -> Vec<Vec<usize>> {
    let n = areas.len();
    if n <= MAX_POINTS {
        return (0..n).map(|i| vec![i]).collect();
    }
    let mut lone: Vec<usize> = (0..n).filter(|&i| alone.get(i).copied().unwrap_or(false)).collect();
    lone.truncate(MAX_POINTS - 1);
    let mut runs: Vec<(usize, Vec<usize>)> =
        (0..n).filter(|i| !lone.contains(i)).map(|i| (areas[i], vec![i])).collect();
    while lone.len() + runs.len() > MAX_POINTS && runs.len() > 1 {
        let pairs = 0..runs.len() - 1;
        let size = |i: &usize| runs[*i].1.len() + runs[*i + 1].1.len();
        let same_area: Vec<usize> = pairs.clone().filter(|&i| runs[i].0 == runs[i + 1].0).collect();
        let candidates = if same_area.is_empty() { pairs.collect() } else { same_area };
        // The smallest pair; `min_by_key` keeps the first of equals, so look from the end.
        let Some(&i) = candidates.iter().rev().min_by_key(|i| size(i)) else { break };
        let (_, next) = runs.remove(i + 1);
        runs[i].1.extend(next);
    }
    let mut groups: Vec<Vec<usize>> =
        lone.into_iter().map(|i| vec![i]).chain(runs.into_iter().map(|(_, r)| r)).collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

/// Joins points past [`MAX_POINTS`] as [`merge_groups`] says, keeping every word; `alone`
/// names (by id) the points the user chose to stand alone. Each run reads as one point: its
/// leads, without their own closing marks, joined by `join` (、 between short phrases, ；
/// between judgements) and closed by 。, then its texts one after another.
fn merge_points(points: AreaPoints, alone: &[String], join: char) -> Points {
    let areas: Vec<usize> = points.iter().map(|(a, _, _)| *a).collect();
    let lone: Vec<bool> = points.iter().map(|(_, id, _)| alone.contains(id)).collect();
    let mut points: Vec<Option<(String, String)>> = points.into_iter().map(|(_, _, p)| Some(p)).collect();
    merge_groups(&areas, &lone)
        .into_iter()
        .map(|group| {
            let run: Vec<(String, String)> = group.iter().filter_map(|&i| points[i].take()).collect();
            if run.len() == 1 {
                return run.into_iter().next().unwrap_or_default();
            }
            let leads: Vec<&str> = run
                .iter()
                .map(|(l, _)| l.trim_end_matches(['。', '；', '，', '、', '：', '！', '？']))
                .filter(|l| !l.is_empty())
                .collect();
            let lead = if leads.is_empty() { String::new() } else { format!("{}。", leads.join(&join.to_string())) };
            let mut text = String::new();
            for (_, t) in &run {
                if t.is_empty() {
                    continue;
                }
                let closed = text.ends_with(['。', '！', '？'])
                    || (text.ends_with('”') && text.trim_end_matches('”').ends_with(['。', '！', '？']));
                if !text.is_empty() && !closed {
                    text.push('。');
                }
                text.push_str(t);
            }
            (lead, text)
        })
        .collect()
}

impl Doc {
    fn paragraph(&mut self, text: String) {
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }
    fn heading1(&mut self, text: &str) {
        self.h1 += 1;
        self.blocks.push(Block::Heading1 { number: chinese(self.h1), text: text.to_string() });
    }
    /// Numbered points under the current heading, at most [`MAX_POINTS`]: a longer list is
    /// joined into runs ([`merge_points`]), `join` standing between the runs' leads.
    fn points_joined(&mut self, points: AreaPoints, alone: &[String], join: char) {
        for (n, (lead, text)) in merge_points(points, alone, join).into_iter().enumerate() {
            self.blocks.push(Block::Point { number: chinese(n + 1), lead, text });
        }
    }

    /// Points whose leads are judgements or measures (problems, plans, causes): a run's
    /// leads are joined by ；.
    fn points(&mut self, points: AreaPoints, alone: &[String]) {
        self.points_joined(points, alone, '；');
    }

    /// Points whose leads are short phrases (what was done): a run's leads are joined by 、.
    fn work_points(&mut self, points: IdPoints, alone: &[String]) {
        self.points_joined(one_area(points), alone, '、');
    }

    /// True while nothing but the 主送机关 and the opening has been written.
    fn only_opening(&self) -> bool {
        self.blocks.iter().filter(|b| !matches!(b, Block::Addressee(_))).count() <= 1
    }
}

/// Values for placeholders: every [`Placeholder`], by name, and the template's item words
/// ([`ItemWord`](crate::domain::template::ItemWord)) as each kind of wording may use them.
struct Vars {
    /// Every placeholder.
    base: BTreeMap<String, String>,
    /// `base` and the item words for what was done: a word is there only where its item was
    /// done or partly done.
    claim: BTreeMap<String, String>,
    /// `base` and the item words for problems and plans: a word is there where its item
    /// applies (not 不适用).
    plan: BTreeMap<String, String>,
    /// The items the report's level does not have, and those not the role's duty.
    without: Vec<Text>,
}

/// What a wording says: what was done, or what is lacking and planned.
#[derive(Clone, Copy)]
enum Mode {
    Claim,
    Plan,
}

impl Vars {
    fn new(t: &Template, r: &Report) -> Vars {
        let or = |value: String, usual: &str| if value.is_empty() { usual.to_string() } else { value };
        let words = t.level_words(r.level());
        let word = |pick: fn(&LevelWords) -> &Text| words.map(|w| clean_value(pick(w))).unwrap_or_default();
        let base: BTreeMap<String, String> = Placeholder::ALL
            .into_iter()
            .map(|p| {
                let value = match p {
                    Placeholder::Unit => or(clean_value(&r.unit), "本单位"),
                    Placeholder::Year => r.year.to_string(),
                    Placeholder::Period => r.period_label(),
                    Placeholder::Board => board(r, words),
                    Placeholder::Guidance => clean_value(t.guidance_on(r.period_end())),
                    Placeholder::Person => clean_value(&r.person),
                    Placeholder::Meeting => or(clean_value(&r.meeting), DEFAULT_MEETING),
                    Placeholder::Theme => clean_value(&r.theme),
                    Placeholder::Leaders => word(|w| &w.leaders),
                    Placeholder::Staff => word(|w| &w.staff),
                    Placeholder::Offices => word(|w| &w.offices),
                    Placeholder::Ethos => word(|w| &w.ethos),
                    Placeholder::ThisUnit => word(|w| &w.this_unit),
                    // The role's words, filled below: they may use the level's.
                    Placeholder::MyField
                    | Placeholder::MyOffices
                    | Placeholder::MyWork
                    | Placeholder::MyPost
                    | Placeholder::MyChair => String::new(),
                };
                (p.name().to_string(), value)
            })
            .collect();
        let mut base = base;
        if let Some(w) = own_role(t, r) {
            for (p, wording) in [
                (Placeholder::MyField, &w.field),
                (Placeholder::MyOffices, &w.offices),
                (Placeholder::MyWork, &w.work),
                (Placeholder::MyPost, &w.post),
                (Placeholder::MyChair, &w.chair),
            ] {
                let value = clean_value(&fill(wording, &base));
                base.insert(p.name().to_string(), value);
            }
            // A 班子成员 who typed what they oversee is named by it, not by 分管科室.
            let areas = clean_value(&r.areas);
            if r.kind == ReportKind::Personal && r.role == Some(Role::Member) && !areas.is_empty() {
                base.insert(Placeholder::MyOffices.name().to_string(), areas.clone());
                base.insert(Placeholder::MyField.name().to_string(), areas);
            }
        }
        let without = without(t, r);
        let (mut claim, mut plan) = (base.clone(), base.clone());
        for w in t.item_words.iter() {
            // An item the checklist does not have (a preset dropped it) never applies.
            let status =
                if t.item(&w.item).is_some() { status_at(r, &without, &w.item) } else { Status::NotApplicable };
            let text = clean_value(&w.text);
            let value = |shown: bool| if shown { text.clone() } else { String::new() };
            claim.insert(w.name.to_string(), value(status.has_work()));
            plan.insert(w.name.to_string(), value(status != Status::NotApplicable));
        }
        Vars { base, claim, plan, without }
    }

    /// Where an item stands in this report ([`status`]).
    fn status(&self, r: &Report, item_id: &str) -> Status {
        status_at(r, &self.without, item_id)
    }

    fn with_item<'a>(&'a self, item: &Item, r: &Report, mode: Mode) -> ItemVars<'a> {
        // Values stand inside a sentence: a typed mark at the end (“舆情应对预案。”) must not
        // double the template's own (“预案。。”) or cut the sentence short.
        let values =
            item_values(item, r.answers.get(&*item.id)).into_iter().map(|(k, v)| (k, clean_value(&v))).collect();
        let base = match mode {
            Mode::Claim => &self.claim,
            Mode::Plan => &self.plan,
        };
        ItemVars { base, values }
    }
}

/// The role whose words a self-assessment's first person uses (`{my_field}`…, the lead of
/// its duties and its closing line): the chosen one, or with none chosen (reports made
/// before roles) the other 班子成员's, whose words (分管领域, 分管科室) the wording had then.
fn own_role<'t>(t: &'t Template, r: &Report) -> Option<&'t RoleWords> {
    t.role_words(r.role.unwrap_or(Role::Member))
}

/// The body whose meetings decide things, from the unit's name: a 党支部 has no 党组, so
/// “召开{board}会议” must say 支部委员会会议 there. `党组（党委）` when the name does not say.
pub fn board_of(unit: &str) -> &'static str {
    named_board(unit).unwrap_or("党组（党委）")
}

/// The body the unit's name names, if it names one.
fn named_board(unit: &str) -> Option<&'static str> {
    let u = unit.trim();
    Some(if u.ends_with("支部") || u.contains("党支部") {
        "支部委员会"
    } else if u.contains("党总支") {
        "党总支委员会"
    } else if u.contains("党工委") {
        "党工委"
    } else if u.contains("党组") {
        "党组"
    } else if u.contains("党委") {
        "党委"
    } else {
        return None;
    })
}

/// `{board}`: the body the unit's name names (街道党工委, 红旗社区党支部), unless the user
/// chose a level the name does not suggest; else the level's word; and `党组（党委）` as
/// before levels when neither the name nor the user says.
fn board(r: &Report, words: Option<&LevelWords>) -> String {
    let suggested = crate::domain::report::suggested_level(&r.unit);
    match named_board(&r.unit) {
        Some(named) if r.level.is_none() || r.level == suggested => return named.to_string(),
        _ => {}
    }
    match words {
        Some(w) if r.level.is_some() || suggested.is_some() => clean_value(&w.board),
        _ => board_of(&r.unit).to_string(),
    }
}

/// Where placeholders find their values.
pub trait Lookup {
    fn value(&self, name: &str) -> Option<&str>;
}

impl Lookup for BTreeMap<String, String> {
    fn value(&self, name: &str) -> Option<&str> {
        self.get(name).map(String::as_str)
    }
}

/// An item's own values over the report's (unit, year, period…), without copying the latter.
struct ItemVars<'a> {
    base: &'a BTreeMap<String, String>,
    values: BTreeMap<String, String>,
}

impl Lookup for ItemVars<'_> {
    fn value(&self, name: &str) -> Option<&str> {
        self.values.value(name).or_else(|| self.base.value(name))
    }
}

/// Fills wording: `{name}` from `vars`; a `[...]` group only when all its names have values.
/// A name without a value is dropped, never printed, even in an unvalidated template.
pub fn fill(wording: &str, vars: &impl Lookup) -> String {
    fn write(pieces: &[Piece], vars: &impl Lookup, out: &mut String) {
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(name) => out.push_str(vars.value(name).unwrap_or("")),
                Piece::Optional(inner) => {
                    let complete = inner.iter().all(|p| match p {
                        Piece::Slot(name) => vars.value(name).is_some_and(|v| !v.is_empty()),
                        _ => true,
                    });
                    if complete {
                        write(inner, vars, out);
                    }
                }
            }
        }
    }
    let mut out = String::with_capacity(wording.len() + 32);
    match parse_wording(wording) {
        Ok(pieces) => write(&pieces, vars, &mut out),
        Err(_) => out.push_str(&wording.replace(['{', '}', '[', ']'], "")),
    }
    out
}

#[cfg(test)]
#[path = "generate_tests.rs"]
mod tests;
