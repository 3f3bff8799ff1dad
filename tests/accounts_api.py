"""Helpers of the account tests: a client with its own address and bearer tokens, and people
registered through the API and removed afterwards."""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from starlette.applications import Starlette

from app import cypher
from app.db import Database
from app.settings import Settings
from app.tokens import issue_access_token

REGISTER = """
mutation($email: String!, $handle: String!, $password: String!, $name: String!) {
  register(input: {email: $email, handle: $handle, password: $password, displayName: $name}) {
    user { id handle displayName }
    userErrors { field code message }
  }
}"""

LOGIN = """
mutation($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) {
    accessToken refreshToken expiresAt
    viewer { id handle }
    userErrors { field code message }
  }
}"""

REFRESH = """
mutation($refresh: String!) {
  refreshToken(input: {refreshToken: $refresh}) {
    accessToken refreshToken expiresAt
    viewer { id }
    userErrors { field code }
  }
}"""

LOGOUT = "mutation { logout(input: {}) { userErrors { code } } }"

CHANGE_PASSWORD = """
mutation($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) {
    viewer { id }
    userErrors { field code }
  }
}"""

VIEWER = "{ viewer { id handle displayName } }"


class Api:
    """Posts operations to /graphql, with `Authorization: Bearer <token>` when given one."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def __call__(self, query: str, token: str | None = None,
                       **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        return await self.raw(query, headers, **variables)

    async def raw(self, query: str, headers: dict[str, str], **variables: Any) -> dict[str, Any]:
        response = await self.http.post("/graphql", headers=headers,
                                        json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, token: str | None = None,
                   **variables: Any) -> dict[str, Any]:
        body = await self(query, token, **variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result


@asynccontextmanager
async def api_from(app: Starlette) -> AsyncIterator[Api]:
    """A client of `app` from an address of its own, so that the throttling of failed
    sign-ins that one test causes leaves the others alone."""
    address = ".".join(str(part) for part in (10, *random.sample(range(1, 255), 3)))
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield Api(http)


class People:
    """Makes the details of new people; remembers their emails for clean-up."""

    def __init__(self) -> None:
        self.email_keys: list[str] = []
        self.ids: list[str] = []

    def new(self) -> dict[str, str]:
        marker = uuid.uuid4().hex[:12]
        email = f"Probe.{marker}@Example.org"
        self.email_keys.append(email.lower())
        return {"email": email, "handle": f"probe-{marker}", "password": f"pass phrase {marker}",
                "name": f"Probe {marker}"}

    async def registered(self, api: Api) -> dict[str, str]:
        """A new person registered through the API, with their user id as `id`."""
        person = self.new()
        result = (await api.data(REGISTER, **person))["register"]
        assert result["userErrors"] == []
        return {**person, "id": result["user"]["id"]}


async def login(api: Api, person: dict[str, str], password: str | None = None) -> dict[str, Any]:
    """The login payload of a sign-in that must succeed."""
    result: dict[str, Any] = (await api.data(
        LOGIN, email=person["email"], password=password or person["password"]))["login"]
    assert result["userErrors"] == [], result
    return result


async def bearer_token(db: Database, settings: Settings, user_id: str) -> str:
    """An access token of a new session of the person `user_id`, as signing in would give
    (for people a test made without a password)."""
    session_id = str(uuid.uuid4())
    await db.write(cypher.load("queries/accounts/open_session").text, {
        "userId": user_id, "sessionId": session_id, "tokenHash": f"unused-{session_id}",
        "days": 1, "checkedHash": None, "newHash": None})
    return issue_access_token(settings, user_id, session_id).token
