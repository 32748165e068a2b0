from tests.workflows.conftest import make_item, outsider, peer  # noqa: F401  (shared fixtures)
