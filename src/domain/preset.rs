//! Checklist presets: the checklist of one kind of unit (乡镇, 村（社区）, 国企, 高校, 中小学,
//! 医院) as the generic core (`templates/default.toml`) plus what that kind of unit is checked
//! on (`templates/presets/*.toml`). A preset names the core it extends, may drop core items
//! that cannot apply to it, adds items into core sections and sections of its own, and may
//! replace the report's or the self-assessment's wording. [`Preset::apply`] makes the full
//! checklist, which is then checked like any other (`Template::validate`).
//!
//! build.rs reads every preset with these types (this file is compiled into it), so a
//! mistake in a preset stops the build with the section, item and field named.
//!
//! Not here: where presets are kept and found (`builtin`), fetching one in the browser
//! (`state`), the checklist format itself (`template`).

use super::template::{
    Item, List, PersonalWording, ReportWording, Section, Template, TemplateError, Text, FIELD_KEYS, TEMPLATE_FORMAT,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A preset file: the core it extends and what it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Template file format; must equal [`TEMPLATE_FORMAT`].
    pub format: u32,
    /// Stable id saved with each report, e.g. `township`.
    pub id: Text,
    /// Name shown when choosing a checklist, e.g. `乡镇（街道）党（工）委意识形态工作责任制`.
    pub name: Text,
    /// Edition of the wording, e.g. `2026.1`.
    pub edition: Text,
    /// The id of the core checklist it adds to (`default`).
    pub extends: Text,
    /// Core items that cannot apply to this kind of unit, by id.
    #[serde(default)]
    pub drop: List<Text>,
    /// Items added at the end of core sections.
    #[serde(default)]
    pub additions: List<Addition>,
    /// Sections of its own, after the core's.
    #[serde(default)]
    pub sections: List<Section>,
    /// The unit report's wording in place of the core's, if given.
    #[serde(default)]
    pub report: Option<ReportWording>,
    /// The self-assessment's wording in place of the core's, if given.
    #[serde(default)]
    pub personal: Option<PersonalWording>,
}

/// Items added at the end of one core section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addition {
    /// The core section's id, e.g. `position`.
    pub section: Text,
    pub items: List<Item>,
}

/// What is wrong with a preset.
#[derive(Debug, Clone, PartialEq)]
pub enum PresetError {
    /// A format this build does not know.
    WrongFormat { found: u32 },
    /// `extends` names another checklist than the core it is applied to.
    WrongCore { extends: String, core: String },
    /// `drop` names an item the core does not have.
    UnknownDrop { id: String },
    /// An addition names a section the core does not have.
    UnknownSection { section: String },
    /// A misspelt key in an input field of an added item (serde cannot see it there).
    MisspeltFieldKey { item: String, field: String, key: String },
    /// The checklist the preset makes is not valid; the error names the place.
    Checklist(TemplateError),
}

