//! Browser unit tests (wasm-bindgen-test in headless Chromium): the storage door against a
//! real localStorage, and the app mounted in a real page, typing into real inputs.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zeren::app::App;
use zeren::browser::storage::{self, Key, LoadTrouble, SaveError};
use zeren::domain::builtin::DEFAULT;
use zeren::domain::report::Report;
use zeren::domain::saved::Envelope;
use zeren::domain::template::FieldKind;
use zeren::route::Part;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn envelope_with(unit: &str) -> Envelope {
    let mut e = Envelope::default();
    let mut r = Report::new("rtest", 1.0);
    r.unit = unit.into();
    e.reports.push(r);
    e
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The app mounted in a fresh container; unmounted (listeners and effects gone) when dropped,
/// so the next test's app is the only one on the page, as in a real tab.
struct Mounted {
    el: web_sys::HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::HtmlElement;
    fn deref(&self) -> &web_sys::HtmlElement {
        &self.el
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.el.remove();
    }
}

/// Mounts the app at a hash in a fresh container.
fn mount_at(hash: &str) -> Mounted {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    // The module that shows the page, as the start-up script would choose it.
    let tools = zeren::route::Route::parse(hash).part() == Some(Part::Tools);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        if tools {
            leptos::prelude::IntoAny::into_any(
                leptos::view! { <App part=Part::Tools pages=zeren::ui::tools::view builtin=&zeren::domain::builtin::DEFAULT /> },
            )
        } else {
            leptos::prelude::IntoAny::into_any(
                leptos::view! { <App part=Part::Main pages=zeren::ui::view builtin=&zeren::domain::builtin::OUTLINE /> },
            )
        }
    });
    Mounted { el, _handle: handle }
}

fn type_into(el: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input = el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    js_sys::Reflect::set(&input, &"value".into(), &text.into()).unwrap();
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
}

#[wasm_bindgen_test]
fn saves_and_loads_a_round_trip() {
    local().clear().unwrap();
    let e = envelope_with("局党组");
    let rev = storage::save(&e, 0).unwrap();
    let loaded = storage::load();
    assert!(loaded.trouble.is_none());
    assert_eq!(loaded.data.reports, e.reports);
    assert_eq!(loaded.data.revision, rev);
}

#[wasm_bindgen_test]
fn a_stale_tab_does_not_overwrite_newer_data() {
    local().clear().unwrap();
    let first = storage::save(&envelope_with("甲"), 0).unwrap();
    // A second tab that loaded before `first` was written still knows revision 0.
    assert_eq!(storage::save(&envelope_with("乙"), 0), Err(SaveError::Conflict { stored: first }));
    assert_eq!(storage::load().data.reports[0].unit, "甲");
    // Forced (the user chose to), it writes.
    storage::overwrite(&envelope_with("乙"), 0).unwrap();
    assert_eq!(storage::load().data.reports[0].unit, "乙");
}

