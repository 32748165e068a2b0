"""schema.org descriptions (JSON-LD) of practice and event pages, for search engines and
harvesters. Written into the page as a data block, ``<script type="application/ld+json">``,
which the browser never runs (so the Content-Security-Policy's script rules do not apply to it),
with ``<``, ``>`` and ``&`` escaped the way Django's ``json_script`` does, so no text of the
content can close the element."""

from __future__ import annotations

import json

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from cms.i18n import content_language, original
from cms.models import EventPage, PracticePage

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "virtual": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def practice(page: PracticePage, request=None) -> dict:
    source = original(page) or page
    organisations = [{"@type": "Organization", "name": o.name} for o in source.organisations.all()]
    years = f"{page.start_year}/{page.end_year or '..'}" if page.start_year else None
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": page.title,
            "description": page.summary,
            "text": strip_tags(page.body or "").strip(),
            "url": page.get_full_url(request),
            "inLanguage": content_language(page),
            "datePublished": _iso(source.first_published_at),
            "dateModified": _iso(source.last_published_at),
            "keywords": [item["label"] for item in page.objective_items],
            "spatialCoverage": [
                {"@type": "Country", "name": item["label"], "identifier": item["code"]} for item in page.country_items
            ],
            "temporalCoverage": years,
            "creator": organisations,
        }
    )


def event(page: EventPage, request=None) -> dict:
    document = page.report_document
    report = None
    if document is not None or page.report_title:
        report = _clean(
            {
                "@type": "Report",
                "name": page.report_title or document.title,
                "url": request.build_absolute_uri(document.url) if document is not None and request else None,
            }
        )
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "startDate": _iso(page.date),
            "eventAttendanceMode": ATTENDANCE.get(page.format),
            "eventStatus": "https://schema.org/EventScheduled",
            "url": page.get_full_url(request),
            "inLanguage": content_language(page),
            "about": [{"@type": "Thing", "name": theme.title} for theme in page.themes.all()],
            "subjectOf": report,
        }
    )


def script(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def for_page(page, request=None) -> SafeString:
    """The JSON-LD block of ``page`` (a practice or an event; empty for other pages)."""
    specific = getattr(page, "specific", page)
    if isinstance(specific, PracticePage):
        return script(practice(specific, request))
    if isinstance(specific, EventPage):
        return script(event(specific, request))
    return mark_safe("")
