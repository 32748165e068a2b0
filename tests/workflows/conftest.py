import itertools

import pytest
from django.contrib.auth import get_user_model

from workflows import recommendations
from workflows.roles import grant_role

_counter = itertools.count(1)


@pytest.fixture
def peer(db):
    """A second delegate of table 1 (not the author of the items below)."""
    user = get_user_model().objects.create_user("peer1", "peer1@enlace.example", "a-long-pass-phrase")
    grant_role(user, "delegate", table="1")
    return user


@pytest.fixture
def outsider(db):
    """A member of an organisation that takes part in no table."""
    from cms.models import Organisation

    user = get_user_model().objects.create_user("outsider1", "outsider1@enlace.example", "a-long-pass-phrase")
    grant_role(user, "member", organisation=Organisation.objects.filter(tables=[]).first())
    return user


@pytest.fixture
def make_item(user_named):
    """``make_item(stage)``: a table-1 recommendation by delegate1 brought to a state by the
    services: draft, table, liaison (approved by the table, no liaison vote yet), network,
    changes_requested, published, withdrawn. With the demo world's accounts: kept for the API
    and front-end tests that log in as them; the tests of ``tests/workflows`` use ``item_at``."""

    def make(state="draft", *, author="delegate1", co_authors=()):
        author = user_named(author)
        item = recommendations.recommendation_create(
            user=author,
            table="1",
            title=f"Recomendación de prueba {next(_counter)}",
            text="Texto.",
            objectives=["7"],
            co_authors=[user_named(name) for name in co_authors],
        )
        steps = {
            "draft": [],
            "table": ["submit"],
            "liaison": ["submit", "table"],
            "network": ["submit", "table", "liaison1", "liaison2"],
            "published": ["submit", "table", "liaison1", "liaison2", "network"],
            "changes_requested": ["submit", "table", "reject"],
            "withdrawn": ["withdraw"],
        }[state]
        for step in steps:
            if step == "submit":
                item = recommendations.recommendation_submit(item=item, user=author)
            elif step == "table":
                item = recommendations.recommendation_approve(item=item, user=user_named("secretariat1"))
            elif step in ("liaison1", "liaison2", "network"):
                item = recommendations.recommendation_approve(item=item, user=user_named(step))
            elif step == "reject":
                item = recommendations.recommendation_request_changes(item=item, user=user_named("liaison1"), comment="Precisar.")
            elif step == "withdraw":
                item = recommendations.recommendation_withdraw(item=item, user=author)
        item.refresh_from_db()
        return item

    return make


class People(dict):
    """Factory-made accounts under the demo world's role names, each made on first use:
    ``delegate1``..``delegate4`` and ``secretariat1``..``secretariat4`` (of that table),
    ``liaison1``/``liaison2``, ``network``, ``curator``, ``admin``, ``member`` (of a new
    organisation that sits in table 1) and ``peer`` (another delegate of table 1). Only the role is the demo's; the account is new."""

    def __missing__(self, name):
        from tests import factories

        role, table = name.rstrip("1234"), name[len(name.rstrip("1234")) :] or None
        if name == "peer":  # another delegate of table 1
            account = factories.user("delegate", table="1")
        elif role == "member":
            account = factories.user("member", organisation=factories.organisation(tables=["1"]))
        elif role in ("delegate", "secretariat", "liaison", "network", "curator", "admin"):
            account = factories.user(role, table=table if role in ("delegate", "secretariat") else None)
        else:
            raise KeyError(name)
        self[name] = account
        return account


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def item_at(people):
    """``item_at(state)``: a table-1 recommendation by ``people["delegate1"]`` brought to a state
    by the services (``tests/factories.py``), reviewed by ``people``'s secretariat1, liaison1,
    liaison2 and network: draft, table, liaison (approved by the table, no liaison vote yet),
    network, changes_requested (sent back by liaison1), published, withdrawn."""
    from tests import factories

    def make(state="draft", *, author="delegate1", co_authors=()):
        reviewers = factories.Reviewers(
            "1",
            secretariat=people["secretariat1"],
            liaisons=[people["liaison1"], people["liaison2"]],
            network=people["network"],
            curator=people["curator"],
        )
        options = {"table": "1", "author": people[author], "co_authors": [people[n] for n in co_authors], "reviewers": reviewers}
        if state == "liaison":
            item = factories.recommendation("table", **options)
            recommendations.recommendation_approve(item=item, user=reviewers.secretariat)
            return type(item).objects.get(pk=item.pk)
        return factories.recommendation(state, **options)

    return make
