"""`python -m app serve`: the API in production, as worker processes that each accept
connections on a listening socket of their own, all bound to the same port.

uvicorn's own `--workers` shares one listening socket among its processes, and Linux wakes
the worker that waited last for each new connection, so under load one worker holds most
keep-alive connections while the other idles (on the benchmark's two cores, 30 of 32
connections on one of two workers, 8 of 8 at 8 clients). Here each worker's socket is bound
with SO_REUSEPORT, and the kernel spreads new connections among the sockets by a hash of
their addresses. The sockets are bound before any worker starts, so a port in use is an
error at once; a worker that dies is started again on its socket; SIGTERM or SIGINT stops
every worker with uvicorn's graceful shutdown. A worker whose server process is gone (killed
with SIGKILL, or by the out-of-memory killer) stops the same way at once, and is ended after
STOP_SECONDS as the server would: left running, it would keep taking the port's connections
with its old code beside the next server's workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

import uvicorn

from app.settings import Settings

logger = logging.getLogger("app.serving")

BACKLOG = 2048  # uvicorn's default
STOP_SECONDS = 30.0  # a worker's graceful shutdown, before it is killed


def bound_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """`count` listening sockets on (host, port), the kernel sharing connections among them."""
    sockets = []
    for _ in range(count):
        listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET,
                                 socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        listener.bind((host, port))
        listener.listen(BACKLOG)
        sockets.append(listener)
    return sockets


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What uvicorn is told whoever serves the API (`python -m app run` too)."""
    return {"log_level": settings.log_level.lower(), "ws_max_size": settings.ws_max_message_bytes,
            # events are a few hundred bytes: compressing each costs more CPU per subscriber
            # than it saves bytes
            "ws_per_message_deflate": False}


def serve_worker(listener: socket.socket, options: dict[str, Any]) -> None:
    """One worker: uvicorn as the README's production serving configures it, on `listener`,
    until SIGTERM, or until the server process that started it is gone."""
    threading.Thread(target=_stop_when_orphaned, name="server-watch", daemon=True).start()
    config = uvicorn.Config("app.main:app", loop="uvloop", http="httptools", access_log=False,
                            **options)
    uvicorn.Server(config).run(sockets=[listener])


def _stop_when_orphaned() -> None:
    # The server holds the write end of a pipe to each worker it spawned (multiprocessing's
    # parent sentinel): it reads as closed the moment the server dies, however it died. Only
    # under "spawn" (Workers' context): a forked worker would inherit, and keep open, the
    # write ends of the workers started before it.
    server = multiprocessing.parent_process()
    if server is None:
        return
    server.join()
    logger.warning("the server process %s is gone; this worker stops", server.pid)
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's graceful shutdown, as the server would
    time.sleep(STOP_SECONDS)  # and, as the server would, no longer than this
    os._exit(1)


class Workers:
    """The worker processes, one per socket, kept running until `stop`."""

    def __init__(self, sockets: list[socket.socket], settings: Settings) -> None:
        self.sockets = sockets
        self.settings = settings
        self.context = multiprocessing.get_context("spawn")
        self.processes: list[BaseProcess | None] = [None] * len(sockets)
        self.stopping = False

    def start(self, index: int) -> None:
        """Start the worker of socket `index`."""
        process = self.context.Process(
            target=serve_worker, name=f"worker-{index}",
            args=(self.sockets[index], uvicorn_options(self.settings)))
        process.start()
        self.processes[index] = process

    def supervise(self) -> None:
        """Start every worker and start again any that dies, until `stop`."""
        for index in range(len(self.sockets)):
            self.start(index)
        while not self.stopping:
            for index, process in enumerate(self.processes):
                if process is not None and not process.is_alive() and not self.stopping:
                    logger.warning("worker %s exited with %s; starting another",
                                   process.pid, process.exitcode)
                    self.start(index)
            time.sleep(0.5)

    def stop(self) -> None:
        """SIGTERM to every worker (uvicorn's graceful shutdown), SIGKILL after STOP_SECONDS."""
        self.stopping = True
        running = [process for process in self.processes if process is not None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in running:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve the API on (host, port) with `workers` processes until SIGTERM or SIGINT."""
    sockets = bound_sockets(host, port, workers)
    pool = Workers(sockets, settings)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        pool.stopping = True

    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM,
                                                                   signal.SIGINT)}
    try:
        pool.supervise()
    finally:
        pool.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
        for listener in sockets:
            listener.close()
