"""Facility labels from real data map onto the standard's categories; unknown ones are counted, not lost."""

import pytest

from complete_community.core.categories import CategoryMatcher, MappingTableError, read_mapping_table
from complete_community.standards import load_standard


@pytest.fixture(scope="module")
def standard():
    return load_standard()


@pytest.mark.parametrize("label, code", [
    ("幼儿园", "kindergarten"),
    ("快递柜", "express_locker"),
    ("智能信包箱", "express_locker"),
    ("菜鸟驿站", "express_station"),
    ("社区卫生服务中心", "health_station"),
    ("卫生室", "health_station"),
    ("超市", "supermarket"),
    ("公厕", "public_toilet"),
    ("垃圾收集站", "garbage_station"),
    ("shop=supermarket", "supermarket"),
    ("amenity=kindergarten", "kindergarten"),
    ("highway=bus_stop", "bus_stop"),
    ("leisure=park", "park"),
    ("amenity=toilets", "public_toilet"),
    ("Kindergarten", "kindergarten"),          # English name, any case
    ("bus_stop", "bus_stop"),                  # the code itself
    ("  公交 车站 ", "bus_stop"),                # stray spaces
    ("ｐｈａｒｍａｃｙ", "pharmacy"),              # full-width letters from a Chinese input method
    ("口袋公园", "pocket_park"),
    ("长者饭堂", "restaurant"),
])
def test_known_labels(standard, label, code):
    assert CategoryMatcher(standard).classify(label) == code


def test_unknown_and_empty_labels_are_counted(standard):
    matcher = CategoryMatcher(standard)
    for label in ["宠物医院", "宠物医院", "花店", None, "", "幼儿园"]:
        matcher.classify(label)
    assert matcher.unknown == {"宠物医院": 2, "花店": 1}
    assert matcher.empty == 2
    assert matcher.unknown_summary() == "宠物医院 (2), 花店 (1)"


def test_a_label_seen_again_gives_the_same_codes_and_counts_its_unknown_parts_again(standard):
    matcher = CategoryMatcher(standard)
    answers = [matcher.classify_all(label) for label in ["幼儿园;宠物医院", "幼儿园;宠物医院", "花店", "花店", "幼儿园"] * 2]
    assert answers == [("kindergarten",), ("kindergarten",), (), (), ("kindergarten",)] * 2
    assert matcher.unknown == {"宠物医院": 4, "花店": 4}


def test_user_mapping_table_comes_first(standard, tmp_path):
    table = tmp_path / "mapping.csv"
    table.write_text("value,category\n宠物医院,pharmacy\n便利店,supermarket\n# a comment\n\n", encoding="utf-8")
    matcher = CategoryMatcher(standard, read_mapping_table(str(table), standard))
    assert matcher.classify("宠物医院") == "pharmacy"
    assert matcher.classify("便利店") == "supermarket"  # overrides the catalogue for this city
    assert matcher.classify("幼儿园") == "kindergarten"


def test_mapping_table_errors_name_file_and_line(standard, tmp_path):
    table = tmp_path / "mapping.csv"
    table.write_text("宠物医院,pet_hospital\n花店\n", encoding="utf-8-sig")
    with pytest.raises(MappingTableError) as error:
        read_mapping_table(str(table), standard)
    message = str(error.value)
    assert "mapping.csv:1" in message and "pet_hospital" in message
    assert "mapping.csv:2" in message
