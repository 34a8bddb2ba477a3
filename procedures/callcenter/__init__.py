"""The Call Center reading view: every procedure with its restricted sections, for staff."""
