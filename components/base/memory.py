"""The process's memory: large blocks go back to the operating system when they are freed.

An uploaded file arrives as one large block (tens of MB). glibc's ``malloc`` serves blocks
above its mmap threshold with ``mmap`` and unmaps them when freed, but the threshold is
*dynamic*: each time such a block is freed, the threshold rises to that block's size (up to
32 MB). From then on blocks of that size come from the heap, and the heap keeps freed
memory in the process. Measured with the memory browser test: rounds of ten 19 MB uploads
grew the server by 80 to 150 MB that never came back; with a fixed threshold, by 2 MB.

Fixing the threshold (``mallopt``) also turns the dynamic adjustment off. Where the C
library has no ``mallopt``/``malloc_trim`` (musl, macOS), these functions do nothing.

Also here: ``collection_paused``, which holds Python's cyclic garbage collector off while a
burst of allocation runs (reading a file), so that it does not go through the whole heap
again and again for objects that are all still in use.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

# <malloc.h>: M_MMAP_THRESHOLD. Blocks of this size and above are mapped and unmapped on
# their own. 1 MiB: far below an upload, far above the small objects pandas makes per row.
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK_BYTES = 1024 * 1024


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


@cache
def return_large_blocks_when_freed() -> bool:
    """Fix glibc's mmap threshold so freed large blocks leave the process; True if set.

    Cached: the setting is process-wide, so once is enough.
    """
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES))


def give_back_memory() -> None:
    """Collect garbage and hand freed heap memory back to the operating system (glibc)."""
    gc.collect()
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


class _Pauses:
    """How many ``collection_paused`` blocks are running, and whether the collector was on
    before the first began. The collector is one switch for the whole process, shared by
    every session's thread: counted, so that the last block to end switches it back on (a
    plain "was it on?" per block would leave it off when two blocks overlap)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.was_enabled = False


_PAUSES = _Pauses()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off for the block, then switch it back on if it
    was on.

    Reading a long table makes tens of thousands of objects that all live to the end of the
    read; each time their count passes the collector's threshold, it goes through them (and,
    every few reads, through the whole heap) to find nothing to free. Objects freed by their
    reference count are freed as ever; only reference cycles wait for the block to end.
    """
    with _PAUSES.lock:
        if _PAUSES.running == 0:
            _PAUSES.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSES.running += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.running -= 1
            if _PAUSES.running == 0 and _PAUSES.was_enabled:
                gc.enable()
