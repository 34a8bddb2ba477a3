"""Polish labels that a model's ``verbose_name`` alone cannot give.

Wagtail puts a model's name, in the nominative, into its sentences: "Wybierz komórka",
"21 komórki". Here the project's models get the accusative for their choosers and
proper plural forms (``ngettext``, catalogue ``cms/locale``) for their counts.
"""

from django.utils.translation import ngettext
from wagtail.snippets.views.chooser import ChooseView, SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

#: Accusative of each model's verbose_name: what "Wybierz …" takes.
ACCUSATIVE = {
    "procedures.organisationalunit": "jednostkę",
    "procedures.department": "komórkę",
    "procedures.employee": "pracownika",
    "procedures.office": "miejsce załatwienia sprawy",
    "procedures.category": "kategorię",
    "procedures.usefulinfo": "przydatną informację",
    "procedures.electronicaction": "czynność elektroniczną",
    "procedures.eformplatform": "platformę e-usług",
    "procedures.legalactkind": "rodzaj aktu prawnego",
    "procedures.updaterequest": "wniosek o aktualizację",
    "procedures.procedurepage": "procedurę",
}

#: "%(count)s …" in singular and plural; the catalogue holds the four Polish forms.
COUNTS = {
    "procedures.organisationalunit": (
        "%(count)s organisational unit",
        "%(count)s organisational units",
    ),
    "procedures.department": ("%(count)s department", "%(count)s departments"),
    "procedures.employee": ("%(count)s employee", "%(count)s employees"),
    "procedures.office": ("%(count)s office", "%(count)s offices"),
    "procedures.category": ("%(count)s category", "%(count)s categories"),
    "procedures.updaterequest": ("%(count)s update request", "%(count)s update requests"),
    "procedures.procedurepage": ("%(count)s procedure", "%(count)s procedures"),
    "procedures.proceduredocument": ("%(count)s document", "%(count)s documents"),
}
GENERIC_COUNT = ("%(count)s item", "%(count)s items")


def accusative(model):
    """The model's name as "Wybierz …" needs it; its verbose_name when none is known."""
    return ACCUSATIVE.get(model._meta.label_lower, model._meta.verbose_name)


def count_label(model, count):
    """ "1 komórka", "21 komórek", "55 pracowników": a count of ``model``'s objects."""
    singular, plural = COUNTS.get(model._meta.label_lower if model else None, GENERIC_COUNT)
    return ngettext(singular, plural, count) % {"count": count}


class PolishSnippetChooser(AdminSnippetChooser):
    """A snippet chooser whose buttons say "Wybierz komórkę", "Zmień komórkę"."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = accusative(self.model)
        self.choose_one_text = f"Wybierz {name}"
        self.choose_another_text = f"Zmień {name}"
        self.link_to_chosen_text = "Edytuj"


class PolishSnippetChooseView(ChooseView):
    """The chooser modal: its title names the model already, so no subtitle repeats it."""

    page_subtitle = None


class PolishSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser with Polish grammar: its widget (``PolishSnippetChooser``) and
    its modal's title ("Wybierz komórkę")."""

    base_widget_class = PolishSnippetChooser
    choose_view_class = PolishSnippetChooseView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_title = f"Wybierz {accusative(self.model)}"
