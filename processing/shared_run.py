"""What one assess run reads once and lends to every evaluation it runs: the standard and the walking network.

    with shared_run():                 # assess, around its own evaluation and its child algorithms
        ...                            # every load_standard / read_walking_network inside reuses the first

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


def reuse(kind, key, build):
    """build(), or the value built for the same (kind, key) earlier in this shared run."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        return build()
    full_key = (kind,) + tuple(key)
    if full_key not in cache:
        cache[full_key] = build()
    return cache[full_key]


def active():
    return getattr(_local, "cache", None) is not None
