"""What ``accord serve`` serves and how: the one record the server is built from."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "ServeConfig", "is_loopback"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

_LOCAL_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """The store served (read-only) and where.

    ``busy_timeout``: seconds a request waits for a store that another process (an
    ingest) holds before it answers 503 ``store_busy``. The server answers requests whose
    HTTP ``Host`` header names the loopback names, ``host`` or one of ``allowed_hosts``
    (a guard against DNS rebinding); ``"*"`` among them, or a wildcard ``host``: any.
    ``keep_open``: seconds the server keeps the store open after the last request, so
    that a burst of requests opens it once (0: open and close it per request only); no
    writer can open the store meanwhile.
    """

    db: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    busy_timeout: float = 10.0
    allowed_hosts: tuple[str, ...] = ()
    keep_open: float = 0.5

    def hosts(self) -> frozenset[str]:
        """The Host header names (without port) that requests may carry."""
        extra = {h.strip().lower() for h in self.allowed_hosts}
        if "*" in extra or self.host in ("0.0.0.0", "::", ""):
            return frozenset({"*"})
        return frozenset({*_LOCAL_NAMES, self.host.lower(), *extra})
