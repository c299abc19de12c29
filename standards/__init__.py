"""The guide as data: load a built-in or local standard (YAML), validated, as immutable objects.

    from complete_community.standards import load_standard
    standard = load_standard()                      # 《完整居住社区建设指南》 (2021)
    standard = load_standard("xiamen_complete_community")
    standard = load_standard("/path/to/my_city.yaml")   # may `extends:` a built-in one
"""

import os

from ..i18n import tr
from .model import Standard  # noqa: F401  (re-exported for callers)
from .schema import build_standard, merge_documents, normalise_label  # noqa: F401
from .yaml_source import StandardError, StandardIssue, read_located_yaml

DEFAULT_STANDARD_ID = "complete_community_2021"
BUILTIN_DIRECTORY = os.path.dirname(os.path.abspath(__file__))
MAX_EXTENDS_DEPTH = 5


def builtin_standards():
    """Ids of the standards shipped with the plugin, the national guide first."""
    ids = sorted(name[:-5] for name in os.listdir(BUILTIN_DIRECTORY) if name.endswith(".yaml"))
    ids.sort(key=lambda standard_id: standard_id != DEFAULT_STANDARD_ID)
    return ids


def builtin_path(standard_id):
    return os.path.join(BUILTIN_DIRECTORY, standard_id + ".yaml")


def resolve_reference(reference, relative_to=None):
    """The YAML file behind a reference: empty (the national guide), a built-in id, or a path."""
    if reference is None or str(reference).strip() == "":
        return builtin_path(DEFAULT_STANDARD_ID)
    reference = str(reference).strip()
    if reference in builtin_standards():
        return builtin_path(reference)
    path = reference
    if relative_to and not os.path.isabs(path):
        path = os.path.join(os.path.dirname(relative_to), path)
    if os.path.isfile(path):
        return os.path.abspath(path)
    raise StandardError([StandardIssue(reference, 0, "", tr(
        "no such standard: give a YAML file path or one of the built-in standards: {}",
        "StandardLoader").format(", ".join(builtin_standards())))])


def load_standard(reference=None):
    """Load, merge (following `extends`) and validate a standard; raises StandardError on any problem."""
    path = resolve_reference(reference)
    document, files = _read_with_bases(path, chain=())
    return build_standard(document, files)


def _read_with_bases(path, chain):
    if path in chain:
        raise StandardError([StandardIssue(path, 0, "extends", tr(
            "the files extend each other in a circle: {}", "StandardLoader").format(" → ".join(chain + (path,))))])
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise StandardError([StandardIssue(path, 0, "extends", tr(
            "more than {} files extend each other", "StandardLoader").format(MAX_EXTENDS_DEPTH))])
    document = read_located_yaml(path)
    base_reference = document.get("extends")
    if base_reference is None:
        return document, (path,)
    try:
        base_path = resolve_reference(base_reference, relative_to=path)
    except StandardError as error:
        line = document.place_of("extends")[1]
        raise StandardError([StandardIssue(path, line, "extends", issue.message) for issue in error.issues])
    base, base_files = _read_with_bases(base_path, chain + (path,))
    merged, issues = merge_documents(base, document)
    if issues:
        raise StandardError(issues)
    return merged, base_files + (path,)
