"""Keeping a project's work plan and results: activities (dates, progress, assignees and
dependencies), milestones and results. Anyone working on the project may (acting.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

import strawberry
from pydantic import Field

from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserError,
    UserErrorCode,
    new_id,
    outcome_errors,
    refuse,
    require_viewer,
    validated,
)
from schema.node import resolve_node
from schema.projects.acting import (
    Info,
    act,
    assignees,
    changes,
    dates_out_of_order,
    node_id,
)
from schema.projects.activities import Activity
from schema.projects.kinds import ActivityStatus, ResultKind
from schema.projects.milestones import Milestone
from schema.projects.results import Result
from schema.projects.types import Project
from schema.values import instant

MAX_ASSIGNEES = 50
# Results have a field named `date`, which would shadow the type inside their models.
Day = date
_DATES = Reason("startDate", UserErrorCode.DATES_OUT_OF_ORDER,
                "The activity would end before it starts, start before an activity it depends on "
                "ends, or end after an activity depending on it starts.")
_ASSIGNEES = Reason("assignees", UserErrorCode.NOT_ALLOWED,
                    "Assignees must be people working on the project or its partners.")


class ActivityModel(MutationInput):
    title: str = Field(min_length=2, max_length=300)
    start_date: date
    end_date: date
    status: ActivityStatus = ActivityStatus.PLANNED
    progress: int = Field(default=0, ge=0, le=100, description="Percent done, 0 to 100.")
    assignees: list[str] | None = Field(default=None, max_length=MAX_ASSIGNEES,
                                        description="People working on the project and "
                                        "partners.")


class CreateActivityModel(ActivityModel):
    project: str


@strawberry.experimental.pydantic.input(model=CreateActivityModel,
                                        description="A new activity of a project.")
class CreateActivityInput:
    project: strawberry.ID
    title: strawberry.auto
    start_date: strawberry.auto
    end_date: strawberry.auto
    status: strawberry.auto
    progress: strawberry.auto
    assignees: list[strawberry.ID] | None
    client_mutation_id: strawberry.auto


class UpdateActivityModel(MutationInput):
    activity: str
    title: str | None = Field(default=None, min_length=2, max_length=300)
    start_date: date | None = None
    end_date: date | None = None
    status: ActivityStatus | None = None
    progress: int | None = Field(default=None, ge=0, le=100)
    assignees: list[str] | None = Field(default=None, max_length=MAX_ASSIGNEES,
                                        description="The new assignees (replacing all).")


@strawberry.experimental.pydantic.input(model=UpdateActivityModel,
                                        description="What to change in an activity; fields "
                                        "left out stay as they are.")
class UpdateActivityInput:
    activity: strawberry.ID
    title: strawberry.auto
    start_date: strawberry.auto
    end_date: strawberry.auto
    status: strawberry.auto
    progress: strawberry.auto
    assignees: list[strawberry.ID] | None
    client_mutation_id: strawberry.auto


class ActivityRefModel(MutationInput):
    activity: str


@strawberry.experimental.pydantic.input(model=ActivityRefModel,
                                        description="An activity to delete.")
class DeleteActivityInput:
    activity: strawberry.ID
    client_mutation_id: strawberry.auto


class DependencyModel(MutationInput):
    activity: str = Field(description="The activity that waits.")
    depends_on: str = Field(description="The activity it waits for (same project).")


@strawberry.experimental.pydantic.input(model=DependencyModel,
                                        description="An activity and one it depends on.")
class ActivityDependencyInput:
    activity: strawberry.ID
    depends_on: strawberry.ID
    client_mutation_id: strawberry.auto


class CreateMilestoneModel(MutationInput):
    project: str
    title: str = Field(min_length=2, max_length=300)
    due_date: date
    reached_at: datetime | None = None


@strawberry.experimental.pydantic.input(model=CreateMilestoneModel,
                                        description="A new milestone of a project.")
class CreateMilestoneInput:
    project: strawberry.ID
    title: strawberry.auto
    due_date: strawberry.auto
    reached_at: strawberry.auto
    client_mutation_id: strawberry.auto


class UpdateMilestoneModel(MutationInput):
    milestone: str
    title: str | None = Field(default=None, min_length=2, max_length=300)
    due_date: date | None = None
    reached_at: datetime | None = Field(default=None, description="When it was reached.")
    unreached: bool = Field(default=False, description="Mark it as not reached yet.")


@strawberry.experimental.pydantic.input(model=UpdateMilestoneModel,
                                        description="What to change in a milestone; fields "
                                        "left out stay as they are.")
class UpdateMilestoneInput:
    milestone: strawberry.ID
    title: strawberry.auto
    due_date: strawberry.auto
    reached_at: strawberry.auto
    unreached: strawberry.auto
    client_mutation_id: strawberry.auto


class CreateResultModel(MutationInput):
    project: str
    title: str = Field(min_length=2, max_length=300)
    kind: ResultKind
    date: Day
    description: str | None = Field(default=None, max_length=5000)


@strawberry.experimental.pydantic.input(model=CreateResultModel,
                                        description="A new result of a project.")
class CreateResultInput:
    project: strawberry.ID
    title: strawberry.auto
    kind: strawberry.auto
    date: strawberry.auto
    description: strawberry.auto
    client_mutation_id: strawberry.auto


class UpdateResultModel(MutationInput):
    result: str
    title: str | None = Field(default=None, min_length=2, max_length=300)
    kind: ResultKind | None = None
    date: Day | None = None
    description: str | None = Field(default=None, max_length=5000)


@strawberry.experimental.pydantic.input(model=UpdateResultModel,
                                        description="What to change in a result; fields left "
                                        "out stay as they are.")
class UpdateResultInput:
    result: strawberry.ID
    title: strawberry.auto
    kind: strawberry.auto
    date: strawberry.auto
    description: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.type(description="The activity as a change left it.")
class ActivityPayload(Payload):
    activity: Activity | None = None


@strawberry.type(description="What deleting an activity left.")
class DeleteActivityPayload(Payload):
    deleted_activity_id: strawberry.ID | None = None
    project: Project | None = None


@strawberry.type(description="The milestone as a change left it.")
class MilestonePayload(Payload):
    milestone: Milestone | None = None


@strawberry.type(description="The result as a change left it.")
class ResultPayload(Payload):
    result: Result | None = None


async def _read(info: Info, type_name: str, node: str | None, errors: list[UserError]) -> Any:
    """The changed object as the viewer sees it, when the change was made."""
    if node is None or errors:
        return None
    return await resolve_node(info.context, type_name, node)


@strawberry.type
class WorkPlanMutations:
    @strawberry.mutation(description="Add an activity to a project's work plan.")
    async def create_activity(self, info: Info, input: CreateActivityInput) -> ActivityPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None or (errors := dates_out_of_order(chosen.start_date, chosen.end_date)):
            return ActivityPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        activity_id = new_id()
        users, organizations = assignees(chosen.assignees or [])
        record = await act(info, "create_activity", viewer_id,
                           projectId=node_id(chosen.project, "Project"), activityId=activity_id,
                           title=chosen.title, startDate=chosen.start_date,
                           endDate=chosen.end_date, status=chosen.status.value,
                           progress=chosen.progress, userIds=users, organizationIds=organizations)
        errors = outcome_errors(record["outcome"], "project", {"NOT_ALLOWED": _ASSIGNEES})
        return ActivityPayload(activity=await _read(info, "Activity", activity_id, errors),
                               user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change an activity: dates stay in order with the "
                         "activities it depends on and those depending on it.")
    async def update_activity(self, info: Info, input: UpdateActivityInput) -> ActivityPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None or (errors := dates_out_of_order(chosen.start_date, chosen.end_date)):
            return ActivityPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        activity_id = node_id(chosen.activity, "Activity")
        users, organizations = assignees(chosen.assignees)
        record = await act(info, "update_activity", viewer_id, activityId=activity_id,
                           changes=changes(title=chosen.title, startDate=chosen.start_date,
                                           endDate=chosen.end_date,
                                           status=chosen.status.value if chosen.status else None,
                                           progress=chosen.progress),
                           userIds=users, organizationIds=organizations)
        errors = outcome_errors(record["outcome"], "activity",
                                {"DATES_OUT_OF_ORDER": _DATES, "NOT_ALLOWED": _ASSIGNEES})
        return ActivityPayload(activity=await _read(info, "Activity", activity_id, errors),
                               user_errors=errors, client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Delete an activity with its dependencies.")
    async def delete_activity(self, info: Info,
                              input: DeleteActivityInput) -> DeleteActivityPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return DeleteActivityPayload(user_errors=errors,
                                         client_mutation_id=input.client_mutation_id)
        record = await act(info, "delete_activity", viewer_id,
                           activityId=node_id(chosen.activity, "Activity"))
        refuse(record["outcome"], "activity")  # DONE, or the refusal raised
        return DeleteActivityPayload(
            deleted_activity_id=chosen.activity,
            project=cast(Project | None, await _read(info, "Project", record["projectId"], [])),
            client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Make an activity wait for another of the same project; "
                         "refused when it would close a loop (CYCLE) or when the activity "
                         "starts before the other ends (DATES_OUT_OF_ORDER).")
    async def add_activity_dependency(self, info: Info,
                                      input: ActivityDependencyInput) -> ActivityPayload:
        return await _dependency(info, "add_activity_dependency", input)

    @strawberry.mutation(description="Stop an activity waiting for another.")
    async def remove_activity_dependency(self, info: Info,
                                         input: ActivityDependencyInput) -> ActivityPayload:
        return await _dependency(info, "remove_activity_dependency", input)

    @strawberry.mutation(description="Add a milestone to a project.")
    async def create_milestone(self, info: Info,
                               input: CreateMilestoneInput) -> MilestonePayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return MilestonePayload(user_errors=errors,
                                    client_mutation_id=input.client_mutation_id)
        milestone_id = new_id()
        record = await act(info, "create_milestone", viewer_id,
                           projectId=node_id(chosen.project, "Project"),
                           milestoneId=milestone_id, title=chosen.title,
                           dueDate=chosen.due_date, reachedAt=instant(chosen.reached_at))
        errors = outcome_errors(record["outcome"], "project")
        return MilestonePayload(milestone=await _read(info, "Milestone", milestone_id, errors),
                                user_errors=errors,
                                client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change a milestone, or mark it reached or not.")
    async def update_milestone(self, info: Info,
                               input: UpdateMilestoneInput) -> MilestonePayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return MilestonePayload(user_errors=errors,
                                    client_mutation_id=input.client_mutation_id)
        milestone_id = node_id(chosen.milestone, "Milestone")
        record = await act(info, "update_milestone", viewer_id, milestoneId=milestone_id,
                           changes=changes(title=chosen.title, dueDate=chosen.due_date,
                                           reachedAt=instant(chosen.reached_at)),
                           unreached=chosen.unreached)
        errors = outcome_errors(record["outcome"], "milestone")
        return MilestonePayload(milestone=await _read(info, "Milestone", milestone_id, errors),
                                user_errors=errors,
                                client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Record something a project produced.")
    async def create_result(self, info: Info, input: CreateResultInput) -> ResultPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return ResultPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        result_id = new_id()
        record = await act(info, "create_result", viewer_id,
                           projectId=node_id(chosen.project, "Project"), resultId=result_id,
                           title=chosen.title, kind=chosen.kind.value, date=chosen.date,
                           description=chosen.description)
        errors = outcome_errors(record["outcome"], "project")
        return ResultPayload(result=await _read(info, "Result", result_id, errors),
                                user_errors=errors,
                             client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Change a result.")
    async def update_result(self, info: Info, input: UpdateResultInput) -> ResultPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return ResultPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        result_id = node_id(chosen.result, "Result")
        record = await act(info, "update_result", viewer_id, resultId=result_id,
                           changes=changes(title=chosen.title,
                                           kind=chosen.kind.value if chosen.kind else None,
                                           date=chosen.date, description=chosen.description))
        errors = outcome_errors(record["outcome"], "result")
        return ResultPayload(result=await _read(info, "Result", result_id, errors),
                                user_errors=errors,
                             client_mutation_id=chosen.client_mutation_id)


async def _dependency(info: Info, name: str, given: ActivityDependencyInput) -> ActivityPayload:
    viewer_id = require_viewer(info)
    chosen, errors = validated(given)
    if chosen is None:
        return ActivityPayload(user_errors=errors, client_mutation_id=given.client_mutation_id)
    activity_id = node_id(chosen.activity, "Activity")
    record = await act(info, name, viewer_id, activityId=activity_id,
                       prerequisiteId=node_id(chosen.depends_on, "Activity"))
    errors = outcome_errors(record["outcome"], "activity", {
        "NOT_ALLOWED": Reason("dependsOn", UserErrorCode.NOT_ALLOWED,
                              "Both activities must belong to the same project."),
        "CYCLE": Reason("dependsOn", UserErrorCode.CYCLE,
                        "The activities would wait for each other in a loop."),
        "DATES_OUT_OF_ORDER": Reason("dependsOn", UserErrorCode.DATES_OUT_OF_ORDER,
                                     "The activity starts before the one it would depend on ends."),
    })
    return ActivityPayload(activity=await _read(info, "Activity", activity_id, errors),
                           user_errors=errors, client_mutation_id=chosen.client_mutation_id)
