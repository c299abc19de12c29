"""配套设施评估 — the provision of the 20 construction items (2.3 of the guide) in each community."""

import functools

from qgis.core import QgsProcessingException, QgsProcessingParameterEnum

from ..core import output_fields as F
from ..i18n import current_language
from ..standards import load_standard
from ..core.values import is_null
from .community_evaluation import CommunityEvaluationAlgorithm

SCALE_ITEM = "scale"


class EvaluateFacilitiesAlgorithm(CommunityEvaluationAlgorithm):
    TOTAL_BUILDING_AREA_FIELD = "TOTAL_BUILDING_AREA_FIELD"
    PARKING_SPACES_FIELD = "PARKING_SPACES_FIELD"
    CHARGING_SPACES_FIELD = "CHARGING_SPACES_FIELD"
    ACCESSIBLE_PARKING_FIELD = "ACCESSIBLE_PARKING_FIELD"
    DAILY_DELIVERIES_FIELD = "DAILY_DELIVERIES_FIELD"
    ATTRIBUTE_FIELDS = "ATTRIBUTE_FIELDS"
    BUILDING_AREA_FIELD = "BUILDING_AREA_FIELD"
    LAND_AREA_FIELD = "LAND_AREA_FIELD"
    USABLE_AREA_FIELD = "USABLE_AREA_FIELD"
    CLASSES_FIELD = "CLASSES_FIELD"
    LOCKER_CELLS_FIELD = "LOCKER_CELLS_FIELD"
    SPORTS_AREA_FIELD = "SPORTS_AREA_FIELD"
    COLOUR_BY = "COLOUR_BY"

    ALGORITHM_ID = "evaluate_facilities"
    COMMUNITY_ATTRIBUTE_PARAMETERS = dict(CommunityEvaluationAlgorithm.COMMUNITY_ATTRIBUTE_PARAMETERS, **{
        "total_building_area": TOTAL_BUILDING_AREA_FIELD,
        "parking_spaces": PARKING_SPACES_FIELD,
        "charging_spaces": CHARGING_SPACES_FIELD,
        "accessible_parking_spaces": ACCESSIBLE_PARKING_FIELD,
        "daily_deliveries": DAILY_DELIVERIES_FIELD,
    })
    FACILITY_ATTRIBUTE_PARAMETERS = {
        "building_area": BUILDING_AREA_FIELD,
        "land_area": LAND_AREA_FIELD,
        "usable_area": USABLE_AREA_FIELD,
        "classes": CLASSES_FIELD,
        "locker_cells": LOCKER_CELLS_FIELD,
        "sports_area": SPORTS_AREA_FIELD,
    }

    def displayName(self):
        return self.tr("Evaluate facility provision")

    def shortHelpString(self):
        return self.tr(
            "Checks each residential community against the construction items of 2.3 完整居住社区建设标准（试行）: whether "
            "each facility is there, how many, its building and land area, classes and locker cells, ratios "
            "(parking spaces per household, chargers, accessible spaces, property office per floor area, locker "
            "cells per daily deliveries, sports share of the park), the variants for new (新建) and existing (既有) "
            "communities, the allowed alternatives (a supermarket, or for existing communities several small "
            "convenience stores; a public toilet or a prefabricated one), and the checklist items (utilities, "
            "barrier-free, property management, governance, culture) read from yes/no fields of the community "
            "layer. Walking distances come with the walking-access evaluation.<br><br><b>Residential "
            "communities</b>: polygons with population; households, type (新建/既有) and the fields the rules read — "
            "total floor area, parking spaces, charging spaces, accessible spaces, daily deliveries, and yes/no "
            "answers (1/0, 是/否, 有/无). A field named like the attribute code (e.g. water_supply, parking_spaces) "
            "or its Chinese name (e.g. 供水设施完好) is found by itself; map others in 'Other community attributes' "
            "(code, field; describe_standard lists the codes). Attributes without a field are listed in the log, "
            "and their rules give no_data.<br><b>Facilities</b>: POIs or polygons with a category field (Chinese "
            "names, synonyms, English codes and OSM tags are recognised; add your own with a category mapping "
            "table) and optional building area, land area, usable area, classes, locker cells and sports area "
            "fields. Polygon facilities without a land area use their measured area. <b>Facility areas</b> "
            "(optional): a second, polygon layer (parks, grounds, courts) read with the same field names. A "
            "facility counts for the community it lies in, or within the given distance of it (facilities on the "
            "boundary road).<br>{}<br><br><b>Output</b>: every community with all its fields, per item "
            "&lt;item&gt;_status (pass, fail, no_data, not_applicable, shown as 达标/不达标/数据不足/不适用), the measured "
            "value of each rule (e.g. kindergarten_building_area), cc_items_met / _failed / _no_data / "
            "_applicable (an item is met when all its applicable required rules pass), cc_score (100 × met ÷ "
            "(met + failed)), cc_status, cc_missing (the failed items), cc_advice (recommended and conditional "
            "rules not met: 建议改进) and cc_scope. <b>Results per rule</b>: clause, measured value, threshold, "
            "unit, status and a one-line reason. <b>Facilities not counted</b>: facilities inside no community, "
            "with an unknown category or without geometry. Missing data never fails a rule: it gives no_data "
            "unless no possible value could pass. The numbers are the chosen standard's: describe_standard lists "
            "them. Example: a kindergarten 0.1 m² below the standard's minimum building area fails, with both "
            "areas in the reason.").format(
            self.standard_help())

    def initAlgorithm(self, config=None):
        self.add_provision_inputs()
        self.add_standard_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.COLOUR_BY, self.tr("Colour the communities by"), options=self._colour_options(),
            defaultValue=0))
        self.add_output_parameters(unassigned=True)

    def add_provision_inputs(self, with_facility_tolerance=True):
        """The communities with the fields the rules read, and the facilities with theirs."""
        self.add_community_parameters()
        self.add_field_parameters(self.COMMUNITIES, (
            (self.TOTAL_BUILDING_AREA_FIELD, self.tr("Total building floor area field (m²)")),
            (self.PARKING_SPACES_FIELD, self.tr("Car parking spaces field")),
            (self.CHARGING_SPACES_FIELD, self.tr("Parking spaces with chargers (built or provisioned) field")),
            (self.ACCESSIBLE_PARKING_FIELD, self.tr("Accessible parking spaces field")),
            (self.DAILY_DELIVERIES_FIELD, self.tr("Average daily parcel deliveries field")),
        ))
        self.add_attribute_fields_parameter(self.ATTRIBUTE_FIELDS)
        self.add_facility_parameters(self.tr("Facilities (points or polygons)"), optional=False,
                                     with_areas_layer=True, with_tolerance=with_facility_tolerance)
        self.add_field_parameters(self.FACILITIES, (
            (self.BUILDING_AREA_FIELD, self.tr("Facility building floor area field (m²)")),
            (self.LAND_AREA_FIELD, self.tr("Facility land area field (m²; polygons: measured when empty)")),
            (self.USABLE_AREA_FIELD, self.tr("Facility usable floor area field (m²)")),
            (self.CLASSES_FIELD, self.tr("Kindergarten classes field")),
            (self.LOCKER_CELLS_FIELD, self.tr("Parcel locker cells field")),
            (self.SPORTS_AREA_FIELD, self.tr("Sports area field (m², parks)")),
        ))
        self.add_mapping_table_parameter()
        self.add_proposed_parameters()

    def _colour_options(self):
        language = current_language()
        return [self.tr("Overall compliance (cc_status)")] + [
            "{} ({})".format(item.name.get(language), F.ITEM_STATUS.name_for(item.code)) for item in _colour_items()]

    def colour_field(self, parameters, context, standard):
        choice = self.parameterAsEnum(parameters, self.COLOUR_BY, context)
        if choice == 0:
            return F.CC_STATUS.name
        code = _colour_items()[choice - 1].code
        if not any(item.code == code for item in standard.items):
            raise QgsProcessingException(self.tr("The standard {} has no item {} to colour by.").format(
                standard.id, code))
        return F.ITEM_STATUS.name_for(code)

    def rules_to_evaluate(self, standard, parameters, context):
        """Every community rule but the scale and the walking distances (those have their own algorithms)."""
        return tuple(rule for rule in standard.rules_in_scope("community")
                     if rule.item != SCALE_ITEM and self.measurable(rule))

    def matrix_attribute_fields(self, parameters, context, standard):
        """ATTRIBUTE_FIELDS as {attribute code: field}; an unknown code or an odd cell count stops the run."""
        matrix = self.parameterAsMatrix(parameters, self.ATTRIBUTE_FIELDS, context) or []
        cells = ["" if is_null(cell) else str(cell).strip() for cell in matrix]
        if not any(cells):
            return {}
        if len(cells) % 2:
            raise QgsProcessingException(self.tr(
                "Other community attributes: give pairs of attribute code and field; got {} values.").format(
                len(cells)))
        pairs = {code: field for code, field in zip(cells[0::2], cells[1::2]) if code or field}
        known = [attribute.code for attribute in standard.community_attributes]
        for code, field in pairs.items():
            if code not in known:
                raise QgsProcessingException(self.tr(
                    "Other community attributes: '{}' is not an attribute code of the standard (for field '{}'). "
                    "Known codes: {}").format(code, field, ", ".join(known)))
            if not field:
                raise QgsProcessingException(self.tr("Other community attributes: no field given for '{}'.").format(
                    code))
        return pairs


@functools.lru_cache(maxsize=1)
def _colour_items():
    """The items one may colour by: the national guide's community items, in its order (the enum's options
    must not depend on the standard chosen at run time)."""
    return tuple(item for item in load_standard().items if item.scope == "community" and item.code != SCALE_ITEM)
