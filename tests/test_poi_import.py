"""Recognising a provider's export from its field names, and reading its coordinates (no QGIS)."""

import pytest

from complete_community.core.poi_import import (detect_source, guess_fields, parse_location, plausible_lon_lat,
                                                read_coordinates)
from complete_community.standards import load_standard
from complete_community.standards.vocabulary import load_vocabularies


@pytest.fixture(scope="module")
def vocabularies():
    return load_vocabularies(load_standard())


@pytest.mark.parametrize("fields, source", [
    (["id", "name", "type", "typecode", "address", "location", "pname", "cityname", "adname"], "amap"),
    (["name", "location", "type"], "amap"),
    (["uid", "name", "lng", "lat", "tag", "address"], "baidu"),
    (["uid", "name", "detail_info", "location"], "baidu"),
    (["id", "title", "category", "type", "location", "address"], "tencent"),  # 'type' too, yet Tencent
    (["osm_id", "name", "amenity", "other_tags"], "osm"),
    (["full_id", "osm_id", "osm_type", "amenity", "name"], "osm"),
    (["名称", "类型", "经度", "纬度"], "generic"),
    (["ID", "NAME", "TYPE", "TYPECODE", "LOCATION"], "amap"),  # field names in capitals
])
def test_each_source_is_recognised_by_its_fields(vocabularies, fields, source):
    detection = detect_source(fields, vocabularies)
    assert detection.source == source
    if source != "generic":
        assert detection.evidence and all(name in fields for name in detection.evidence)


def test_fields_are_guessed_from_the_usual_names(vocabularies):
    amap = guess_fields(["id", "name", "type", "typecode", "location"], vocabularies, "amap")
    assert (amap["name"], amap["type"], amap["typecode"], amap["location"]) == ("name", "type", "typecode",
                                                                                 "location")
    baidu = guess_fields(["uid", "name", "lng", "lat", "detail_info_tag"], vocabularies, "baidu")
    assert (baidu["x"], baidu["y"], baidu["type"]) == ("lng", "lat", "detail_info_tag")
    generic = guess_fields(["名称", "类型", "经度", "纬度"], vocabularies, "generic")
    assert (generic["name"], generic["type"], generic["x"], generic["y"]) == ("名称", "类型", "经度", "纬度")
    given = guess_fields(["a", "b", "name"], vocabularies, "generic", {"name": "a", "type": "b"})
    assert (given["name"], given["type"]) == ("a", "b")
    osm = guess_fields(["osm_id", "name", "amenity", "shop", "other_tags"], vocabularies, "osm")
    assert osm["tags"] == ("amenity", "shop", "other_tags")


@pytest.mark.parametrize("text, expected", [
    ("114.305123,30.601234", (114.305123, 30.601234)),
    (" 114.3 , 30.6 ", (114.3, 30.6)),
    ("[114.3, 30.6]", (114.3, 30.6)),
    ("114.3，30.6", (114.3, 30.6)),                       # a full-width comma
    ("{'lat': 30.6, 'lng': 114.3}", (114.3, 30.6)),       # Baidu/Tencent JSON as text
    ('{"lng": 114.3, "lat": 30.6}', (114.3, 30.6)),
    ("not a place", None), ("", None), (None, None), ("114.3", None),
])
def test_location_text(text, expected):
    assert parse_location(text) == expected


def test_rows_with_separate_coordinates_and_problems():
    fields = {"x": "lng", "y": "lat"}
    assert read_coordinates({"lng": "114.3", "lat": 30.6}, fields) == (114.3, 30.6, None)
    assert read_coordinates({"lng": "abc", "lat": 30.6}, fields)[2] == "unparseable_coordinates"
    assert read_coordinates({"lng": "nan", "lat": 30.6}, fields)[2] == "unparseable_coordinates"
    assert read_coordinates({}, {})[2] == "no_coordinates"
    assert read_coordinates({"location": "x"}, {"location": "location"})[2] == "unparseable_location"
    assert not plausible_lon_lat(500000.0, 3380000.0) and plausible_lon_lat(114.3, 30.6)


def test_baidu_detail_info_holds_the_type(vocabularies):
    from complete_community.core.poi_import import type_from_details
    fields = guess_fields(["uid", "name", "location", "detail_info"], vocabularies, "baidu")
    assert fields["details"] == "detail_info" and "type" not in fields
    assert type_from_details('{"tag": "教育培训;幼儿园", "type": "education"}') == "教育培训;幼儿园"
    assert type_from_details("{'tag': '美食;中餐厅'}") == "美食;中餐厅"
    assert type_from_details(None) is None and type_from_details("{}") is None
