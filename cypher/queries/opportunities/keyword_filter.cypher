// Filter of a proposal's keywords, as Conditions (schema/loading.py): one scheme, or all.
n.scheme = $scheme
