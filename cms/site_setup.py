"""The site of an install without any content (``setup_site``; the demo builds on it): the
Wagtail Site and its home page, the section pages, the four working-table spaces, in every
language of the site with the frame translated, the role groups and the approval workflows
(assigned to their sections). Idempotent: every object is looked up by its stable key and
created only when missing; existing objects are left exactly as they are.

An edge (docs/architecture.md): it calls the content model and the workflow services' set-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import escape
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site

from workflows.roles import sync_role_groups
from workflows.setup import ensure_workflows

from .i18n import ensure_locales, sync_page_tree
from .models import (
    EventIndexPage,
    HomePage,
    OrganisationIndexPage,
    PracticeIndexPage,
    ProgressPage,
    RecommendationIndexPage,
    TableIndexPage,
    TableSpacePage,
)
from .taxonomies import TABLES, table_name

SECTIONS = [
    # (model, slug, title, intro)
    (
        PracticeIndexPage,
        "practicas",
        "Repositorio de prácticas",
        "Buenas prácticas e iniciativas de gobiernos y sociedad civil para implementar el Pacto Mundial para la Migración en América Latina y el Caribe.",
    ),
    (
        TableIndexPage,
        "mesas",
        "Mesas de trabajo",
        "Las cuatro Mesas de Trabajo del Mecanismo, que coinciden con la agrupación temática del Foro de Examen de la Migración Internacional.",
    ),
    (
        RecommendationIndexPage,
        "recomendaciones",
        "Recomendaciones",
        "Recomendaciones del Mecanismo a gobiernos, agencias de Naciones Unidas y otros actores, por evento, tema y mesa.",
    ),
    (
        EventIndexPage,
        "eventos",
        "Eventos",
        "Conversatorios y encuentros de diálogo entre el Mecanismo y los gobiernos de la región.",
    ),
    (
        OrganisationIndexPage,
        "organizaciones",
        "Organizaciones",
        "Organizaciones del Mecanismo, gobiernos y agencias que participan en el diálogo.",
    ),
    (
        ProgressPage,
        "seguimiento",
        "Seguimiento de las recomendaciones",
        "Qué gobiernos y actores han actuado sobre cada recomendación publicada, dónde y con qué evidencia: "
        "informes revisados por las curadoras y la Red Regional.",
    ),
]

HOME_INTRO = (
    "El Mecanismo de Diálogo Permanente de Sociedad Civil de América Latina y el Caribe reúne a "
    "unas 150 organizaciones de la sociedad civil de la región, incluidas organizaciones de diáspora, "
    "que dialogan con los gobiernos sobre la implementación del Pacto Mundial para la Migración "
    "Segura, Ordenada y Regular, con el apoyo de la Red Regional de las Naciones Unidas sobre la Migración."
)

# The site's frame in the other languages (by slug: home, then sections): title, introduction.
# Everything else starts as an alias of the Spanish page, until someone translates it.
STRUCTURE_TRANSLATIONS = {
    "enlace": {
        "en": (
            "Enlace",
            "The Permanent Dialogue Mechanism of Civil Society of Latin America and the Caribbean brings "
            "together some 150 civil-society organisations of the region, diaspora organisations among them, "
            "in dialogue with governments on implementing the Global Compact for Safe, Orderly and Regular "
            "Migration, with the support of the United Nations Regional Network on Migration.",
        ),
        "pt": (
            "Enlace",
            "O Mecanismo de Diálogo Permanente da Sociedade Civil da América Latina e do Caribe reúne "
            "cerca de 150 organizações da sociedade civil da região, incluindo organizações da diáspora, que "
            "dialogam com os governos sobre a implementação do Pacto Global para uma Migração Segura, Ordenada "
            "e Regular, com o apoio da Rede Regional das Nações Unidas sobre Migração.",
        ),
        "fr": (
            "Enlace",
            "Le Mécanisme de dialogue permanent de la société civile d'Amérique latine et des Caraïbes "
            "réunit quelque 150 organisations de la société civile de la région, dont des organisations de la "
            "diaspora, en dialogue avec les gouvernements sur la mise en œuvre du Pacte mondial pour des "
            "migrations sûres, ordonnées et régulières, avec l'appui du Réseau régional des Nations Unies sur "
            "les migrations.",
        ),
    },
    "practicas": {
        "en": (
            "Repository of practices",
            "Good practices and initiatives of governments and civil society implementing the Global Compact for Migration in Latin America and the Caribbean.",
        ),
        "pt": (
            "Repositório de práticas",
            "Boas práticas e iniciativas de governos e da sociedade civil para implementar o Pacto Global para a Migração na América Latina e no Caribe.",
        ),
        "fr": (
            "Répertoire de pratiques",
            "Bonnes pratiques et initiatives des gouvernements et de la société civile pour mettre en œuvre le Pacte mondial sur les migrations en Amérique latine et dans les Caraïbes.",
        ),
    },
    "mesas": {
        "en": (
            "Working tables",
            "The Mechanism's four working tables, which follow the thematic clusters of the International Migration Review Forum.",
        ),
        "pt": (
            "Mesas de trabalho",
            "As quatro mesas de trabalho do Mecanismo, que seguem os agrupamentos temáticos do Fórum de Revisão da Migração Internacional.",
        ),
        "fr": (
            "Tables de travail",
            "Les quatre tables de travail du Mécanisme, qui suivent les groupes thématiques du Forum d'examen des migrations internationales.",
        ),
    },
    "recomendaciones": {
        "en": (
            "Recommendations",
            "The Mechanism's recommendations to governments, United Nations agencies and other actors, by event, theme and table.",
        ),
        "pt": (
            "Recomendações",
            "Recomendações do Mecanismo a governos, agências das Nações Unidas e outros atores, por evento, tema e mesa.",
        ),
        "fr": (
            "Recommandations",
            "Recommandations du Mécanisme aux gouvernements, aux agences des Nations Unies et à d'autres acteurs, par événement, thème et table.",
        ),
    },
    "eventos": {
        "en": ("Events", "Dialogues and meetings between the Mechanism and the governments of the region."),
        "pt": ("Eventos", "Diálogos e encontros entre o Mecanismo e os governos da região."),
        "fr": ("Événements", "Dialogues et rencontres entre le Mécanisme et les gouvernements de la région."),
    },
    "organizaciones": {
        "en": ("Organisations", "The Mechanism's organisations, and the governments and agencies taking part in the dialogue."),
        "pt": ("Organizações", "Organizações do Mecanismo, governos e agências que participam do diálogo."),
        "fr": ("Organisations", "Les organisations du Mécanisme, les gouvernements et les agences qui participent au dialogue."),
    },
    "seguimiento": {
        "en": (
            "Follow-up of the recommendations",
            "Which governments and actors have acted on each published recommendation, where, and with what evidence: reports reviewed by the curators and the Regional Network.",
        ),
        "pt": (
            "Acompanhamento das recomendações",
            "Quais governos e atores agiram sobre cada recomendação publicada, onde e com que evidência: relatórios revisados pelas curadoras e pela Rede Regional.",
        ),
        "fr": (
            "Suivi des recommandations",
            "Quels gouvernements et acteurs ont donné suite à chaque recommandation publiée, où et avec quelles preuves : rapports examinés par les curatrices et le Réseau régional.",
        ),
    },
}


TABLE_DESCRIPTIONS = {
    "1": "Espacio de la Mesa 1 del Mecanismo: factores de la migración y vías de migración regular.",
    "2": "Espacio de la Mesa 2 del Mecanismo: gobernanza migratoria, salvar vidas y reintegración sostenible.",
    "3": "Espacio de la Mesa 3 del Mecanismo: inclusión de las personas migrantes en las comunidades de acogida.",
    "4": "Espacio de la Mesa 4 del Mecanismo: datos, información y políticas basadas en evidencia.",
}


@dataclass
class SetupReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1


def paragraphs(texts: list[str] | str) -> str:
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


class SiteSetup:
    def __init__(self):
        self.report = SetupReport()

    @transaction.atomic
    def structure(self) -> tuple[dict, dict]:
        """The site without content: the Site and home page, the section pages, the four table
        spaces, the role groups and the workflows. The tree is mirrored in every language of the
        site; its frame (home and sections) is translated. Idempotent: what exists is left as it is."""
        ensure_locales()  # first: every page created from here on is aliased in every locale
        home = self.home()
        sections = {model: self.section(home, model, slug, title, intro) for model, slug, title, intro in SECTIONS}
        spaces = {code: self.table_space(sections[TableIndexPage], code) for code in TABLES.codes}
        sync_page_tree()  # a tree from before the locales
        for page in [home, *sections.values()]:
            for language, (title, intro) in STRUCTURE_TRANSLATIONS[page.slug].items():
                self.translate(page, language, title=title, intro=paragraphs(intro))
        sync_role_groups()
        ensure_workflows()
        return sections, spaces

    def publish(self, page: Page, user=None) -> None:
        # The demo's published items stand for reviews that already happened.
        page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)

    def translate(self, page: Page, language: str, **fields) -> None:
        """Turn ``page``'s alias in ``language`` into a published translation (once)."""
        version = page.get_translation_or_none(Locale.objects.get(language_code=language))
        if version is None or version.alias_of_id is None:
            return
        ConvertAliasPageAction(version, log_action=None).execute(skip_permission_checks=True)
        version = version.specific_class.objects.get(pk=version.pk)
        for name, value in fields.items():
            setattr(version, name, value)
        version.draft_title = version.title
        self.publish(version)
        self.report.count("translations")

    def home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.originals().first()
        if home is None:
            root = Page.get_first_root_node() or self.root()
            welcome = site.root_page if site else None
            home = HomePage(title="Enlace", slug="enlace", intro=paragraphs(HOME_INTRO), show_in_menus=False)
            root.add_child(instance=home)
            self.publish(home)
            self.report.count("home page")
            if site is None:
                Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Enlace")
            else:
                site.root_page = home
                site.site_name = "Enlace"
                site.save()
            # Wagtail's initial "Welcome" page has no content of ours.
            if welcome is not None and welcome.specific_class is Page:
                welcome.delete()
        return home

    def root(self) -> Page:
        """The tree's root, for a database emptied by a flush (migrations normally make it)."""
        from django.conf import settings
        from wagtail.models import Locale

        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        return Page.add_root(instance=Page(title="Root", slug="root", live=True))

    def section(self, home, model, slug, title, intro):
        page = model.objects.originals().first()
        if page is None:
            page = model(title=title, slug=slug, intro=paragraphs(intro), show_in_menus=True)
            home.add_child(instance=page)
            self.publish(page)
            self.report.count("section pages")
        return page

    def table_space(self, index: TableIndexPage, code: str) -> TableSpacePage:
        space = TableSpacePage.objects.originals().filter(table=code).first()
        if space is None:
            space = TableSpacePage(
                title=table_name(code, "es"),
                slug=f"mesa-{code}",
                table=code,
                description=paragraphs(TABLE_DESCRIPTIONS[code]),
            )
            index.add_child(instance=space)
            self.publish(space)
            self.report.count("table spaces")
        return space
