"""A tile-grid map of Latin America and the Caribbean, drawn on the server as inline SVG.

Every country of the region (``cms.taxonomies.REGION_COUNTRY_CODES``, the 33 ECLAC members)
is one equal square placed roughly where it lies, like the well-known tile-grid maps of the
United States: size and shape carry no meaning, only the colour (a sequential palette, darker
for more practices) and the numbers printed on each tile. The template tag
``{% country_map counts search_url %}`` (``frontend/templatetags/enlace_maps.py``) renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from math import ceil

from django.utils.translation import ngettext

from cms.taxonomies import COUNTRIES, REGION_COUNTRY_CODES

# (column, row) of each country; north at the top, west on the left.
TILES: dict[str, tuple[int, int]] = {
    "MX": (0, 0),
    "CU": (3, 0),
    "BS": (4, 0),
    "GT": (1, 1),
    "BZ": (2, 1),
    "JM": (3, 1),
    "HT": (4, 1),
    "DO": (5, 1),
    "KN": (6, 1),
    "AG": (7, 1),
    "SV": (1, 2),
    "HN": (2, 2),
    "DM": (7, 2),
    "NI": (2, 3),
    "LC": (7, 3),
    "CR": (2, 4),
    "VC": (6, 4),
    "BB": (7, 4),
    "PA": (3, 5),
    "GD": (6, 5),
    "TT": (7, 5),
    "CO": (4, 6),
    "VE": (5, 6),
    "GY": (6, 6),
    "SR": (7, 6),
    "EC": (3, 7),
    "PE": (4, 7),
    "BO": (5, 7),
    "BR": (6, 7),
    "CL": (4, 8),
    "PY": (5, 8),
    "AR": (5, 9),
    "UY": (6, 9),
}
assert set(TILES) == REGION_COUNTRY_CODES and len(set(TILES.values())) == len(TILES)

TILE = 48  # side of a tile, in SVG units (about CSS pixels at full size)
GAP = 4
COLUMNS = 1 + max(column for column, _row in TILES.values())
ROWS = 1 + max(row for _column, row in TILES.values())
WIDTH = COLUMNS * (TILE + GAP) - GAP
HEIGHT = ROWS * (TILE + GAP) - GAP

# (fill, text colour): no practices, then four classes, light to dark. Text contrast is at
# least 7:1 on every fill; the tiles' outline (#4a5360) has 7.8:1 against the white page.
EMPTY = ("#ffffff", "#4a5360")
PALETTE = (("#dbe9f6", "#1b1f24"), ("#9ecae1", "#1b1f24"), ("#2171b5", "#ffffff"), ("#08306b", "#ffffff"))


def classes(most: int) -> list[tuple[int, int]]:
    """Inclusive count ranges of the colour classes (at most four) for a largest count."""
    if most <= 0:
        return []
    uppers = sorted({ceil(most * step / len(PALETTE)) for step in range(1, len(PALETTE) + 1)})
    return [(uppers[i - 1] + 1 if i else 1, upper) for i, upper in enumerate(uppers)]


def practices_label(country: str, count: int) -> str:
    return ngettext("%(country)s: %(count)d practice", "%(country)s: %(count)d practices", count) % {
        "country": country,
        "count": count,
    }


def tile_map(counts: Mapping[str, int], search_url: str | None = None, language: str | None = None) -> dict:
    """Everything the SVG template needs: tiles with position, colours, label and link,
    and the legend. ``counts`` maps country codes to published practices (others ignored)."""
    ranges = classes(max((counts.get(code, 0) for code in TILES), default=0))
    colours = PALETTE[len(PALETTE) - len(ranges) :]  # fewer classes: the darker ones

    def colour(count: int) -> tuple[str, str]:
        for (low, high), pair in zip(ranges, colours, strict=False):
            if low <= count <= high:
                return pair
        return EMPTY

    tiles = []
    for code, (column, row) in TILES.items():
        count = counts.get(code, 0)
        name = COUNTRIES.label(code, language)
        fill, ink = colour(count)
        tiles.append(
            {
                "code": code,
                "name": name,
                "count": count,
                "label": practices_label(name, count),
                "x": column * (TILE + GAP),
                "y": row * (TILE + GAP),
                "fill": fill,
                "ink": ink,
                "url": f"{search_url}?country={code}" if search_url else "",
            }
        )
    legend = [{"fill": EMPTY[0], "label": "0"}] + [
        {"fill": fill, "label": str(low) if low == high else f"{low}–{high}"}
        for (low, high), (fill, _ink) in zip(ranges, colours, strict=False)
    ]
    return {
        "tiles": tiles,
        "legend": legend,
        "width": WIDTH,
        "height": HEIGHT,
        "tile": TILE,
        "centre": TILE // 2,
    }
