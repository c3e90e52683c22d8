//! Vietnamese letters, without Unicode's tables: case mapping, composition
//! of decomposed (NFD) text, and a key that compares names as people read
//! them.
//!
//! Names of communes reach the roll-up typed by different clerks on
//! different machines: "XÃ HOẰNG HÒA", "Xã Hoằng Hoà" (the old tone
//! placement), or decomposed by a Mac's file system. [`name_key`] gives all
//! of these one key. Only the Vietnamese alphabet and ASCII are mapped;
//! any other character passes through unchanged, so nothing here panics or
//! needs the large Unicode case tables in the wasm.

use std::sync::OnceLock;

/// The twelve vowels, each with its five tones, in lower and upper case.
/// Index = base vowel; position in the string = tone (none, huyền, sắc,
/// hỏi, ngã, nặng).
const VOWELS: [(&str, &str); 12] = [
    ("aàáảãạ", "AÀÁẢÃẠ"),
    ("ăằắẳẵặ", "ĂẰẮẲẴẶ"),
    ("âầấẩẫậ", "ÂẦẤẨẪẬ"),
    ("eèéẻẽẹ", "EÈÉẺẼẸ"),
    ("êềếểễệ", "ÊỀẾỂỄỆ"),
    ("iìíỉĩị", "IÌÍỈĨỊ"),
    ("oòóỏõọ", "OÒÓỎÕỌ"),
    ("ôồốổỗộ", "ÔỒỐỔỖỘ"),
    ("ơờớởỡợ", "ƠỜỚỞỠỢ"),
    ("uùúủũụ", "UÙÚỦŨỤ"),
    ("ưừứửữự", "ƯỪỨỬỮỰ"),
    ("yỳýỷỹỵ", "YỲÝỶỸỴ"),
];
const A: usize = 0;
const A_BREVE: usize = 1;
const A_CIRC: usize = 2;
const E: usize = 3;
const E_CIRC: usize = 4;
const O: usize = 6;
const O_CIRC: usize = 7;
const O_HORN: usize = 8;
const U: usize = 9;
const U_HORN: usize = 10;

/// A vowel letter: which of the twelve, its tone (0 = none), its case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Vowel {
    base: usize,
    tone: usize,
    upper: bool,
}

/// Every vowel letter with what it is, sorted by character, built once.
fn vowel_table() -> &'static [(char, Vowel)] {
    static TABLE: OnceLock<Vec<(char, Vowel)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(VOWELS.len() * 12);
        for (base, (lower, upper)) in VOWELS.iter().enumerate() {
            for (set, is_upper) in [(lower, false), (upper, true)] {
                for (tone, c) in set.chars().enumerate() {
                    table.push((
                        c,
                        Vowel {
                            base,
                            tone,
                            upper: is_upper,
                        },
                    ));
                }
            }
        }
        table.sort_by_key(|(c, _)| *c);
        table
    })
}

impl Vowel {
    fn of(c: char) -> Option<Vowel> {
        // Consonants, digits and punctuation, the most of any name, at once.
        if c.is_ascii() && !matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            return None;
        }
        let table = vowel_table();
        table
            .binary_search_by_key(&c, |(x, _)| *x)
            .ok()
            .and_then(|at| table.get(at))
            .map(|(_, v)| *v)
    }

    fn char(self) -> char {
        let (lower, upper) = VOWELS[self.base % VOWELS.len()];
        let set = if self.upper { upper } else { lower };
        set.chars().nth(self.tone).unwrap_or('?')
    }
}

/// The tone a combining mark gives, as a position in [`VOWELS`].
fn combining_tone(c: char) -> Option<usize> {
    match c {
        '\u{300}' => Some(1),
        '\u{301}' => Some(2),
        '\u{309}' => Some(3),
        '\u{303}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// The vowel a combining circumflex, breve or horn makes of `base`.
fn combining_shape(base: usize, c: char) -> Option<usize> {
    match (c, base) {
        ('\u{302}', A) => Some(A_CIRC),
        ('\u{302}', E) => Some(E_CIRC),
        ('\u{302}', O) => Some(O_CIRC),
        ('\u{306}', A) => Some(A_BREVE),
        ('\u{31B}', O) => Some(O_HORN),
        ('\u{31B}', U) => Some(U_HORN),
        _ => None,
    }
}

/// Composes decomposed Vietnamese letters (NFD) into single characters, as
/// Unicode NFC does for this alphabet. Other text is left as it is.
pub fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<Vowel> = None;
    for c in text.chars() {
        if let Some(v) = pending.as_mut() {
            if let Some(tone) = combining_tone(c).filter(|_| v.tone == 0) {
                v.tone = tone;
                continue;
            }
            if let Some(base) = combining_shape(v.base, c) {
                v.base = base;
                continue;
            }
            out.push(v.char());
            pending = None;
        }
        match Vowel::of(c) {
            Some(v) => pending = Some(v),
            None => out.push(c),
        }
    }
    if let Some(v) = pending {
        out.push(v.char());
    }
    out
}

fn map_case(c: char, upper: bool) -> char {
    if let Some(mut v) = Vowel::of(c) {
        v.upper = upper;
        return v.char();
    }
    match (c, upper) {
        ('đ', true) => 'Đ',
        ('Đ', false) => 'đ',
        (c, true) => c.to_ascii_uppercase(),
        (c, false) => c.to_ascii_lowercase(),
    }
}

/// The ASCII letter a Vietnamese letter is written with, without its marks
/// ("ằ" → 'a', "Đ" → 'D'); ASCII as it is; `None` for anything else.
pub fn ascii_base(c: char) -> Option<char> {
    const BASES: [u8; 12] = *b"aaaeeiooouuy";
    if let Some(v) = Vowel::of(c) {
        let base = char::from(BASES[v.base % BASES.len()]);
        return Some(if v.upper {
            base.to_ascii_uppercase()
        } else {
            base
        });
    }
    match c {
        'đ' => Some('d'),
        'Đ' => Some('D'),
        c if c.is_ascii() => Some(c),
        _ => None,
    }
}

/// A letter of the Vietnamese alphabet or an ASCII letter or digit: what
/// words are made of, without the Unicode tables of `char::is_alphanumeric`.
pub fn is_word_char(c: char) -> bool {
    ascii_base(c).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Lower case, for the Vietnamese alphabet and ASCII.
pub fn lower(text: &str) -> String {
    text.chars().map(|c| map_case(c, false)).collect()
}

/// Upper case, for the Vietnamese alphabet and ASCII.
pub fn upper(text: &str) -> String {
    text.chars().map(|c| map_case(c, true)).collect()
}

/// "hoằng" → "Hoằng": the first letter upper case, the rest lower.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(map_case(first, true))
            .chain(chars.map(|c| map_case(c, false)))
            .collect(),
        None => String::new(),
    }
}

