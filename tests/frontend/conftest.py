from tests.workflows.conftest import item_at, make_item, outsider, peer, people  # noqa: F401  (shared fixtures)
