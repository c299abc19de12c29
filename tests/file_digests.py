"""Digests of input files, to check that a run left them as they were."""
import hashlib


def digest(path):
    """SHA-256 of a file without a GeoPackage's 100-byte SQLite header: QGIS switches an open GeoPackage to WAL mode
    (journal bytes and change counter of the header) and back when its last connection closes, which its connection
    pool may delay past the run; every page of data must be the same."""
    with open(path, "rb") as stream:
        content = bytearray(stream.read())
    if content.startswith(b"SQLite format 3\x00"):
        content[:100] = bytes(100)
    return hashlib.sha256(bytes(content)).hexdigest()
