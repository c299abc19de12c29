"""The planner's own 15-minute life circles (LIFE_CIRCLES polygons) → LifeCircles holding their communities."""

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPoint

from ...core import output_fields as F
from ...core.network import SearchCancelled
from ...core.values import is_missing, read_number
from ...i18n import tr
from .communities import community_radius, representative_point
from .crs import finite_geometry, projected

_CONTEXT = "EvaluationInputs"  # one translation context for every reader


@dataclass
class LifeCircle:
    """One life circle, drawn by the planner or formed from communities (processing/evaluate_life_circle)."""

    id: str
    name: str
    formed: str            # F.LC_FORMED_GIVEN or F.LC_FORMED_GROUPED
    stopped: object        # why a formed circle stopped growing (core/life_circle.STOPS), None for a drawn one
    members: list          # positions of its communities in reading order
    population: object     # residents, None when unknown
    radius: object         # m, None without a shape
    shape: QgsGeometry     # in the working CRS (empty without one)


def read_life_circles(source, layer, name_field, population_field, communities, reader, context, feedback):
    """[LifeCircle] of the polygons of `source` (`layer`: its name for messages), in the working CRS of `reader`.
    A community belongs to the first circle its point inside lies in; a circle's population is its field's value,
    else the sum of its communities' (unknown when one of theirs is). A circle without a usable shape is kept,
    without members, and reported."""
    to_working = QgsCoordinateTransform(source.sourceCrs(), reader.crs, context.transformContext())
    points = [representative_point(geometry) if geometry is not None else None
              for _fid, geometry, _record in communities]
    xs = np.array([point.x() if point is not None else np.nan for point in points])
    ys = np.array([point.y() if point is not None else np.nan for point in points])
    unclaimed = np.isfinite(xs) & np.isfinite(ys)
    circles, claimed = [], 0
    for feature in source.getFeatures():
        if feedback.isCanceled():
            raise SearchCancelled()
        shape = _shape(feature, to_working, layer, reader)
        members = []
        if not shape.isEmpty():
            box = shape.boundingBox()
            candidates = np.flatnonzero(unclaimed & (xs >= box.xMinimum()) & (xs <= box.xMaximum())
                                        & (ys >= box.yMinimum()) & (ys <= box.yMaximum()))
            if len(candidates):
                engine = QgsGeometry.createGeometryEngine(shape.constGet())
                engine.prepareGeometry()
                members = [int(position) for position in candidates
                           if engine.contains(QgsPoint(float(xs[position]), float(ys[position])))]
                unclaimed[members] = False
                claimed += len(members)
        population = None
        if population_field:
            population, problem = read_number(feature.attribute(population_field))
            if problem:
                reader.problems.add(tr("layer {}, field '{}': populations that are not numbers; the sum of the "
                                       "circle's communities is used", _CONTEXT).format(layer, population_field),
                                    feature.id())
        if population is None:
            populations = [communities[position][2].attributes.get("population") for position in members]
            population = None if not members or any(p is None for p in populations) else float(sum(populations))
        name = feature.attribute(name_field) if name_field else None
        name = str(feature.id()) if is_missing(name) else str(name).strip()  # no name: known by its id, not "NULL"
        circles.append(LifeCircle(str(feature.id()), name, F.LC_FORMED_GIVEN, None, members, population,
                                  community_radius(shape) if not shape.isEmpty() else None, shape))
    outside = len(communities) - claimed
    if outside:
        feedback.pushWarning(tr("{} communities lie in no life circle of {}.", _CONTEXT).format(outside, layer))
    return circles


def _shape(feature, to_working, layer, reader):
    """The feature's polygon in the working CRS (repaired when invalid), or an empty geometry, reported."""
    if not feature.hasGeometry() or feature.geometry().isEmpty():
        reader.problems.add(tr("layer {}: life circle without geometry, evaluated without members", _CONTEXT)
                            .format(layer), feature.id())
        return QgsGeometry()
    shape = QgsGeometry(feature.geometry())
    if finite_geometry(shape) and not shape.isGeosValid():
        shape = shape.makeValid()
    shape = projected(shape, to_working)
    if shape is None:
        reader.problems.add(tr("layer {}: life circle whose coordinates are not finite or cannot be projected, "
                               "evaluated without members", _CONTEXT).format(layer), feature.id())
        return QgsGeometry()
    return shape
