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
