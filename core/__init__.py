"""Domain logic that needs no QGIS: facility classification now, the rules engine and walking network later."""
