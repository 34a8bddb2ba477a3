"""The portal's home page."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from procedures.models import Category


class HomePage(Page):
    """Home of the portal: search box and the categories of procedures."""

    intro = RichTextField("Wstęp", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["procedures.ProcedureIndexPage", "home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = "strona główna"
        verbose_name_plural = "strony główne"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only categories a resident can open and find something in, with how many.
        context["categories"] = Category.objects.with_public_count().filter(public_count__gt=0)
        return context


class StandardPage(Page):
    """A plain information page of the portal ("Informacje o portalu", "Kontakt", …)."""

    body = RichTextField("Treść", features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "strona informacyjna"
        verbose_name_plural = "strony informacyjne"
