"""The open-data bulk download: one zip of everything published, as CSV and JSON, with its data
dictionary (``cms.opendata_fields``, in es/en/pt/fr) and its licence.

Built by ``manage.py opendata_build`` and by the nightly beat task ``cms.build_open_data``; the
site's ``/datos/`` page serves the latest file with its date and size. Every row comes from the
public reads (``cms.selectors``, ``cms.progress``): published practices, recommendations and
events, follow-up reports reviewed and published on published recommendations; nothing else is
read, so nothing unpublished can end up in the file.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Site

from enlace import tabular

from .models import FollowUpEvidence, Organisation
from .opendata_fields import FILES, LANGUAGES
from .progress import follow_ups_of, published_reports
from .selectors import published_events, published_practices, published_recommendations, with_tables
from .taxonomies import VOCABULARIES

FILENAME = "enlace-datos-abiertos.zip"
# The vocabularies the files' codes refer to (the workflow's internal ones are left out).
TAXONOMIES = (
    "countries",
    "objectives",
    "principles",
    "tables",
    "table_names",
    "stakeholder_groups",
    "levels",
    "populations",
    "practice_statuses",
    "languages",
    "event_formats",
    "organisation_kinds",
    "addressees",
    "follow_up_statuses",
    "follow_up_scopes",
)


def directory() -> Path:
    return Path(settings.OPENDATA_DIR)


def path() -> Path:
    return directory() / FILENAME


@dataclass(frozen=True)
class Download:
    path: Path
    size: int
    generated_at: datetime.datetime


def latest() -> Download | None:
    """The file the site serves, or ``None`` before the first build."""
    file = path()
    try:
        stat = file.stat()
    except FileNotFoundError:
        return None
    return Download(file, stat.st_size, datetime.datetime.fromtimestamp(stat.st_mtime, tz=datetime.UTC))


def licence() -> dict:
    return {"id": settings.OPENDATA_LICENCE, "url": settings.OPENDATA_LICENCE_URL}


# --- Rows ---------------------------------------------------------------------------------


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def practices() -> list[dict]:
    events = set(published_events().values_list("pk", flat=True))
    rows = []
    for page in published_practices().prefetch_related("organisations").order_by("pk"):
        rows.append(
            {
                "id": page.pk,
                "url": page.full_url or "",
                "title": page.title,
                "summary": page.summary,
                "description": strip_tags(page.body or "").strip(),
                "countries": list(page.countries),
                "objectives": list(page.objectives),
                "principles": list(page.principles),
                "table": page.table,
                "stakeholder_groups": list(page.stakeholder_groups),
                "level": page.level,
                "populations": list(page.populations),
                "organisations": sorted(organisation.pk for organisation in page.organisations.all()),
                "other_implementers": page.other_implementers,
                "start_year": page.start_year,
                "end_year": page.end_year,
                "status": page.status,
                "results": page.results,
                "lessons_learned": page.lessons_learned,
                "language": page.language,
                "event": page.event_id if page.event_id in events else None,
                "first_published_at": _iso(page.first_published_at),
                "last_published_at": _iso(page.last_published_at),
            }
        )
    return rows


def recommendations() -> list[dict]:
    events = set(published_events().values_list("pk", flat=True))
    items = with_tables(published_recommendations().select_related("theme").order_by("pk"))
    follow_up = follow_ups_of([item.pk for item in items])
    return [
        {
            "id": item.pk,
            "url": item.full_url or "",
            "title": item.title,
            "text": item.text,
            "rationale": item.rationale,
            "table": item.table,
            "addressed_to": list(item.addressed_to),
            "objectives": list(item.objectives),
            "countries": list(item.countries),
            "event": item.event_id if item.event_id in events else None,
            "theme": item.theme.key if item.theme and item.event_id in events else "",
            "number": item.number,
            "follow_up": [f"{row['country']}:{row['status']}" for row in follow_up.get(item.pk, [])],
            "first_published_at": _iso(item.first_published_at),
            "last_published_at": _iso(item.last_published_at),
        }
        for item in items
    ]


def follow_up_reports() -> list[dict]:
    root = _root_url()
    practice_ids = set(published_practices().values_list("pk", flat=True))
    reports = published_reports().prefetch_related(
        Prefetch("evidence", queryset=FollowUpEvidence.objects.select_related("document")), "practices"
    )
    rows = []
    for report in reports.order_by("pk"):
        evidence = [
            e.href if e.href.startswith(("http://", "https://")) else root + e.href for e in report.evidence.all() if e.href
        ]
        rows.append(
            {
                "id": report.pk,
                "recommendation": report.recommendation_id,
                "country": report.country,
                "status": report.status,
                "date": _iso(report.date),
                "actor": report.actor,
                "organisation": report.organisation_id,
                "description": report.description,
                "evidence": evidence,
                "practices": sorted(p.pk for p in report.practices.all() if p.pk in practice_ids),
                "published_at": _iso(report.published_at),
            }
        )
    return rows


def events() -> tuple[list[dict], list[dict]]:
    root = _root_url()
    rows, themes = [], []
    for event in published_events().select_related("report_document").prefetch_related("themes").order_by("date", "pk"):
        document = event.report_document
        rows.append(
            {
                "id": event.pk,
                "url": event.full_url or "",
                "title": event.title,
                "date": _iso(event.date),
                "format": event.format,
                "summary": event.summary,
                "report_title": event.report_title,
                "report_url": root + document.url if document else "",
            }
        )
        for theme in event.themes.all():
            themes.append(
                {
                    "event": event.pk,
                    "key": theme.key,
                    "title": theme.title,
                    "summary": theme.summary,
                    "objectives": list(theme.objectives),
                    "participants": theme.participants,
                    "countries_count": theme.countries_count,
                }
            )
    return rows, themes


def organisations() -> list[dict]:
    return [
        {
            "id": o.pk,
            "name": o.name,
            "acronym": o.acronym,
            "country": o.country,
            "kind": o.kind,
            "stakeholder_group": o.stakeholder_group,
            "tables": list(o.tables),
            "website": o.website,
            "description": o.description,
        }
        for o in Organisation.objects.order_by("pk")
    ]


def taxonomies() -> list[dict]:
    return [
        {"taxonomy": name, "code": term.code, **{f"label_{language}": term.label(language) for language in LANGUAGES}}
        for name in TAXONOMIES
        for term in VOCABULARIES[name]
    ]


def collect() -> dict[str, list[dict]]:
    """Every file's rows, by file name (the keys of the data dictionary)."""
    event_rows, theme_rows = events()
    return {
        "practices": practices(),
        "recommendations": recommendations(),
        "follow_up_reports": follow_up_reports(),
        "events": event_rows,
        "event_themes": theme_rows,
        "organisations": organisations(),
        "taxonomies": taxonomies(),
    }


