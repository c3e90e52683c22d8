//! Tests of `core::history`: the merge is a join (commutative, associative,
//! idempotent), no edit is lost, conflicts are exactly the concurrent
//! changes, and a resolved conflict does not come back.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use std::borrow::Cow;

use proptest::prelude::*;

use super::*;
use crate::core::json_read::{parse, At};
use crate::core::json_write::to_string;

fn edit(history: &mut History, replica: &str, now: f64, key: &str, value: &str) -> Dot {
    let dot = history.next_dot(replica, now);
    history.write(vec![(key.to_string(), value.to_string())], &dot);
    dot
}

#[test]
fn a_later_edit_replaces_what_it_saw() {
    let mut a = History::default();
    edit(&mut a, "a", 1000.0, "3.3.1", "5");
    let mut b = a.clone();
    edit(&mut b, "b", 2000.0, "3.3.1", "6");
    assert_eq!(a.merge(&b).values("3.3.1"), ["6"]);
    assert_eq!(b.merge(&a).values("3.3.1"), ["6"]);
    assert_eq!(a.merge(&b).conflicted().count(), 0);
}

#[test]
fn a_wrong_clock_does_not_reorder_edits() {
    // b's clock is an hour behind a's, yet b's edit came after it saw a's.
    let mut a = History::default();
    edit(&mut a, "a", 10_000_000.0, "x", "1");
    let mut b = a.clone();
    let dot = edit(&mut b, "b", 6_400_000.0, "x", "2");
    assert!(dot.hlc > 10_000_000);
    assert_eq!(a.merge(&b).values("x"), ["2"]);
}

#[test]
fn concurrent_edits_conflict_and_a_choice_settles_them() {
    let base = History::default();
    let (mut a, mut b) = (base.clone(), base);
    edit(&mut a, "a", 1000.0, "x", "1");
    edit(&mut b, "b", 900.0, "x", "2");
    let mut merged = a.merge(&b);
    assert_eq!(merged.values("x"), ["1", "2"]);
    assert_eq!(merged.conflicted().collect::<Vec<_>>(), ["x"]);
    edit(&mut merged, "a", 1100.0, "x", "2");
    // Neither old copy brings the conflict back.
    assert_eq!(merged.merge(&a).merge(&b).values("x"), ["2"]);
    assert_eq!(b.merge(&merged).values("x"), ["2"]);
}

#[test]
fn one_edit_on_each_side_merges_without_a_question() {
    let mut a = History::default();
    edit(&mut a, "a", 1.0, "x", "1");
    let mut b = a.clone();
    edit(&mut a, "a", 2.0, "x", "10");
    edit(&mut b, "b", 2.0, "y", "7");
    let merged = a.merge(&b);
    assert_eq!(
        (merged.values("x"), merged.values("y")),
        (vec!["10"], vec!["7"])
    );
    assert_eq!(merged.conflicted().count(), 0);
}

#[test]
fn a_reused_replica_id_keeps_both_values() {
    // Two copies that share an id write one dot with two values: neither is dropped.
    let mut a = History::default();
    let mut b = History::default();
    edit(&mut a, "r", 5.0, "x", "1");
    edit(&mut b, "r", 5.0, "x", "2");
    assert_eq!(a.merge(&b).values("x"), ["1", "2"]);
    assert_eq!(b.merge(&a), a.merge(&b));
}

#[test]
fn legacy_copies_of_one_content_agree() {
    let fields = vec![
        ("x".to_string(), "1".to_string()),
        ("y".to_string(), "2".to_string()),
    ];
    let a = History::legacy(fields.clone());
    let mut b = History::legacy(fields.into_iter().rev().collect());
    assert_eq!(a, b);
    edit(&mut b, "b", 10.0, "x", "3");
    assert_eq!(a.merge(&b).values("x"), ["3"]);
    // Another content: the fields that differ conflict, the others agree.
    let c = History::legacy(vec![
        ("x".to_string(), "9".to_string()),
        ("y".to_string(), "2".to_string()),
    ]);
    let merged = a.merge(&c);
    assert_eq!(
        (merged.values("x"), merged.values("y")),
        (vec!["1", "9"], vec!["2"])
    );
}

#[test]
fn a_file_keeps_values_under_their_dots() {
    let mut h = History::default();
    edit(&mut h, "a", 1.0, "x", "1");
    edit(&mut h, "a", 2.0, "y", "2");
    let mut b = History::default();
    edit(&mut b, "b", 1.0, "x", "7");
    let h: &'static History = Box::leak(Box::new(h.merge(&b)));
    // The report shows x = 1 and y = 2: only x's other value is written out.
    let shown = |key: &str| -> Option<Cow<'static, str>> {
        match key {
            "x" => Some("1".into()),
            "y" => Some("2".into()),
            _ => None,
        }
    };
    let text = to_string(&Stored {
        history: h,
        projected: shown,
    });
    assert_eq!(
        text,
        r#"{"seen":{"a":2,"b":1},"stamps":{"a:1":["x"],"a:2":["y"]},"values":{"x":[["b:1","7"]]}}"#
    );
    let read = History::read(parse(&text).unwrap(), At::Root, shown).unwrap();
    assert_eq!(&read, h);
}

