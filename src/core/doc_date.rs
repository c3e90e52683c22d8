//! The date of a document, as Vietnamese clerks write it: `15/12/2023`,
//! `15-12-2023`, `15.12.2023` or `15122023`, with one-digit day and month
//! allowed (`1/2/2024`). Drafts store the text as typed; the ISO form
//! (`2023-12-15`, what drafts stored before) is still read.

/// A real calendar date: the day exists in its month and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub day: u32,
    pub month: u32,
    pub year: i32,
}

impl DocDate {
    /// `15/12/2023`, as a field shows it once left.
    pub fn slashed(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `2023-12-15`, for the calendar of the browser.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `ngày 15 tháng 12 năm 2023`, as the document prints it.
    pub fn words(self) -> String {
        format!(
            "ngày {:02} tháng {:02} năm {:04}",
            self.day, self.month, self.year
        )
    }
}

fn days_in(month: u32, year: i32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(part: &str, max_len: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// The day, month and year of the text, before checking they exist.
fn parts(text: &str) -> Option<(u32, u32, u32)> {
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some((
            number(&text[..2], 2)?,
            number(&text[2..4], 2)?,
            number(&text[4..], 4)?,
        ));
    }
    let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let pieces: Vec<&str> = text.split(separator).map(str::trim).collect();
    match pieces[..] {
        // What drafts stored before: the browser's own date field, ISO.
        [y, m, d] if separator == '-' && y.len() == 4 => {
            Some((number(d, 2)?, number(m, 2)?, number(y, 4)?))
        }
        [d, m, y] if y.len() == 4 => Some((number(d, 2)?, number(m, 2)?, number(y, 4)?)),
        _ => None,
    }
}

/// Reads a document date. `Ok(None)` when it is left empty (to be written
/// in by hand at signing); an error in Vietnamese when it is not a date.
pub fn parse_doc_date(text: &str) -> Result<Option<DocDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let Some((day, month, year)) = parts(text) else {
        return Err(format!(
            "«{text}» không phải là ngày: hãy nhập ngày/tháng/năm, ví dụ 15/12/2023"
        ));
    };
    let year = year as i32;
    if !(1900..=2100).contains(&year) {
        return Err(format!("«{text}»: năm {year} không hợp lệ"));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("«{text}»: không có tháng {month}"));
    }
    if day == 0 || day > days_in(month, year) {
        return Err(format!(
            "«{text}»: tháng {month} năm {year} không có ngày {day}"
        ));
    }
    Ok(Some(DocDate { day, month, year }))
}

/// The date as a field shows it once left: a real date as `15/12/2023`,
/// anything else exactly as typed.
pub fn shown(text: &str) -> String {
    match parse_doc_date(text) {
        Ok(Some(date)) => date.slashed(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<(u32, u32, i32)> {
        parse_doc_date(text)
            .ok()
            .flatten()
            .map(|d| (d.day, d.month, d.year))
    }

    #[test]
    fn reads_the_four_ways_clerks_write_a_date() {
        for text in [
            "15/12/2023",
            "15-12-2023",
            "15.12.2023",
            "15122023",
            " 15/12/2023 ",
        ] {
            assert_eq!(date(text), Some((15, 12, 2023)), "{text}");
        }
        assert_eq!(date("1/2/2024"), Some((1, 2, 2024)));
        assert_eq!(date("1-2-2024"), Some((1, 2, 2024)));
        assert_eq!(date("01.2.2024"), Some((1, 2, 2024)));
        assert_eq!(date("29/02/2024"), Some((29, 2, 2024)));
    }

    #[test]
    fn reads_what_drafts_stored_before() {
        assert_eq!(date("2024-01-05"), Some((5, 1, 2024)));
        assert_eq!(
            parse_doc_date("2024-01-05").unwrap().unwrap().slashed(),
            "05/01/2024"
        );
        assert_eq!(shown("2024-01-05"), "05/01/2024");
    }

    #[test]
    fn refuses_impossible_dates_in_words() {
        assert_eq!(parse_doc_date(""), Ok(None));
        assert_eq!(parse_doc_date("   "), Ok(None));
        assert_eq!(
            parse_doc_date("31/02/2024"),
            Err("«31/02/2024»: tháng 2 năm 2024 không có ngày 31".into())
        );
        assert_eq!(
            parse_doc_date("15/13/2023"),
            Err("«15/13/2023»: không có tháng 13".into())
        );
        assert!(parse_doc_date("29/02/2023").is_err());
        assert!(parse_doc_date("00/01/2024").is_err());
        for bad in [
            "mười lăm",
            "15/12",
            "15/12/23",
            "1512202",
            "15/12/2023/1",
            "a5/12/2023",
            "15/1x/2023",
            "١٥/١٢/٢٠٢٣",
        ] {
            let error = parse_doc_date(bad).expect_err(bad);
            assert!(error.contains(bad), "{error}");
        }
        // Kept exactly as typed.
        assert_eq!(shown("31/02/2024"), "31/02/2024");
        assert_eq!(shown("15122023"), "15/12/2023");
    }

    #[test]
    fn words_and_iso() {
        let d = parse_doc_date("1/2/2024").unwrap().unwrap();
        assert_eq!(d.words(), "ngày 01 tháng 02 năm 2024");
        assert_eq!(d.iso(), "2024-02-01");
    }
}
