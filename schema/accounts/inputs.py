"""The inputs of the account mutations and their rules.

Passwords are taken exactly as typed (no whitespace is stripped from them), so these models do
not strip strings on their own; the fields that are names or addresses strip themselves.
"""

from __future__ import annotations

import re

import strawberry
from pydantic import ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from app.passwords import MAX_LENGTH, MIN_LENGTH
from schema.mutations import MutationInput

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{1,38})[A-Za-z0-9]$")
MAX_EMAIL_LENGTH = 254


def _email(value: str) -> str:
    value = value.strip()
    if len(value) > MAX_EMAIL_LENGTH:
        raise PydanticCustomError("string_too_long", "An email address has at most 254 "
                                  "characters.")
    if not _EMAIL.match(value):
        raise PydanticCustomError("invalid", "This is not an email address.")
    return value


def _new_password(value: str) -> str:
    if len(value) < MIN_LENGTH:
        raise PydanticCustomError("weak_password",
                                  f"A password has at least {MIN_LENGTH} characters.")
    if len(value) > MAX_LENGTH:
        raise PydanticCustomError("string_too_long",
                                  f"A password has at most {MAX_LENGTH} characters.")
    return value


class AccountInput(MutationInput):
    model_config = ConfigDict(str_strip_whitespace=False)


class RegisterModel(AccountInput):
    email: str = Field(description="The email address to sign in with; unique whatever its "
                                   "case.")
    handle: str = Field(description="The name in the person's address: 3 to 40 letters, "
                                    "digits, dots, dashes or underscores, starting and ending "
                                    "with a letter or digit; unique whatever its case.")
    password: str = Field(description=f"{MIN_LENGTH} to {MAX_LENGTH} characters.")
    display_name: str = Field(description="The name shown to others.")

    @field_validator("email")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        return _email(value)

    @field_validator("handle")
    @classmethod
    def _valid_handle(cls, value: str) -> str:
        value = value.strip()
        if not _HANDLE.match(value):
            raise PydanticCustomError(
                "invalid", "A handle has 3 to 40 letters, digits, dots, dashes or "
                           "underscores, and starts and ends with a letter or digit.")
        return value

    @field_validator("display_name")
    @classmethod
    def _valid_display_name(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise PydanticCustomError("missing", "A display name is required.")
        if len(value) > 100:
            raise PydanticCustomError("string_too_long", "A display name has at most 100 "
                                      "characters.")
        return value

    @field_validator("password")
    @classmethod
    def _valid_password(cls, value: str) -> str:
        return _new_password(value)


@strawberry.experimental.pydantic.input(model=RegisterModel,
                                        description="Who opens an account.")
class RegisterInput:
    email: strawberry.auto
    handle: strawberry.auto
    password: strawberry.auto
    display_name: strawberry.auto
    client_mutation_id: strawberry.auto


class LoginModel(AccountInput):
    email: str = Field(max_length=MAX_EMAIL_LENGTH, description="The account's email.")
    password: str = Field(max_length=MAX_LENGTH, description="The account's password.")

    @field_validator("email")
    @classmethod
    def _trimmed(cls, value: str) -> str:
        return value.strip()


@strawberry.experimental.pydantic.input(model=LoginModel, description="Credentials to sign "
                                        "in with.")
class LoginInput:
    email: strawberry.auto
    password: strawberry.auto
    client_mutation_id: strawberry.auto


class RefreshTokenModel(AccountInput):
    refresh_token: str = Field(max_length=200, description="The refresh token last received "
                                                           "for the session.")


@strawberry.experimental.pydantic.input(model=RefreshTokenModel,
                                        description="The refresh token to exchange.")
class RefreshTokenInput:
    refresh_token: strawberry.auto
    client_mutation_id: strawberry.auto


class LogoutModel(AccountInput):
    pass


@strawberry.experimental.pydantic.input(model=LogoutModel, description="Signing out of the "
                                        "session of the request's access token.")
class LogoutInput:
    client_mutation_id: strawberry.auto


class ChangePasswordModel(AccountInput):
    current_password: str = Field(max_length=MAX_LENGTH, description="The password now.")
    new_password: str = Field(description=f"{MIN_LENGTH} to {MAX_LENGTH} characters.")

    @field_validator("new_password")
    @classmethod
    def _valid_password(cls, value: str) -> str:
        return _new_password(value)


@strawberry.experimental.pydantic.input(model=ChangePasswordModel,
                                        description="The current password and its "
                                                    "replacement.")
class ChangePasswordInput:
    current_password: strawberry.auto
    new_password: strawberry.auto
    client_mutation_id: strawberry.auto
