"""Models of the procedure knowledge base, re-exported from their modules."""

from .deletions import DeletedProcedure
from .documents import ProcedureDocument
from .heartbeat import SchedulerHeartbeat
from .organisation import Department, Employee, Office, OrganisationalUnit
from .pages import (
    InformationAuthor,
    ProcedureIndexPage,
    ProcedurePage,
    ProcedureQuerySet,
    RelatedProcedure,
)
from .purges import PendingPurge
from .requests import UpdateRequest, UpdateRequestAttachment
from .vocabularies import Category, EFormPlatform, ElectronicAction, LegalActKind, UsefulInfo

__all__ = [
    "DeletedProcedure",
    "Category",
    "Department",
    "EFormPlatform",
    "ElectronicAction",
    "Employee",
    "InformationAuthor",
    "LegalActKind",
    "Office",
    "OrganisationalUnit",
    "PendingPurge",
    "ProcedureDocument",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureQuerySet",
    "RelatedProcedure",
    "SchedulerHeartbeat",
    "UpdateRequest",
    "UpdateRequestAttachment",
    "UsefulInfo",
]
