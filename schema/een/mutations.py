"""The EEN mutations: importing POD profile files (platform admins) and marking territorial
proposals for international dissemination (facilitators)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import strawberry
from pydantic import Field
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from app import cypher
from app import ids as global_ids
from app.context import Context
from app.errors import BadUserInput, Forbidden
from schema.een.importer import PLATFORM_ADMINS, import_entries
from schema.een.profiles import Entry, FileRefused, read_file
from schema.een.types import EenProfileReport
from schema.mutations import (
    MutationInput,
    Payload,
    Reason,
    UserError,
    UserErrorCode,
    require_viewer,
    user_error,
    validated,
    write_statement,
)
from schema.opportunities.proposal_mutations import ProposalPayload, proposal_answer
from schema.opportunities.transitions import FACILITATORS
from schema.opportunities.types import PROPOSAL

Info = strawberry.Info[Context, None]
_FILE_CODES = {"TOO_LARGE": UserErrorCode.TOO_LARGE, "INVALID": UserErrorCode.INVALID,
               "NO_PROFILES": UserErrorCode.REQUIRED}
_DISSEMINATION_REASONS = {
    "NOT_DISSEMINABLE": Reason("proposal", UserErrorCode.INVALID_TRANSITION,
                               "Only a published proposal of the territory may be marked for "
                               "international dissemination."),
}


class ImportEenProfilesModel(MutationInput):
    xml: str | None = Field(default=None, description="The file's text, when not uploaded "
                            "as `file` (at most EEN_IMPORT_MAX_BYTES bytes in UTF-8).")


class SetProposalDisseminationModel(MutationInput):
    proposal: str
    disseminate: bool = Field(description="true marks the proposal, false takes the mark "
                              "away.")


@strawberry.experimental.pydantic.input(
    model=ImportEenProfilesModel, description="A POD profile export: its text as `xml`, or "
    "the file as a multipart upload `file` (one of the two).")
class ImportEenProfilesInput:
    xml: strawberry.auto
    file: Upload | None = strawberry.field(
        default=None, description="The file, as a multipart upload (see the README).")
    client_mutation_id: strawberry.auto


@strawberry.experimental.pydantic.input(
    model=SetProposalDisseminationModel,
    description="The proposal to mark for international dissemination, or to unmark.")
class SetProposalDisseminationInput:
    proposal: strawberry.ID
    disseminate: strawberry.auto
    client_mutation_id: strawberry.auto


@strawberry.type(description="The result of importEenProfiles: a report per profile.")
class ImportEenProfilesPayload(Payload):
    reports: list[EenProfileReport] = strawberry.field(
        default_factory=list, description="Each profile of the file, in the file's order; "
        "empty when the file as a whole was refused (see `userErrors`).")

    created: int = strawberry.field(default=0,
                                    description="Profiles that became new proposals.")
    updated: int = strawberry.field(default=0,
                                    description="Profiles that updated their proposal.")
    closed: int = strawberry.field(
        default=0, description="Proposals closed because their deadline passed.")
    unchanged: int = strawberry.field(default=0, description="Profiles that changed nothing.")
    rejected: int = strawberry.field(default=0, description="Profiles rejected.")


@strawberry.type(description="The result of setProposalDissemination.")
class SetProposalDisseminationPayload(ProposalPayload):
    pass


async def _given_bytes(info: Info, model: ImportEenProfilesModel,
                       upload: Any) -> tuple[bytes | None, list[UserError]]:
    """The file's bytes, or the user error of a missing, doubled or oversized file."""
    limit = info.context.settings.een_import_max_bytes
    if (model.xml is None) == (upload is None):
        return None, user_error(None, UserErrorCode.REQUIRED,
                                "Give the profiles either as `xml` or as `file`.")
    field = "xml" if upload is None else "file"
    if upload is None:
        # lone surrogates (JSON allows them) make bytes no parser accepts: INVALID, not a crash
        data = (model.xml or "").encode("utf-8", "surrogatepass")
    elif isinstance(upload, UploadFile):
        data = await upload.read(limit + 1)
    else:  # a value in JSON variables rather than a file
        raise BadUserInput("file must be a file of the multipart request", argument="file")
    if len(data) > limit:
        return None, user_error(field, UserErrorCode.TOO_LARGE,
                                f"A profile file may have at most {limit} bytes.")
    return data, []


def _entries(info: Info, data: bytes, field: str) -> tuple[list[Entry], list[UserError]]:
    settings = info.context.settings
    try:
        entries = read_file(data, settings.een_import_max_bytes)
    except FileRefused as refused:
        return [], user_error(field, _FILE_CODES[refused.code], str(refused))
    if len(entries) > settings.een_import_max_profiles:
        return [], user_error(field, UserErrorCode.TOO_MANY, "One import takes at most "
                              f"{settings.een_import_max_profiles} profiles: split the file, "
                              "or use `python -m seeds.een import`.")
    return entries, []


@strawberry.type
class EenMutations:
    @strawberry.mutation(description="Import a POD profile export: each profile becomes, or "
                         "updates, the EEN proposal of its reference, in a transaction of its "
                         "own; the report says what became of each. Platform admins only.")
    async def import_een_profiles(self, info: Info,
                                  input: ImportEenProfilesInput) -> ImportEenProfilesPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return ImportEenProfilesPayload(user_errors=errors,
                                            client_mutation_id=input.client_mutation_id)
        [record] = await info.context.db.read(
            cypher.load("queries/een/viewer_may_import").text,
            {"viewerId": info.context.viewer_id})
        if not record["allowed"]:
            raise Forbidden("Only platform admins may import EEN profiles.")
        data, errors = await _given_bytes(info, chosen, input.file)
        entries: list[Entry] = []
        if data is not None:
            entries, errors = _entries(info, data, "xml" if input.file is None else "file")
        reports = await import_entries(info.context, entries, PLATFORM_ADMINS)
        counts = Counter(report.result for report in reports)
        return ImportEenProfilesPayload(
            reports=[EenProfileReport.of(report) for report in reports], user_errors=errors,
            client_mutation_id=chosen.client_mutation_id, created=counts["CREATED"],
            updated=counts["UPDATED"], closed=counts["CLOSED"], unchanged=counts["UNCHANGED"],
            rejected=counts["REJECTED"])

    @strawberry.mutation(description="Mark a published territorial proposal for international "
                         "dissemination through EEN, which puts it in the EEN export, or take "
                         "the mark away; facilitators only.")
    async def set_proposal_dissemination(
            self, info: Info,
            input: SetProposalDisseminationInput) -> SetProposalDisseminationPayload:
        require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return SetProposalDisseminationPayload(
                user_errors=errors, client_mutation_id=input.client_mutation_id)
        proposal_id = global_ids.decode_as(chosen.proposal, "Proposal")
        record = await write_statement(info.context, "een/set_dissemination", {
            "proposalId": proposal_id, "disseminate": chosen.disseminate},
            may_mark=FACILITATORS, visible=PROPOSAL.visibility)
        return await proposal_answer(info, SetProposalDisseminationPayload, record["outcome"],
                                     proposal_id, chosen.client_mutation_id,
                                     reasons=_DISSEMINATION_REASONS)
