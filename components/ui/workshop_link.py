"""The addresses of a workshop: where participants reach the app on the room's network, the
join and facilitator links, and the join link as a QR code (segno, drawn offline).

Phones cannot reach ``localhost``: when the facilitator's browser shows the app on this
computer only, the join address uses this computer's address on the local network instead,
and the facilitator can type another one (a name the room's router gives, say).
"""

from __future__ import annotations

import io
import ipaddress
import socket
from urllib.parse import parse_qs, urlencode, urlsplit

import segno
import streamlit as st

# What server.address says when the app listens on every interface (not a bind made here).
WILDCARDS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104


def is_loopback(host: str | None) -> bool:
    """Whether a host name or address means "this computer only"."""
    name = (host or "").strip().strip("[]").casefold()
    if name in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def listens_only_locally(server_address: str | None) -> bool:
    """Whether ``server.address`` keeps the app off the network (loopback only)."""
    address = (server_address or "").strip()
    return bool(address) and address not in WILDCARDS and is_loopback(address)


LISTENS_LOCALLY = (
    "**Phones cannot reach this address yet:** the app listens on this computer only. Stop "
    "it (Ctrl+C) and start it again on the room's network, on purpose: "
    "`bash scripts/run.sh --server.address 0.0.0.0` (README: “Serving a room or a network on "
    "purpose”)."
)
LOOPBACK_ADDRESS = (
    "**Phones cannot open this address:** it names this computer itself. Under “Where "
    "participants join”, write this computer's address on the room's network (`hostname -I` "
    "or `ipconfig` shows it)."
)


def unreachable_reason(server_address: str | None, join_base: str) -> str | None:
    """Why phones cannot open the join address, with the fix (Markdown); None when they can.

    The address and the QR code are projected in large type: a room that scans a code no
    phone can open loses the start of the workshop, so the reason goes above them.
    """
    if listens_only_locally(server_address):
        return LISTENS_LOCALLY
    if is_loopback(urlsplit(join_base).hostname):
        return LOOPBACK_ADDRESS
    return None


def lan_address() -> str | None:
    """This computer's address on its local network, or None when it has none.

    Connecting a UDP socket sends nothing: it only asks the system which interface would
    route to a private address.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        address = probe.getsockname()[0]
    except OSError:
        address = None
    finally:
        probe.close()
    if address and not is_loopback(address):
        return str(address)
    try:
        candidates = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return None
    return next((a for a in candidates if not is_loopback(a)), None)


def default_join_base(
    browser_url: str | None,
    server_address: str | None,
    port: int,
    lan: str | None,
    base_path: str = "",
) -> str:
    """The address participants should use, as ``http://host:port`` (plus a base path).

    The facilitator's own address when it is not this computer only; else the address the
    server was told to listen on; else this computer's address on the network.
    """
    path = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if browser_url:
        parts = urlsplit(browser_url)
        if parts.hostname and not is_loopback(parts.hostname):
            return f"{parts.scheme or 'http'}://{parts.netloc}{path}"
    address = (server_address or "").strip()
    if address and address not in WILDCARDS and not is_loopback(address):
        host = f"[{address}]" if ":" in address else address
        return f"http://{host}:{port}{path}"
    return f"http://{lan or 'localhost'}:{port}{path}"


def check_base(text: str) -> tuple[str | None, str | None]:
    """A typed join address, cleaned (``http://host:port``), or why it cannot be used."""
    value = (text or "").strip().rstrip("/")
    if "://" not in value:
        value = "http://" + value
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None, "That address has a port that is not a number."
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None, "Write an address such as http://192.168.1.20:8501"
    if parts.query or parts.fragment or parts.username or parts.password:
        return None, "Write the address only, without ?, # or a user name."
    if any(ch.isspace() for ch in value):
        return None, "An address has no spaces."
    del port
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}", None


def join_url(base: str, code: str) -> str:
    """The participants' link: ``<base>/join?w=<code>`` (never with the facilitator's key)."""
    return f"{base.rstrip('/')}/join?{urlencode({'w': code})}"


def typed_code(text: str | None) -> str:
    """The workshop code in what a participant typed: the code itself, or a whole join link
    pasted from a chat (its ``w``), without the spaces a phone's keyboard adds."""
    value = "".join((text or "").split())
    if "w=" in value:
        found = parse_qs(urlsplit(value).query).get("w")
        if found:
            return found[0]
    return value


def facilitator_url(base: str, code: str, key: str) -> str:
    """The facilitator's link, with the key: for the facilitator's own laptops only."""
    return f"{base.rstrip('/')}/workshop?{urlencode({'w': code, 'key': key})}"


def qr_png(url: str, *, scale: int = 10) -> bytes:
    """The link as a QR code PNG (medium error correction, a quiet zone of two modules)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=scale, border=2, dark="#1A1A1A"
    )
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=64)
def cached_qr_png(url: str, *, scale: int = 10) -> bytes:
    """``qr_png``, drawn once per link: the live screen redraws every second. The picture
    holds only the participants' link, which everyone who can see the screen may read."""
    return qr_png(url, scale=scale)
