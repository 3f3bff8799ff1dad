"""Seed data: the real taxonomies (S3 areas, provinces, competences) and a synthetic generator."""
