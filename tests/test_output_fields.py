"""Output fields have one home: core/output_fields.py. Every other module of the plugin imports the names.

The scan reads every plugin module's syntax tree (no import, no QGIS) and fails on a string constant that is,
or builds, an output field name:
- a declared name with an underscore ('cc_status', 'rule_id', 'dist_m') anywhere;
- a declared one-word name ('status', 'reason', 'item') where a field is read or written: a subscript of
  a feature or attributes (feature["status"]), .get/.attribute/.lookupField/.indexFromName/.indexOf/.fieldNameIndex, QgsField(…),
  QgsCategorizedSymbolRenderer(…);
- a name of a declared family: a code of a built-in standard with the family's ending ('scale_status',
  'kindergarten_dist_m'), the ending itself ('_walk_min'), a template ('{}_access_status'), any such name
  passed to one of the field calls above, an f-string ending like one; or a verdict prefix ('cc_', 'walk_', 'lc_') with more after
  it that is not declared (a field someone forgot to declare);
Text inside tr()/QT_TRANSLATE_NOOP (help and messages name fields for the user) and docstrings is prose, not
a reference, and is skipped.
"""

import ast
import os
import re

import pytest

from complete_community.core import output_fields as F

PLUGIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# standards/ reads the standard's YAML, whose keys (item, level, clause, categories) are the standard's own
# vocabulary, declared in standards/schema.py; some columns of describe_standard repeat them by design.
SKIPPED_DIRECTORIES = {"tests", "scripts", "build", "dist", "out", "sample_data", "i18n", "__pycache__",
                       "standards"}
HOME = os.path.join("core", "output_fields.py")
STYLE_NAMES_HOME = os.path.join("styles", "names.py")  # the names styles are saved under: cc_rules, …
FIELD_CALLS = {"get", "attribute", "lookupField", "indexFromName", "indexOf", "fieldNameIndex", "QgsField",
               "QgsCategorizedSymbolRenderer", "setAttribute", "field", "rows"}
PROSE_CALLS = {"tr", "QT_TRANSLATE_NOOP", "translate", "pushInfo", "pushWarning", "reportError"}
# Strings that look like output fields but are something else; each says what it is.
ALLOWED = {
    # words the dialog recognises in the planner's own input fields (an id field often is 'community_id')
    (os.path.join("ui", "guess.py"), "community_id"),
    (os.path.join("ui", "guess.py"), "community_name"),
    (os.path.join("ui", "guess.py"), "community_type"),
    (os.path.join("ui", "guess.py"), "name_zh"),
    (os.path.join("ui", "guess.py"), "walk_speed"),
}
# Names of saved layer styles: the last of (destination, style function, 'cc_rules') in `styled_outputs`, or
# the last argument of style_output(); they are named like fields but are none.
STYLE_CALLS = {"style_output", "save_as_default_style", "saveStyleToDatabase"}


def declared():
    fixed = {field.pattern for field in F.all_fields() if not field.templated}
    suffixes = {field.suffix for field in F.all_fields() if field.suffix}
    return fixed, suffixes


def standard_codes():
    """Item and category codes of every built-in standard: 'scale' + '_status' is a field name."""
    from complete_community.standards import builtin_standards, load_standard

    codes = set()
    for identifier in builtin_standards():
        standard = load_standard(identifier)
        codes.update(item.code for item in standard.items)
        codes.update(category.code for category in standard.categories)
    return codes


def plugin_modules():
    for directory, subdirectories, files in os.walk(PLUGIN):
        subdirectories[:] = sorted(d for d in subdirectories
                                   if d not in SKIPPED_DIRECTORIES and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, PLUGIN)
                if relative not in (HOME, STYLE_NAMES_HOME):
                    yield relative, path


def _call_name(node):
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return None


