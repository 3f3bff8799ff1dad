"""Accounts: registering, signing in and out, tokens and passwords."""

from schema.accounts.mutations import AccountMutations

__all__ = ["AccountMutations"]
