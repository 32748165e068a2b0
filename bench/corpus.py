"""A deterministic synthetic corpus of practices and recommendations.

Two ways in:

* :func:`practice_documents` yields search documents directly (no pages): ``bench/run.py``
  uses it to load an index quickly.
* :func:`create_pages` writes real, published Wagtail pages (``PracticePage`` under the
  repository of practices, ``RecommendationPage`` under the four table spaces) **in bulk**:
  treebeard paths are computed here and the base ``wagtailcore_page`` rows and the specific
  rows are inserted in batches (``add_child`` one by one would take an hour at 100,000). No
  signal fires, so the search indexes are then built by the product's own ``search_reindex``
  (which is what ``bench/harness.py`` measures).

Distributions (seeded, so two runs build the same corpus):

* countries: 1-3 per practice (1: 70 %, 2: 20 %, 3: 10 %), drawn with weights like the
  region's population and migration flows (Mexico, Colombia, Brazil, Peru, Ecuador, Venezuela,
  Chile, Argentina... first; the small Caribbean states last);
* GCM objectives: 1-4 (weights 35/35/20/10 %); principles 1-3; stakeholder groups 0-2;
  populations 0-3; one table, one level; start year 2000-2024 or none (10 %);
* language: Spanish 75 %, Portuguese 25 % (Brazil-only practices are Portuguese); words drawn
  from the demo world's own Spanish texts (real frequencies) or a Portuguese vocabulary of the
  same field; title 5-12 words, summary 30-60, body 8-16 sentences of 10-25 words (~150-400
  words), results and lessons 0-30 words each: the length of the demo practices;
* 0-2 implementing organisations from the directory; one recommendation per 20 practices.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from cms.demo import data as demo
from cms.taxonomies import LEVELS, OBJECTIVES, POPULATIONS, PRINCIPLES, REGION_COUNTRY_CODES, STAKEHOLDER_GROUPS, TABLES
from search.documents import FACETS, _finish, _places

FIRST_ID = 10_000_000
SLUG_PREFIX = "bench-"
RECOMMENDATIONS_PER_PRACTICE = 1 / 20

# Relative weights: population and migration in the region (orders of magnitude, not census).
COUNTRY_WEIGHTS = {
    "MX": 30,
    "CO": 22,
    "BR": 20,
    "PE": 14,
    "EC": 10,
    "VE": 10,
    "CL": 9,
    "AR": 9,
    "GT": 6,
    "HN": 6,
    "SV": 4,
    "DO": 4,
    "HT": 4,
    "BO": 4,
    "CR": 4,
    "PA": 3,
    "NI": 3,
    "CU": 3,
    "PY": 2,
    "UY": 2,
    "TT": 1,
    "JM": 1,
    "GY": 1,
    "BZ": 1,
    "SR": 0.5,
    "BS": 0.5,
    "BB": 0.5,
    "LC": 0.3,
    "GD": 0.3,
    "VC": 0.3,
    "AG": 0.3,
    "DM": 0.3,
    "KN": 0.2,
}
assert set(COUNTRY_WEIGHTS) == set(REGION_COUNTRY_CODES)

# Portuguese words of the field, the frequent ones repeated (Zipf-like draws).
_PT = (
    "de de de de de da da da do do do em em em para para para com com os os as as a a a o o o e e e e "
    "que que uma uma um um pessoas pessoas migrantes migrantes migrantes refugiados refugiadas "
    "acesso acesso direitos direitos direitos proteção proteção integração integração social "
    "municipal municipais governo governo federal estadual política políticas pública públicas "
    "programa programa projeto projetos assistência atendimento acolhimento abrigo abrigos "
    "documentação regularização migratória migratório trabalho trabalhadoras trabalhadores "
    "emprego renda saúde educação escola escolas crianças adolescentes mulheres famílias "
    "comunidade comunidades sociedade civil organizações rede redes apoio serviços fronteira "
    "interiorização venezuelanos haitianos bolivianos brasil estado cidade região norte sul "
    "violência gênero discriminação xenofobia inclusão língua portuguesa cursos capacitação "
    "jurídica orientação informação defensoria pública ministério conselho nacional plano "
    "estratégia ação ações resultados aprendizagem desafios parceria parcerias cooperação "
    "internacional humanitária resposta emergência moradia alimentação vulnerabilidade "
    "situação condições durante desde entre pelo pela sobre através mais muito também anos"
).split()


def _spanish_vocabulary() -> list[str]:
    texts = []
    for row in demo.PRACTICES + demo.RECOMMENDATIONS:
        for value in row.values():
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                texts.extend(v for v in value if isinstance(v, str))
    return re.findall(r"[^\W\d_]{2,}", " ".join(texts))  # with repetitions: realistic frequencies


_vocabulary = _spanish_vocabulary  # the name bench/run.py's first version used


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    if n <= 0:
        return ""
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[:1].upper() + text[1:] + "."


def _pick(rng: random.Random, codes, lo: int, hi: int) -> list[str]:
    return sorted(rng.sample(list(codes), rng.randint(lo, hi)))


def _countries(rng: random.Random, codes: list[str], weights: list[float]) -> list[str]:
    wanted = rng.choices((1, 2, 3), weights=(70, 20, 10))[0]
    chosen: set[str] = set()
    while len(chosen) < wanted:
        chosen.add(rng.choices(codes, weights=weights)[0])
    return sorted(chosen)


def practice_fields(count: int, seed: int = 2023, start: int = 0) -> Iterator[dict]:
    """The field values of practices ``start`` … ``count - 1`` (deterministic per index)."""
    es_words = _spanish_vocabulary()
    codes = sorted(COUNTRY_WEIGHTS)
    weights = [COUNTRY_WEIGHTS[c] for c in codes]
    for i in range(start, count):
        rng = random.Random(f"{seed}-{i}")  # per item: the 100k corpus extends the 10k one
        countries = _countries(rng, codes, weights)
        language = "pt" if countries == ["BR"] or rng.random() < 0.12 else "es"
        words = _PT if language == "pt" else es_words
        year = None if rng.random() < 0.1 else rng.randint(2000, 2024)
        sentences = [_sentence(rng, words, rng.randint(10, 25)) for _ in range(rng.randint(8, 16))]
        yield {
            "index": i,
            "title": _sentence(rng, words, rng.randint(5, 12))[:-1][:250],
            "summary": _sentence(rng, words, rng.randint(30, 60)),
            "body": "".join(f"<p>{s}</p>" for s in sentences),
            "body_text": " ".join(sentences),
            "countries": countries,
            "objectives": sorted(
                rng.sample(list(OBJECTIVES.codes), rng.choices((1, 2, 3, 4), weights=(35, 35, 20, 10))[0]), key=int
            ),
            "principles": _pick(rng, PRINCIPLES.codes, 1, 3),
            "table": rng.choice(TABLES.codes),
            "stakeholder_groups": _pick(rng, STAKEHOLDER_GROUPS.codes, 0, 2),
            "level": rng.choice(LEVELS.codes),
            "populations": _pick(rng, POPULATIONS.codes, 0, 3),
            "start_year": year,
            "language": language,
            "results": _sentence(rng, words, rng.randint(0, 30)),
            "lessons_learned": _sentence(rng, words, rng.randint(0, 30)),
            "organisations": rng.choices((0, 1, 2), weights=(30, 50, 20))[0],
            "rng": rng,
        }


def practice_documents(count: int, seed: int = 2023) -> Iterator[dict]:
    """Search documents straight from the generator (no pages)."""
    for f in practice_fields(count, seed):
        i = f["index"]
        facets = {name: [] for name in FACETS}
        facets.update(
            country=f["countries"],
            objective=f["objectives"],
            principle=f["principles"],
            table=[f["table"]],
            stakeholder_group=f["stakeholder_groups"],
            level=[f["level"]],
            population=f["populations"],
            start_year=[str(f["start_year"])] if f["start_year"] else [],
            language=[f["language"]],
            type=["practice"],
        )
        yield _finish(
            {
                "type": "practice",
                "id": FIRST_ID + i,
                "slug": f"sintetica-{i}",
                "url": f"/practicas/sintetica-{i}/",
                "title": f["title"],
                "summary": f["summary"],
                "start_year": f["start_year"],
                "published": 1_600_000_000_000 + i * 1000,
                "language": f["language"],
                "event": "",
                "facets": facets,
                "text": {
                    "title": f["title"],
                    "summary": f["summary"],
                    "body": f["body_text"],
                    "organisations": "",
                    "places": _places(f["countries"]),
                    "results": f["results"],
                    "lessons_learned": f["lessons_learned"],
                    "rationale": "",
                },
            }
        )


# --- real pages, in bulk ----------------------------------------------------------------------


def _child_paths(parent, how_many: int) -> Iterator[str]:
    """Treebeard materialised paths of ``how_many`` new children after the parent's last child."""
    from wagtail.models import Page

    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    alphabet, steplen = Page.alphabet, Page.steplen
    position = 0
    if last:
        position = sum(alphabet.index(ch) * len(alphabet) ** k for k, ch in enumerate(reversed(last[-steplen:])))
    for n in range(position + 1, position + 1 + how_many):
        digits, value = [], n
        for _ in range(steplen):
            value, rem = divmod(value, len(alphabet))
            digits.append(alphabet[rem])
        yield parent.path + "".join(reversed(digits))


