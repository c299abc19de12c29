"""The status vocabulary has one home (core/status.py): codes, words, colours; nobody else declares them."""

import os
import re

from complete_community.core import status as statuses
from complete_community.core.status import ADVISORY, FAIL, INFO, NO_DATA, NOT_APPLICABLE, PASS, STATUSES

PLUGIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIPPED = {"tests", "scripts", "build", "dist", "out", ".venv", ".git", "sample_data", "__pycache__"}


def _sources():
    for directory, subdirectories, files in os.walk(PLUGIN):
        subdirectories[:] = [d for d in subdirectories if d not in SKIPPED and not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def test_every_status_has_a_label_and_a_colour():
    assert set(statuses.STATUS_COLOURS) == set(STATUSES) == set(statuses.STATUS_TEXT_COLOURS)
    assert len(set(statuses.STATUS_COLOURS.values())) == len(STATUSES)
    for status in STATUSES:
        assert statuses.status_label(status)
        assert re.fullmatch(r"#[0-9a-f]{6}", statuses.status_colour(status))
    assert statuses.status_colour("something else") == statuses.UNKNOWN_STATUS_COLOUR


def test_advisory_is_amber_never_red():
    red, green, blue = (int(statuses.STATUS_COLOURS[ADVISORY][i:i + 2], 16) for i in (1, 3, 5))
    assert red > 200 and 120 < green < 220 and blue < 140
    assert statuses.STATUS_COLOURS[ADVISORY] != statuses.STATUS_COLOURS[FAIL]


def test_verdicts_combine_fail_over_no_data_over_pass():
    assert statuses.combined_status([PASS, NO_DATA, FAIL]) == FAIL
    assert statuses.combined_status([PASS, NO_DATA]) == NO_DATA
    assert statuses.combined_status([PASS, NOT_APPLICABLE]) == PASS
    assert statuses.combined_status([ADVISORY, INFO]) == NOT_APPLICABLE  # advice never decides
    assert statuses.combined_status([]) == NOT_APPLICABLE
    assert statuses.advice_status([PASS, ADVISORY, NO_DATA]) == ADVISORY
    assert statuses.advice_status([INFO]) == INFO


def test_no_other_module_declares_a_status_colour():
    """One home per concept: the hex colours of the statuses appear only in core/status.py."""
    colours = {colour.lower() for colour in statuses.STATUS_COLOURS.values() if colour not in ("#9e9e9e", "#e0e0e0")}
    offenders = []
    for path in _sources():
        if path.endswith(os.path.join("core", "status.py")):
            continue
        with open(path, encoding="utf-8") as stream:
            text = stream.read().lower()
        offenders += ["{}: {}".format(os.path.relpath(path, PLUGIN), colour) for colour in colours if colour in text]
        if re.search(r"""^\s*STATUS_COLOURS\s*=""", text, re.MULTILINE | re.IGNORECASE):
            offenders.append("{}: STATUS_COLOURS".format(os.path.relpath(path, PLUGIN)))
    assert not offenders, offenders
