"""The demo world (loaded once for the session by conftest's django_db_setup)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry, Revision

from cms.models import (
    EventPage,
    Organisation,
    PracticePage,
    RecommendationPage,
    TableSpacePage,
)
from cms.selectors import published_practices, published_recommendations
from workflows.roles import roles_of

pytestmark = pytest.mark.django_db


def test_the_conversatorio_and_its_two_themes():
    event = EventPage.objects.originals().get(slug="conversatorio-2023")
    assert event.live and str(event.date) == "2023-08-08"
    themes = list(event.themes.all())
    assert [t.objectives for t in themes] == [["7", "8", "15"], ["6", "16", "18", "19"]]
    assert [(t.participants, t.countries_count) for t in themes] == [(181, 28), (141, 27)]
    assert all(len(t.question_list) >= 4 for t in themes)


def test_four_table_spaces():
    assert sorted(TableSpacePage.objects.originals().live().values_list("table", flat=True)) == ["1", "2", "3", "4"]


def test_the_21_recommendations_are_published_under_tables_and_linked_to_event_and_theme():
    recommendations = list(published_recommendations())
    assert len(recommendations) == RecommendationPage.objects.originals().filter(event__isnull=False).count() == 21
    by_theme = {}
    for recommendation in recommendations:
        assert recommendation.table in {"1", "2", "3", "4"}
        assert recommendation.event.slug == "conversatorio-2023"
        assert recommendation.theme.page_id == recommendation.event_id
        by_theme.setdefault(recommendation.theme.key, []).append(recommendation.number)
    assert sorted(by_theme["tema-1"]) == list(range(1, 11))
    assert sorted(by_theme["tema-2"]) == list(range(1, 12))


def test_practices_named_in_the_report():
    practices = list(published_practices())
    assert len(practices) >= 15
    titles = " | ".join(p.title for p in practices)
    for needle in ("31685", "31732", "Patria Grande", "Somos Familia", "Quilmes", "Belice", "Honduras"):
        assert needle in titles, needle
    for practice in practices:
        assert practice.objectives and practice.principles and practice.level and practice.summary
    named = ("31685", "Patria Grande", "Somos Familia", "Estatuto Temporal")
    countries = {needle: p.countries for p in practices for needle in named if needle in p.title}
    assert countries == {"31685": ["PE"], "Patria Grande": ["AR"], "Somos Familia": ["MX"], "Estatuto Temporal": ["CO"]}


def test_the_workflow_at_work():
    """A new user sees a recommendation waiting at each stage (two at the liaison stage: one that
    each liaison member must still vote on, one that only liaison2 must) and one sent back."""
    drafts = RecommendationPage.objects.originals().filter(live=False)
    assert sorted((r.status, r.stage) for r in drafts) == [
        ("changes_requested", ""),
        ("in_review", "liaison"),
        ("in_review", "liaison"),
        ("in_review", "network"),
        ("in_review", "table"),
    ]
    assert PracticePage.objects.originals().filter(live=False).exists()  # a practice awaits its curator


def test_organisations_of_the_annex_with_countries():
    assert Organisation.objects.count() >= 20
    assert Organisation.objects.filter(kind="national_government").exclude(country="").count() >= 5
    assert Organisation.objects.filter(kind="un_agency").exists()
    quilmes = Organisation.objects.get(name__icontains="Quilmes")
    assert quilmes.country == "AR" and quilmes.kind == "local_government"


def test_one_demo_account_per_role(demo_password):
    User = get_user_model()
    held = {role for user in User.objects.all() for role, _table in roles_of(user)}
    assert held == {"member", "delegate", "secretariat", "liaison", "network", "curator", "admin"}
    assert User.objects.get(username="delegate1").check_password(demo_password)
    assert ("delegate", "2") in roles_of(User.objects.get(username="delegate2"))
    member = User.objects.get(username="member")
    assert member.organisations.count() == 1


def snapshot():
    return {
        "pages": [(p.pk, p.latest_revision_id, p.live) for p in PracticePage.objects.originals().order_by("pk")]
        + [(p.pk, p.latest_revision_id, p.live) for p in RecommendationPage.objects.originals().order_by("pk")],
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "users": list(get_user_model().objects.order_by("pk").values_list("username", "password")),
        "organisations": list(Organisation.objects.order_by("pk").values_list("slug", "name")),
        "events": EventPage.objects.originals().count(),
    }


def test_seed_demo_twice_changes_nothing(demo_password, capsys):
    before = snapshot()
    call_command("seed_demo", password=demo_password)
    call_command("seed_demo", password=demo_password)
    assert snapshot() == before
    assert "nothing created" in capsys.readouterr().out


def test_seed_demo_needs_a_strong_password(settings):
    settings.DEMO_PASSWORD = ""
    with pytest.raises(CommandError, match="--password or the DEMO_PASSWORD"):
        call_command("seed_demo")
    with pytest.raises(CommandError, match="password rejected"):
        call_command("seed_demo", password="123")


def test_table_1s_contributions_with_an_attachment_comments_and_a_consolidation():
    from cms.models import Contribution, ContributionComment, TableCollection

    contributions = Contribution.objects.filter(table="1", author__username__in=["delegate1", "secretariat1"])
    assert contributions.count() >= 3
    document = contributions.exclude(attachment=None).get().attachment
    assert document.collection_id == TableCollection.objects.get(table="1").collection_id  # private to table 1
    with document.open_file() as handle:
        summary = handle.read().decode()
    assert "Conversatorio" in summary and "181 representantes de 28 países" in summary
    assert "Nuevas tecnologías para agilizar la regularización" in summary  # a recommendation of table 1
    assert ContributionComment.objects.filter(contribution__in=contributions).values("author").distinct().count() >= 2
    consolidated = contributions.exclude(consolidated_into=None)
    assert consolidated.count() >= 1
    assert all(c.consolidated_into.table == "1" for c in consolidated)


def test_seed_demo_twice_adds_no_contribution_comment_or_document(demo_password):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from cms.models import Contribution, ContributionComment

    def material():
        return (
            list(Contribution.objects.order_by("pk").values_list("pk", "title", "attachment_id", "consolidated_into_id")),
            ContributionComment.objects.count(),
            get_document_model().objects.count(),
            Collection.objects.count(),
        )

    before = material()
    call_command("seed_demo", password=demo_password)
    call_command("seed_demo", password=demo_password)
    assert material() == before
