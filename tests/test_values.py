"""core/values: the one reader of missing values and numbers, used by every layer reader, the engine and the dock."""

import math

import pytest

from complete_community.core.values import (NOT_A_NUMBER, as_number, finite_or_none, is_missing, is_null,
                                            read_number)


class _Null:
    """Behaves like QGIS's NULL (a null QVariant): str() says 'NULL'."""

    def isNull(self):
        return True

    def __str__(self):
        return "NULL"


class _Valid:
    """A Qt value that is not null (a valid QDate, say)."""

    def isNull(self):
        return False


@pytest.mark.parametrize("value", [None, _Null(), float("nan"), "", "  ", "\t"])
def test_missing_values(value):
    assert is_missing(value)


@pytest.mark.parametrize("value", [0, 0.0, False, "0", "NULL路便利店", "nan?", _Valid(), math.inf])
def test_present_values(value):
    assert not is_missing(value)


def test_null_is_only_none_and_qgis_null():
    assert is_null(None) and is_null(_Null())
    assert not is_null("") and not is_null(float("nan")) and not is_null(_Valid()) and not is_null(0)


@pytest.mark.parametrize("value, expected", [
    (None, (None, None)), (_Null(), (None, None)), (float("nan"), (None, None)),
    (3, (3.0, None)), ("2.5", (2.5, None)), (" 7 ", (7.0, None)), (-1, (-1.0, None)),
    ("abc", (None, NOT_A_NUMBER)), ("", (None, NOT_A_NUMBER)), (True, (None, NOT_A_NUMBER)),
    (object(), (None, NOT_A_NUMBER)),
])
def test_read_number_tells_missing_from_unreadable(value, expected):
    assert read_number(value) == expected


def test_as_number_and_finite_or_none():
    assert as_number("4") == 4.0 and as_number(True) is None and as_number("x") is None and as_number(None) is None
    assert as_number(math.inf) == math.inf
    assert finite_or_none(math.inf) is None and finite_or_none(float("nan")) is None and finite_or_none(None) is None
    assert finite_or_none(12) == 12.0 and isinstance(finite_or_none(12), float)


def test_qgis_null(qgis_app):
    from qgis.core import NULL, QgsFeature, QgsField, QgsFields
    from qgis.PyQt.QtCore import QVariant
    assert is_missing(NULL) and is_null(NULL) and read_number(NULL) == (None, None)
    fields = QgsFields()
    fields.append(QgsField("n", QVariant.Double))
    feature = QgsFeature(fields)
    feature.setAttributes([NULL])
    assert is_null(feature.attribute(0)) and as_number(feature.attribute(0)) is None
