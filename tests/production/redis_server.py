"""A real redis-server of our own (Debian's), on one of this suite's ports, started and stopped by a test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.requirements import require

#: h1's ports are 8110-8119; Redis takes 8111.
REDIS_PORT = 8111


class RedisServer:
    def __init__(self, folder: Path, port: int = REDIS_PORT) -> None:
        self.folder = folder
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        require(binary is not None, "redis-server", "apt-get install redis-server")
        self.process = subprocess.Popen(  # noqa: S603 -- Debian's redis-server, local only
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


def redis_cache(url: str) -> dict:
    """The cache settings REDIS_URL produces (website.settings.services)."""
    from website.settings.environment import read_environment
    from website.settings.services import shared_cache

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REDIS_URL", url)
        return shared_cache(read_environment())


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
