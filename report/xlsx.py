"""A small .xlsx writer (Office Open XML with zipfile and XML only): sheets of text and numbers, a bold
frozen header row with a filter, column widths, and cells filled with a colour — what Excel, WPS and
LibreOffice open. OGR's XLSX driver cannot colour cells, and QGIS ships nothing that can; no QGIS here.

    write_xlsx(path, [Sheet("概况", ["项目", "数值"], [["社区数", 14], ["达标率", Cell(0.286, "percent")]])])

A cell is a value (str, int, float, None) or a Cell(value, style) where style is "percent", "bold" or a
fill colour "#rrggbb" (optionally with "/#rrggbb" for the text colour: "#336699/#ffffff").
"""

import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import List, Optional, Sequence
from xml.sax.saxutils import escape

MAX_SHEET_NAME = 31
_INVALID_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")
# XML 1.0 forbids most control characters; a stray one from a data file would make Excel refuse the file.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Cell:
    value: object
    style: Optional[str] = None


@dataclass
class Sheet:
    name: str
    header: Sequence[str]
    rows: List[Sequence[object]] = field(default_factory=list)
    widths: Optional[Sequence[float]] = None  # characters; guessed from the content when None
    title_rows: List[Sequence[object]] = field(default_factory=list)  # lines above the header (e.g. a title)


def column_letter(index):
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_names(names):
    """Names Excel accepts: no []:*?/\\, at most 31 characters, unique (case-insensitively)."""
    result, seen = [], set()
    for name in names:
        base = _INVALID_SHEET_CHARACTERS.sub("_", str(name)).strip("'")[:MAX_SHEET_NAME] or "Sheet"
        candidate, number = base, 2
        while candidate.lower() in seen:
            suffix = " ({})".format(number)
            candidate = base[:MAX_SHEET_NAME - len(suffix)] + suffix
            number += 1
        seen.add(candidate.lower())
        result.append(candidate)
    return result


class _Styles:
    """cellXfs built on demand: 0 plain, 1 header; one per fill colour, percent, bold."""

    def __init__(self):
        self.fills = []       # (background, text) colours
        self.xfs = {None: 0, "header": 1}

    def index(self, style):
        if style in self.xfs:
            return self.xfs[style]
        self.xfs[style] = len(self.xfs)
        return self.xfs[style]

    def xml(self):
        fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
                 '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
        fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
                 '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/>'
                 '</patternFill></fill>']
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
               '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
               'applyBorder="1"><alignment wrapText="1" vertical="top"/></xf>']
        font_ids = {}
        for style, _index in sorted(((s, i) for s, i in self.xfs.items() if i > 1), key=lambda pair: pair[1]):
            if style == "percent":
                xfs.append('<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>')
            elif style == "bold":
                xfs.append('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>')
            else:
                background, _slash, text = style.partition("/")
                fills.append('<fill><patternFill patternType="solid"><fgColor rgb="FF{}"/><bgColor indexed="64"/>'
                             '</patternFill></fill>'.format(background.lstrip("#").upper()))
                font_id = 0
                if text:
                    if text not in font_ids:
                        font_ids[text] = len(fonts)
                        fonts.append('<font><sz val="11"/><color rgb="FF{}"/><name val="Calibri"/><family val="2"/>'
                                     '</font>'.format(text.lstrip("#").upper()))
                    font_id = font_ids[text]
                xfs.append('<xf numFmtId="0" fontId="{}" fillId="{}" borderId="1" xfId="0" applyFont="1" '
                           'applyFill="1" applyBorder="1"/>'.format(font_id, len(fills) - 1))
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="{}">{}</fonts><fills count="{}">{}</fills>'
            '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '<border><left style="thin"><color rgb="FFCCCCCC"/></left><right style="thin"><color rgb="FFCCCCCC"/>'
            '</right><top style="thin"><color rgb="FFCCCCCC"/></top><bottom style="thin"><color rgb="FFCCCCCC"/>'
            '</bottom><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="{}">{}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>').format(len(fonts), "".join(fonts), len(fills), "".join(fills), len(xfs), "".join(xfs))


class _SharedStrings:
    def __init__(self):
        self.index = {}
        self.strings = []
        self.count = 0

    def add(self, text):
        self.count += 1
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def xml(self):
        items = "".join('<si><t xml:space="preserve">{}</t></si>'.format(escape(text)) for text in self.strings)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{}" '
                'uniqueCount="{}">{}</sst>').format(self.count, len(self.strings), items)


def _cell_xml(reference, value, style_index, strings):
    style = ' s="{}"'.format(style_index) if style_index else ""
    if value is None or value == "":
        return '<c r="{}"{}/>'.format(reference, style) if style_index else ""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            return '<c r="{}"{}/>'.format(reference, style) if style_index else ""
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)  # 88440, not 88440.0
        return '<c r="{}"{}><v>{}</v></c>'.format(reference, style, repr(value) if isinstance(value, float) else value)
    text = _INVALID_XML.sub("", str(value))
    return '<c r="{}"{} t="s"><v>{}</v></c>'.format(reference, style, strings.add(text))


def _display_length(value):
    text = "" if value is None else (str(round(value, 2)) if isinstance(value, float) else str(value))
    # CJK characters are about two Latin characters wide.
    return sum(2 if ord(character) > 0x2E80 else 1 for character in text)