impl fmt::Display for PresetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PresetError::WrongFormat { found } => write!(f, "format 应为 {TEMPLATE_FORMAT}，实际为 {found}"),
            PresetError::WrongCore { extends, core } => {
                write!(f, "extends 写的是“{extends}”，但通用清单的 id 是“{core}”")
            }
            PresetError::UnknownDrop { id } => write!(f, "drop 里的“{id}”不是通用清单中的条目 id"),
            PresetError::UnknownSection { section } => {
                write!(f, "additions 的 section “{section}”不是通用清单中某一部分的 id")
            }
            PresetError::MisspeltFieldKey { item, field, key } => {
                write!(f, "条目 {item} › 输入项 {field}：不认识“{key}”，输入项只能写 {}", FIELD_KEYS.join("、"))
            }
            PresetError::Checklist(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for PresetError {}

impl Preset {
    /// The full checklist: the core with this preset's changes, checked.
    pub fn apply(&self, core: &Template) -> Result<Template, PresetError> {
        if self.format != TEMPLATE_FORMAT {
            return Err(PresetError::WrongFormat { found: self.format });
        }
        if self.extends != core.id {
            return Err(PresetError::WrongCore { extends: self.extends.to_string(), core: core.id.to_string() });
        }
        if let Some(id) = self.drop.iter().find(|id| core.item(id).is_none()) {
            return Err(PresetError::UnknownDrop { id: id.to_string() });
        }
        let mut sections: Vec<Section> = core.sections.to_vec();
        for s in sections.iter_mut() {
            s.items.to_mut().retain(|i| !self.drop.contains(&i.id));
        }
        for add in self.additions.iter() {
            let Some(s) = sections.iter_mut().find(|s| s.id == add.section) else {
                return Err(PresetError::UnknownSection { section: add.section.to_string() });
            };
            s.items.to_mut().extend(add.items.iter().cloned());
        }
        sections.retain(|s| !s.items.is_empty());
        sections.extend(self.sections.iter().cloned());
        let t = Template {
            id: self.id.clone(),
            name: self.name.clone(),
            edition: self.edition.clone(),
            report: self.report.clone().unwrap_or_else(|| core.report.clone()),
            personal: self.personal.clone().unwrap_or_else(|| core.personal.clone()),
            sections: sections.into(),
            ..core.clone()
        };
        t.validate().map_err(PresetError::Checklist)?;
        Ok(t)
    }

    /// Checks the keys of every input field of the items the preset adds, in the file as
    /// read (`raw`), where serde cannot see a misspelt one.
    pub fn check_field_keys(raw: &serde_json::Value) -> Result<(), PresetError> {
        let list =
            |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_array()).cloned().unwrap_or_default();
        let text = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let groups = list(raw, "additions").into_iter().chain(list(raw, "sections"));
        for group in groups {
            for item in list(&group, "items") {
                for field in list(&item, "fields") {
                    let Some(keys) = field.as_object() else { continue };
                    if let Some(bad) = keys.keys().find(|k| !FIELD_KEYS.contains(&k.as_str())) {
                        return Err(PresetError::MisspeltFieldKey {
                            item: text(&item, "id"),
                            field: text(&field, "id"),
                            key: bad.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::DEFAULT;

    fn preset(edit: impl FnOnce(&mut serde_json::Value)) -> Preset {
        let core_section = &DEFAULT.sections[0];
        let mut item = serde_json::to_value(&core_section.items[0]).unwrap();
        item["id"] = "test-extra".into();
        item["task"] = "测试新增条目".into();
        let mut v = serde_json::json!({
            "format": TEMPLATE_FORMAT,
            "id": "test",
            "name": "测试清单",
            "edition": "2026.1",
            "extends": "default",
            "drop": [DEFAULT.sections[1].items[0].id.to_string()],
            "additions": [{ "section": core_section.id.to_string(), "items": [item.clone()] }],
        });
        edit(&mut v);
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_preset_is_the_core_with_its_drops_and_additions() {
        let t = preset(|_| {}).apply(&DEFAULT).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&*t.id, "test");
        assert_eq!(t.item_count(), DEFAULT.item_count());
        assert!(t.item(&DEFAULT.sections[1].items[0].id).is_none(), "dropped");
        assert_eq!(&*t.sections[0].items.last().unwrap().id, "test-extra", "added at the end of its section");
        assert_eq!(t.report, DEFAULT.report, "the core's wording unless replaced");
    }

    #[test]
    fn mistakes_are_named() {
        let e = preset(|v| v["extends"] = "other".into()).apply(&DEFAULT).unwrap_err();
        assert!(matches!(e, PresetError::WrongCore { .. }), "{e}");
        let e = preset(|v| v["drop"] = serde_json::json!(["no-such-item"])).apply(&DEFAULT).unwrap_err();
        assert_eq!(e, PresetError::UnknownDrop { id: "no-such-item".into() });
        let e = preset(|v| v["additions"][0]["section"] = "nowhere".into()).apply(&DEFAULT).unwrap_err();
        assert_eq!(e, PresetError::UnknownSection { section: "nowhere".into() });
        // An added item whose id repeats a core item's is caught by the checklist's own check.
        let e = preset(|v| v["additions"][0]["items"][0]["id"] = DEFAULT.sections[0].items[1].id.to_string().into())
            .apply(&DEFAULT)
            .unwrap_err();
        assert!(matches!(e, PresetError::Checklist(_)), "{e}");
    }

    #[test]
    fn a_misspelt_field_key_in_an_added_item_is_named() {
        let raw = serde_json::json!({
            "additions": [{ "section": "x", "items": [{ "id": "a-b", "fields": [{ "id": "n", "hnit": "…" }] }] }]
        });
        let e = Preset::check_field_keys(&raw).unwrap_err();
        assert_eq!(e, PresetError::MisspeltFieldKey { item: "a-b".into(), field: "n".into(), key: "hnit".into() });
        assert!(e.to_string().contains("条目 a-b › 输入项 n：不认识“hnit”"), "{e}");
    }
}
