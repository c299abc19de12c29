"""The one home of result statuses: their codes, words, colours and how they combine. No QGIS.

Every status field of every output (cc_status, <item>_status, walk_status, a rules table's status, …)
holds one of these codes; styles, the map legend, the report and the scorecard show them through
`status_label` and `STATUS_COLOURS` from here, so 达标 is the same green everywhere.

    pass            达标       a required (or recommended) rule that is met
    fail            不达标     a required rule that is not met — only required rules are ever red
    advisory        建议改进   a recommended or conditional rule (宜/可/具备条件的…) that is not met
    no_data         数据不足   the data cannot decide; never counted as a failure
    info            仅供参考   an informative rule: the value is reported, the guide sets no requirement
    not_applicable  不适用     the rule is for the other community type, or its condition does not hold
"""

from ..i18n import tr

PASS, FAIL, ADVISORY, NO_DATA, INFO, NOT_APPLICABLE = (
    "pass", "fail", "advisory", "no_data", "info", "not_applicable")
# The order of legends, value maps and summaries.
STATUSES = (PASS, FAIL, ADVISORY, NO_DATA, INFO, NOT_APPLICABLE)

# ColorBrewer RdYlGn for the verdicts (legible for the common red-green deficiencies thanks to the
# lightness difference), greys for what the data cannot decide, a muted blue for what is only reported.
STATUS_COLOURS = {
    PASS: "#1a9641",            # green
    FAIL: "#d7191c",            # red
    ADVISORY: "#fdae61",        # amber
    NO_DATA: "#9e9e9e",         # grey
    INFO: "#74add1",            # blue
    NOT_APPLICABLE: "#e0e0e0",  # pale grey
}
# Text drawn on a badge of the status colour.
STATUS_TEXT_COLOURS = {PASS: "#ffffff", FAIL: "#ffffff", ADVISORY: "#333333", NO_DATA: "#ffffff",
                       INFO: "#ffffff", NOT_APPLICABLE: "#333333"}
UNKNOWN_STATUS_COLOUR = "#bdbdbd"
# Text in a status's colour on white paper: the amber badge colour is too light for text.
STATUS_INK = dict(STATUS_COLOURS, **{ADVISORY: "#b35806", NOT_APPLICABLE: "#757575", INFO: "#2c7bb6"})

_CONTEXT = "Status"


def status_label(status):
    """达标 / 不达标 / 建议改进 / 数据不足 / 仅供参考 / 不适用 (English outside a Chinese QGIS)."""
    return {
        PASS: tr("Complies", _CONTEXT),
        FAIL: tr("Does not comply", _CONTEXT),
        ADVISORY: tr("Advisory", _CONTEXT),
        NO_DATA: tr("Insufficient data", _CONTEXT),
        INFO: tr("For information", _CONTEXT),
        NOT_APPLICABLE: tr("Not applicable", _CONTEXT),
    }[status]


def status_colour(status):
    """The hex colour of a status code; a neutral grey for anything else (an empty or foreign value)."""
    return STATUS_COLOURS.get(status, UNKNOWN_STATUS_COLOUR)


def status_ink(status):
    """A colour for text that names or shows a status on a white background."""
    return STATUS_INK.get(status, "#222222")


def status_text_colour(status):
    return STATUS_TEXT_COLOURS.get(status, "#ffffff")


def verdict_of(status):
    """The verdict a community's overall status stands for when communities are counted (figures by area, the
    score histogram's buckets): only required rules decide, so a community whose status is advisory (a
    recommended rule unmet) or info (values reported only) fails nothing and counts with the complete ones;
    no_data stays undecided; not_applicable and unknown values give None (counted as assessed, in no bucket)."""
    if status in (PASS, ADVISORY, INFO):
        return PASS
    if status in (FAIL, NO_DATA):
        return status
    return None


def combined_status(statuses):
    """The verdict of several decisive results: fail over no_data over pass; not_applicable when none.

    Only verdicts combine (advisory and info never make a group fail or pass).
    """
    present = set(statuses)
    for status in (FAIL, NO_DATA, PASS):
        if status in present:
            return status
    return NOT_APPLICABLE


def advice_status(statuses):
    """The status of results that advise only (recommended/conditional): advisory over no_data over pass."""
    present = set(statuses)
    for status in (ADVISORY, NO_DATA, PASS):
        if status in present:
            return status
    return INFO if INFO in present else NOT_APPLICABLE
