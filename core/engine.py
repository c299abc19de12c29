"""The rules engine: one community record against the rules of a standard, no QGIS.

    from complete_community.core.engine import evaluate_community
    evaluation = evaluate_community(standard, community)      # every community-scope rule
    evaluation.cc_status, evaluation.cc_score, evaluation.items_met, evaluation.missing_text(standard, "zh")

Each rule gives a status (core/status.py), the measured value, the resolved thresholds and a one-line
reason. Only required rules pass or fail; a recommended or conditional rule that is not met is
advisory; an informative rule reports its value (info). Data that is missing never fails a rule: a
rule fails only when no possible value of the missing data could make it pass.
"""

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Dict, NamedTuple, Optional, Tuple

from ..i18n import tr
from ..standards import measure_kinds as kinds
from ..standards.measure_kinds import evaluates
from . import describe
from .values import as_number
from .status import (ADVISORY, FAIL, INFO, NO_DATA, NOT_APPLICABLE, PASS, STATUSES, advice_status,  # noqa: F401
                     combined_status, status_label)

RELATIVE_TOLERANCE = 1e-9  # float noise only: 2200.0 passes ≥ 2200, 2199.9 does not

_CONTEXT = "RuleEngine"


class RuleResult(NamedTuple):
    """One rule's result for one community: a named tuple, as cheap to make as a tuple (a city makes 10⁵)."""

    rule_id: str
    item: str
    level: str
    status: str
    measured: Optional[float]  # in `unit`; ratios as fractions, counts as int
    threshold_min: Optional[float]  # resolved for this community
    threshold_max: Optional[float]
    unit: Optional[str]
    reason: str
    option_id: Optional[str]  # any_of: the alternative that decided
    counts_for_compliance: bool


@dataclass(frozen=True)
class CommunityEvaluation:
    """A community's results, summarised by item.

    An item's verdict (pass / fail / no_data) comes from its applicable required rules only: it passes
    when all pass, fails when one fails, is no_data otherwise, and is not_applicable (not counted) when
    no required rule of it applies. The score is 100 × items met / (items met + items failed): data that
    is missing never counts as a failure, and a missing kindergarten costs one item, like a pharmacy.
    """

    community_id: object
    results: Tuple[RuleResult, ...]
    item_status: Dict[str, str]  # item code → the status shown for the item (its verdict, else its advice)
    item_verdicts: Dict[str, str]  # item code → pass / fail / no_data / not_applicable, in standard order
    items_met: int
    items_failed: int
    items_no_data: int
    cc_score: Optional[float]  # 100 × met / (met + failed); None when no item could be decided
    cc_status: str  # the verdict; where no required rule applies, the advice (advisory / pass / no_data / info)
    cc_missing: Tuple[str, ...]  # items that fail, in standard order
    cc_advice: Tuple[str, ...] = ()  # ids of recommended/conditional rules that are not met (advisory)

    @property
    def items_applicable(self):
        return self.items_met + self.items_failed + self.items_no_data

    def result(self, rule_id):
        return next((result for result in self.results if result.rule_id == rule_id), None)

    def missing_text(self, standard, language="zh"):
        """'一个幼儿园、一个托儿所' / 'One kindergarten, One nursery'."""
        return _separator(language).join(standard.item(code).name.get(language) for code in self.cc_missing)

    def advice_text(self, standard, language="zh"):
        """The names of the rules shown as advisory (建议改进), e.g. '步行到幼儿园距离'."""
        return _separator(language).join(standard.rule(rule_id).name.get(language) for rule_id in self.cc_advice)

    def arithmetic_text(self, language="zh"):
        """'达标 17 项 / 不达标 2 项 / 数据不足 1 项' — how the score was counted."""
        return items_arithmetic_text(self.items_met, self.items_failed, self.items_no_data)


def items_arithmetic_text(met, failed, no_data):
    return tr("{} items met / {} failed / {} without enough data", _CONTEXT).format(met, failed, no_data)


def score_of(met, failed):
    """100 × met / (met + failed), one decimal; None when nothing was decided."""
    return round(100.0 * met / (met + failed), 1) if met + failed else None


