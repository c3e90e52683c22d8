//! In-browser tests of the components, in headless Chromium
//! (`./dev.sh test` runs them with wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

use bieumau::browser::storage::Backend;
use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::Draft;
use bieumau::core::draft_store::MemoryStore;
use bieumau::core::report::Report;
use bieumau::core::session::Session;
use bieumau::core::template::Template;
use bieumau::ui::app::App;
use bieumau::ui::context::AppContext;
use bieumau::ui::editor::report_editor::ReportEditor;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn xa_01b() -> Arc<Template> {
    Arc::new(builtin_template("xa-01b").unwrap())
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page, with `view` mounted in it.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    handle.forget();
    container
}

fn mount_editor(report: Report) -> HtmlElement {
    mount_editor_of(xa_01b(), report)
}

fn mount_editor_of(template: Arc<Template>, report: Report) -> HtmlElement {
    let mut draft = Draft::new("thu".into(), &template, 0.0);
    draft.report = report;
    mount(move || {
        let session = Session::new(Backend::Memory(MemoryStore::default()), true, "web".into());
        provide_context(AppContext::new(session, vec![template.clone()]));
        view! { <ReportEditor template draft notice=None /> }
    })
}

/// Waits until the summary beside the form shows the checks as they are:
/// its counts follow typing once it pauses (`ui/shared/settled.rs`).
async fn checks_shown(root: &Element) {
    for _ in 0..100 {
        if root
            .query_selector("[data-checks=\"shown\"]")
            .unwrap()
            .is_some()
        {
            return;
        }
        sleep_ms(50).await;
    }
    panic!("the summary never showed the checks");
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects run and the DOM settle.
/// Lets the page do what follows a change: effects, then the frame after
/// it (a field's messages show on the frame after the key's), then a task.
async fn settle() {
    leptos::task::tick().await;
    bieumau::browser::idle::after_paint().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
}

fn field(root: &Element, code: &str) -> HtmlInputElement {
    find(root, &format!("[data-code=\"{code}\"]")).unchecked_into()
}

fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Types `text` into the field as the browser reports typing: an input
/// event, after the text is in the `<input>` or in a grid's text box.
async fn type_into(root: &Element, code: &str, text: &str) {
    let element = find(root, &format!("[data-code=\"{code}\"]"));
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.set_value(text),
        None => element.set_text_content(Some(text)),
    }
    fire(&element, "input");
    settle().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn messages_for(root: &Element, code: &str) -> Vec<(String, String)> {
    let list = root
        .query_selector_all(&format!("[data-issue-for=\"{code}\"]"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|e| {
            (
                e.get_attribute("data-severity").unwrap_or_default(),
                e.text_content().unwrap_or_default(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn start_screen_offers_every_shipped_template() {
    let root = mount(App);
    settle().await;
    let button = find(
        &root,
        "[data-action=\"new-draft\"][data-template=\"xa-01b\"]",
    );
    assert_eq!(button.text_content().unwrap().trim(), "Tạo báo cáo mới");
    button.unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert!(root
        .query_selector("[data-section=\"chi-tieu\"]")
        .unwrap()
        .is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn breakdown_sum_and_message_are_live() {
    let root = mount_editor(Report::new(&xa_01b()));
    settle().await;
    type_into(&root, "3.3.1", "1.603").await;
    for (code, value) in [("3.3.1.a", "581"), ("3.3.1.b", "02"), ("3.3.1.c", "525")] {
        type_into(&root, code, value).await;
    }
    assert_eq!(
        text_of(&root, "[data-computed=\"3.3.1.cong-trong-do\"]"),
        "1.108"
    );
    assert!(
        messages_for(&root, "3.3.1").is_empty(),
        "the partition rule waits for 3.3.1.d"
    );
    type_into(&root, "3.3.1.d", "489").await;
    assert_eq!(
        text_of(&root, "[data-computed=\"3.3.1.cong-trong-do\"]"),
        "1.597"
    );
    assert_eq!(
        messages_for(&root, "3.3.1"),
        vec![(
            "warning".to_string(),
            "3.3.1: các dòng \"Trong đó\" cộng lại 1.597, khác tổng 1.603 (lệch 6)".to_string()
        )]
    );
    checks_shown(&root).await;
    assert_eq!(text_of(&root, "[data-count=\"warning\"]"), "1 cảnh báo");
    type_into(&root, "3.3.1.a", "587").await;
    assert!(messages_for(&root, "3.3.1").is_empty());
    checks_shown(&root).await;
    assert_eq!(text_of(&root, "[data-count=\"warning\"]"), "0 cảnh báo");
    root.remove();
}

#[wasm_bindgen_test]
async fn leaving_a_field_writes_it_the_vietnamese_way_and_keeps_mistakes() {
    let root = mount_editor(Report::new(&xa_01b()));
    settle().await;
    type_into(&root, "3.3.2", "1588").await;
    fire(&field(&root, "3.3.2"), "blur");
    settle().await;
    assert_eq!(field(&root, "3.3.2").value(), "1.588");
    type_into(&root, "3.2.4", "99.06").await;
    fire(&field(&root, "3.2.4"), "blur");
    settle().await;
    assert_eq!(field(&root, "3.2.4").value(), "99,06");
    type_into(&root, "3.3.3", "12 hồ sơ").await;
    fire(&field(&root, "3.3.3"), "blur");
    settle().await;
    assert_eq!(field(&root, "3.3.3").value(), "12 hồ sơ");
    assert_eq!(messages_for(&root, "3.3.3")[0].0, "error");
    assert_eq!(
        field(&root, "3.3.3")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_draft_opens_with_its_values_notes_and_header() {
    let template = xa_01b();
    let mut report = Report::new(&template);
    report.set_value("3.3.1", "1.603");
    report.set_note("3.3.1", "Theo phần mềm một cửa");
    report.header.unit = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into();
    report.header.year = "2023".into();
    let root = mount_editor(report);
    settle().await;
    assert_eq!(field(&root, "3.3.1").value(), "1.603");
    let note: web_sys::HtmlTextAreaElement = find(&root, "[data-note=\"3.3.1\"]").unchecked_into();
    assert_eq!(note.value(), "Theo phần mềm một cửa");
    let unit: HtmlInputElement = find(&root, "[data-header=\"unit\"]").unchecked_into();
    assert_eq!(unit.value(), "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG");
    assert!(text_of(&root, "[data-computed=\"period-window\"]").contains("15/12/2022"));
    root.remove();
}

/// The rows whose DOM changed while `act` ran.
async fn rows_touched_by(
    root: &Element,
    act: impl std::future::Future<Output = ()>,
) -> BTreeSet<String> {
    rows_touched_in(root, "[data-section]", act).await
}

/// The rows inside `section` whose DOM changed while `act` ran; a grid row's
/// message line counts as its row.
async fn rows_touched_in(
    root: &Element,
    section: &str,
    act: impl std::future::Future<Output = ()>,
) -> BTreeSet<String> {
    let touched = Rc::new(RefCell::new(BTreeSet::new()));
    let sink = touched.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        for record in records.iter() {
            let record: web_sys::MutationRecord = record.unchecked_into();
            // Rows added to a table body count as touched rows too.
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(key) = added
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .and_then(|e| e.get_attribute("data-row"))
                {
                    sink.borrow_mut().insert(key);
                }
            }
            let Some(node) = record.target() else {
                continue;
            };
            if node
                .dyn_ref::<Element>()
                .is_some_and(|e| e.tag_name() == "TBODY")
            {
                continue;
            }
            let element = node
                .dyn_ref::<Element>()
                .cloned()
                .or_else(|| node.parent_element());
            if let Some(row) = element.and_then(|e| e.closest("tr").ok().flatten()) {
                let key = row
                    .get_attribute("data-row-code")
                    .or_else(|| row.get_attribute("data-row"))
                    .or_else(|| {
                        row.previous_element_sibling()
                            .and_then(|r| r.get_attribute("data-row"))
                    })
                    .or_else(|| {
                        row.query_selector("[data-computed]")
                            .ok()
                            .flatten()
                            .and_then(|c| c.get_attribute("data-computed"))
                    })
                    .unwrap_or_else(|| "?".into());
                sink.borrow_mut().insert(key);
            }
        }
    });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    observer
        .observe_with_options(&find(root, section), &options)
        .unwrap();
    act.await;
    // Mutation records are delivered in a microtask, which `settle` waits past.
    settle().await;
    observer.disconnect();
    drop(callback);
    let result = touched.borrow().clone();
    result
}

#[wasm_bindgen_test]
async fn a_keystroke_re_renders_only_what_depends_on_it() {
    let root = mount_editor(Report::new(&xa_01b()));
    settle().await;
    type_into(&root, "3.3.1.a", "581").await;
    // A mistake in 1.2.1 changes 1.2.1's row only: no other row is touched.
    let touched = rows_touched_by(&root, type_into(&root, "1.2.1", "abc")).await;
    assert_eq!(touched, BTreeSet::from(["1.2.1".to_string()]));
    // A breakdown value changes its own row and the sum that reads it.
    let touched = rows_touched_by(&root, type_into(&root, "3.3.1.b", "2")).await;
    assert_eq!(touched, BTreeSet::from(["3.3.1.cong-trong-do".to_string()]));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_keystroke_in_a_grid_touches_its_row_and_the_totals_only() {
    let template = Arc::new(builtin_template("huyen-cchc").unwrap());
    let mut report = Report::new(&template);
    report
        .rows
        .insert("pl5".into(), vec!["1".into(), "2".into(), "3".into()]);
    for key in ["1", "2", "3"] {
        for (column, value) in [(2, "Lĩnh vực"), (3, "10"), (5, "10"), (6, "10"), (7, "10")] {
            report.set_value(&format!("pl5/{key}/c{column}"), value);
        }
    }
    let root = mount_editor_of(template, report);
    settle().await;
    assert_eq!(text_of(&root, "[data-computed=\"pl5/total/c5\"]"), "30");
    // A number cell is a one-line text box that shows the draft's figure.
    let cell = find(&root, "[data-code=\"pl5/2/c5\"]");
    assert_eq!(cell.tag_name(), "DIV");
    assert!(cell.get_attribute("contenteditable").is_some());
    assert_eq!(cell.text_content().as_deref(), Some("10"));
    let touched = rows_touched_in(
        &root,
        "[data-section=\"pl5\"]",
        type_into(&root, "pl5/2/c5", "12"),
    )
    .await;
    assert_eq!(
        touched,
        BTreeSet::from(["2".to_string(), "total".to_string()])
    );
    assert_eq!(text_of(&root, "[data-computed=\"pl5/total/c5\"]"), "32");
    let messages = messages_for(&root, "pl5/2/c3");
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0]
            .1
            .contains("= 10, khác (4) «Kỳ trước chuyển sang» + (5) «Nhận trong kỳ» = 12 (lệch 2)"),
        "{}",
        messages[0].1
    );
    // Adding a row draws one new row and leaves the others alone.
    let touched = rows_touched_in(&root, "[data-section=\"pl5\"]", async {
        find(&root, "[data-action=\"add-row\"][data-section=\"pl5\"]")
            .unchecked_ref::<HtmlElement>()
            .click();
        settle().await;
    })
    .await;
    assert_eq!(touched, BTreeSet::from(["4".to_string()]));
    assert!(root
        .query_selector("[data-code=\"pl5/4/c2\"]")
        .unwrap()
        .is_some());
    root.remove();
}
