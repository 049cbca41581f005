"""The digest as an email: multipart/alternative (text + HTML), the HTML part multipart/related with
the images as inline CID attachments; written as .eml or sent by SMTP.

Transport security is NEWSMON_SMTP_TLS (see SmtpSettings): `ssl` (TLS from the first byte, the
default on port 465), `require` (STARTTLS or nothing; the default when a login is set), `starttls`
(STARTTLS when offered) or `none`. Whatever the mode, a login and password never cross an
unencrypted connection. Logins and passwords go as UTF-8, Cyrillic domains as IDNA, Cyrillic
mailboxes with SMTPUTF8 (digest/addresses.py). `send` reports each recipient's result, so the
caller can retry only those the server refused.
"""

from __future__ import annotations

import base64
import hmac
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from digest.addresses import envelope_address, mailbox, needs_smtputf8
from newsmon.core.errors import RunError, UserError

DEFAULT_PORT = 587
SSL_PORT = 465
DEFAULT_FROM = "newsmon@localhost"
DEFAULT_NAME = "Мониторинг СМИ"
TIMEOUT = 30
TLS_MODES = ("require", "starttls", "ssl", "none")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = DEFAULT_PORT
    user: str | None = None
    password: str | None = None
    sender: str = DEFAULT_FROM
    tls: str | None = None  # one of TLS_MODES; None: the default for this port and login

    def __post_init__(self) -> None:
        if self.tls is None:
            object.__setattr__(self, "tls", default_tls(self.port, bool(self.user or self.password)))


@dataclass(frozen=True)
class Delivery:
    """What the server said per recipient (the caller's own spelling of each address)."""

    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # recipient → "550 No such mailbox"


def default_tls(port: int, login: bool) -> str:
    if port == SSL_PORT:
        return "ssl"
    return "require" if login else "starttls"


def smtp_settings(host: str | None = None, port: int | None = None,
                  env: Mapping[str, str] | None = None) -> SmtpSettings:
    """Options first, then NEWSMON_SMTP_* from the environment; a host is required."""
    env = os.environ if env is None else env
    host = host or env.get("NEWSMON_SMTP_HOST")
    if not host:
        raise UserError("Не указан SMTP-сервер: --smtp-host или переменная NEWSMON_SMTP_HOST")
    tls = _tls_mode(env.get("NEWSMON_SMTP_TLS"))
    if port is None:
        raw = env.get("NEWSMON_SMTP_PORT") or str(SSL_PORT if tls == "ssl" else DEFAULT_PORT)
        try:
            port = int(raw)
        except ValueError:
            raise UserError(f"NEWSMON_SMTP_PORT должен быть числом, а не «{raw}»") from None
    user = env.get("NEWSMON_SMTP_USER") or None
    password = env.get("NEWSMON_SMTP_PASSWORD") or None
    if tls == "none" and (user or password):
        raise UserError("NEWSMON_SMTP_TLS=none вместе с логином: пароль ушёл бы открытым текстом; "
                        "укажите require, starttls или ssl")
    sender = env.get("NEWSMON_SMTP_FROM") or DEFAULT_FROM
    mailbox(sender, what="отправителя (NEWSMON_SMTP_FROM)")
    return SmtpSettings(host=host, port=port, user=user, password=password, sender=sender,
                        tls=tls)


