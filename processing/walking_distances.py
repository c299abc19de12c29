"""Walking distances from many points to the nearest facility of each category, for the algorithms that
need them (walking access, the life circle): the road-network parameters, building the network once,
snapping once, one search per category — or straight lines × a detour factor without a network."""

import numpy as np
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDefinition, QgsProcessingParameterDistance,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterNumber)

from ..core import network as walking_network
from ..core.polylines import Polylines
from ..core.walking import DEFAULT_DETOUR_FACTOR, straight_line_nearest
from ..i18n import tr
from . import shared_run
from .inputs.bulk_read import source_layer
from .inputs.network import NetworkOptions, read_walking_network

_CONTEXT = "WalkingDistances"
DEFAULT_MAX_SNAP_DISTANCE = 200.0


SPLIT_AT_CROSSINGS = "SPLIT_AT_CROSSINGS"
LEVEL_FIELD = "LEVEL_FIELD"
OSM_WALKABLE = "OSM_WALKABLE"
NETWORK_OPTION_PARAMETERS = (SPLIT_AT_CROSSINGS, LEVEL_FIELD, OSM_WALKABLE)


def add_network_option_parameters(algorithm, network_parameter):
    """How road lines become a network: connect crossings without a shared vertex (not across bridges and
    tunnels), the OSM walkable filter. Shared by every algorithm that reads a road network."""
    algorithm.addParameter(QgsProcessingParameterBoolean(
        SPLIT_AT_CROSSINGS, tr("Connect streets that cross without a shared vertex (not bridges or tunnels)",
                               _CONTEXT), defaultValue=False))
    level = QgsProcessingParameterField(
        LEVEL_FIELD, tr("Bridge/tunnel or layer field of the roads (not connected across levels)", _CONTEXT),
        parentLayerParameterName=network_parameter, optional=True)
    level.setFlags(level.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(level)
    osm = QgsProcessingParameterBoolean(
        OSM_WALKABLE, tr("OSM roads: keep only the ways people may walk on (highway, foot, access tags)", _CONTEXT),
        defaultValue=False)
    osm.setFlags(osm.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(osm)


def network_options(algorithm, parameters, context):
    return NetworkOptions(algorithm.parameterAsBool(parameters, SPLIT_AT_CROSSINGS, context),
                          algorithm.parameterAsString(parameters, LEVEL_FIELD, context) or "",
                          algorithm.parameterAsBool(parameters, OSM_WALKABLE, context))


class WalkingParameters:
    """Mixin for algorithms that walk: the network parameters and the WalkingDistances they describe."""

    NETWORK = "NETWORK"
    WALKABLE_FIELD = "WALKABLE_FIELD"
    SPEED_FIELD = "SPEED_FIELD"
    MAX_SNAP_DISTANCE = "MAX_SNAP_DISTANCE"
    DETOUR_FACTOR = "DETOUR_FACTOR"

    def add_network_parameters(self, snap_parent):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, tr("Road network (lines); empty: straight lines × detour factor", _CONTEXT),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WALKABLE_FIELD, tr("Walkable field (yes/no; no = left out, e.g. motorways)", _CONTEXT),
            parentLayerParameterName=self.NETWORK, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SPEED_FIELD, tr("Walking speed field of the roads (m/min)", _CONTEXT),
            parentLayerParameterName=self.NETWORK, type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_SNAP_DISTANCE, tr("Maximum distance from a point to the network (m)", _CONTEXT),
            defaultValue=DEFAULT_MAX_SNAP_DISTANCE, minValue=0.0, parentParameterName=snap_parent))
        self.addParameter(QgsProcessingParameterNumber(
            self.DETOUR_FACTOR, tr("Detour factor for straight lines (without a network)", _CONTEXT),
            QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_DETOUR_FACTOR, minValue=1.0))
        add_network_option_parameters(self, self.NETWORK)

    def walking_distances(self, parameters, context, feedback, working, speed, problems, located, target_x,
                          target_y, routed_targets=None):
        """WalkingDistances for these targets and facilities (LocatedFacility list), from the parameters."""
        source = self.parameterAsSource(parameters, self.NETWORK, context)
        snap_limit = self.parameterAsDouble(parameters, self.MAX_SNAP_DISTANCE, context)
        network = None
        if source is not None:
            name = self.input_layer_name(parameters, self.NETWORK, context)
            # Announced only when built: inside assess the later steps borrow the first step's network.
            with shared_run.announcing(lambda: feedback.setProgressText(tr("Building the walking network…",
                                                                           _CONTEXT))):
                network = read_walking_network(
                    source, name, working, self.parameterAsString(parameters, self.WALKABLE_FIELD, context),
                    self.parameterAsString(parameters, self.SPEED_FIELD, context), speed, context, feedback,
                    problems, network_options(self, parameters, context),
                    source_layer(self, parameters, self.NETWORK, context))
            if network.segment_count == 0:
                raise QgsProcessingException(tr("The road network {} has no walkable line.", _CONTEXT).format(name))
            feedback.pushInfo(tr("Walking network: {} segments, {} nodes, {} connected piece(s).", _CONTEXT).format(
                network.segment_count, network.node_count, network.components().count))
        detour = self.parameterAsDouble(parameters, self.DETOUR_FACTOR, context)
        if network is None:
            feedback.pushWarning(tr(
                "No road network: distances are straight lines × {:g} (walk_method). Give a network for real walking "
                "distances.", _CONTEXT).format(detour))
        return WalkingDistances(network, detour, snap_limit, located, target_x, target_y, routed_targets)


