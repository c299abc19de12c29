"""Printed results: the assessment map as a print layout built in code (map_layout.py).

Kept apart from processing/ so the layout can be built and inspected without running an algorithm
(tests, a future report dialog); processing/export_map.py is the thin algorithm around it.
"""
