//! Tests of the kept templates (`core::kept_template`, `core::shelf` and
//! the session's `templates`): the origin stored and read back, the older
//! format, broken entries, which template wins, removal and the drafts
//! counted before it.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use std::sync::Arc;

use super::*;
use crate::core::catalog::BUILTIN_TEMPLATE_FILES;
use crate::core::draft::Draft;
use crate::core::draft_store::{KeyValueStore, MemoryStore, TEMPLATE_PREFIX};
use crate::core::kept_template::{KeptTemplate, TemplateOrigin};
use crate::core::shelf::{Offer, Shelf};
use crate::core::template::Template;

fn xa_text() -> &'static str {
    BUILTIN_TEMPLATE_FILES
        .iter()
        .find(|(name, _)| *name == "xa-01b.json")
        .map(|(_, text)| *text)
        .unwrap()
}

/// The commune's annex with another id, version or name.
fn variant(id: &str, version: u32, name: &str) -> Template {
    let mut value = serde_json::from_str::<serde_json::Value>(xa_text()).unwrap();
    value["id"] = id.into();
    value["version"] = version.into();
    value["name"] = name.into();
    Template::from_json(&value.to_string()).unwrap()
}

fn shipped() -> Arc<Template> {
    Arc::new(Template::from_json(xa_text()).unwrap())
}

fn file(name: &str) -> TemplateOrigin {
    TemplateOrigin::File { name: name.into() }
}

fn session() -> Session<MemoryStore> {
    Session::new(MemoryStore::default(), true, "here".into())
}

#[test]
fn a_kept_template_reads_back_with_its_origin_and_time() {
    let session = session();
    let province = variant("tinh-x", 2, "Biểu của tỉnh");
    assert!(session.keep_template(&province, file("bieu tinh.json"), 7.0));
    let edition = TemplateOrigin::Edition {
        province: "Thanh Hóa".into(),
        built: 5.0,
    };
    let other = variant("tinh-y", 1, "Biểu khác");
    assert!(session.keep_template(&other, edition.clone(), 8.0));
    let mut list = session.kept_templates();
    assert!(list.broken.is_empty(), "{:?}", list.broken);
    list.kept.sort_by(|a, b| a.template.id.cmp(&b.template.id));
    assert_eq!(list.kept[0].template, province);
    assert_eq!(list.kept[0].origin, file("bieu tinh.json"));
    assert_eq!(list.kept[0].at, Some(7.0));
    assert_eq!(list.kept[1].origin, edition);
    assert_eq!(list.kept[1].at, Some(8.0));
    // The template's own text is kept as it came, for backups and workbooks.
    assert_eq!(list.kept[0].template.source, province.source);
}

#[test]
fn origins_read_as_the_clerk_reads_them() {
    let date = |ms: f64| format!("d{ms}");
    assert_eq!(
        TemplateOrigin::BuiltIn.label(None, date),
        "Có sẵn trong ứng dụng"
    );
    assert_eq!(
        file("a.json").label(Some(3.0), date),
        "Mở từ tệp «a.json» ngày d3"
    );
    assert_eq!(file("").label(None, date), "Mở từ tệp");
    let edition = TemplateOrigin::Edition {
        province: "Thanh Hóa".into(),
        built: 4.0,
    };
    assert_eq!(
        edition.label(Some(9.0), date),
        "Từ bản của tỉnh Thanh Hóa ngày d4"
    );
}

#[test]
fn an_entry_of_the_older_format_loads_as_opened_from_a_file() {
    let session = session();
    let old = variant("tinh-x", 1, "Biểu cũ");
    session
        .store
        .backend
        .set(&format!("{TEMPLATE_PREFIX}tinh-x"), &old.source)
        .unwrap();
    let list = session.kept_templates();
    assert_eq!(list.kept.len(), 1);
    assert_eq!(list.kept[0].template, old);
    assert_eq!(list.kept[0].origin, file(""));
    assert_eq!(list.kept[0].at, None);
}

