"""The what-if session (core/whatif.py) built from QGIS layers, with the same readers as the evaluations: the
communities, their facilities, the walking network and the residents read once; then proposals are placed by
map coordinates. Used by the scorecard dock's what-if panel and by `make bench`."""

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProject, QgsSpatialIndex, QgsWkbTypes)

from ..core.values import read_number
from ..core.whatif import WhatIfSession
from .inputs.communities import CommunityReader, representative_point
from .inputs.facilities import FacilityReader
from .inputs.fields import match_fields
from .inputs.network import read_walking_network
from .walking_distances import DEFAULT_MAX_SNAP_DISTANCE



@dataclass
class WhatIfInputs:
    """The layers and fields a what-if session reads (layers are QgsVectorLayer or any QgsFeatureSource)."""

    communities: object
    population_field: str
    facilities: object
    category_field: str
    network: object
    id_field: str = ""
    name_field: str = ""
    type_field: str = ""
    walkable_field: str = ""
    origins: Optional[object] = None
    origin_population_field: str = ""
    snap_limit: float = DEFAULT_MAX_SNAP_DISTANCE
    default_type: str = "existing"


class LayerWhatIf:
    """A WhatIfSession over layers: places proposals given in any CRS, knows which community each lies in."""

    def __init__(self, standard, inputs, context=None, feedback=None, language="zh"):
        context = context or _context()
        feedback = feedback or QgsProcessingFeedback()
        self.standard = standard
        self.inputs = inputs
        self.context = context
        layer_name = _name(inputs.communities)
        field_map = {"id": inputs.id_field, "name": inputs.name_field, "type": inputs.type_field}
        chosen = {"population": inputs.population_field} if inputs.population_field else {}
        field_map.update(match_fields(standard.community_attributes, inputs.communities.fields(), chosen))
        reader = CommunityReader(standard, inputs.communities, layer_name, field_map, inputs.default_type, context,
                                 feedback)
        communities = reader.read()
        self.reader = reader
        self.crs = reader.crs
        facilities = FacilityReader(standard, communities, reader.crs, 0.0, context, feedback, reader.problems)
        facilities.read(inputs.facilities, _name(inputs.facilities), inputs.category_field,
                        match_fields(standard.facility_attributes, inputs.facilities.fields(), {}))
        communities = facilities.communities_with_facilities()
        self.communities = communities
        self.network = read_walking_network(inputs.network, _name(inputs.network), reader.crs, inputs.walkable_field,
                                            None, standard.walking_speed_m_per_min, context, feedback,
                                            reader.problems)
        self._index = QgsSpatialIndex()
        for position, (_fid, geometry, _record) in enumerate(communities):
            if geometry is not None:
                self._index.addFeature(position, geometry.boundingBox())
        xs, ys, population, community = self._residents(inputs, context, reader, communities)
        residents = self.network.snap(xs, ys, inputs.snap_limit)
        by_category = {}
        for facility in facilities.located:
            by_category.setdefault(facility.category, []).append((facility.x, facility.y))
        existing = {category: self.network.snap([x for x, _ in points], [y for _, y in points], inputs.snap_limit)
                    for category, points in by_category.items()}
        self.session = WhatIfSession(standard, self.network, residents, population, community,
                                     [record for _fid, _geometry, record in communities], existing,
                                     uses_origins=inputs.origins is not None, language=language)

    def _residents(self, inputs, context, reader, communities):
        """(x, y, population, community position) of the residents: the origins, else the communities' points."""
        if inputs.origins is None:
            points = [representative_point(geometry) if geometry is not None else None
                      for _fid, geometry, _record in communities]
            xs = np.array([point.x() if point else np.nan for point in points])
            ys = np.array([point.y() if point else np.nan for point in points])
            people = np.array([record.attributes.get("population") or 0.0 for _f, _g, record in communities])
            return xs, ys, people, np.arange(len(communities))
        to_working = QgsCoordinateTransform(inputs.origins.sourceCrs(), reader.crs, context.transformContext())
        index = inputs.origins.fields().lookupField(inputs.origin_population_field)
        xs, ys, people, community = [], [], [], []
        for feature in inputs.origins.getFeatures():
            geometry = QgsGeometry(feature.geometry()) if feature.hasGeometry() else None
            if geometry is None or geometry.isEmpty() or geometry.transform(to_working) != 0:
                continue
            if geometry.type() != QgsWkbTypes.PointGeometry or geometry.isMultipart():
                geometry = geometry.pointOnSurface()
            point = geometry.asPoint()
            value, problem = read_number(feature.attribute(index)) if index >= 0 else (None, None)
            xs.append(point.x())
            ys.append(point.y())
            people.append(value if value is not None and not problem and value >= 0 else 0.0)
            community.append(self.community_at(point.x(), point.y()))
        return np.array(xs, float), np.array(ys, float), np.array(people, float), np.array(community, np.int64)

    def community_at(self, x, y):
        """Position of the community a working-CRS point lies in, -1 for none."""
        probe = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        for position in sorted(self._index.intersects(probe.boundingBox())):
            if self.communities[position][1].intersects(probe):
                return position
        return -1

    def to_working(self, point, crs):
        """A QgsPointXY in `crs` → (x, y) in the working CRS."""
        transform = QgsCoordinateTransform(crs, self.crs, self.context.transformContext())
        moved = transform.transform(QgsPointXY(point))
        return moved.x(), moved.y()

    def place(self, category, point, crs):
        """A proposal of `category` at `point` (QgsPointXY in `crs`) → core.whatif.Change."""
        x, y = self.to_working(point, crs)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError("the point cannot be placed in {}".format(self.crs.authid()))
        return self.session.place(category, x, y, self.community_at(x, y), self.inputs.snap_limit)

    def undo(self):
        return self.session.undo()

    def prepare(self, category):
        self.session.prepare(category)

    def record(self, position):
        return self.communities[position][2]


def _context():
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


def _name(layer):
    return layer.name() if hasattr(layer, "name") else str(layer)