def scope_text(standard, item_codes):
    """The items an evaluation covered, compactly: 'scale; 1–20' or '1–6, 14; scale'. Numbers are the rows
    of the guide's table; items without a number are named by code."""
    numbers = sorted(standard.item(code).number for code in item_codes if standard.item(code).number is not None)
    ranges = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    parts = [str(low) if low == high else "{}–{}".format(low, high) for low, high in ranges]
    named = [code for code in item_codes if standard.item(code).number is None]
    return "; ".join(part for part in (", ".join(parts), ", ".join(named)) if part)


def evaluate_rule(rule, community, standard, language="zh"):
    """One rule's result for one community (a RuleEngine evaluates many communities more cheaply)."""
    return RuleEngine(standard, language).evaluate_rule(rule, community)


def _as_level(rule, result):
    """Only required rules pass or fail: an unmet recommended or conditional rule is advisory, and an
    informative rule only reports its value (info)."""
    if rule.level == "required" or result.status in (NO_DATA, NOT_APPLICABLE):
        return result
    if rule.level == "informative":
        status = INFO
    else:
        status = ADVISORY if result.status == FAIL else result.status
    return result if status == result.status else result._replace(status=status)


def walking_evaluated(rule, community):
    """False for a walking-distance rule none of whose categories was routed in this run."""
    if not kinds.is_walking_measure(rule.measure):
        return True
    return any(category in community.walking_m for category in rule.measure.categories)


def default_rules(standard, community):
    """Every community-scope rule, without the walking-distance rules this run did not compute."""
    return tuple(rule for rule in standard.rules_in_scope("community") if walking_evaluated(rule, community))


def evaluate_community(standard, community, rules=None, language="zh"):
    """Evaluate `rules` (default: `default_rules`) and summarise per item and for the community.

    Callers that did not compute walking distances either leave `walking_m` empty (the default
    selection then leaves walking rules out) or pass their own subset without them. A run over many
    communities makes one RuleEngine and calls its `evaluate`.
    """
    return RuleEngine(standard, language).evaluate(community, rules)


class RuleEngine:
    """A standard's rules, each prepared once for one language: the names, units, thresholds and sentence parts
    of its reasons are looked up when the rule is first evaluated, not again for every community (a city
    evaluates 10⁵ rule results). Make one per run, once its translation is installed, and evaluate every
    community with it."""

    def __init__(self, standard, language="zh"):
        self.standard = standard
        self.language = language
        self.words = _Words(standard, language)
        self._evaluations = {}  # id(rule) → its _RuleEvaluation, which holds the rule (so the id stays the rule's)
        self._last_rules = self._last_evaluations = None  # the tuple of rules evaluated last, and their evaluations

    def rule_evaluation(self, rule):
        evaluation = self._evaluations.get(id(rule))
        if evaluation is None or evaluation.rule is not rule:
            evaluation = self._evaluations[id(rule)] = _RuleEvaluation(rule, self)
        return evaluation

    def evaluate_rule(self, rule, community):
        return self.rule_evaluation(rule).evaluate_at_level(community)

    def evaluate(self, community, rules=None):
        """As evaluate_community."""
        if rules is None:
            rules = default_rules(self.standard, community)
        if rules is not self._last_rules:  # a run passes the same tuple for every community
            evaluations = [self.rule_evaluation(rule) for rule in rules]
            if isinstance(rules, tuple):
                self._last_rules, self._last_evaluations = rules, evaluations
        else:
            evaluations = self._last_evaluations
        results = tuple(evaluation.evaluate_at_level(community) for evaluation in evaluations)
        by_item = {}
        for result in results:
            by_item.setdefault(result.item, []).append(result)

        item_status, item_verdicts = {}, {}
        for item in self.standard.items:
            item_results = by_item.get(item.code)
            if item_results:
                verdict, shown = _item_status(item_results)
                item_verdicts[item.code] = verdict
                item_status[item.code] = shown
        verdicts = list(item_verdicts.values())
        met, failed, no_data = (verdicts.count(status) for status in (PASS, FAIL, NO_DATA))
        overall = combined_status(verdicts)
        if overall == NOT_APPLICABLE:  # nothing required in scope: the advice is what there is to show
            overall = advice_status(status for status in item_status.values())
        return CommunityEvaluation(
            community_id=community.id,
            results=results,
            item_status=item_status,
            item_verdicts=item_verdicts,
            items_met=met,
            items_failed=failed,
            items_no_data=no_data,
            cc_score=score_of(met, failed),
            cc_status=overall,
            cc_missing=tuple(code for code, verdict in item_verdicts.items() if verdict == FAIL),
            cc_advice=tuple(result.rule_id for result in results if result.status == ADVISORY),
        )


