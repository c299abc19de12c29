#!/usr/bin/env python3
"""Collect the plugin's translatable strings into i18n/complete_community_zh_CN.ts and build the .qm.

    scripts/update_translations.py            # update the .ts from the sources, then build the .qm
    scripts/update_translations.py --check    # exit 1 listing strings without a finished translation
    scripts/update_translations.py --release  # only build the .qm files from the .ts files (lrelease)
    scripts/update_translations.py --todo > todo.tsv       # unfinished strings: context, source, ""
    scripts/update_translations.py --import todo.tsv       # fill translations in from such a file

Strings are found in the Python syntax tree (no QGIS needed), in these calls:
    tr("text")                       context "CompleteCommunity"
    tr("text", "Context") / tr("text", context="Context")   (a literal or a module-level constant)
    self.tr("text")                  context = the enclosing class's name
    QCoreApplication.translate("Context", "text")
    QT_TRANSLATE_NOOP("Context", "text")   marks a text translated later with tr(text, "Context")
and in the report's jinja2 templates (report/templates/*.html): {{ tr("text") }}, context "Report".
Existing translations are kept; new strings are added as type="unfinished", strings no longer in the
sources become type="obsolete" (kept, in case they come back). The output is sorted, so it only
changes when the strings do.
"""

import argparse
import ast
import csv
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from xml.sax.saxutils import escape

PLUGIN_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N_DIRECTORY = os.path.join(PLUGIN_DIRECTORY, "i18n")
LANGUAGES = ("zh_CN",)
TS_PATTERN = "complete_community_{}.ts"
DEFAULT_CONTEXT = "CompleteCommunity"
EXCLUDED_DIRECTORIES = {"tests", "scripts", "build", "dist", "out", "sample_data", ".venv", ".git", ".ci",
                        "__pycache__", "node_modules"}
