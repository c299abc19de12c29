"""补短板选址建议 — where to build a missing facility kind so that the most residents are served."""

import math

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsField, QgsGeometry,
                       QgsPointXY, QgsProcessing, QgsProcessingException, QgsProcessingParameterDistance,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsProcessingParameterString, QgsSpatialIndex, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from .. import styles
from ..core import output_fields as F
from ..core.describe import format_number
from ..core.engine import FAIL, PASS, RuleEngine
from ..core.records import CommunityRecord, FacilityRecord
from ..core.siting import (DEFAULT_CANDIDATE_SPACING_M, MAXIMAL_COVERING, OBJECTIVES,
                           CoverageModel, area_requirements, best_site_per_community, candidates_along, check_site,
                           greedy_maximal_cover)
from ..core.values import finite_or_none, read_number
from ..core.walking import category_limits, residents_access
from ..core.whatif import item_rules, item_status_with, site_attributes
from ..i18n import current_language
from ..standards import measure_kinds
from ..styles.compliance import apply_community_style, apply_suggested_sites_style
from .base_algorithm import make_fields
from .evaluate_walking_access import EvaluateWalkingAccessAlgorithm
from .inputs.communities import representative_point

# Where a site lies in no community, its sizes follow every variant of the item's rules (new and existing).
_UNKNOWN_COMMUNITY = CommunityRecord(id=None, name="", community_type=None)
GENERATED, GIVEN = F.CANDIDATE_GENERATED, F.CANDIDATE_GIVEN


