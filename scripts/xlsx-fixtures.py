"""Makes the .xlsx fixtures of tests/xlsx_read.rs (tests/fixtures/xlsx).

    XLSX_FIXTURE_OUT=/tmp/x cargo test --offline --test xlsx_read the_apps_own
    target/ooxml-audit/bin/python scripts/xlsx-fixtures.py /tmp/x tests/fixtures/xlsx

From the app's own exports (written by the test above) and a small sheet
written with openpyxl (scripts/ooxml-requirements.txt), each saved again by
LibreOffice Calc (`soffice --headless --convert-to xlsx`), as a province's
clerk would save a workbook the app gave them.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import PatternFill


def features(path):
    """Rich text, numbers stored as text, a merged heading, formatted empty
    rows after the last value, and an empty second sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Mẫu"
    ws["A1"] = CellRichText(
        [TextBlock(InlineFont(b=True), "Chỉ tiêu in đậm"), " và ", TextBlock(InlineFont(i=True), "nghiêng")]
    )
    ws["A2"] = "1.603"
    ws["B2"] = "007"
    ws["C2"] = 1603
    ws["D2"] = 99.06
    ws["E2"] = True
    ws["A3"] = "Nhóm gộp"
    ws.merge_cells("A3:B4")
    ws["C4"] = "sau vùng gộp"
    ws["B5"] = "dòng cuối"
    fill = PatternFill("solid", fgColor="FFFF00")
    for row in range(6, 21):
        for column in "ABC":
            ws[f"{column}{row}"].fill = fill
    wb.create_sheet("Trống")
    wb.save(path)


def libreoffice(source, target):
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source],
            check=True, capture_output=True,
        )
        produced = os.path.join(out, os.path.basename(source))
        shutil.move(produced, target)


def main(exports, fixtures):
    os.makedirs(fixtures, exist_ok=True)
    made = os.path.join(fixtures, "features.openpyxl.xlsx")
    features(made)
    libreoffice(made, os.path.join(fixtures, "features.libreoffice.xlsx"))
    for name in ("xa-01b", "huyen-cchc"):
        libreoffice(os.path.join(exports, f"{name}.xlsx"), os.path.join(fixtures, f"{name}.libreoffice.xlsx"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
