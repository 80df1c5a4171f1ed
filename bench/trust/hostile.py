#!/usr/bin/env python3
"""Writes the crafted uploads of the hostile-upload benchmark (issue 9) into a directory.

Each is small on the wire or simple to send, and would exhaust a 512 MB heap if read naively:
  wide-row.xlsx        one row of 20,000,000 cells (about 0.6 MB zipped)
  shared-string.xlsx   one shared string of 200,000,000 characters
  zip-bomb.xlsx        a workbook whose parts unpack to 1.5 GB
  deep.xlsx            a sheet nested 100,000 elements deep
  many-parts.xlsx      a workbook of 20,000 zip entries
  long-field.csv       a tidy CSV whose one field is 150 MB long (a quote left open)
  wide.csv             a CSV header of 2,000,000 columns
  huge.csv             300 MB of valid rows (over the 200 MB upload limit)
"""
import os
import sys
import zipfile

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/hostile-uploads"
os.makedirs(out, exist_ok=True)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>")
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>")
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>")
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"
EMPTY_STRINGS = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')


def workbook(name, sheet_parts, shared_parts=(EMPTY_STRINGS,), extra=None):
    """sheet_parts and shared_parts are iterables of strings, streamed into the zip."""
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for part, pieces in (("xl/worksheets/sheet1.xml", sheet_parts), ("xl/sharedStrings.xml", shared_parts)):
            with z.open(part, "w", force_zip64=True) as f:
                for piece in pieces:
                    f.write(piece.encode())
        if extra:
            extra(z)


def repeated(piece, times, block=100_000):
    full, rest = divmod(times, block)
    chunk = piece * block
    for _ in range(full):
        yield chunk
    yield piece * rest


def wide_row():
    yield SHEET_HEAD + '<row r="1">'
    yield from repeated("<c><v>1</v></c>", 20_000_000)
    yield "</row>" + SHEET_TAIL


def shared_string():
    yield ('<?xml version="1.0" encoding="UTF-8"?>'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
    yield from repeated("A", 200_000_000, block=1_000_000)
    yield "</t></si></sst>"


def deep():
    yield SHEET_HEAD + '<row r="1"><c t="inlineStr"><is>'
    yield from repeated("<r>", 100_000)
    yield from repeated("</r>", 100_000)
    yield "</is></c></row>" + SHEET_TAIL


def padding(z):
    with z.open("xl/media/padding.bin", "w", force_zip64=True) as f:
        block = b"\0" * (1 << 20)
        for _ in range(1536):
            f.write(block)


def many_parts(z):
    for i in range(20_000):
        z.writestr(f"xl/media/part{i}.xml", "<a/>")


simple_sheet = [SHEET_HEAD + '<row r="1"><c t="inlineStr"><is><t>area_code</t></is></c></row>' + SHEET_TAIL]
workbook("wide-row.xlsx", wide_row())
workbook("shared-string.xlsx", [SHEET_HEAD + SHEET_TAIL], shared_string())
workbook("zip-bomb.xlsx", simple_sheet, extra=padding)
workbook("deep.xlsx", deep())
workbook("many-parts.xlsx", simple_sheet, extra=many_parts)

with open(os.path.join(out, "long-field.csv"), "w") as f:
    f.write("indicator_id,area_code,period,value\nlocal-bench,E54000008,2024/25,\"")
    block = "x" * (1 << 20)
    for _ in range(150):
        f.write(block)
with open(os.path.join(out, "wide.csv"), "w") as f:
    f.write("indicator_id,area_code,period,value" + ",c" * 2_000_000 + "\n")
with open(os.path.join(out, "huge.csv"), "w") as f:
    f.write("indicator_id,area_code,period,value\n")
    row = "local-bench,E54000008,2024/25,12.5\n"
    block = row * 30_000
    for _ in range(300 * (1 << 20) // len(block) + 1):
        f.write(block)

for name in sorted(os.listdir(out)):
    print(f"{name}\t{os.path.getsize(os.path.join(out, name))} bytes")
