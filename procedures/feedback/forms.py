"""The two forms a resident sends from a procedure's page.

Every message is Polish and names the field, as the admin's do; the honeypot
(:data:`~procedures.feedback.protection.HONEYPOT`) is a field of both, never shown.
"""

from django import forms

from procedures.feedback.protection import HONEYPOT, max_chars

#: The parts of a procedure's page, as its headings name them: "Której części opisu
#: dotyczy błąd?".
SECTIONS = [
    ("skrocony-opis", "Skrócony opis procedury"),
    ("szczegolowy-opis", "Szczegółowy opis procedury"),
    ("termin-i-miejsce", "Termin i miejsce załatwienia sprawy"),
    ("oplaty", "Opłaty"),
    ("dokumenty", "Dokumenty"),
    ("podstawa-prawna", "Podstawa prawna"),
    ("realizator", "Realizator"),
    ("inna", "Inna część albo nie wiem"),
]
DESCRIPTION_LABEL = "Co jest nieaktualne lub błędne?"
EMAIL_LABEL = "Adres e-mail (nieobowiązkowy)"
SECTION_LABEL = "Której części opisu dotyczy błąd? (nieobowiązkowe)"


class HoneypotForm(forms.Form):
    """A form with the honeypot: :meth:`is_spam` when anything was typed into it. Its
    fields' ids start with :attr:`id_prefix`, so two forms on one page never share one."""

    id_prefix = "opinia"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(required=False, label="Nie wypełniaj tego pola")

    def is_spam(self):
        return bool((self.data.get(HONEYPOT) or "").strip())


class VoteForm(HoneypotForm):
    """ "Czy ta informacja była pomocna?": the button pressed, ``tak`` or ``nie``."""

    id_prefix = "ocena"

    pomocna = forms.ChoiceField(
        choices=[("tak", "Tak"), ("nie", "Nie")],
        label="Czy ta informacja była pomocna?",
        error_messages={
            "required": "Wybierz „Tak” albo „Nie” w pytaniu „Czy ta informacja była pomocna?”.",
            "invalid_choice": "Wybierz „Tak” albo „Nie” w pytaniu „Czy ta informacja była "
            "pomocna?”.",
        },
    )

    @property
    def helpful(self):
        return self.cleaned_data["pomocna"] == "tak"


class ReportForm(HoneypotForm):
    """ "Zgłoś błąd w opisie": what is wrong (required), which part (optional) and an
    address for a reply (optional). No other personal data is asked for."""

    id_prefix = "zgloszenie"

    section = forms.ChoiceField(
        choices=SECTIONS,
        required=False,
        label=SECTION_LABEL,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": f"Pole „{SECTION_LABEL}”: wybierz jedną z podanych części opisu."
        },
    )
    description = forms.CharField(
        label=DESCRIPTION_LABEL,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": f"Pole „{DESCRIPTION_LABEL}” jest wymagane: napisz, co w opisie "
            "procedury jest nieaktualne lub błędne."
        },
    )
    email = forms.EmailField(
        label=EMAIL_LABEL,
        required=False,
        max_length=254,
        help_text="Podaj go tylko, jeśli chcesz dostać odpowiedź. Nie prosimy o inne dane.",
        error_messages={
            "invalid": f"Pole „{EMAIL_LABEL}”: wpisz poprawny adres, np. jan.kowalski@example.pl, "
            "albo zostaw to pole puste.",
            "max_length": f"Pole „{EMAIL_LABEL}” może mieć najwyżej 254 znaki.",
        },
    )

    def clean_description(self):
        text = self.cleaned_data["description"]
        limit, length = max_chars(), len(text)
        if length > limit:
            raise forms.ValidationError(
                f"Pole „{DESCRIPTION_LABEL}” może mieć najwyżej {limit} znaków (ze spacjami), "
                f"a ma {length}. Skróć opis.",
                code="max_length",
            )
        return text

    @property
    def section_label(self):
        return dict(SECTIONS).get(self.cleaned_data.get("section"), "")

    def subject(self):
        """The update request's "Temat": "Zgłoszenie mieszkańca – błąd w części „Opłaty”",
        or without the part when none (or "nie wiem") was chosen."""
        section = self.cleaned_data.get("section")
        if section and section != "inna":
            return f"Zgłoszenie mieszkańca – błąd w części „{self.section_label}”"
        return "Zgłoszenie mieszkańca – błąd w opisie procedury"
