//! Tests of `core::copies`: the two flows that lost work before (a rename
//! from another tab, a restore between two browsers), colleagues' files,
//! rows added and removed on both sides, old drafts without a history.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use proptest::prelude::*;

use super::*;
use crate::core::catalog::{huyen_cchc_for_tests as huyen, xa_01b_for_tests as xa};

const T0: f64 = 1_700_000_000_000.0;

fn typed(draft: &Draft, edits: &[(&str, &str)], replica: &str, now: f64) -> Draft {
    draft.typed(edits, replica, now)
}

fn base() -> Draft {
    let d = Draft::new("d1".into(), &xa(), T0);
    typed(&d, &[("1.1.1", "5"), ("3.3.1", "400")], "a", T0)
}

#[test]
fn a_rename_elsewhere_and_typing_here_both_stay() {
    let start = base();
    // Tab B renames from the list; tab A types 123 into 3.3.1.
    let mut renamed = start.clone();
    renamed.set_field("name", "Báo cáo năm", "b", T0 + 10.0);
    let typed_here = typed(&start, &[("3.3.1", "123")], "a", T0 + 20.0);
    for merged in [merge(&typed_here, &renamed), merge(&renamed, &typed_here)] {
        assert_eq!(merged.draft.name, "Báo cáo năm");
        assert_eq!(merged.draft.report.value("3.3.1"), "123");
        assert!(merged.conflicts.is_empty());
    }
}

#[test]
fn two_browsers_restoring_each_others_backups_keep_every_edit() {
    let start = typed(&base(), &[("1.1.1", "10")], "a", T0 + 1.0);
    let backup_a1 = start.clone();
    let mut b = backup_a1.clone();
    let a = typed(&start, &[("1.1.1", "11")], "a", T0 + 100.0);
    for (n, v) in ["401", "402", "403"].into_iter().enumerate() {
        b = typed(&b, &[("3.3.1", v)], "b", T0 + 50.0 + n as f64);
    }
    let in_b = merge(&b, &a);
    assert_eq!(
        (
            in_b.draft.report.value("1.1.1"),
            in_b.draft.report.value("3.3.1")
        ),
        ("11", "403")
    );
    assert_eq!(in_b.taken, ["1.1.1"]);
    let in_a = merge(&a, &b);
    assert_eq!(
        (
            in_a.draft.report.value("1.1.1"),
            in_a.draft.report.value("3.3.1")
        ),
        ("11", "403")
    );
    assert_eq!(in_a.draft.history, in_b.draft.history);
    // Restoring again, or an older backup, changes nothing.
    assert!(!merge(&in_a.draft, &b).changed);
    assert!(!merge(&in_a.draft, &backup_a1).changed);
}

#[test]
fn a_field_both_changed_waits_for_a_choice() {
    let start = base();
    let a = typed(&start, &[("3.3.1", "410")], "a", T0 + 5.0);
    let b = typed(&start, &[("3.3.1", "420")], "b", T0 + 6.0);
    let mut in_a = merge(&a, &b).draft;
    assert_eq!(
        in_a.report.value("3.3.1"),
        "410",
        "this copy's value stays shown"
    );
    let conflicts = in_a.conflicts();
    assert_eq!(
        conflicts,
        [Conflict {
            key: "3.3.1".into(),
            shown: "410".into(),
            others: vec!["420".into()]
        }]
    );
    in_a.set_field("3.3.1", "420", "a", T0 + 7.0);
    assert!(in_a.conflicts().is_empty());
    assert_eq!(merge(&in_a, &a).draft.report.value("3.3.1"), "420");
    assert!(merge(&b, &in_a).draft.conflicts().is_empty());
}

