"""Registering, signing in, refreshing, signing out and changing the password, over HTTP."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from argon2 import PasswordHasher
from starlette.applications import Starlette

from app.db import Database
from app.settings import Settings
from tests.accounts_api import (
    CHANGE_PASSWORD,
    LOGIN,
    LOGOUT,
    REFRESH,
    REGISTER,
    VIEWER,
    Api,
    People,
    api_from,
    login,
)
from tests.conftest import error_codes, run_test_cypher


@pytest_asyncio.fixture(loop_scope="session")
async def api(app: Starlette) -> AsyncIterator[Api]:
    async with api_from(app) as client:
        yield client


@pytest_asyncio.fixture(loop_scope="session")
async def people(db: Database) -> AsyncIterator[People]:
    made = People()
    yield made
    await run_test_cypher(db, "delete_accounts", emailKeys=made.email_keys, ids=made.ids)


async def accounts(db: Database, email: str) -> list[dict[str, Any]]:
    return await run_test_cypher(db, "account_by_email", emailKey=email.lower())


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["userErrors"]]


async def test_a_registered_person_signs_in_and_is_the_viewer(
        api: Api, people: People, db: Database, settings: Settings) -> None:
    person = people.new()
    registered = (await api.data(REGISTER, **person))["register"]
    assert registered["userErrors"] == []
    assert registered["user"]["handle"] == person["handle"]
    assert registered["user"]["displayName"] == person["name"]

    signed_in = await login(api, {**person, "email": person["email"].upper()})
    assert signed_in["viewer"] == {"id": registered["user"]["id"], "handle": person["handle"]}
    assert signed_in["accessToken"] and signed_in["refreshToken"] and signed_in["expiresAt"]

    viewer = (await api.data(VIEWER, signed_in["accessToken"]))["viewer"]
    assert viewer == {"id": registered["user"]["id"], "handle": person["handle"],
                      "displayName": person["name"]}
    assert (await api.data(VIEWER))["viewer"] is None  # no header: anonymous

    [account] = await accounts(db, person["email"])
    assert account["passwordHash"].startswith("$argon2id$")
    assert person["password"] not in account["passwordHash"]
    assert account["openSessions"] == 1


async def test_emails_and_handles_are_taken_whatever_their_case(
        api: Api, people: People, db: Database) -> None:
    person = await people.registered(api)
    other = people.new()
    same_email = (await api.data(REGISTER, **{**other, "email": person["email"].upper()}))
    same_handle = (await api.data(REGISTER, **{**other, "handle": person["handle"].upper()}))
    assert codes(same_email["register"]) == [("email", "TAKEN")]
    assert same_email["register"]["user"] is None
    assert codes(same_handle["register"]) == [("handle", "TAKEN")]
    assert len(await accounts(db, person["email"])) == 1
    assert await accounts(db, other["email"]) == []


async def test_a_seeded_handle_is_taken_in_another_case(api: Api, people: People,
                                                        db: Database) -> None:
    [seeded] = await db.read("MATCH (u:User) WHERE u.handle IS NOT NULL AND u.passwordHash IS NULL "
                             "RETURN u.handle AS handle LIMIT 1")
    taken = (await api.data(REGISTER, **{**people.new(),
                                         "handle": seeded["handle"].upper()}))["register"]
    assert codes(taken) == [("handle", "TAKEN")]


async def test_twenty_concurrent_registrations_of_one_email_make_one_account(
        api: Api, people: People, db: Database) -> None:
    person = people.new()
    bodies = await asyncio.gather(*(
        api(REGISTER, **{**person, "handle": f"{person['handle']}-{n}"}) for n in range(20)))
    assert all("errors" not in body for body in bodies), bodies
    results = [body["data"]["register"] for body in bodies]
    assert sum(result["user"] is not None for result in results) == 1
    assert sorted(codes(result) for result in results if result["user"] is None) == [
        [("email", "TAKEN")]] * 19
    assert len(await accounts(db, person["email"])) == 1


@pytest.mark.parametrize(("change", "expected"), [
    ({"password": "short"}, [("password", "WEAK_PASSWORD")]),
    ({"password": "x" * 257}, [("password", "TOO_LONG")]),
    ({"email": "not an address"}, [("email", "INVALID")]),
    ({"handle": "-no-"}, [("handle", "INVALID")]),
    ({"name": "   "}, [("displayName", "REQUIRED")]),
])
async def test_registration_rules(api: Api, people: People, db: Database,
                                  change: dict[str, str],
                                  expected: list[tuple[str, str]]) -> None:
    person = people.new()
    result = (await api.data(REGISTER, **{**person, **change}))["register"]
    assert codes(result) == expected and result["user"] is None
    assert await accounts(db, person["email"]) == []


async def test_a_password_keeps_its_spaces(api: Api, people: People) -> None:
    person = {**people.new(), "password": "  spaced out passphrase  "}
    assert (await api.data(REGISTER, **person))["register"]["userErrors"] == []
    await login(api, person)
    wrong = (await api.data(LOGIN, email=person["email"], password=person["password"].strip()))
    assert codes(wrong["login"]) == [(None, "INVALID_CREDENTIALS")]


async def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(
        api: Api, people: People) -> None:
    person = await people.registered(api)
    wrong_password = await api(LOGIN, email=person["email"], password="not the password")
    unknown_email = await api(LOGIN, email=people.new()["email"], password="not the password")
    assert wrong_password["data"] == unknown_email["data"]
    assert wrong_password["data"]["login"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS",
         "message": "The email or the password is wrong."}]
    assert wrong_password["data"]["login"]["accessToken"] is None


async def test_repeated_failures_are_refused_for_a_while(
        api: Api, app: Starlette, people: People, settings: Settings) -> None:
    person = await people.registered(api)
    for _ in range(settings.login_account_failures):
        body = await api.data(LOGIN, email=person["email"], password="not the password")
        assert codes(body["login"]) == [(None, "INVALID_CREDENTIALS")]
    refused = await api(LOGIN, email=person["email"], password=person["password"])
    assert error_codes(refused) == ["RATE_LIMITED"] and refused["data"] is None
    retry_after = refused["errors"][0]["extensions"]["retryAfter"]
    assert 0 < retry_after <= settings.login_first_delay_seconds
    async with api_from(app) as elsewhere:  # the account is refused from any address
        assert error_codes(await elsewhere(LOGIN, email=person["email"],
                                           password=person["password"])) == ["RATE_LIMITED"]
    other = await people.registered(api)
    await login(api, other)  # another account signs in from the same address


async def test_refresh_rotates_and_a_reused_token_ends_the_session(
        api: Api, people: People) -> None:
    person = await people.registered(api)
    first = await login(api, person)
    second = (await api.data(REFRESH, refresh=first["refreshToken"]))["refreshToken"]
    assert second["userErrors"] == [] and second["viewer"]["id"] == first["viewer"]["id"]
    assert second["refreshToken"] != first["refreshToken"]
    assert (await api.data(VIEWER, second["accessToken"]))["viewer"]["id"] == person["id"]

    reused = (await api.data(REFRESH, refresh=first["refreshToken"]))["refreshToken"]
    assert codes(reused) == [("refreshToken", "INVALID_CREDENTIALS")]
    assert reused["accessToken"] is None
    # the session ended: its newest refresh token and its access tokens stop working too
    after = (await api.data(REFRESH, refresh=second["refreshToken"]))["refreshToken"]
    assert codes(after) == [("refreshToken", "INVALID_CREDENTIALS")]
    assert error_codes(await api(VIEWER, second["accessToken"])) == ["UNAUTHENTICATED"]
    assert error_codes(await api(VIEWER, first["accessToken"])) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("token", ["", "no-dot", "unknown-session.secret", "x" * 201])
async def test_a_refresh_token_that_was_never_issued_is_refused(api: Api, token: str) -> None:
    body = await api.data(REFRESH, refresh=token)
    assert body["refreshToken"]["accessToken"] is None
    assert body["refreshToken"]["userErrors"]


async def test_logout_stops_the_access_token_at_once(api: Api, people: People) -> None:
    person = await people.registered(api)
    kept, ended = await login(api, person), await login(api, person)
    assert (await api.data(VIEWER, ended["accessToken"]))["viewer"]["id"] == person["id"]
    assert (await api.data(LOGOUT, ended["accessToken"]))["logout"]["userErrors"] == []
    refused = await api(VIEWER, ended["accessToken"])
    assert error_codes(refused) == ["UNAUTHENTICATED"] and refused["data"] is None
    refreshed = (await api.data(REFRESH, refresh=ended["refreshToken"]))["refreshToken"]
    assert codes(refreshed) == [("refreshToken", "INVALID_CREDENTIALS")]
    # the person's other session goes on
    assert (await api.data(VIEWER, kept["accessToken"]))["viewer"]["id"] == person["id"]
    assert error_codes(await api(LOGOUT)) == ["UNAUTHENTICATED"]


async def test_changing_the_password_ends_the_other_sessions(
        api: Api, people: People, db: Database) -> None:
    person = await people.registered(api)
    current, other = await login(api, person), await login(api, person)
    token = current["accessToken"]
    wrong = (await api.data(CHANGE_PASSWORD, token, current="not the password",
                            new="a brand new passphrase"))["changePassword"]
    assert codes(wrong) == [("currentPassword", "INVALID_CREDENTIALS")]
    weak = (await api.data(CHANGE_PASSWORD, token, current=person["password"],
                           new="short"))["changePassword"]
    assert codes(weak) == [("newPassword", "WEAK_PASSWORD")]
    assert (await api.data(VIEWER, other["accessToken"]))["viewer"] is not None  # unchanged
    await login(api, person)  # the old password still works after the refusals

    changed = (await api.data(CHANGE_PASSWORD, token, current=person["password"],
                              new="a brand new passphrase"))["changePassword"]
    assert changed["userErrors"] == [] and changed["viewer"]["id"] == person["id"]
    assert (await api.data(VIEWER, token))["viewer"]["id"] == person["id"]
    assert error_codes(await api(VIEWER, other["accessToken"])) == ["UNAUTHENTICATED"]
    old = await api.data(LOGIN, email=person["email"], password=person["password"])
    assert codes(old["login"]) == [(None, "INVALID_CREDENTIALS")]
    await login(api, person, "a brand new passphrase")
    assert error_codes(await api(CHANGE_PASSWORD, current="a", new="b" * 12)) == [
        "UNAUTHENTICATED"]


async def test_a_weaker_hash_is_replaced_on_sign_in(api: Api, people: People,
                                                    db: Database) -> None:
    person = await people.registered(api)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(person["password"])
    await run_test_cypher(db, "set_password_hash", emailKey=person["email"].lower(),
                          passwordHash=weak)
    await login(api, person)
    [account] = await accounts(db, person["email"])
    assert account["passwordHash"] != weak
    assert not PasswordHasher().check_needs_rehash(account["passwordHash"])
    await login(api, person)


async def test_no_response_or_log_line_holds_a_hash_or_a_token(
        api: Api, people: People, db: Database, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    person = await people.registered(api)
    signed_in = await login(api, person)
    refreshed = (await api.data(REFRESH, refresh=signed_in["refreshToken"]))["refreshToken"]
    answers = [await api(VIEWER, refreshed["accessToken"]),
               await api("{ viewer { id } node(id: \"x\") { id } }", "forged.token.here")]
    [account] = await accounts(db, person["email"])
    secrets = [account["passwordHash"], person["password"], signed_in["refreshToken"],
               signed_in["accessToken"], refreshed["accessToken"], refreshed["refreshToken"]]
    for secret in secrets:
        assert secret not in caplog.text
        assert all(secret not in str(answer) for answer in answers)
    introspected = await api.data('{ __type(name: "User") { fields { name } } }')
    names = {field["name"] for field in introspected["__type"]["fields"]}
    assert not names & {"passwordHash", "password", "emailKey", "sessions"}
