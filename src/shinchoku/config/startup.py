"""After Django has started: move what start-up allocated (settings, apps,
models, URL patterns, templates loaded so far) out of the garbage collector's
reach.

Those objects live as long as the process; without this every full collection
walks them again, and a collection that falls in the middle of a request or an
import costs it milliseconds (seen on the seed's import: the median moved by
10 ms between otherwise equal runs). Python's gc.freeze() is meant for this,
and for sharing those pages between forked gunicorn workers.
"""

from __future__ import annotations

import gc


def settle(*, collect: bool = True) -> None:
    """Collect once, then freeze what is left (call once Django is set up).

    A command that ends within seconds passes `collect=False`: the little
    garbage start-up leaves is not worth a full collection (about a tenth of a
    second) in a process that ends soon after."""
    if collect:
        gc.collect()
    gc.freeze()
