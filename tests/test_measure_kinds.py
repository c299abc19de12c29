"""Every measure kind is registered whole: schema keys, description, needs, unit, evaluator, an algorithm."""

import pytest

from complete_community.core import engine  # noqa: F401  (registers the evaluators)
from complete_community.processing.algorithm_list import ALGORITHM_CLASSES
from complete_community.processing.community_evaluation import CommunityEvaluationAlgorithm
from complete_community.standards import builtin_standards, load_standard
from complete_community.standards import measure_kinds as kinds


@pytest.mark.parametrize("code", sorted(kinds.MEASURE_KINDS))
def test_every_kind_has_every_part(code):
    kind = kinds.MEASURE_KINDS[code]
    assert kind.code == code
    assert kind.description and kind.label()
    for key, value_type in kind.keys + kind.optional_keys:
        assert key in kinds.KEY_FIELDS, key
        assert value_type in kinds.VALUE_TYPES, (key, value_type)
    assert kind.needs and set(kind.needs) <= set(kinds.NEEDS)
    numbers = {kinds.COMMUNITY_NUMBER, kinds.FACILITY_NUMBER}
    assert kind.default_unit or any(value_type in numbers for _key, value_type in kind.keys), \
        "a kind without a default unit must read a number whose unit it takes"
    assert callable(kinds.evaluator(code)), "no @evaluates({!r}) in core/engine.py".format(code)
    evaluators = [cls for cls in ALGORITHM_CLASSES if issubclass(cls, CommunityEvaluationAlgorithm)
                  and set(kind.needs) <= set(cls.MEASURE_INPUTS)]
    assert evaluators, "no algorithm can measure {} (needs {})".format(code, kind.needs)


def test_registering_an_unknown_kind_fails_loudly():
    with pytest.raises(KeyError):
        kinds.evaluates("no_such_kind")


def test_the_attributes_read_come_from_the_registry():
    standard = load_standard()
    read = kinds.community_attributes_read(standard.rules)
    known = {attribute.code for attribute in standard.community_attributes}
    assert "population" in read and set(read) <= known
    for rule in standard.rules:
        for part in (rule,) + tuple(rule.options):
            if part.measure is None:
                continue
            kind = kinds.MEASURE_KINDS[part.measure.kind]
            facility = {attribute.code for attribute in standard.facility_attributes}
            assert set(kind.facility_attributes(part.measure)) <= facility


def test_every_builtin_rule_is_evaluated_by_some_algorithm():
    inputs = [set(cls.MEASURE_INPUTS) for cls in ALGORITHM_CLASSES
              if issubclass(cls, CommunityEvaluationAlgorithm)]
    for identifier in builtin_standards():
        for rule in load_standard(identifier).rules:
            assert any(kinds.measured_with(rule, available) for available in inputs), rule.id
