"""Text matching for the region's languages, in both backends: accents, case, one typo in
longer words, Spanish and Portuguese stems; highlighted snippets; type-ahead suggestions."""

import pytest

from search.documents import document_for

from .conftest import add_practice, run, suggest_with

pytestmark = pytest.mark.django_db


def titles(results):
    return {hit.title for hit in results.hits}


@pytest.fixture
def portuguese_practice(backend):
    page = add_practice(
        title="Brasil: Operação Acolhida para crianças e adolescentes desacompanhados",
        summary="Programa de acolhimento, interiorização e proteção de migrações venezuelanas no Brasil.",
        countries=["BR"],
        language="pt",
    )
    if backend.name == "elasticsearch":
        backend.upsert([document_for("practice", page.pk)], refresh=True)
    yield page
    if backend.name == "elasticsearch":
        backend.remove([("practice", page.pk)], refresh=True)


ECUADOR = "Ecuador: Protocolo de Atención Integral para niños, niñas y adolescentes no nacionales en contexto de movilidad humana"
PATRIA_GRANDE = "Argentina: programa de regularización “Patria Grande”"


@pytest.mark.parametrize(
    "text",
    ["ninos no acompanados", "NIÑOS NO ACOMPAÑADOS", "Niños no acompañados", "niños no acompanados"],
)
def test_spanish_accents_and_case_do_not_matter(backend, text):
    assert ECUADOR in titles(run(backend, text=text))


@pytest.mark.parametrize("text", ["migracion", "MIGRACIÓN", "Migración", "migraciones"])
def test_migracion_finds_migración(backend, text):
    results = run(backend, text=text, types=("practice", "recommendation"), page_size=100)
    assert results.total >= 5
    assert any("migración" in " ".join(sum(hit.highlight.values(), [])).lower() for hit in results.hits)


@pytest.mark.parametrize("text", ["Protecion integral", "protocolo atencion integrall", "movlidad humana", "mvoilidad humana"])
def test_one_typo_in_a_longer_word_is_tolerated(backend, text):
    assert ECUADOR in titles(run(backend, text=text))


def test_short_words_must_match_exactly(backend):
    # "ni" is not "no": typos are tolerated from five characters on only
    assert run(backend, text="patria grnde").total == 1
    assert run(backend, text="patria grabde").total == 1
    assert run(backend, text="patrio").total == 1  # one edit from "patria"
    assert run(backend, text="pat").total == 0


@pytest.mark.parametrize(
    "text",
    [
        "migracoes venezuelanas",
        "MIGRAÇÕES",
        "criancas desacompanhadas",
        "Criança desacompanhado",
        "acolhimemto",
        "operacao acolhida",
    ],
)
def test_portuguese(backend, portuguese_practice, text):
    assert portuguese_practice.title in titles(run(backend, text=text))


def test_stems_bring_inflected_forms(backend):
    singular = {
        (h.type, h.id)
        for h in run(backend, text="trabajadora migrante", types=("practice", "recommendation"), page_size=100).hits
    }
    plural = {
        (h.type, h.id)
        for h in run(backend, text="trabajadoras migrantes", types=("practice", "recommendation"), page_size=100).hits
    }
    assert singular and singular == plural


def test_highlights_are_escaped_snippets_of_the_original_text(backend):
    [hit] = [h for h in run(backend, text="ninos no acompanados").hits if h.title == ECUADOR]
    assert "title" in hit.highlight and "summary" in hit.highlight
    joined = " ".join(sum(hit.highlight.values(), []))
    assert "<mark>niños</mark>" in joined and "<mark>acompañados</mark>" in joined
    assert "<" not in joined.replace("<mark>", "").replace("</mark>", "")
    assert run(backend, text="").hits[0].highlight == {}


def test_suggestions_from_titles(backend):
    found = suggest_with(backend, "patria gr")
    assert [s["title"] for s in found] == [PATRIA_GRANDE]
    assert set(found[0]) == {"title", "url", "type", "id"} and found[0]["type"] == "practice"
    # accent- and case-insensitive, titles that start with the prefix first
    leyes = suggest_with(backend, "LEY", limit=20)
    assert leyes and all("ley" in s["title"].lower() for s in leyes)
    argentina = [s["title"] for s in suggest_with(backend, "argen")]
    assert argentina[0] == PATRIA_GRANDE and "Quilmes (Argentina)" in argentina[-1]  # starts-with first
    assert suggest_with(backend, "ecuador prot")[0]["title"] == ECUADOR
    assert suggest_with(backend, "incorporar", types=("practice",)) == []
    assert suggest_with(backend, "incorporar", types=("recommendation",))
    assert len(suggest_with(backend, "a", limit=3)) == 3