#[test]
fn a_broken_entry_is_reported_and_stays_in_storage() {
    let session = session();
    let good = variant("tinh-ok", 1, "Biểu tốt");
    session.keep_template(&good, file("ok.json"), 1.0);
    let envelope = KeptTemplate {
        template: variant("tinh-z", 1, "Z"),
        origin: file("z.json"),
        at: Some(1.0),
    }
    .to_stored();
    let entries = [
        ("cut", "{\"format\":".to_string()),
        (
            "tinh-z",
            envelope.replace("\"file\":\"z.json\"", "\"file\":\"z.json\",\"extra\":1"),
        ),
        ("other-id", envelope.clone()),
        (
            "tinh-w",
            envelope.replace("\"origin\":\"file\"", "\"origin\":\"web\""),
        ),
        (
            "tinh-v",
            envelope.replace("\\\"version\\\":1", "\\\"version\\\":\\\"một\\\""),
        ),
        ("old", "{\"id\":\"old\"}".to_string()),
    ];
    for (id, raw) in &entries {
        session
            .store
            .backend
            .set(&format!("{TEMPLATE_PREFIX}{id}"), raw)
            .unwrap();
    }
    let list = session.kept_templates();
    assert_eq!(list.kept.len(), 1);
    assert_eq!(list.kept[0].template, good);
    let mut broken: Vec<&str> = list.broken.iter().map(|b| b.key.as_str()).collect();
    broken.sort();
    assert_eq!(
        broken,
        ["cut", "old", "other-id", "tinh-v", "tinh-w", "tinh-z"]
    );
    let reason = |key: &str| &list.broken.iter().find(|b| b.key == key).unwrap().reason;
    assert!(reason("cut").contains("dòng 1"), "{}", reason("cut"));
    assert!(
        reason("tinh-z").contains("\"extra\""),
        "{}",
        reason("tinh-z")
    );
    assert!(
        reason("other-id").contains("«tinh-z»"),
        "{}",
        reason("other-id")
    );
    assert!(reason("tinh-w").contains("\"web\""), "{}", reason("tinh-w"));
    assert!(reason("tinh-v").contains("version"), "{}", reason("tinh-v"));
    assert!(reason("old").contains("Tệp biểu mẫu"), "{}", reason("old"));
    for (id, raw) in &entries {
        let stored = session.store.backend.get(&format!("{TEMPLATE_PREFIX}{id}"));
        assert_eq!(
            stored.unwrap().as_deref(),
            Some(raw.as_str()),
            "{id} kept as it was"
        );
    }
}

#[test]
fn a_higher_version_replaces_a_shipped_template_in_its_place() {
    let mut shelf = Shelf::new(vec![shipped(), Arc::new(variant("b", 1, "B"))]);
    let v2 = Arc::new(variant("xa-01b", 2, "Phụ lục 01b của tỉnh"));
    assert_eq!(
        shelf.offer(v2.clone(), file("tinh.json"), Some(1.0)),
        Offer::Replaced {
            was: 1,
            was_built_in: true
        }
    );
    assert_eq!(shelf.entries()[0].template, v2, "keeps the first place");
    assert_eq!(shelf.entries()[0].origin, file("tinh.json"));
    // Removed, the shipped one comes back.
    assert!(shelf.remove("xa-01b").is_some());
    assert_eq!(shelf.entries()[0].template, shipped());
    assert_eq!(shelf.entries()[0].origin, TemplateOrigin::BuiltIn);
    assert_eq!(shelf.remove("xa-01b"), None, "a shipped template stays");
}

#[test]
fn the_same_version_never_silently_replaces_a_shipped_template() {
    let mut shelf = Shelf::new(vec![shipped()]);
    let same = Arc::new(Template::from_json(xa_text()).unwrap());
    assert_eq!(shelf.offer(same, file("a.json"), None), Offer::Unchanged);
    let edited = Arc::new(variant("xa-01b", 1, "Phụ lục sửa"));
    let Offer::Refused(why) = shelf.offer(edited, file("b.json"), None) else {
        panic!("refused")
    };
    assert!(why.contains("phiên bản 1 đã có sẵn"), "{why}");
    assert!(why.contains("\"version\": 2"), "{why}");
    assert_eq!(shelf.entries()[0].template, shipped());
}

