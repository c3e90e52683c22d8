//! Random ids: a draft's, a replica's part, a copy's.

/// `n` random letters and digits.
pub fn random_id(n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit((js_sys::Math::random() * 36.0) as u32 % 36, 36).unwrap_or('0'))
        .collect()
}

/// A new draft id: the time and a random part, unique enough per browser.
pub fn new_id() -> String {
    format!(
        "{:x}-{:06x}",
        crate::browser::time::now() as u64,
        (js_sys::Math::random() * 16_777_216.0) as u32
    )
}