class WalkingDistances:
    """Nearest-facility distances of fixed target points, one category at a time.

    network      a WalkingNetwork, or None for straight lines × detour_factor
    located      the facilities (LocatedFacility: category, x, y) in the working CRS
    target_x/y   the points that walk (NaN for none), in the working CRS
    routed_targets  routes() are asked only for the first this many targets (None: for any): the rest of each
                 category's search is dropped once its distances are out
    """

    def __init__(self, network, detour_factor, snap_limit, located, target_x, target_y, routed_targets=None):
        self.network = network
        self.detour_factor = detour_factor
        self.snap_limit = snap_limit
        self.target_x, self.target_y = np.asarray(target_x, float), np.asarray(target_y, float)
        self.facility_x = np.array([facility.x for facility in located], dtype=float)
        self.facility_y = np.array([facility.y for facility in located], dtype=float)
        self.by_category = {}
        for index, facility in enumerate(located):
            self.by_category.setdefault(facility.category, []).append(index)
        self.routed_targets = routed_targets
        self.method = "network" if network is not None else "straight_line_x{:g}".format(detour_factor)
        self._found = {}  # category → (NearestResult or nearest index array, facility indices)
        if network is not None:
            self.targets = network.snap(self.target_x, self.target_y, snap_limit)
            self.sources = network.snap(self.facility_x, self.facility_y, snap_limit)

    def unsnapped(self):
        """(targets, facilities) farther than the snapping limit from the network; (0, 0) without one."""
        if self.network is None:
            return 0, 0
        targets = int(np.count_nonzero(~self.targets.is_snapped & np.isfinite(self.target_x)))
        return targets, int(np.count_nonzero(~self.sources.is_snapped))

    def compute(self, category, name):
        """(distance per target in m — inf where none —, reason text per target where none) for one
        category; `name` is the category's name for the reasons."""
        indices = np.array(self.by_category.get(category, []), dtype=np.int64)
        notes = np.full(len(self.target_x), None, dtype=object)
        if not len(indices):
            notes[:] = tr("no {} in the facility layers", _CONTEXT).format(name)
            return np.full(len(self.target_x), np.inf), notes
        if self.network is not None:
            result = self.network.nearest(self.sources.subset(indices), self.targets)
            distance = np.where(result.status == walking_network.REACHED, result.distance, np.inf)
            notes[result.status == walking_network.NOT_SNAPPED] = tr(
                "farther than {:g} m from the road network", _CONTEXT).format(self.snap_limit)
            notes[result.status == walking_network.UNREACHABLE] = tr(
                "no {} on the piece of road network it is on", _CONTEXT).format(name)
            if self.routed_targets is not None:
                result = result.for_targets(np.arange(min(self.routed_targets, len(self.target_x))))
            self._found[category] = (result, indices)
        else:
            distance, nearest = straight_line_nearest(self.facility_x[indices], self.facility_y[indices],
                                                      self.target_x, self.target_y, self.detour_factor)
            self._found[category] = (nearest, indices)
        return distance, notes

    def routes(self, category, targets):
        """The routes of many targets to their nearest facility of a computed category, with the straight legs
        to and from the network (the straight line itself without one) → (Polylines, the targets that have
        one)."""
        found, indices = self._found[category]
        targets = np.asarray(targets, dtype=np.int64)
        if self.network is not None:
            return found.routes(targets, include_offsets=True)
        nearest = found[targets]
        targets, facility = targets[nearest >= 0], indices[nearest[nearest >= 0]]
        x = np.column_stack((self.target_x[targets], self.facility_x[facility])).ravel()
        y = np.column_stack((self.target_y[targets], self.facility_y[facility])).ravel()
        return Polylines(x, y, np.arange(0, len(x) + 1, 2, dtype=np.int64)), targets

    def categories(self):
        return list(self._found)
