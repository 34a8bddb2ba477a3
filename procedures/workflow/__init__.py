"""Scheduling of "Obowiązuje od/do" and update requests: the forms, the e-mail intake, the
scheduler command. Its models (``UpdateRequest``, ``SchedulerHeartbeat``) live in
:mod:`procedures.models`."""
