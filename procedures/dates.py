"""Dates of validity ("Obowiązuje od/do") to the minute, as the editor's form shows them."""


def to_the_minute(value):
    """``value`` without seconds and microseconds (``None`` stays ``None``).

    The admin's date widget shows minutes only. A stored "Obowiązuje od" with seconds
    would differ from what the form sends back, so the form would take it for a change.
    """
    return value.replace(second=0, microsecond=0) if value else value
