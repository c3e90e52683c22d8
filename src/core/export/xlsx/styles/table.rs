//! Every style of the workbook with its look, in the order of `cellXfs`
//! after the default.

use super::look::{
    Xf, BODY, BODY_BOLD, BODY_BOLD_ITALIC, BODY_ITALIC, GENERAL, HEAD, HEAD_BOLD, HEAD_ITALIC,
    PERCENT, PERCENT_WHOLE, SMALL, SMALL_ITALIC, TEXT, THOUSANDS, THOUSANDS_DECIMAL, TOTAL_FORMAT,
    WHOLE,
};
use super::names::Style;

/// Every style, in the order of `cellXfs` after the default, with its look.
pub(super) const STYLES: [(Style, Xf); 32] = [
    (
        Style::ParentBody,
        Xf {
            format: GENERAL,
            font: BODY,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::IssuingBody,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Nation,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Motto,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::NumberLine,
        Xf {
            format: GENERAL,
            font: HEAD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::PlaceDate,
        Xf {
            format: GENERAL,
            font: HEAD_ITALIC,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::AnnexName,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Title,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Attached,
        Xf {
            format: GENERAL,
            font: HEAD_ITALIC,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::TableHead,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::ColumnNumber,
        Xf {
            format: GENERAL,
            font: SMALL_ITALIC,
            border: true,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::CellText,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::CellHeading,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::CellCenter,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("center", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Count,
        Xf {
            format: THOUSANDS,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::PercentWhole,
        Xf {
            format: PERCENT_WHOLE,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Percent,
        Xf {
            format: PERCENT,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Decimal,
        Xf {
            format: THOUSANDS_DECIMAL,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedCount,
        Xf {
            format: THOUSANDS,
            font: BODY_ITALIC,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedPercent,
        Xf {
            format: PERCENT,
            font: BODY_ITALIC,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedLabel,
        Xf {
            format: GENERAL,
            font: BODY_ITALIC,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::RecipientsHead,
        Xf {
            format: GENERAL,
            font: BODY_BOLD_ITALIC,
            border: false,
            align: ("left", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Recipient,
        Xf {
            format: GENERAL,
            font: SMALL,
            border: false,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::SigningCapacity,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::SignerName,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::CellLiteral,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: true,
        },
    ),
    (
        Style::Code,
        Xf {
            format: WHOLE,
            font: BODY,
            border: true,
            align: ("center", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::RecipientLiteral,
        Xf {
            format: GENERAL,
            font: SMALL,
            border: false,
            align: ("left", "top"),
            wrap: true,
            literal: true,
        },
    ),
    (
        Style::TotalCount,
        Xf {
            format: TOTAL_FORMAT,
            font: BODY_BOLD,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::TotalLabel,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::HeadNote,
        Xf {
            format: GENERAL,
            font: SMALL_ITALIC,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::TypedText,
        Xf {
            format: TEXT,
            font: BODY,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
];
