//! Figures typed by hand in a narrative, next to a unit the annex counts
//! in ("11 hồ sơ", "0,68 %"). One that equals no figure of the report may be
//! a slip (seed 001's "11 hồ sơ = 0,68 %" is 0,69 %; seed 002's "164 hồ sơ"
//! where its annex says 171): the clerk is offered to put a live figure in
//! its place, or to dismiss the hint, which the draft keeps.

use super::number::parse_number;
use super::vn_text::{is_word_char, lower};

/// The units the annexes count in, as they follow a figure.
const UNITS: [&str; 6] = ["hồ sơ", "thủ tục", "văn bản", "nhiệm vụ", "người", "%"];

/// A figure typed by hand, with its unit, as it stands in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct HandFigure {
    /// "11 hồ sơ", "0,68 %": the words as typed.
    pub text: String,
    /// The figure alone, "11": what a live figure replaces.
    pub number: String,
    pub value: f64,
    pub decimals: u8,
}

impl HandFigure {
    /// The key of its dismissal in the draft: item and words.
    pub fn key(&self, item: &str) -> String {
        dismissal_key(item, &self.text)
    }

    /// Whether `n` is this figure as it would be written, rounded to its decimals.
    fn matches(&self, n: f64) -> bool {
        let scale = 10f64.powi(i32::from(self.decimals));
        ((n * scale).round() - (self.value * scale).round()).abs() < 0.5
    }
}

/// The key under which the draft keeps the dismissal of `words` in `item`.
pub fn dismissal_key(item: &str, words: &str) -> String {
    format!("{item}|{words}")
}

/// The figures with a unit typed in `text`, outside live-figure braces.
pub fn hand_figures(text: &str) -> Vec<HandFigure> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '{' => depth += 1,
            '}' => depth = 0,
            _ => {}
        }
        let starts = c.is_ascii_digit()
            && depth == 0
            && (i == 0
                || !is_word_char(chars[i - 1].1) && !matches!(chars[i - 1].1, '-' | '.' | ','));
        // "năm 2023" is a year, not a count.
        let before: String = chars[i.saturating_sub(4)..i]
            .iter()
            .map(|(_, c)| *c)
            .collect();
        let year = lower(&before) == "năm ";
        if !starts || year {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].1.is_ascii_digit() || matches!(chars[j].1, '.' | ',')) {
            j += 1;
        }
        // A full stop or comma after the number ends the sentence or the list.
        while j > i && matches!(chars[j - 1].1, '.' | ',') {
            j -= 1;
        }
        let end_of_number = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let number = &text[at..end_of_number];
        let mut k = j;
        while k < chars.len() && chars[k].1 == ' ' {
            k += 1;
        }
        let from = chars.get(k).map_or(text.len(), |(b, _)| *b);
        let ahead = lower(&text[from..].chars().take(8).collect::<String>());
        let unit = UNITS.iter().find(|u| {
            ahead.starts_with(**u) && !ahead[u.len()..].chars().next().is_some_and(is_word_char)
        });
        if let (Some(unit), Ok(value)) = (unit, parse_number(number)) {
            let end = from
                + text[from..]
                    .char_indices()
                    .nth(unit.chars().count())
                    .map_or(text.len() - from, |(b, _)| b);
            let decimals = number
                .split_once(',')
                .map_or(0, |(_, d)| d.len().min(6) as u8);
            out.push(HandFigure {
                text: text[at..end].to_string(),
                number: number.to_string(),
                value,
                decimals,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Those of the hand-typed `figures` (of [`hand_figures`]) that equal
/// none of `numbers`.
pub fn unmatched(figures: Vec<HandFigure>, numbers: &[f64]) -> Vec<HandFigure> {
    figures
        .into_iter()
        .filter(|f| !numbers.iter().any(|n| f.matches(*n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_sentence() {
        // Seed 001, section II.2.
        let text = "Số hồ sơ đã tiếp nhận năm 2023 là: 1603 hồ sơ và giải quyết đúng thời hạn là: 1588 hồ sơ = 99,06 %. Số hồ sơ quá hạn 11 hồ sơ = 0,68 %. Đang giải quyết là 4 hồ sơ = 0,26 %.";
        let found: Vec<String> = hand_figures(text).into_iter().map(|f| f.text).collect();
        assert_eq!(
            found,
            [
                "1603 hồ sơ",
                "1588 hồ sơ",
                "99,06 %",
                "11 hồ sơ",
                "0,68 %",
                "4 hồ sơ",
                "0,26 %"
            ]
        );
        // Against the annex: 1.603 received, 1.588 on time, the rate 99,06 %.
        let numbers = [1603.0, 1588.0, 99.0642545, 189.0];
        let left: Vec<String> = unmatched(hand_figures(text), &numbers)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(left, ["11 hồ sơ", "0,68 %", "4 hồ sơ", "0,26 %"]);
    }

    #[test]
    fn the_district_seed_slips() {
        // Seed 002 against its own annex: Phụ lục V refused 171, Phụ lục VI
        // resolved 9.124, the task table 25 tasks.
        let text = "Từ chối giải quyết: 164 hồ sơ. Các xã đã giải quyết 9.088 hồ sơ. Hoàn thành 23/23 nhiệm vụ; 9.124 hồ sơ.";
        let left: Vec<String> = unmatched(hand_figures(text), &[171.0, 9124.0, 25.0])
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(
            left,
            ["164 hồ sơ", "9.088 hồ sơ", "23 nhiệm vụ"],
            "23/23 where the table has 25"
        );
    }

    #[test]
    fn live_figures_dates_and_other_units_are_not_hand_figures() {
        let text = "Tiếp nhận {3.3.1} hồ sơ ngày 03-01-2023, Kế hoạch số 01/KH-UBND, 118 Quyết định, 2.5 hồ sơ, năm 2023 người dân, 12 người.";
        let found: Vec<String> = hand_figures(text).into_iter().map(|f| f.text).collect();
        assert_eq!(found, ["2.5 hồ sơ", "12 người"]);
        assert_eq!(
            hand_figures("9.124 Hồ sơ").first().map(|f| f.value),
            Some(9124.0)
        );
        assert!(hand_figures("5 hồ sơn").is_empty());
        let eleven = &hand_figures("quá hạn 11 hồ sơ.")[0];
        assert_eq!(
            (eleven.key("II.2"), eleven.number.as_str()),
            ("II.2|11 hồ sơ".to_string(), "11")
        );
    }
}
