"""Where a result layer goes when Processing loads it into the project: its place, group and visibility.

QGIS 3.22's Processing adds loaded outputs at the top of the layers panel in the order of their sources'
names, so a run's service areas or life circles could land above (and hide) the verdict polygons. Every
output the plugin styles on load is also placed here by its *role*:

- points above lines above polygons above tables; among polygons the verdict (communities) above life
  circles, facility areas and service areas, which the verdict must never disappear under;
- the layers of one run with several outputs go into one group named after the run; there only the primary
  layers (the verdict, the facilities) are visible and expanded, the secondary ones (service areas, routes,
  rules tables, …) are hidden with their legends collapsed, ready to be switched on;
- a single output stays where Processing put it, but below or above the plugin's other results according to
  its role, so a later service-area run does not cover an earlier verdict.

The role travels with the layer as a custom property, so later runs can place themselves around it.
"""

from qgis.core import QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject, QgsWkbTypes

from . import names

ROLE_PROPERTY = "complete_community/role"
RUN_PROPERTY = "complete_community/run"

COMMUNITIES = "communities"
FACILITIES = "facilities"
UNASSIGNED = "unassigned_facilities"
ORIGINS = "origins"
ROUTES = "routes"
LIFE_CIRCLES = "life_circles"
FACILITY_AREAS = "facility_areas"
SERVICE_AREAS = "service_areas"
RULES = "rules"
AREAS = "areas"  # figures by street or district

# Role → (rank: smaller is drawn on top, primary: shown when the run loads several layers).
ROLES = {
    FACILITIES: (10, True),
    UNASSIGNED: (12, False),
    ORIGINS: (14, False),
    ROUTES: (20, False),
    COMMUNITIES: (30, True),
    LIFE_CIRCLES: (40, False),
    FACILITY_AREAS: (45, False),
    SERVICE_AREAS: (50, False),
    AREAS: (60, False),
    RULES: (90, False),
}
# Role → the kind of table core/output_fields declares its fields under (aliases, value maps).
ROLE_TABLES = {
    COMMUNITIES: "communities", RULES: "community_rules", UNASSIGNED: "facilities_not_counted",
    ROUTES: "walking_routes", ORIGINS: "walking_origins", SERVICE_AREAS: "service_areas",
    LIFE_CIRCLES: "life_circles",
}  # facilities (classified, or suggested sites) are looked up in every table: their field names are unique
# Geometry decides first: a point layer is never hidden under a polygon layer, whatever its role.
_GEOMETRY_RANK = {QgsWkbTypes.PointGeometry: 0, QgsWkbTypes.LineGeometry: 100, QgsWkbTypes.PolygonGeometry: 200}
_TABLE_RANK = 300

# The saved style name of each kind of output (styles/__init__.style_output) → its role.
STYLE_ROLES = {
    names.STYLE_SUGGESTED_SITES: FACILITIES,
    names.STYLE_RULES: RULES, names.STYLE_UNASSIGNED: UNASSIGNED, names.STYLE_LIFE_CIRCLES: LIFE_CIRCLES,
    names.STYLE_WALKING_ORIGINS: ORIGINS, names.STYLE_WALKING_ROUTES: ROUTES,
    names.STYLE_SERVICE_AREAS: SERVICE_AREAS, names.STYLE_FACILITY_CATEGORIES: FACILITIES, names.STYLE_AREA_SUMMARY: AREAS,
}


def role_for_style(style_name):
    """The role of an output from the name its style is saved under; evaluated communities otherwise
    (their style is named after the status field that colours them: cc_cc_status, cc_scale_status, …)."""
    return STYLE_ROLES.get(style_name, COMMUNITIES)


def layer_role(layer):
    """A loaded layer's role; facilities that are polygons are facility areas."""
    role = layer.customProperty(ROLE_PROPERTY)
    if role == FACILITIES and _geometry(layer) == QgsWkbTypes.PolygonGeometry:
        return FACILITY_AREAS
    return role if role in ROLES else None


def layer_rank(layer):
    """Sort key of a result layer in the layers panel: smaller is higher (drawn on top)."""
    role = layer_role(layer)
    geometry = _geometry(layer)
    base = _GEOMETRY_RANK.get(geometry, _TABLE_RANK)
    return base + (ROLES[role][0] if role else 99)


def is_primary(role):
    return bool(role in ROLES and ROLES[role][1])


def _geometry(layer):
    try:
        return layer.geometryType()
    except AttributeError:  # not a vector layer
        return None


def _project_of(layer, project=None):
    if project is not None and project.layerTreeRoot().findLayer(layer.id()) is not None:
        return project
    return QgsProject.instance()


def find_or_create_group(parent, name, index=0):
    """The group `name` directly under `parent`, created at `index` when missing."""
    group = next((child for child in parent.children()
                  if isinstance(child, QgsLayerTreeGroup) and child.name() == name), None)
    if group is None:
        group = parent.insertGroup(max(0, min(index, len(parent.children()))), name)
    return group


def _rank_of_node(node):
    """A result layer's rank; a group's is that of its highest-ranked result layer (a run's group sorts by its
    verdict); None for anything else."""
    if isinstance(node, QgsLayerTreeLayer):
        return layer_rank(node.layer()) if node.layer() is not None and layer_role(node.layer()) else None
    if isinstance(node, QgsLayerTreeGroup):
        ranks = [layer_rank(child.layer()) for child in node.findLayers()
                 if child.layer() is not None and layer_role(child.layer())]
        return min(ranks) if ranks else None
    return None


def _target_index(parent, rank, moving):
    """Where a layer of `rank` goes among `parent`'s children: above the first result layer drawn under it,
    else right below the last result layer; None when the parent holds no other result layer."""
    last_result = None
    for index, child in enumerate(parent.children()):
        if child is moving:
            continue
        other = _rank_of_node(child)
        if other is None:
            continue
        if other > rank:
            return index
        last_result = index
    return None if last_result is None else last_result + 1


def place_loaded_layer(layer, role, run_name=None, project=None):
    """Put a layer Processing has just loaded where it belongs (see the module's docstring); returns its
    layer-tree node, or None if the layer is in no layer tree."""
    layer.setCustomProperty(ROLE_PROPERTY, role)
    if run_name:
        layer.setCustomProperty(RUN_PROPERTY, run_name)
    project = _project_of(layer, project)
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None:
        return None
    parent = node.parent() or root
    if run_name:
        # The run's group where its first layer landed (inside Processing's own results group, if any).
        group = find_or_create_group(parent, run_name, parent.children().index(node)) if not (
            isinstance(parent, QgsLayerTreeGroup) and parent.name() == run_name) else parent
        target = group
    else:
        target = parent
    rank = layer_rank(layer)
    index = _target_index(target, rank, node)
    if target is parent and index is None:
        node_to_style = node  # alone among other layers: stays where Processing put it
    else:
        if index is None:
            index = len(target.children())
        # The copy first: a layer whose last node leaves the tree is removed from the project.
        clone = node.clone()
        target.insertChildNode(index, clone)
        parent.removeChildNode(node)
        node_to_style = clone
    visible = is_primary(layer_role(layer)) or not run_name
    node_to_style.setItemVisibilityChecked(visible)
    node_to_style.setExpanded(visible)
    if run_name:
        target.setExpanded(True)
    return node_to_style
