"""Human-readable words for the standard's vocabulary: levels, applicability, units and thresholds.

Used for the standard table now and for the one-line reasons of the evaluation later, so a rule
reads the same everywhere ("幼儿园建筑面积 ≥ 2200 m²").
"""

from ..i18n import tr
from ..standards.measure_kinds import MEASURE_KINDS

_CONTEXT = "RuleText"


def level_label(level):
    return {
        "required": tr("required", _CONTEXT),
        "recommended": tr("recommended", _CONTEXT),
        "conditional": tr("where conditions allow", _CONTEXT),
        "informative": tr("informative", _CONTEXT),
    }[level]


def applies_to_label(applies_to):
    return {
        "both": tr("new and existing communities", _CONTEXT),
        "new": tr("new communities", _CONTEXT),
        "existing": tr("existing communities", _CONTEXT),
    }[applies_to]


_UNIT_LABELS = {}  # language of the installed translator → labels: built once, asked for per rule result


def unit_label(unit):
    if unit is None:
        return ""
    language = tr("persons", _CONTEXT)  # stands for the translation in force
    labels = _UNIT_LABELS.get(language)
    if labels is None:
        labels = _UNIT_LABELS[language] = _unit_labels()
    return labels[unit]


def _unit_labels():
    return {
        "person": tr("persons", _CONTEXT),
        "household": tr("households", _CONTEXT),
        "count": tr("pcs", _CONTEXT),
        "m": "m",
        "min": tr("min", _CONTEXT),
        "m2": "m²",
        "ratio": "",
        "class": tr("classes", _CONTEXT),
        "cell": tr("cells", _CONTEXT),
        "space": tr("spaces", _CONTEXT),
    }


def format_number(value):
    """2200 → '2200', 0.005 → '0.005', 1.3 → '1.3': no trailing zeros, no float noise."""
    if value is None:
        return ""
    text = "{:.6f}".format(float(value)).rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def rounded_number(value, unit):
    """A value in `unit` as a rule's reason shows it: two decimals at most, a ratio in per cent ('9.9%')."""
    scale = 100.0 if unit == "ratio" else 1.0
    text = format_number(round(value * scale, 2))
    return text + "%" if unit == "ratio" else text


def number_text(value, unit, compared_with=None, compared_rounded=None):
    """'2199.9', '9.9%' in `unit`; all the digits where rounding would make `value` read as the threshold it is
    `compared_with` (2199.999 must not read as 2200). `compared_rounded`: rounded_number(compared_with, unit)
    when the caller keeps it."""
    text = rounded_number(value, unit)
    if compared_with is not None and value != compared_with:
        if compared_rounded is None:
            compared_rounded = rounded_number(compared_with, unit)
        if text == compared_rounded:
            text = format_number(value * 100.0) + "%" if unit == "ratio" else format_number(value)
    return text


def threshold_text(threshold, unit, standard, language):
    """'2200 m²', or '0.2% × 物业总建筑面积, at least 50 m²' for a proportional threshold."""
    suffix = (" " + unit_label(unit)) if unit_label(unit) else ""
    if not threshold.is_proportional:
        if unit == "ratio":
            return "{}%".format(format_number(threshold.value * 100))
        return format_number(threshold.value) + suffix
    attribute = next((a for a in standard.community_attributes if a.code == threshold.of), None)
    of_name = attribute.name.get(language) if attribute else threshold.of
    text = tr("{} × {}", _CONTEXT).format(format_number(threshold.ratio), of_name)
    if threshold.at_least is not None:
        text += tr(", at least {}", _CONTEXT).format(format_number(threshold.at_least) + suffix)
    return text


