"""Tables of the database search backend (the embedded default, and the fallback when
Elasticsearch is unreachable). They hold one row per *published* item, kept in step by the
signal receivers of :mod:`search.indexing` in the same transaction as the change.

* :class:`SearchEntry`: the document (JSON), the columns we sort and filter on, and on
  PostgreSQL two ``tsvector`` columns (folded text, stems) with GIN indexes.
* On SQLite, the virtual table ``enlace_search_fts`` (FTS5, ``unicode61`` with diacritics
  removed) with ``rowid`` = entry id, created by migration 0002.
* :class:`SearchFacetValue`: one row per (entry, facet, code), so facet counts are one
  ``GROUP BY`` on every database.
* :class:`SearchTerm`: the vocabulary of indexed terms, to expand a query term to its
  one-typo neighbours (looked up by first or last two characters).
"""

from django.db import models


class TSVectorField(models.Field):
    """``tsvector`` on PostgreSQL; an unused nullable text column elsewhere."""

    description = "PostgreSQL tsvector (text elsewhere)"

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    type = models.CharField(max_length=32)
    object_id = models.PositiveBigIntegerField()
    slug = models.CharField(max_length=255)
    url = models.CharField(max_length=1000, blank=True)
    title = models.TextField()
    title_sort = models.CharField(max_length=255)
    start_year = models.PositiveSmallIntegerField(null=True)
    published = models.BigIntegerField(default=0)
    event = models.CharField(max_length=255, blank=True)
    fingerprint = models.CharField(max_length=40)
    document = models.JSONField()
    vector = TSVectorField(null=True, editable=False)
    stem_vector = TSVectorField(null=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["type", "object_id"], name="search_entry_unique_item")]
        indexes = [
            models.Index(fields=["type", "start_year"], name="search_entry_type_year"),
            models.Index(fields=["type", "published"], name="search_entry_type_published"),
            models.Index(fields=["type", "title_sort"], name="search_entry_type_title"),
        ]

    def __str__(self) -> str:
        return f"{self.type}:{self.object_id} {self.title}"


class SearchFacetValue(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=32)
    code = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "code"], name="search_facet_value_unique"),
        ]
        indexes = [models.Index(fields=["facet", "code", "entry"], name="search_facet_code_entry")]


class SearchTerm(models.Model):
    term = models.CharField(max_length=100, primary_key=True)
    length = models.PositiveSmallIntegerField()
    prefix2 = models.CharField(max_length=2)
    suffix2 = models.CharField(max_length=2)

    class Meta:
        indexes = [
            models.Index(fields=["prefix2", "length"], name="search_term_prefix"),
            models.Index(fields=["suffix2", "length"], name="search_term_suffix"),
        ]
