"""The local Neo4j's instances, without starting one."""

from __future__ import annotations

import socket

import pytest

from localdb import instance
from localdb.server import LocalNeo4jError


@pytest.mark.parametrize(("name", "variable"), [("dev", "LOCAL_NEO4J_BOLT_PORT"),
                                                ("empty", "LOCAL_NEO4J_EMPTY_BOLT_PORT")])
def test_a_taken_port_names_the_variable_that_moves_the_instance(
        monkeypatch: pytest.MonkeyPatch, name: str, variable: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setenv(variable, str(taken.getsockname()[1]))
        server = instance(name)
        assert not server.is_running()
        with pytest.raises(LocalNeo4jError, match=f"set {variable} to a free port"):
            server.start()
