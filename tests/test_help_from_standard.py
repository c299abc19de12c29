"""Help texts state no number of the guide: what they say the standard asks comes from the loaded standard."""

from dataclasses import replace

from complete_community.core.walking import category_limits
from complete_community.processing import base_algorithm
from complete_community.processing.evaluate_life_circle import EvaluateLifeCircleAlgorithm
from complete_community.processing.evaluate_scale import EvaluateScaleAlgorithm
from complete_community.processing.evaluate_walking_access import EvaluateWalkingAccessAlgorithm
from complete_community.processing.service_areas import ServiceAreasAlgorithm
from complete_community.standards import load_standard
from complete_community.standards.model import Threshold


def _with_scale_population(standard, minimum):
    rules = tuple(replace(rule, min=Threshold(value=minimum)) if rule.id == "scale.population" else rule
                  for rule in standard.rules)
    return replace(standard, rules=rules, _index={})


def test_help_follows_the_standard(monkeypatch):
    standard = _with_scale_population(load_standard(), 6543.0)
    monkeypatch.setattr(base_algorithm, "_help_standard", lambda: standard)
    text = EvaluateScaleAlgorithm().shortHelpString()
    assert "6543–12000" in text          # the rule list
    assert "< 6543" in text               # the example
    assert "5000" not in text


def test_walking_help_lists_the_standards_limits(monkeypatch):
    standard = load_standard("xiamen_complete_community")
    monkeypatch.setattr(base_algorithm, "_help_standard", lambda: standard)
    limit = category_limits(standard)["kindergarten"].limit_m
    for cls in (EvaluateWalkingAccessAlgorithm, ServiceAreasAlgorithm):
        text = cls().shortHelpString()
        assert "≤ {:g} m".format(limit) in text
        assert standard.name.get("en") in text


def test_provision_help_quotes_no_threshold():
    from complete_community.processing.evaluate_facilities import EvaluateFacilitiesAlgorithm

    text = EvaluateFacilitiesAlgorithm().shortHelpString()
    for number in ("2200", "2199", "300 m²", "0.5 %", "2‰", "10–15"):
        assert number not in text


def test_every_help_names_the_standard():
    for cls in (EvaluateScaleAlgorithm, EvaluateLifeCircleAlgorithm, EvaluateWalkingAccessAlgorithm,
                ServiceAreasAlgorithm):
        assert load_standard().name.get("en") in cls().shortHelpString()


def _moved(threshold):
    """The threshold with every number moved to one no guide states (13.7 % more, plus 0.11)."""
    if threshold is None:
        return None
    move = lambda number: None if number is None else number * 1.137 + 0.11  # noqa: E731
    return replace(threshold, value=move(threshold.value), at_least=move(threshold.at_least),
                   ratio=None if threshold.ratio is None else threshold.ratio * 1.137)


def _guide_numbers(standard):
    """The thresholds and walking limits of `standard` of 100 or more (areas, distances, populations), as a help
    text would write them: '1000', '1,000', '1000.0'."""
    numbers = {number for rule in standard.rules for threshold in (rule.min, rule.max) if threshold is not None
               for number in (threshold.value, threshold.at_least) if number is not None and number >= 100}
    numbers |= {limit.limit_m for limit in category_limits(standard).values() if limit.limit_m}
    return {text for number in numbers for text in ("{:g}".format(number), "{:,.0f}".format(number))}


def test_no_help_restates_a_number_of_the_guide(monkeypatch, cc_provider):
    """Every algorithm's help, with the help's standard moved to numbers no guide states and its rules named by
    their ids: a threshold of the guide still in the text is written in the code."""
    import re

    from complete_community.standards.model import Text

    standard = load_standard()
    moved = replace(standard, rules=tuple(
        replace(rule, min=_moved(rule.min), max=_moved(rule.max), name=Text(rule.id, rule.id), note=None)
        for rule in standard.rules), _index={})
    monkeypatch.setattr(base_algorithm, "_help_standard", lambda: moved)
    # Numbers that are no threshold although a threshold has the same value: what each is.
    not_the_guide = {"convert_china_coordinates": {"500"},  # how far GCJ-02 moves boundaries in Wuhan
                     "export_map": {"150", "300"}}           # dots per inch of a PNG
    found = []
    for algorithm in cc_provider.algorithms():
        text = algorithm.shortHelpString() or ""
        for number in _guide_numbers(standard) - not_the_guide.get(algorithm.name(), set()):
            if re.search(r"(?<![\d.,]){}(?![\d]|[.,]\d)".format(re.escape(number)), text):
                found.append("{}: {}".format(algorithm.name(), number))
    assert found == []
