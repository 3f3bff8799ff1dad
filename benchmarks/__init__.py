"""Benchmarks: measured on a real Neo4j with generated data, never part of `make test`."""
