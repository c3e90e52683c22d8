//! Workbooks made by hand for the reader's tests: a zip writer with stored
//! and deflated entries whose every field can be set (so a test can lie in
//! one), a minimal workbook around given sheet XML, and a deflate stream
//! of any length of zeros in a few KB (a zip bomb).
#![allow(dead_code)]

use miniz_oxide::deflate::core::{compress, CompressorOxide, TDEFLFlush, TDEFLStatus};

pub const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// One entry to write: its data as stored, and what the headers claim.
pub struct Entry {
    pub name: String,
    pub method: u16,
    pub flags: u16,
    pub data: Vec<u8>,
    pub crc: u32,
    pub size: u32,
}

impl Entry {
    pub fn stored(name: &str, data: &[u8]) -> Entry {
        Entry {
            name: name.into(),
            method: 0,
            flags: 0,
            data: data.to_vec(),
            crc: CRC32.checksum(data),
            size: data.len() as u32,
        }
    }

    pub fn deflated(name: &str, data: &[u8]) -> Entry {
        Entry {
            method: 8,
            data: miniz_oxide::deflate::compress_to_vec(data, 6),
            ..Entry::stored(name, data)
        }
    }
}

/// The archive of `entries`, with the central directory at the end.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let (mut out, mut dir) = (Vec::new(), Vec::new());
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(e.flags.to_le_bytes());
            h.extend(e.method.to_le_bytes());
            h.extend([0u8; 4]);
            h.extend(e.crc.to_le_bytes());
            h.extend((e.data.len() as u32).to_le_bytes());
            h.extend(e.size.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                // Comment length, disk, internal and external attributes.
                h.extend([0u8; 10]);
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&e.data);
        dir.extend(header(0x0201_4b50, true));
    }
    let at = out.len() as u32;
    let n = entries.len() as u16;
    out.extend(&dir);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((dir.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
pub const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// A workbook's parts around `sheets` (name, sheet XML) and a shared-string
/// part, each relationship target written absolute ("/xl/…"), deflated.
pub fn workbook_parts(sheets: &[(&str, String)], shared: Option<&str>) -> Vec<Entry> {
    let mut workbook = String::from(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut entries = vec![
        Entry::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Entry::deflated("_rels/.rels", ROOT_RELS.as_bytes()),
    ];
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        workbook.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet{n}.xml"/>"#));
        entries.push(Entry::deflated(
            &format!("xl/worksheets/sheet{n}.xml"),
            xml.as_bytes(),
        ));
    }
    if let Some(sst) = shared {
        rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
        entries.push(Entry::deflated("xl/sharedStrings.xml", sst.as_bytes()));
    }
    workbook.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    entries.push(Entry::deflated("xl/workbook.xml", workbook.as_bytes()));
    entries.push(Entry::deflated(
        "xl/_rels/workbook.xml.rels",
        rels.as_bytes(),
    ));
    entries
}

/// A worksheet around `sheet_data` (the rows) and `after` (merges…).
pub fn worksheet(sheet_data: &str, after: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData>{after}</worksheet>"#
    )
}

/// A raw deflate stream of `megabytes` MB of zeros: one 1 MB block
/// compressed once, sync-flushed, repeated, then an empty final block.
pub fn zeros_deflated(megabytes: usize) -> Vec<u8> {
    let mut compressor = CompressorOxide::new(
        miniz_oxide::deflate::core::create_comp_flags_from_zip_params(1, -15, 0),
    );
    let zeros = vec![0u8; 1 << 20];
    let mut chunk = vec![0u8; 64 << 10];
    let (status, _, written) = compress(&mut compressor, &zeros, &mut chunk, TDEFLFlush::Sync);
    assert_eq!(status, TDEFLStatus::Okay);
    chunk.truncate(written);
    let mut out = Vec::with_capacity(chunk.len() * megabytes + 2);
    for _ in 0..megabytes {
        out.extend(&chunk);
    }
    // A final fixed-Huffman block holding only its end code.
    out.extend([0x03, 0x00]);
    out
}
