"""Accounts: registering, signing in and out, refreshing tokens, changing the password.

Tokens are described in app/tokens.py, how a request proves who sends it in
app/authentication.py. A wrong email and a wrong password get the same answer
(INVALID_CREDENTIALS) in about the same time; repeated failures are slowed down
(app/throttle.py, RATE_LIMITED with `extensions.retryAfter`).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TypeVar

import strawberry
from neo4j.exceptions import ConstraintError

from app import cypher
from app.authentication import Accounts
from app.context import Context
from app.errors import RateLimited
from app.passwords import hash_password, needs_rehash, password_matches
from app.throttle import account_key, client_key
from app.tokens import issue_access_token, new_refresh_token, refresh_token_session, token_hash
from schema.accounts.inputs import (
    ChangePasswordInput,
    LoginInput,
    LogoutInput,
    RefreshTokenInput,
    RegisterInput,
)
from schema.actors.types import USER, User
from schema.loading import load_node
from schema.mutations import (
    Payload,
    UserErrorCode,
    new_id,
    require_viewer,
    user_error,
    validated,
    write_statement,
)

Info = strawberry.Info[Context, None]
# Rotated refresh tokens remembered per session, to recognise one presented again.
ROTATED_KEPT = 16
WRONG_CREDENTIALS = "The email or the password is wrong."


@strawberry.type(description="The result of opening an account.")
class RegisterPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The new account's person; "
                                         "sign in with `login` to act as them.")


@strawberry.type(description="Tokens of a session and the person signed in.")
class SignedIn(Payload):
    access_token: str | None = strawberry.field(
        default=None, description="Send as `Authorization: Bearer <accessToken>`; valid "
                                  "until `expiresAt`.")
    refresh_token: str | None = strawberry.field(
        default=None, description="Exchange with `refreshToken` for new tokens; each works "
                                  "once, and one used twice ends the session.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When the access token stops working.")
    viewer: User | None = strawberry.field(default=None, description="The person signed in.")


P = TypeVar("P", bound=SignedIn)


@strawberry.type(description="The result of signing in.")
class LoginPayload(SignedIn):
    pass


@strawberry.type(description="The result of exchanging a refresh token.")
class RefreshTokenPayload(SignedIn):
    pass


@strawberry.type(description="The result of signing out.")
class LogoutPayload(Payload):
    pass


@strawberry.type(description="The result of changing the password.")
class ChangePasswordPayload(Payload):
    viewer: User | None = strawberry.field(default=None, description="The person signed in.")


def _accounts(info: Info) -> Accounts:
    accounts = info.context.accounts
    if accounts is None:  # a context made outside HTTP (tests, scripts)
        accounts = info.context.accounts = Accounts(info.context.settings)
    return accounts


def _as_person(info: Info, user_id: str) -> Context:
    """The request's context acting as the person `user_id`."""
    return dataclasses.replace(info.context, viewer_id=user_id, loaders={})


async def _person(info: Info, user_id: str) -> User | None:
    # Read as the person themselves: what they see of their own account.
    fields = await load_node(_as_person(info, user_id), USER, user_id)
    return User.from_fields(fields) if fields is not None else None