/// One word as it is read aloud: its letters in lower case without the
/// tone, then the tone's number. "Hòa", "Hoà", "HOÀ" and the decomposed
/// forms all give "hoa1"; "Thủy" and "Thuỷ" give "thuy3".
fn word_key(word: &str) -> String {
    let mut letters = String::with_capacity(word.len());
    let mut tone = 0;
    for c in word.chars() {
        match Vowel::of(c) {
            Some(v) => {
                if v.tone != 0 {
                    tone = v.tone;
                }
                letters.push(
                    Vowel {
                        tone: 0,
                        upper: false,
                        ..v
                    }
                    .char(),
                );
            }
            None => letters.push(map_case(c, false)),
        }
    }
    if tone != 0 {
        letters.push(char::from(b'0' + tone as u8));
    }
    letters
}

/// The words of a name as they are read: composed, case folded, tone
/// placement ignored, spacing collapsed. Two spellings of one name give
/// the same key.
pub fn word_keys(text: &str) -> Vec<String> {
    composed_word_keys(&compose(text))
}

/// [`word_keys`] of text already [`compose`]d.
pub fn composed_word_keys(text: &str) -> Vec<String> {
    text.split_whitespace().map(word_key).collect()
}

/// [`word_keys`] joined by single spaces.
pub fn name_key(text: &str) -> String {
    word_keys(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_set_has_six_tones() {
        for (lower, upper) in VOWELS {
            assert_eq!(
                (lower.chars().count(), upper.chars().count()),
                (6, 6),
                "{lower}"
            );
        }
    }

    #[test]
    fn composes_decomposed_letters() {
        // "Hoằng Hòa" decomposed: a + breve + grave, o + grave.
        let nfd = "Hoa\u{306}\u{300}ng Ho\u{300}a";
        assert_eq!(compose(nfd), "Hoằng Hòa");
        assert_eq!(compose("Thu\u{31B}\u{323}c"), "Thực");
        assert_eq!(
            compose("TRÂ\u{300}N"),
            "TRẦN",
            "a mark after a composed letter"
        );
        assert_eq!(
            compose("x\u{300}y"),
            "x\u{300}y",
            "marks on other letters stay"
        );
        assert_eq!(compose("Đông Vệ, 1.603"), "Đông Vệ, 1.603");
    }

    #[test]
    fn letters_without_their_marks() {
        let bare: String = "Đặng Thị Hường, ỹ".chars().filter_map(ascii_base).collect();
        assert_eq!(bare, "Dang Thi Huong, y");
        assert_eq!(ascii_base('ñ'), None);
    }

    #[test]
    fn maps_case_for_the_vietnamese_alphabet() {
        assert_eq!(
            lower("ỦY BAN NHÂN DÂN XÃ ĐÔNG VỆ"),
            "ủy ban nhân dân xã đông vệ"
        );
        assert_eq!(upper("hoằng trường"), "HOẰNG TRƯỜNG");
        assert_eq!(capitalise("HOẰNG"), "Hoằng");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let same = [
            ("XÃ HOẰNG HÒA", "xã Hoằng Hoà"),
            ("Xã Hoằng Hòa", "Xa\u{303} Hoa\u{306}\u{300}ng Ho\u{300}a"),
            ("Thủy", "THUỶ"),
            ("  Hòa   Bình ", "Hoà Bình"),
            ("Thúy", "Thuý"),
            ("Khoẻ", "khỏe"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} ~ {b}");
        }
        assert_ne!(
            name_key("Hòa"),
            name_key("Hóa"),
            "another tone is another name"
        );
        assert_ne!(name_key("Hoà"), name_key("Hoa"));
        assert_ne!(name_key("Sơn"), name_key("Son"));
    }
}
