"""Broken standards give clear errors with file, line and key — never a Python traceback."""

import os
import random

import pytest
import yaml

from complete_community.standards import StandardError, builtin_path, load_standard

TESTDATA = os.path.join(os.path.dirname(__file__), "testdata")

with open(os.path.join(TESTDATA, "bad_standards.yaml"), encoding="utf-8") as _stream:
    BAD_STANDARDS = yaml.safe_load(_stream)


@pytest.mark.parametrize("case", sorted(BAD_STANDARDS))
def test_bad_standard_is_explained(tmp_path, case):
    path = tmp_path / "my_city.yaml"
    path.write_text(BAD_STANDARDS[case]["yaml"], encoding="utf-8")
    with pytest.raises(StandardError) as error:
        load_standard(str(path))
    message = str(error.value)
    for fragment in BAD_STANDARDS[case]["expect"]:
        assert fragment in message, "{!r} not in:\n{}".format(fragment, message)


def test_all_problems_are_reported_at_once(tmp_path):
    path = tmp_path / "my_city.yaml"
    path.write_text(BAD_STANDARDS["rule_key_typo"]["yaml"] + "  - id: nursery.count\n    levle: required\n",
                    encoding="utf-8")
    with pytest.raises(StandardError) as error:
        load_standard(str(path))
    assert len(error.value.issues) == 2
    assert "did you mean 'level'" in str(error.value)


def test_missing_file_and_non_utf8_file(tmp_path):
    with pytest.raises(StandardError) as error:
        load_standard(str(tmp_path / "nothing.yaml"))
    assert "nothing.yaml" in str(error.value)
    path = tmp_path / "gbk.yaml"
    path.write_bytes("schema_version: 1\nid: 标准\n".encode("gbk"))
    with pytest.raises(StandardError) as error:
        load_standard(str(path))
    assert "UTF-8" in str(error.value)


def test_damaged_national_standard_never_crashes(tmp_path):
    """Delete or garble single lines of the real file: each load either works or raises StandardError."""
    with open(builtin_path("complete_community_2021"), encoding="utf-8") as stream:
        lines = stream.read().split("\n")
    generator = random.Random(2021)
    damages = [
        lambda line: "",
        lambda line: line.replace(":", "", 1),
        lambda line: line.replace("[", "", 1),
        lambda line: line + " x",
        lambda line: line.replace("min: ", "min: '", 1),
        lambda line: line.replace("kind: ", "kind: x", 1),
        lambda line: line.replace("item: ", "item: y", 1),
        lambda line: "  " + line,
    ]
    failures = 0
    for attempt in range(60):
        index = generator.randrange(len(lines))
        damaged = list(lines)
        damaged[index] = generator.choice(damages)(lines[index])
        path = tmp_path / "damaged_{}.yaml".format(attempt)
        path.write_text("\n".join(damaged), encoding="utf-8")
        try:
            load_standard(str(path))
        except StandardError as error:
            failures += 1
            assert "damaged_{}.yaml".format(attempt) in str(error)
    assert failures > 10  # the damage is real: many of these loads must fail


def _located_tree(value):
    """A located YAML tree as plain data with every file and line, to compare two parsers' trees."""
    from complete_community.standards.yaml_source import LocatedDict, LocatedList

    if isinstance(value, LocatedDict):
        return ("map", value.path, value.line, [(key, value.key_places[key], _located_tree(item))
                                                for key, item in value.items()])
    if isinstance(value, LocatedList):
        return ("seq", value.path, value.line, value.item_places, [_located_tree(item) for item in value])
    return value


SHIPPED_YAML = [os.path.join(root, name) for folder in ("standards", "tests/testdata")
                for root, _dirs, names in os.walk(os.path.join(os.path.dirname(os.path.dirname(
                    os.path.abspath(__file__))), folder)) for name in sorted(names) if name.endswith(".yaml")]


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", SHIPPED_YAML, ids=os.path.basename)
def test_the_c_parser_builds_the_same_located_tree(path):
    from complete_community.standards.yaml_source import _located_document

    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    assert _located_tree(_located_document(path, text, yaml.CSafeLoader)) == _located_tree(
        _located_document(path, text, yaml.SafeLoader))


def test_a_syntax_error_is_told_in_the_pure_python_parsers_words(tmp_path):
    """libyaml says "mapping values are not allowed in this context"; planners keep seeing PyYAML's own words."""
    from complete_community.standards.yaml_source import read_located_yaml

    path = tmp_path / "broken.yaml"
    path.write_text("id: a\nname: b: c\n", encoding="utf-8")
    with pytest.raises(StandardError) as raised:
        read_located_yaml(str(path))
    assert str(raised.value.issues[0]) == "{}:2: YAML syntax error: mapping values are not allowed here".format(path)
