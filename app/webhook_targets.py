"""Where webhooks may be sent: http(s) URLs whose host resolves to public addresses only.

An endpoint's URL is chosen by whoever registers it, and the API then sends requests to it from
inside the platform's network: without a check, a webhook could reach the database, a cloud
provider's metadata service or anything else listening on a private address (server-side
request forgery). So a URL is refused when its host resolves to a loopback, private,
link-local, shared, multicast, reserved or unspecified address, at registration and again at
every delivery (a name may resolve elsewhere later), and the delivery connects to the very
address that was checked (the URL's host still names the server for HTTP and TLS), so a name
that resolves differently between the check and the connection gains nothing. Private
addresses are allowed only when WEBHOOK_ALLOW_PRIVATE_ADDRESSES is set (tests, closed
installations).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

MAX_URL_LENGTH = 2000
RESOLVE_SECONDS = 5.0
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetError(Exception):
    """A webhook URL that cannot be used now; the message says why, for a person."""


class AddressNotAllowed(TargetError):
    """A webhook URL whose host resolves to an address webhooks may not reach."""


@dataclass(frozen=True)
class Target:
    """Where to send: the URL with its host replaced by the checked address, and the request
    headers and extensions that keep the original host for HTTP (`Host`) and TLS (SNI and
    certificate checks)."""

    url: httpx.URL
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)


def form_problem(url: str) -> str | None:
    """Why `url` cannot be a webhook URL by its form alone; None when it can."""
    if len(url) > MAX_URL_LENGTH:
        return f"A URL has at most {MAX_URL_LENGTH} characters."
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "This is not a valid URL."
    if parts.scheme not in ("http", "https"):
        return "Webhooks are sent to http:// or https:// URLs only."
    if not parts.hostname:
        return "The URL has no host."
    if parts.username is not None or parts.password is not None:
        return "The URL may not hold credentials: check the signature of each delivery instead."
    if port == 0:
        return "Port 0 is not a valid port."
    return None


def allowed(address: Address) -> bool:
    """Whether webhooks may reach `address` without WEBHOOK_ALLOW_PRIVATE_ADDRESSES."""
    if isinstance(address, ipaddress.IPv6Address):
        # IPv4 addresses carried inside IPv6 ones (mapped, 6to4, Teredo) are judged as such
        embedded = address.ipv4_mapped or address.sixtofour or (
            address.teredo[1] if address.teredo else None)
        if embedded is not None and not allowed(embedded):
            return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


async def resolve(url: str, allow_private: bool) -> Target:
    """Where to send a delivery for `url` now: its host's first address, once every address
    it resolves to is allowed. Raises TargetError (AddressNotAllowed for a forbidden
    address)."""
    problem = form_problem(url)
    if problem is not None:
        raise TargetError(problem)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        async with asyncio.timeout(RESOLVE_SECONDS):
            found = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError):
        raise TargetError(f"The host {host} cannot be resolved.") from None
    addresses = [ipaddress.ip_address(info[4][0]) for info in found]
    if not addresses:
        raise TargetError(f"The host {host} cannot be resolved.")
    refused = [address for address in addresses if not allowed(address)]
    if refused and not allow_private:
        # which address it was is not said: that would map the platform's internal names
        raise AddressNotAllowed(f"The host {host} resolves to an address webhooks may not "
                                "reach (loopback, private or reserved).")
    given = httpx.URL(url)
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return Target(url=given.copy_with(host=str(addresses[0])),
                  headers={"Host": given.netloc.decode("ascii")}, extensions=extensions)
