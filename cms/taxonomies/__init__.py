"""The taxonomies of Enlace: fixed vocabularies with stable codes and labels in es/en/pt/fr.

This package is the only owner of taxonomy codes and labels: models store codes, and
everything that shows a label (admin, site, API, search facets) asks a :class:`Vocabulary`.
Labels live in :mod:`cms.taxonomies.data`; countries come from ``pycountry`` (ISO 3166-1
alpha-2 codes and their translations), with the 33 countries of Latin America and the
Caribbean marked as the region and listed first.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import pycountry
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import get_language

from . import data

LANGUAGES = ("es", "en", "pt", "fr")
DEFAULT_LANGUAGE = "es"

# The 33 member states of ECLAC in Latin America and the Caribbean.
REGION_COUNTRY_CODES = frozenset(
    {
        "AG",
        "AR",
        "BS",
        "BB",
        "BZ",
        "BO",
        "BR",
        "CL",
        "CO",
        "CR",
        "CU",
        "DM",
        "DO",
        "EC",
        "SV",
        "GD",
        "GT",
        "GY",
        "HT",
        "HN",
        "JM",
        "MX",
        "NI",
        "PA",
        "PY",
        "PE",
        "KN",
        "LC",
        "VC",
        "SR",
        "TT",
        "UY",
        "VE",
    }
)


def normalise_language(language: str | None) -> str:
    """Map ``pt-br``, ``en-us``... to one of the four languages; default Spanish."""
    if not language:
        language = get_language() or DEFAULT_LANGUAGE
    short = language.split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Term:
    code: str
    labels: Mapping[str, str]
    in_region: bool = False

    def label(self, language: str | None = None) -> str:
        return self.labels[normalise_language(language)]


@dataclass(frozen=True)
class Vocabulary:
    """An ordered, fixed list of terms, looked up by code."""

    name: str
    terms: tuple[Term, ...]
    _by_code: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {term.code: term for term in self.terms}
        if len(by_code) != len(self.terms):
            raise ValueError(f"duplicate codes in vocabulary {self.name}")
        object.__setattr__(self, "_by_code", by_code)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Term:
        return self._by_code[code]

    def get(self, code: str) -> Term | None:
        return self._by_code.get(code)

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def label(self, code: str, language: str | None = None) -> str:
        """The label of ``code``; an unknown code is shown as itself rather than failing."""
        term = self._by_code.get(code)
        return term.label(language) if term else code

    def lazy_label(self, code: str):
        """A label resolved in the active language when rendered (for form choices)."""
        return _lazy_label(self, code)

    def choices(self, language: str | None = None) -> list[tuple[str, str]]:
        if language is None:
            return [(term.code, self.lazy_label(term.code)) for term in self.terms]
        return [(term.code, term.label(language)) for term in self.terms]

    def as_list(self, language: str | None = None) -> list[dict[str, str]]:
        return [{"code": term.code, "label": term.label(language)} for term in self.terms]

    def unknown(self, codes: Iterable[str]) -> list[str]:
        return [code for code in codes if code not in self._by_code]

    def validate(self, codes: Iterable[str]) -> None:
        bad = self.unknown(codes)
        if bad:
            raise ValidationError(
                "Unknown %(vocabulary)s code(s): %(codes)s",
                code="invalid_choice",
                params={"vocabulary": self.name, "codes": ", ".join(map(str, bad))},
            )


_lazy_label = lazy(lambda vocabulary, code: vocabulary.label(code), str)


def _from_data(name: str, rows) -> Vocabulary:
    return Vocabulary(name, tuple(Term(code, dict(labels)) for code, labels in rows))


def _country_labels(country) -> dict[str, str]:
    english = getattr(country, "common_name", None) or country.name
    labels = {"en": english}
    for language in ("es", "pt", "fr"):
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        translated = catalogue.gettext(english)
        if translated == english and english != country.name:
            translated = catalogue.gettext(country.name)
        labels[language] = translated
    return labels


def _countries() -> Vocabulary:
    terms = [Term(c.alpha_2, _country_labels(c), in_region=c.alpha_2 in REGION_COUNTRY_CODES) for c in pycountry.countries]
    # The region first, then the rest of the world, each in Spanish alphabetical order.
    terms.sort(key=lambda t: (not t.in_region, _sort_key(t.labels["es"])))
    return Vocabulary("countries", tuple(terms))


def _sort_key(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


COUNTRIES = _countries()
OBJECTIVES = _from_data("objectives", data.OBJECTIVES)
PRINCIPLES = _from_data("principles", data.PRINCIPLES)
TABLES = _from_data("tables", data.TABLES)
TABLE_NAMES = _from_data("table_names", data.TABLE_NAMES)
STAKEHOLDER_GROUPS = _from_data("stakeholder_groups", data.STAKEHOLDER_GROUPS)
LEVELS = _from_data("levels", data.LEVELS)
POPULATIONS = _from_data("populations", data.POPULATIONS)
PRACTICE_STATUSES = _from_data("practice_statuses", data.PRACTICE_STATUSES)
DOCUMENT_LANGUAGES = _from_data("languages", data.LANGUAGES)
CONTENT_TYPES = _from_data("content_types", data.CONTENT_TYPES)
EVENT_FORMATS = _from_data("event_formats", data.EVENT_FORMATS)
ORGANISATION_KINDS = _from_data("organisation_kinds", data.ORGANISATION_KINDS)
ADDRESSEES = _from_data("addressees", data.ADDRESSEES)
FOLLOW_UP_STATUSES = _from_data("follow_up_statuses", data.FOLLOW_UP_STATUSES)
FOLLOW_UP_REVIEW_STATUSES = _from_data("follow_up_review_statuses", data.FOLLOW_UP_REVIEW_STATUSES)
# A follow-up report's scope: one country, or the region as a whole ("419").
REGIONAL_SCOPE = data.REGIONAL_SCOPE[0]
FOLLOW_UP_SCOPES = Vocabulary(
    "follow_up_scopes", (Term(REGIONAL_SCOPE, dict(data.REGIONAL_SCOPE[1]), in_region=True), *COUNTRIES.terms)
)
ROLES = _from_data("roles", data.ROLES)
REVIEW_STATUSES = _from_data("review_statuses", data.REVIEW_STATUSES)
REVIEW_STAGES = _from_data("review_stages", data.REVIEW_STAGES)
REVIEW_ACTIONS = _from_data("review_actions", data.REVIEW_ACTIONS)

TABLE_CODES = TABLES.codes  # for the API schema's enums
REVIEW_STAGE_CODES = REVIEW_STAGES.codes
COUNTRY_CODES = COUNTRIES.codes
FOLLOW_UP_STATUS_CODES = FOLLOW_UP_STATUSES.codes
FOLLOW_UP_SCOPE_CODES = FOLLOW_UP_SCOPES.codes

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        COUNTRIES,
        OBJECTIVES,
        PRINCIPLES,
        TABLES,
        TABLE_NAMES,
        STAKEHOLDER_GROUPS,
        LEVELS,
        POPULATIONS,
        PRACTICE_STATUSES,
        DOCUMENT_LANGUAGES,
        CONTENT_TYPES,
        EVENT_FORMATS,
        ORGANISATION_KINDS,
        ADDRESSEES,
        FOLLOW_UP_STATUSES,
        FOLLOW_UP_REVIEW_STATUSES,
        FOLLOW_UP_SCOPES,
        ROLES,
        REVIEW_STATUSES,
        REVIEW_STAGES,
        REVIEW_ACTIONS,
    )
}

# The vocabularies of the public taxonomy endpoint (SPEC §5), under their API names.
PUBLIC_TAXONOMIES = {
    "countries": COUNTRIES,
    "objectives": OBJECTIVES,
    "principles": PRINCIPLES,
    "tables": TABLES,
    "stakeholder_groups": STAKEHOLDER_GROUPS,
    "levels": LEVELS,
    "populations": POPULATIONS,
}


def vocabulary(name: str) -> Vocabulary:
    try:
        return VOCABULARIES[name]
    except KeyError:
        raise LookupError(f"no vocabulary named {name!r}") from None


def table_name(code: str, language: str | None = None) -> str:
    """``Mesa 1: Factores de la migración y rutas regulares`` in the given language."""
    return f"{TABLE_NAMES.label(code, language)}: {TABLES.label(code, language)}"
