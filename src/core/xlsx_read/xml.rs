//! quick-xml under the reader's rules. A workbook is untrusted input, so:
//! no DOCTYPE (no entity can be declared, expanded or fetched: billion
//! laughs and external entities are refused before they begin), only XML's
//! five named entities and character references, and nesting bounded. The
//! reader streams: memory stays that of the part and of what is kept.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Deeper than any part a spreadsheet program writes (a cell's rich text is
/// 7 levels down, extensions a dozen), far short of a stack's limit.
pub const MAX_DEPTH: usize = 100;

/// One step through a part: elements by their local name (the namespace
/// prefix is dropped, so transitional and strict files read alike).
pub enum Step<'a> {
    Open(BytesStart<'a>),
    /// An element with no content (`<c r="A1"/>`).
    Empty(BytesStart<'a>),
    Close,
    /// Character data, with entity and character references resolved.
    Text(Cow<'a, str>),
    End,
}

/// A part's events, with its name for messages.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: usize,
}

/// The part's bytes as text: UTF-8, as spreadsheet programs write it.
pub fn text<'a>(bytes: &'a [u8], part: &str) -> Result<&'a str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map_err(|_| format!("Phần «{part}» của tệp .xlsx không phải văn bản UTF-8."))
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str, part: &'a str) -> Self {
        Xml {
            reader: Reader::from_str(text),
            part,
            depth: 0,
        }
    }

    pub fn broken(&self, why: &str) -> String {
        format!("Phần «{}» của tệp .xlsx không đọc được: {why}.", self.part)
    }

    pub fn next(&mut self) -> Result<Step<'a>, String> {
        loop {
            // The parser's own words are English; the place is what helps.
            let event = self.reader.read_event().map_err(|_| {
                self.broken(&format!(
                    "XML sai cấu trúc gần byte thứ {}",
                    self.reader.error_position()
                ))
            })?;
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.broken(&format!("lồng nhau quá {MAX_DEPTH} tầng")));
                    }
                    Step::Open(e)
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Step::Close
                }
                Event::Empty(e) => Step::Empty(e),
                Event::Text(t) => Step::Text(t.xml10_content()),
                Event::CData(t) => Step::Text(t.xml10_content()),
                Event::GeneralRef(r) => Step::Text(Cow::Owned(self.reference(&r)?)),
                Event::DocType(_) => {
                    return Err(self.broken(
                        "có khai báo DOCTYPE/ENTITY, điều tệp Excel không bao giờ có; tệp bị từ chối để an toàn",
                    ))
                }
                Event::Eof if self.depth > 0 => return Err(self.broken("XML bị cắt giữa chừng")),
                Event::Eof => Step::End,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            });
        }
    }

    /// `&amp;`, `&#233;`, `&#x1EA1;`; any other name was never declared
    /// (declarations are refused), so it is an error.
    fn reference(&self, r: &quick_xml::events::BytesRef<'_>) -> Result<String, String> {
        let named = match &**r {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        };
        let c = match named {
            Some(c) => Some(c),
            None => r.resolve_char_ref().ok().flatten(),
        };
        c.map(String::from).ok_or_else(|| {
            let name: String = r.chars().take(40).collect();
            self.broken(&format!("thực thể «&{name};» không được định nghĩa"))
        })
    }

    /// Skips the rest of the element just opened.
    pub fn skip(&mut self) -> Result<(), String> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Step::Open(_) => depth += 1,
                Step::Close => depth -= 1,
                Step::End => return Err(self.broken("XML bị cắt giữa chừng")),
                Step::Empty(_) | Step::Text(_) => {}
            }
        }
        Ok(())
    }

    /// An attribute's value by its local name (`r:id` is "id"), with
    /// references resolved.
    pub fn attr<'b>(
        &self,
        e: &'b BytesStart<'_>,
        local: &str,
    ) -> Result<Option<Cow<'b, str>>, String> {
        for a in e.attributes() {
            let a = a.map_err(|_| self.broken("thuộc tính sai cấu trúc"))?;
            if local_name(a.key.0) == local {
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|_| self.broken("giá trị thuộc tính sai"))?;
                return Ok(Some(value));
            }
        }
        Ok(None)
    }
}

/// `x:sheet` → "sheet".
pub fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An element's local name.
pub fn name<'b>(e: &'b BytesStart<'_>) -> &'b str {
    local_name(e.name().0)
}

/// Decodes Office's `_xHHHH_` escapes in string content (ST_Xstring): a
/// carriage return is written `_x000D_`, and a literal `_x` as `_x005F_x`.
pub fn unescape_office(text: String) -> String {
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let hex = tail
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let decoded = hex
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_escapes_are_decoded() {
        assert_eq!(unescape_office("a_x000D_b".into()), "a\rb");
        assert_eq!(unescape_office("_x005F_x0041_".into()), "_x0041_");
        assert_eq!(unescape_office("_x12".into()), "_x12");
        assert_eq!(unescape_office("Hoằng_xZZZZ_".into()), "Hoằng_xZZZZ_");
    }

    #[test]
    fn declarations_and_unknown_entities_are_refused() {
        let bomb = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>";
        let mut xml = Xml::new(bomb, "p.xml");
        let refused = loop {
            match xml.next() {
                Err(e) => break e,
                Ok(Step::End) => panic!("read"),
                Ok(_) => {}
            }
        };
        assert!(refused.contains("DOCTYPE"), "{refused}");
        let mut xml = Xml::new("<x>&a;</x>", "p.xml");
        assert!(matches!(xml.next(), Ok(Step::Open(_))));
        assert!(xml.next().is_err_and(|e| e.contains("«&a;»")));
        let mut xml = Xml::new("<x>&amp;&#x1EA1;&#233;</x>", "p.xml");
        let mut text = String::new();
        while let Ok(step) = xml.next() {
            match step {
                Step::Text(t) => text.push_str(&t),
                Step::End => break,
                _ => {}
            }
        }
        assert_eq!(text, "&ạé");
    }
}
