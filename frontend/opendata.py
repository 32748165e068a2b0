"""``/datos/``: what the open data is, its dictionary, and the latest bulk download
(``cms.opendata``, rebuilt daily by beat and by ``manage.py opendata_build``)."""

from __future__ import annotations

import json
import zipfile

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from cms import opendata
from cms.opendata_fields import FILES
from cms.taxonomies import normalise_language


def _row_counts(download) -> dict[str, int]:
    """The row count of each file, from the download's own dictionary."""
    try:
        with zipfile.ZipFile(download.path) as archive:
            about = json.loads(archive.read("dictionary.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return {}
    return {file["name"]: file["rows"] for file in about.get("files", [])}


def open_data(request):
    language = normalise_language(get_language())
    download = opendata.latest()
    counts = _row_counts(download) if download else {}
    files = [
        {
            "name": name,
            "description": description[language],
            "rows": counts.get(name),
            "fields": [{"name": field, "type": kind, "description": text[language]} for field, kind, text in fields],
        }
        for name, (description, fields) in FILES.items()
    ]
    return render(
        request,
        "frontend/open_data.html",
        {
            "download": download,
            "download_url": reverse("open_data_download"),
            "licence": opendata.licence(),
            "files": files,
        },
    )


def open_data_download(request):
    download = opendata.latest()
    if download is None:
        raise Http404
    response = FileResponse(download.path.open("rb"), as_attachment=True, filename=opendata.FILENAME)
    response["Last-Modified"] = download.generated_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response
