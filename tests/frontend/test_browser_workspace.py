"""The workspace in a real browser (issue #16): a delegate, the table's secretariat, both members
of the Mesa de Vinculación and the Red Regional take a recommendation from draft to published on
a phone (375 px) and on a desktop (1280 px), in Spanish and in English, without opening /admin/.
Every workspace page fits its viewport and has no axe-core violation. Screenshots in
.cache/artifacts/workspace-*.png."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import serve_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("workspace_site")]

ARTIFACTS = Path(__file__).resolve().parents[2] / ".cache" / "artifacts"
WORDS = {
    "es": {
        "new": "Nueva recomendación",
        "save": "Guardar borrador",
        "submit": "Enviar a revisión",
        "approve": "Aprobar",
        "changes": "Solicitar cambios",
        "edit_resubmit": "Editar y volver a enviar",
        "save_changes": "Guardar cambios",
        "quorum": "1 de 2",
        "published": "Publicada",
        "required": "hace falta un comentario",
    },
    "en": {
        "new": "New recommendation",
        "save": "Save draft",
        "submit": "Submit for review",
        "approve": "Approve",
        "changes": "Request changes",
        "edit_resubmit": "Edit and resubmit",
        "save_changes": "Save changes",
        "quorum": "1 of 2",
        "published": "Published",
        "required": "comment is required",
    },
}


@pytest.fixture(scope="module")
def workspace_site(tmp_path_factory):
    """A deployment of its own: these tests publish a recommendation, which the site shared by
    the read-only browser tests must not see."""
    yield from serve_site(tmp_path_factory.mktemp("workspace-site"), ENLACE_REQUIRE_2FA="0")


class Walk:
    """One person in one browser context; checks every workspace page it opens."""

    def __init__(self, browser, site, language, width, username, password, checked, problems):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
        self.page = self.context.new_page()
        self.site, self.language, self.width, self.username = site, language, width, username
        self.prefix = "" if language == "es" else f"/{language}"
        self.checked, self.problems = checked, problems
        self.page.goto(f"{site}{self.prefix}/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("main button[type=submit]")
        self.page.wait_for_url(re.compile(r"^(?!.*/login/)"))

    def open(self, path):
        response = self.page.goto(f"{self.site}{self.prefix}{path}")
        assert response.status == 200, (path, response.status)
        self.check()

    def check(self, name=None):
        """No horizontal scroll; axe-core once per page type and language and width."""
        from axe_playwright_python.sync_playwright import Axe

        page = self.page
        assert "/admin/" not in page.url
        assert page.locator("html").get_attribute("lang") == self.language
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > self.width:
            self.problems.append(f"{page.url} is {width} px wide at {self.width} px")
        name = name or re.sub(r"\d+", "N", page.url.split("/espacio/")[-1].split("?")[0]) or "home"
        key = (name, self.language, self.width)
        if key not in self.checked:
            self.checked.add(key)
            results = Axe().run(page)
            if results.violations_count:
                self.problems.append(f"{name} ({self.language}, {self.width}px):\n{results.generate_report()}")
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(ARTIFACTS / f"workspace-{name.replace('/', '-') or 'home'}-{self.language}-{self.width}.png"),
                full_page=True,
            )

    def item_from_home(self, title):
        self.open("/espacio/")
        self.page.get_by_role("link", name=title).first.click()
        self.page.wait_for_url(re.compile(r"/espacio/recomendaciones/\d+/$"))
        self.check()

    def press(self, label):
        self.page.get_by_role("button", name=label, exact=True).click()
        self.page.wait_for_load_state()
        self.check()

    def close(self):
        self.context.close()


@pytest.mark.parametrize("language, width", [("es", 375), ("en", 375), ("es", 1280), ("en", 1280)])
def test_from_draft_to_published_without_the_admin(workspace_site, browser, demo_password, language, width):
    words = WORDS[language]
    title = f"Salud para personas migrantes en tránsito ({language}, {width} px)"
    checked, problems = set(), []

    def walk(username):
        return Walk(browser, workspace_site, language, width, username, demo_password, checked, problems)

    # The delegate drafts and submits.
    delegate = walk("delegate1")
    delegate.open("/espacio/")
    delegate.page.get_by_role("link", name=words["new"]).click()
    delegate.check()
    page = delegate.page
    page.fill("#id_title", title)
    page.fill("#id_text", "Garantizar la atención de salud a las personas migrantes en tránsito.")
    page.check("input[name=objectives][value='15']")
    page.locator("input.options-filter").first.fill("per")  # the countries' filter (JavaScript)
    page.check("input[name=countries][value='PE']")
    delegate.press(words["save"])
    delegate.press(words["submit"])
    delegate.close()

    # The secretariat asks for changes: without a comment, a field error on the form.
    secretariat = walk("secretariat1")
    secretariat.item_from_home(title)
    page = secretariat.page
    page.get_by_role("button", name=words["changes"], exact=True).click()
    page.wait_for_load_state()
    comment = page.locator("#id_changes-comment")
    assert comment.get_attribute("aria-invalid") == "true"
    assert words["required"] in page.locator("#id_changes-comment-errors").inner_text()
    secretariat.check("request-changes-error")
    comment.fill("Incluir a las niñas, niños y adolescentes no acompañados.")
    secretariat.press(words["changes"])
    secretariat.close()

    # The delegate reads the comment on the workspace's home, edits and resubmits.
    delegate = walk("delegate1")
    delegate.open("/espacio/")
    sent_back = delegate.page.locator("section.attention")
    assert "niños y adolescentes no acompañados" in sent_back.inner_text() and title in sent_back.inner_text()
    sent_back.get_by_role("link", name=words["edit_resubmit"]).first.click()
    delegate.check()
    delegate.page.fill(
        "#id_text",
        "Garantizar la atención de salud a las personas migrantes en tránsito, en particular a "
        "niñas, niños y adolescentes no acompañados.",
    )
    delegate.press(words["save_changes"])
    delegate.press(words["submit"])
    delegate.close()

    # The table, then both liaison members (the quorum is shown), then the network.
    for username in ("secretariat1", "liaison1", "liaison2", "network"):
        reviewer = walk(username)
        reviewer.item_from_home(title)
        if username == "liaison2":
            assert words["quorum"] in reviewer.page.locator("section.actions").inner_text()
            assert reviewer.page.get_by_role("link", name=re.compile("^(Editar|Edit)$")).count() == 0
        reviewer.press(words["approve"])
        if username == "network":
            assert words["published"] in reviewer.page.locator(".status-line").inner_text()
            public = reviewer.page.get_by_role("link", name=re.compile("Página pública|Public page")).get_attribute("href")
        reviewer.close()

    anonymous = browser.new_context(viewport={"width": width, "height": 900})
    view = anonymous.new_page()
    assert view.goto(public if public.startswith("http") else workspace_site + public).status == 200
    assert view.locator("h1").inner_text() == title
    anonymous.close()
    assert problems == [], "\n\n".join(problems)


def test_drafting_together_in_the_browser(workspace_site, browser, demo_password):
    """Issue #17's path: the secretariat proposes new wording, the author sees it word by word and
    accepts it; the author invites a delegate of table 3, who accepts on their home and edits."""
    checked, problems = set(), []

    def walk(username):
        return Walk(browser, workspace_site, "es", 375, username, demo_password, checked, problems)

    title = "Registro único de personas migrantes en tránsito"
    author = walk("delegate1")
    author.open("/espacio/recomendaciones/nueva/")
    author.page.fill("#id_title", title)
    author.page.fill("#id_text", "Crear un registro único de personas migrantes en tránsito.")
    author.press("Guardar borrador")
    item_path = author.page.url.split(workspace_site)[1]
    author.close()

    secretariat = walk("secretariat1")
    secretariat.open(item_path)
    secretariat.page.get_by_role("link", name="Proponer una enmienda").click()
    secretariat.check("amendment-form")
    secretariat.page.fill("#id_text", "Crear un registro único y voluntario de personas migrantes en tránsito.")
    secretariat.page.get_by_role("button", name="Proponer la enmienda").click()  # no justification: a field error
    secretariat.page.wait_for_load_state()
    assert secretariat.page.locator("#id_justification").get_attribute("aria-invalid") == "true"
    secretariat.page.fill("#id_justification", "El registro no puede ser obligatorio.")
    secretariat.press("Proponer la enmienda")
    secretariat.close()

    author = walk("delegate1")
    author.open(item_path)
    amendment = author.page.locator("article.amendment").first
    assert amendment.locator("ins").inner_text().strip() == "y voluntario"
    amendment.get_by_role("button", name="Aceptar").click()
    author.page.wait_for_load_state()
    author.check("item-after-amendment")
    assert "registro único y voluntario" in author.page.locator("article.recommendation blockquote").inner_text()
    author.page.get_by_role("link", name="Invitar o quitar coautoría").click()
    author.page.fill("#buscar", "delegate3")
    author.page.locator("main").get_by_role("button", name="Buscar").click()  # not the header's site search
    author.page.wait_for_load_state()
    author.check("co-authors-search")
    author.page.get_by_role("button", name=re.compile("Invitar a")).first.click()
    author.page.wait_for_load_state()
    author.close()

    invitee = walk("delegate3")
    assert invitee.page.goto(workspace_site + item_path).status == 404  # no rights before accepting
    invitee.open("/espacio/")
    invitations = invitee.page.locator("section[aria-labelledby=invitations]")
    assert title in invitations.inner_text()
    invitations.get_by_role("button", name="Aceptar").click()
    invitee.page.wait_for_load_state()
    invitee.page.get_by_role("link", name="Editar", exact=True).click()
    invitee.check()
    invitee.page.fill("#id_rationale", "Propuesta de la mesa 3.")
    invitee.press("Guardar cambios")
    assert "Propuesta de la mesa 3." in invitee.page.locator("article.recommendation").inner_text()
    invitee.close()
    assert problems == [], "\n\n".join(problems)
