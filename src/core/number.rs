//! Numbers as Vietnamese clerks type and read them.
//!
//! `1.603` is one thousand six hundred and three, `99,06` is ninety-nine point
//! zero six. Input that is unambiguous in the English convention (`99.06`,
//! `1,603,000`) is accepted too; input that could be read both ways follows
//! the Vietnamese convention. This module never panics, whatever it is given.

use std::fmt;

/// Longest input we try to read; anything longer is certainly not a figure.
const MAX_INPUT_CHARS: usize = 40;
/// Largest magnitude we accept, so sums of many counts stay exact in an f64.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// Why typed text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    MisplacedSeparator,
    TooLarge,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::NotANumber => "không phải là số",
            NumberError::MisplacedSeparator => "dấu phân cách hàng nghìn đặt sai chỗ",
            NumberError::TooLarge => "số quá lớn",
        })
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Reads a number typed by a person. Leading and trailing spaces are ignored;
/// spaces between digit groups are thousands separators.
pub fn parse_number(raw: &str) -> Result<f64, NumberError> {
    let text = raw.trim_matches(is_space).trim();
    if text.is_empty() || text.chars().count() > MAX_INPUT_CHARS {
        return Err(if text.is_empty() {
            NumberError::NotANumber
        } else {
            NumberError::TooLarge
        });
    }
    // Nearly every figure is a few plain digits: read them at once. Up to 15
    // digits are below 2^53, so the value is exact, as below.
    if text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64);
    }
    let (negative, body) = match text.chars().next() {
        Some(sign @ ('-' | '\u{2212}' | '+')) => (sign != '+', &text[sign.len_utf8()..]),
        _ => (false, text),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c))
        || !body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberError::NotANumber);
    }

    let (int_part, frac_part, thousands) = split_decimal(body)?;
    let int_digits = ungroup(int_part, thousands)?;
    if frac_part.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
        return Err(NumberError::MisplacedSeparator);
    }
    if int_digits.is_empty() && frac_part.is_none() {
        return Err(NumberError::NotANumber);
    }
    let magnitude = decimal_value(&int_digits, frac_part.unwrap_or(""))?;
    // `-0` reads as zero: a clerk who types it means nothing negative.
    Ok(if magnitude == 0.0 {
        0.0
    } else if negative {
        -magnitude
    } else {
        magnitude
    })
}

/// Powers of ten that an f64 holds exactly (10^22 is the largest).
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/// The standard parser's precision: a mantissa below this is exact in an f64.
const EXACT_MANTISSA: u64 = 1 << 53;

/// The value of checked decimal digits, without `str::parse::<f64>` (its
/// tables weigh about 10 KB of the wasm). A mantissa below 2^53 divided by an
/// exact power of ten is one correctly rounded division: the very value the
/// standard parser gives, for every figure of up to 15 significant digits.
/// Longer ones (up to 19 digits are kept) may differ from it in the last bit;
/// decimals past the 22nd are dropped.
fn decimal_value(int_digits: &str, frac: &str) -> Result<f64, NumberError> {
    let mut mantissa: u64 = 0;
    for digit in int_digits.bytes() {
        mantissa = mantissa * 10 + u64::from(digit - b'0');
        if mantissa > MAX_MAGNITUDE as u64 {
            return Err(NumberError::TooLarge);
        }
    }
    let mut scale = 0;
    for digit in frac.bytes() {
        if mantissa >= EXACT_MANTISSA * 100 || scale + 1 == EXACT_POWERS_OF_TEN.len() {
            break;
        }
        mantissa = mantissa * 10 + u64::from(digit - b'0');
        scale += 1;
    }
    let value = mantissa as f64 / EXACT_POWERS_OF_TEN[scale];
    if value > MAX_MAGNITUDE {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// Splits digits into the integer part, the fraction part and the character
/// that separates thousands in the integer part.
fn split_decimal(body: &str) -> Result<(&str, Option<&str>, Option<char>), NumberError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok((body, None, None)),
        (_, 0) if dots > 1 => Ok((body, None, Some('.'))),
        (0, _) if commas > 1 => Ok((body, None, Some(','))),
        // A single comma is the Vietnamese decimal comma, also when `1,500`
        // could be English thousands: ambiguity follows the Vietnamese way.
        (0, 1) => split_at_last(body, ',', None),
        (1, 0) => {
            let (_, frac) = body.split_once('.').unwrap_or((body, ""));
            let looks_like_thousands =
                frac.len() == 3 && ungroup(body, Some('.')).is_ok_and(|d| !d.starts_with('0'));
            if looks_like_thousands {
                Ok((body, None, Some('.')))
            } else {
                split_at_last(body, '.', None)
            }
        }
        _ => {
            // Both kinds present: the one written last separates the decimals.
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            let (decimal, thousands) = if last_dot > last_comma {
                ('.', ',')
            } else {
                (',', '.')
            };
            if body.matches(decimal).count() != 1 {
                return Err(NumberError::MisplacedSeparator);
            }
            split_at_last(body, decimal, Some(thousands))
        }
    }
}

