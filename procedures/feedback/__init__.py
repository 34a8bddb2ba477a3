"""Residents' feedback on a procedure's public page: "Czy ta informacja była pomocna?
Tak / Nie" (counted per procedure, :class:`~procedures.feedback.models.HelpfulnessVote`)
and "Zgłoś błąd w opisie", which files an update request from a resident
(``UpdateRequest.Source.RESIDENT``) into the Procedures Office's queue."""
