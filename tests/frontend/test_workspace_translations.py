"""The workspace's contributions, organisation and table pages speak Spanish, English, Portuguese
and French: their strings are in every catalogue, and the pages show them."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_every_string_of_the_catalogues_is_translated_in_spanish_portuguese_and_french():
    """The whole catalogue (``makemessages`` over the project): nothing untranslated or fuzzy,
    and every translation keeps its placeholders."""
    import polib

    ids = [
        (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po")) if entry.msgid
    ]
    assert len(ids) == len(set(ids)) > 500
    for language in ("es", "pt", "fr"):
        catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        assert sorted((e.msgctxt or "", e.msgid) for e in catalogue if e.msgid) == sorted((c or "", i) for c, i in ids), language
        untranslated = [entry.msgid for entry in catalogue if entry.msgid and (not entry.translated() or entry.fuzzy)]
        assert untranslated == [], (language, untranslated)
        placeholders = [
            entry.msgid
            for entry in catalogue
            if entry.msgid
            for text in ([entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values()))
            if set(re.findall(r"%\(\w+\)s", text)) != set(re.findall(r"%\(\w+\)s", entry.msgid))
        ]
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
def test_the_pages_speak_the_visitors_language(client, people, prefix, words):
    client.force_login(people["secretariat1"])  # a factory account of table 1's secretariat
    page = client.get(f"{prefix}/espacio/aportes/").content.decode()
    for word in words:
        assert word in page, (prefix, word)
    table = client.get(f"{prefix}/espacio/mesa/1/").content.decode()
    assert {
        "": "Agregar una organización",
        "/en": "Add an organisation",
        "/pt": "Adicionar uma organização",
        "/fr": "Ajouter une organisation",
    }[prefix] in table


def test_a_services_refusal_is_shown_in_the_visitors_language(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["delegate1"])
    response = client.post(
        "/pt/espacio/aportes/nuevo/",
        {"table": "1", "title": "Aporte", "text": "Texto.", "attachment": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400 and "Arquivos deste tipo não são aceitos" in response.content.decode()
