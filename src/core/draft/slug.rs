//! Text as a file name safe on every system: Vietnamese without its
//! diacritics, in `a-z0-9` joined by `-`.

/// Removes Vietnamese diacritics and keeps `a-z0-9`, joined by `-`.
pub fn ascii_slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in crate::core::vn_text::compose(text).chars() {
        let base = match crate::core::vn_text::ascii_base(c) {
            Some(c) if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if base == '-' {
            dash = !out.is_empty();
        } else {
            if dash {
                out.push('-');
                dash = false;
            }
            out.push(base);
        }
        if out.len() >= 60 {
            break;
        }
    }
    out
}