#[test]
fn a_lower_version_is_refused_and_a_same_version_file_replaces_a_kept_one() {
    let mut shelf = Shelf::new(vec![shipped()]);
    let first = Arc::new(variant("tinh-x", 2, "Biểu tỉnh"));
    assert_eq!(shelf.offer(first, file("a.json"), Some(1.0)), Offer::Added);
    let corrected = Arc::new(variant("tinh-x", 2, "Biểu tỉnh (sửa)"));
    assert_eq!(
        shelf.offer(corrected.clone(), file("b.json"), Some(2.0)),
        Offer::Replaced {
            was: 2,
            was_built_in: false
        }
    );
    let older = Arc::new(variant("tinh-x", 1, "Biểu tỉnh cũ"));
    let Offer::Refused(why) = shelf.offer(older, file("c.json"), Some(3.0)) else {
        panic!("refused")
    };
    assert!(
        why.contains("phiên bản 2; tệp này là phiên bản 1 cũ hơn"),
        "{why}"
    );
    assert_eq!(shelf.get("tinh-x").unwrap().template, corrected);
    assert_eq!(shelf.get("tinh-x").unwrap().origin, file("b.json"));
    // Removed with no shipped one of its id, it is gone.
    assert!(shelf.remove("tinh-x").is_some());
    assert!(shelf.get("tinh-x").is_none());
}

#[test]
fn start_up_applies_the_rule_a_load_does() {
    let kept = |t: Template| (t, file("k.json"), Some(1.0));
    // A kept version 2 of a shipped template is used after a reload, as it
    // was when loaded; a kept same-version copy with other contents is not.
    let shelf = Shelf::assemble(
        vec![shipped()],
        [
            kept(variant("xa-01b", 2, "Của tỉnh")),
            kept(variant("tinh-x", 1, "X")),
        ],
    );
    assert_eq!(shelf.get("xa-01b").unwrap().template.version, 2);
    assert_eq!(shelf.templates().len(), 2);
    let shelf = Shelf::assemble(vec![shipped()], [kept(variant("xa-01b", 1, "Sửa"))]);
    assert_eq!(shelf.get("xa-01b").unwrap().template, shipped());
    assert_eq!(shelf.get("xa-01b").unwrap().origin, TemplateOrigin::BuiltIn);
}

#[test]
fn removing_a_template_keeps_its_drafts_and_they_are_counted_first() {
    let session = session();
    let province = variant("tinh-x", 1, "Biểu tỉnh");
    session.keep_template(&province, file("x.json"), 1.0);
    let xa = shipped();
    for (id, template) in [("a", &province), ("b", &province), ("c", &*xa)] {
        session.save(&Draft::new(id.into(), template, 1.0)).unwrap();
    }
    assert_eq!(session.drafts_using("tinh-x"), 2);
    assert_eq!(session.drafts_using("xa-01b"), 1);
    assert_eq!(session.drafts_using("khac"), 0);
    session.remove_template("tinh-x").unwrap();
    assert!(session.kept_templates().kept.is_empty());
    assert_eq!(session.drafts_using("tinh-x"), 2, "the drafts stay");
    let draft = session.stored("a").unwrap();
    let Err(why) = adopt(draft, None, None) else {
        panic!("no template, no opening")
    };
    assert!(why.contains("«tinh-x»"), "{why}");
}

#[test]
fn the_removal_question_names_the_drafts_that_stay() {
    use crate::core::shelf::removal_question;
    let one = removal_question("Biểu tỉnh", 1, None);
    assert!(
        one.starts_with("Có 1 bản nháp đang dùng biểu mẫu «Biểu tỉnh»"),
        "{one}"
    );
    assert!(
        one.contains("bản nháp đó vẫn được giữ nhưng không mở được"),
        "{one}"
    );
    let many = removal_question("Biểu tỉnh", 3, Some(1));
    assert!(
        many.contains("Có 3 bản nháp") && many.contains("các bản nháp đó"),
        "{many}"
    );
    assert!(many.ends_with("biểu mẫu có sẵn (phiên bản 1)."), "{many}");
    let none = removal_question("Biểu tỉnh", 0, None);
    assert!(!none.contains("bản nháp"), "{none}");
}

