//! The names of the workbook's cell styles, as the sheets ask for them.

/// A cell style of the workbook.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Style {
    ParentBody,
    IssuingBody,
    Nation,
    Motto,
    NumberLine,
    PlaceDate,
    AnnexName,
    Title,
    Attached,
    TableHead,
    ColumnNumber,
    CellText,
    CellHeading,
    CellCenter,
    Count,
    PercentWhole,
    Percent,
    Decimal,
    ComputedCount,
    ComputedPercent,
    ComputedLabel,
    RecipientsHead,
    Recipient,
    SigningCapacity,
    SignerName,
    CellLiteral,
    Code,
    RecipientLiteral,
    TotalCount,
    TotalLabel,
    /// A note under a column heading (the template workbook's row 2).
    HeadNote,
    /// A template workbook's cell of text or codes, and its column's empty
    /// cells: what the clerk types there stays text, as typed (number
    /// format `@`), so that a code `2.10` is not turned into the number 2,1
    /// nor `1/7` into a date.
    TypedText,
}
