"""The portal's home page."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Home of the portal: search box and the categories of procedures."""

    intro = RichTextField("Wstęp", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["procedures.ProcedureIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "strona główna"
        verbose_name_plural = "strony główne"

    def get_context(self, request, *args, **kwargs):
        from procedures.models import Category

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = Category.objects.all()
        return context