/// Templates to offer: three ids (one shipped), versions 1 to 3, two names.
fn pool() -> &'static [Arc<Template>] {
    static POOL: std::sync::OnceLock<Vec<Arc<Template>>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool = Vec::new();
        for id in ["xa-01b", "tinh-a", "tinh-b"] {
            for version in 1..=3 {
                for name in ["Một", "Hai"] {
                    pool.push(Arc::new(variant(id, version, name)));
                }
            }
        }
        pool
    })
}

/// Each template on the shelf as id, version, name and origin, by id.
fn summary(shelf: &Shelf) -> Vec<(String, u32, String, &'static str)> {
    let mut out: Vec<_> = shelf
        .entries()
        .iter()
        .map(|e| {
            (
                e.template.id.clone(),
                e.template.version,
                e.template.name.clone(),
                e.origin.key(),
            )
        })
        .collect();
    out.sort();
    out
}

proptest::proptest! {
    /// Whatever is offered in whatever order: one template per id, a
    /// version never goes down, a shipped template is only replaced by a
    /// higher version, and the shelf read again from what was kept is the
    /// shelf the offers made (start-up agrees with loading).
    #[test]
    fn the_shelf_keeps_its_rule(offers in proptest::collection::vec((0usize..18, proptest::bool::ANY), 0..20)) {
        let mut shelf = Shelf::new(vec![shipped()]);
        let session = session();
        for (pick, edition) in offers {
            let template = pool()[pick].clone();
            let before = shelf.get(&template.id).cloned();
            let origin = match edition {
                true => TemplateOrigin::Edition { province: "Thanh Hóa".into(), built: 1.0 },
                false => file("f.json"),
            };
            let offer = shelf.offer(template.clone(), origin.clone(), Some(2.0));
            if offer.taken() {
                session.keep_template(&template, origin, 2.0);
            }
            let after = shelf.get(&template.id).unwrap();
            if let Some(before) = before {
                proptest::prop_assert!(after.template.version >= before.template.version);
                if before.origin == TemplateOrigin::BuiltIn && after.origin != TemplateOrigin::BuiltIn {
                    proptest::prop_assert!(after.template.version > before.template.version);
                }
            }
            let mut ids: Vec<&str> = shelf.entries().iter().map(|e| e.template.id.as_str()).collect();
            ids.sort();
            ids.dedup();
            proptest::prop_assert_eq!(ids.len(), shelf.entries().len());
        }
        let kept = session.kept_templates().kept.into_iter().map(|k| (k.template, k.origin, k.at));
        proptest::prop_assert_eq!(summary(&Shelf::assemble(vec![shipped()], kept)), summary(&shelf));
    }

    /// A stored entry cut short or with a character changed is read or
    /// refused with a message, never a panic.
    #[test]
    fn a_damaged_entry_never_panics(cut in 0usize..400, at in 0usize..400, with in proptest::char::any()) {
        let stored = KeptTemplate { template: variant("tinh-a", 1, "A"), origin: file("a.json"), at: Some(1.0) }.to_stored();
        let head: String = stored.chars().take(cut).collect();
        let mut changed: Vec<char> = stored.chars().collect();
        if at < changed.len() {
            changed[at] = with;
        }
        for raw in [head, changed.into_iter().collect::<String>()] {
            match KeptTemplate::from_stored("tinh-a", &raw) {
                Ok(kept) => proptest::prop_assert_eq!(kept.template.id, "tinh-a"),
                Err(why) => proptest::prop_assert!(!why.is_empty()),
            }
        }
    }
}

#[test]
fn two_texts_of_one_id_and_version_have_two_fingerprints() {
    use crate::core::kept_template::fingerprint;
    let (a, b) = (variant("tinh-a", 1, "A"), variant("tinh-a", 1, "B"));
    assert_ne!(fingerprint(&a.source), fingerprint(&b.source));
    let copy: String = a.source.chars().collect();
    assert_eq!(
        fingerprint(&a.source),
        fingerprint(&copy),
        "the text, not where it is"
    );
}
