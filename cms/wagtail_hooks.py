"""Admin registration of Enlace's snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import Contribution, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "country_label", "kind_label"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym"]


class ContributionCreateView(CreateView):
    def save_instance(self):
        # The author is whoever writes it, never a form field.
        self.form.instance.author = self.request.user
        return super().save_instance()


class ContributionViewSet(SnippetViewSet):
    model = Contribution
    icon = "doc-full"
    menu_label = "Contributions"
    list_display = ["title", "table", "author", "live"]
    list_filter = ["table"]
    add_view_class = ContributionCreateView


register_snippet(OrganisationViewSet)
register_snippet(ContributionViewSet)
