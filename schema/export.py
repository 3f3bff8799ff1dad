"""Print the schema's SDL: `python -m schema.export > schema.graphql` (what `make schema` does)."""

from schema import schema


def sdl() -> str:
    """The SDL of the schema as committed in schema.graphql (with a final newline)."""
    return schema.as_str() + "\n"


if __name__ == "__main__":
    print(sdl(), end="")
