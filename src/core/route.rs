//! Where the app is, as the URL's hash names it: the draft list (`#/`) or
//! one draft (`#/ban-nhap/<id>`). A hash route works on any static host and
//! from a file: the server never sees it.

/// A screen of the app that a URL can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The start screen with the list of drafts.
    List,
    /// One draft, by its id, open in the editor.
    Draft(String),
}

const DRAFT_PREFIX: &str = "#/ban-nhap/";

impl Route {
    /// The route of a `location.hash`. Anything that names no screen (an
    /// empty hash, a hash of an older version, a typo) is the list; a draft
    /// id is taken as written, percent-escapes decoded, and is looked up by
    /// the caller, who says so if it is not there.
    pub fn parse(hash: &str) -> Route {
        match hash.strip_prefix(DRAFT_PREFIX) {
            Some(id) => {
                let id = percent_decode(id.trim_end_matches('/'));
                if id.trim().is_empty() {
                    Route::List
                } else {
                    Route::Draft(id)
                }
            }
            None => Route::List,
        }
    }

    /// The hash for this route, escaped so that it parses back to itself.
    pub fn hash(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::Draft(id) => format!("{DRAFT_PREFIX}{}", percent_encode(id)),
        }
    }
}

/// Escapes every byte but ASCII letters, digits and `-._~` (RFC 3986's
/// unreserved characters).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a malformed escape, or bytes that are not UTF-8,
/// are kept as written rather than refused.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_the_list_and_drafts() {
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("#"), Route::List);
        assert_eq!(Route::parse("#/"), Route::List);
        assert_eq!(Route::parse("#/khac"), Route::List);
        assert_eq!(Route::parse("#/ban-nhap/"), Route::List);
        assert_eq!(
            Route::parse("#/ban-nhap/1a2b-3c"),
            Route::Draft("1a2b-3c".into())
        );
        assert_eq!(
            Route::parse("#/ban-nhap/1a2b-3c/"),
            Route::Draft("1a2b-3c".into())
        );
        assert_eq!(Route::Draft("1a2b-3c".into()).hash(), "#/ban-nhap/1a2b-3c");
        assert_eq!(Route::List.hash(), "#/");
    }

    #[test]
    fn escapes_what_a_url_cannot_hold() {
        let route = Route::Draft("xã Hoằng/Trường #2 %".into());
        assert_eq!(
            route.hash(),
            "#/ban-nhap/x%C3%A3%20Ho%E1%BA%B1ng%2FTr%C6%B0%E1%BB%9Dng%20%232%20%25"
        );
        assert_eq!(Route::parse(&route.hash()), route);
        // Malformed escapes are kept as written.
        assert_eq!(
            Route::parse("#/ban-nhap/a%zz%4"),
            Route::Draft("a%zz%4".into())
        );
        assert_eq!(Route::parse("#/ban-nhap/%FF"), Route::Draft("%FF".into()));
    }

    proptest! {
        #[test]
        fn every_id_survives_the_round_trip(id in "\\PC{1,40}") {
            prop_assume!(!id.trim().is_empty());
            prop_assert_eq!(Route::parse(&Route::Draft(id.clone()).hash()), Route::Draft(id));
        }

        #[test]
        fn any_hash_parses_without_panic(hash in "\\PC{0,60}") {
            let _ = Route::parse(&hash);
            let _ = Route::parse(&format!("#/ban-nhap/{hash}"));
        }
    }
}
