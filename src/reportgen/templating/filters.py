"""The filters templates see, in one registry: the number filters (``numfmt``), ``group`` and
``balance``, over Jinja's own - whose list filters are replaced by gap-aware ones (``gaps``).
A new filter is one entry in ``OWN``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportgen.templating.gaps import gap_aware
from reportgen.templating.linebreak import balance
from reportgen.templating.numfmt import FILTERS as NUMBER_FILTERS
from reportgen.templating.views import group

#: reportgen's own filters, by name.
OWN: dict[str, Callable[..., Any]] = {**NUMBER_FILTERS, "group": group, "balance": balance}


def install_filters(filters: dict[str, Callable[..., Any]]) -> None:
    """Put reportgen's filters into an environment's ``filters`` (Jinja's built-ins)."""
    filters.update(gap_aware(filters))
    filters.update(OWN)