def _item_status(results):
    """(verdict, shown status): the verdict from the required rules; an item none of whose required rules
    applies (e.g. scale) shows its advice (advisory / pass / no_data / info) but is not counted."""
    verdict = combined_status(result.status for result in results if result.counts_for_compliance)
    if verdict != NOT_APPLICABLE:
        return verdict, verdict
    return verdict, advice_status(result.status for result in results if not result.counts_for_compliance)


# ---------------------------------------------------------------------------------------------------------------
# Comparing


def _tolerance(bound):
    return abs(bound) * RELATIVE_TOLERANCE


def _complies(value, minimum, maximum):
    return ((minimum is None or value >= minimum - _tolerance(minimum))
            and (maximum is None or value <= maximum + _tolerance(maximum)))


def _status_of_range(lowest, highest, minimum, maximum):
    """The status when the true value is only known to lie in [lowest, highest] (highest may be inf).

    PASS if every value in the range complies, FAIL if none does, otherwise NO_DATA.
    """
    if _complies(lowest, minimum, maximum) and _complies(highest, minimum, maximum):
        return PASS
    if (minimum is not None and highest < minimum - _tolerance(minimum)) or (
            maximum is not None and lowest > maximum + _tolerance(maximum)):
        return FAIL
    return NO_DATA


# ---------------------------------------------------------------------------------------------------------------
# Words


def _separator(language):
    return "、" if language.startswith("zh") else ", "


def _clause_separator(language):
    return "；" if language.startswith("zh") else "; "


def _inline(text, language):
    """A name inside an English sentence starts lower-case ('no kindergarten'); Chinese is unchanged."""
    if language.startswith("zh") or not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def _parenthesised(text, language):
    return "（{}）".format(text) if language.startswith("zh") else " ({})".format(text)


def _kept(kept, key, make):
    """kept[key], made by make() the first time it is asked for."""
    value = kept.get(key)
    if value is None:
        value = kept[key] = make()
    return value


class _Words:
    """What a standard calls its attributes and categories in one language, and the sentence parts every rule
    shares, looked up once per RuleEngine."""

    def __init__(self, standard, language):
        self.standard, self.language = standard, language
        self.separator = _separator(language)
        self.clause_separator = _clause_separator(language)
        self._attributes = {}
        for kind, attributes in (("community", standard.community_attributes),
                                 ("facility", standard.facility_attributes)):
            for attribute in attributes:  # the first of a code, as a search from the start finds it
                self._attributes.setdefault((kind, attribute.code), attribute)
        self._names = {}
        self.yes, self.no = tr("yes", _CONTEXT), tr("no", _CONTEXT)
        self.within = tr("{} within {}–{}", _CONTEXT)
        self.above_range = tr("above the guide's range", _CONTEXT)
        self.not_computed = tr("walking distance not computed", _CONTEXT)
        self.not_reachable = tr("not reachable on the walking network", _CONTEXT)
        self.not_met, self.no_data_for, self.all_met = (tr("not met: {}", _CONTEXT), tr("no data: {}", _CONTEXT),
                                                        tr("all met: {}", _CONTEXT))

    def attribute(self, kind, code):
        """The Attribute `code` of the standard's community or facility attributes (`kind`), or None."""
        return self._attributes.get((kind, code))

    def community_attribute_name(self, code):
        return self._attribute_name("community", code)

    def facility_attribute_name(self, code):
        return self._attribute_name("facility", code)

    def _attribute_name(self, kind, code):
        attribute = self._attributes.get((kind, code))
        return _kept(self._names, (kind, code), lambda: attribute.name.get(self.language) if attribute else code)

    def categories_name(self, codes, inline=False):
        """'超市/便利店'; `inline` for use inside an English sentence ('supermarket/convenience store')."""
        return _kept(self._names, ("categories", tuple(codes), inline), lambda: self._categories_name(codes, inline))

    def _categories_name(self, codes, inline):
        names = []
        for code in codes:
            try:
                name = self.standard.category(code).name.get(self.language)
            except KeyError:
                name = code
            names.append(_inline(name, self.language) if inline else name)
        return "/".join(names)

    def missing(self, code):
        """'常住人口 data missing'."""
        return _kept(self._names, ("missing", code), lambda: tr("{} data missing", _CONTEXT).format(
            self.community_attribute_name(code)))


