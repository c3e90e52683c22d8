//! Words in a narrative that name another period or year than the
//! report's: "Chín tháng đầu năm 2023" left in an annual report, "năm 2018"
//! in the 2019 report. A year that is compared with ("so với năm 2018",
//! "cùng kỳ năm 2022") or planned for (next year's tasks) is not a slip.

use super::period::Period;
use super::vn_text::{compose, is_word_char, lower};

/// Words before a year, in the same sentence, that make it a comparison or a span.
const COMPARING: [&str; 9] = [
    "so với",
    "cùng kỳ",
    "từ năm",
    "đến năm",
    "giai đoạn",
    "trước năm",
    "sau năm",
    "hơn năm",
    "nhiệm kỳ",
];
/// How far back, in characters, a comparison word counts.
const COMPARING_REACH: usize = 60;

/// "sáu tháng", "9 tháng" … and the period length they name.
const MONTHS: [(&str, u8); 6] = [
    ("sáu", 6),
    ("06", 6),
    ("6", 6),
    ("chín", 9),
    ("09", 9),
    ("9", 9),
];

/// Whether a report of `period` may speak of the first `months` months.
fn months_fit(period: Period, months: u8) -> bool {
    match (period, months) {
        (Period::SixMonths, 6) | (Period::NineMonths, 9) => true,
        // A Quý III report is often the 9-month one, and speaks of both.
        (Period::QuarterThree, _) => true,
        _ => false,
    }
}

fn is_letter(c: char) -> bool {
    is_word_char(c)
}

/// The quoted words (as typed) that name another period, in text order.
pub fn slips(text: &str, period: Period, year: i32) -> Vec<String> {
    let original: Vec<char> = compose(text).chars().collect();
    let lowered: Vec<char> = lower(&original.iter().collect::<String>())
        .chars()
        .collect();
    let at = |i: usize, word: &str| {
        word.chars()
            .enumerate()
            .all(|(k, c)| lowered.get(i + k) == Some(&c))
    };
    let word_start = |i: usize| i == 0 || !is_letter(lowered[i - 1]);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lowered.len() {
        if !word_start(i) {
            i += 1;
            continue;
        }
        // "<N> tháng (đầu) năm (YYYY)".
        if let Some((word, months)) = MONTHS.iter().find(|(w, _)| at(i, w)) {
            let mut j = i + word.chars().count();
            let phrase = [" tháng đầu năm", " tháng năm"]
                .into_iter()
                .find(|p| at(j, p));
            if let Some(p) = phrase {
                j += p.chars().count();
                if let Some(end) = year_after(&lowered, j) {
                    j = end;
                }
                if !months_fit(period, *months) && !compared(&lowered, i) {
                    found.push((i, j));
                }
                i = j;
                continue;
            }
        }
        // "năm YYYY" of another year than the report's or the next.
        if at(i, "năm") {
            if let Some(end) = year_after(&lowered, i + 3) {
                let typed: String = lowered[end - 4..end].iter().collect();
                let other = typed
                    .parse::<i32>()
                    .is_ok_and(|y| y != year && y != year + 1);
                if other && !compared(&lowered, i) {
                    found.push((i, end));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
        .into_iter()
        .map(|(a, b)| original[a..b].iter().collect())
        .collect()
}

/// The end of " YYYY" (a year from 1900 to 2099, a whole number) at `from`.
fn year_after(text: &[char], from: usize) -> Option<usize> {
    if text.get(from) != Some(&' ') {
        return None;
    }
    let digits = text.get(from + 1..from + 5)?;
    let whole = digits.iter().all(char::is_ascii_digit)
        && !text.get(from + 5).is_some_and(char::is_ascii_digit);
    (whole && matches!(digits[..2], ['1', '9'] | ['2', '0'])).then_some(from + 5)
}

/// Whether the sentence before `at` compares, within reach.
fn compared(text: &[char], at: usize) -> bool {
    let mut start = at.saturating_sub(COMPARING_REACH);
    if let Some(stop) = text[start..at]
        .iter()
        .rposition(|c| matches!(c, '.' | ';' | '\n' | '!' | '?'))
    {
        start += stop + 1;
    }
    let before: String = text[start..at].iter().collect();
    COMPARING.iter().any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_slips() {
        // Seed 001, line 93, in the annual report of 2023.
        let text =
            "Chín tháng đầu năm 2023 UBND xã không ngừng nâng cao chất lượng xây dựng văn bản";
        assert_eq!(slips(text, Period::Year, 2023), ["Chín tháng đầu năm 2023"]);
        assert_eq!(slips(text, Period::NineMonths, 2023), Vec::<String>::new());
        // Seed 002 speaks of 2018 in its 2019 report.
        assert_eq!(
            slips(
                "Trong năm 2018, UBND huyện đã ban hành 12 kế hoạch.",
                Period::Year,
                2019
            ),
            ["năm 2018"]
        );
    }

    #[test]
    fn comparisons_plans_and_dates_are_not_slips() {
        let fine = [
            "Tăng 12 % so với năm 2018.",
            "Giảm so với cùng kỳ năm 2018.",
            "Nhiệm vụ cải cách hành chính năm 2024.",
            "Kế hoạch số 01/KH-UBND ngày 03-01-2023.",
            "Tỷ lệ biên chế tinh giản so với năm 2015 là 10 %.",
            "giai đoạn 2021-2025, từ năm 2021 đến năm 2025",
            "năm 20234 là lỗi gõ",
            "trong 6 tháng cuối năm",
        ];
        for text in fine {
            assert_eq!(
                slips(text, Period::Year, 2023),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn months_against_each_period() {
        let text = "Sáu tháng đầu năm, 9 tháng năm 2024";
        assert_eq!(
            slips(text, Period::Year, 2024),
            ["Sáu tháng đầu năm", "9 tháng năm 2024"]
        );
        assert_eq!(slips(text, Period::SixMonths, 2024), ["9 tháng năm 2024"]);
        assert_eq!(
            slips(text, Period::QuarterThree, 2024),
            Vec::<String>::new()
        );
        // A decomposed paste is read the same.
        assert_eq!(
            slips("Chi\u{301}n tha\u{301}ng đầu năm", Period::Year, 2024),
            ["Chín tháng đầu năm"]
        );
        // Words that only contain the digits are not the phrase.
        assert_eq!(
            slips("Có 19 tháng năm", Period::Year, 2024),
            Vec::<String>::new()
        );
    }
}
