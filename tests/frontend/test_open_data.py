"""Open data (issue #21): the bulk download (``cms.opendata``, ``opendata_build``, the beat task),
``/datos/``, the Atom feeds, ``sitemap.xml`` and the schema.org JSON-LD of practice and event
pages. Each reuse channel carries every published item and nothing else: a draft
recommendation, a submitted practice and a sent-back follow-up report are created first (with
words found nowhere else) and looked for everywhere."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from cms import opendata
from cms.i18n import localize
from cms.models import Organisation, PracticePage, RecommendationPage
from cms.opendata_fields import FILES, LANGUAGES
from cms.progress import published_reports
from cms.selectors import published_events, published_practices, published_recommendations
from cms.taxonomies import VOCABULARIES
from workflows import followups, practices, recommendations

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SECRET_DRAFT = "Zorzal borrador"
SECRET_PRACTICE = "Quetzal propuesta"
SECRET_REPORT = "Tucán devuelto"


@pytest.fixture
def unpublished(people):
    """A draft recommendation, a submitted practice, and a follow-up report sent back on a
    published recommendation, each carrying a word that is nowhere else."""
    draft = recommendations.recommendation_create(
        user=people["delegate1"], table="1", title=f"{SECRET_DRAFT} de mesa", text=f"{SECRET_DRAFT}.", objectives=["7"]
    )
    practice = practices.practice_submit(
        user=AnonymousUser(),
        submitter_email="ana@example.org",
        data={
            "title": f"{SECRET_PRACTICE} de feria",
            "summary": f"{SECRET_PRACTICE}.",
            "countries": ["PE"],
            "objectives": ["15"],
        },
    )
    recommendation = published_recommendations().order_by("pk").first()
    report = followups.submit(
        recommendation=recommendation,
        user=people["member"],
        data={
            "country": "GT",
            "status": "planned",
            "actor": SECRET_REPORT,
            "date": datetime.date(2024, 3, 1),
            "description": SECRET_REPORT,
        },
    )
    report = followups.send_back(report=report, user=people["curator"], comment="Falta la fuente.")
    assert not draft.live and not practice.live and report.review_status == "sent_back"
    return {"recommendation": draft, "practice": practice, "report": report}


def _zip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


# --- The bulk download ----------------------------------------------------------------------


def test_the_download_holds_every_published_item_and_nothing_else(unpublished, tmp_path):
    target = tmp_path / "datos.zip"
    output = io.StringIO()
    call_command("opendata_build", output=str(target), stdout=output)
    files = _zip(target)
    names = {name for name in FILES}
    assert set(files) == {"dictionary.json", "dictionary.csv"} | {f"{n}.{ext}" for n in names for ext in ("csv", "json")}
    for name, content in files.items():
        text = content.decode("utf-8")
        for secret in (SECRET_DRAFT, SECRET_PRACTICE, SECRET_REPORT):
            assert secret not in text, (name, secret)

    expected = {
        "practices": set(published_practices().values_list("pk", flat=True)),
        "recommendations": set(published_recommendations().values_list("pk", flat=True)),
        "follow_up_reports": set(published_reports().values_list("pk", flat=True)),
        "events": set(published_events().values_list("pk", flat=True)),
        "organisations": set(Organisation.objects.values_list("pk", flat=True)),
    }
    assert unpublished["practice"].pk not in expected["practices"]
    assert unpublished["recommendation"].pk not in expected["recommendations"]
    assert unpublished["report"].pk not in expected["follow_up_reports"]
    assert all(expected.values())
    for name, ids in expected.items():
        as_json = json.loads(files[f"{name}.json"])
        as_csv = _csv_rows(files[f"{name}.csv"])
        assert {row["id"] for row in as_json} == ids, name
        assert {int(row["id"]) for row in as_csv} == ids, name
        columns = [field for field, _kind, _text in FILES[name][1]]
        assert list(as_csv[0]) == columns and all(list(row) == columns for row in as_json), name
    # Reports point at published recommendations, and at published practices only.
    reports = json.loads(files["follow_up_reports.json"])
    assert {row["recommendation"] for row in reports} <= expected["recommendations"]
    assert {pk for row in reports for pk in row["practices"]} <= expected["practices"]
    # Lists are arrays in JSON and ;-joined in CSV, the same values.
    practice_json = {row["id"]: row for row in json.loads(files["practices.json"])}
    for row in _csv_rows(files["practices.csv"]):
        assert row["objectives"] == ";".join(practice_json[int(row["id"])]["objectives"])
    taxonomies = _csv_rows(files["taxonomies.csv"])
    assert len(taxonomies) == sum(len(VOCABULARIES[name]) for name in opendata.TAXONOMIES)
    assert {"taxonomy": "objectives", "code": "7"}.items() <= next(
        row for row in taxonomies if row["taxonomy"] == "objectives" and row["code"] == "7"
    ).items()
    # What the command printed is what the file holds.
    for name in FILES:
        assert f"{name}: {len(json.loads(files[f'{name}.json']))} rows" in output.getvalue()


def test_the_dictionary_describes_every_field_in_four_languages_with_a_licence(tmp_path, settings):
    settings.OPENDATA_LICENCE = "CC-BY-4.0"
    opendata.build(tmp_path / "datos.zip")
    files = _zip(tmp_path / "datos.zip")
    about = json.loads(files["dictionary.json"])
    assert about["licence"] == {"id": "CC-BY-4.0", "url": settings.OPENDATA_LICENCE_URL}
    assert datetime.datetime.fromisoformat(about["generated_at"])
    for entry in about["files"]:
        data = json.loads(files[entry["json"]])
        assert entry["rows"] == len(data)
        assert set(entry["description"]) == set(LANGUAGES) and all(entry["description"].values())
        names = [field["name"] for field in entry["fields"]]
        assert data == [] or list(data[0]) == names
        for field in entry["fields"]:
            assert set(field["description"]) == set(LANGUAGES), (entry["name"], field["name"])
            assert all(text.strip() for text in field["description"].values())
            assert field["description"]["es"] != field["description"]["en"] or field["name"] in ("participants",)
    rows = _csv_rows(files["dictionary.csv"])
    assert len(rows) == sum(len(entry["fields"]) for entry in about["files"])
    assert list(rows[0]) == ["file", "field", "type", "description_es", "description_en", "description_pt", "description_fr"]


def test_the_beat_task_writes_the_file_the_page_serves(client, settings, tmp_path):
    from cms.tasks import build_open_data
    from enlace.celery import app

    settings.OPENDATA_DIR = str(tmp_path / "opendata")
    assert app.conf.beat_schedule["open-data"]["task"] == build_open_data.name
    page = client.get("/datos/")
    assert page.status_code == 200 and 'href="/datos/descarga/"' not in page.content.decode()
    assert client.get("/datos/descarga/").status_code == 404

    counts = build_open_data.apply().get()
    assert counts["practices"] == published_practices().count()
    download = client.get("/datos/descarga/")
    body = b"".join(download.streaming_content)
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert "attachment" in download["Content-Disposition"] and len(body) == opendata.latest().size
    assert json.loads(_zip(io.BytesIO(body))["dictionary.json"])["files"][0]["rows"] == counts["practices"]

    page = client.get("/datos/").content.decode()
    assert 'href="/datos/descarga/"' in page
    meta = re.search(r"<p class=\"meta\" data-download-meta>(.*?)</p>", page).group(1)
    with translation.override("es"):
        size = filesizeformat(opendata.latest().size)
    assert size.replace("\xa0", " ") in meta.replace("&nbsp;", " ").replace("\xa0", " ")
    assert str(opendata.latest().generated_at.year) in meta


def test_the_page_is_localised_and_shows_the_dictionary(client):
    spanish = client.get("/datos/").content.decode()
    english = client.get("/en/datos/").content.decode()
    assert '<html lang="es">' in spanish and '<html lang="en">' in english
    assert "Datos abiertos" in spanish and "Open data" in english
    assert "Resumen" in spanish and "Summary" in english  # field descriptions in the page's language
    for name, (_description, fields) in FILES.items():
        assert f'id="file-{name}"' in english
        assert all(f"<code>{field}</code>" in english for field, _kind, _text in fields)
    assert 'rel="license"' in spanish


# --- Feeds ----------------------------------------------------------------------------------


def _entries(client, url: str) -> tuple[ET.Element, list[ET.Element]]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    for secret in (SECRET_DRAFT, SECRET_PRACTICE, SECRET_REPORT):
        assert secret not in text, (url, secret)
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


@pytest.mark.parametrize("language", ["es", "en"])
def test_feeds_list_every_published_item_and_nothing_else(client, unpublished, language):
    prefix = "" if language == "es" else f"/{language}"
    with translation.override(language):
        practices = {f"http://testserver{p.url}" for p in localize(published_practices())}
        recommendations = {f"http://testserver{r.url}" for r in localize(published_recommendations())}
    assert len(practices) < 50 and len(recommendations) < 50  # the feeds' length: all of them fit

    feed, entries = _entries(client, f"{prefix}/novedades/practicas/")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert {e.find(f"{ATOM}link").get("href") for e in entries} == practices

    _feed, entries = _entries(client, f"{prefix}/novedades/recomendaciones/")
    assert {e.find(f"{ATOM}link").get("href") for e in entries} == recommendations

    _feed, entries = _entries(client, f"{prefix}/novedades/seguimiento/")
    reports = set(published_reports().values_list("pk", flat=True))
    assert unpublished["report"].pk not in reports
    assert {e.find(f"{ATOM}id").text for e in entries} == {f"urn:enlace:follow-up-report:{pk}" for pk in reports}
    links = {e.find(f"{ATOM}link").get("href").split("#")[0] for e in entries}
    assert links <= recommendations


def test_a_new_publication_enters_its_feed(client, unpublished, people):
    practices.practice_publish(item=unpublished["practice"], user=people["curator"])
    first = ET.fromstring(client.get("/novedades/practicas/").content).find(f"{ATOM}entry")
    assert SECRET_PRACTICE in first.find(f"{ATOM}title").text  # newest first


def test_pages_link_their_language_feeds(client):
    for prefix in ("", "/en"):
        page = client.get(f"{prefix}/").content.decode()
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', page)
        assert links == [
            f"{prefix}/novedades/practicas/",
            f"{prefix}/novedades/recomendaciones/",
            f"{prefix}/novedades/seguimiento/",
        ]


# --- Sitemap --------------------------------------------------------------------------------


def test_the_sitemap_lists_published_pages_in_every_language_and_no_unpublished_one(client, unpublished, people):
    in_review = recommendations.recommendation_submit(item=unpublished["recommendation"], user=people["delegate1"])
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    for secret in (SECRET_DRAFT, SECRET_PRACTICE, "zorzal", "quetzal"):
        assert secret not in text
    root = ET.fromstring(response.content)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    for page in (unpublished["practice"], in_review):
        assert not any(page.slug in loc for loc in urls)

    def path(loc: str) -> str:
        return re.sub(r"^https?://[^/]+", "", loc)

    paths = {path(loc) for loc in urls}
    for practice in published_practices():
        assert practice.url in paths
    for recommendation in published_recommendations():
        assert recommendation.url in paths
    # Each listed page has its four language versions as alternates, and x-default.
    practice = published_practices().order_by("pk").first()
    entry = next(url for loc, url in urls.items() if path(loc) == practice.url)
    alternates = {link.get("hreflang"): path(link.get("href")) for link in entry.findall(f"{XHTML}link")}
    assert set(alternates) == {"es", "en", "pt", "fr", "x-default"}
    assert alternates["en"] == f"/en{practice.url}" and alternates["x-default"] == practice.url
    assert alternates["en"] in paths and alternates["fr"] in paths
    assert {"/datos/", "/en/datos/", "/pt/datos/", "/fr/datos/"} <= paths
    # Nothing else than live, public pages: as many entries as their versions, plus the routes.
    unpublished_paths = {p.url for p in PracticePage.objects.filter(live=False)} | {
        r.url for r in RecommendationPage.objects.filter(live=False) if r.url
    }
    assert not (unpublished_paths & paths)


# --- JSON-LD --------------------------------------------------------------------------------


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_practice_and_event_pages_describe_themselves_in_json_ld(client):
    practice = published_practices().order_by("pk").first()
    [data] = _json_ld(client.get(practice.url).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "CreativeWork"
    assert data["name"] == practice.title and data["description"] == practice.summary
    assert data["url"].endswith(practice.url)
    assert {c["identifier"] for c in data["spatialCoverage"]} == set(practice.countries)

    event = published_events().order_by("pk").first()
    with translation.override("en"):
        english = localize([event])[0]
    [data] = _json_ld(client.get(english.url).content.decode())
    assert data["@type"] == "Event" and data["name"] == english.title
    assert data["startDate"] == event.date.isoformat() and data["url"].endswith(english.url)
    assert [theme["name"] for theme in data["about"]] == [theme.title for theme in english.themes.all()]
    assert data["subjectOf"]["@type"] == "Report"
    assert not _json_ld(client.get("/").content.decode())  # other pages carry none


def test_json_ld_cannot_be_closed_by_the_content(client, people):
    practice = published_practices().order_by("pk").first()
    practice.summary = 'Texto </script><script>alert("x")</script> & más'
    practice.save_revision(user=people["curator"]).publish()
    html = client.get(practice.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in block and "<" not in block and "&" not in block
    assert json.loads(block)["description"] == practice.summary