class _RuleEvaluation:
    """One rule prepared in a RuleEngine; `evaluate(community)` gives its result for one community. What depends
    on the rule alone (names, units, thresholds, subjects) is worked out at its first use and kept; the measure
    evaluators (@evaluates) read the community being evaluated from `self.community`."""

    def __init__(self, rule, engine):
        self.rule = rule
        self.engine = engine
        self.standard = engine.standard
        self.language = engine.language
        self.words = engine.words
        self.community = None
        self._texts = {}  # the rule's texts that take an argument (a facility attribute, a list of kinds)
        self._derivations = {}  # ('min',) / ('max',) / ('min', 'max') → _derivation
        self._results = {}  # inputs → result (_kept_result)

    # -- helpers ------------------------------------------------------------------------------------

    def _text(self, key, make):
        return _kept(self._texts, key, make)

    def _kept_result(self, inputs, make):
        """make(): the rule's result from `inputs` that decide it alone once its thresholds are fixed, kept for
        the next community with the same inputs (yes/no answers and counts repeat across a city)."""
        return make() if self._fixed_thresholds is None else _kept(self._results, inputs, make)

    def _result(self, status, reason, measured=None, minimum=None, maximum=None, option_id=None, unit=None):
        rule = self.rule
        return RuleResult(rule.id, rule.item, rule.level, status, measured, minimum, maximum,
                          unit if unit is not None else rule.unit, reason, option_id, rule.counts_for_compliance)

    def _community_attribute_name(self, code):
        return self.words.community_attribute_name(code)

    def _facility_attribute_name(self, code):
        return self.words.facility_attribute_name(code)

    def _categories_name(self, inline=False):
        """'超市/便利店'; `inline` for use inside an English sentence ('supermarket/convenience store')."""
        return self._categories_inline if inline else self._categories_plain

    @cached_property
    def _categories_plain(self):
        return self.words.categories_name(self.rule.measure.categories)

    @cached_property
    def _categories_inline(self):
        return self.words.categories_name(self.rule.measure.categories, inline=True)

    def _facility_subject(self, attribute):
        """'幼儿园建筑面积' / 'Kindergarten building floor area'."""
        return self._text(("subject", attribute), lambda: self._make_facility_subject(attribute))

    def _make_facility_subject(self, attribute):
        categories = self._categories_name()
        name = self._facility_attribute_name(attribute)
        if self.language.startswith("zh"):
            return categories + name
        return "{} {}".format(categories, _inline(name, self.language))

    def _band_text(self, band):
        attribute = self.words.attribute("facility", band.attribute)
        return describe.band_text(band, attribute.unit if attribute else None)

    def _missing(self, code):
        return self.words.missing(code)

    @cached_property
    def _categories(self):
        return set(self.rule.measure.categories)

    def _facilities(self):
        """The community's facilities of the rule's categories, each once: a building listed under two of
        them (社区游园;口袋公园) is one facility — counted once, its areas summed once."""
        categories = self._categories
        seen, chosen = set(), []
        for facility in self.community.facilities:
            if facility.category in categories and facility.fid not in seen:
                seen.add(facility.fid)
                chosen.append(facility)
        return chosen

    @cached_property
    def _fixed_thresholds(self):
        """(min, max, None) when neither threshold depends on the community; None otherwise."""
        if any(threshold is not None and threshold.is_proportional for threshold in (self.rule.min, self.rule.max)):
            return None
        return tuple(None if threshold is None else float(threshold.value)
                     for threshold in (self.rule.min, self.rule.max)) + (None,)

    def _thresholds(self):
        """(min, max, None) resolved for this community, or (None, None, reason) if a base is missing."""
        if self._fixed_thresholds is not None:
            return self._fixed_thresholds
        resolved = []
        for threshold in (self.rule.min, self.rule.max):
            if threshold is None:
                resolved.append(None)
            elif not threshold.is_proportional:
                resolved.append(float(threshold.value))
            else:
                base = as_number(self.community.attributes.get(threshold.of))
                if base is None:
                    return None, None, self._text(("threshold base missing", threshold.of), lambda: tr(
                        "{} data missing; the threshold depends on it", _CONTEXT).format(
                        self._community_attribute_name(threshold.of)))
                resolved.append(float(threshold.resolve({threshold.of: base})))
        return resolved[0], resolved[1], None

    @cached_property
    def _unit_label(self):
        return describe.unit_label(self.rule.unit)

    def _number(self, value, compared_with=None):
        """'2199.9', '9.9%' in the rule's unit; more digits only where rounding would hide why a value failed."""
        rounded = None
        if compared_with is not None and self._fixed_texts is not None:
            rounded = self._fixed_texts["rounded"].get(compared_with)
        return describe.number_text(value, self.rule.unit, compared_with, rounded)

    def _quantity(self, value, compared_with=None):
        """'2199.9 m²' (as _number)."""
        text = self._number(value, compared_with)
        return "{} {}".format(text, self._unit_label) if self._unit_label else text

    @cached_property
    def _fixed_texts(self):
        """When the rule's thresholds are the same for every community (most rules), their texts written once:
        {'quantity' (as _quantity), 'number' (as _number), 'rounded' (as _number compares with): {threshold: text}};
        None otherwise."""
        if self._fixed_thresholds is None:
            return None
        thresholds = [threshold for threshold in self._fixed_thresholds[:2] if threshold is not None]
        return {"quantity": {threshold: self._quantity(threshold) for threshold in thresholds},
                "number": {threshold: self._number(threshold) for threshold in thresholds},
                "rounded": {threshold: describe.rounded_number(threshold, self.rule.unit) for threshold in thresholds}}

    def _fixed_text(self, kind, threshold, make):
        """The `kind` text of `threshold` from _fixed_texts, else make() (thresholds that depend on the community)."""
        text = None if self._fixed_texts is None else self._fixed_texts[kind].get(threshold)
        return text if text is not None else make()

    def _threshold_quantity(self, threshold):
        return self._fixed_text("quantity", threshold, lambda: self._quantity(threshold))

    def _derivation(self, *bounds):
        """How the proportional ones of these thresholds ('min', 'max') were derived, in parentheses; '' if none."""
        derivation = self._derivations.get(bounds)
        if derivation is None:
            thresholds = [self.rule.min if bound == "min" else self.rule.max for bound in bounds]
            formulas = [describe.threshold_text(threshold, self.rule.unit, self.standard, self.language)
                        for threshold in thresholds if threshold.is_proportional]
            derivation = self._derivations[bounds] = _parenthesised(
                self.words.clause_separator.join(formulas), self.language) if formulas else ""
        return derivation

    def _comparison(self, subject, value, minimum, maximum):
        """'幼儿园建筑面积 2199.9 m² < 2200 m²', with how a proportional threshold was derived."""
        quantity = self._quantity
        subject = subject if subject.endswith("）") else subject + " "
        threshold = self._threshold_quantity
        if not _complies(value, minimum, None):
            return "{}{} < {}".format(subject, quantity(value, minimum), threshold(minimum)) + self._derivation("min")
        if not _complies(value, None, maximum):
            return "{}{} > {}".format(subject, quantity(value, maximum), threshold(maximum)) + self._derivation("max")
        if minimum is not None and maximum is not None:
            return self.words.within.format(subject + quantity(value), self._fixed_text(
                "number", minimum, lambda: self._number(minimum)), threshold(maximum)) + self._derivation("min", "max")
        if minimum is not None:
            return "{}{} ≥ {}".format(subject, quantity(value), threshold(minimum)) + self._derivation("min")
        if maximum is None:  # an informative value: reported, compared with nothing
            return subject + quantity(value)
        return "{}{} ≤ {}".format(subject, quantity(value), threshold(maximum)) + self._derivation("max")

    # -- the rule -----------------------------------------------------------------------------------

    @cached_property
    def _type_unknown(self):
        return tr("community type unknown; the rule is for {}", _CONTEXT).format(
            describe.applies_to_label(self.rule.applies_to))

    @cached_property
    def _only_for(self):
        return tr("only for {}", _CONTEXT).format(describe.applies_to_label(self.rule.applies_to))

    def _condition_value(self, equals):
        return self.words.yes if equals else self.words.no

    @cached_property
    def _assumed(self):
        """'场地受限 not recorded; accepted for 既有社区'."""
        rule = self.rule
        condition = "{}: {}".format(self._community_attribute_name(rule.when.attribute),
                                    self._condition_value(rule.when.equals))
        return tr("{} not recorded; accepted for {}", _CONTEXT).format(
            self._community_attribute_name(rule.when.attribute),
            describe.applies_to_label(rule.applies_to) if rule.applies_to != "both" else condition)

    @cached_property
    def _condition_unmet(self):
        return tr("applies only where {} is {}", _CONTEXT).format(
            self._community_attribute_name(self.rule.when.attribute), self._condition_value(self.rule.when.equals))

    @cached_property
    def _needs_boundary(self):
        return kinds.MEASURE_KINDS[self.rule.measure.kind].needs_boundary

    @cached_property
    def _evaluator(self):
        return kinds.evaluator(self.rule.measure.kind)

    @cached_property
    def _no_boundary(self):
        return tr("the community has no usable boundary: nothing inside it can be counted or measured", _CONTEXT)

    def evaluate_at_level(self, community):
        """The result as the rule's level shows it (_as_level)."""
        result = self.evaluate(community)
        return result if self.rule.level == "required" else _as_level(self.rule, result)

    def evaluate(self, community):
        self.community = community
        rule = self.rule
        applies = rule.applies(community.community_type)
        if applies is None:
            return self._result(NO_DATA, self._type_unknown)
        if not applies:
            return self._result(NOT_APPLICABLE, self._only_for)
        assumed = None
        if rule.when is not None:
            value = _yes_no(community.attributes.get(rule.when.attribute))
            if value is None and rule.when.if_missing == "assume":
                assumed = self._assumed
            elif value is None:
                return self._result(NO_DATA, self._missing(rule.when.attribute))
            elif value != rule.when.equals:
                return self._result(NOT_APPLICABLE, self._condition_unmet)
        if rule.measure is not None and not rule.options and not community.located and self._needs_boundary:
            return self._result(NO_DATA, self._no_boundary)
        result = self._any_of() if rule.options else self._evaluator(self)
        if assumed and result.status != NOT_APPLICABLE:
            result = result._replace(reason=self.words.clause_separator.join((result.reason, assumed)))
        return result

    def _any_of(self):
        outcomes = [(option, self.engine.rule_evaluation(option).evaluate(self.community))
                    for option in self.rule.options]
        applicable = [(option, result) for option, result in outcomes if result.status != NOT_APPLICABLE]
        decider = next(((o, r) for o, r in applicable if r.status == PASS), None)
        if decider is not None:
            status = PASS
        elif any(result.status == NO_DATA for _option, result in applicable):
            status = NO_DATA
            decider = next((o, r) for o, r in applicable if r.status == NO_DATA)
        elif not applicable:
            return self._result(NOT_APPLICABLE, self.words.clause_separator.join(
                r.reason for _o, r in outcomes))
        else:
            status = FAIL
            decider = applicable[0] if len(applicable) == 1 else None
        if status == PASS:
            reason = decider[1].reason
        else:
            reason = self.words.clause_separator.join(result.reason for _option, result in applicable)
        if decider is None:
            return self._result(status, reason)
        option, result = decider
        return self._result(status, reason, result.measured, result.threshold_min, result.threshold_max,
                            option_id=option.id[len(self.rule.id) + 1:], unit=result.unit)

    def _unmeasured(self, status, reason):
        """A result with the community's thresholds but no measured value."""
        minimum, maximum, _missing = self._thresholds()
        return self._result(status, reason, None, minimum, maximum)

    def _no_facility(self):
        return self._unmeasured(FAIL, self._text("no facility", lambda: tr("no {}", _CONTEXT).format(
            self._categories_name(inline=True))))

    def _decided(self, subject, value, lowest=None, highest=None, note=None):
        """A result from a measured value; [lowest, highest] is its possible range when data is missing."""
        minimum, maximum, missing = self._thresholds()
        if missing is not None:
            return self._result(NO_DATA, missing, value)
        lowest = value if lowest is None else lowest
        highest = value if highest is None else highest
        limit = None if self.rule.above_max == "note" else maximum
        status = _status_of_range(lowest, highest, minimum, limit)
        reason = self._comparison(subject, value, minimum, maximum)
        if limit is None and maximum is not None and status != FAIL and lowest > maximum + _tolerance(maximum):
            # The upper end of the guide's range is sizing guidance: more is not a failure.
            reason = self.words.clause_separator.join((reason, self.words.above_range))
        if note and status != PASS:
            reason = self.words.clause_separator.join((reason, note))
        return self._result(status, reason, value, minimum, maximum)

    @evaluates(kinds.COMMUNITY_ATTRIBUTE)
    def _community_attribute(self):
        code = self.rule.measure.attribute
        raw = self.community.attributes.get(code)
        value = as_number(raw)
        if value is None:
            if raw is None or (isinstance(raw, float) and math.isnan(raw)):
                return self._result(NO_DATA, self._missing(code))
            return self._result(NO_DATA, tr("{}: '{}' is not a number", _CONTEXT).format(
                self._community_attribute_name(code), raw))
        return self._decided(self._community_attribute_name(code), value)

    def _minutes_or_metres(self, metres):
        return metres / self.standard.walking_speed_m_per_min if self.rule.unit == "min" else metres

    @evaluates(kinds.COMMUNITY_RADIUS)
    def _community_radius(self):
        radius = as_number(self.community.radius_m)
        if radius is None:
            return self._result(NO_DATA, self._text("no radius", lambda: tr("walking radius not computed",
                                                                              _CONTEXT)))
        return self._decided(self.rule.name.get(self.language), self._minutes_or_metres(radius))

    def _names(self, codes, inline=False):
        return self.words.categories_name(codes, inline)

    def _nearest(self, codes):
        """(metres or None, why None): the nearest facility of these categories; (None, None) if not routed."""
        walking_m = self.community.walking_m
        routed = [walking_m[code] for code in codes if code in walking_m]
        if not routed:
            return None, None
        distances = [number for number in (as_number(value) for value in routed) if number is not None]
        if distances:
            return min(distances), None
        notes = [self.community.walking_notes[code] for code in codes if code in self.community.walking_notes]
        return None, (self.words.clause_separator.join(dict.fromkeys(notes)) if notes else self.words.not_reachable)

    def _walking_each_of(self):
        """Every kind the guide lists must be within the limit: the farthest kind decides and is named."""
        kinds = self.rule.measure.each_of
        nearest = [(codes,) + self._nearest(codes) for codes in kinds]
        if all(metres is None and why is None for _codes, metres, why in nearest):
            return self._result(NO_DATA, self.words.not_computed)
        known = [(metres, codes) for codes, metres, _why in nearest if metres is not None]
        unknown = [(codes, why) for codes, metres, why in nearest if metres is None]
        if not known:
            return self._result(NO_DATA, self.words.clause_separator.join(
                "{}: {}".format(self._names(codes), why or self.words.not_computed) for codes, why in unknown))
        metres, worst = max(known, key=lambda pair: pair[0])
        subject = self._text(("farthest", worst), lambda: tr(
            "Walk to the farthest of the kinds listed ({})", _CONTEXT).format(self._names(worst, True)))
        note = self.words.clause_separator.join(
            "{}: {}".format(self._names(codes), why or self.words.not_computed) for codes, why in unknown) or None
        value = self._minutes_or_metres(metres)
        # A kind without a distance may be farther still: the farthest kind lies in [value, ∞).
        result = self._decided(subject, value, value, math.inf if unknown else value, note)
        return self._with_metres(result, metres)

    def _with_metres(self, result, metres):
        if self.rule.unit == "min" and result.status in (PASS, FAIL):
            reason = result.reason + _parenthesised("{} m".format(describe.format_number(round(metres, 1))),
                                                    self.language)
            return self._result(result.status, reason, result.measured, result.threshold_min, result.threshold_max)
        return result

    @cached_property
    def _nearest_subject(self):
        return tr("Walk to the nearest {}", _CONTEXT).format(self._categories_name(inline=True))

    @evaluates(kinds.WALKING_DISTANCE)
    def _walking_distance(self):
        measure = self.rule.measure
        if measure.each_of:
            return self._walking_each_of()
        subject = self._nearest_subject
        metres, why = self._nearest(measure.categories)
        if metres is None and why is None:
            return self._result(NO_DATA, self.words.not_computed)
        if metres is None:
            return self._result(NO_DATA, "{}: {}".format(subject, why))
        result = self._decided(subject, self._minutes_or_metres(metres))
        return self._with_metres(result, metres)

    @cached_property
    def _count_subject(self):
        """'便利店（建筑面积 50–100 m²）': the categories counted, with the size bands a facility must fall in."""
        measure = self.rule.measure
        subject = self._categories_name()
        if measure.where:
            bands = self.words.separator.join("{} {}".format(
                _inline(self._facility_attribute_name(band.attribute), self.language), self._band_text(band))
                for band in measure.where)
            subject += _parenthesised(bands, self.language)
        return subject

    @evaluates(kinds.FACILITY_COUNT)
    def _facility_count(self):
        measure = self.rule.measure
        counted = unknown = 0
        for facility in self._facilities():
            values = [as_number(facility.attributes.get(band.attribute)) for band in measure.where]
            if any(value is None for value in values):
                unknown += 1
            elif all(_complies(value, band.min, band.max) for value, band in zip(values, measure.where)):
                counted += 1
        return self._kept_result((counted, unknown), lambda: self._count_result(counted, unknown))

    def _count_result(self, counted, unknown):
        note = None
        if unknown:
            note = tr("{} more without {}", _CONTEXT).format(unknown, "/".join(
                self._facility_attribute_name(band.attribute) for band in self.rule.measure.where))
        return self._decided(self._count_subject, counted, counted, counted + unknown, note)

    @evaluates(kinds.FACILITY_MEASURE)
    def _facility_measure(self):
        measure = self.rule.measure
        facilities = self._facilities()
        if not facilities:
            return self._no_facility()
        values = [as_number(facility.attributes.get(measure.attribute)) for facility in facilities]
        known = [value for value in values if value is not None]
        unknown = len(values) - len(known)
        subject = self._facility_subject(measure.attribute)
        note = None
        if unknown:
            note = tr("{} {} without {}", _CONTEXT).format(
                unknown, self._categories_name(inline=True),
                _inline(self._facility_attribute_name(measure.attribute), self.language))
        if not known:
            return self._unmeasured(NO_DATA, note)
        # Unknown values are somewhere in [0, ∞): the range the aggregate may take.
        if measure.aggregate == "max":
            value = max(known)
            lowest, highest = value, (math.inf if unknown else value)
        elif measure.aggregate == "sum":
            value = sum(known)
            lowest, highest = value, (math.inf if unknown else value)
        else:
            value = min(known)
            lowest, highest = (0.0 if unknown else value), value
        return self._decided(subject, value, lowest, highest, note)

    @evaluates(kinds.FACILITY_SHARE)
    def _facility_share(self):
        measure = self.rule.measure
        facilities = self._facilities()
        if not facilities:
            return self._no_facility()
        subject = "{} {}/{}".format(self._categories_name(), self._facility_attribute_name(measure.numerator),
                                    self._facility_attribute_name(measure.denominator))
        sized = [(denominator, facility) for denominator, facility in
                 ((as_number(f.attributes.get(measure.denominator)), f) for f in facilities)
                 if denominator is not None and denominator > 0]
        if not sized:
            return self._unmeasured(NO_DATA, tr("{} without {}", _CONTEXT).format(
                self._categories_name(), _inline(self._facility_attribute_name(measure.denominator), self.language)))
        denominator, largest = max(sized, key=lambda pair: pair[0])
        numerator = as_number(largest.attributes.get(measure.numerator))
        if numerator is None:
            return self._unmeasured(NO_DATA, tr("{} without {}", _CONTEXT).format(
                self._categories_name(), _inline(self._facility_attribute_name(measure.numerator), self.language)))
        return self._decided(subject, numerator / denominator)

    @evaluates(kinds.CHECKLIST)
    def _checklist(self):
        codes = self.rule.measure.attributes
        attributes = self.community.attributes
        answers = tuple(_yes_no(attributes.get(code)) for code in codes)
        return self._kept_result(answers, lambda: self._checklist_result(dict(zip(codes, answers))))

    def _checklist_result(self, values):
        codes = self.rule.measure.attributes
        yes = sum(1 for value in values.values() if value is True)
        minimum, maximum, _missing = self._thresholds()
        names = self.words.separator
        failing = [self._community_attribute_name(code) for code in codes if values[code] is False]
        if failing:
            return self._result(FAIL, self.words.not_met.format(names.join(failing)), yes, minimum, maximum)
        unknown = [self._community_attribute_name(code) for code in codes if values[code] is None]
        if unknown:
            return self._result(NO_DATA, self.words.no_data_for.format(names.join(unknown)), yes, minimum, maximum)
        return self._result(PASS, self._all_met, yes, minimum, maximum)

    @cached_property
    def _all_met(self):
        return self.words.all_met.format(self.words.separator.join(
            self._community_attribute_name(code) for code in self.rule.measure.attributes))


def _yes_no(value):
    """True/False/None; an unreadable value counts as missing (the record reader reports it)."""
    if value is None or isinstance(value, bool):
        return value
    number = as_number(value)
    if number in (0.0, 1.0):
        return number == 1.0
    return None
