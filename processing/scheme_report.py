"""The report's 补短板 section of an assessment with planned facilities (PROPOSED_FACILITIES): report/scheme.Scheme
read from the communities table (the verdicts with the planned facilities and without them, …_before) and from the
planned layer itself (its sites, with suggest_sites' coverage figures when it carries them)."""

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsSpatialIndex

from ..core import output_fields as F
from ..core.categories import CategoryMatcher
from ..core.values import is_null
from ..report.scheme import PlannedSite, Scheme, SchemeCommunity

# suggest_sites' figures, read from a planned layer that has them
SITE_FIGURES = (F.NEW_RESIDENTS, F.COVERED_RESIDENTS, F.COVERED_SHARE_PCT)


def _value(feature, index):
    value = feature.attribute(index) if index >= 0 else None
    return None if is_null(value) else value


def read_scheme(algorithm, parameters, context, standard, communities, item_codes, language):
    """The Scheme of an assessment (`algorithm`, its `parameters`) whose communities table is the layer
    `communities`; None when the run had no planned facilities."""
    fields = communities.fields()
    if fields.lookupField(F.CC_STATUS_BEFORE.name) < 0 or not parameters.get(algorithm.PROPOSED_FACILITIES):
        return None
    proposed = algorithm.parameterAsSource(parameters, algorithm.PROPOSED_FACILITIES, context)
    if proposed is None:
        return None

    def index(name):
        return fields.lookupField(name)

    columns = {"id": index(F.COMMUNITY_ID.name), "name": index(F.COMMUNITY_NAME.name),
               "population": index(F.MEASURED.name_for("scale.population")),
               "before": index(F.CC_STATUS_BEFORE.name), "after": index(F.CC_STATUS.name),
               "score_before": index(F.CC_SCORE_BEFORE.name), "score_after": index(F.CC_SCORE.name)}
    before = {code: index(F.ITEM_STATUS_BEFORE.name_for(code)) for code in item_codes}
    after = {code: index(F.ITEM_STATUS.name_for(code)) for code in item_codes}
    rows, spatial, geometries = [], QgsSpatialIndex(), {}
    for feature in communities.getFeatures():
        value = {key: _value(feature, column) for key, column in columns.items()}
        rows.append(SchemeCommunity(
            str(value["id"]), str(value["name"] or value["id"]), value["population"], value["before"],
            value["after"], value["score_before"], value["score_after"],
            {code: _value(feature, column) for code, column in before.items()},
            {code: _value(feature, column) for code, column in after.items()}))
        if feature.hasGeometry():
            spatial.addFeature(feature)
            geometries[feature.id()] = (feature.geometry(), rows[-1].name)
    sites = _planned_sites(algorithm, parameters, context, standard, proposed, communities.crs(), spatial,
                           geometries, language)
    return Scheme(algorithm.input_layer_name(parameters, algorithm.PROPOSED_FACILITIES, context), sites, rows)


def _planned_sites(algorithm, parameters, context, standard, proposed, crs, spatial, geometries, language):
    """One PlannedSite per planned feature, in suggest_sites' rank order when the layer has ranks (then as read):
    its kind in words, the community it lies in, and suggest_sites' figures when the layer carries them."""
    fields = proposed.fields()
    category = fields.lookupField(algorithm.proposed_category_field(parameters, context, proposed))
    rank = fields.lookupField(F.RANK.name)
    figures = [fields.lookupField(field.name) for field in SITE_FIGURES]
    met = fields.lookupField(F.COMMUNITIES_MET.name)
    matcher = CategoryMatcher(standard)
    to_communities = QgsCoordinateTransform(proposed.sourceCrs(), crs, context.transformContext())
    sites = []
    for feature in proposed.getFeatures():
        label = _value(feature, category)
        codes = matcher.classify_all(label) if label is not None else ()
        kind = "、".join(standard.category(code).name.get(language) for code in codes) or str(label or "–")
        community = ""
        if feature.hasGeometry():
            geometry = feature.geometry()
            try:
                geometry.transform(to_communities)
            except QgsCsException:  # a point that cannot be moved into the communities' CRS lies in none of them
                geometry = None
            if geometry is not None:
                point = geometry.pointOnSurface()
                for fid in spatial.intersects(point.boundingBox()):
                    shape, name = geometries[fid]
                    if shape.intersects(point):
                        community = name
                        break
        numbers = [_value(feature, column) for column in figures]
        sites.append(PlannedSite(_value(feature, rank), kind, community, *numbers,
                                 communities_met=str(_value(feature, met) or "")))
    if rank >= 0:
        sites.sort(key=lambda site: (site.rank is None, site.rank or 0))
    return sites
