"""What the project types load (node kinds) and the enumerations stored on project nodes."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema.loading import NodeKind

# A project's amounts (its total budget, its partners' budgets and shares) are made of its
# total budget and currency.
PROJECT = NodeKind("Project", "projects/project_fields", made_of=("totalBudget", "currency"))
ACTIVITY = NodeKind("Activity", "projects/activity_fields")
MILESTONE = NodeKind("Milestone", "projects/milestone_fields")
RESULT = NodeKind("Result", "projects/result_fields")
BUDGET_LINE = NodeKind("BudgetLine", "projects/budget_line_fields",
                       visible="projects/budget_line_visible")


@strawberry.enum(description="Where a project stands.")
class ProjectStatus(Enum):
    PLANNED = "PLANNED"
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="An organization's part in a project.")
class PartnerRole(Enum):
    COORDINATOR = "COORDINATOR"
    PARTNER = "PARTNER"
    ASSOCIATED = "ASSOCIATED"


@strawberry.enum(description="A person's part in a project.")
class ProjectRole(Enum):
    MANAGER = "MANAGER"
    RESEARCHER = "RESEARCHER"
    TECHNICIAN = "TECHNICIAN"
    ADVISOR = "ADVISOR"


@strawberry.enum(description="Where an activity stands.")
class ActivityStatus(Enum):
    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    BLOCKED = "BLOCKED"


@strawberry.enum(description="What a project produced.")
class ResultKind(Enum):
    PUBLICATION = "PUBLICATION"
    PATENT = "PATENT"
    PROTOTYPE = "PROTOTYPE"
    PRODUCT = "PRODUCT"
    DATASET = "DATASET"
    OTHER = "OTHER"


@strawberry.enum(description="What a budget line pays for.")
class BudgetCategory(Enum):
    PERSONNEL = "PERSONNEL"
    EQUIPMENT = "EQUIPMENT"
    SERVICES = "SERVICES"
    TRAVEL = "TRAVEL"
    OTHER = "OTHER"
