"""The headings of the portal's procedure page, in the words and order of the template
(shared/spec/procedure-template.md)."""

#: The steps' heading, a subheading of the summary's section.
STEPS = "Najważniejsze etapy realizacji procedury"

#: Every heading in order; each but ``STEPS`` heads a section.
HEADINGS = [
    "Skrócony opis procedury",
    STEPS,
    "Szczegółowy opis procedury",
    "Termin i miejsce załatwienia sprawy",
    "Opłaty",
    "Dokumenty",
    "Podstawa prawna",
    "Realizator",
]
