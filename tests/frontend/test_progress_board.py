"""The public progress board, the follow-up on recommendation and practice pages, following a
recommendation and the public follow-up report form.

The board's numbers are read back from its data tables (the HTML) and compared with
``/api/v1/progress/`` for the same query; the demo data holds 14 published reports, 2 waiting
for review and 1 sent back, and nothing but the published ones may show anywhere."""

from __future__ import annotations

import csv
import datetime
import io
import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.cache import cache

from cms import progress
from cms.models import FollowUpReport, PracticePage, RecommendationFollower, RecommendationPage
from cms.selectors import published_recommendations
from frontend import forms as practice_forms
from tests import factories

pytestmark = pytest.mark.django_db
BOARD = "/seguimiento/"


# --- Reading the board back from its HTML ---------------------------------------------------


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def counts_table(soup, name: str) -> dict[str, dict]:
    table = soup.select_one(f'table[data-table="{name}"]')
    if table is None:
        return {}
    rows = {}
    for tr in table.select("tbody tr"):
        cells = {td["data-status"]: int(td.get_text()) for td in tr.select("td[data-status]")}
        row = {
            "label": tr.th.get_text(strip=True),
            "by_status": cells,
            "total": int(tr.select_one('td[data-col="total"]').get_text()),
        }
        recommendations = tr.select_one('td[data-col="recommendations"]')
        if recommendations is not None:
            row["recommendations"] = int(recommendations.get_text())
        rows[tr["data-code"]] = row
    return rows


def read_board(response) -> dict:
    soup = soup_of(response)
    totals = {dd["data-total"]: int(dd.get_text()) for dd in soup.select("dd[data-total]")}
    totals["by_status"] = {li["data-status"]: int(li.strong.get_text()) for li in soup.select(".status-totals li[data-status]")}
    matrix = {
        (int(tr["data-id"]), td["data-country"]): td["data-status"]
        for tr in soup.select('table[data-table="matrix"] tbody tr')
        for td in tr.select("td[data-status]")
    }
    matrix_rows = [int(tr["data-id"]) for tr in soup.select('table[data-table="matrix"] tbody tr')]
    links = {
        (int(tr["data-id"]), td["data-country"]): td.a["href"]
        for tr in soup.select('table[data-table="matrix"] tbody tr')
        for td in tr.select("td[data-status]")
    }
    return {
        "soup": soup,
        "totals": totals,
        "countries": counts_table(soup, "countries"),
        "groups": counts_table(soup, "groups"),
        "matrix": matrix,
        "matrix_rows": matrix_rows,
        "links": links,
        "csv": soup.select_one(".board-results a[data-csv]")["href"] if soup.select_one(".board-results a[data-csv]") else None,
    }


