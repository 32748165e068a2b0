"""Which contributions a recommendation consolidates: chosen from the recommendation's side by
the drafters of its table, only among that table's contributions. The people and the item are
made here (the ``people`` and ``item_at`` fixtures, ``tests/factories.py``), never the demo
world's."""

import pytest
from wagtail.models import PageLogEntry

from cms.models import Contribution
from workflows.contributions import (
    CONSOLIDATE_LOG_ACTION,
    consolidate,
    consolidated_in,
    contribution_create,
)
from workflows.errors import NotAllowed, WorkflowError

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(people, item_at):
    item = item_at("draft")
    one = contribution_create(user=people["delegate1"], table="1", title="Aporte A", text="A")
    two = contribution_create(user=people["secretariat1"], table="1", title="Aporte B", text="B")
    other = contribution_create(user=people["delegate2"], table="2", title="Aporte de la mesa 2", text="C")
    return item, one, two, other


def consolidated(item):
    return set(Contribution.objects.filter(consolidated_into=item).values_list("title", flat=True))


def test_the_tables_drafters_choose_what_a_recommendation_consolidates(material, people):
    item, one, two, _other = material
    updated_at = Contribution.objects.get(pk=one.pk).updated_at
    consolidate(recommendation=item, contributions=[one, two], user=people["secretariat1"])
    assert consolidated(item) == {"Aporte A", "Aporte B"}
    assert Contribution.objects.get(pk=one.pk).updated_at == updated_at  # not an edit of the author's text
    # The choice is the whole set: what is left out is released.
    consolidate(recommendation=item, contributions=[two], user=people["delegate1"])
    assert consolidated(item) == {"Aporte B"} and Contribution.objects.get(pk=one.pk).consolidated_into is None
    entries = PageLogEntry.objects.filter(page=item, action=CONSOLIDATE_LOG_ACTION).order_by("pk")
    assert [(e.user.username, e.data["added"], e.data["removed"]) for e in entries] == [
        (people["secretariat1"].username, sorted([one.pk, two.pk]), []),
        (people["delegate1"].username, [], [one.pk]),
    ]


@pytest.mark.parametrize("username, exception", [("member", NotAllowed), ("delegate2", NotAllowed), ("liaison1", NotAllowed)])
def test_readers_and_other_tables_may_not_choose(material, people, username, exception):
    item, one, _two, _other = material
    with pytest.raises(exception):
        consolidate(recommendation=item, contributions=[one], user=people[username])
    assert consolidated(item) == set()


def test_a_contribution_of_another_table_is_a_field_error_and_nothing_is_saved(material, people):
    item, one, _two, other = material
    with pytest.raises(WorkflowError) as refused:
        consolidate(recommendation=item, contributions=[one, other], user=people["delegate1"])
    assert (refused.value.field, refused.value.status_code) == ("contributions", 400)
    assert consolidated(item) == set()
    with pytest.raises(WorkflowError):
        consolidate(recommendation=item, contributions=[10**9], user=people["delegate1"])  # no such contribution


def test_who_sees_the_link(material, people):
    item, one, _two, _other = material
    consolidate(recommendation=item, contributions=[one], user=people["delegate1"])
    assert list(consolidated_in(people["member"], item)) == [Contribution.objects.get(pk=one.pk)]
    assert list(consolidated_in(people["delegate2"], item)) == []
    assert Contribution.objects.get(pk=one.pk).consolidated_into_id == item.pk