async def _signed_in(payload: type[P], info: Info, user_id: str, session_id: str,
                     refresh_token: str, client_mutation_id: str | None) -> P:
    access = issue_access_token(info.context.settings, user_id, session_id)
    return payload(access_token=access.token, refresh_token=refresh_token,
                   expires_at=access.expires_at, viewer=await _person(info, user_id),
                   client_mutation_id=client_mutation_id)


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Open an account with an email and a password.")
    async def register(self, info: Info, input: RegisterInput) -> RegisterPayload:
        chosen, errors = validated(input)
        if chosen is None:
            return RegisterPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        user_id = new_id()
        keys = {"emailKey": chosen.email.lower(), "handleKey": chosen.handle.lower()}
        try:
            # As the new person: they are the actor of their USER_REGISTERED event.
            record = await write_statement(
                _as_person(info, user_id), "accounts/register_user",
                {**keys, "id": user_id, "email": chosen.email, "handle": chosen.handle,
                 "displayName": chosen.display_name,
                 "passwordHash": await hash_password(chosen.password)})
            outcome = record["outcome"]
        except ConstraintError:  # a concurrent registration took the email or the handle
            [taken] = await info.context.db.read(
                cypher.load("queries/accounts/taken_keys").text, keys)
            outcome = "EMAIL_TAKEN" if taken["emailTaken"] else "HANDLE_TAKEN"
        if outcome == "EMAIL_TAKEN":
            errors = user_error("email", UserErrorCode.TAKEN, "An account has this email.")
        elif outcome == "HANDLE_TAKEN":
            errors = user_error("handle", UserErrorCode.TAKEN, "Someone has this handle.")
        if errors:
            return RegisterPayload(user_errors=errors, client_mutation_id=chosen.client_mutation_id)
        return RegisterPayload(user=await _person(info, user_id),
                               client_mutation_id=chosen.client_mutation_id)

    @strawberry.mutation(description="Sign in with an email and a password: an access token "
                         "and a refresh token for a new session.")
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        chosen, errors = validated(input)
        if chosen is None:
            return LoginPayload(user_errors=errors, client_mutation_id=input.client_mutation_id)
        throttle = _accounts(info).throttle
        email_key = chosen.email.lower()
        keys = [account_key(email_key), client_key(info.context.client_address)]
        wait = throttle.retry_after(keys)
        if wait:
            raise RateLimited("Too many failed sign-ins; try again later.", retry_after=wait)
        throttle.failed(keys)  # until the password proves right
        records = await info.context.db.read(
            cypher.load("queries/accounts/credentials").text, {"emailKey": email_key})
        user_id, stored = (records[0]["id"], records[0]["passwordHash"]) if records else (
            None, None)
        if not await password_matches(stored, chosen.password) or user_id is None:
            return LoginPayload(
                user_errors=user_error(None, UserErrorCode.INVALID_CREDENTIALS,
                                       WRONG_CREDENTIALS),
                client_mutation_id=chosen.client_mutation_id)
        throttle.succeeded(keys[0])
        throttle.refund(keys[1])
        assert stored is not None  # it matched
        session_id = new_id()
        refresh_token = new_refresh_token(session_id)
        await info.context.db.write(cypher.load("queries/accounts/open_session").text, {
            "userId": user_id, "sessionId": session_id, "tokenHash": token_hash(refresh_token),
            "days": info.context.settings.refresh_token_days, "checkedHash": stored,
            "newHash": await hash_password(chosen.password) if needs_rehash(stored) else None})
        return await _signed_in(LoginPayload, info, user_id, session_id, refresh_token,
                                chosen.client_mutation_id)

    @strawberry.mutation(description="Exchange a refresh token for a new access token and a "
                         "new refresh token; the one given stops working.")
    async def refresh_token(self, info: Info, input: RefreshTokenInput) -> RefreshTokenPayload:
        chosen, errors = validated(input)
        if chosen is None:
            return RefreshTokenPayload(user_errors=errors,
                                       client_mutation_id=input.client_mutation_id)
        session_id = refresh_token_session(chosen.refresh_token)
        outcome, user_id = "INVALID", None
        if session_id is not None:
            replacement = new_refresh_token(session_id)
            records = await info.context.db.write(
                cypher.load("queries/accounts/refresh_session").text, {
                    "sessionId": session_id, "tokenHash": token_hash(chosen.refresh_token),
                    "newTokenHash": token_hash(replacement), "keep": ROTATED_KEPT,
                    "days": info.context.settings.refresh_token_days})
            if records:
                outcome, user_id = records[0]["outcome"], records[0]["userId"]
            if outcome == "REUSED":
                _accounts(info).session_closed(session_id)
        if outcome != "DONE" or session_id is None or user_id is None:
            return RefreshTokenPayload(
                user_errors=user_error("refreshToken", UserErrorCode.INVALID_CREDENTIALS,
                                       "This refresh token is not valid; sign in again."),
                client_mutation_id=chosen.client_mutation_id)
        return await _signed_in(RefreshTokenPayload, info, user_id, session_id, replacement,
                                chosen.client_mutation_id)

    @strawberry.mutation(description="Sign out: the session of the request's access token "
                         "ends, and its access and refresh tokens stop working at once.")
    async def logout(self, info: Info, input: LogoutInput) -> LogoutPayload:
        viewer_id = require_viewer(info)
        session_id = info.context.session_id
        if session_id is None:
            return LogoutPayload(
                user_errors=user_error(None, UserErrorCode.NOT_ALLOWED, "This token has no "
                                       "session here; sign out at its identity provider."),
                client_mutation_id=input.client_mutation_id)
        await info.context.db.write(cypher.load("queries/accounts/revoke_session").text,
                                    {"sessionId": session_id, "userId": viewer_id})
        _accounts(info).session_closed(session_id)
        return LogoutPayload(client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(description="Change the password; every other session of the person "
                         "ends.")
    async def change_password(self, info: Info,
                              input: ChangePasswordInput) -> ChangePasswordPayload:
        viewer_id = require_viewer(info)
        chosen, errors = validated(input)
        if chosen is None:
            return ChangePasswordPayload(user_errors=errors,
                                         client_mutation_id=input.client_mutation_id)
        accounts = _accounts(info)
        key = account_key(viewer_id)
        wait = accounts.throttle.retry_after([key])
        if wait:
            raise RateLimited("Too many wrong passwords; try again later.", retry_after=wait)
        accounts.throttle.failed([key])
        records = await info.context.db.read(
            cypher.load("queries/accounts/password_hash").text, {"userId": viewer_id})
        stored = records[0]["passwordHash"] if records else None
        outcome = "CHANGED"
        if await password_matches(stored, chosen.current_password):
            accounts.throttle.succeeded(key)
            [record] = await info.context.db.write(
                cypher.load("queries/accounts/change_password").text, {
                    "userId": viewer_id, "sessionId": info.context.session_id,
                    "checkedHash": stored,
                    "newHash": await hash_password(chosen.new_password)})
            outcome = record["outcome"]
        if outcome != "DONE":
            return ChangePasswordPayload(
                user_errors=user_error("currentPassword", UserErrorCode.INVALID_CREDENTIALS,
                                       "The current password is wrong."),
                client_mutation_id=chosen.client_mutation_id)
        accounts.sessions_closed(viewer_id)
        return ChangePasswordPayload(viewer=await _person(info, viewer_id),
                                     client_mutation_id=chosen.client_mutation_id)
