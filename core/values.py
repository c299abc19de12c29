"""Reading one attribute value: what counts as missing, and as a number — the one home of these rules.

Layers give Python values, and QGIS's NULL (a null QVariant, whose text is 'NULL'); spreadsheets give blank
text and NaN. Pure Python (QGIS's NULL is recognised by its `isNull` method), so core/ and tests use it
without QGIS.
"""

import math

NOT_A_NUMBER = "not_a_number"


_PLAIN_TYPES = (str, float, int, bool)  # never NULL (asked for every value of a layer: no attribute lookup)


def is_null(value):
    """None, or QGIS's NULL (a null QVariant)."""
    if value is None:
        return True
    if type(value) in _PLAIN_TYPES:
        return False
    is_null_method = getattr(value, "isNull", None)
    if callable(is_null_method):
        try:
            return bool(is_null_method())
        except TypeError:
            return False
    return False


def is_missing(value):
    """None, QGIS's NULL, NaN or blank text: a value nobody gave."""
    if is_null(value):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and value.strip() == ""


def read_number(value):
    """(number or None, problem or None): NULL and NaN are missing; a boolean or text that is no number is the
    problem NOT_A_NUMBER (to be reported), never silently 0."""
    if is_null(value):
        return None, None
    if isinstance(value, bool):
        return None, NOT_A_NUMBER
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None, NOT_A_NUMBER
    if math.isnan(number):
        return None, None
    return number, None


def as_number(value):
    """A float, or None for a missing value, NaN or anything that is no number (booleans are not numbers)."""
    if type(value) is float:  # the engine asks for 10⁵ values, most of them floats already
        return None if value != value else value
    return read_number(value)[0]


def finite_or_none(value):
    """A finite float or None: what a numeric output field holds (never inf, which some formats reject).

    Written for every distance of every origin (hundreds of thousands per run): a float needs no more than
    `float` and `isfinite`, and QGIS's NULL makes `float` raise TypeError."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
