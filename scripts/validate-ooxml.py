#!/usr/bin/env python3
"""Checks .docx and .xlsx files against the Office Open XML schemas with
openxml-audit (a port of the Open XML SDK's checks), pinned in
scripts/ooxml-requirements.txt and installed by `./dev.sh setup` into
target/ooxml-audit/.

    python3 scripts/validate-ooxml.py FILE...

Before the files, a canary: a small .docx whose table properties are out of
the schema's order (tblLayout before tblBorders) must be reported, and the
same document in order must pass. If not, the validator checks nothing and
this fails. Any finding in a file, error or warning, fails.

Exit codes: 0 all valid; 1 a file has findings; 2 the canary was not
caught; 3 the validator is not installed.
"""
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AUDIT = os.environ.get("OOXML_AUDIT", os.path.join(ROOT, "target", "ooxml-audit", "bin", "openxml-audit"))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def sample_docx(table_props):
    """A one-table document with the given <w:tblPr> content."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}"><w:body>'
        f'<w:tbl><w:tblPr>{table_props}</w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
        '<w:p/><w:sectPr/></w:body></w:document>'
    )
    settings = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}"/>'
    fonts = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}"/>'
    styles = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}"/>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    ct = "application/vnd.openxmlformats-officedocument."
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{ct}wordprocessingml.document.main+xml"/>'
            f'<Override PartName="/word/settings.xml" ContentType="{ct}wordprocessingml.settings+xml"/>'
            f'<Override PartName="/word/fontTable.xml" ContentType="{ct}wordprocessingml.fontTable+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{ct}wordprocessingml.styles+xml"/>'
            f'<Override PartName="/word/theme/theme1.xml" ContentType="{ct}theme+xml"/>'
            "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document)
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}settings" Target="settings.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}fontTable" Target="fontTable.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}styles" Target="styles.xml"/>'
            f'<Relationship Id="rId4" Type="{rel}theme" Target="theme/theme1.xml"/>'
            "</Relationships>",
        )
        z.writestr("word/settings.xml", settings)
        z.writestr("word/fontTable.xml", fonts)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/theme/theme1.xml", THEME)
    return out.getvalue()


THEME = None  # read from the app's own theme below


def app_theme():
    """The theme the app writes (src/core/export/theme.rs), as one string."""
    source = open(os.path.join(ROOT, "src", "core", "export", "theme.rs"), encoding="utf-8").read()
    body = source.split("concat!(", 1)[1].split(");", 1)[0]
    parts = []
    for line in body.splitlines():
        line = line.strip().rstrip(",")
        if line.startswith('"') and line.endswith('"'):
            parts.append(line[1:-1].replace('\\"', '"').replace("\\n", "\n"))
    return "".join(parts)


def findings(path):
    """(error and warning descriptions, raw output) of one file."""
    result = subprocess.run([AUDIT, "--output", "json", "--max-errors", "0", path], capture_output=True, text=True)
    try:
        reports = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"openxml-audit gave no report (exit {result.returncode}): {result.stderr.strip()}"], result.stdout
    out = []
    for report in reports:
        for e in report.get("errors", []):
            out.append(f"{e.get('severity', 'error')}: {e.get('description')} [{e.get('part_uri')} {e.get('path')}]")
        if not report.get("valid", False) and not report.get("errors"):
            out.append("not valid, without a finding listed")
    return out, result.stdout


def canary():
    borders = '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>'
    layout = '<w:tblLayout w:type="fixed"/>'
    width = '<w:tblW w:w="2000" w:type="dxa"/>'
    with tempfile.TemporaryDirectory() as tmp:
        good, bad = os.path.join(tmp, "in-order.docx"), os.path.join(tmp, "tblLayout-first.docx")
        with open(good, "wb") as f:
            f.write(sample_docx(width + borders + layout))
        with open(bad, "wb") as f:
            f.write(sample_docx(width + layout + borders))
        good_findings, good_raw = findings(good)
        bad_findings, bad_raw = findings(bad)
    if good_findings:
        sys.exit("validate-ooxml: canary: a document in the schema's order was reported:\n" + "\n".join(good_findings))
    if not any("tblBorders" in f or "tblLayout" in f for f in bad_findings):
        print(bad_raw, file=sys.stderr)
        print("validate-ooxml: canary NOT caught: openxml-audit passed tblLayout before tblBorders; it cannot be trusted", file=sys.stderr)
        sys.exit(2)


def main(files):
    if not os.access(AUDIT, os.X_OK):
        print(f"validate-ooxml: openxml-audit is not installed at {AUDIT}: run ./dev.sh setup", file=sys.stderr)
        sys.exit(3)
    canary()
    failed = 0
    for path in files:
        found, _ = findings(path)
        if found:
            failed += 1
            print(f"✗ {path}: {len(found)} finding(s)")
            for f in found:
                print(f"    {f}")
        else:
            print(f"✓ {path}")
    print(f"validate-ooxml: {len(files) - failed} of {len(files)} file(s) valid (canary caught)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    THEME = app_theme()
    main(sys.argv[1:])