def api(client, query: str) -> dict:
    response = client.get("/api/v1/progress/?" + query, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def theme_ids() -> list[str]:
    return sorted(progress.board_themes())


QUERIES = [
    "",
    "country=PE",
    "country=PE&country=AR",
    "status=implemented",
    "country=PE&status=implemented",
    "table=2",
    "table=1&table=3&status=in_progress",
    "group_by=objective",
    "group_by=addressee&addressee=national_governments",
    "group_by=event&event=conversatorio-2023",
    "group_by=theme",
    "objective=7&objective=15&group_by=objective",
    "status=not_implemented",
]


@pytest.mark.parametrize("query", QUERIES)
def test_board_numbers_equal_the_api(client, query):
    response = client.get(BOARD + ("?" + query if query else ""))
    assert response.status_code == 200
    shown = read_board(response)
    data = api(client, query)
    assert shown["totals"] == data["totals"]
    if data["totals"]["pairs"]:
        assert shown["countries"] == {
            row["code"]: {"label": row["label"], "by_status": row["by_status"], "total": row["total"]}
            for row in data["countries"]
        }
        assert list(shown["countries"]) == data["columns"]  # the region first, then the countries' order
        assert shown["groups"] == {
            row["code"]: {
                "label": row["label"],
                "by_status": row["by_status"],
                "total": row["total"],
                "recommendations": row["recommendations"],
            }
            for row in data["groups"]
        }
        assert shown["matrix_rows"] == [row["id"] for row in data["recommendations"]]
        assert shown["matrix"] == {
            (row["id"], country): status for row in data["recommendations"] for country, status in row["countries"].items()
        }
    else:
        assert not shown["countries"] and not shown["matrix"]


def test_theme_filter_equals_the_api(client):
    for theme in theme_ids():
        shown = read_board(client.get(f"{BOARD}?theme={theme}&group_by=theme"))
        data = api(client, f"theme={theme}&group_by=theme")
        assert shown["totals"] == data["totals"]
        assert list(shown["groups"]) in ([theme], [])


def test_filters_or_within_one_and_across_on_the_demo_data(client):
    whole = read_board(client.get(BOARD))
    # The demo world: 21 published recommendations, 6 with follow-up, 13 (recommendation, country)
    # pairs in 9 scopes; Peru 3 pairs (2 in progress, 1 implemented), Argentina 2 (implemented).
    assert whole["totals"]["recommendations"] == 21
    assert whole["totals"]["with_reports"] == 6
    assert whole["totals"]["countries"] == 9
    assert whole["totals"]["pairs"] == 13 == sum(whole["totals"]["by_status"].values())
    assert whole["totals"]["by_status"] == {
        "no_information": 0,
        "planned": 0,
        "in_progress": 7,
        "partially_implemented": 1,
        "implemented": 5,
        "not_implemented": 0,
    }
    assert whole["countries"]["PE"]["by_status"]["in_progress"] == 2 and whole["countries"]["PE"]["total"] == 3
    assert whole["countries"]["AR"]["total"] == 2 == whole["countries"]["AR"]["by_status"]["implemented"]

    def pairs(query):
        return read_board(client.get(BOARD + "?" + query))

    peru, argentina = pairs("country=PE"), pairs("country=AR")
    either = pairs("country=PE&country=AR")  # OR within a filter
    assert either["matrix"] == {**peru["matrix"], **argentina["matrix"]}
    assert either["totals"]["pairs"] == 5 == peru["totals"]["pairs"] + argentina["totals"]["pairs"]
    assert either["totals"]["recommendations"] == len({pk for pk, _c in either["matrix"]}) == 4
    both = pairs("country=PE&country=AR&status=implemented")  # AND across filters
    implemented = pairs("status=implemented")
    assert both["matrix"] == {key: value for key, value in either["matrix"].items() if key in implemented["matrix"]}
    assert both["totals"]["pairs"] == 3 and set(both["matrix"].values()) == {"implemented"}
    # A filter on the recommendations themselves keeps those without follow-up (shown, not counted).
    table2 = pairs("table=2")
    assert table2["totals"]["recommendations"] == len(table2["matrix_rows"]) >= table2["totals"]["with_reports"]
    assert set(table2["matrix"]) <= set(whole["matrix"])
    # Selected values are checked and shown as removable chips that keep the other filters.
    soup = either["soup"]
    assert soup.select_one('input[name="country"][value="PE"]').has_attr("checked")
    chips = [a["href"] for a in soup.select(".selected-filters a")]
    assert "?country=AR" in chips and "?country=PE" in chips and "?" in chips


def test_filters_wait_behind_a_disclosure_with_the_count_beside_them(client):
    """On a phone the board's filters are folded behind "Filtrar" (a ``<details>``, no JavaScript
    needed; on a wide screen the CSS shows them open); the count of what is shown is beside them."""
    soup = soup_of(client.get(BOARD + "?country=PE"))
    disclosure = soup.select_one("form.board-filters > details.filters-disclosure")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert disclosure.summary.get_text(strip=True) == "Filtrar"
    assert disclosure.select('fieldset[data-filter="country"] input[value="PE"][checked]')  # every filter inside
    assert disclosure.select_one("button[type=submit]") is not None
    jump = disclosure.select_one(".facets-jump a")
    shown = int(soup.select_one("#board-heading")["data-count"])
    assert jump["href"] == "#board-heading" and jump.get_text(strip=True).startswith(f"{shown} recomendaci")
    assert 0 < shown < published_recommendations().count()
    # The tables of the board scroll in their own labelled regions.
    for region in soup.select(".table-scroll"):
        assert region["role"] == "region" and region["tabindex"] == "0" and soup.select_one("#" + region["aria-labelledby"])


def test_group_by_changes_the_grouping_not_the_totals(client):
    by_table = read_board(client.get(BOARD))
    for group_by in progress.GROUP_BY:
        shown = read_board(client.get(f"{BOARD}?group_by={group_by}"))
        assert shown["soup"].select_one('table[data-table="groups"]')["data-group-by"] == group_by
        assert shown["totals"] == by_table["totals"] and shown["matrix"] == by_table["matrix"]
        assert shown["soup"].select_one(f'select[name="group_by"] option[value="{group_by}"]').has_attr("selected")


@pytest.mark.parametrize(
    "query",
    ["country=ZZ", "status=done", "group_by=colour", "theme=abc", "event=no-such-event", "table=9&objective=99", "country="],
)
def test_bad_filters_are_a_400_with_messages_never_a_500(client, query):
    response = client.get(BOARD + "?" + query)
    if query == "country=":  # an empty value is no filter
        assert response.status_code == 200
        return
    assert response.status_code == 400
    soup = soup_of(response)
    errors = soup.select_one("[data-board-errors]")
    assert errors is not None and errors.get("role") == "alert" and errors.select("li")
    assert soup.select_one("form.board-filters") is not None  # the filters are still there to fix it
    assert client.get(BOARD + "csv/?" + query).status_code == 400


def test_csv_is_what_is_shown(client):
    for query in ("", "country=PE&country=AR", "table=2&status=in_progress", "status=not_implemented"):
        shown = read_board(client.get(BOARD + ("?" + query if query else "")))
        assert shown["csv"] == BOARD + "csv/" + ("?" + query if query else "")
        response = client.get(shown["csv"])
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        assert 'filename="progress.csv"' in response["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        current = {(int(row["recommendation_id"]), row["country"]): row["status"] for row in rows if row["current"] == "yes"}
        assert current == shown["matrix"]
        assert {(int(row["recommendation_id"]), row["country"]) for row in rows} == set(shown["matrix"])
        # The same file as the API's, for the same query.
        assert response.content == client.get("/api/v1/progress/?" + query + "&format=csv").content


def test_empty_states(client):
    nothing = client.get(BOARD + "?status=not_implemented")
    assert nothing.status_code == 200
    assert soup_of(nothing).select_one('[data-empty="recommendations"]') is not None
    # Recommendations without any follow-up: listed, no charts.
    for code in progress.OBJECTIVES.codes:
        data = progress.board(progress.board_query(_params(objective=code)))
        if data["totals"]["recommendations"] and not data["totals"]["pairs"]:
            soup = soup_of(client.get(f"{BOARD}?objective={code}"))
            empty = soup.select_one('[data-empty="pairs"]')
            assert empty is not None and len(empty.select("li a")) == data["totals"]["recommendations"]
            assert soup.select_one('table[data-table="matrix"]') is None
            break
    else:
        pytest.fail("the demo data has an objective whose recommendations have no follow-up")


def _params(**values):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in values.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def test_matrix_links_to_the_timeline_of_each_country(client):
    shown = read_board(client.get(BOARD))
    for (pk, country), href in shown["links"].items():
        page = RecommendationPage.objects.originals().get(pk=pk)
        assert href == f"{page.url}#follow-up-{country}"
    pk, country = next(iter(shown["links"]))
    soup = soup_of(client.get(RecommendationPage.objects.originals().get(pk=pk).url))
    assert soup.select_one(f"#follow-up-{country}") is not None


def test_the_board_loads_its_own_script_and_style_only(client):
    soup = soup_of(client.get(BOARD))
    scripts = [s["src"] for s in soup.select("script[src]")]
    # Hashed names (frontend/progress.<hash>.js) where the manifest storage is on (debug off).
    assert any(re.search(r"frontend/progress(\.[0-9a-f]+)?\.js$", src) for src in scripts), scripts
    assert all(s.has_attr("defer") for s in soup.select("script[src]"))
    assert any(re.search(r"frontend/progress(\.[0-9a-f]+)?\.css$", link["href"]) for link in soup.select("link[rel=stylesheet]"))
    assert not any("progress.js" in s["src"] for s in soup_of(client.get("/practicas/")).select("script[src]"))


# --- Recommendation and practice pages ------------------------------------------------------


def recommendation(slug: str) -> RecommendationPage:
    return RecommendationPage.objects.originals().get(slug=slug)


def test_recommendation_page_shows_status_timelines_evidence_and_practices(client):
    page = recommendation("t1-fortalecer-marcos-legales")
    soup = soup_of(client.get(page.url))
    rows = {tr["data-country"]: tr["data-status"] for tr in soup.select('table[data-table="follow-up-status"] tbody tr')}
    assert rows == {row["country"]: row["status"] for row in progress.follow_up_of(page.pk)}
    for timeline in progress.timelines(page):
        items = soup.select(f'ol[data-timeline="{timeline.country}"] > li')
        assert [int(li["data-report"]) for li in items] == [report.pk for report in timeline.reports]
        assert soup.select_one(f'a[href="#follow-up-{timeline.country}"]') is not None
        for report in timeline.reports:
            li = soup.select_one(f'li[data-report="{report.pk}"]')
            hrefs = {a["href"] for a in li.select(".evidence a")}
            assert hrefs == {evidence.href for evidence in report.evidence.all()}
            assert report.actor in li.get_text()
    linked = {a.get_text() for a in soup.select(".linked-practices a")}
    assert linked == set(progress.linked_practices(page).values_list("title", flat=True)) and linked
    assert soup.select_one("a[data-report-link]")["href"] == f"/seguimiento/informar/{page.pk}/"


def test_practice_page_lists_the_recommendations_it_is_evidence_for(client):
    practice = PracticePage.objects.originals().get(slug="peru-ley-31685-mujeres-migrantes-con-hijos")
    expected = {r.pk for r in progress.recommendations_evidenced_by(practice)}
    assert expected
    soup = soup_of(client.get(practice.url))
    assert {int(li["data-id"]) for li in soup.select("[data-evidence-for] li")} == expected


# --- Nothing unreviewed, anywhere -----------------------------------------------------------


def unreviewed() -> list[FollowUpReport]:
    reports = list(FollowUpReport.objects.exclude(review_status="published").select_related("recommendation"))
    assert {r.review_status for r in reports} == {"submitted", "sent_back"}
    return reports


def test_submitted_and_sent_back_reports_never_show(client):
    reports = unreviewed()
    board = read_board(client.get(BOARD))
    whole_csv = client.get(BOARD + "csv/").content.decode()
    for report in reports:
        pair = (report.recommendation_id, report.country)
        assert pair not in board["matrix"]
        assert report.description not in whole_csv
        # Not even when the board is filtered to exactly that pair.
        narrowed = read_board(client.get(f"{BOARD}?country={report.country}&status={report.status}"))
        assert pair not in narrowed["matrix"]
        assert report.description not in client.get(f"{BOARD}csv/?country={report.country}").content.decode()
        page = client.get(report.recommendation.url).content.decode()
        assert report.description not in page and f'data-timeline="{report.country}"' not in page
        assert f'data-report="{report.pk}"' not in page
        for practice in report.practices.all():
            evidence = soup_of(client.get(practice.url)).select("[data-evidence-for] li")
            published = {r.pk for r in progress.recommendations_evidenced_by(practice)}
            assert {int(li["data-id"]) for li in evidence} == published
            if not progress.published_reports().filter(practices=practice, recommendation=report.recommendation).exists():
                assert report.recommendation_id not in published


def test_a_published_report_of_an_unpublished_recommendation_never_shows(client):
    report = FollowUpReport.objects.filter(review_status="published").select_related("recommendation").first()
    page = report.recommendation
    url = page.url
    RecommendationPage.objects.originals().filter(pk=page.pk).update(live=False)
    board = read_board(client.get(BOARD))
    assert page.pk not in board["matrix_rows"]
    assert report.description not in client.get(BOARD + "csv/").content.decode()
    assert client.get(url).status_code == 404
    assert client.get(f"/seguimiento/informar/{page.pk}/").status_code == 404
    for practice in report.practices.all():
        assert page.pk not in {int(li["data-id"]) for li in soup_of(client.get(practice.url)).select("[data-evidence-for] li")}


# --- Following a recommendation -------------------------------------------------------------


def test_follow_and_unfollow(client, people):
    page = factories.recommendation("published")
    url = f"/seguimiento/seguir/{page.pk}/"
    anonymous = client.post(url, {"action": "follow"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")
    assert soup_of(client.get(page.url)).select_one("form[data-follow]") is None
    member = people["member"]
    client.force_login(member)
    assert client.get(url).status_code == 405
    form = soup_of(client.get(page.url)).select_one("form[data-follow]")
    assert form["data-follow"] == "off" and form["action"] == url and form.select_one("input[name=csrfmiddlewaretoken]")
    response = client.post(url, {"action": "follow"})
    assert response.status_code == 302 and response["Location"] == page.url + "#follow"
    assert RecommendationFollower.objects.filter(recommendation=page, user=member).exists()
    assert soup_of(client.get(page.url)).select_one("form[data-follow]")["data-follow"] == "on"
    client.post(url, {"action": "follow"})  # twice is still once
    assert RecommendationFollower.objects.filter(recommendation=page, user=member).count() == 1
    client.post(url, {"action": "unfollow"})
    assert not RecommendationFollower.objects.filter(recommendation=page, user=member).exists()
    hidden = factories.recommendation("table")  # in review, not published
    assert hidden not in published_recommendations()
    assert client.post(f"/seguimiento/seguir/{hidden.pk}/", {"action": "follow"}).status_code == 404


def test_follow_needs_csrf(people):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["member"])
    page = factories.recommendation("published")
    assert strict.post(f"/seguimiento/seguir/{page.pk}/", {"action": "follow"}).status_code == 403


# --- The public follow-up report form -------------------------------------------------------


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def rendered(seconds_ago: float = 10) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=practice_forms.SALT)


def report_data(**overrides) -> dict:
    data = {
        "country": "GT",
        "status": "in_progress",
        "actor": "Instituto Guatemalteco de Migración",
        "date": "2024-03-01",
        "description": "Mesa técnica sobre regularización con organizaciones de la sociedad civil.",
        "evidence_urls": "https://example.org/acta-1\n\n  https://example.org/acta-2  \n",
        "practices": [],
        "reporter_email": "observatorio@example.org",
        "website": "",
        "rendered": rendered(),
    }
    data.update(overrides)
    return data


def form_url(page) -> str:
    return f"/seguimiento/informar/{page.pk}/"


def test_report_form_renders_for_published_recommendations_only(client):
    page = recommendation("t1-desburocratizar-procesos")
    soup = soup_of(client.get(form_url(page)))
    names = {el["name"] for el in soup.select("form.followup-report [name]")}
    assert {
        "country",
        "status",
        "actor",
        "date",
        "description",
        "evidence_urls",
        "practices",
        "reporter_email",
        "website",
        "rendered",
        "csrfmiddlewaretoken",
    } <= names
    countries = [o["value"] for o in soup.select("select[name=country] option") if o["value"]]
    assert countries[0] == "419" and "PE" in countries
    assert soup.select_one("textarea[name=evidence_urls]") is not None
    assert soup.select_one("select[name=practices]").has_attr("multiple")
    hidden = RecommendationPage.objects.originals().exclude(pk__in=published_recommendations().values("pk")).first()
    assert client.get(form_url(hidden)).status_code == 404
    assert client.get("/seguimiento/informar/999999/").status_code == 404


def test_valid_report_is_submitted_for_review_and_not_public(client):
    page = recommendation("t1-desburocratizar-procesos")
    practice = PracticePage.objects.originals().live().first()
    response = client.post(form_url(page), report_data(practices=[str(practice.pk)]))
    assert response.status_code == 302 and response["Location"] == f"/seguimiento/informar/{page.pk}/gracias/"
    report = FollowUpReport.objects.get(actor="Instituto Guatemalteco de Migración")
    assert report.review_status == "submitted" and report.reporter is None
    assert report.reporter_email == "observatorio@example.org" and report.country == "GT"
    assert report.date == datetime.date(2024, 3, 1)
    assert [e.url for e in report.evidence.order_by("sort_order")] == ["https://example.org/acta-1", "https://example.org/acta-2"]
    assert list(report.practices.values_list("pk", flat=True)) == [practice.pk]
    done = client.get(response["Location"])
    assert done.status_code == 200 and soup_of(done).select_one("[data-done]") is not None
    assert (page.pk, "GT") not in read_board(client.get(BOARD))["matrix"]
    assert report.description not in client.get(page.url).content.decode()
    assert report.description not in client.get(BOARD + "csv/").content.decode()


def test_a_member_reports_without_an_e_mail_field(client, people):
    member = people["member"]
    client.force_login(member)
    page = factories.recommendation("published")
    assert soup_of(client.get(form_url(page))).select_one("[name=reporter_email]") is None
    data = report_data(actor="Dirección General de Migración (República Dominicana)", country="DO")
    del data["reporter_email"]
    assert client.post(form_url(page), data).status_code == 302
    report = FollowUpReport.objects.get(actor="Dirección General de Migración (República Dominicana)")
    assert report.reporter == member and report.review_status == "submitted"


def invalid_fields(response) -> set[str]:
    soup = soup_of(response)
    assert soup.select_one(".errors[role=alert]") is not None
    fields = {div["data-field"] for div in soup.select(".field.invalid")}
    for name in fields:
        control = soup.select_one(f"[name={name}]")
        assert control["aria-invalid"] == "true" and f"id_{name}-errors" in control["aria-describedby"]
        assert soup.select_one(f"#id_{name}-errors li") is not None
    return fields


@pytest.mark.parametrize(
    "overrides, fields",
    [
        ({"country": "ZZ", "status": "", "actor": "", "description": ""}, {"country", "status", "actor", "description"}),
        ({"date": "ayer"}, {"date"}),
        ({"date": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()}, {"date"}),  # the service's rule
        ({"status": "implemented", "evidence_urls": ""}, {"evidence_urls"}),  # evidence required: the service's rule
        ({"evidence_urls": "no es una dirección\nftp://example.org/x"}, {"evidence_urls"}),
        ({"practices": ["999999"]}, {"practices"}),
        ({"reporter_email": ""}, {"reporter_email"}),  # anonymous without e-mail
        ({"reporter_email": "no-es-correo"}, {"reporter_email"}),
    ],
    ids=[
        "required-and-unknown",
        "bad-date",
        "future-date",
        "evidence-required",
        "bad-urls",
        "unknown-practice",
        "no-email",
        "bad-email",
    ],
)
def test_invalid_reports_are_400_with_field_errors_and_nothing_saved(client, overrides, fields):
    page = recommendation("t1-desburocratizar-procesos")
    before = FollowUpReport.objects.count()
    response = client.post(form_url(page), report_data(**overrides))
    assert response.status_code == 400
    assert invalid_fields(response) == fields
    assert FollowUpReport.objects.count() == before


@pytest.mark.parametrize(
    "prefix, expected, foreign",
    [
        ("", "necesita al menos una evidencia", "needs at least one piece of evidence"),
        ("/en", "needs at least one piece of evidence", "necesita al menos una evidencia"),
        ("/fr", "doit avoir au moins une preuve", "needs at least one piece of evidence"),
    ],
    ids=["es", "en", "fr"],
)
def test_service_errors_in_the_page_language(client, prefix, expected, foreign):
    """The service's field errors go through the catalogues: the language of the page's address,
    whatever the browser asks for (issue 21: no English on a Spanish page)."""
    page = recommendation("t1-desburocratizar-procesos")
    data = report_data(status="implemented", evidence_urls="", date="2099-01-01")
    response = client.post(prefix + form_url(page), data, HTTP_ACCEPT_LANGUAGE="en" if not prefix else "es")
    assert response.status_code == 400
    text = response.content.decode()
    assert expected in text and foreign not in text
    assert {"": "estado «Implementada»", "/en": "status “Implemented”", "/fr": "statut « Mise en œuvre »"}[prefix] in text
    if not prefix:
        assert "La fecha de lo informado no puede ser futura." in text
        assert "cannot be in the future" not in text


@pytest.mark.parametrize(
    "overrides",
    [{"website": "http://spam.example"}, {"rendered": "now"}, {"rendered": "forged"}],
    ids=["honeypot", "too-fast", "forged-timestamp"],
)
def test_report_spam_is_rejected(client, overrides):
    if overrides.get("rendered") == "now":
        overrides = {"rendered": rendered(seconds_ago=0)}
    before = FollowUpReport.objects.count()
    response = client.post(form_url(recommendation("t1-desburocratizar-procesos")), report_data(**overrides))
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert FollowUpReport.objects.count() == before


def test_report_rate_limit_per_ip(client):
    url = form_url(recommendation("t1-desburocratizar-procesos"))
    for _ in range(practice_forms.RATE_LIMIT):
        assert client.post(url, report_data(actor=""), REMOTE_ADDR="203.0.113.9").status_code == 400
    before = FollowUpReport.objects.count()
    assert client.post(url, report_data(), REMOTE_ADDR="203.0.113.9").status_code == 429
    assert FollowUpReport.objects.count() == before
    assert client.post(url, report_data(actor=""), REMOTE_ADDR="203.0.113.10").status_code == 400