# The report's templates: tr() there translates in this context (report/html_report.py passes the same).
TEMPLATE_DIRECTORY = os.path.join("report", "templates")
TEMPLATE_CONTEXT = "Report"
TEMPLATE_CALL = re.compile(r"""\btr\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+")


class Message:
    def __init__(self, context, source, translation="", kind=None, files=()):
        self.context = context
        self.source = source
        self.translation = translation
        self.kind = kind  # None (finished), "unfinished", "obsolete" or "vanished"
        self.files = set(files)

    @property
    def key(self):
        return self.context, self.source

    @property
    def finished(self):
        return self.kind is None and self.translation != ""


# ---------------------------------------------------------------------------------------- extraction

def source_files(root=PLUGIN_DIRECTORY):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories
                                   if d not in EXCLUDED_DIRECTORIES and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


class _Collector(ast.NodeVisitor):
    def __init__(self, path, constants):
        self.path = path
        self.constants = constants
        self.classes = []
        self.found = []     # (context, source, line)
        self.problems = []  # "file:line: text"

    def visit_ClassDef(self, node):  # noqa: N802 (ast API)
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node):  # noqa: N802 (ast API)
        function = node.func
        if isinstance(function, ast.Name) and function.id == "tr":
            self._add(node, node.args[:1], node.args[1:2] or _keyword(node, "context"), DEFAULT_CONTEXT)
        elif isinstance(function, ast.Attribute) and function.attr == "tr" and _is_name(function.value, "self"):
            if not self.classes:
                self.problems.append("{}:{}: self.tr() outside a class".format(self.path, node.lineno))
            else:
                self._add(node, node.args[:1], [], self.classes[-1])
        elif (isinstance(function, ast.Attribute) and function.attr == "translate"
              and _is_name(function.value, "QCoreApplication")):
            self._add(node, node.args[1:2], node.args[:1], None)
        elif isinstance(function, ast.Name) and function.id == "QT_TRANSLATE_NOOP":
            self._add(node, node.args[1:2], node.args[:1], None)
        self.generic_visit(node)

    def _add(self, node, text_nodes, context_nodes, default_context):
        text = self._literal(text_nodes[0]) if text_nodes else None
        if text is None:
            return  # a dynamic string (e.g. a name read from a standard): translated by its caller
        context = self._literal(context_nodes[0]) if context_nodes else default_context
        if context is None:
            self.problems.append("{}:{}: the context of {!r} is not a literal or a module constant".format(
                self.path, node.lineno, text))
            return
        self.found.append((context, text, node.lineno))

    def _literal(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None


def _keyword(node, name):
    return [keyword.value for keyword in node.keywords if keyword.arg == name]


def _is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def _module_constants(tree):
    """Module-level `NAME = "text"` assignments, so `tr("x", _CONTEXT)` resolves its context."""
    constants = {}
    for statement in tree.body:
        if (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = statement.value.value
    return constants


def extract(root=PLUGIN_DIRECTORY):
    """All translatable strings of the plugin: ({(context, source): {relative files}}, [problems])."""
    strings, problems = {}, []
    for path in source_files(root):
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        with open(path, encoding="utf-8") as handle:
            try:
                tree = ast.parse(handle.read(), filename=relative)
            except SyntaxError as error:
                problems.append("{}:{}: cannot parse: {}".format(relative, error.lineno, error.msg))
                continue
        collector = _Collector(relative, _module_constants(tree))
        collector.visit(tree)
        problems.extend(collector.problems)
        for context, text, _line in collector.found:
            strings.setdefault((context, text), set()).add(relative)
    for relative, text in template_strings(root):
        strings.setdefault((TEMPLATE_CONTEXT, text), set()).add(relative)
    return strings, problems


def template_strings(root=PLUGIN_DIRECTORY):
    """(relative path, text) of every tr("text") in the report's templates."""
    directory = os.path.join(root, TEMPLATE_DIRECTORY)
    if not os.path.isdir(directory):
        return
    for name in sorted(os.listdir(directory)):
        if name.endswith(".html"):
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                content = handle.read()
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            for match in TEMPLATE_CALL.finditer(content):
                double, single = match.groups()
                text = double if double is not None else single
                yield relative, text.replace('\\"', '"').replace("\\'", "'")


# ------------------------------------------------------------------------------------------ TS files

def ts_path(language):
    return os.path.join(I18N_DIRECTORY, TS_PATTERN.format(language))


def read_ts(path):
    """{(context, source): Message} of an existing .ts file (empty if there is none)."""
    messages = {}
    if not os.path.exists(path):
        return messages
    for context_element in ElementTree.parse(path).getroot().iter("context"):
        context = context_element.findtext("name", "")
        for message_element in context_element.iter("message"):
            translation_element = message_element.find("translation")
            translation = ""
            kind = "unfinished"
            if translation_element is not None:
                translation = translation_element.text or ""
                kind = translation_element.get("type")
            message = Message(context, message_element.findtext("source", ""), translation, kind)
            messages[message.key] = message
    return messages


def merge(existing, strings):
    """The messages of the new .ts: existing translations kept, new strings unfinished, gone ones obsolete."""
    translations_by_source = {}
    for message in existing.values():
        if message.translation:
            translations_by_source.setdefault(message.source, message.translation)
    merged = {}
    for key, files in strings.items():
        old = existing.get(key)
        if old is not None and old.translation:
            kind = None if old.kind in (None, "obsolete", "vanished") else old.kind
            merged[key] = Message(key[0], key[1], old.translation, kind, files)
        else:
            # A string moved to another class keeps its translation as a suggestion to confirm.
            merged[key] = Message(key[0], key[1], translations_by_source.get(key[1], ""), "unfinished", files)
    for key, old in existing.items():
        if key not in strings and old.translation:
            merged[key] = Message(key[0], key[1], old.translation, "obsolete")
    return merged


def write_ts(path, language, messages):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="{}" sourcelanguage="en">'.format(language)]
    by_context = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    for context in sorted(by_context):
        lines += ["<context>", "    <name>{}</name>".format(escape(context))]
        for message in sorted(by_context[context], key=lambda m: m.source):
            lines.append("    <message>")
            for filename in sorted(message.files):
                lines.append('        <location filename="../{}"/>'.format(escape(filename, {'"': "&quot;"})))
            lines.append("        <source>{}</source>".format(escape(message.source)))
            kind = ' type="{}"'.format(message.kind) if message.kind else ""
            lines.append("        <translation{}>{}</translation>".format(kind, escape(message.translation)))
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


def placeholder_problem(message):
    """Text if the translation's {} / {name} / %1 placeholders differ from the source's, else None."""
    source, translation = sorted(PLACEHOLDER.findall(message.source)), sorted(PLACEHOLDER.findall(message.translation))
    if source != translation:
        return "placeholders {} in the source but {} in the translation".format(source, translation)
    return None


def check(strings, language):
    """Problems that would show a planner untranslated or broken text; empty when all is well."""
    messages = read_ts(ts_path(language))
    problems = []
    for key in sorted(strings):
        message = messages.get(key)
        where = ", ".join(sorted(strings[key]))
        if message is None:
            problems.append("missing     [{}] {!r} ({})".format(key[0], key[1], where))
        elif not message.finished:
            problems.append("unfinished  [{}] {!r} ({})".format(key[0], key[1], where))
        elif placeholder_problem(message):
            problems.append("mismatch    [{}] {!r}: {} ({})".format(key[0], key[1], placeholder_problem(message), where))
    return problems


# ---------------------------------------------------------------------------------------------- qm

def lrelease_command():
    for candidate in (shutil.which("lrelease"), "/usr/lib/qt5/bin/lrelease", shutil.which("lrelease-qt5")):
        if candidate and os.path.exists(candidate):
            return candidate
    raise SystemExit("lrelease not found: install qttools5-dev-tools (Debian) or Qt Linguist tools")


def release(languages=LANGUAGES):
    """Build i18n/complete_community_<language>.qm from each .ts; returns the .qm paths."""
    command = lrelease_command()
    outputs = []
    for language in languages:
        source = ts_path(language)
        target = source[:-3] + ".qm"
        subprocess.run([command, "-silent", source, "-qm", target], check=True)
        outputs.append(target)
    return outputs


# ------------------------------------------------------------------------------------- TSV exchange

def write_todo(language, stream):
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
    for message in sorted(read_ts(ts_path(language)).values(), key=lambda m: m.key):
        if message.kind == "unfinished" or not message.translation:
            writer.writerow([message.context, message.source, message.translation])


def import_tsv(language, tsv_path):
    """Set translations from `context<TAB>source<TAB>translation` lines; returns how many were set."""
    path = ts_path(language)
    messages = read_ts(path)
    count = 0
    with open(tsv_path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 3 or not row[2]:
                continue
            message = messages.get((row[0], row[1]))
            if message is None:
                print("not in {}: [{}] {!r}".format(os.path.basename(path), row[0], row[1]), file=sys.stderr)
                continue
            message.translation, message.kind = row[2], (None if message.kind != "obsolete" else "obsolete")
            count += 1
    strings, _problems = extract()
    write_ts(path, language, merge(messages, strings))
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="only check: exit 1 if a string lacks a translation")
    mode.add_argument("--release", action="store_true", help="only build the .qm files (lrelease)")
    mode.add_argument("--todo", action="store_true", help="print unfinished strings as TSV")
    mode.add_argument("--import", dest="import_tsv", metavar="TSV", help="set translations from a TSV file")
    arguments = parser.parse_args(argv)

    if arguments.release:
        for path in release():
            print("built", os.path.relpath(path, PLUGIN_DIRECTORY))
        return 0
    if arguments.todo:
        for language in LANGUAGES:
            write_todo(language, sys.stdout)
        return 0
    if arguments.import_tsv:
        for language in LANGUAGES:
            print("set {} translations".format(import_tsv(language, arguments.import_tsv)))
        for path in release():
            print("built", os.path.relpath(path, PLUGIN_DIRECTORY))
        return 0

    strings, problems = extract()
    for problem in problems:
        print("error:", problem, file=sys.stderr)
    if arguments.check:
        for language in LANGUAGES:
            language_problems = check(strings, language)
            if language_problems:
                problems.append("{} string(s) without a finished {} translation".format(len(language_problems), language))
                print("{}: {} string(s) without a finished translation (run `make translations`, translate "
                      "them in {}, remove type=\"unfinished\"):".format(language, len(language_problems),
                                                                      os.path.relpath(ts_path(language), PLUGIN_DIRECTORY)),
                      file=sys.stderr)
                for problem in language_problems:
                    print("  " + problem, file=sys.stderr)
        if not problems:
            print("{} strings, all translated into {}".format(len(strings), ", ".join(LANGUAGES)))
        return 1 if problems else 0

    os.makedirs(I18N_DIRECTORY, exist_ok=True)
    for language in LANGUAGES:
        path = ts_path(language)
        messages = merge(read_ts(path), strings)
        write_ts(path, language, messages)
        unfinished = sum(1 for message in messages.values() if message.kind == "unfinished")
        obsolete = sum(1 for message in messages.values() if message.kind == "obsolete")
        print("{}: {} strings, {} unfinished, {} obsolete".format(
            os.path.relpath(path, PLUGIN_DIRECTORY), len(strings), unfinished, obsolete))
    for path in release():
        print("built", os.path.relpath(path, PLUGIN_DIRECTORY))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
