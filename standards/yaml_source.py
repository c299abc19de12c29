"""Reading YAML while remembering where every key was written.

PyYAML forgets line numbers once it builds dicts, and silently keeps the last of two equal keys.
Planners edit these files by hand, so both matter: every mapping here keeps the line of each of
its keys, and a repeated key is an error.
"""

import yaml

from ..i18n import tr


class StandardIssue:
    """One problem found in a standard file, pointing at the file, line and key."""

    def __init__(self, path, line, key_path, message):
        self.path = path
        self.line = line
        self.key_path = key_path
        self.message = message

    def __str__(self):
        where = "{}:{}".format(self.path, self.line) if self.line else str(self.path)
        return "{}: {}: {}".format(where, self.key_path, self.message) if self.key_path else "{}: {}".format(
            where, self.message)


class StandardError(Exception):
    """A standard that cannot be used; `issues` lists every problem found, not just the first."""

    def __init__(self, issues):
        self.issues = list(issues)
        super().__init__(self.describe())

    def describe(self):
        head = tr("The standard cannot be used ({} problem(s)):", "StandardError").format(len(self.issues))
        return "\n".join([head] + ["  " + str(issue) for issue in self.issues])


class LocatedDict(dict):
    """A mapping that knows its file, its own line and the line of each key."""

    path = ""
    line = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_places = {}  # key -> (path, line); a merged mapping mixes files

    def place_of(self, key):
        return self.key_places.get(key, (self.path, self.line))


class LocatedList(list):
    path = ""
    line = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.item_places = []  # index -> (path, line)

    def place_of(self, index):
        return self.item_places[index] if index < len(self.item_places) else (self.path, self.line)


# PyYAML's C parser (libyaml, when PyYAML was built with it, as QGIS's is) reads a standard about three times
# faster. A file it rejects is read again by the pure-Python parser, whose words and lines the planner sees.
_FAST_BASE = getattr(yaml, "CSafeLoader", None)


def _loader_for(path, base=yaml.SafeLoader):
    class _LocatingLoader(base):
        pass

    def construct_mapping(loader, node):
        mapping = LocatedDict()
        mapping.path, mapping.line = path, node.start_mark.line + 1
        yield mapping
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in mapping:
                raise StandardError([StandardIssue(path, line, str(key), tr(
                    "this key is written twice (first on line {}); YAML would silently keep only the last",
                    "StandardError").format(mapping.key_places[key][1]))])
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_places[key] = (path, line)

    def construct_sequence(loader, node):
        sequence = LocatedList()
        sequence.path, sequence.line = path, node.start_mark.line + 1
        yield sequence
        for child in node.value:
            sequence.append(loader.construct_object(child, deep=True))
            sequence.item_places.append((path, child.start_mark.line + 1))

    _LocatingLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    _LocatingLoader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)
    return _LocatingLoader


# A standard has a few thousand values; aliases (&name … *name) may repeat a value, but a file whose aliases
# multiply it into millions (an "alias bomb") is refused before anything walks through it.
MAX_EXPANDED_NODES = 200000


def _expanded_size(root):
    """How many nodes the document would have with every alias expanded, counted without expanding."""
    sizes = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = 1
            continue
        children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) \
            else list(node.value)
        if children_done:
            sizes[id(node)] = min(1 + sum(sizes.get(id(child), MAX_EXPANDED_NODES + 1) for child in children),
                                 MAX_EXPANDED_NODES + 1)  # a node inside itself counts as endless
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def read_located_yaml(path):
    """Parse one YAML file into LocatedDict/LocatedList trees; syntax errors become StandardError."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as error:
        raise StandardError([StandardIssue(path, 0, "", tr("cannot read the file: {}", "StandardError").format(
            error.strerror or error))])
    except UnicodeDecodeError:
        raise StandardError([StandardIssue(path, 0, "", tr(
            "the file is not UTF-8 text; save it as UTF-8", "StandardError"))])
    if _FAST_BASE is not None:
        try:
            return _located_document(path, text, _FAST_BASE)
        except yaml.YAMLError:
            pass  # said below in the pure-Python parser's words
    try:
        return _located_document(path, text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise StandardError([StandardIssue(path, line, "", tr("YAML syntax error: {}", "StandardError").format(
            error.problem or error.context))])
    except yaml.YAMLError as error:
        raise StandardError([StandardIssue(path, 0, "", tr("YAML syntax error: {}", "StandardError").format(error))])


def _located_document(path, text, base):
    """The LocatedDict of a standard's text parsed by a loader built on `base`; YAML errors raised as they come."""
    loader = _loader_for(str(path), base)(text)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node) > MAX_EXPANDED_NODES:
            raise StandardError([StandardIssue(path, node.start_mark.line + 1, "", tr(
                "the file expands to more than {} values through its aliases (*name); a standard needs far "
                "fewer", "StandardError").format(MAX_EXPANDED_NODES))])
        document = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    if not isinstance(document, LocatedDict):
        raise StandardError([StandardIssue(path, 1, "", tr(
            "a standard file must be a mapping of keys (schema_version, id, name, items, rules, ...)",
            "StandardError"))])
    return document
