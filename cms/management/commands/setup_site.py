"""Create the site without any demo content, for a production install: the Wagtail Site and
its home page, the section pages (Repositorio de prácticas, Mesas de trabajo, Recomendaciones,
Eventos, Organizaciones), the four working-table spaces, the role groups and the two approval
workflows (``cms.site_setup``, the steps ``seed_demo`` starts with), and nothing else: no
accounts, organisations, practices or recommendations.

Idempotent: what exists is left as it is (pages renamed or edited in the admin are kept);
run it again after an upgrade that adds a section or a role."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms.site_setup import SiteSetup


class Command(BaseCommand):
    help = (
        "Create the site tree (home, sections, the four table spaces), the role groups and the "
        "approval workflows, without demo content. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", help="host name of the default Wagtail site (e.g. enlace.example.org)")
        parser.add_argument("--port", type=int, help="port of the default Wagtail site as the public sees it (443 for https)")

    @transaction.atomic
    def handle(self, *args, hostname=None, port=None, **options):
        setup = SiteSetup()
        setup.structure()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:  # structure() made or found the home page; a default site must exist
            raise CommandError("no default Wagtail site after setup")
        changed = []
        if hostname and site.hostname != hostname:
            site.hostname = hostname
            changed.append("hostname")
        if port and site.port != port:
            site.port = port
            changed.append("port")
        if changed:
            site.save(update_fields=changed)
        created = setup.report.created
        if created or changed:
            parts = [f"{n} {kind}" for kind, n in sorted(created.items())] + [f"site {field}" for field in changed]
            self.stdout.write(self.style.SUCCESS("created or updated: " + ", ".join(parts)))
        else:
            self.stdout.write("site already set up: nothing changed")
        self.stdout.write(f"default site: {site.hostname}:{site.port} → {site.root_page.title}")
