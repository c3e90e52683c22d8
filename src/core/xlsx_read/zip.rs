//! The zip container of an `.xlsx`, read from its central directory (the
//! local headers alone can lie or be stale). Stored and deflated entries
//! only; encryption, zip64 (never needed under the size caps), split
//! archives and a directory that does not add up are refused. Every entry
//! read is inflated into at most its declared size and the remaining
//! budget, so a zip bomb stops where its claim or the budget ends, and its
//! CRC-32 is checked.

use super::limits::{Budget, MAX_ENTRIES, MAX_RATIO, RATIO_GRACE};

const CRC32: crc::Crc<u32, crc::Table<1>> =
    crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

const NOT_A_ZIP: &str =
    "Tệp này không phải tệp .xlsx (không tìm thấy thư mục của gói zip). Hãy mở nó bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.";

fn broken(why: &str) -> String {
    format!("Tệp .xlsx bị hỏng: {why}. Hãy mở nó bằng Excel hoặc LibreOffice và lưu lại.")
}

/// One entry as the central directory describes it.
#[derive(Debug)]
struct Entry {
    name: String,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// The archive's directory over its bytes.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Where the central directory starts: no entry's data may reach past it.
    directory_at: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, String> {
        // The end record is the last 22 bytes, before a comment of up to 64 KB.
        let last = bytes.len().checked_sub(22).ok_or(NOT_A_ZIP)?;
        // One whose comment ends the file, else the last one (a file with
        // bytes appended after it, which spreadsheet programs still open).
        let window = || (last.saturating_sub(0xFFFF)..=last).rev();
        let signed = |at: &usize| u32_at(bytes, *at) == Some(END_OF_DIRECTORY);
        let end = (window().filter(signed))
            .find(|&at| u16_at(bytes, at + 20).is_some_and(|c| at + 22 + c as usize == bytes.len()))
            .or_else(|| window().find(signed))
            .ok_or(NOT_A_ZIP)?;
        let field = |at: usize| u16_at(bytes, end + at).unwrap_or(0);
        let (disk, start_disk, here, total) = (field(4), field(6), field(8), field(10));
        let size = u32_at(bytes, end + 12).unwrap_or(0);
        let at = u32_at(bytes, end + 16).unwrap_or(0);
        if end >= 20 && u32_at(bytes, end - 20) == Some(ZIP64_LOCATOR)
            || total == 0xFFFF
            || size == u32::MAX
            || at == u32::MAX
        {
            return Err(broken(
                "gói zip dùng định dạng zip64, không cần cho một bảng tính cỡ này",
            ));
        }
        if disk != 0 || start_disk != 0 || here != total {
            return Err(broken("gói zip bị chia thành nhiều phần"));
        }
        if total as usize > MAX_ENTRIES {
            return Err(format!(
                "Tệp .xlsx có quá nhiều phần ({total}, tối đa {MAX_ENTRIES}): không phải một bảng tính bình thường."
            ));
        }
        let (at, size) = (at as usize, size as usize);
        if at.checked_add(size).is_none_or(|e| e > end) {
            return Err(broken("thư mục của gói zip nằm ngoài tệp"));
        }
        let mut entries = Vec::with_capacity(total as usize);
        let mut pos = at;
        for _ in 0..total {
            let entry = Self::entry(bytes, &mut pos, at + size)?;
            if entries.iter().any(|e: &Entry| e.name == entry.name) {
                return Err(broken(&format!("phần «{}» có hai lần", entry.name)));
            }
            entries.push(entry);
        }
        Ok(Archive {
            bytes,
            entries,
            directory_at: at,
        })
    }

