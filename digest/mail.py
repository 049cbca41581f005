"""The digest as an email: multipart/alternative (text + HTML), the HTML part multipart/related with
the images as inline CID attachments; written as .eml or sent by SMTP (STARTTLS when offered, AUTH
when a user is configured)."""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from pathlib import Path

from newsmon.errors import RunError, UserError

DEFAULT_PORT = 587
DEFAULT_FROM = "newsmon@localhost"
TIMEOUT = 30


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = DEFAULT_PORT
    user: str | None = None
    password: str | None = None
    sender: str = DEFAULT_FROM


def smtp_settings(host: str | None = None, port: int | None = None,
                  env: Mapping[str, str] | None = None) -> SmtpSettings:
    """Options first, then NEWSMON_SMTP_* from the environment; a host is required."""
    env = os.environ if env is None else env
    host = host or env.get("NEWSMON_SMTP_HOST")
    if not host:
        raise UserError("Не указан SMTP-сервер: --smtp-host или переменная NEWSMON_SMTP_HOST")
    if port is None:
        raw = env.get("NEWSMON_SMTP_PORT") or str(DEFAULT_PORT)
        try:
            port = int(raw)
        except ValueError:
            raise UserError(f"NEWSMON_SMTP_PORT должен быть числом, а не «{raw}»") from None
    return SmtpSettings(
        host=host, port=port, user=env.get("NEWSMON_SMTP_USER") or None,
        password=env.get("NEWSMON_SMTP_PASSWORD") or None,
        sender=env.get("NEWSMON_SMTP_FROM") or DEFAULT_FROM,
    )


def check_addresses(addresses: Sequence[str]) -> list[str]:
    good = []
    for raw in addresses:
        _, addr = parseaddr(raw)
        if "@" not in addr or " " in addr or addr.startswith("@") or addr.endswith("@"):
            raise UserError(f"Неверный адрес получателя: «{raw}»")
        good.append(raw.strip())
    return good


def build_message(*, subject: str, html: str, text: str, images: Sequence,
                  sender: str = DEFAULT_FROM, recipients: Sequence[str] = ()) -> EmailMessage:
    """`images` are digest.render.Image objects referenced in the HTML as cid:<image.cid>."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender if "<" in sender else formataddr(("Мониторинг СМИ", sender))
    if recipients:
        msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(_now())
    msg["Message-ID"] = make_msgid(domain=_domain(sender))
    msg["Content-Language"] = "ru"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    html_part = msg.get_payload()[1]
    for image in images:
        html_part.add_related(image.data, maintype="image", subtype="png",
                              cid=f"<{image.cid}>", filename=image.name,
                              disposition="inline")
    return msg


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """The message as a file; Outlook opens it as a draft ready to send (X-Unsent)."""
    msg["X-Unsent"] = "1"
    path.write_bytes(msg.as_bytes())
    return path


def send(msg: EmailMessage, settings: SmtpSettings, recipients: Sequence[str], *,
         context: ssl.SSLContext | None = None) -> None:
    """Deliver to every recipient; any failure is one RunError line naming the server."""
    where = f"{settings.host}:{settings.port}"
    context = context or ssl.create_default_context()
    try:
        if settings.port == 465:
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                     timeout=TIMEOUT, context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        with client:
            client.ehlo()
            if settings.port != 465 and client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            if settings.user:
                client.login(settings.user, settings.password or "")
            refused = client.send_message(msg, from_addr=parseaddr(settings.sender)[1],
                                          to_addrs=list(recipients))
    except smtplib.SMTPAuthenticationError as exc:
        raise RunError(
            f"SMTP-сервер {where} отклонил логин {settings.user}: {_reason(exc)}") from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise RunError(f"SMTP-сервер {where} не поддерживает вход (AUTH): {exc}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise RunError(f"SMTP-сервер {where} отклонил получателей: "
                       f"{', '.join(exc.recipients)}") from exc
    except smtplib.SMTPException as exc:
        raise RunError(f"Ошибка SMTP-сервера {where}: {_reason(exc)}") from exc
    except ssl.SSLError as exc:
        raise RunError(f"Не удалось установить TLS с SMTP-сервером {where}: {exc}") from exc
    except (TimeoutError, OSError) as exc:
        raise RunError(f"SMTP-сервер {where} недоступен: {exc.strerror or exc}") from exc
    if refused:
        raise RunError(f"SMTP-сервер {where} не принял письмо для: {', '.join(refused)}")


def _reason(exc: smtplib.SMTPException) -> str:
    message = getattr(exc, "smtp_error", b"")
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return " ".join(str(message or exc).split())


def _domain(sender: str) -> str:
    addr = parseaddr(sender)[1]
    return addr.rsplit("@", 1)[1] if "@" in addr else "localhost"


def _now():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)
