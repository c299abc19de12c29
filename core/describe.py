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
