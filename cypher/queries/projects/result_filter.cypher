// Filter of a project's results by kind, as Conditions (schema/loading.py): applied only when
// kinds are given.
n.kind IN $kinds
