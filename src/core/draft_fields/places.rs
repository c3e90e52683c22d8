//! Grid rows' places in a draft's history (`row:<section>/<row key>`):
//! the row lists they give, and the places to write when the lists change.

use super::keys::ROW;
use crate::core::history::{Entries, History};
use crate::core::key_map::KeyMap;
use crate::core::key_set::KeySet;
use crate::core::position;

/// A row's place from its entries: the newest place where it is kept
/// (`true`), else the newest place it was removed from (`false`).
pub fn place(entries: &Entries) -> Option<(&str, bool)> {
    let newest = |alive: bool| {
        entries
            .iter()
            .rev()
            .map(|(_, v)| v.as_str())
            .find(|v| !v.is_empty() && v.starts_with('-') != alive)
    };
    match newest(true) {
        Some(at) => Some((at, true)),
        None => newest(false).map(|at| (at.trim_start_matches('-'), false)),
    }
}

/// `(section, row key)` of a row field's key.
fn row_of(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix(ROW)?.split_once('/')
}

/// The row lists the history holds: in each section, the rows kept, and a
/// removed row whose cells another copy filled since (its cells hold a
/// value that is not empty), in the order of their places.
pub fn rows(history: &History) -> KeyMap<Vec<String>> {
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (key, entries) in history.with_prefix(ROW) {
        let (Some((section, row)), Some((at, alive))) = (row_of(key), place(entries)) else {
            continue;
        };
        let kept = alive || {
            let prefix = format!("{section}/{row}/");
            let filled = history
                .with_prefix(&prefix)
                .any(|(_, e)| e.iter().any(|(_, v)| !v.is_empty()));
            filled
        };
        if sections.last().is_none_or(|(s, _)| s != section) {
            sections.push((section.to_string(), Vec::new()));
        }
        if let (true, Some((_, list))) = (kept, sections.last_mut()) {
            list.push((at.to_string(), row.to_string()));
        }
    }
    sections
        .into_iter()
        .map(|(section, mut list)| {
            list.sort_unstable();
            (section, list.into_iter().map(|(_, row)| row).collect())
        })
        .collect()
}

/// The places to write when the row lists change from `old` to `new`:
/// rows that keep their order keep their places; a row added or moved
/// gets a place between its neighbours; a removed row keeps its place
/// marked removed.
pub fn row_changes(
    history: &History,
    old: &KeyMap<Vec<String>>,
    new: &KeyMap<Vec<String>>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sections: KeySet = old.keys().chain(new.keys()).cloned().collect();
    for section in sections.iter() {
        let (before, after) = (
            old.get(section).map_or(&[][..], Vec::as_slice),
            new.get(section).map_or(&[][..], Vec::as_slice),
        );
        let current = |row: &str| {
            history
                .fields()
                .get(&format!("{ROW}{section}/{row}"))
                .and_then(place)
                .filter(|(_, alive)| *alive)
        };
        if before == after && after.iter().all(|r| current(r).is_some()) {
            continue;
        }
        let places: Vec<Option<String>> = after
            .iter()
            .map(|r| current(r).map(|(at, _)| at.to_string()))
            .collect();
        let kept = increasing(&places);
        let mut new_places: Vec<Option<String>> = places
            .iter()
            .zip(&kept)
            .map(|(p, k)| p.clone().filter(|_| *k))
            .collect();
        if !fill_between(&mut new_places) {
            let all = position::between(None, None, after.len()).unwrap_or_default();
            new_places = all.into_iter().map(Some).collect();
        }
        for (row, at) in after.iter().zip(new_places) {
            let at = at.unwrap_or_default();
            if current(row).map(|(p, _)| p) != Some(at.as_str()) {
                out.push((format!("{ROW}{section}/{row}"), at));
            }
        }
        for row in before.iter().filter(|r| !after.contains(r)) {
            let at = current(row).map(|(p, _)| p.to_string()).unwrap_or_default();
            out.push((format!("{ROW}{section}/{row}"), format!("-{at}")));
        }
    }
    out
}

/// Which places to keep: a longest strictly increasing run of them.
fn increasing(places: &[Option<String>]) -> Vec<bool> {
    // Patience sorting: `tails[k]` is the index ending the best run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; places.len()];
    for (i, place) in places.iter().enumerate() {
        let Some(place) = place else { continue };
        let at =
            tails.partition_point(|&t| places[t].as_deref().is_some_and(|p| p < place.as_str()));
        before[i] = at.checked_sub(1).map(|k| tails[k]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = vec![false; places.len()];
    let mut next = tails.last().copied();
    while let Some(i) = next {
        kept[i] = true;
        next = before[i];
    }
    kept
}

/// Gives every `None` a place between its kept neighbours; false when some
/// gap has no room.
fn fill_between(places: &mut [Option<String>]) -> bool {
    let mut i = 0;
    while i < places.len() {
        if places[i].is_some() {
            i += 1;
            continue;
        }
        let end = (i..places.len())
            .find(|&j| places[j].is_some())
            .unwrap_or(places.len());
        let low = i.checked_sub(1).and_then(|k| places[k].clone());
        let high = places.get(end).cloned().flatten();
        let Some(new) = position::between(low.as_deref(), high.as_deref(), end - i) else {
            return false;
        };
        for (slot, at) in places[i..end].iter_mut().zip(new) {
            *slot = Some(at);
        }
        i = end;
    }
    true
}