    fn entry(bytes: &[u8], pos: &mut usize, limit: usize) -> Result<Entry, String> {
        let b = bytes.get(*pos..limit).unwrap_or_default();
        let bad = || broken("thư mục của gói zip sai cấu trúc");
        if b.len() < 46 || u32_at(b, 0) != Some(DIRECTORY_ENTRY) {
            return Err(bad());
        }
        let f16 = |at| u16_at(b, at).unwrap_or(0);
        let f32 = |at| u32_at(b, at).unwrap_or(0);
        let (flags, method) = (f16(8), f16(10));
        let (crc, compressed, size) = (f32(16), f32(20), f32(24));
        let (name_len, extra_len, comment_len) = (f16(28) as usize, f16(30), f16(32));
        let (start_disk, offset) = (f16(34), f32(42));
        let name = b.get(46..46 + name_len).ok_or_else(bad)?;
        let name = String::from_utf8_lossy(name).into_owned();
        *pos += 46 + name_len + extra_len as usize + comment_len as usize;
        if *pos > limit {
            return Err(bad());
        }
        if flags & 1 != 0 || method == 99 {
            return Err(
                "Tệp .xlsx được mã hóa (đặt mật khẩu). Hãy mở nó, bỏ mật khẩu rồi lưu lại và tải lên lại."
                    .into(),
            );
        }
        if compressed == u32::MAX || size == u32::MAX || offset == u32::MAX || start_disk != 0 {
            return Err(broken(&format!(
                "phần «{name}» dùng định dạng zip64 hoặc nằm ở phần khác của gói zip"
            )));
        }
        if method != 0 && method != 8 {
            return Err(format!(
                "Tệp .xlsx dùng cách nén số {method} cho phần «{name}», ứng dụng chỉ đọc được cách nén thông thường (deflate). Hãy mở nó bằng Excel hoặc LibreOffice và lưu lại."
            ));
        }
        Ok(Entry {
            name,
            method,
            crc,
            compressed,
            size,
            offset,
        })
    }

    /// The entry of that part name: exact, else ignoring ASCII case (part
    /// names are case-insensitive in OPC).
    fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        (self.entries.iter().find(|e| e.name == name)).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// The part's bytes, inflated and checked, counted against `budget`.
    /// `None` when the archive has no such part.
    pub fn read(&self, name: &str, budget: &mut Budget) -> Result<Option<Vec<u8>>, String> {
        let Some(e) = self.find(name) else {
            return Ok(None);
        };
        let (size, compressed) = (e.size as usize, e.compressed as usize);
        budget.take(size, &e.name)?;
        if size > RATIO_GRACE && size / compressed.max(1) > MAX_RATIO {
            return Err(format!(
                "Phần «{}» của tệp .xlsx nén hơn {MAX_RATIO} lần ({} byte từ {} byte): tệp bị từ chối vì có thể là «bom zip».",
                e.name, size, compressed
            ));
        }
        let b = self.bytes;
        let at = e.offset as usize;
        let bad = || broken(&format!("phần «{}» không đọc được", e.name));
        if u32_at(b, at) != Some(LOCAL_HEADER) {
            return Err(bad());
        }
        let skip = 30
            + u16_at(b, at + 26).ok_or_else(bad)? as usize
            + u16_at(b, at + 28).ok_or_else(bad)? as usize;
        let start = at.checked_add(skip).ok_or_else(bad)?;
        let data = (start.checked_add(compressed))
            .filter(|&end| end <= self.directory_at)
            .and_then(|end| b.get(start..end))
            .ok_or_else(bad)?;
        let out = match e.method {
            0 if compressed == size => data.to_vec(),
            0 => return Err(bad()),
            _ if size == 0 => Vec::new(),
            // Never more than the declared size: a stream that goes on is refused.
            _ => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).map_err(|_| {
                broken(&format!(
                    "phần «{}» giải nén không đúng kích thước khai báo",
                    e.name
                ))
            })?,
        };
        if out.len() != size {
            return Err(broken(&format!(
                "phần «{}» giải nén không đúng kích thước khai báo",
                e.name
            )));
        }
        if CRC32.checksum(&out) != e.crc {
            return Err(broken(&format!("phần «{}» sai mã kiểm tra (CRC)", e.name)));
        }
        Ok(Some(out))
    }
}
