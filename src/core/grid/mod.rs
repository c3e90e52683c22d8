//! Grid sections: tables whose rows are fields, communes or criteria and
//! whose columns are a hierarchy of counts, as in Phụ lục V/VI of a
//! district report or Biểu 06 of Circular 01/2020.
//!
//! A cell's code is `<section>/<row key>/c<column number>`, the column
//! number being the printed (1) (2) … of the official table; the typed text
//! of a cell is stored under that code like any indicator's value. Rows are
//! either fixed by the template (criteria) or a list the clerk edits, whose
//! keys are kept in the report. Sum columns and the total row are computed;
//! identities between columns are checked on every row and name the row,
//! the columns and the figures. Nothing here touches the browser.
//!
//! Here: a grid as its template defines it (`schema`); how its cells and
//! rows are named (`names`); one row evaluated from its typed cells
//! (`row`).

mod names;
mod row;
mod schema;

pub use self::names::{
    cell_code, is_group_key, numbering, roman, row_name, total_text, GROUP_PREFIX, TOTAL_ROW,
};
pub use self::row::{CellValue, RowValues};
pub use self::schema::{ColumnRole, FixedRow, Grid, GridColumn, GridRows, HeaderCell, Identity};