#[test]
fn refuses_broken_stamps() {
    let none = |_: &str| -> Option<Cow<'static, str>> { None };
    for bad in [
        r#"{"seen":{"A B":1}}"#,
        r#"{"stamps":{"a":["x"]}}"#,
        r#"{"stamps":{"a:99999999999999999999":["x"]}}"#,
        r#"{"values":{"x":[["a:1"]]}}"#,
        r#"{"values":{"x":"1"}}"#,
        r#"[]"#,
    ] {
        let read = History::read(parse(bad).unwrap(), At::Root, none);
        assert!(read.is_err(), "{bad}");
    }
    // A dot the file does not count as seen is counted.
    let read = History::read(
        parse(r#"{"values":{"x":[["a:5","1"]]}}"#).unwrap(),
        At::Root,
        none,
    )
    .unwrap();
    assert!(read.covers(&Dot {
        hlc: 5,
        replica: "a".into()
    }));
}

/// One step of a random history of copies.
#[derive(Debug, Clone)]
enum Step {
    /// Copy `n` writes `value` into field `key` at its own (skewed) time.
    Edit {
        copy: usize,
        key: u8,
        value: u8,
        time: u16,
    },
    /// Copy `to` merges copy `from` in.
    Sync { from: usize, to: usize },
}

fn steps(copies: usize) -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        (0..copies, 0u8..4, 0u8..4, any::<u16>()).prop_map(|(copy, key, value, time)| Step::Edit {
            copy,
            key,
            value,
            time
        }),
        (0..copies, 0..copies).prop_map(|(from, to)| Step::Sync { from, to }),
    ];
    proptest::collection::vec(step, 0..40)
}

/// Runs the steps; every write made, with its dot.
fn run(copies: usize, steps: &[Step]) -> (Vec<History>, Vec<(String, Dot, String)>) {
    let mut state = vec![History::default(); copies];
    let mut writes = Vec::new();
    for step in steps {
        match *step {
            Step::Edit {
                copy,
                key,
                value,
                time,
            } => {
                let (key, value) = (format!("k{key}"), format!("v{value}"));
                // Copies' clocks disagree by up to a minute.
                let now = f64::from(time) * 10.0 + copy as f64 * 60_000.0;
                let dot = edit(&mut state[copy], &format!("c{copy}"), now, &key, &value);
                writes.push((key, dot, value));
            }
            Step::Sync { from, to } => state[to] = state[to].merge(&state[from]),
        }
    }
    (state, writes)
}

proptest! {
    #[test]
    fn merge_is_a_join(steps in steps(3)) {
        let (s, _) = run(3, &steps);
        prop_assert_eq!(s[0].merge(&s[1]), s[1].merge(&s[0]));
        prop_assert_eq!(s[0].merge(&s[1]).merge(&s[2]), s[0].merge(&s[1].merge(&s[2])));
        prop_assert_eq!(s[0].merge(&s[0]), s[0].clone());
        let once = s[0].merge(&s[1]);
        prop_assert_eq!(once.merge(&s[1]), once.clone());
    }

    /// Once every copy has met every other, each field holds the newest
    /// value written to it, and more than one value only where the edits
    /// were concurrent (neither copy had seen the other's).
    #[test]
    fn no_edit_is_lost(steps in steps(3)) {
        let (s, writes) = run(3, &steps);
        let all = s[0].merge(&s[1]).merge(&s[2]);
        for key in (0..4).map(|k| format!("k{k}")) {
            let newest = writes.iter().filter(|(k, _, _)| *k == key).max_by(|a, b| a.1.cmp(&b.1));
            match newest {
                None => prop_assert!(all.entries(&key).is_empty()),
                Some((_, dot, value)) => {
                    prop_assert!(all.entries(&key).iter().any(|(d, v)| d == dot && v == value), "{} lost: {:?}", key, all.entries(&key));
                }
            }
            // Every entry left is one that was written.
            for (dot, value) in all.entries(&key) {
                prop_assert!(writes.iter().any(|(k, d, v)| *k == key && d == dot && v == value));
            }
        }
        // Every copy merged in order ends equal.
        let other_order = s[2].merge(&s[0]).merge(&s[1]);
        prop_assert_eq!(all, other_order);
    }

    /// A conflict settled on one copy stays settled whatever old copies
    /// are merged in afterwards, in any order.
    #[test]
    fn a_settled_conflict_does_not_come_back(steps in steps(3), order in Just([0usize, 1, 2]).prop_shuffle()) {
        let (s, _) = run(3, &steps);
        let mut settled = s[0].merge(&s[1]).merge(&s[2]);
        let keys: Vec<String> = settled.conflicted().cloned().collect();
        for key in &keys {
            edit(&mut settled, "c0", 0.0, key, "chosen");
        }
        let mut again = settled.clone();
        for n in order {
            again = s[n].merge(&again);
        }
        for key in &keys {
            prop_assert_eq!(again.values(key), vec!["chosen"]);
        }
    }
}
