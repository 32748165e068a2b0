import pycountry
import pytest
from django.core.exceptions import ValidationError

from cms import taxonomies
from cms.taxonomies import (
    COUNTRIES,
    LANGUAGES,
    OBJECTIVES,
    PRINCIPLES,
    PUBLIC_TAXONOMIES,
    REGION_COUNTRY_CODES,
    STAKEHOLDER_GROUPS,
    TABLES,
    VOCABULARIES,
)


def test_vocabulary_sizes_match_the_global_compact():
    assert len(OBJECTIVES) == 23
    assert OBJECTIVES.codes == tuple(str(n) for n in range(1, 24))
    assert len(PRINCIPLES) == 10
    assert len(TABLES) == 4
    assert len(STAKEHOLDER_GROUPS) == 13
    assert {"regional", "national", "local"} == set(taxonomies.LEVELS.codes)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_term_has_a_label_in_all_four_languages(name):
    for term in VOCABULARIES[name]:
        assert set(term.labels) == set(LANGUAGES), (name, term.code)
        assert all(label.strip() for label in term.labels.values()), (name, term.code)


def test_countries_are_all_of_iso_3166_with_the_region_first():
    assert len(COUNTRIES) == len(pycountry.countries)
    assert len(REGION_COUNTRY_CODES) == 33
    region = [term for term in COUNTRIES if term.in_region]
    assert {term.code for term in region} == REGION_COUNTRY_CODES
    # The 33 region countries come first.
    assert [term.in_region for term in COUNTRIES][:33] == [True] * 33
    assert "US" in COUNTRIES and not COUNTRIES["US"].in_region  # diaspora countries allowed


def test_country_labels_are_translated():
    assert COUNTRIES.label("PE", "es") == "Perú"
    assert COUNTRIES.label("PE", "fr") == "Pérou"
    assert COUNTRIES.label("BR", "pt") == "Brasil"
    assert COUNTRIES.label("BO", "en") == "Bolivia"  # common name, not "Plurinational State of"


def test_labels_follow_the_requested_then_active_language(settings):
    from django.utils import translation

    assert OBJECTIVES.label("7", "es").startswith("Abordar y reducir las vulnerabilidades")
    assert OBJECTIVES.label("7", "en-GB").startswith("Address and reduce vulnerabilities")
    assert OBJECTIVES.label("7", "xx") == OBJECTIVES.label("7", "es")  # unknown language: Spanish
    with translation.override("pt"):
        assert TABLES.label("3") == TABLES["3"].labels["pt"]
        lazy_choices = dict(TABLES.choices())
        assert str(lazy_choices["3"]) == TABLES["3"].labels["pt"]


def test_validate_names_the_unknown_codes():
    OBJECTIVES.validate(["7", "23"])
    with pytest.raises(ValidationError) as error:
        OBJECTIVES.validate(["7", "24", "x"])
    assert "24, x" in str(error.value)


def test_public_taxonomies_are_the_spec_names():
    assert list(PUBLIC_TAXONOMIES) == [
        "countries",
        "objectives",
        "principles",
        "tables",
        "stakeholder_groups",
        "levels",
        "populations",
    ]


@pytest.mark.django_db
def test_models_reject_codes_outside_their_vocabulary():
    from cms.models import PracticePage

    practice = PracticePage.objects.originals().first()
    practice.objectives = ["7", "99"]
    practice.countries = ["PE", "PE"]
    practice.level = "planetary"
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert set(error.value.message_dict) >= {"objectives", "countries", "level"}
