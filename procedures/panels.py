"""Panels of the procedure editor that follow the sections of the template.

The form is Wagtail's own: tabs (``ObjectList``) hold the template's sections
(``MultiFieldPanel``), each with the heading editors know from Order No. 734/2023.
"""

from wagtail.admin.panels import InlinePanel, MultiFieldPanel


def _has_content(value):
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return True


class SectionPanel(MultiFieldPanel):
    """One section of the template, collapsible like any Wagtail panel.

    A section with something to fill in before publication opens expanded. An
    ``optional=True`` section starts collapsed while it is empty, so the editor sees its
    heading without scrolling past its fields; once it holds content it opens, and
    Wagtail's own script opens a collapsed section holding a validation error.
    """

    def __init__(self, *args, optional=False, **kwargs):
        self.optional = optional
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "optional": self.optional}

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def classes(self):
            classes = list(super().classes())
            if self.panel.optional and not self.has_content():
                classes.append("collapsed")
            return classes

        def has_content(self):
            """Whether any field of the section shown to this user has a value."""
            return any(self._filled(child) for child in self.visible_children)

        def _filled(self, bound_panel):
            name = getattr(bound_panel.panel, "field_name", None)
            if name is None:
                name = getattr(bound_panel.panel, "relation_name", None)
                if name is not None:  # an InlinePanel: any row counts
                    return bool(getattr(bound_panel, "formset", None) and bound_panel.formset.forms)
                children = getattr(bound_panel, "visible_children", ())
                return any(self._filled(child) for child in children)
            if self.form is not None and name in self.form.fields:
                return _has_content(self.form[name].value())
            # A read-only field is not in the form: its value is the page's.
            return _has_content(getattr(self.instance, name, None))


class EntriesPanel(InlinePanel):
    """An ``InlinePanel`` whose entries are headed in the nominative ("Osoba 1", "Osoba 2")
    while its button takes the accusative ("Dodaj osobę").

    Wagtail puts one ``label`` into both places; Polish needs two forms of the noun.
    """

    def __init__(self, relation_name, *args, add_label="", **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "procedures/admin/panels/entries_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["add_label"] = self.panel.add_label or self.label
            return context