# Rows of a worksheet written (and reported to `progress`) at a time: a city's rule sheet has 250,000.
ROWS_PER_PIECE = 2000


def _row_xml(row_number, line, letters, styles, strings):
    number = str(row_number)
    cells = []
    for column, value in enumerate(line):
        if isinstance(value, Cell):
            value, style_index = value.value, styles.index(value.style)
        else:
            style_index = 0
        cell = _cell_xml(letters[column] + number, value, style_index, strings)
        if cell:
            cells.append(cell)
    return '<row r="{}">{}</row>'.format(number, "".join(cells))


def _sheet_pieces(sheet, styles, strings, rows_written):
    """The worksheet's XML in pieces of ROWS_PER_PIECE rows, so that a large sheet is never one string;
    `rows_written(n)` after each piece."""
    header_row = len(sheet.title_rows) + 1
    all_rows = [[Cell(text, "header") for text in sheet.header]] + list(sheet.rows)
    columns = max([len(sheet.header)] + [len(line) for line in sheet.rows]) or 1
    widths = list(sheet.widths or [])
    if not widths:
        for col in range(columns):
            longest = max([_display_length(_plain(line[col])) for line in all_rows if col < len(line)] or [8])
            widths.append(min(max(longest + 2, 8), 60))
    cols = "".join('<col min="{0}" max="{0}" width="{1:.1f}" customWidth="1"/>'.format(col + 1, width)
                   for col, width in enumerate(widths))
    last_row = len(sheet.title_rows) + len(all_rows)
    last = "{}{}".format(column_letter(columns - 1), max(last_row, header_row))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="{frozen}" topLeftCell="A{top}" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>').format(
            last=last, frozen=header_row, top=header_row + 1, cols=cols)
    widest = max([columns] + [len(line) for line in sheet.title_rows])
    letters = [column_letter(column) for column in range(widest)]
    lines = list(sheet.title_rows) + all_rows
    for first in range(0, len(lines), ROWS_PER_PIECE):
        piece = lines[first:first + ROWS_PER_PIECE]
        yield "".join(_row_xml(first + offset + 1, line, letters, styles, strings)
                      for offset, line in enumerate(piece))
        rows_written(len(piece))
    yield '</sheetData><autoFilter ref="A{}:{}"/></worksheet>'.format(header_row, last)


def _plain(value):
    return value.value if isinstance(value, Cell) else value


def _fixed_parts(sheets, names):
    """{part name: text} of the workbook's parts other than the worksheets, styles and shared strings."""
    parts = {}
    defined = "".join(
        '<definedName name="_xlnm._FilterDatabase" localSheetId="{}" hidden="1">{}!$A${}:${}${}</definedName>'.format(
            number, _quoted_sheet(name), len(sheet.title_rows) + 1,
            column_letter(max([len(sheet.header)] + [len(line) for line in sheet.rows]) - 1),
            len(sheet.title_rows) + 1 + len(sheet.rows))
        for number, (name, sheet) in enumerate(zip(names, sheets)))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>').format("".join(
            '<Override PartName="/xl/worksheets/sheet{}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'.format(number)
            for number in range(1, len(sheets) + 1)))
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{}</sheets>'
        '<definedNames>{}</definedNames></workbook>').format("".join(
            '<sheet name="{}" sheetId="{}" r:id="rId{}"/>'.format(escape(name, {'"': "&quot;"}), number, number)
            for number, name in enumerate(names, 1)), defined)
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}'
        '<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
        '<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/></Relationships>').format("".join(
            '<Relationship Id="rId{0}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet{0}.xml"/>'.format(number) for number in range(1, len(sheets) + 1)),
            len(sheets) + 1, len(sheets) + 2)
    return parts


def _write_parts(archive, sheets, progress):
    """Every part of the workbook into the open zip `archive`: the worksheets piece by piece (compressed as they
    come), then the styles and shared strings they used."""
    styles, strings = _Styles(), _SharedStrings()
    names = sheet_names(sheet.name for sheet in sheets)
    total = sum(len(sheet.title_rows) + 1 + len(sheet.rows) for sheet in sheets)
    written = [0]

    def rows_written(count):
        written[0] += count
        if progress is not None:
            progress(written[0] / total)

    def entry(name):
        info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    for name, text in _fixed_parts(sheets, names).items():
        archive.writestr(entry(name), text.encode("utf-8"))
    for number, sheet in enumerate(sheets, 1):
        with archive.open(entry("xl/worksheets/sheet{}.xml".format(number)), "w") as stream:
            for piece in _sheet_pieces(sheet, styles, strings, rows_written):
                stream.write(piece.encode("utf-8"))
    archive.writestr(entry("xl/styles.xml"), styles.xml().encode("utf-8"))
    archive.writestr(entry("xl/sharedStrings.xml"), strings.xml().encode("utf-8"))


def _quoted_sheet(name):
    return "'{}'".format(name.replace("'", "''"))


def write_xlsx(path, sheets, progress=None):
    """Write the workbook to a temporary file beside `path` and move it into place: an earlier file survives
    a failure. `progress(fraction of the rows written)` is called every ROWS_PER_PIECE rows; an exception it
    raises (a cancel) stops the writing and leaves nothing behind."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=directory)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            _write_parts(archive, sheets, progress)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's file is private; a workbook is for sharing
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
