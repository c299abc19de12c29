"""Running an algorithm with a Processing context of its own, destroyed right after the run."""

import gc
import traceback


def run_in_own_context(algorithm_id, parameters, feedback=None):
    """processing.run with a QgsProcessingContext of its own, destroyed right after: a context holding GeoPackage
    layers must not outlive the test (QGIS 3.22 can crash destroying it late). Returns (results, None), or (None,
    the error message) when the run failed; the failed run's frames are cleared, because they hold its layers open
    (QGIS keeps a GeoPackage in WAL mode while open, which changes its header) and an input is compared as the
    run left it."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        return processing.run(algorithm_id, parameters, context=context,
                              feedback=feedback or QgsProcessingFeedback()), None
    except QgsProcessingException as error:
        message = str(error)
        traceback.clear_frames(error.__traceback__)
        del error
        return None, message
    finally:
        del context
        gc.collect()