#[test]
fn a_colleagues_file_brings_their_part_and_keeps_later_edits() {
    let start = base();
    let mut copy = start.clone();
    copy.set_field("author", "Bản cho công chức tư pháp", "a", T0 + 1.0);
    // The officer fills 2.1 on another laptop; the clerk goes on with 3.3.1.
    let officer = typed(&copy, &[("2.1", "3")], "laptop", T0 + 60_000.0);
    let clerk = typed(&start, &[("3.3.1", "450")], "a", T0 + 70_000.0);
    let merged = merge(&clerk, &officer);
    assert_eq!(merged.draft.report.value("2.1"), "3");
    assert_eq!(merged.draft.report.value("3.3.1"), "450");
    assert!(merged.taken.contains(&"2.1".to_string()));
    assert_eq!(
        field_label(&xa(), &merged.draft.report, "note:2.1"),
        "Ghi chú 2.1"
    );
}

#[test]
fn rows_added_on_both_sides_are_all_kept() {
    let t = huyen();
    let (section, grid) = t
        .grids()
        .find(|(_, g)| g.is_editable())
        .map(|(s, g)| (s.id.clone(), g.clone()))
        .unwrap();
    let label = grid.columns[grid.label_column()].number;
    let mut start = Draft::new("h".into(), &t, T0);
    let mut report = start.report.clone();
    report
        .rows
        .insert(section.clone(), vec!["1".into(), "2".into()]);
    report.set_value(&cell_code(&section, "1", label), "Xã A");
    report.set_value(&cell_code(&section, "2", label), "Xã B");
    start.commit(report, "a", T0);
    let add = |d: &Draft, key: &str, at: usize, name: &str, replica: &str| {
        let mut d = d.clone();
        let mut report = d.report.clone();
        report
            .rows
            .get_or_default(section.clone())
            .insert(at, key.into());
        report.set_value(&cell_code(&section, key, label), name);
        d.commit(report, replica, T0 + 1.0);
        d
    };
    let a = add(&start, "3", 1, "Xã C", "a");
    let b = add(&start, "4", 2, "Xã D", "b");
    let merged = merge(&a, &b).draft;
    assert_eq!(
        merged.report.rows.get(&section).unwrap(),
        &["1", "3", "2", "4"]
    );
    assert!(merged.conflicts().is_empty());
    assert!(merged.report.check_against(&t).is_ok());
    // Moving a row keeps every other row's place.
    let mut report = merged.report.clone();
    let rows = report.rows.get_or_default(section.clone());
    let first = rows.remove(0);
    rows.push(first);
    let changes = draft_fields::row_changes(&merged.history, &merged.report.rows, &report.rows);
    assert_eq!(changes.len(), 1, "{changes:?}");

    // A removes row 2 while B fills one of its cells: the row stays, and the
    // cell waits for the clerk.
    let mut removed = a.clone();
    let mut report = removed.report.clone();
    report
        .rows
        .get_or_default(section.clone())
        .retain(|k| k != "2");
    report
        .values
        .retain(|code, _| !code.starts_with(&format!("{section}/2/")));
    removed.commit(report, "a", T0 + 2.0);
    let filled = typed(
        &b,
        &[(&cell_code(&section, "2", label + 1), "7")],
        "b",
        T0 + 3.0,
    );
    let merged = merge(&removed, &filled).draft;
    assert!(merged
        .report
        .rows
        .get(&section)
        .unwrap()
        .contains(&"2".to_string()));
    assert!(merge(&filled, &removed)
        .draft
        .report
        .rows
        .get(&section)
        .unwrap()
        .contains(&"2".to_string()));
}

#[test]
fn a_draft_stored_before_histories_opens_and_merges() {
    // The fixture is a draft as this app stored it before drafts had a history.
    let text = std::fs::read_to_string("tests/fixtures/full-draft.json").unwrap();
    assert!(!text.contains("\"history\""));
    let a = Draft::from_json(&text).unwrap();
    assert!(!a.history.is_empty());
    // Two tabs reading one stored copy agree on its history.
    let b = Draft::from_json(&text).unwrap();
    assert_eq!(a.history, b.history);
    let code = a.report.values.keys().next().unwrap().clone();
    let edited = typed(&b, &[(&code, "99")], "b", T0);
    let merged = merge(&a, &edited);
    assert_eq!(merged.draft.report.value(&code), "99");
    assert!(merged.conflicts.is_empty());
    // It is written with its history and reads back the same.
    let again = Draft::from_json(&merged.draft.to_json()).unwrap();
    assert_eq!(again.history, merged.draft.history);
    assert_eq!(again.report, merged.draft.report);
    // Two copies without a history that differ conflict where they differ.
    let mut other: serde_json::Value = serde_json::from_str(&text).unwrap();
    other["report"]["values"][&code] = serde_json::Value::String("12".into());
    let other = Draft::from_json(&other.to_string()).unwrap();
    let merged = merge(&a, &other);
    assert_eq!(merged.conflicts, [code]);
}

