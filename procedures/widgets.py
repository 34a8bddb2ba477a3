"""Form widgets of the procedure editor."""

from django import forms


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Django's checkbox list with a filter box and a "Wybrano: 3" count above it.

    The list itself is the plain checkbox list, so the form works and submits the same
    without JavaScript. The script (a Stimulus controller registered with Wagtail's
    application, no inline code for the admin's CSP) shows the filter box, hides the
    options that do not match what the editor types, diacritics ignored ("zlozenie" finds
    "złożenie"), and keeps the count of ticked options, hidden ones included, up to date.
    """

    template_name = "procedures/widgets/filterable_checkbox_select.html"

    class Media:
        js = ["procedures/js/choice-filter.js"]
        css = {"all": ["procedures/css/choice-filter.css"]}

    def __init__(self, attrs=None, choices=()):
        attrs = {"data-action": "change->choice-filter#count", **(attrs or {})}
        super().__init__(attrs, choices)
