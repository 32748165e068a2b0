"""Workflow assignment is data: set-up writes Wagtail ``WorkflowPage`` rows on the table spaces
and the repositories of practices (every language's tree); the content model asks Wagtail, and
an assignment changed in Wagtail's settings is what items follow. The items are made here
(``tests/factories.py``), never the demo world's."""

import pytest
from wagtail.models import Workflow, WorkflowPage

from cms.models import PracticeIndexPage, PracticePage, RecommendationPage, TableIndexPage, TableSpacePage
from tests import factories
from workflows.setup import assign_workflows, practice_moderation_workflow, recommendation_workflow

pytestmark = pytest.mark.django_db


def test_every_space_and_repository_in_every_language_carries_its_workflow():
    spaces, indexes = TableSpacePage.objects.all(), PracticeIndexPage.objects.all()
    assert spaces.count() == 16 and indexes.count() == 4  # four tables and the repository, in four languages
    assert {row.workflow for row in WorkflowPage.objects.filter(page__in=spaces)} == {recommendation_workflow()}
    assert WorkflowPage.objects.filter(page__in=spaces).count() == 16
    assert {row.workflow for row in WorkflowPage.objects.filter(page__in=indexes)} == {practice_moderation_workflow()}
    assert WorkflowPage.objects.filter(page__in=indexes).count() == 4


def test_items_in_any_tree_follow_their_section_and_the_sections_do_not():
    recommendation, practice = factories.recommendation("published"), factories.practice("published")
    versions = RecommendationPage.objects.filter(translation_key=recommendation.translation_key)
    assert versions.count() == 4  # published: mirrored into every language's tree
    for item in versions:
        assert item.get_workflow() == recommendation_workflow()
    for item in [factories.practice("pending"), *PracticePage.objects.filter(translation_key=practice.translation_key)]:
        assert item.get_workflow() == practice_moderation_workflow()
    for section in [*TableSpacePage.objects.all(), *PracticeIndexPage.objects.all()]:
        assert section.get_workflow() not in (recommendation_workflow(), practice_moderation_workflow())
        assert section.get_workflow() == section.get_parent().get_workflow()


def test_an_assignment_changed_in_wagtail_settings_is_what_items_follow_and_set_up_keeps_it():
    item = factories.recommendation("draft")
    space = TableSpacePage.objects.get(pk=item.get_parent().pk)
    other = Workflow.objects.create(name="Otra revisión")
    WorkflowPage.objects.filter(page=space).update(workflow=other)
    assert RecommendationPage.objects.get(pk=item.pk).get_workflow() == other
    assign_workflows()  # idempotent: leaves the administrator's choice as it is
    assert WorkflowPage.objects.get(page=space).workflow == other
    WorkflowPage.objects.filter(page=space).delete()
    assign_workflows()  # and restores a missing row
    assert RecommendationPage.objects.get(pk=item.pk).get_workflow() == recommendation_workflow()
    assert not WorkflowPage.objects.filter(page__in=TableIndexPage.objects.all()).exists()