def requirement_text(rule, standard, language):
    """The requirement of a measured rule in one line: '≥ 2200 m²', '5000–12000 persons', 'all yes'."""
    if rule.options:
        return tr(" or ", _CONTEXT).join(
            "{}: {}".format(option.name.get(language), requirement_text(option, standard, language))
            for option in rule.options)
    if MEASURE_KINDS[rule.measure.kind].all_of:
        return tr("all of: {}", _CONTEXT).format("、".join(
            _attribute_name(standard, code, language) for code in rule.measure.attributes))
    parts = []
    if rule.min is not None and rule.max is not None and not rule.min.is_proportional and not rule.max.is_proportional:
        if rule.unit == "ratio":
            parts.append("{}%–{}%".format(format_number(rule.min.value * 100), format_number(rule.max.value * 100)))
        else:
            suffix = (" " + unit_label(rule.unit)) if unit_label(rule.unit) else ""
            parts.append("{}–{}{}".format(format_number(rule.min.value), format_number(rule.max.value), suffix))
    else:
        if rule.min is not None:
            parts.append("≥ " + threshold_text(rule.min, rule.unit, standard, language))
        if rule.max is not None:
            parts.append("≤ " + threshold_text(rule.max, rule.unit, standard, language))
    text = tr(" and ", _CONTEXT).join(parts)
    for band in rule.measure.where:
        text += tr(" (counting only {} {})", _CONTEXT).format(
            _facility_attribute_name(standard, band.attribute, language), band_text(band))
    return text


def band_text(band, unit=None):
    """'50–100 m²', '≥ 50', '≤ 100': the size band a facility must fall in to be counted."""
    if band.min is not None and band.max is not None:
        text = "{}–{}".format(format_number(band.min), format_number(band.max))
    elif band.min is not None:
        text = "≥ " + format_number(band.min)
    else:
        text = "≤ " + format_number(band.max)
    label = unit_label(unit)
    return "{} {}".format(text, label) if label else text


def _attribute_name(standard, code, language):
    attribute = next((a for a in standard.community_attributes if a.code == code), None)
    return attribute.name.get(language) if attribute else code


def _facility_attribute_name(standard, code, language):
    attribute = next((a for a in standard.facility_attributes if a.code == code), None)
    return attribute.name.get(language) if attribute else code


# -- help texts from the loaded standard ----------------------------------------------------------------------

def rules_overview(rules, standard, language):
    """'• 居住人口: 5000–12000 persons (recommended, 2.2)' lines: what the standard asks of these rules, for help
    texts written without a number of the guide."""
    lines = []
    for rule in rules:
        try:
            requirement = requirement_text(rule, standard, language)
        except (AttributeError, KeyError, TypeError):
            requirement = ""
        lines.append(tr("{}: {} ({}, {})", _CONTEXT).format(
            rule.name.get(language), requirement or tr("reported only", _CONTEXT), level_label(rule.level),
            rule.clause))
    return "<br>".join("• " + _html(line) for line in lines)


def walking_limits_overview(standard, language, categories=None):
    """'• ≤ 500 m (recommended): 幼儿园、托儿所…' lines: the walking limit of each category, grouped by limit."""
    from .walking import category_limits  # walking needs no describe: imported here only for help texts

    groups = {}
    for code, limit in category_limits(standard).items():
        if categories is not None and code not in categories:
            continue
        key = ("≤ {} m".format(format_number(limit.limit_m)) if limit.limit_m is not None
               else tr("reported only", _CONTEXT), limit.level)
        groups.setdefault(key, []).append(standard.category(code).name.get(language))
    separator = "、" if language.startswith("zh") else ", "
    return "<br>".join("• " + tr("{} ({}): {}", _CONTEXT).format(_html(text), level_label(level),
                                                                 _html(separator.join(names)))
                       for (text, level), names in groups.items())


def _html(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def size_rules(standard, item):
    """(population rule with a min, radius rule in m with a max) of an item (scale, life circle), each or None:
    what help examples and the grouping of life circles are built from."""
    from ..standards.measure_kinds import COMMUNITY_ATTRIBUTE, COMMUNITY_RADIUS

    population = radius = None
    for rule in standard.rules_for_item(item):
        kind = rule.measure.kind if rule.measure is not None else None
        if kind == COMMUNITY_ATTRIBUTE and rule.measure.attribute == "population" and rule.min is not None \
                and not rule.min.is_proportional:
            population = population or rule
        elif kind == COMMUNITY_RADIUS and rule.unit == "m" and rule.max is not None:
            radius = radius or rule
    return population, radius


def guide_table_order(standard):
    """Community item codes in the order of the guide's table: scale (2.2) first, then items 1–20."""
    items = [item for item in standard.items if item.scope == "community"]
    return [item.code for item in sorted(items, key=lambda item: (item.number is not None, item.number or 0))]
