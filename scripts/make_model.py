#!/usr/bin/env python3
"""Write models/complete_community_workflow.model3: the common case as a Graphical Modeler model.

    /usr/bin/python3 scripts/make_model.py        (run again after changing an algorithm's parameters)

The model chains evaluate_facilities → evaluate_walking_access (on the provision result, so one layer
carries both) → export_map and export_atlas (one page per community). (The life circle and the report come with `assess`.) The plugin's provider
loads the file, so the model appears in the Processing toolbox next to the algorithms; open it in the
Graphical Modeler to adapt it.
"""

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL_PATH = os.path.join(ROOT, "models", "complete_community_workflow.model3")
MODEL_NAME = "complete_community_workflow"
MODEL_GROUP = "models"


def build_model():
    from qgis.core import (QgsProcessing, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterField,
                           QgsProcessingParameterFileDestination, QgsProcessingParameterVectorLayer)
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm(MODEL_NAME, MODEL_GROUP, MODEL_GROUP)
    model.setHelpContent({
        "ALG_DESC": "完整居住社区评估常用流程：配套设施评估 → 步行可达性评估 → 导出评估图和一社区一档。"
                    " The common workflow: provision, walking access (on the same layer), the map and the atlas.",
    })
    inputs = [
        (QgsProcessingParameterVectorLayer("communities", "居住社区 Communities", [QgsProcessing.TypeVectorPolygon]),
         None),
        (QgsProcessingParameterField("population_field", "常住人口字段 Population field",
                                     parentLayerParameterName="communities",
                                     type=QgsProcessingParameterField.Numeric), None),
        (QgsProcessingParameterField("name_field", "社区名称字段 Name field", parentLayerParameterName="communities",
                                     optional=True), None),
        (QgsProcessingParameterField("type_field", "社区类型字段（新建/既有） Type field",
                                     parentLayerParameterName="communities", optional=True), None),
        (QgsProcessingParameterVectorLayer("facilities", "设施 Facilities",
                                           [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]), None),
        (QgsProcessingParameterField("category_field", "设施类别字段 Category field",
                                     parentLayerParameterName="facilities"), None),
        (QgsProcessingParameterVectorLayer("roads", "路网 Road network", [QgsProcessing.TypeVectorLine],
                                           optional=True), None),
        (QgsProcessingParameterFileDestination("map", "评估图 Map (PDF/PNG)", "PDF (*.pdf);;PNG (*.png)"), None),
    ]
    for position, (definition, _unused) in enumerate(inputs):
        parameter = QgsProcessingModelParameter(definition.name())
        parameter.setPosition(QPointF(120, 60 + 70 * position))
        model.addModelParameter(definition, parameter)

    def from_input(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def from_child(child_id, output):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)]

    def child(algorithm, child_id, description, position, sources, outputs=()):
        step = QgsProcessingModelChildAlgorithm("complete_community:" + algorithm)
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(480, 80 + 150 * position))
        for name, source in sources.items():
            step.addParameterSources(name, source)
        model_outputs = {}
        for output_name, child_output, description_text in outputs:
            output = QgsProcessingModelOutput(output_name, description_text)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setMandatory(False)
            output.setDefaultValue("TEMPORARY_OUTPUT")  # qgis_process runs need not name every output
            model_outputs[output_name] = output
        step.setModelOutputs(model_outputs)
        model.addChildAlgorithm(step)

    community_fields = {"POPULATION_FIELD": from_input("population_field"),
                        "COMMUNITY_NAME_FIELD": from_input("name_field"), "TYPE_FIELD": from_input("type_field")}
    child("evaluate_facilities", "provision", "配套设施评估 Facility provision", 0, dict(
        community_fields, COMMUNITIES=from_input("communities"), FACILITIES=from_input("facilities"),
        CATEGORY_FIELD=from_input("category_field")))
    child("evaluate_walking_access", "walking", "步行可达性评估 Walking access", 1, dict(
        community_fields, COMMUNITIES=from_child("provision", "OUTPUT"), FACILITIES=from_input("facilities"),
        CATEGORY_FIELD=from_input("category_field"), NETWORK=from_input("roads")),
        outputs=[("assessed_communities", "OUTPUT", "评估后的社区 Assessed communities"),
                 ("walking_rules", "OUTPUT_RULES", "步行规则结果 Walking results per rule")])
    child("export_map", "map", "导出评估图 Map", 2, {
        "INPUT": from_child("walking", "OUTPUT"), "NAME_FIELD": from_input("name_field"),
        "OUTPUT": from_input("map")})
    child("export_atlas", "atlas", "一社区一档 Atlas", 3, {
        "INPUT": from_child("walking", "OUTPUT"), "RULES": from_child("provision", "OUTPUT_RULES"),
        "ROUTES": from_child("walking", "OUTPUT_ROUTES"), "ROADS": from_input("roads"),
        "FACILITIES": from_input("facilities"), "NAME_FIELD": from_input("name_field")},
        outputs=[("atlas", "OUTPUT", "一社区一档 Atlas (PDF)")])
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=MODEL_PATH)
    arguments = parser.parse_args()
    sys.path[:0] = ["/usr/share/qgis/python/plugins"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # QGIS's settings (and its style database) in a throwaway profile under build/, as the bench and the tests do,
    # never in the user's folders.
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", os.path.join(ROOT, "build", "qgis-settings"))
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    model = build_model()
    os.makedirs(os.path.dirname(arguments.output), exist_ok=True)
    if not model.toFile(arguments.output):
        sys.exit("could not write " + arguments.output)
    print("wrote", arguments.output)
    application.exitQgis()


if __name__ == "__main__":
    main()
