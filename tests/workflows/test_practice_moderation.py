"""Submitted practices are reviewed by a curator before anything is public. The people are
made here (``tests/factories.py``), never the demo world's accounts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError

from cms.models import PracticePage
from cms.selectors import published_practices
from tests import factories
from workflows import practices, recommendations
from workflows.errors import CommentRequired, NotAllowed

pytestmark = pytest.mark.django_db

DATA = {
    "title": "Ferias de servicios para personas migrantes",
    "summary": "Ferias periódicas con orientación jurídica y acceso a servicios.",
    "countries": ["PE"],
    "objectives": ["15"],
    "level": "local",
}


def test_public_submission_is_invisible_until_a_curator_publishes_it(client):
    curator = factories.user("curator")
    practice = practices.practice_submit(user=AnonymousUser(), submitter_email="ana@example.org", data=DATA)
    assert not practice.live and practice not in published_practices()
    assert client.get(f"/practicas/{practice.slug}/").status_code == 404
    assert DATA["title"] not in client.get("/practicas/").content.decode()
    assert practice in recommendations.tasks_for(curator)
    with pytest.raises(NotAllowed):
        practices.practice_publish(item=practice, user=factories.user("delegate", table="1"))
    practice = practices.practice_publish(item=practice, user=curator)
    assert practice.live
    assert client.get(practice.url).status_code == 200


def test_sent_back_with_a_required_comment_and_the_submitter_told(django_capture_on_commit_callbacks):
    curator = factories.user("curator")
    practice = practices.practice_submit(user=AnonymousUser(), submitter_email="ana@example.org", data=DATA)
    with pytest.raises(CommentRequired):
        practices.practice_send_back(item=practice, user=curator, comment="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        practices.practice_send_back(item=practice, user=curator, comment="Añadir fuentes.")
    assert not PracticePage.objects.originals().get(pk=practice.pk).live
    assert [m.to for m in mail.outbox] == [["ana@example.org"]] and "Añadir fuentes." in mail.outbox[0].body
    assert practice not in recommendations.tasks_for(curator)


def test_a_curator_does_not_publish_their_own_submission():
    curator = factories.user("curator")
    practice = practices.practice_submit(user=curator, data=DATA)
    with pytest.raises(NotAllowed):
        practices.practice_publish(item=practice, user=curator)
    practices.practice_publish(item=practice, user=factories.user("network"))


def test_bad_submissions_save_nothing():
    before = PracticePage.objects.originals().count()
    with pytest.raises(ValidationError) as error:
        practices.practice_submit(
            user=AnonymousUser(), submitter_email="a@example.org", data={**DATA, "objectives": ["99"], "start_year": 1500}
        )
    assert {"objectives", "start_year"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        practices.practice_submit(user=AnonymousUser(), data=DATA)
    assert "submitter_email" in error.value.message_dict
    assert PracticePage.objects.originals().count() == before
