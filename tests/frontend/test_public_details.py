"""Small things of issue 21: the home page's objective counts link to the search they count, the
board's country filter shows how many recommendations have follow-up in each country, and the
Wagtail admin asks no avatar service (no request from any page leaves the site)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_home_objective_counts_link_to_their_search(client, prefix):
    soup = soup_of(client.get(prefix + "/"))
    table = soup.find(id="by-objective").find_parent("section").table
    linked = 0
    for row in table.tbody.find_all("tr"):
        count = int(row.find_all("td")[1].get_text(strip=True))
        link = row.find("a")
        if not count:
            assert link is None  # no link to an empty search
            continue
        code = re.match(r"(\d+)\.", row.td.get_text(strip=True)).group(1)
        assert link["href"] == f"{prefix}/practicas/?objective={code}"
        results = soup_of(client.get(link["href"]))
        shown = int(re.search(r"\d+", results.find(id="results-heading").get_text()).group())
        assert shown == count
        linked += 1
    assert linked >= 5


def test_board_country_filter_shows_counts(client):
    soup = soup_of(client.get("/seguimiento/"))
    counts = {}
    for box in soup.select('fieldset[data-filter="country"] input[name=country]'):
        text = box.find_parent("label").get_text(" ", strip=True)
        counts[box["value"]] = int(re.search(r"\((\d+)\)$", text).group(1))
    assert len(counts) >= 33  # every country of the region, with or without follow-up
    for code in ("PE", "HN", "AR", "CU"):
        progress = client.get("/api/v1/progress/", {"country": code}).json()
        assert counts[code] == progress["totals"]["with_reports"], code
    assert counts["PE"] > 0 and counts["CU"] == 0


def test_admin_asks_no_avatar_service(client, people):
    client.force_login(people["admin"])
    for url in ("/admin/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
        # What a browser would fetch by itself (images, scripts, stylesheets), not links to follow.
        fetched = re.findall(r'\ssrc="(?:https?:)?//([^/"]+)', html)
        fetched += re.findall(r'<link\b[^>]*\srel="(?:stylesheet|icon|preload)"[^>]*\shref="(?:https?:)?//([^/"]+)', html)
        assert set(fetched) <= {"testserver"}, (url, fetched)