class SuggestSitesAlgorithm(EvaluateWalkingAccessAlgorithm):
    CATEGORY = "CATEGORY"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_LAND_AREA_FIELD = "CANDIDATE_LAND_AREA_FIELD"
    CANDIDATE_FLOOR_AREA_FIELD = "CANDIDATE_FLOOR_AREA_FIELD"
    CANDIDATE_SPACING = "CANDIDATE_SPACING"
    MAX_SITES = "MAX_SITES"
    TARGET_COVERAGE = "TARGET_COVERAGE"
    DISTANCE = "DISTANCE"
    OBJECTIVE = "OBJECTIVE"
    OUTPUT_COMMUNITIES = "OUTPUT_COMMUNITIES"
    OUTPUT_INELIGIBLE = "OUTPUT_INELIGIBLE"

    ALGORITHM_ID = "suggest_sites"
    GROUP = "evaluation"

    def displayName(self):
        return self.tr("Suggest sites for a missing facility")

    def shortHelpString(self):
        return self.tr(
            "Where to build a facility kind that residents lack (the guide's 补短板 action): candidate sites are "
            "chosen on the real walking network so that the most residents come within the standard's walking "
            "limit of one, counting the existing facilities.<br><br>"
            "<b>Facility kind</b>: a category code of the standard ({}).<br>"
            "<b>Candidates</b> (optional): points or polygons where one could be built — vacant land, 存量用地, "
            "public buildings, vacant rental flats. A polygon's land area is its measured area unless a land area "
            "field is chosen; a floor area field may be chosen too. A candidate smaller than the item's land or "
            "floor-area rule ({}) is not eligible: the <b>candidates not eligible</b> output lists it with the "
            "reason, as it lists a candidate too far from the road network or without a usable geometry. Without "
            "candidates, points are generated along the walkable network wherever residents in need are within "
            "the walking limit, one every <b>candidate spacing</b> metres (default {:g} m: every point of those "
            "streets is then at most half a spacing from a candidate).<br>"
            "<b>Objective</b>: <i>cover the most residents</i> (maximal covering) — each next site is the one that "
            "brings the most residents newly within the limit (greedy choice; because coverage has diminishing "
            "returns, k greedy sites always cover at least 1 − 1/e ≈ 63 % of what the best k sites could, and "
            "usually nearly all of it). Gains are re-evaluated lazily, which gives exactly the same choice. It stops "
            "at <b>maximum sites</b>, at the <b>target coverage</b> (share of residents within the limit), or when "
            "nobody more can be reached. Or <i>one site for each community that lacks the item</i>: inside the "
            "community, the candidate that minimises its residents' mean walking distance (first the fewest "
            "residents who can reach none).<br>"
            "<b>Distance</b>: empty takes the standard's walking limit for the kind. Residents are the origins "
            "(buildings or population points with a population) when given, else each community's point inside "
            "with its population. Each candidate's reach is one search bounded by the limit, so the cost grows "
            "with the candidates, not with the city. Ties go to the candidate given (or generated) first: the "
            "same inputs always give the same sites.<br>{}<br><br>"
            "<b>Outputs</b>: the suggested sites in order, with rank, new_residents (residents each brings within "
            "the limit), covered_residents and covered_share_pct (cumulative: existing facilities plus the sites so "
            "far), communities_met (communities whose item becomes met) and the candidate's own attributes; every "
            "community's status for the item before and after. A suggested site is assumed to be built to the "
            "standard's size unless the candidate's areas are given. The log prints the coverage curve.").format(
            self._category_help(), self._area_rule_help(), DEFAULT_CANDIDATE_SPACING_M, self.standard_help()) + \
            self._example_help()

    def _example_help(self):
        """The example, at the standard's walking limit for a kindergarten (none without one)."""
        try:
            limit = category_limits(self.help_standard()).get("kindergarten")
        except Exception:  # noqa: BLE001 (the help must show even if the built-in standard cannot load)
            return ""
        if limit is None or limit.limit_m is None:
            return ""
        return "<br><br>" + self.tr(
            "<b>Example</b>: with CATEGORY=kindergarten, MAX_SITES=3 and the vacant plots of a district as "
            "candidates, the output lists three plots in order; the first might bring 2,300 residents within "
            "{} m (the standard's walking limit) and raise covered_share_pct from 61 to 72.").format(
            format_number(limit.limit_m))

    def _category_help(self):
        try:
            standard = self.help_standard()
        except Exception:  # noqa: BLE001 (the help must show even if the built-in standard cannot load)
            return ""
        return ", ".join(sorted(category_limits(standard)))

    def _area_rule_help(self):
        try:
            standard = self.help_standard()
        except Exception:  # noqa: BLE001
            return ""
        language = current_language()
        texts = []
        for item in standard.items:
            for requirement in area_requirements(standard, item.code):
                minimum = requirement.minimum.resolve({})
                if minimum is not None:
                    texts.append("{} {} ≥ {:g} m²".format(item.name.get(language),
                                                          requirement.attribute_name.get(language), minimum))
        return "; ".join(texts)

    def initAlgorithm(self, config=None):
        self.add_community_parameters()
        self.add_facility_parameters(self.tr("Existing facilities (points or polygons)"), optional=False,
                                     with_areas_layer=True, with_tolerance=False)
        self.add_origin_parameters()
        self.add_standard_parameter()
        self.add_network_parameters(self.COMMUNITIES)
        self.addParameter(QgsProcessingParameterString(
            self.CATEGORY, self.tr("Facility kind to add (category code, e.g. kindergarten)"),
            defaultValue="kindergarten"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites (points or polygons); empty: generated along the network"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.add_field_parameters(self.CANDIDATES, [
            (self.CANDIDATE_LAND_AREA_FIELD, self.tr("Land area field of the candidates (m²)")),
            (self.CANDIDATE_FLOOR_AREA_FIELD, self.tr("Floor area field of the candidates (m²)"))])
        self.addParameter(QgsProcessingParameterEnum(
            self.OBJECTIVE, self.tr("Objective"), options=[
                self.tr("Cover the most residents (maximal covering)"),
                self.tr("One site for each community that lacks the item")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_SITES, self.tr("Maximum number of sites"), QgsProcessingParameterNumber.Integer,
            defaultValue=5, minValue=1, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_COVERAGE, self.tr("Target share of residents within the limit (%)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Walking limit (m); empty: the standard's for the kind"),
            optional=True, minValue=0.0, parentParameterName=self.COMMUNITIES))
        spacing = QgsProcessingParameterDistance(
            self.CANDIDATE_SPACING, self.tr("Spacing of generated candidates along the network (m)"),
            defaultValue=DEFAULT_CANDIDATE_SPACING_M, minValue=1.0, parentParameterName=self.COMMUNITIES)
        spacing.setFlags(spacing.flags() | spacing.FlagAdvanced)
        self.addParameter(spacing)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Suggested sites"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMMUNITIES, self.tr("Communities before and after"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_INELIGIBLE, self.tr("Candidates not eligible (with the reason)"),
            QgsProcessing.TypeVectorAnyGeometry, optional=True, createByDefault=True))

    # -- the run ------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        standard = self.load_standard_parameter(parameters, context, feedback)
        language = current_language()
        category = self._category(parameters, context, standard)
        item = standard.item(standard.category(category).item)
        rules = item_rules(standard, item.code)
        if self.parameterAsSource(parameters, self.NETWORK, context) is None:
            raise QgsProcessingException(self.tr(
                "Suggesting sites needs the road network: choose the layer of streets and paths."))
        limits = category_limits(standard)
        if parameters.get(self.DISTANCE) not in (None, ""):
            limit = self.parameterAsDouble(parameters, self.DISTANCE, context)
        elif category in limits:
            limit = limits[category].limit_m
        else:
            raise QgsProcessingException(self.tr(
                "The standard sets no walking limit for {}: give the walking limit (DISTANCE).").format(category))
        if not (limit > 0 and math.isfinite(limit)):
            raise QgsProcessingException(self.tr("The walking limit must be a number of metres above 0."))
        objective = OBJECTIVES[self.parameterAsEnum(parameters, self.OBJECTIVE, context)]
        max_sites = self.parameterAsInt(parameters, self.MAX_SITES, context) \
            if parameters.get(self.MAX_SITES) not in (None, "") else None
        target = self.parameterAsDouble(parameters, self.TARGET_COVERAGE, context) / 100.0 \
            if parameters.get(self.TARGET_COVERAGE) not in (None, "") else None
        if objective == MAXIMAL_COVERING and max_sites is None and target is None:
            raise QgsProcessingException(self.tr("Give a maximum number of sites, a target coverage, or both."))
        feedback.pushInfo(self.tr("{}: walking limit {:g} m.").format(standard.category(category).name.get(language),
                                                                     limit))

        source, field_map, reader, communities = self.read_communities(parameters, context, feedback, standard, rules)
        self._communities = communities
        self._unusable_candidates = []  # candidate features without a usable geometry: listed as not eligible
        facilities = self.read_facilities(parameters, context, feedback, standard, communities, reader)
        communities = facilities.communities_with_facilities()
        origins = self._read_origins(parameters, context, feedback, reader, facilities.locator)
        count = len(communities)
        centres = [representative_point(geometry) if geometry is not None else None
                   for _fid, geometry, _record in communities]
        centre_x = np.array([point.x() if point else np.nan for point in centres])
        centre_y = np.array([point.y() if point else np.nan for point in centres])
        if origins:
            target_x, target_y = np.concatenate([centre_x, origins["x"]]), np.concatenate([centre_y, origins["y"]])
            population = np.concatenate([np.zeros(count), origins["population"]])
            community_of_target = np.concatenate([np.arange(count), origins["community"]])
        else:
            target_x, target_y = centre_x, centre_y
            population = np.array([record.attributes.get("population") or 0.0 for _f, _g, record in communities])
            community_of_target = np.arange(count)
        walking = self.walking_distances(parameters, context, feedback, reader.crs,
                                         standard.walking_speed_m_per_min, reader.problems, facilities.located,
                                         target_x, target_y)
        network = walking.network
        existing_index = np.array(walking.by_category.get(category, []), dtype=np.int64)
        existing = walking.sources.subset(existing_index)
        feedback.pushInfo(self.tr("Existing facilities of the kind: {}.").format(int(existing.is_snapped.sum())))
        feedback.setProgressText(self.tr("Walking from the existing facilities…"))
        model = CoverageModel(network, walking.targets, population, existing, limit)
        if model.total_population <= 0:
            raise QgsProcessingException(self.tr(
                "No residents to serve: the communities (or origins) carry no population."))

        def state():
            """(walking distance per community, covered share per community) with the model's distances."""
            with np.errstate(invalid="ignore"):  # 0 residents × inf metres: masked out by residents_access
                access = residents_access(community_of_target, model.population, model.distance, limit, count)
            distance, share = [], []
            for position in range(count):
                if origins and access[position].population > 0:
                    distance.append(access[position].mean_m)
                    share.append(access[position].covered_share)
                else:
                    metres = model.distance[position]
                    distance.append(float(metres) if math.isfinite(metres) else None)
                    share.append(None if origins else (1.0 if metres <= limit * (1 + 1e-9) else 0.0))
            return distance, share

        before_distance, before_share = state()
        sites_in = {position: [] for position in range(count)}
        engine = RuleEngine(standard, language)
        before_status = [self._item_status(engine, record, rules, item, category, before_distance[position], [])
                         for position, (_f, _g, record) in enumerate(communities)]
        feedback.pushInfo(self.tr("Before: {:.1f} % of {:g} residents within {:g} m; the item fails in {} "
                                  "communities.").format(100.0 * model.covered_share, model.total_population, limit,
                                                         before_status.count(FAIL)))

        # Candidates
        requirements = area_requirements(standard, item.code)
        candidate_rows = self._read_candidates(parameters, context, feedback, reader, communities, requirements,
                                               language)
        lacking = [position for position, status in enumerate(before_status) if status == FAIL]
        if candidate_rows is None:
            spacing = self.parameterAsDouble(parameters, self.CANDIDATE_SPACING, context)
            need = ~model.covered & (model.population > 0) if objective == MAXIMAL_COVERING else \
                np.isin(community_of_target, lacking) & (model.population > 0)
            need &= walking.targets.is_snapped
            pieces = network.reachable_edges(walking.targets.subset(np.flatnonzero(need)), limit)
            xs, ys = candidates_along(pieces, spacing)
            candidate_rows = self._generated_candidates(xs, ys, communities)
            feedback.pushInfo(self.tr("{} candidate points generated every {:g} m along {:.1f} km of streets within "
                                      "{:g} m of residents in need.").format(len(xs), spacing,
                                                                             pieces.total_length / 1000.0, limit))
        candidate_x = np.array([row["x"] for row in candidate_rows], dtype=float)
        candidate_y = np.array([row["y"] for row in candidate_rows], dtype=float)
        candidates = network.snap(candidate_x, candidate_y, walking.snap_limit)
        eligible = np.array([row["eligible"] for row in candidate_rows], dtype=bool)
        far = np.flatnonzero(eligible & ~candidates.is_snapped)
        if len(far):
            feedback.pushWarning(self.tr("{} candidate(s) farther than {:g} m from the road network are left out.")
                                 .format(len(far), walking.snap_limit))
            for index in far.tolist():
                candidate_rows[index]["reasons"] = (self.tr("farther than {:g} m from the road network").format(
                    walking.snap_limit),)
        feedback.setProgress(30)

        # Choosing
        picks = []  # (candidate index, new residents or None)
        if objective == MAXIMAL_COVERING:
            feedback.setProgressText(self.tr("Measuring the reach of {} candidates…").format(len(candidate_rows)))
            coverage = model.candidate_coverage(
                candidates, eligible, is_cancelled=feedback.isCanceled,
                progress=lambda done, total: feedback.setProgress(30 + int(50.0 * done / max(total, 1))))
            chosen = greedy_maximal_cover(coverage, model.population, model.covered, max_sites=max_sites,
                                          target_share=target, total_population=model.total_population,
                                          is_cancelled=feedback.isCanceled)
            picks = [(pick.candidate, pick.new_population) for pick in chosen]
        else:
            candidate_community = np.array([row["community"] for row in candidate_rows], dtype=np.int64)
            chosen_sites = best_site_per_community(
                CoverageModel(network, walking.targets, population, existing, limit), candidates, candidate_community,
                lacking, community_of_target, eligible, is_cancelled=feedback.isCanceled)
            for site in chosen_sites:
                if site.candidate < 0:
                    record = communities[site.community][2]
                    feedback.pushWarning(self.tr("Community {} lacks the item but has no eligible candidate inside.")
                                         .format(record.name or record.id))
                else:
                    picks.append((site.candidate, None))
        if feedback.isCanceled():
            return {}

        # Replaying the picks: exact distances, shares and verdicts after each site
        status = list(before_status)
        rows = []
        curve = [(0, model.covered_share)]
        for rank, (candidate, _gain) in enumerate(picks, start=1):
            covered_before = model.covered_population
            changed = model.add_site(candidates.subset([candidate]))
            row = candidate_rows[candidate]
            if row["community"] >= 0:
                sites_in[row["community"]].append((rank, row))
            distance, share = state()
            affected = set(int(position) for position in community_of_target[changed] if position >= 0)
            if row["community"] >= 0:
                affected.add(row["community"])
            met = []
            for position in sorted(affected):
                record = communities[position][2]
                new_status = self._item_status(engine, record, rules, item, category, distance[position],
                                               [site for _rank, site in sites_in[position]])
                if new_status == PASS and status[position] != PASS:
                    met.append(str(record.name or record.id))
                status[position] = new_status
            community = row["community"]
            mean_before = before_distance[community] if community >= 0 else None
            rows.append(dict(row, order=rank, new=model.covered_population - covered_before,
                             covered=model.covered_population, share=model.covered_share, met=met,
                             mean_before=mean_before, mean_after=distance[community] if community >= 0 else None))
            curve.append((rank, model.covered_share))
        after_distance, after_share = state()

        feedback.pushInfo(self.tr("Coverage curve (sites → share of residents within {:g} m): {}").format(
            limit, ", ".join("{} → {:.1f} %".format(sites, 100.0 * share) for sites, share in curve)))
        feedback.pushInfo(self.tr("After: the item fails in {} communities (before: {}).").format(
            status.count(FAIL), before_status.count(FAIL)))
        feedback.setProgress(90)

        results = {self.OUTPUT: self._write_sites(parameters, context, reader, source, standard, item, category, rows,
                                                  candidate_rows)}
        if self.OUTPUT_INELIGIBLE in parameters:
            destination = self._write_ineligible(parameters, context, source, candidate_rows)
            if destination:
                results[self.OUTPUT_INELIGIBLE] = destination
        if self.OUTPUT_COMMUNITIES in parameters:
            destination = self._write_communities(
                parameters, context, source, communities, item, before_status, status, before_distance,
                after_distance, before_share, after_share, sites_in)
            if destination:
                results[self.OUTPUT_COMMUNITIES] = destination
        self.styled_outputs = [(results[self.OUTPUT], apply_suggested_sites_style, styles.STYLE_SUGGESTED_SITES)]
        if results.get(self.OUTPUT_COMMUNITIES):
            self.styled_outputs.append((results[self.OUTPUT_COMMUNITIES], lambda layer: apply_community_style(
                layer, F.STATUS_AFTER.name, F.COMMUNITY_NAME.name, table="siting_communities"),
                styles.STYLE_PREFIX + F.STATUS_AFTER.name))
        return results

    def community_field_map(self, parameters, context, standard, source, layer_name, rules, feedback):
        """The fields the item's rules read, and the population (residents without origins)."""
        field_map = super().community_field_map(parameters, context, standard, source, layer_name, rules, feedback)
        population = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if population and "population" not in field_map:
            field_map["population"] = population
        return field_map

    def _category(self, parameters, context, standard):
        code = self.parameterAsString(parameters, self.CATEGORY, context).strip()
        codes = [category.code for category in standard.categories]
        if code in codes:
            return code
        by_name = [category.code for category in standard.categories
                   if code in (category.name.zh, category.name.en) or code in category.aliases]
        if by_name:
            return by_name[0]
        raise QgsProcessingException(self.tr("'{}' is not a facility category of the standard; use one of: {}")
                                     .format(code, ", ".join(codes)))

    def _item_status(self, engine, record, rules, item, category, distance, sites):
        """The item's status for one community with its walking distance and the sites placed inside it (a site
        has the candidate's areas, else the standard's minimum: it is to be built to the standard); `engine`: the
        run's RuleEngine."""
        planned = [FacilityRecord(fid="site:{}".format(site["index"]), category=category,
                                  attributes=site_attributes(engine.standard, item.code, record, site["areas"]))
                   for site in sites]
        return item_status_with(engine.standard, record, rules, item.code, category, distance, planned,
                                engine.language, engine)

    # -- candidates ---------------------------------------------------------------------------------

    def _community_index(self, communities):
        index = QgsSpatialIndex()
        for position, (_fid, geometry, _record) in enumerate(communities):
            if geometry is not None:
                index.addFeature(position, geometry.boundingBox())
        return index

    def _community_of(self, index, communities, point):
        probe = QgsGeometry.fromPointXY(QgsPointXY(point[0], point[1]))
        for position in sorted(index.intersects(probe.boundingBox())):
            if communities[position][1].intersects(probe):
                return position
        return -1

    def _generated_candidates(self, xs, ys, communities):
        index = self._community_index(communities)
        return [{"index": position, "x": x, "y": y, "eligible": True, "areas": {}, "unchecked": (), "reasons": (),
                 "community": self._community_of(index, communities, (x, y)), "feature": None, "source": GENERATED}
                for position, (x, y) in enumerate(zip(xs.tolist(), ys.tolist()))]

    def _read_candidates(self, parameters, context, feedback, reader, communities, requirements, language):
        """One dict per candidate feature (x, y in the working CRS, areas, eligibility); None without a layer."""
        source = self.parameterAsSource(parameters, self.CANDIDATES, context)
        if source is None:
            return None
        name = self.input_layer_name(parameters, self.CANDIDATES, context)
        fields = {"land_area": self.parameterAsString(parameters, self.CANDIDATE_LAND_AREA_FIELD, context),
                  "building_area": self.parameterAsString(parameters, self.CANDIDATE_FLOOR_AREA_FIELD, context)}
        for code, field in fields.items():
            if field and source.fields().lookupField(field) < 0:
                raise QgsProcessingException(self.tr("The candidate layer {} has no field '{}' (for {}).").format(
                    name, field, code))
        to_working = QgsCoordinateTransform(source.sourceCrs(), reader.crs, context.transformContext())
        index = self._community_index(communities)
        rows, excluded = [], []
        unusable = self.tr("no usable geometry")
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            geometry = QgsGeometry(feature.geometry()) if feature.hasGeometry() else None
            if geometry is None or geometry.isEmpty() or geometry.transform(to_working) != 0:
                reader.problems.add(self.tr("layer {}: candidate without usable geometry, left out").format(name),
                                    feature.id())
                self._unusable_candidates.append({"feature": feature, "reasons": (unusable,), "community": -1})
                continue
            point = geometry.pointOnSurface() if geometry.type() == QgsWkbTypes.PolygonGeometry else geometry
            location = point.asPoint() if not point.isMultipart() else point.asMultiPoint()[0]
            if not (math.isfinite(location.x()) and math.isfinite(location.y())):
                reader.problems.add(self.tr("layer {}: candidate without usable geometry, left out").format(name),
                                    feature.id())
                self._unusable_candidates.append({"feature": feature, "reasons": (unusable,), "community": -1})
                continue
            areas = {}
            for code, field in fields.items():
                if field:
                    value, problem = read_number(feature.attribute(field))
                    if problem or (value is not None and value < 0):
                        reader.problems.add(self.tr("layer {}, field '{}': not an area in m², not checked").format(
                            name, field), feature.id())
                        value = None
                    areas[code] = value
            if areas.get("land_area") is None and geometry.type() == QgsWkbTypes.PolygonGeometry:
                areas["land_area"] = geometry.area()  # true m²: the working CRS is projected in metres
            community = self._community_of(index, communities, (location.x(), location.y()))
            record = communities[community][2] if community >= 0 else None
            verdict = check_site(requirements, areas, record.community_type if record else None,
                                 record.attributes if record else None, language)
            if not verdict.eligible:
                excluded.append(self.tr("feature {}: {}").format(feature.id(), "; ".join(verdict.reasons)))
            rows.append({"index": len(rows), "x": location.x(), "y": location.y(), "eligible": verdict.eligible,
                         "areas": areas, "unchecked": verdict.unchecked, "reasons": verdict.reasons,
                         "community": community,
                         "feature": feature, "source": GIVEN})
        if excluded:
            feedback.pushWarning(self.tr("{} candidate(s) of {} are too small for the item, not eligible: {}").format(
                len(excluded), name, " | ".join(excluded)))
        feedback.pushInfo(self.tr("Candidates: {} from {}, {} eligible.").format(
            len(rows), name, sum(1 for row in rows if row["eligible"])))
        self._candidate_source = source
        return rows

    # -- outputs ------------------------------------------------------------------------------------

    def _write_sites(self, parameters, context, reader, source, standard, item, category, rows, candidate_rows):
        """The sites in order. Each carries the sizes it was counted with (the facility attributes of the item's
        size rules: the candidate's areas, else the standard's minimum), so passed back as PROPOSED_FACILITIES
        it is counted the same way."""
        given = [row for row in candidate_rows if row["source"] == GIVEN]
        fields = make_fields(F.SUGGESTED_SITE_FIELDS)
        size_codes = []
        for rule in standard.rules_for_item(item.code):
            sized = rule.measure is not None and rule.measure.kind == measure_kinds.FACILITY_MEASURE
            code = rule.measure.attribute if sized else None
            if code and code not in size_codes and fields.lookupField(code) < 0:
                size_codes.append(code)
                fields.append(QgsField(code, QVariant.Double))
        candidate_fields = []
        if given:
            for field in self._candidate_source.fields():
                if fields.lookupField(field.name()) < 0:
                    fields.append(QgsField(field))
                    candidate_fields.append(field.name())
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point,
                                                 source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for row in rows:
            point = QgsGeometry.fromPointXY(QgsPointXY(row["x"], row["y"]))
            point.transform(reader.to_working, QgsCoordinateTransform.ReverseTransform)
            community = self._communities[row["community"]][2] if row["community"] >= 0 else None
            values = [row["order"], category, round(row["new"], 3), round(row["covered"], 3),
                      round(100.0 * row["share"], 2), "、".join(row["met"]) if current_language() == "zh"
                      else ", ".join(row["met"]), str(community.id) if community else None,
                      finite_or_none(row["mean_before"]), finite_or_none(row["mean_after"]), row["source"],
                      ", ".join(row["unchecked"])]
            sizes = site_attributes(standard, item.code, community or _UNKNOWN_COMMUNITY, row["areas"])
            values += [sizes.get(code) for code in size_codes]
            if row["feature"] is not None:
                values += [row["feature"].attribute(name) for name in candidate_fields]
            else:
                values += [None] * len(candidate_fields)
            feature = QgsFeature(fields)
            feature.setGeometry(point)
            feature.setAttributes(values)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        del sink
        return destination

    def _write_ineligible(self, parameters, context, communities_source, candidate_rows):
        """Every given candidate that cannot be suggested, with its geometry and attributes as given and the
        reason: too small for the item's area rules, too far from the road network, or no usable geometry.
        Generated candidates are all usable: without a candidate layer the table is empty."""
        given = any(row["source"] == GIVEN for row in candidate_rows) or self._unusable_candidates
        source = self._candidate_source if given else None
        fields = make_fields(F.INELIGIBLE_CANDIDATE_FIELDS)
        own = [field.name() for field in source.fields() if fields.lookupField(field.name()) < 0] if source else []
        for name in own:
            fields.append(QgsField(source.fields().field(name)))
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT_INELIGIBLE, context, fields,
            source.wkbType() if source else QgsWkbTypes.Point,
            source.sourceCrs() if source else communities_source.sourceCrs())
        if sink is None:
            return None
        separator = "；" if current_language() == "zh" else "; "
        for row in [row for row in candidate_rows if row["reasons"]] + self._unusable_candidates:
            community = self._communities[row["community"]][2] if row["community"] >= 0 else None
            feature = QgsFeature(fields)
            if row["feature"].hasGeometry():
                feature.setGeometry(row["feature"].geometry())
            feature.setAttributes([separator.join(row["reasons"]), str(community.id) if community else None]
                                  + [row["feature"].attribute(name) for name in own])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        del sink
        return destination

    def _write_communities(self, parameters, context, source, communities, item, before_status, after_status,
                           before_distance, after_distance, before_share, after_share, sites_in):
        fields = make_fields(F.SITING_COMMUNITY_FIELDS)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT_COMMUNITIES, context, fields,
                                                 source.wkbType(), source.sourceCrs())
        if sink is None:
            return None
        features = {feature.id(): feature for feature in source.getFeatures()}
        for position, (fid, _geometry, record) in enumerate(communities):
            feature = QgsFeature(fields)
            feature.setGeometry(features[fid].geometry())
            feature.setAttributes([
                str(record.id), record.name, item.code, before_status[position], after_status[position],
                finite_or_none(before_distance[position]), finite_or_none(after_distance[position]),
                None if before_share[position] is None else round(100.0 * before_share[position], 1),
                None if after_share[position] is None else round(100.0 * after_share[position], 1),
                ", ".join(str(rank) for rank, _row in sites_in[position]) or None])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        del sink
        return destination