#[wasm_bindgen_test]
fn what_storage_does_not_hold_crosses_the_reload_into_the_other_module_once() {
    local().clear().unwrap();
    storage::save(&envelope_with("甲"), 0).unwrap();
    // Not saved (storage full, say): handed over, taken by the next load, then gone.
    storage::hand_over(Some(&envelope_with("乙")));
    let loaded = storage::load();
    assert!(loaded.moved && loaded.handed_over);
    assert_eq!(loaded.data.reports[0].unit, "乙");
    let again = storage::load();
    assert!(!again.moved && !again.handed_over);
    assert_eq!(again.data.reports[0].unit, "甲");
    // Everything saved: only the mark that the app moved the tab.
    storage::hand_over(None);
    let moved = storage::load();
    assert!(moved.moved && !moved.handed_over);
    assert_eq!(moved.data.reports[0].unit, "甲");
    assert_eq!(web_sys::window().unwrap().name().unwrap(), "");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_under_a_backup_key() {
    local().clear().unwrap();
    local().set_item(Key::Data.name(), "{\"schema\":1,\"reports\":[{").unwrap();
    let loaded = storage::load();
    assert!(matches!(loaded.trouble, Some(LoadTrouble::Unreadable { .. })));
    assert_eq!(storage::get(Key::UnreadableBackup).as_deref(), Some("{\"schema\":1,\"reports\":[{"));
    // A second, different broken copy does not replace the first backup.
    local().set_item(Key::Data.name(), "garbage").unwrap();
    storage::load();
    assert_eq!(storage::get(Key::UnreadableBackup).as_deref(), Some("{\"schema\":1,\"reports\":[{"));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn newer_data_is_refused_and_left_alone() {
    local().clear().unwrap();
    local().set_item(Key::Data.name(), r#"{"schema":99,"revision":3,"reports":[]}"#).unwrap();
    let loaded = storage::load();
    assert!(matches!(loaded.trouble, Some(LoadTrouble::Newer { .. })));
    assert_eq!(storage::get(Key::Data).as_deref(), Some(r#"{"schema":99,"revision":3,"reports":[]}"#));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full() {
    local().clear().unwrap();
    // Fill localStorage until the browser refuses even one more character.
    let mut n = 0;
    let mut size = 256 * 1024;
    while size > 0 {
        if local().set_item(&format!("f{n}"), &"滿".repeat(size)).is_ok() {
            n += 1;
            assert!(n < 1000, "storage never filled up");
        } else {
            size /= 4;
        }
    }
    let mut e = envelope_with("局党组");
    e.reports[0].answers.entry("x".into()).or_default().note = "很长的说明".repeat(50_000);
    assert_eq!(storage::save(&e, 0), Err(SaveError::Full));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_app_restores_a_saved_field_and_saves_typing() {
    local().clear().unwrap();
    storage::save(&envelope_with("局党组"), 0).unwrap();
    let el = mount_at("#/r/rtest/info");
    sleep(20).await;
    let input: web_sys::HtmlInputElement =
        el.query_selector("#unit").unwrap().expect("the unit field").unchecked_into();
    assert_eq!(input.value(), "局党组");
    type_into(&el, "#unit", "机关第一党支部");
    sleep(20).await;
    assert_eq!(storage::load().data.reports[0].unit, "机关第一党支部");
}

#[wasm_bindgen_test]
async fn a_field_explains_how_to_fix_bad_input_as_the_user_types() {
    local().clear().unwrap();
    let t = &DEFAULT;
    let (section, item, field) = t
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .find_map(|(s, i)| i.fields.iter().find(|f| matches!(f.kind, FieldKind::Percent)).map(|f| (s, i, f)))
        .expect("the default template has a percentage field");
    storage::save(&envelope_with("局党组"), 0).unwrap();
    let el = mount_at(&format!("#/r/rtest/s/{}", section.id));
    sleep(20).await;
    let sel = format!("#f-{}-{}", item.id, field.id);
    type_into(&el, &sel, "101");
    sleep(20).await;
    let error = el.query_selector(&format!("#f-{}-{}-error", item.id, field.id)).unwrap().unwrap();
    assert_eq!(error.text_content().unwrap_or_default(), "请输入0到100之间的数字，最多一位小数，例如98或97.5");
    let input = el.query_selector(&sel).unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // What the user typed is kept even though it does not validate.
    assert_eq!(storage::load().data.reports[0].answers[&*item.id].values[&*field.id], "101");
    type_into(&el, &sel, "98");
    sleep(20).await;
    assert_eq!(error.text_content().unwrap_or_default(), "");
}

#[wasm_bindgen_test]
async fn the_task_list_rolls_up_section_status() {
    local().clear().unwrap();
    let t = &DEFAULT;
    let mut e = envelope_with("局党组");
    for i in t.sections[0].items.iter() {
        e.reports[0].answer_mut(&i.id).status = zeren::domain::report::Status::Done;
    }
    e.reports[0].answer_mut(&t.sections[1].items[0].id).status = zeren::domain::report::Status::NotDone;
    storage::save(&e, 0).unwrap();
    let el = mount_at("#/r/rtest");
    sleep(20).await;
    let tags: Vec<String> = {
        let list = el.query_selector_all(".task .tag").unwrap();
        (0..list.length()).map(|i| list.get(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    assert_eq!(tags[0], "已完成");
    assert_eq!(tags[1], "进行中");
    assert!(tags[2..].iter().all(|t| t == "未开始"), "{tags:?}");
    let text = el.query_selector(".progress-text").unwrap().unwrap().text_content().unwrap();
    assert_eq!(text, format!("已完成 {}/{} 项", t.sections[0].items.len() + 1, t.item_count()));
}

#[wasm_bindgen_test]
async fn the_level_follows_the_name_until_chosen_and_the_choice_is_saved() {
    local().clear().unwrap();
    storage::save(&envelope_with("局党组"), 0).unwrap();
    let el = mount_at("#/r/rtest/info");
    sleep(20).await;
    let select: web_sys::HtmlSelectElement =
        el.query_selector("#level").unwrap().expect("the level choice").unchecked_into();
    assert_eq!(select.value(), "party_group");
    type_into(&el, "#unit", "机关第一党支部");
    sleep(20).await;
    assert_eq!(select.value(), "branch", "the name suggests the level until one is chosen");
    let hint = el.query_selector("#level-hint").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(hint.contains("按单位名称") && hint.contains("中心组"), "{hint}");
    assert_eq!(storage::load().data.reports[0].level, None);
    select.set_value("community");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    sleep(20).await;
    assert_eq!(storage::load().data.reports[0].level, Some(zeren::domain::template::Level::Community));
    let hint = el.query_selector("#level-hint").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(!hint.contains("按单位名称") && hint.contains("社区"), "{hint}");
}

#[wasm_bindgen_test]
async fn the_role_is_chosen_for_a_personal_report_only_and_shown_on_review() {
    use zeren::domain::report::ReportKind;
    use zeren::domain::template::Role;
    local().clear().unwrap();
    storage::save(&envelope_with("局党组"), 0).unwrap();
    let el = mount_at("#/r/rtest/info");
    sleep(20).await;
    assert!(el.query_selector("#role").unwrap().is_none(), "no role in a unit report");
    let personal: web_sys::HtmlInputElement = el.query_selector("#kind-personal").unwrap().unwrap().unchecked_into();
    personal.set_checked(true);
    personal.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    sleep(20).await;
    assert_eq!(storage::load().data.reports[0].kind, ReportKind::Personal);
    let select: web_sys::HtmlSelectElement =
        el.query_selector("#role").unwrap().expect("the role choice").unchecked_into();
    assert_eq!(select.value(), "", "no role until one is chosen");
    let hint = el.query_selector("#role-hint").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(hint.contains("未选择时"), "{hint}");
    select.set_value("deputy");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    sleep(20).await;
    assert_eq!(storage::load().data.reports[0].role, Some(Role::Deputy));
    let hint = el.query_selector("#role-hint").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(hint.contains("协助书记"), "{hint}");
    drop(el);

    let el = mount_at("#/r/rtest/check");
    sleep(20).await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("本人职责") && text.contains("分管意识形态工作的班子成员（直接责任人）"), "{text}");
}
