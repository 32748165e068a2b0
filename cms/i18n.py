"""Content in four languages, the Wagtail way (SPEC §6; docs/i18n.md).

* **Spanish is the original.** Every page is written in the Spanish tree first, and everything
  that lists or counts content (``cms.selectors``, search documents, the follow-up board, the
  API, exports) reads Spanish pages only (``.objects.originals()``): a translation never
  doubles a count or a search hit.
* **The tree is mirrored** into the other locales (English, Portuguese, French): each Spanish
  page gets an *alias* in each of them (:func:`add_translations`, run for every new Spanish
  page wherever it is created; Wagtail's own ``WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE`` only
  covers pages created in the admin). A table's working material (a page type with
  ``mirror_once_published``: recommendations) is mirrored when first published, never before:
  its drafts stay in its table's subtree, where only the table's page rights reach them. An alias shows the Spanish content under ``/en/…`` with
  the interface in English, and follows every publication of its original. A translator turns
  it into a real translation in the admin (convert the alias, edit, publish).
* **A translation never outlives or outruns its original**: a page of another locale is served
  only while its Spanish page is live and public (``cms.wagtail_hooks``).
* **Links follow the reader's language**: lists read in Spanish are mapped to the pages of the
  active locale in one query (:func:`localize`, :func:`localized_by_pk`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.models import Locale, Page

P = TypeVar("P", bound=Page)

# The locales a request has looked up, by language code (a page asked for them up to six times:
# Wagtail's ``Locale.get_active()``/``get_default()`` query each time). Only while a request
# runs: commands, tasks and tests outside a request always read the table.
_request_locales: ContextVar[dict[str, Locale] | None] = ContextVar("enlace_request_locales", default=None)


def locale_for(language_code: str) -> Locale:
    """``Locale.objects.get_for_language``, once per request and language."""
    known = _request_locales.get()
    if known is None:
        return Locale.objects.get_for_language(language_code)
    if language_code not in known:
        known[language_code] = Locale.objects.get_for_language(language_code)
    return known[language_code]


def default_locale() -> Locale:
    return locale_for(settings.LANGUAGE_CODE)


def active_locale() -> Locale | None:
    try:
        return locale_for(translation.get_language())
    except (LookupError, Locale.DoesNotExist):
        try:
            return default_locale()
        except Locale.DoesNotExist:
            return None


def is_original(page: Page) -> bool:
    return page.locale_id == default_locale().pk


def original(page: P) -> P | None:
    """The Spanish page ``page`` is a version of (``page`` itself when it is Spanish); None for a
    page with no Spanish original."""
    default = default_locale()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default)


def content_language(page: Page) -> str:
    """The language ``page``'s text is written in: an alias shows its Spanish original."""
    known = getattr(page, "content_language", None)
    if known:
        return known
    if page.alias_of_id:
        return settings.LANGUAGE_CODE
    return page.locale.language_code


def localize(pages: Iterable[P]) -> list[P]:
    """``pages`` (same order) replaced by their live version in the active locale where there is
    one: one query per page type, none when they are already in it. Each page returned knows
    its ``content_language`` (for ``lang`` attributes)."""
    pages = list(pages)
    locale = active_locale() if pages else None
    if locale is None:
        return pages
    foreign = [page for page in pages if page.locale_id != locale.pk]
    found: dict = {}
    for model in {type(page) for page in foreign}:
        keys = [page.translation_key for page in foreign if type(page) is model]
        for version in model.objects.filter(translation_key__in=keys, locale=locale, live=True):
            found[version.translation_key] = version
    result = []
    for page in pages:
        if page.locale_id != locale.pk:
            page = found.get(page.translation_key, page)
        in_locale = page.locale_id == locale.pk and not page.alias_of_id
        page.content_language = locale.language_code if in_locale else settings.LANGUAGE_CODE
        result.append(page)
    return result


def localized_by_pk(pks: Sequence[int]) -> dict[int, Page]:
    """For pages ``pks`` (e.g. search hits): their live version in the active locale, by the
    original's pk; pages already in that locale, or without a version in it, are left out."""
    locale = active_locale() if pks else None
    if locale is None:
        return {}
    keys = dict(Page.objects.filter(pk__in=pks).exclude(locale=locale).values_list("translation_key", "pk"))
    if not keys:
        return {}
    versions = Page.objects.filter(translation_key__in=keys, locale=locale, live=True)
    return {keys[version.translation_key]: version for version in versions}


# --- keeping the trees in step -------------------------------------------------------------


def ensure_locales() -> list[Locale]:
    """A locale for every language of the site (``LANGUAGES``); Spanish exists from the migrations."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in settings.LANGUAGE_CODES]


def mirrored_now(page: Page) -> bool:
    """Whether ``page`` belongs in the other locales' trees yet (see the module docstring)."""
    return page.live or not getattr(page.specific_class, "mirror_once_published", False)


def add_translations(page: Page) -> int:
    """Alias the Spanish ``page`` into every locale that has no version of it (parents too)."""
    if not mirrored_now(page):
        return 0
    added = 0
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
            added += 1
    return added


def sync_page_tree() -> int:
    """Every Spanish page aliased in every locale where it belongs (idempotent; for trees older
    than the locales), and aliases of working material that is not public removed."""
    default = default_locale()
    pages = Page.objects.filter(depth__gt=1, locale=default).order_by("path").specific()
    added = 0
    for page in pages:
        if mirrored_now(page):
            added += add_translations(page)
        else:
            for alias in Page.objects.filter(alias_of=page).exclude(locale=default):
                alias.delete()
    return added


def on_page_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not created or raw or not isinstance(instance, Page) or instance.depth <= 1 or instance.alias_of_id:
        return
    if is_original(instance):
        add_translations(instance)


def on_page_published(sender, instance, **kwargs) -> None:
    """Working material joins the other trees when it is first published."""
    if getattr(instance, "mirror_once_published", False) and not instance.alias_of_id and is_original(instance):
        add_translations(instance)


def _remember_locales(**kwargs) -> None:
    _request_locales.set({})


def _forget_locales(**kwargs) -> None:
    _request_locales.set(None)


def connect() -> None:
    from wagtail.signals import page_published

    request_started.connect(_remember_locales, dispatch_uid="cms.i18n.request_started")
    request_finished.connect(_forget_locales, dispatch_uid="cms.i18n.request_finished")
    post_save.connect(on_page_saved, dispatch_uid="cms.i18n.page_saved")
    page_published.connect(on_page_published, dispatch_uid="cms.i18n.page_published")
