"""SQL written by the plugin itself (SQLite GeoPackages, PostgreSQL): quoting names, opening a file read-only."""

import contextlib
import pathlib
import sqlite3
import urllib.parse


def quoted_identifier(name):
    """A table, view, index or column name for SQL: "name", a double quote in it doubled."""
    return '"{}"'.format(str(name).replace('"', '""'))


def read_only_uri(path):
    """SQLite's URI of a file opened read-only. Every character of the path is percent-encoded that SQLite would
    otherwise read as part of the URI: a path cut at '#' or '?' would lose mode=ro and create a stray file."""
    absolute = path if isinstance(path, pathlib.PurePath) else pathlib.Path(path).absolute()
    text = absolute.as_posix()
    # file:///C:/… for a Windows drive, file:////server/share/… for a UNC path: SQLite takes what follows an
    # empty authority as the path.
    return "file://{}{}?mode=ro".format("" if text.startswith("/") else "/", urllib.parse.quote(text))


def read_only_sqlite(path):
    """A read-only connection to an SQLite file (a GeoPackage): never creates or changes the file."""
    return sqlite3.connect(read_only_uri(path), uri=True)


def is_view(path, table):
    """Whether `table` of the SQLite file (a GeoPackage) at `path` is a view, whose rows SQLite refuses to change;
    False when the file cannot be read."""
    try:
        with contextlib.closing(read_only_sqlite(path)) as connection:
            row = connection.execute("SELECT type FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "view"


@contextlib.contextmanager
def transaction(connection):
    """One transaction for all the block executes on `connection`, committed at its end and rolled back on an
    error; CREATE and DROP included, which Python's sqlite3 would otherwise commit one by one."""
    connection.execute("BEGIN")
    try:
        yield connection
    except BaseException:
        connection.rollback()
        raise
    connection.commit()
