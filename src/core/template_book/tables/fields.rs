//! The settings sheet's fields and the roll-up's.

use super::kinds::*;

pub(crate) const INFO_FIELDS: &[Field] = &[
    field(
        "Định dạng tệp",
        "format",
        Int,
        true,
        "Định dạng của tệp biểu mẫu; bản này đọc định dạng 1.",
    ),
    field(
        "Mã biểu mẫu",
        "id",
        Code,
        true,
        "Chữ thường không dấu, chữ số và dấu gạch ngang, vd. xa-01b.",
    ),
    field(
        "Phiên bản",
        "version",
        Int,
        true,
        "Tăng lên khi đổi dòng; ghi thay đổi ở trang \"Thay đổi phiên bản\".",
    ),
    field("Tên biểu mẫu", "name", Text, true, "Hiện ở màn hình đầu."),
    field(
        "Mô tả",
        "description",
        Text,
        false,
        "Hiện dưới tên ở màn hình đầu.",
    ),
    field(
        "Tên phụ lục",
        "annex",
        Text,
        true,
        "Dòng tên phụ lục khi in, vd. Phụ lục 01b.",
    ),
    field(
        "Tiêu đề",
        "title",
        Text,
        true,
        "Tiêu đề in trên bảng số liệu.",
    ),
    field(
        "Đơn vị tính chung",
        "unit_note",
        Text,
        false,
        "Dòng \"Đơn vị tính: …\" trên bảng; để trống nếu không có.",
    ),
    field(
        "Cấp chính quyền",
        "levels",
        Pick(LEVELS),
        false,
        "two: hai cấp (từ 01/7/2025); three: ba cấp (trước đó); để trống: mọi kỳ.",
    ),
    field(
        "Nơi nhận",
        "recipients",
        Text,
        false,
        "Nơi nhận ban đầu của báo cáo hai cấp; để trống: mặc định.",
    ),
    field(
        "Câu mở đầu",
        "outline.opening",
        Text,
        false,
        "Câu mở đầu báo cáo; {don-vi}, {ky}, {ky-toi} được thay khi điền.",
    ),
    field(
        "Trích yếu",
        "outline.subject",
        Text,
        false,
        "Trích yếu báo cáo; {ky}, {ky-toi} được thay khi điền.",
    ),
];

pub(crate) const ROLLUP_FIELDS: &[Field] = &[
    field(
        "Lấy từ biểu mẫu",
        "rollup.from",
        Code,
        true,
        "Mã biểu mẫu của tệp các đơn vị gửi lên, vd. xa-01b.",
    ),
    field(
        "Phần bảng đơn vị",
        "rollup.section",
        Code,
        true,
        "Mã phần (kiểu bảng) nhận mỗi đơn vị một dòng.",
    ),
    field(
        "Ghi chú",
        "rollup.note",
        Text,
        false,
        "Giải thích cách tổng hợp, hiện cho người dùng.",
    ),
    field(
        "Loại đơn vị nhận",
        "rollup.kinds",
        Codes,
        false,
        "Các loại đơn vị được nhận, cách nhau \", \" (xã, phường, đặc khu…); trống: mọi loại.",
    ),
    field(
        "Gọi đơn vị là",
        "rollup.units",
        Text,
        false,
        "Từ gọi các đơn vị, vd. đơn vị; mặc định: xã.",
    ),
    field(
        "Báo cáo gửi lên",
        "rollup.to",
        Text,
        false,
        "Tên báo cáo nhận, vd. báo cáo của tỉnh.",
    ),
    field(
        "Phần theo loại",
        "rollup.by_kind.section",
        Code,
        false,
        "Mã phần cộng theo loại đơn vị; trống nếu không có.",
    ),
    field(
        "Cột số đơn vị",
        "rollup.by_kind.units_column",
        Int,
        false,
        "Số cột (n) ghi số đơn vị của mỗi loại.",
    ),
];
