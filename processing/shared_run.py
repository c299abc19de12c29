"""What one assess run reads once and lends to every evaluation it runs: the standard and the walking network,
and the communities and facilities its own evaluation read (to the life-circle step).

    with shared_run():                 # assess, around its own evaluation and its child algorithms
        ...                            # every load_standard / read_walking_network inside reuses the first
        lend(kind, key, value)         # kept for one later borrow(kind, key), then let go of

Outside a shared run nothing is kept (each algorithm run alone reads its own inputs). The cache lives only
as long as the `with` block, on the thread that opened it (assess runs on the main thread: FlagNoThreading),
so a later run always reads the files afresh.
"""

import contextlib
import threading

_local = threading.local()


@contextlib.contextmanager
def shared_run():
    """Share what is read inside the block; nested blocks share the outer one's."""
    outer = getattr(_local, "cache", None)
    if outer is None:
        _local.cache = {}
    try:
        yield
    finally:
        if outer is None:
            _local.cache = None


def layers_key(parameters, names):
    """The inputs `names` of `parameters` as part of a lending key: a layer by its id, a source by its text, an
    empty one as None; None when one is given as anything else (a feature source definition, an object), which
    cannot be told equal to another run's (it is then never lent)."""
    from qgis.core import QgsMapLayer

    parts = []
    for name in names:
        value = parameters.get(name)
        if isinstance(value, QgsMapLayer):
            value = value.id()
        elif value is not None and not isinstance(value, str):
            return None
        parts.append(value or None)
    return tuple(parts)


def reuse(kind, key, build):
    """build(), or the value built for the same (kind, key) earlier in this shared run."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        _announce_build()
        return build()
    full_key = (kind,) + tuple(key)
    if full_key not in cache:
        _announce_build()
        cache[full_key] = build()
    return cache[full_key]


def lend(kind, key, value):
    """Keep `value` for one later `borrow(kind, key)` in this shared run (outside one: nothing is kept)."""
    cache = getattr(_local, "cache", None)
    if cache is not None:
        cache[("lent", kind) + tuple(key)] = value


def borrow(kind, key):
    """The value lent under (kind, key), or None; the run lets go of it (a value is borrowed once)."""
    cache = getattr(_local, "cache", None)
    return None if cache is None else cache.pop(("lent", kind) + tuple(key), None)


@contextlib.contextmanager
def announcing(announce):
    """Call announce() before anything reused inside the block is actually built (not when it is lent): a
    step says "Building the walking network…" only when it builds one, so the log and the bench's table
    per step give the time to the step that spends it."""
    outer = getattr(_local, "announce", None)
    _local.announce = announce
    try:
        yield
    finally:
        _local.announce = outer


def _announce_build():
    announce = getattr(_local, "announce", None)
    if announce is not None:
        _local.announce = None  # once: a build inside a build says nothing more
        announce()


def active():
    return getattr(_local, "cache", None) is not None