def _reads_a_feature(node):
    """feature[...], f[...], attributes[...], self._feature[...]: a subscript that reads a field (a dict of
    one's own, rows[i]["rank"], is not)."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return bool(re.search(r"feature|attributes|^f$", name))


class LiteralScanner(ast.NodeVisitor):
    def __init__(self, relative, fixed, suffixes, codes=frozenset()):
        self.relative = relative
        self.codes = codes
        self.fixed = fixed
        self.suffixes = sorted(suffixes, key=len, reverse=True)
        self.prefixes = tuple(prefix + "_" for prefix in F.VERDICTS)
        self.generic = {name for name in fixed if "_" not in name}
        self.found = []
        self._prose = 0
        self._field_context = set()

    def _skip_docstring(self, node):
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            self._field_context.add(("doc", id(body[0].value)))

    def visit_Assign(self, node):  # noqa: N802 (ast API)
        if any(isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets):
            return  # names of functions and classes
        self.generic_visit(node)

    def visit_Module(self, node):  # noqa: N802 (ast API)
        self._skip_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):  # noqa: N802 (ast API)
        self._skip_docstring(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):  # noqa: N802 (ast API)
        self._skip_docstring(node)
        self.generic_visit(node)

    def visit_Call(self, node):  # noqa: N802 (ast API)
        name = _call_name(node)
        if name in PROSE_CALLS:
            self._prose += 1
            self.generic_visit(node)
            self._prose -= 1
            return
        if name in STYLE_CALLS and node.args and isinstance(node.args[-1], ast.Constant):
            self._field_context.add(("style", id(node.args[-1])))
        if name in FIELD_CALLS:
            for argument in node.args:
                if isinstance(argument, ast.Constant):
                    self._field_context.update({("field", id(argument)), ("call", id(argument))})
        self.generic_visit(node)

    def visit_Tuple(self, node):  # noqa: N802 (ast API)
        if len(node.elts) == 3 and isinstance(node.elts[2], ast.Constant):
            self._field_context.add(("style", id(node.elts[2])))  # (destination, apply_style, style name)
        self.generic_visit(node)

    def visit_Subscript(self, node):  # noqa: N802 (ast API)
        slice_node = node.slice.value if isinstance(node.slice, ast.Index) else node.slice
        if isinstance(slice_node, ast.Constant) and _reads_a_feature(node.value):
            self._field_context.add(("field", id(slice_node)))
        self.generic_visit(node)

    def visit_JoinedStr(self, node):  # noqa: N802 (ast API)
        tail = node.values[-1] if node.values else None
        if not self._prose and isinstance(tail, ast.Constant) and isinstance(tail.value, str):
            if any(tail.value.endswith(suffix) for suffix in self.suffixes):
                self.found.append((node.lineno, "f-string ending in " + tail.value))
        # Parts of an f-string are not constants of their own.

    def visit_Constant(self, node):  # noqa: N802 (ast API)
        if self._prose or not isinstance(node.value, str) or ("doc", id(node)) in self._field_context:
            return
        text = node.value
        if (self.relative, text) in ALLOWED or ("style", id(node)) in self._field_context:
            return
        problem = self.problem(text, ("field", id(node)) in self._field_context,
                               ("call", id(node)) in self._field_context)
        if problem:
            self.found.append((node.lineno, "{!r}: {}".format(text, problem)))

    def problem(self, text, read_as_field, passed_to_field_call=False):
        if text in self.fixed:
            if text not in self.generic:
                return "a declared output field"
            return "a declared output field, read or written as a field" if read_as_field else None
        if not re.match(r"^[{}a-z0-9_]+$", text):
            return None  # prose, SQL, expressions, paths
        for suffix in self.suffixes:
            if not text.endswith(suffix) or text == suffix.lstrip("_"):
                continue
            code = text[:-len(suffix)]
            if text == suffix or code == "{}" or passed_to_field_call or code in self.codes:
                return "a name of the declared family *{}".format(suffix)
        if text.startswith(self.prefixes) and text not in self.prefixes:
            return "a verdict-prefixed name that is not declared"
        return None


def scan(relative, path, codes):
    with open(path, encoding="utf-8") as stream:
        tree = ast.parse(stream.read(), path)
    fixed, suffixes = declared()
    scanner = LiteralScanner(relative, fixed, suffixes, codes)
    scanner.visit(tree)
    return ["{}:{}: {}".format(relative, line, text) for line, text in scanner.found]


def test_declarations_are_consistent():
    assert F.check_declarations() == []


def test_no_output_field_name_literal_outside_its_home():
    problems = []
    codes = standard_codes()
    for relative, path in plugin_modules():
        problems += scan(relative, path, codes)
    assert problems == [], "Import these names from core/output_fields.py:\n" + "\n".join(problems)


@pytest.mark.parametrize("source, expected", [
    ('x = feature["cc_status"]', 1),
    ('x = "{}_dist_m".format(code)', 1),
    ('x = code + "_access_status"', 1),
    ('x = f"{code}_walk_min"', 1),
    ('x = row.get("status")', 1),
    ('x = "scale_status"', 1),
    ('x = "cc_items_pass"', 1),  # a verdict field nobody declared
    ('x = {"status": 1}', 0),    # a dict key of one's own, not read from a layer
    ('x = row["status"]', 0),
    ('x = attributes["status"]', 1),
    ('x = tr("cc_status is the verdict")', 0),
    ('def f():\n    """Writes cc_status."""', 0),
    ('x = "required"', 0),
    ('x = "by_status"', 0),      # no item is called 'by'
    ('x = feature.attribute("by_status")', 1),
    ('x = numbers["by_status"]', 0),
    ('outputs.append((dest, apply, "cc_rules"))', 0),  # a style name
    ('additions.append(("cc_rules", kind))', 1),
])
def test_the_scan_catches_literals(source, expected):
    fixed, suffixes = declared()
    scanner = LiteralScanner("example.py", fixed, suffixes, {"scale"})
    scanner.visit(ast.parse(source))
    assert len(scanner.found) == expected, scanner.found


def test_names_and_families():
    assert F.DIST_M.name_for("kindergarten") == "kindergarten_dist_m"
    assert F.MEASURED.name_for("scale.population") == "scale_population"
    assert F.field_named("kindergarten_access_status") == (F.ACCESS_STATUS, "kindergarten")
    assert F.field_named("scale_status") == (F.ITEM_STATUS, "scale")
    assert F.field_named("kindergarten_dist_m") == (F.DIST_M, "kindergarten")
    assert F.field_named("scale_population", rule_ids=["scale.population"]) == (F.MEASURED, "scale.population")
    assert F.field_named("population") == (None, None)
    assert F.field_named("reason", "facilities_not_counted")[0] is F.UNASSIGNED_REASON
    assert F.field_named("reason", "community_rules")[0] is F.REASON
    with pytest.raises(TypeError):
        F.DIST_M.name  # noqa: B018 (a family has no single name)


def test_every_vocabulary_has_labels():
    for field in F.all_fields():
        if field.values:
            codes = [code for code, _label in F.value_map(field.values)]
            assert codes and all(codes), field.pattern


def test_aliases_name_the_code_from_the_standard():
    from complete_community.standards import load_standard

    standard = load_standard()
    category = standard.categories[0]
    alias = F.alias_for(F.DIST_M.name_for(category.code), standard, "en")
    assert category.name.get("en") in alias
    assert F.alias_for(F.CC_STATUS.name) == "Complete community verdict"
    assert F.alias_for("population") is None
