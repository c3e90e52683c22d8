//! Places in a list that two copies can both insert into: a grid row's
//! place is a base-36 fraction (`"i"` is 18/36), so a row put between two
//! others needs a new place of its own and no other row moves.
//!
//! A place is a string of `0-9a-z` with no trailing `0`: compared as text,
//! such strings compare as the fractions they write. Two copies that put a
//! row at the same place are ordered by the rows' keys.

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
/// The longest place made (`u64` holds 36^12).
const MAX_DIGITS: usize = 12;

/// Whether `text` is a place this module makes.
pub fn valid(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 2 * MAX_DIGITS
        && !text.ends_with('0')
        && text.bytes().all(|b| DIGITS.contains(&b))
}

fn digit(b: u8) -> u64 {
    DIGITS.iter().position(|d| *d == b).unwrap_or(0) as u64
}

/// The first `n` digits of a place as a whole number, and whether digits
/// were cut off.
fn prefix(place: &str, n: usize) -> (u64, bool) {
    let bytes = place.as_bytes();
    let mut value = 0u64;
    for i in 0..n {
        value = value * 36 + bytes.get(i).map_or(0, |b| digit(*b));
    }
    (value, bytes.len() > n)
}

fn text(mut value: u64, n: usize) -> String {
    let mut out = vec![b'0'; n];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 36) as usize];
        value /= 36;
    }
    while out.last() == Some(&b'0') {
        out.pop();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `count` places in order, strictly after `low` and before `high` (`None`:
/// the start and the end of the list), spread out so that later inserts
/// find room. `None` when the two are too close (or out of order) for
/// that many: the caller places the whole list again.
pub fn between(low: Option<&str>, high: Option<&str>, count: usize) -> Option<Vec<String>> {
    if count == 0 {
        return Some(Vec::new());
    }
    let count = count as u64;
    for n in 1..=MAX_DIGITS {
        // The whole numbers v of n digits with low < v/36^n < high.
        let first = low.map_or(1, |l| prefix(l, n).0 + 1);
        let last = match high {
            None => 36u64.pow(n as u32) - 1,
            Some(h) => match prefix(h, n) {
                (0, false) => continue,
                (v, true) => v,
                (v, false) => v - 1,
            },
        };
        if last < first || last - first + 1 < 2 * count.saturating_add(1) {
            continue;
        }
        // At least 2, and `count` steps stay within the room.
        let step = (last - first + 1) / (count + 1);
        return Some((1..=count).map(|i| text(first + i * step, n)).collect());
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn places_between() {
        let all = between(None, None, 3).unwrap();
        assert_eq!(all, ["9", "h", "p"]);
        let one = between(Some("i"), Some("j"), 1).unwrap();
        assert!(one[0].as_str() > "i" && one[0].as_str() < "j", "{one:?}");
        assert!(between(Some("j"), Some("i"), 1).is_none());
        assert!(all.iter().all(|p| valid(p)));
    }

    proptest! {
        /// Places made between two places lie strictly between them, in
        /// order, valid; repeated inserts at one spot keep working.
        #[test]
        fn always_between(inserts in proptest::collection::vec((0usize..50, 1usize..5), 1..60)) {
            let mut list: Vec<String> = between(None, None, 2).unwrap();
            for (at, count) in inserts {
                let at = at % (list.len() + 1);
                let low = at.checked_sub(1).map(|i| list[i].clone());
                let high = list.get(at).cloned();
                let Some(new) = between(low.as_deref(), high.as_deref(), count) else { continue };
                prop_assert_eq!(new.len(), count);
                for place in &new {
                    prop_assert!(valid(place), "{}", place);
                }
                list.splice(at..at, new);
                for pair in list.windows(2) {
                    prop_assert!(pair[0] < pair[1], "{:?}", list);
                }
            }
        }
    }
}
