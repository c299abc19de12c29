"""The vocabularies of POI sources (Amap, Baidu, Tencent, OSM) and of POI names, read from YAML.

The files live in standards/sources/: one per source (type strings at every level, type codes, OSM
tags, the field names of its exports and its coordinate system) and names.yaml (name suffixes and
brands, shared by every source). Like the standards, they are validated with every problem reported
at once, located by file, line and key, and every category they name must exist in the standard the
POIs are classified for.
"""

import os
from dataclasses import dataclass, field
from typing import Dict, Tuple

from ..i18n import tr
from .model import Text
from .schema import _Checker, _join, normalise_label
from .yaml_source import LocatedDict, LocatedList, StandardError, StandardIssue, read_located_yaml

SOURCES_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sources")
NAMES_ID = "names"
GENERIC_SOURCE = "generic"
# The providers in the order automatic detection tries them.
SOURCE_ORDER = ("amap", "baidu", "tencent", "osm")
COORDINATE_SYSTEMS = ("wgs84", "cgcs2000", "gcj02", "bd09")

CATEGORY, GENERIC, OUT_OF_SCOPE = "category", "generic", "out_of_scope"
FIELD_ROLES = ("location", "x", "y", "name", "type", "typecode", "tags", "details")
SOURCE_KEYS = ("schema_version", "id", "name", "coordinates", "detect", "fields", "level_separator",
               "multi_separator", "typecodes", "types", "tags")
NAMES_KEYS = ("schema_version", "id", "name", "suffixes", "brands")
_CONTEXT = "StandardSchema"


@dataclass(frozen=True)
class Decision:
    """What one vocabulary entry says: categories, out of scope, or generic (the name decides; the
    `categories` of a generic entry are its default when the name does not tell)."""

    kind: str
    categories: Tuple[str, ...] = ()
    written: str = ""  # the entry as written, for cc_match details and messages


@dataclass(frozen=True)
class SourceVocabulary:
    id: str
    name: Text
    coordinates: str
    detect: Tuple[Tuple[str, ...], ...]
    fields: Dict[str, Tuple[str, ...]]
    level_separator: str
    multi_separator: str
    typecodes: Dict[str, Decision]
    types: Dict[str, Decision]  # normalised type string → decision
    tags: Dict[str, Decision]   # normalised key=value → decision (OSM)
    path: str = ""


@dataclass(frozen=True)
class NameVocabulary:
    suffixes: Dict[str, Decision]
    brands: Dict[str, Decision]
    longest_suffix: int = 0


@dataclass(frozen=True)
class Vocabularies:
    sources: Dict[str, SourceVocabulary]
    names: NameVocabulary
    files: Tuple[str, ...] = field(default_factory=tuple)

    def source(self, source_id):
        return self.sources[source_id]


def _decision(checker, parent, key, key_path, known_categories):
    """Read one entry's value: code, [codes], out_of_scope, generic or {generic: code}."""
    value = parent[key]
    where = parent.place_of(key)
    path = _join(key_path, key)
    written = str(key)
    if value == OUT_OF_SCOPE:
        return Decision(OUT_OF_SCOPE, (), written)
    if value == GENERIC:
        return Decision(GENERIC, (), written)
    if isinstance(value, LocatedDict):
        checker.known_keys(value, (GENERIC,), path)
        default = value.get(GENERIC)
        codes = _codes(checker, default, where, path, known_categories)
        return Decision(GENERIC, codes, written) if codes is not None else None
    codes = _codes(checker, value, where, path, known_categories)
    return Decision(CATEGORY, codes, written) if codes else None


def _codes(checker, value, where, key_path, known_categories):
    values = list(value) if isinstance(value, LocatedList) else [value]
    codes = []
    for entry in values:
        if isinstance(entry, bool) or not isinstance(entry, str) or not entry.strip():
            checker.error(where, key_path, tr(
                "must be a category code, a list of codes, 'out_of_scope', 'generic' or {{generic: code}}, not '{}'",
                _CONTEXT).format(entry))
            return None
        if entry not in known_categories:
            checker.error(where, key_path, tr("unknown category code '{}'; the standard's codes are: {}",
                                              _CONTEXT).format(entry, ", ".join(sorted(known_categories))))
            return None
        codes.append(entry)
    return tuple(codes)


