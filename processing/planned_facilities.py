"""Planned facilities (PROPOSED_FACILITIES): a scheme to compare with the existing state — suggest_sites' output,
the what-if proposals, or a planner's own layer. Every algorithm that reads facilities and takes them (the
community evaluations, the life circles, the service areas) reads them last into the same FacilityReader, so they
are counted and walked to like the existing ones and known as planned (FacilityReader.planned_from)."""

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField)

from ..core import output_fields as F
from .inputs.bulk_read import source_layer


class PlannedFacilities:
    """Mixin of an algorithm with a CATEGORY_FIELD parameter for its facilities."""

    PROPOSED_FACILITIES = "PROPOSED_FACILITIES"
    PROPOSED_CATEGORY_FIELD = "PROPOSED_CATEGORY_FIELD"

    def add_proposed_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROPOSED_FACILITIES, self.tr("Planned facilities (points or polygons), evaluated with the existing "
                                              "ones"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PROPOSED_CATEGORY_FIELD, self.tr("Category field of the planned facilities (empty: the facilities' "
                                                  "category field, or the category field suggest_sites writes)"),
            parentLayerParameterName=self.PROPOSED_FACILITIES, optional=True))

    def proposed_category_field(self, parameters, context, proposed):
        """The category field of the planned facilities: the one chosen, else the facilities' category field or
        the plugin's own (suggest_sites and the what-if layer write `category`) when the layer has it; '' if none."""
        chosen = self.parameterAsString(parameters, self.PROPOSED_CATEGORY_FIELD, context)
        if chosen:
            return chosen
        for guess in (self.parameterAsString(parameters, self.CATEGORY_FIELD, context), F.CATEGORY.name,
                      F.CC_CATEGORY.name):
            if guess and proposed.fields().lookupField(guess) >= 0:
                return guess
        return ""

    def proposed_field_map(self, parameters, context, standard, proposed, name):
        """{attribute code: field} of the planned layer (their sizes, where an algorithm checks them)."""
        return {}

    def read_proposed(self, parameters, context, feedback, standard, facilities):
        """The planned facilities, read last into `facilities` (a FacilityReader) and marked as planned; False
        when none were given."""
        if self.PROPOSED_FACILITIES not in parameters:
            return False
        proposed = self.parameterAsSource(parameters, self.PROPOSED_FACILITIES, context)
        if proposed is None:
            return False
        name = self.input_layer_name(parameters, self.PROPOSED_FACILITIES, context)
        category_field = self.proposed_category_field(parameters, context, proposed)
        if category_field and proposed.fields().lookupField(category_field) < 0:
            raise QgsProcessingException(self.tr("The facility layer {} has no field '{}' (for {}).").format(
                name, category_field, self.PROPOSED_CATEGORY_FIELD))
        if not category_field:
            raise QgsProcessingException(self.tr(
                "Planned facilities were given without a category field: choose the field of {} that holds the "
                "facility type.").format(name))
        field_map = self.proposed_field_map(parameters, context, standard, proposed, name)
        facilities.begin_planned()
        facilities.read(proposed, name, category_field, field_map,
                        source_layer(self, parameters, self.PROPOSED_FACILITIES, context))
        feedback.pushInfo(self.tr("Planned facilities from {}: {} recognised, evaluated with the existing ones and "
                                  "marked as planned.").format(name, len(facilities.located) - facilities.planned_from))
        return True
