"""processing/shared_run: what assess reads once and lends, and the keys that say two runs read the same."""

from memory_layers import memory_layer
from qgis.core import QgsProcessingFeatureSourceDefinition

from complete_community.processing import shared_run


def test_layers_key_names_layers_by_id_and_refuses_what_cannot_be_compared():
    layer = memory_layer("Point?crs=EPSG:4547", "设施", [])
    key = shared_run.layers_key({"A": layer, "B": "/data/roads.gpkg|layername=roads", "C": ""}, ("A", "B", "C", "D"))
    assert key == (layer.id(), "/data/roads.gpkg|layername=roads", None, None)
    # A feature source definition (selected features only, a feature limit …) may read another subset of the
    # same layer: never lent.
    definition = QgsProcessingFeatureSourceDefinition(layer.id(), True)
    assert shared_run.layers_key({"A": definition}, ("A",)) is None


def test_a_value_is_lent_once_inside_a_shared_run_and_never_outside():
    shared_run.lend("kind", ("key",), "outside")
    assert shared_run.borrow("kind", ("key",)) is None
    with shared_run.shared_run():
        shared_run.lend("kind", ("key",), "inside")
        assert shared_run.borrow("kind", ("other",)) is None
        assert shared_run.borrow("kind", ("key",)) == "inside"
        assert shared_run.borrow("kind", ("key",)) is None  # let go of after one borrow
