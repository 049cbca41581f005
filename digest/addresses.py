"""Email addresses as SMTP needs them: Cyrillic domains in IDNA (ASCII), Cyrillic mailboxes marked.

`новости.рф` travels as `xn--h1aeegel.xn--p1ai` in the envelope and the headers, so an .рф sender
needs nothing from the server; a Cyrillic part before «@» (`пресса@фонд.рф`) cannot be written in
ASCII at all and needs a server that offers SMTPUTF8 (RFC 6531).
"""

from __future__ import annotations

from email.headerregistry import Address
from email.utils import parseaddr

from newsmon.core.errors import UserError


def mailbox(raw: str, *, what: str = "получателя") -> Address:
    """`Name <local@domain>` or `local@domain` → Address with the domain in IDNA; UserError if bad."""
    name, addr = parseaddr(raw.strip())
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or " " in addr or not _plausible_domain(domain):
        raise UserError(f"Неверный адрес {what}: «{raw}»")
    try:
        ace = ".".join(_ace_label(label) for label in domain.rstrip(".").split("."))
    except UnicodeError:
        raise UserError(f"Неверный адрес {what}: «{raw}» (домен нельзя записать в IDNA)") from None
    return Address(display_name=name, username=local, domain=ace)


def envelope_address(raw: str, *, what: str = "получателя") -> str:
    """The bare address for MAIL FROM / RCPT TO: `local@ace-domain`."""
    box = mailbox(raw, what=what)
    return f"{box.username}@{box.domain}"


def needs_smtputf8(address: str) -> bool:
    return not address.isascii()


def _ace_label(label: str) -> str:
    if not label:
        raise UnicodeError("empty label")
    if label.isascii():
        return label.lower()
    return label.encode("idna").decode("ascii")


def _plausible_domain(domain: str) -> bool:
    return not any(ch in domain for ch in "<>()[]\\,;:\"@") and not domain.startswith(".")
