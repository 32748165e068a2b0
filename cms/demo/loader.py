"""Builds the demo world of :mod:`cms.demo.data` in the database.

Idempotent by construction: every object is looked up by its stable key (slug, username)
and created only when missing; existing objects are left exactly as they are, so running
``seed_demo`` twice changes nothing.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from workflows import practices, recommendations
from workflows.roles import grant_role, set_default_admin_language

from ..models import (
    Contribution,
    EventIndexPage,
    EventPage,
    EventTheme,
    FollowUpReport,
    Organisation,
    PracticeIndexPage,
    PracticePage,
    PracticeSource,
    RecommendationPage,
)
from ..site_setup import SetupReport, SiteSetup, paragraphs
from ..taxonomies import table_name
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


class SeedReport(SetupReport):
    def __str__(self) -> str:
        if not self.created:
            return "demo data already present: nothing created"
        return "created " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.created.items()))


class DemoLoader(SiteSetup):
    """The demo world on top of the site's structure (``cms.site_setup``)."""

    def __init__(self, password: str):
        super().__init__()
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
            self.publish(event)
            self.report.count("events")
        if event.report_document_id is None:
            event.report_document = report_document(row)
            self.publish(event)
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
        self.publish(page, curator)
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
        self.publish(page, author)
        self.report.count("recommendations")

    # --- the workflow at work -------------------------------------------------------------

    def workflow_examples(self, users) -> None:
        """Drafts of table 1 caught at each stage, and one sent back (from the report's challenges)."""
        for example in WORKFLOW_EXAMPLES:
            if RecommendationPage.objects.originals().filter(title=example["title"]).exists():
                continue
            item = recommendations.recommendation_create(
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
                    recommendations.recommendation_submit(item=item, user=user)
                elif step == "approve":
                    recommendations.recommendation_approve(item=item, user=user, comment=comment)
                elif step == "request_changes":
                    recommendations.recommendation_request_changes(item=item, user=user, comment=comment)
            self.report.count("recommendations in the workflow")

    def pending_practice(self, member) -> None:
        if PracticePage.objects.originals().filter(title=PENDING_PRACTICE["title"]).exists():
            return
        practices.practice_submit(user=member, data=dict(PENDING_PRACTICE))
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

        from workflows import contributions

        for row in data.CONTRIBUTIONS:
            if Contribution.objects.filter(table=row["table"], title=row["title"]).exists():
                continue
            upload = None
            if row.get("attachment"):
                upload = ContentFile(conversatorio_summary(row["table"]).encode(), name=row["attachment"]["filename"])
            contribution = contributions.contribution_create(
                user=users[row["author"]],
                table=row["table"],
                title=row["title"],
                text=row["text"],
                objectives=row["objectives"],
                countries=row["countries"],
                upload=upload,
            )
            for username, text in row.get("comments", []):
                contributions.contribution_comment(contribution=contribution, user=users[username], text=text)
            if row.get("consolidated_into"):
                item = RecommendationPage.objects.originals().get(title=row["consolidated_into"])
                chosen = [*Contribution.objects.filter(consolidated_into=item), contribution]
                contributions.consolidate(recommendation=item, contributions=chosen, user=users["secretariat1"])
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
    from wagtail.models import Collection

    Document = get_document_model()
    filename = f"{row['slug']}-informe.txt"
    document = Document.objects.filter(title=row["report_title"]).first()
    if document is None:
        # A flushed database (transactional tests) has no root collection until someone makes it.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        document = Document(title=row["report_title"], collection=root)
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
