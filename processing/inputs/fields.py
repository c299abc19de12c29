"""Which field of a layer holds which attribute of the standard."""

from ...standards import normalise_label


def match_fields(attributes, fields, chosen):
    """Attribute code → field name: the user's choice first, else a field named like the attribute.

    `attributes`: the standard's Attribute objects; `fields`: the layer's QgsFields; `chosen`: code →
    field name given by the user (validated by the caller). A field matches when its name equals the
    attribute's code, Chinese name or English name, ignoring case, spaces and full-width forms.
    """
    by_name = {normalise_label(name): name for name in fields.names()}
    matched = {}
    for attribute in attributes:
        if chosen.get(attribute.code):
            matched[attribute.code] = chosen[attribute.code]
            continue
        for label in (attribute.code, attribute.name.zh, attribute.name.en):
            if normalise_label(label) in by_name:
                matched[attribute.code] = by_name[normalise_label(label)]
                break
    return matched
