"""The one CSV writer of the product: every export (the practices' and recommendations' search
CSV, the follow-up reports' CSV, the progress board's CSV, the open-data bulk download) writes its
rows here, so that they all share one dialect and one way of writing a cell.

A cell is written as it comes, except ``None`` (an empty cell) and a list or tuple (its items
joined with ``;``, the way lists of codes are written in every CSV). The dialect is Python's
``excel`` one (comma, ``\\r\\n`` line ends, quotes only where needed), UTF-8 without a BOM.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO

from django.http import HttpResponse, StreamingHttpResponse

CONTENT_TYPE = "text/csv; charset=utf-8"


def cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join("" if item is None else str(item) for item in value)
    return value


class _Line:
    """A file-like object whose ``write`` hands the line back (csv.writer's output, streamed)."""

    def write(self, value: str) -> str:
        return value


def lines(rows: Iterable[Iterable]) -> Iterator[str]:
    """Each row as one CSV line (with its line end), lazily: for streaming."""
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def write(file: IO[str], rows: Iterable[Iterable]) -> int:
    """Writes ``rows`` to a text file (opened with ``newline=""``); returns how many were written."""
    count = 0
    for line in lines(rows):
        file.write(line)
        count += 1
    return count


def response(rows: Iterable[Iterable], filename: str, *, stream: bool = False) -> HttpResponse | StreamingHttpResponse:
    """An attachment named ``filename``; ``stream=True`` writes the rows as they are read (for
    whole result sets of the search service), otherwise the response is built at once."""
    if stream:
        return attachment(lines(rows), filename)
    result = HttpResponse("".join(lines(rows)), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result


def attachment(chunks: Iterable[str], filename: str) -> StreamingHttpResponse:
    """CSV text already written (``lines()``'s chunks, or a cached copy of them), streamed as an
    attachment named ``filename``."""
    result = StreamingHttpResponse(chunks, content_type=CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