fn split_at_last(
    body: &str,
    decimal: char,
    thousands: Option<char>,
) -> Result<(&str, Option<&str>, Option<char>), NumberError> {
    match body.rsplit_once(decimal) {
        Some((int_part, frac)) => Ok((int_part, Some(frac), thousands)),
        None => Ok((body, None, thousands)),
    }
}

/// Removes thousands separators (the given one, and spaces), checking that
/// they stand where thousands separators stand: 1–3 digits, then groups of 3.
fn ungroup(int_part: &str, thousands: Option<char>) -> Result<String, NumberError> {
    let is_separator = |c: char| is_space(c) || Some(c) == thousands;
    let mut groups = int_part
        .split(is_separator)
        .filter(|g| !g.is_empty() || thousands.is_some());
    let mut digits = String::with_capacity(int_part.len());
    let mut first = true;
    let has_separator = int_part.chars().any(is_separator);
    for group in groups.by_ref() {
        if !group.chars().all(|c| c.is_ascii_digit()) {
            return Err(if group.contains(['.', ',']) {
                NumberError::MisplacedSeparator
            } else {
                NumberError::NotANumber
            });
        }
        let ok = if !has_separator {
            true
        } else if first {
            (1..=3).contains(&group.len())
        } else {
            group.len() == 3
        };
        if !ok {
            return Err(NumberError::MisplacedSeparator);
        }
        first = false;
        digits.push_str(group);
    }
    Ok(digits)
}

/// Writes a number the Vietnamese way: `1.603`, `99,06`, `-12,5`.
/// At most `max_decimals` decimals, without trailing zeros.
pub fn format_vn(value: f64, max_decimals: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // Integer arithmetic instead of `format!("{:.*}")`: exact for every
    // value we accept (|v| ≤ 1e15, ≤ 6 decimals), and it keeps core's float
    // printing machinery (about 11 KB) out of the wasm bundle.
    let decimals = u32::from(max_decimals.min(6));
    let scale = 10u128.pow(decimals);
    let scaled = (value.abs() * scale as f64).round() as u128;
    let int_digits = (scaled / scale).to_string();
    let frac = scaled % scale;
    let mut out = String::with_capacity(int_digits.len() * 4 / 3 + 10);
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    let len = int_digits.len();
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if frac != 0 {
        let padded = frac.to_string();
        out.push(',');
        for _ in padded.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(padded.trim_end_matches('0'));
    }
    out
}

