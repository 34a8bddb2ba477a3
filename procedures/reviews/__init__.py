"""Keeping procedures true: the review cycle ("Następny przegląd"), the staff's dashboards,
the "Przeglądy procedur" report and the e-mail digests and alerts (issue #16, parts 1–3)."""
