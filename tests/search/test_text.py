"""The text rules both backends share (no database needed)."""

import pytest

from search.text import Matcher, fold, match_spans, query_terms, snippets, stems, within_one_edit


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Migración", "migracion"),
        ("NIÑOS no acompañados", "ninos no acompanados"),
        ("Crianças e migrações", "criancas e migracoes"),
        ("Ley N.º 31.685", "ley n o 31 685"),
        ("l’école", "l ecole"),
        ("Straße", "straße"),
    ],
)
def test_folding_is_accent_and_case_insensitive_and_keeps_length(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_query_terms_are_folded_distinct_and_bounded():
    assert query_terms("  Niños, NIÑOS y niñas ") == ["ninos", "y", "ninas"]
    assert len(query_terms(" ".join(f"w{i}" for i in range(40)))) == 12


@pytest.mark.parametrize(
    "a, b, close",
    [
        ("migracion", "migracion", True),
        ("migracion", "migrasion", True),  # substitution
        ("migracion", "migracon", True),  # deletion
        ("migracion", "miggracion", True),  # insertion
        ("migracion", "mirgacion", True),  # transposition of neighbours
        ("migracion", "migrasiom", False),
        ("migracion", "migraciones", False),
    ],
)
def test_one_edit(a, b, close):
    assert within_one_edit(a, b) is close


def test_spanish_and_portuguese_stems_meet_across_inflections():
    assert stems("migraciones") & stems("migracion")
    assert stems("ninos") & stems("nino")
    assert stems("criancas") & stems("crianca")
    assert stems("2023") == frozenset()


def test_snippets_mark_the_original_text_and_escape_html():
    text = "Niños <b>no</b> acompañados & migración"
    matcher = Matcher(terms=frozenset({"ninos", "migracion"}), stems=frozenset())
    [snippet] = snippets(text, match_spans(text, matcher))
    assert snippet == "<mark>Niños</mark> &lt;b&gt;no&lt;/b&gt; acompañados &amp; <mark>migración</mark>"


def test_long_text_gives_fragments_around_matches():
    text = ("palabra " * 60) + "migración " + ("otra " * 60) + "Migraciones final"
    matcher = Matcher(terms=frozenset({"migracion"}), stems=stems("migracion"))
    fragments = snippets(text, match_spans(text, matcher), size=80)
    assert len(fragments) == 2
    assert "<mark>migración</mark>" in fragments[0] and "<mark>Migraciones</mark>" in fragments[1]
    assert all(len(f) < 140 for f in fragments)


def test_the_matcher_tolerates_one_typo_in_long_terms():
    matcher = Matcher.for_terms(["migracion", "ley"])
    assert matcher.matches("migrasion") and matcher.matches("migraciones")  # typo, stem
    assert not matcher.matches("le") and matcher.matches("ley")
