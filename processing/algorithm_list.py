"""The algorithms the provider offers, in the order they are registered.

Add every new algorithm class here; the provider instantiates each class in `loadAlgorithms()` and
the packaging test checks that all of them get registered.
"""

from .assess import AssessAlgorithm
from .classify_facilities import ClassifyFacilitiesAlgorithm
from .convert_china_coordinates import ConvertChinaCoordinatesAlgorithm
from .describe_standard import DescribeStandardAlgorithm
from .evaluate_facilities import EvaluateFacilitiesAlgorithm
from .evaluate_life_circle import EvaluateLifeCircleAlgorithm
from .evaluate_scale import EvaluateScaleAlgorithm
from .estimate_population import EstimatePopulationAlgorithm
from .export_atlas import ExportAtlasAlgorithm
from .export_map import ExportMapAlgorithm
from .import_pois import ImportPoisAlgorithm
from .evaluate_walking_access import EvaluateWalkingAccessAlgorithm
from .service_areas import ServiceAreasAlgorithm
from .suggest_sites import SuggestSitesAlgorithm
from .summarize_by_area import SummarizeByAreaAlgorithm

ALGORITHM_CLASSES = (
    AssessAlgorithm,
    ClassifyFacilitiesAlgorithm,
    DescribeStandardAlgorithm,
    EvaluateScaleAlgorithm,
    EvaluateFacilitiesAlgorithm,
    ExportMapAlgorithm,
    ExportAtlasAlgorithm,
    EvaluateWalkingAccessAlgorithm,
    ServiceAreasAlgorithm,
    EvaluateLifeCircleAlgorithm,
    SuggestSitesAlgorithm,
    ConvertChinaCoordinatesAlgorithm,
    ImportPoisAlgorithm,
    EstimatePopulationAlgorithm,
    SummarizeByAreaAlgorithm,
)
