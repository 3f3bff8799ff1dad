"""Opportunities: proposals, the expressions of interest that answer them, and keywords.

The package imports nothing itself: people and organizations import its mixins
(`actor_fields`) while they are defined, before this package's types, which refer to them,
can be; `schema` imports the queries from `schema.opportunities.queries`.
"""
