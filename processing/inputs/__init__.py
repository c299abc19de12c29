"""Reading the planner's layers into the engine's plain records — the QGIS side of an evaluation, one module per
concern:

crs           the projected "working" CRS in true metres, and projecting geometries into it
problems      problems found while reading, reported once per layer and message with their features
fields        which layer field holds which attribute of the standard
communities   community polygons → CommunityRecords (ids, attributes, geometry checks, overlaps)
facilities    facility layers → FacilityRecords assigned to the communities they lie in
points        point layers read in bulk (one pass over the features, projected and located in numpy) and the
              CommunityLocator that puts many points in their communities at once
network       road lines → the WalkingNetwork (walkable/speed fields, OSM tags, crossings)
life_circles  the planner's life-circle polygons → LifeCircles holding their communities

Values are read through core/values (what counts as missing, what as a number). Problems in the data are
collected and reported once per layer and field with their counts, never per feature, and never by dropping a
community.
"""