/// Writes a number for a file format (XML, JSON): `.` for decimals, no
/// grouping, at most 12 decimals. Integer arithmetic, so core's float
/// printing (about 11 KB of wasm) stays out of the bundle.
pub fn plain_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    const SCALE: u128 = 1_000_000_000_000;
    let scaled = (value.abs() * SCALE as f64).round() as u128;
    let (int_part, frac) = (scaled / SCALE, scaled % SCALE);
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&int_part.to_string());
    if frac != 0 {
        let digits = frac.to_string();
        out.push('.');
        for _ in digits.len()..12 {
            out.push('0');
        }
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// Formats a whole count: `1.603`.
pub fn format_count(value: f64) -> String {
    format_vn(value, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_convention() {
        assert_eq!(parse_number("1.603"), Ok(1603.0));
        assert_eq!(parse_number("99,06"), Ok(99.06));
        assert_eq!(parse_number("38.747"), Ok(38747.0));
        assert_eq!(parse_number("1.234.567,5"), Ok(1_234_567.5));
        assert_eq!(parse_number("02"), Ok(2.0));
    }

    #[test]
    fn spaces_between_thousands() {
        assert_eq!(parse_number("1 603"), Ok(1603.0));
        assert_eq!(parse_number(" 1\u{a0}234\u{202f}567 "), Ok(1_234_567.0));
        assert_eq!(parse_number("12 34"), Err(NumberError::MisplacedSeparator));
    }

    #[test]
    fn clear_english_input_is_accepted() {
        assert_eq!(parse_number("99.06"), Ok(99.06));
        assert_eq!(parse_number("0.5"), Ok(0.5));
        assert_eq!(parse_number("1,603,000"), Ok(1_603_000.0));
        assert_eq!(parse_number("1,603.25"), Ok(1603.25));
        assert_eq!(parse_number("1234.567"), Ok(1234.567));
    }

    #[test]
    fn ambiguous_input_follows_vietnamese_convention() {
        assert_eq!(parse_number("1,500"), Ok(1.5));
        assert_eq!(parse_number("1.500"), Ok(1500.0));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in [
            "",
            "  ",
            "abc",
            "12a",
            "1.2.3,4,5",
            "1..2",
            "1,2,3.4.5",
            "--1",
            "1-2",
            ",",
            ".",
            "1e5",
            "NaN",
            "inf",
            "١٢",
        ] {
            assert!(parse_number(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(parse_number("1.60.3"), Err(NumberError::MisplacedSeparator));
        assert_eq!(parse_number(&"9".repeat(41)), Err(NumberError::TooLarge));
        assert_eq!(parse_number("9999999999999999"), Err(NumberError::TooLarge));
    }

    #[test]
    fn long_and_tiny_fractions() {
        assert_eq!(parse_number("1.000.000.000.000.000"), Ok(1e15));
        assert_eq!(
            parse_number("1.000.000.000.000.001"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(
            parse_number("99999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_number("0,1"), Ok(0.1));
        let third = parse_number("0,3333333333333333333333333").unwrap();
        assert!((third - 1.0 / 3.0).abs() <= f64::EPSILON, "{third}");
        let long = parse_number("123456789012345,6789").unwrap();
        assert!((long - 123456789012345.67).abs() <= 0.016, "{long}");
        assert_eq!(parse_number("0,000001"), Ok(0.000001));
        assert_eq!(parse_number("-0,0"), Ok(0.0));
    }

    #[test]
    fn signs() {
        assert_eq!(parse_number("-5"), Ok(-5.0));
        assert_eq!(parse_number("\u{2212}1.603"), Ok(-1603.0));
        assert_eq!(parse_number("+7"), Ok(7.0));
        assert_eq!(parse_number("-0"), Ok(0.0));
    }

    #[test]
    fn formats_the_vietnamese_way() {
        assert_eq!(format_count(1603.0), "1.603");
        assert_eq!(format_count(1_234_567.0), "1.234.567");
        assert_eq!(format_count(0.0), "0");
        assert_eq!(format_vn(99.06, 2), "99,06");
        assert_eq!(format_vn(99.0625, 2), "99,06");
        assert_eq!(format_vn(8.3, 2), "8,3");
        assert_eq!(format_vn(100.0, 2), "100");
        assert_eq!(format_vn(-12.5, 2), "-12,5");
        assert_eq!(format_vn(-0.001, 2), "0");
        assert_eq!(format_vn(f64::NAN, 2), "");
        assert_eq!(format_vn(0.05, 2), "0,05");
        assert_eq!(format_vn(1.005, 3), "1,005");
        assert_eq!(format_vn(999_999_999_999_999.0, 0), "999.999.999.999.999");
        assert_eq!(format_vn(99.999, 2), "100");
        assert_eq!(plain_decimal(1603.0), "1603");
        assert_eq!(plain_decimal(0.5), "0.5");
        assert_eq!(plain_decimal(-12.25), "-12.25");
        assert_eq!(plain_decimal(1588.0 / 1603.0), "0.990642545228");
        assert_eq!(plain_decimal(f64::NAN), "0");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,50}") {
            let _ = parse_number(&s);
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[-+0-9.,  \u{a0}%]{0,30}") {
            let _ = parse_number(&s);
        }

        #[test]
        fn formatted_counts_read_back(n in 0u64..1_000_000_000_000) {
            let text = format_count(n as f64);
            prop_assert_eq!(parse_number(&text), Ok(n as f64));
        }

        #[test]
        fn formatted_decimals_read_back(whole in 0u64..10_000_000, cents in 1u32..100) {
            let value = whole as f64 + f64::from(cents) / 100.0;
            let text = format_vn(value, 2);
            let back = parse_number(&text).unwrap();
            prop_assert!((back - value).abs() < 1e-6, "{} -> {} -> {}", value, text, back);
        }

        #[test]
        fn integer_formatting_matches_std_rounding(whole in 0u64..100_000_000, thousandths in 0u32..1000) {
            let value = whole as f64 + f64::from(thousandths) / 1000.0;
            let expected = format!("{:.2}", value).trim_end_matches('0').trim_end_matches('.').replace('.', ",");
            let ours = format_vn(value, 2).replace('.', "");
            // std rounds half to even on the exact binary value; both agree but for exact halves.
            if thousandths % 10 != 5 {
                prop_assert_eq!(ours, expected);
            }
        }

        #[test]
        fn reads_as_the_standard_parser_does(int in 0u64..1_000_000_000_000_000, frac in "[0-9]{0,8}") {
            let text = if frac.is_empty() { int.to_string() } else { format!("{int},{frac}") };
            let std_text = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
            let std_value: f64 = std_text.parse().unwrap();
            if std_value <= MAX_MAGNITUDE && int.to_string().len() + frac.len() <= 15 {
                prop_assert_eq!(parse_number(&text), Ok(std_value));
            }
        }

        #[test]
        fn plain_digits_are_themselves(n in 0u64..1_000_000_000_000) {
            prop_assert_eq!(parse_number(&n.to_string()), Ok(n as f64));
        }

        #[test]
        fn space_grouped_digits_read(n in 0u64..1_000_000_000_000) {
            let text = format_count(n as f64).replace('.', " ");
            prop_assert_eq!(parse_number(&text), Ok(n as f64));
        }
    }
}
