#!/usr/bin/env python3
"""Build dist/complete_community-<version>.zip, the file to install with QGIS's "Install from ZIP".

    scripts/package.py [--output-dir DIR] [--no-qm]

The ZIP holds one folder, complete_community/, with the runtime files only (metadata, Python
modules, standards, compiled translations, icons, styles, UI, LICENSE, README). The .qm files are
built first from i18n/*.ts with lrelease.
"""

import argparse
import configparser
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from update_translations import release  # noqa: E402 (scripts/ is not a package)

PLUGIN_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_NAME = "complete_community"
TOP_LEVEL_FILES = ("metadata.txt", "LICENSE", "README.md")
# Runtime folders and, per folder, the file endings shipped from it.
RUNTIME_DIRECTORIES = {
    "core": (".py",),
    "help": (".html", ".css", ".png"),
    "processing": (".py",),
    "report": (".py", ".html", ".css"),
    "models": (".model3",),
    "standards": (".py", ".yaml"),
    "i18n": (".py", ".qm"),
    "styles": (".py", ".qml", ".xml", ".svg"),
    "ui": (".py", ".ui", ".svg", ".png", ".qml"),
}
EXCLUDED_PARTS = {"__pycache__", "tests", "testdata"}


def plugin_version(root=PLUGIN_DIRECTORY):
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(root, "metadata.txt"), encoding="utf-8")
    return metadata["general"]["version"]


def runtime_files(root=PLUGIN_DIRECTORY):
    """Paths (relative, '/'-separated, sorted) of every file that goes into the plugin ZIP."""
    files = [name for name in TOP_LEVEL_FILES if os.path.isfile(os.path.join(root, name))]
    files += sorted(name for name in os.listdir(root) if name.endswith(".py") and os.path.isfile(os.path.join(root, name)))
    for directory, endings in sorted(RUNTIME_DIRECTORIES.items()):
        for current, subdirectories, names in os.walk(os.path.join(root, directory)):
            subdirectories[:] = sorted(d for d in subdirectories if d not in EXCLUDED_PARTS and not d.startswith("."))
            for name in sorted(names):
                if name.endswith(endings):
                    files.append(os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/"))
    return sorted(files)


# metadata.txt fields the publisher fills in before uploading to plugins.qgis.org, and the placeholders
# that mark them as not filled in yet (README, "Publishing on plugins.qgis.org").
PUBLISHER_FIELDS = ("email", "repository", "tracker", "homepage")
PLACEHOLDERS = ("example.org", "github.com/complete-community/")


def publisher_placeholders(root=PLUGIN_DIRECTORY):
    """The publisher fields of metadata.txt that still hold a placeholder: [field]."""
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(root, "metadata.txt"), encoding="utf-8")
    general = metadata["general"]
    return [field for field in PUBLISHER_FIELDS
            if not general.get(field) or any(mark in general.get(field) for mark in PLACEHOLDERS)]


def build(output_directory, root=PLUGIN_DIRECTORY, build_qm=True):
    """Write the ZIP into output_directory and return its path."""
    if build_qm:
        release()
    missing = [name for name in ("metadata.txt", "__init__.py") if not os.path.isfile(os.path.join(root, name))]
    if missing:
        raise SystemExit("not a plugin folder, missing: " + ", ".join(missing))
    os.makedirs(output_directory, exist_ok=True)
    path = os.path.join(output_directory, "{}-{}.zip".format(PACKAGE_NAME, plugin_version(root)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in runtime_files(root):
            # A fixed timestamp: the same sources give the same ZIP.
            info = zipfile.ZipInfo("{}/{}".format(PACKAGE_NAME, relative), date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(root, relative), "rb") as handle:
                archive.writestr(info, handle.read())
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output-dir", default=os.path.join(PLUGIN_DIRECTORY, "dist"))
    parser.add_argument("--no-qm", action="store_true", help="do not rebuild the .qm files first")
    arguments = parser.parse_args(argv)
    path = build(arguments.output_dir, build_qm=not arguments.no_qm)
    with zipfile.ZipFile(path) as archive:
        count = len(archive.namelist())
    print("{} ({} files, {:.0f} kB)".format(path, count, os.path.getsize(path) / 1024))
    unfilled = publisher_placeholders()
    if unfilled:
        print("note: before uploading to plugins.qgis.org, fill in metadata.txt's {} (README, 'Publishing on "
              "plugins.qgis.org')".format(", ".join(unfilled)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
