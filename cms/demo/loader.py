"""Builds the demo world of :mod:`cms.demo.data` in the database.

Idempotent by construction: every object is looked up by its stable key (slug, username)
and created only when missing; existing objects are left exactly as they are, so running
``seed_demo`` twice changes nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import escape
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site

from workflows import services
from workflows.roles import grant_role, set_default_admin_language, sync_role_groups
from workflows.setup import ensure_workflows

from ..i18n import ensure_locales, sync_page_tree
from ..models import (
    Contribution,
    EventIndexPage,
    EventPage,
    EventTheme,
    FollowUpReport,
    HomePage,
    Organisation,
    OrganisationIndexPage,
    PracticeIndexPage,
    PracticePage,
    PracticeSource,
    ProgressPage,
    RecommendationIndexPage,
    RecommendationPage,
    TableIndexPage,
    TableSpacePage,
)
from ..taxonomies import TABLES, table_name
from . import data

User = get_user_model()

# (username, role, table); the member belongs to the first civil-society organisation.
DEMO_ACCOUNTS = [
    ("admin", "admin", None),
    ("curator", "curator", None),
    ("network", "network", None),
    ("liaison1", "liaison", None),
    ("liaison2", "liaison", None),
    ("delegate1", "delegate", "1"),
    ("delegate2", "delegate", "2"),
    ("delegate3", "delegate", "3"),
    ("delegate4", "delegate", "4"),
    ("secretariat1", "secretariat", "1"),
    ("member", "member", None),
]

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


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    def __str__(self) -> str:
        if not self.created:
            return "demo data already present: nothing created"
        return "created " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.created.items()))


def paragraphs(texts: list[str] | str) -> str:
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


class DemoLoader:
    def __init__(self, password: str):
        self.password = password
        self.report = SeedReport()

    @transaction.atomic
    def run(self) -> SeedReport:
        sections, spaces = self.structure()
        organisations = {row["key"]: self.organisation(row) for row in data.ORGANISATIONS}
        users = self.accounts(organisations)
        event, themes = self.event(sections[EventIndexPage])
        for row in data.PRACTICES:
            self.practice(sections[PracticeIndexPage], row, organisations, event, users["curator"])
        for row in data.RECOMMENDATIONS:
            author = users[f"delegate{row['table']}"]
            self.recommendation(spaces[row["table"]], row, event, themes, author)
        self.workflow_examples(users)
        self.pending_practice(users["member"])
        self.follow_ups(users)
        self.contributions(users)
        return self.report

    # --- tree ---------------------------------------------------------------------------

    @transaction.atomic
    def structure(self) -> tuple[dict, dict]:
        """The site without content: the Site and home page, the section pages, the four table
        spaces, the role groups and the workflows (also ``setup_site``, for production). The tree
        is mirrored in every language of the site; its frame (home and sections) is translated."""
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

    def _publish(self, page: Page, user=None) -> None:
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
        self._publish(version)
        self.report.count("translations")

    def home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.originals().first()
        if home is None:
            root = Page.get_first_root_node() or self.root()
            welcome = site.root_page if site else None
            home = HomePage(title="Enlace", slug="enlace", intro=paragraphs(HOME_INTRO), show_in_menus=False)
            root.add_child(instance=home)
            self._publish(home)
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
            self._publish(page)
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
            self._publish(space)
            self.report.count("table spaces")
        return space

    # --- people -------------------------------------------------------------------------

    def organisation(self, row: dict) -> Organisation:
        organisation = Organisation.objects.filter(slug=row["key"]).first()
        if organisation is None:
            organisation = Organisation(
                slug=row["key"],
                name=row["name"],
                acronym=row["acronym"],
                country=row["country"],
                kind=row["kind"],
                stakeholder_group=row["stakeholder_group"],
                tables=list(row["tables"]),
                website=row["website"],
                description=row["description"],
            )
            organisation.full_clean()
            organisation.save()
            self.report.count("organisations")
        return organisation

    def accounts(self, organisations: dict[str, Organisation]) -> dict:
        member_org = next(o for o in organisations.values() if o.kind == "civil_society")
        if not member_org.tables:  # demo: the member account's organisation takes part in table 1
            member_org.tables = ["1"]
            member_org.save(update_fields=["tables"])
        users = {}
        for username, role, table in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username=username,
                    email=f"{username}@enlace.example",
                    password=self.password,
                    first_name=username.capitalize(),
                )
                set_default_admin_language(user)
                grant_role(user, role, table=table, organisation=member_org if role == "member" else None)
                self.report.count("demo accounts")
            users[username] = user
        return users

    # --- content ------------------------------------------------------------------------

    def event(self, index: EventIndexPage) -> tuple[EventPage, dict[str, EventTheme]]:
        row = data.EVENT
        event = EventPage.objects.originals().filter(slug=row["slug"]).first()
        if event is None:
            event = EventPage(
                title=row["title"],
                slug=row["slug"],
                date=datetime.date.fromisoformat(row["date"]),
                format=row["format"],
                summary=row["summary"],
                body=paragraphs(row["description"]),
                report_title=row["report_title"],
            )
            event.themes = [
                EventTheme(
                    key=theme["key"],
                    title=theme["title"],
                    summary=theme["summary"],
                    objectives=list(theme["objectives"]),
                    guiding_questions="\n".join(theme["guiding_questions"]),
                    participants=theme["participants"],
                    countries_count=theme["countries_count"],
                    presenter=theme["presenter"],
                    sort_order=theme["number"],
                )
                for theme in row["themes"]
            ]
            index.add_child(instance=event)
            self._publish(event)
            self.report.count("events")
        if event.report_document_id is None:
            event.report_document = report_document(row)
            self._publish(event)
            self.report.count("event report documents")
        return event, {theme.key: theme for theme in event.themes.all()}

    def practice(self, index, row, organisations, event, curator) -> None:
        if PracticePage.objects.originals().filter(slug=row["slug"]).exists():
            return
        page = PracticePage(
            title=row["title"],
            slug=row["slug"],
            summary=row["summary"],
            body=paragraphs(row["body"]),
            countries=list(row["countries"]),
            objectives=list(row["objectives"]),
            principles=list(row["principles"]),
            table=row["table"],
            stakeholder_groups=list(row["stakeholder_groups"]),
            level=row["level"],
            populations=list(row["populations"]),
            start_year=row["start_year"],
            end_year=row["end_year"],
            status=row["status"],
            results=row["results"],
            lessons_learned=row["lessons_learned"],
            language=row["language"],
            event=event,
            owner=curator,
        )
        page.organisations = [organisations[key] for key in row["organisations"]]
        page.sources = [PracticeSource(title=s["title"], url=s["url"]) for s in row["sources"]]
        index.add_child(instance=page)
        self._publish(page, curator)
        self.report.count("practices")

    def recommendation(self, space, row, event, themes, author) -> None:
        if RecommendationPage.objects.originals().filter(slug=row["slug"]).exists():
            return
        page = RecommendationPage(
            title=row["title"],
            slug=row["slug"],
            text=row["text"],
            rationale=row["rationale"],
            addressed_to=list(row["addressed_to"]),
            objectives=list(row["objectives"]),
            countries=list(row["countries"]),
            event=event,
            theme=themes[row["theme"]],
            number=row["number"],
            owner=author,
        )
        space.add_child(instance=page)
        self._publish(page, author)
        self.report.count("recommendations")

    # --- the workflow at work -------------------------------------------------------------

    def workflow_examples(self, users) -> None:
        """Drafts of table 1 caught at each stage, and one sent back (from the report's challenges)."""
        for example in WORKFLOW_EXAMPLES:
            if RecommendationPage.objects.originals().filter(title=example["title"]).exists():
                continue
            item = services.recommendation_create(
                user=users["delegate1"],
                table="1",
                title=example["title"],
                text=example["text"],
                rationale=example["rationale"],
                objectives=example["objectives"],
                addressed_to=example["addressed_to"],
            )
            for step, username, comment in example["steps"]:
                user = users[username]
                if step == "submit":
                    services.recommendation_submit(item=item, user=user)
                elif step == "approve":
                    services.recommendation_approve(item=item, user=user, comment=comment)
                elif step == "request_changes":
                    services.recommendation_request_changes(item=item, user=user, comment=comment)
            self.report.count("recommendations in the workflow")

    def pending_practice(self, member) -> None:
        if PracticePage.objects.originals().filter(title=PENDING_PRACTICE["title"]).exists():
            return
        services.practice_submit(user=member, data=dict(PENDING_PRACTICE))
        self.report.count("practices awaiting review")

    def follow_ups(self, users) -> None:
        """Follow-up reports from what the report says was done, through the review rules."""
        from workflows import followups

        for row in data.FOLLOW_UPS:
            recommendation = RecommendationPage.objects.originals().get(slug=row["recommendation"])
            date = datetime.date.fromisoformat(row["date"])
            if FollowUpReport.objects.filter(
                recommendation=recommendation, country=row["country"], date=date, actor=row["actor"]
            ).exists():
                continue
            practices = list(PracticePage.objects.originals().filter(slug__in=row["practices"]))
            evidence = row.get("evidence") or [
                source.url for practice in practices for source in practice.sources.all() if source.url
            ]
            report = followups.submit(
                recommendation=recommendation,
                user=users.get(row.get("reporter")),
                reporter_email=row.get("reporter_email", ""),
                data={
                    "country": row["country"],
                    "status": row["status"],
                    "actor": row["actor"],
                    "date": date,
                    "description": row["description"],
                    "evidence_urls": evidence,
                    "practices": [practice.pk for practice in practices],
                },
            )
            review = row.get("review", "published")
            if review == "published":
                followups.publish(report=report, user=users["curator"])
            elif review == "sent_back":
                followups.send_back(report=report, user=users["curator"], comment=row["comment"])
            self.report.count(f"follow-up reports ({review})")

    def contributions(self, users) -> None:
        """Table 1's working material: contributions (one with a document attached, in the table's
        private collection), their comments, and the recommendations two of them went into, all
        through the services."""
        from django.core.files.base import ContentFile

        from workflows import contributions as services

        for row in data.CONTRIBUTIONS:
            if Contribution.objects.filter(table=row["table"], title=row["title"]).exists():
                continue
            upload = None
            if row.get("attachment"):
                upload = ContentFile(conversatorio_summary(row["table"]).encode(), name=row["attachment"]["filename"])
            contribution = services.contribution_create(
                user=users[row["author"]],
                table=row["table"],
                title=row["title"],
                text=row["text"],
                objectives=row["objectives"],
                countries=row["countries"],
                upload=upload,
            )
            for username, text in row.get("comments", []):
                services.contribution_comment(contribution=contribution, user=users[username], text=text)
            if row.get("consolidated_into"):
                item = RecommendationPage.objects.originals().get(title=row["consolidated_into"])
                chosen = [*Contribution.objects.filter(consolidated_into=item), contribution]
                services.consolidate(recommendation=item, contributions=chosen, user=users["secretariat1"])
            self.report.count("contributions")


REFERENCE_REPORT = Path(__file__).with_name("reference") / "conversatorio-2023-informe.txt"


def report_text(row: dict) -> str:
    """The event's report as a readable text file: a heading (title, date, where it comes from),
    then the report's text from ``cms/demo/reference/`` with its page-width line breaks joined
    into paragraphs."""
    source = REFERENCE_REPORT.read_text(encoding="utf-8")
    paragraphs = []
    for block in re.split(r"\n\s*\n", source):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines:
            paragraphs.append(re.sub(r"\s+", " ", " ".join(lines)))
    heading = [row["report_title"], f"Fecha del evento: {row['date']}", "Red Regional de las Naciones Unidas sobre la Migración"]
    return "\n".join(heading) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def report_document(row: dict):
    """The report of the event as a public Wagtail document (the root collection), created once."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    filename = f"{row['slug']}-informe.txt"
    document = Document.objects.filter(title=row["report_title"]).first()
    if document is None:
        document = Document(title=row["report_title"])
        document.file.save(filename, ContentFile(report_text(row).encode("utf-8")), save=False)
        document._set_document_file_metadata()  # size and hash, as the admin's upload records them
        document.save()
    return document


def conversatorio_summary(table: str) -> str:
    """A plain-text synthesis of the Conversatorio's report for ``table``: the event, its two
    themes (objectives, participation, summary, guiding questions) and the table's
    recommendations."""
    from ..taxonomies import OBJECTIVES

    event = data.EVENT
    lines = [
        f"Síntesis para la {table_name(table, 'es')}",
        event["report_title"],
        f"Fecha: {event['date']} · formato híbrido",
        "",
        event["summary"],
    ]
    for theme in event["themes"]:
        objectives = "; ".join(f"{code}. {OBJECTIVES.label(code, 'es')}" for code in theme["objectives"])
        lines += [
            "",
            f"Tema {theme['number']}: {theme['title']}",
            f"Objetivos del PMM: {objectives}",
            f"Participación: {theme['participants']} representantes de {theme['countries_count']} países.",
            theme["summary"],
            "Preguntas orientadoras:",
            *(f"- {question}" for question in theme["guiding_questions"]),
        ]
    lines += ["", f"Recomendaciones a cargo de la {table_name(table, 'es')}:"]
    for row in data.RECOMMENDATIONS:
        if row["table"] == table:
            lines.append(f"- {row['title']} (tema {row['theme'].split('-')[-1]}, n.º {row['number']}): {row['text']}")
    return "\n".join(lines) + "\n"


WORKFLOW_EXAMPLES = [
    {
        "title": "Reconocer documentos de identidad y pasaportes vencidos en los trámites migratorios",
        "text": "Que los Estados acepten cédulas de identidad y pasaportes vencidos como prueba de identidad en los "
        "trámites de regularización y acceso a servicios.",
        "rationale": "La sociedad civil señaló en el Conversatorio que en algunos casos no se reconocen cédulas o "
        "pasaportes vencidos, lo que agrega un problema a un tema netamente administrativo.",
        "objectives": ["4", "7"],
        "addressed_to": ["national_governments"],
        "steps": [("submit", "delegate1", "")],
    },
    {
        "title": "Reducir los tiempos de espera para el reconocimiento y la obtención de visas de trabajo",
        "text": "Fijar plazos máximos y publicar los tiempos reales de tramitación de visas de trabajo.",
        "rationale": "Se mencionaron los largos tiempos de espera para el reconocimiento y la obtención de visas, "
        "por ejemplo de trabajo.",
        "objectives": ["5", "6"],
        "addressed_to": ["national_governments"],
        "steps": [
            ("submit", "delegate1", ""),
            ("approve", "secretariat1", "Respaldada por la mesa."),
            ("approve", "liaison1", "De acuerdo."),
        ],
    },
    {
        "title": "Mantener las vías de comunicación con los gobiernos más allá de los cambios de gestión",
        "text": "Establecer canales permanentes de diálogo entre la sociedad civil, las instancias de gobierno y "
        "los organismos internacionales, que no dependan de los cambios de gestión.",
        "rationale": "La academia señaló como desafío mantener las vías de comunicación con todas las instancias "
        "formales de gobierno y organismos internacionales, para que los cambios de gestión no modifiquen las "
        "políticas migratorias receptivas.",
        "objectives": ["23", "16"],
        "addressed_to": ["national_governments", "un_agencies"],
        "steps": [("submit", "delegate1", ""), ("approve", "secretariat1", "")],  # waits for both liaison members
    },
    {
        "title": "Garantizar la universalidad de los servicios en las normativas migratorias",
        "text": "Que toda normativa contemple el enfoque de universalidad de los servicios para todas las personas "
        "en el territorio, con independencia de su situación migratoria.",
        "rationale": "Lección aprendida del tema 1: las normativas deben contemplar la universalidad de los servicios.",
        "objectives": ["15", "7"],
        "addressed_to": ["national_governments", "local_governments"],
        "steps": [
            ("submit", "delegate1", ""),
            ("approve", "secretariat1", ""),
            ("approve", "liaison1", ""),
            ("approve", "liaison2", ""),
        ],
    },
    {
        "title": "Puntos focales del Mecanismo en los territorios de acogida",
        "text": "Crear puntos focales del Mecanismo en las ciudades de acogida.",
        "rationale": "Se propuso fortalecer y expandir el Mecanismo con puntos focales en los territorios de acogida.",
        "objectives": ["23"],
        "addressed_to": ["mechanism"],
        "steps": [
            ("submit", "delegate1", ""),
            ("approve", "secretariat1", ""),
            ("request_changes", "liaison2", "Precisar qué territorios y con qué recursos se sostendrían los puntos focales."),
        ],
    },
]

PENDING_PRACTICE = {
    "title": "Consejo de Colectividades de Quilmes: más de 40 organizaciones de migrantes",
    "summary": "En Quilmes se consolidó un Consejo de Colectividades que reúne a más de 40 organizaciones de "
    "migrantes presentes en el municipio, por medio del cual se canalizaron fondos para mejorar sus instalaciones.",
    "countries": ["AR"],
    "objectives": ["16"],
    "principles": ["whole_of_society"],
    "level": "local",
    "language": "es",
}


TABLE_DESCRIPTIONS = {
    "1": "Espacio de la Mesa 1 del Mecanismo: factores de la migración y vías de migración regular.",
    "2": "Espacio de la Mesa 2 del Mecanismo: gobernanza migratoria, salvar vidas y reintegración sostenible.",
    "3": "Espacio de la Mesa 3 del Mecanismo: inclusión de las personas migrantes en las comunidades de acogida.",
    "4": "Espacio de la Mesa 4 del Mecanismo: datos, información y políticas basadas en evidencia.",
}