def _insert_specific(model, objects) -> None:
    """INSERT the specific table's rows of multi-table-inheritance pages whose base rows exist."""
    fields = [f for f in model._meta.local_concrete_fields]
    model._base_manager._insert(objects, fields=fields, raw=True)


def count_bench_practices() -> int:
    from cms.models import PracticePage

    return PracticePage.objects.originals().filter(slug__regex=rf"^{SLUG_PREFIX}[0-9]+$").count()


def create_pages(target: int, *, seed: int = 2023, batch: int = 2000, progress=None) -> int:
    """Make the number of synthetic published practices ``target`` (adds the missing ones, plus
    one recommendation per 20); returns how many practices were added."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Locale, Page

    from cms.models import Organisation, PracticeIndexPage, PracticePage, RecommendationPage, TableSpacePage

    have = count_bench_practices()
    if have >= target:
        return 0
    repository = PracticeIndexPage.objects.originals().first()
    spaces = list(TableSpacePage.objects.originals().order_by("path"))
    org_ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    locale = Locale.get_default()
    practice_ct = ContentType.objects.get_for_model(PracticePage)
    recommendation_ct = ContentType.objects.get_for_model(RecommendationPage)
    through = PracticePage.organisations.through
    base_time = datetime(2020, 1, 1, tzinfo=UTC)
    paths = _child_paths(repository, target - have)
    added = 0
    rec_serial = int(have * RECOMMENDATIONS_PER_PRACTICE)
    fields_iter = practice_fields(target, seed, start=have)
    while True:
        chunk = [f for _, f in zip(range(batch), fields_iter, strict=False)]
        if not chunk:
            break
        with transaction.atomic():
            bases, specifics = [], []
            for f in chunk:
                i = f["index"]
                when = base_time + timedelta(minutes=i)
                slug = f"{SLUG_PREFIX}{i}"
                bases.append(
                    Page(
                        title=f["title"],
                        draft_title=f["title"],
                        slug=slug,
                        content_type=practice_ct,
                        path=next(paths),
                        depth=repository.depth + 1,
                        numchild=0,
                        url_path=f"{repository.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=when,
                        last_published_at=when,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(bases)
            links = []
            for base, f in zip(bases, chunk, strict=False):
                page = PracticePage(
                    page_ptr_id=base.pk,
                    summary=f["summary"],
                    body=f["body"],
                    countries=f["countries"],
                    objectives=f["objectives"],
                    principles=f["principles"],
                    table=f["table"],
                    stakeholder_groups=f["stakeholder_groups"],
                    level=f["level"],
                    populations=f["populations"],
                    start_year=f["start_year"],
                    status="ongoing",
                    results=f["results"],
                    lessons_learned=f["lessons_learned"],
                    language=f["language"],
                )
                specifics.append(page)
                for org in f["rng"].sample(org_ids, min(f["organisations"], len(org_ids))):
                    links.append(through(practicepage_id=base.pk, organisation_id=org))
            _insert_specific(PracticePage, specifics)
            through.objects.bulk_create(links)
            Page.objects.filter(pk=repository.pk).update(numchild=repository.numchild + added + len(chunk))
            added += len(chunk)
            # One recommendation per 20 practices, round-robin over the table spaces.
            wanted = int((have + added) * RECOMMENDATIONS_PER_PRACTICE) - rec_serial
            if wanted > 0 and spaces:
                per_space = {
                    space.pk: [n for n in range(rec_serial, rec_serial + wanted) if n % len(spaces) == k]
                    for k, space in enumerate(spaces)
                }
                words = _spanish_vocabulary_cached()
                weights = [COUNTRY_WEIGHTS[c] for c in sorted(COUNTRY_WEIGHTS)]
                for space in spaces:
                    serials = per_space[space.pk]
                    if not serials:
                        continue
                    space_paths = _child_paths(space, len(serials))
                    rec_bases, rngs = [], []
                    for n in serials:
                        rng = random.Random(f"{seed}-rec-{n}")
                        title = _sentence(rng, words, rng.randint(6, 14))[:-1][:250]
                        slug = f"{SLUG_PREFIX}rec-{n}"
                        when = base_time + timedelta(hours=n)
                        rec_bases.append(
                            Page(
                                title=title,
                                draft_title=title,
                                slug=slug,
                                content_type=recommendation_ct,
                                path=next(space_paths),
                                depth=space.depth + 1,
                                numchild=0,
                                url_path=f"{space.url_path}{slug}/",
                                live=True,
                                has_unpublished_changes=False,
                                first_published_at=when,
                                last_published_at=when,
                                locale=locale,
                                translation_key=uuid.uuid4(),
                            )
                        )
                        rngs.append(rng)
                    Page.objects.bulk_create(rec_bases)
                    Page.objects.filter(pk=space.pk).update(
                        numchild=Page.objects.filter(path__startswith=space.path, depth=space.depth + 1).count()
                    )
                    rec_rows = [
                        RecommendationPage(
                            page_ptr_id=base.pk,
                            text=_sentence(rng, words, rng.randint(25, 70)),
                            rationale=_sentence(rng, words, rng.randint(0, 60)),
                            objectives=sorted(rng.sample(list(OBJECTIVES.codes), rng.randint(1, 3)), key=int),
                            countries=_countries(rng, sorted(COUNTRY_WEIGHTS), weights) if rng.random() < 0.5 else [],
                            addressed_to=[],
                            status="published",
                            stage="",
                        )
                        for base, rng in zip(rec_bases, rngs, strict=False)
                    ]
                    _insert_specific(RecommendationPage, rec_rows)
                rec_serial += wanted
        if progress:
            progress(have + added, target)
    return added


_VOCAB: list[str] = []


def _spanish_vocabulary_cached() -> list[str]:
    if not _VOCAB:
        _VOCAB.extend(_spanish_vocabulary())
    return _VOCAB


def trim_pages(target: int) -> int:
    """Delete the synthetic pages beyond ``target`` practices (and their recommendations), so a
    run can start again at a smaller size; returns how many practices were removed. Plain SQL
    deletes of rows this module inserted (no signals: the indexes are rebuilt afterwards)."""
    from django.db import connection, transaction
    from wagtail.models import Page

    from cms.models import PracticePage, RecommendationPage

    keep_recs = int(target * RECOMMENDATIONS_PER_PRACTICE)
    extra = [
        pk
        for pk, slug in Page.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", "slug")
        if (slug.startswith(f"{SLUG_PREFIX}rec-") and int(slug.rsplit("-", 1)[1]) >= keep_recs)
        or (slug[len(SLUG_PREFIX) :].isdigit() and int(slug[len(SLUG_PREFIX) :]) >= target)
    ]
    if not extra:
        return 0
    through = PracticePage.organisations.through._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(extra), 5000):
            chunk = extra[start : start + 5000]
            cursor.execute(f"DELETE FROM {through} WHERE practicepage_id = ANY(%s)", [chunk])
            cursor.execute(f"DELETE FROM {PracticePage._meta.db_table} WHERE page_ptr_id = ANY(%s)", [chunk])
            cursor.execute(f"DELETE FROM {RecommendationPage._meta.db_table} WHERE page_ptr_id = ANY(%s)", [chunk])
            cursor.execute(f"DELETE FROM {Page._meta.db_table} WHERE id = ANY(%s)", [chunk])
        # numchild of every parent page, recomputed from the paths
        cursor.execute(
            f"UPDATE {Page._meta.db_table} p SET numchild = (SELECT count(*) FROM {Page._meta.db_table} c "
            f"WHERE c.path LIKE p.path || '%%' AND c.depth = p.depth + 1) WHERE p.slug NOT LIKE %s",
            [f"{SLUG_PREFIX}%"],
        )
    return len(extra)
