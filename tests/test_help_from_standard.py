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