def _entries(checker, document, key, known_categories, normalise):
    table = checker.mapping(document, key, "", required=False)
    if table is None:
        return {}
    result = {}
    for entry in table:
        decision = _decision(checker, table, entry, key, known_categories)
        if decision is None:
            continue
        normalised = normalise(entry)
        if normalised in result:
            checker.error(table.place_of(entry), _join(key, entry), tr(
                "written twice (as '{}' and '{}'); matching ignores case, spaces and full-width forms",
                _CONTEXT).format(result[normalised].written, entry))
            continue
        result[normalised] = decision
    return result


def _read_source(path, known_categories):
    document = read_located_yaml(path)
    checker = _Checker()
    checker.known_keys(document, SOURCE_KEYS, "")
    source_id = checker.string(document, "id", "") or os.path.basename(path)[:-5]
    name = checker.text(document, "name", "")
    coordinates = checker.string(document, "coordinates", "")
    if coordinates is not None and coordinates not in COORDINATE_SYSTEMS:
        checker.error(document.place_of("coordinates"), "coordinates", tr("one of: {}", _CONTEXT).format(
            ", ".join(COORDINATE_SYSTEMS)))
    detect = []
    detect_list = document.get("detect")
    if not isinstance(detect_list, LocatedList) or not detect_list:
        checker.error(document.place_of("detect"), "detect", tr(
            "must be a list of field-name lists, e.g. [[location, typecode]]", _CONTEXT))
    else:
        for index, entry in enumerate(detect_list):
            if not isinstance(entry, LocatedList) or not entry or not all(isinstance(f, str) for f in entry):
                checker.error(detect_list.place_of(index), "detect[{}]".format(index), tr(
                    "must be a list of field names", _CONTEXT))
            else:
                detect.append(tuple(entry))
    fields = {}
    field_table = checker.mapping(document, "fields", "")
    if field_table is not None:
        checker.known_keys(field_table, FIELD_ROLES, "fields")
        for role in FIELD_ROLES:
            if role in field_table:
                fields[role] = tuple(checker.string_list(field_table, role, "fields"))
    level_separator = checker.string(document, "level_separator", "", required=False) or ";"
    multi_separator = checker.string(document, "multi_separator", "", required=False) or "|"
    typecodes = _entries(checker, document, "typecodes", known_categories, lambda code: str(code).strip())
    types = _entries(checker, document, "types", known_categories, normalise_label)
    tags = _entries(checker, document, "tags", known_categories, normalise_label)
    if checker.issues:
        raise StandardError(checker.issues)
    return SourceVocabulary(source_id, name, coordinates, tuple(detect), fields, level_separator, multi_separator,
                            typecodes, types, tags, path)


def _read_names(path, known_categories):
    document = read_located_yaml(path)
    checker = _Checker()
    checker.known_keys(document, NAMES_KEYS, "")
    suffixes = _entries(checker, document, "suffixes", known_categories, normalise_label)
    brands = _entries(checker, document, "brands", known_categories, normalise_label)
    if checker.issues:
        raise StandardError(checker.issues)
    return NameVocabulary(suffixes, brands, max((len(key) for key in suffixes), default=0))


def load_vocabularies(standard, directory=SOURCES_DIRECTORY):
    """Every source vocabulary of `directory` and its names.yaml, checked against `standard`'s categories.

    Raises StandardError listing every problem of every file.
    """
    known = {category.code for category in standard.categories}
    issues, sources, files, names = [], {}, [], None
    for file_name in sorted(os.listdir(directory)):
        if not file_name.endswith((".yaml", ".yml")):
            continue
        path = os.path.join(directory, file_name)
        files.append(path)
        try:
            if os.path.splitext(file_name)[0] == NAMES_ID:
                names = _read_names(path, known)
            else:
                vocabulary = _read_source(path, known)
                sources[vocabulary.id] = vocabulary
        except StandardError as error:
            issues.extend(error.issues)
    if names is None and not issues:
        issues.append(StandardIssue(directory, 0, "", tr("no {}.yaml (the name keywords) in this folder",
                                                         _CONTEXT).format(NAMES_ID)))
    if issues:
        raise StandardError(issues)
    ordered = {source_id: sources[source_id] for source_id in SOURCE_ORDER if source_id in sources}
    ordered.update({source_id: vocabulary for source_id, vocabulary in sources.items() if source_id not in ordered})
    return Vocabularies(ordered, names, tuple(files))
