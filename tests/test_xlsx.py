"""The small .xlsx writer: read back by OGR's XLSX driver; names, escaping and control characters that would
make Excel refuse a file; an earlier file survives a failed write."""

import zipfile

import pytest
from osgeo import ogr

from complete_community.report.xlsx import Cell, Sheet, column_letter, sheet_names, write_xlsx


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_sheet_names_excel_accepts():
    assert sheet_names(["a/b", "x" * 40, "X" * 40, "[概况]"]) == ["a_b", "x" * 31, "X" * 27 + " (2)", "_概况_"]


def test_read_back_by_ogr(tmp_path):
    path = str(tmp_path / "t.xlsx")
    write_xlsx(path, [Sheet("社区", ["名称", "人口", "状态"], [
        ["<幸福里> & \"一\"", 7560, Cell("不达标", "#d7191c/#ffffff")],
        ["控制\x01字符", 1.25, Cell(0.5, "percent")],
        ["空", None, ""]])])
    source = ogr.Open(path)
    layer = source.GetLayerByName("社区")
    rows = [[feature.GetFieldAsString(i) for i in range(3)] for feature in layer]
    assert rows[0] == ["<幸福里> & \"一\"", "7560", "不达标"]
    assert rows[1][0] == "控制字符" and float(rows[1][1]) == 1.25
    assert len(rows) == 3
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert "D7191C" in archive.read("xl/styles.xml").decode("utf-8")


def test_a_failed_write_leaves_the_earlier_file(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(str(path), [Sheet("a", ["x"], [[1]])])
    before = path.read_bytes()

    class Unprintable:
        def __str__(self):
            raise RuntimeError("broken value")

    with pytest.raises(RuntimeError):
        write_xlsx(str(path), [Sheet("a", ["x"], [[Unprintable()]])])
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


def test_a_large_sheet_reports_progress_and_a_cancel_stops_it_leaving_the_earlier_file(tmp_path):
    from complete_community.report.xlsx import ROWS_PER_PIECE

    rows = [["社区{}".format(number), number] for number in range(5 * ROWS_PER_PIECE)]
    path = tmp_path / "t.xlsx"
    reported = []
    write_xlsx(str(path), [Sheet("a", ["x"], [[1]]), Sheet("rules", ["name", "n"], rows)], reported.append)
    assert len(reported) >= 5 and reported == sorted(reported) and reported[-1] == 1.0
    source = ogr.Open(str(path))
    assert source.GetLayerByName("rules").GetFeatureCount() == len(rows)
    source = None
    before = path.read_bytes()

    class Cancelled(Exception):
        pass

    def cancel_halfway(fraction):
        if fraction > 0.5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_xlsx(str(path), [Sheet("rules", ["name", "n"], rows + rows)], cancel_halfway)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]