def _tls_mode(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    mode = raw.strip().lower()
    if mode not in TLS_MODES:
        raise UserError(f"NEWSMON_SMTP_TLS: «{raw}» — ожидается одно из: {', '.join(TLS_MODES)}")
    return mode


def check_addresses(addresses: Sequence[str]) -> list[str]:
    good = []
    for raw in addresses:
        mailbox(raw)
        good.append(raw.strip())
    return good


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    maintype: str
    subtype: str


PDF = ("application", "pdf")
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def build_message(*, subject: str, html: str, text: str, images: Sequence,
                  sender: str = DEFAULT_FROM, recipients: Sequence[str] = (),
                  attachments: Sequence[Attachment] = ()) -> EmailMessage:
    """`images` are digest.render.Image objects referenced in the HTML as cid:<image.cid>;
    `attachments` (the PDF, the spreadsheet) make the message multipart/mixed."""
    msg = EmailMessage()
    msg["Subject"] = subject
    sender_box = mailbox(sender, what="отправителя (NEWSMON_SMTP_FROM)")
    if not sender_box.display_name:
        sender_box = type(sender_box)(DEFAULT_NAME, sender_box.username, sender_box.domain)
    msg["From"] = sender_box
    if recipients:
        msg["To"] = [mailbox(r) for r in recipients]
    msg["Date"] = format_datetime(_now())
    msg["Message-ID"] = make_msgid(domain=sender_box.domain or "localhost")
    msg["Content-Language"] = "ru"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    html_part = msg.get_payload()[1]
    for image in images:
        html_part.add_related(image.data, maintype="image", subtype="png",
                              cid=f"<{image.cid}>", filename=image.name,
                              disposition="inline")
    for item in attachments:
        msg.add_attachment(item.data, maintype=item.maintype, subtype=item.subtype,
                           filename=item.filename)
    return msg


def write_eml(msg: EmailMessage, path):
    """The message as a file; Outlook opens it as a draft ready to send (X-Unsent)."""
    msg["X-Unsent"] = "1"
    international = any(needs_smtputf8(a.username) for h in ("From", "To")
                        for a in getattr(msg[h], "addresses", ()))
    path.write_bytes(msg.as_bytes(policy=msg.policy.clone(utf8=True)) if international
                     else msg.as_bytes())
    return path


class _Utf8Auth:
    """smtplib encodes AUTH data as ASCII; PLAIN and LOGIN carry UTF-8 (RFC 4616), so do we."""

    def auth(self, mechanism, authobject, *, initial_response_ok=True):
        mechanism = mechanism.upper()
        initial = authobject() if initial_response_ok else None
        if initial is not None:
            code, resp = self.docmd("AUTH", f"{mechanism} {_b64(initial)}")
        else:
            code, resp = self.docmd("AUTH", mechanism)
        for _ in range(smtplib._MAXCHALLENGE):
            if code != 334:
                break
            code, resp = self.docmd(_b64(authobject(base64.decodebytes(resp))))
        if code in (235, 503):
            return code, resp
        raise smtplib.SMTPAuthenticationError(code, resp)

    def auth_cram_md5(self, challenge=None):
        if challenge is None:
            return None
        digest = hmac.HMAC(self.password.encode("utf-8"), challenge, "md5").hexdigest()
        return f"{self.user} {digest}"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


class _SMTP(_Utf8Auth, smtplib.SMTP):
    pass


class _SMTP_SSL(_Utf8Auth, smtplib.SMTP_SSL):
    pass


def send(msg: EmailMessage, settings: SmtpSettings, recipients: Sequence[str], *,
         context: ssl.SSLContext | None = None) -> Delivery:
    """Deliver to the recipients; a failure of the whole session is one RunError line naming the
    server, a recipient the server refuses is reported in `Delivery.refused`."""
    where = f"{settings.host}:{settings.port}"
    context = context or ssl.create_default_context()
    envelope = {envelope_address(r): r for r in recipients}
    sender = envelope_address(settings.sender, what="отправителя (NEWSMON_SMTP_FROM)")
    try:
        with _connect(settings, context) as client:
            client.ehlo()
            _secure(client, settings, where, context)
            if settings.user:
                client.login(settings.user, settings.password or "")
            _check_smtputf8(client, where, [sender, *envelope])
            refused = client.send_message(msg, from_addr=sender, to_addrs=list(envelope))
    except smtplib.SMTPRecipientsRefused as exc:
        refused = exc.recipients
    except smtplib.SMTPAuthenticationError as exc:
        raise RunError(
            f"SMTP-сервер {where} отклонил логин {settings.user}: {_reason(exc)}") from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise RunError(f"SMTP-сервер {where} не поддерживает вход (AUTH): {exc}") from exc
    except smtplib.SMTPException as exc:
        raise RunError(f"Ошибка SMTP-сервера {where}: {_reason(exc)}") from exc
    except ssl.SSLError as exc:
        raise RunError(f"Не удалось установить TLS с SMTP-сервером {where}: {exc}") from exc
    except (TimeoutError, OSError) as exc:
        raise RunError(f"SMTP-сервер {where} недоступен: {exc.strerror or exc}") from exc
    return Delivery(
        accepted=[raw for addr, raw in envelope.items() if addr not in refused],
        refused={envelope[addr]: _refusal(answer) for addr, answer in refused.items()},
    )


def _connect(settings: SmtpSettings, context: ssl.SSLContext) -> smtplib.SMTP:
    if settings.tls == "ssl":
        return _SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=context)
    return _SMTP(settings.host, settings.port, timeout=TIMEOUT)


def _secure(client: smtplib.SMTP, settings: SmtpSettings, where: str,
            context: ssl.SSLContext) -> None:
    """STARTTLS as the mode asks; never a login over a connection that is not encrypted."""
    encrypted = settings.tls == "ssl"
    if settings.tls in ("require", "starttls"):
        if client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
            encrypted = True
        elif settings.tls == "require":
            raise RunError(f"SMTP-сервер {where} не предлагает STARTTLS, а шифрование обязательно "
                           f"(NEWSMON_SMTP_TLS=require): письмо не отправлено")
    if settings.user and not encrypted:
        raise RunError(f"SMTP-сервер {where} не предлагает STARTTLS: логин и пароль не будут "
                       f"переданы открытым текстом, письмо не отправлено")


def _check_smtputf8(client: smtplib.SMTP, where: str, addresses: Sequence[str]) -> None:
    international = [a for a in addresses if needs_smtputf8(a)]
    if international and not client.has_extn("smtputf8"):
        raise RunError(f"SMTP-сервер {where} не поддерживает SMTPUTF8, а он нужен для адресов с "
                       f"кириллицей до «@»: {', '.join(international)}")


def _refusal(answer: tuple[int, bytes | str]) -> str:
    code, message = answer
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return " ".join(f"{code} {message}".split())


def _reason(exc: smtplib.SMTPException) -> str:
    message = getattr(exc, "smtp_error", b"")
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return " ".join(str(message or exc).split())


def _now():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)