# --- The file -------------------------------------------------------------------------------


def dictionary(counts: dict[str, int], generated_at: datetime.datetime) -> dict:
    return {
        "title": "Enlace: datos abiertos / open data",
        "generated_at": generated_at.isoformat(),
        "licence": licence(),
        "languages": list(LANGUAGES),
        "formats": {
            "csv": "UTF-8, comma-separated, RFC 4180 quoting; lists joined with ';'",
            "json": "UTF-8, an array of objects; lists as arrays",
        },
        "files": [
            {
                "name": name,
                "csv": f"{name}.csv",
                "json": f"{name}.json",
                "rows": counts[name],
                "description": description,
                "fields": [{"name": field, "type": kind, "description": text} for field, kind, text in fields],
            }
            for name, (description, fields) in FILES.items()
        ],
    }


def _csv_text(name: str, rows: list[dict]) -> str:
    columns = [field for field, _kind, _text in FILES[name][1]]
    buffer = io.StringIO(newline="")
    tabular.write(buffer, [columns, *([row[column] for column in columns] for row in rows)])
    return buffer.getvalue()


def dictionary_rows(data: dict) -> list[list]:
    header = ["file", "field", "type", *(f"description_{language}" for language in LANGUAGES)]
    return [header] + [
        [file["name"], field["name"], field["type"], *(field["description"][language] for language in LANGUAGES)]
        for file in data["files"]
        for field in file["fields"]
    ]


def build(target: Path | None = None) -> dict:
    """Writes the zip (atomically: readers see the old file or the new one, never half of one)
    and returns its dictionary (with the row count of each file)."""
    target = Path(target) if target else path()
    target.parent.mkdir(parents=True, exist_ok=True)
    generated_at = timezone.now()
    data = collect()
    about = dictionary({name: len(rows) for name, rows in data.items()}, generated_at)
    stamp = generated_at.timetuple()[:6]
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:

            def add(name: str, text: str) -> None:
                archive.writestr(zipfile.ZipInfo(name, stamp), text.encode("utf-8"), zipfile.ZIP_DEFLATED)

            add("dictionary.json", json.dumps(about, ensure_ascii=False, indent=2))
            dictionary_csv = io.StringIO(newline="")
            tabular.write(dictionary_csv, dictionary_rows(about))
            add("dictionary.csv", dictionary_csv.getvalue())
            for name, rows in data.items():
                add(f"{name}.csv", _csv_text(name, rows))
                add(f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=1))
        os.chmod(temporary, 0o644)  # served to everyone, like the static files
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return about
