"""The home page's tile-grid map of practices by country (see ``frontend/maps.py``)."""

from django import template
from django.utils.translation import get_language

from frontend.maps import tile_map

register = template.Library()


@register.inclusion_tag("frontend/includes/country_map.html")
def country_map(counts, search_url=None):
    """``{% country_map counts search_url %}``: ``counts`` maps country codes to practices;
    each tile links to ``search_url?country=XX``."""
    return {"map": tile_map(counts or {}, search_url, get_language())}