proptest! {
    /// Copies of a draft edited and merged in random orders end with the
    /// same history and the same conflicts, every field at its newest
    /// value, and read back from their JSON unchanged.
    #[test]
    fn copies_of_a_draft_converge(
        edits in proptest::collection::vec((0usize..3, 0usize..4, 0u8..3, 0u16..500), 1..25),
        syncs in proptest::collection::vec((0usize..3, 0usize..3), 0..12),
    ) {
        let codes = ["1.1.1", "3.3.1", "note:3.3.1", "name"];
        let mut copies = vec![base(); 3];
        let mut newest: Vec<Option<(u64, String)>> = vec![None; codes.len()];
        for (n, (copy, field, value, time)) in edits.iter().enumerate() {
            let value = format!("{value}");
            copies[*copy].set_field(codes[*field], &value, &format!("c{copy}"), T0 + f64::from(*time));
            let hlc = copies[*copy].history.clock();
            if newest[*field].as_ref().is_none_or(|(h, _)| *h < hlc) {
                newest[*field] = Some((hlc, value));
            }
            if let Some(&(from, to)) = syncs.get(n) {
                copies[to] = merge(&copies[to], &copies[from]).draft;
            }
        }
        let one = merge(&merge(&copies[0], &copies[1]).draft, &copies[2]).draft;
        let two = merge(&merge(&copies[2], &copies[0]).draft, &copies[1]).draft;
        prop_assert_eq!(&one.history, &two.history);
        let keys = |d: &Draft| d.conflicts().into_iter().map(|c| c.key).collect::<Vec<_>>();
        prop_assert_eq!(keys(&one), keys(&two));
        for (field, newest) in codes.iter().zip(&newest) {
            if let Some((_, value)) = newest {
                prop_assert!(one.history.values(field).contains(&value.as_str()), "{} lost {}", field, value);
            }
        }
        let again = Draft::from_json(&one.to_json()).unwrap();
        prop_assert_eq!(&again.history, &one.history);
        prop_assert_eq!(&again.report, &one.report);
    }
}

#[test]
fn a_roll_up_done_in_one_copy_arrives_whole_in_the_other() {
    use crate::core::summary::CommuneSummary;
    let start = base();
    let mut rolled = start.clone();
    let mut report = rolled.report.clone();
    report.commune_summary = Some(CommuneSummary {
        from: "xa-01b".into(),
        ..Default::default()
    });
    rolled.commit(report, "b", T0 + 1.0);
    let merged = merge(&start, &rolled);
    assert_eq!(
        merged.draft.report.commune_summary,
        rolled.report.commune_summary
    );
    assert!(merged.conflicts.is_empty());
}

#[test]
fn a_history_that_brings_a_field_the_template_has_not_is_refused() {
    let t = xa();
    let good = typed(&base(), &[("2.1", "3")], "b", T0 + 1.0);
    assert_eq!(good.check_history(&t), Ok(()));
    // A file whose history, not its report, holds an unknown code.
    let text = good.to_json().replace(
        "\"values\":{}}",
        "\"values\":{\"9.9.9\":[[\"x:5\",\"7\"]]}}",
    );
    assert!(text.contains("9.9.9"));
    let forged = Draft::from_json(&text).unwrap();
    assert!(
        forged.report.check_against(&t).is_ok(),
        "the report itself is fine"
    );
    let refused = Draft::import(&text, |id| (id == "xa-01b").then(xa))
        .map(|_| ())
        .unwrap_err();
    assert!(
        refused.contains("lịch sử sửa trong tệp có mã «9.9.9» không có trong biểu mẫu"),
        "{refused}"
    );
}
