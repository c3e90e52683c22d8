//! A unit's name as a sentence writes it, whatever case the clerk typed:
//! "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG" → "Ủy ban nhân dân xã Hoằng Trường",
//! "UBND XÃ HOẰNG TRƯỜNG" → "UBND xã Hoằng Trường". Every text made from
//! the header's unit goes through [`UnitName`]: the opening sentence and
//! the subject, the annex caption, the file name, and a roll-up's row name.
//!
//! The body ("Ủy ban nhân dân", "Hội đồng nhân dân", or their acronyms
//! UBND, HĐND, kept as acronyms) and the kind of unit ("xã", "phường",
//! "thị trấn", "đặc khu", "huyện", "quận", "thị xã", "thành phố", "tỉnh",
//! or an acronym such as "TP.") are written in lower case; each word of the
//! name gets its capital. A word the clerk typed in mixed case ("H'Leo")
//! is kept as typed; the place field, when it spells the name, wins
//! ("Cư M'gar"). Case is changed by `vn_text`, which knows every
//! Vietnamese letter (Đ, Ư, Ơ, each tone) without Unicode's tables.

use std::sync::OnceLock;

use super::vn_text::{capitalise, compose, composed_word_keys, lower, upper, word_keys};

/// The issuing body a unit's name opens with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Body {
    People,
    PeopleShort,
    Council,
    CouncilShort,
}

impl Body {
    fn full(self) -> &'static str {
        match self {
            Body::People => "Ủy ban nhân dân",
            Body::PeopleShort => "UBND",
            Body::Council => "Hội đồng nhân dân",
            Body::CouncilShort => "HĐND",
        }
    }
    fn short(self) -> &'static str {
        match self {
            Body::People | Body::PeopleShort => "UBND",
            Body::Council | Body::CouncilShort => "HĐND",
        }
    }
}

/// The forms recognised, as word keys, worked out once.
struct Forms {
    bodies: Vec<(Body, Vec<String>)>,
    /// (how it is written, its keys, whether it is an acronym kept in capitals)
    kinds: Vec<(&'static str, Vec<String>, bool)>,
}

fn forms() -> &'static Forms {
    static FORMS: OnceLock<Forms> = OnceLock::new();
    FORMS.get_or_init(|| Forms {
        bodies: [
            (Body::People, "ủy ban nhân dân"),
            (Body::PeopleShort, "ubnd"),
            (Body::Council, "hội đồng nhân dân"),
            (Body::CouncilShort, "hđnd"),
        ]
        .into_iter()
        .map(|(b, words)| (b, word_keys(words)))
        .collect(),
        kinds: [
            ("thành phố", false),
            ("thị trấn", false),
            ("thị xã", false),
            ("đặc khu", false),
            ("xã", false),
            ("phường", false),
            ("huyện", false),
            ("quận", false),
            ("tỉnh", false),
            ("tp.", true),
            ("tx.", true),
            ("tp", true),
        ]
        .into_iter()
        .map(|(k, acronym)| (k, word_keys(k), acronym))
        .collect(),
    })
}

/// A unit's name in its parts.
#[derive(Debug, PartialEq)]
pub struct UnitName {
    body: Option<Body>,
    /// "xã", "TP.", …: empty when none was recognised.
    kind: String,
    /// "Hoằng Trường": the proper name, capitalised or as the place spells it.
    pub name: String,
}

impl UnitName {
    /// The unit field `unit`, with the place field `place` (may be empty)
    /// as the spelling of its name.
    pub fn new(unit: &str, place: &str) -> UnitName {
        let forms = forms();
        let composed = compose(unit);
        let words: Vec<&str> = composed.split_whitespace().collect();
        let keys = composed_word_keys(&composed);
        let starts_with = |at: usize, wanted: &[String]| {
            keys.len() >= at + wanted.len() && keys[at..at + wanted.len()] == *wanted
        };
        let mut at = 0;
        let mut body = None;
        if let Some((b, wanted)) = forms
            .bodies
            .iter()
            .find(|(_, wanted)| starts_with(0, wanted))
        {
            body = Some(*b);
            at = wanted.len();
        }
        let mut kind = String::new();
        for (written, wanted, acronym) in &forms.kinds {
            // A kind needs a name after it: "UBND xã" alone names no commune.
            if words.len() > at + wanted.len() && starts_with(at, wanted) {
                kind = if *acronym {
                    upper(words[at])
                } else {
                    written.to_string()
                };
                at += wanted.len();
                break;
            }
        }
        let rest = &words[at.min(words.len())..];
        UnitName {
            body,
            kind,
            name: spelt(rest, &keys[at.min(keys.len())..], place),
        }
    }

    /// The kind of unit, as written in lower case ("xã", "đặc khu"), or
    /// an acronym ("TP."); empty when the name has none.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// "Ủy ban nhân dân xã Hoằng Trường" ("UBND xã …" when typed so).
    pub fn sentence(&self) -> String {
        self.joined(self.body.map(Body::full))
    }

    /// "UBND xã Hoằng Trường": the body always as its acronym, as a
    /// district's tables name communes.
    pub fn row_label(&self) -> String {
        self.joined(self.body.map(Body::short))
    }

    fn joined(&self, body: Option<&str>) -> String {
        [body.unwrap_or(""), &self.kind, &self.name]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The words of the name: the place's own spelling where its words are
/// there, each other word capitalised unless typed in mixed case.
fn spelt(words: &[&str], keys: &[String], place: &str) -> String {
    let place = compose(place);
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let place_keys = composed_word_keys(&place);
    let span = (!place_keys.is_empty() && place_keys.len() <= keys.len())
        .then(|| {
            (0..=keys.len() - place_keys.len())
                .find(|&i| keys[i..i + place_keys.len()] == place_keys[..])
        })
        .flatten();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if span == Some(i) {
            out.extend(place_words.iter().map(|w| w.to_string()));
            i += place_words.len();
            continue;
        }
        out.push(word(words[i]));
        i += 1;
    }
    out.join(" ")
}

/// One word of a name: "HOẰNG" and "hoằng" → "Hoằng"; "H'Leo" as typed;
/// Roman numerals ("PHƯỜNG II") stay in capitals.
fn word(w: &str) -> String {
    let (up, low) = (upper(w), lower(w));
    if up.len() <= 4
        && !up.is_empty()
        && up.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && (w == up || w.chars().count() > 1)
        && is_roman(&up)
    {
        return up;
    }
    if w == up || w == low {
        capitalise(w)
    } else {
        w.to_string()
    }
}

fn is_roman(text: &str) -> bool {
    const ROMAN: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMAN.contains(&text)
}

/// Whether `kind` is a kind of unit as [`UnitName::kind`] writes it
/// ("xã", "phường", "đặc khu", …), in any case or spelling.
pub fn is_unit_kind(kind: &str) -> bool {
    let keys = word_keys(kind);
    forms().kinds.iter().any(|(_, wanted, _)| *wanted == keys)
}

/// Two kinds compare equal whatever their case or spelling.
pub fn same_kind(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && word_keys(a) == word_keys(b)
}

/// [`UnitName::sentence`] of the header's unit and place; "" for an empty unit.
pub fn unit_in_sentence(unit: &str, place: &str) -> String {
    UnitName::new(unit, place).sentence()
}

#[cfg(test)]
#[path = "tests/unit_name.rs"]
mod tests;
