"""The committed SDL (schema.graphql) is the schema the code serves."""

from pathlib import Path

from schema.export import sdl

SDL_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_committed_sdl_matches_the_code() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == sdl(), (
        "schema.graphql differs from the code: run `make schema` and commit the result")
