"""The workspace's contributions, organisation and table pages speak Spanish, English, Portuguese
and French: their strings are in every catalogue, and the pages show them."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
LOCALE = Path(__file__).resolve().parents[2] / "locale"
MARKER = "# --- workspace: contributions, organisation, table (issue 16)"


def block(language: str) -> list[tuple[str, list[str]]]:
    """The (msgid, msgstrs) of the catalogue's issue-16 block."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text()
    assert MARKER in text, language
    entries = []
    for chunk in text.split(MARKER, 1)[1].strip().split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"$', chunk, re.M).group(1)
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', chunk, re.M)
        entries.append((msgid, msgstrs))
    return entries


def test_every_string_of_the_block_is_translated_in_spanish_portuguese_and_french():
    ids = [msgid for msgid, _ in block("en")]
    assert len(ids) == len(set(ids)) > 50
    for language in ("es", "pt", "fr"):
        entries = block(language)
        assert [msgid for msgid, _ in entries] == ids, language
        untranslated = [msgid for msgid, msgstrs in entries if not all(msgstrs)]
        assert untranslated == [], (language, untranslated)
        placeholders = [msgid for msgid, msgstrs in entries
                        if any(set(re.findall(r"%\(\w+\)s", s)) != set(re.findall(r"%\(\w+\)s", msgid)) for s in msgstrs)]  # fmt: skip
        assert placeholders == [], (language, placeholders)


@pytest.mark.parametrize(
    "prefix, words",
    [
        ("", ["Aportes de sus mesas", "Nuevo aporte", "Mi mesa"]),
        ("/en", ["Contributions of your tables", "New contribution", "My table"]),
        ("/pt", ["Contribuições das suas mesas", "Nova contribuição", "Minha mesa"]),
        ("/fr", ["Contributions de vos tables", "Nouvelle contribution", "Ma table"]),
    ],
)
def test_the_pages_speak_the_visitors_language(client, user_named, prefix, words):
    client.force_login(user_named("secretariat1"))
    page = client.get(f"{prefix}/espacio/aportes/").content.decode()
    for word in words:
        assert word in page, (prefix, word)
    table = client.get(f"{prefix}/espacio/mesa/1/").content.decode()
    assert {"": "Agregar una organización", "/en": "Add an organisation", "/pt": "Adicionar uma organização",
            "/fr": "Ajouter une organisation"}[prefix] in table  # fmt: skip


def test_a_services_refusal_is_shown_in_the_visitors_language(client, user_named):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user_named("delegate1"))
    response = client.post("/pt/espacio/aportes/nuevo/", {"table": "1", "title": "Aporte", "text": "Texto.",
                                                          "attachment": SimpleUploadedFile("x.exe", b"MZ")})  # fmt: skip
    assert response.status_code == 400 and "Arquivos deste tipo não são aceitos" in response.content.decode()
