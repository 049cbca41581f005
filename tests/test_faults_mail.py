"""Misconfigured and hostile SMTP (issue 18), against a real aiosmtpd on 127.0.0.1.

Never a password in clear; Cyrillic passwords and addresses (IDNA, SMTPUTF8) without a traceback;
one refused recipient of two is reported, and a retry mails only the one who did not get it.
"""

from __future__ import annotations

import json
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from factories import article, make_db
from test_mail import Inbox, certificate, free_port, sample_message  # noqa: F401 (fixture)

from digest.mail import SmtpSettings, build_message, send, smtp_settings
from newsmon.cli import cli
from newsmon.core.errors import RunError, UserError

RF_DOMAIN = "новости.рф"
RF_DOMAIN_ACE = RF_DOMAIN.encode("idna").decode("ascii")  # xn--h1aeegel.xn--p1ai


class Authenticator:
    """Accepts one login/password (compared as UTF-8) and remembers every attempt."""

    def __init__(self, password: str = "s3cret") -> None:
        self.password = password
        self.attempts: list[tuple[str, str]] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        login, password = (v.decode("utf-8") if isinstance(v, bytes) else v
                           for v in (auth_data.login, auth_data.password))
        self.attempts.append((login, password))
        return AuthResult(success=password == self.password, handled=False)


@pytest.fixture
def server_tls(certificate):  # noqa: F811
    cert_path, key_path = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


@pytest.fixture
def client_tls(certificate):  # noqa: F811
    return ssl.create_default_context(cafile=str(certificate[0]))


def start(handler, **kwargs) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


# --- TLS: never a password in clear --------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "tls"),
    [
        ({}, "starttls"),
        ({"NEWSMON_SMTP_PASSWORD": "x"}, "require"),
        ({"NEWSMON_SMTP_USER": "u", "NEWSMON_SMTP_PASSWORD": "x"}, "require"),
        ({"NEWSMON_SMTP_PORT": "465", "NEWSMON_SMTP_PASSWORD": "x"}, "ssl"),
        ({"NEWSMON_SMTP_TLS": "none"}, "none"),
        ({"NEWSMON_SMTP_TLS": "SSL", "NEWSMON_SMTP_PASSWORD": "x"}, "ssl"),
        ({"NEWSMON_SMTP_TLS": "starttls", "NEWSMON_SMTP_PASSWORD": "x"}, "starttls"),
    ],
)
def test_tls_mode_defaults_to_require_when_a_password_is_set(env, tls):
    settings = smtp_settings(None, None, env={"NEWSMON_SMTP_HOST": "mail.example.org", **env})
    assert settings.tls == tls


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSMON_SMTP_TLS": "maybe"}, "NEWSMON_SMTP_TLS"),
        ({"NEWSMON_SMTP_TLS": "none", "NEWSMON_SMTP_PASSWORD": "x"}, "открытым текстом"),
    ],
)
def test_bad_or_unsafe_tls_setting_is_a_user_error(env, message):
    with pytest.raises(UserError, match=message) as info:
        smtp_settings(None, None, env={"NEWSMON_SMTP_HOST": "mail.example.org", **env})
    assert "\n" not in str(info.value)


def test_password_is_never_sent_to_a_server_without_starttls():
    auth = Authenticator()
    inbox = Inbox()
    controller = start(inbox, authenticator=auth, auth_require_tls=False)
    try:
        settings = smtp_settings("127.0.0.1", controller.port, env={
            "NEWSMON_SMTP_USER": "digest", "NEWSMON_SMTP_PASSWORD": "s3cret"})
        with pytest.raises(RunError, match="STARTTLS") as info:
            send(sample_message(), settings, ["press@example.org"])
    finally:
        controller.stop()
    assert "\n" not in str(info.value)
    assert auth.attempts == [] and inbox.envelopes == []


def test_opportunistic_starttls_still_refuses_a_password_in_clear():
    auth = Authenticator()
    controller = start(Inbox(), authenticator=auth, auth_require_tls=False)
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, user="digest", password="s3cret",
                                tls="starttls")
        with pytest.raises(RunError, match="открытым текстом"):
            send(sample_message(), settings, ["press@example.org"])
    finally:
        controller.stop()
    assert auth.attempts == []


def test_tls_require_refuses_a_server_without_starttls_even_without_login():
    inbox = Inbox()
    controller = start(inbox)
    try:
        settings = smtp_settings("127.0.0.1", controller.port, env={"NEWSMON_SMTP_TLS": "require"})
        with pytest.raises(RunError, match="STARTTLS"):
            send(sample_message(), settings, ["press@example.org"])
    finally:
        controller.stop()
    assert inbox.envelopes == []


def test_tls_ssl_connects_with_tls_from_the_first_byte_on_any_port(server_tls, client_tls):
    inbox = Inbox()
    auth = Authenticator()
    # SMTPS: aiosmtpd does not count implicit TLS as TLS for AUTH, so it may not demand it
    controller = start(inbox, ssl_context=server_tls, authenticator=auth, auth_require_tls=False)
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, user="digest", password="s3cret",
                                sender="digest@example.org", tls="ssl")
        delivery = send(sample_message(), settings, ["press@example.org"], context=client_tls)
    finally:
        controller.stop()
    assert auth.attempts == [("digest", "s3cret")]
    assert [e.rcpt_tos for e in inbox.envelopes] == [["press@example.org"]]
    assert delivery.accepted == ["press@example.org"] and delivery.refused == {}


# --- Cyrillic passwords and addresses ------------------------------------------------------------


def test_cyrillic_login_and_password_go_as_utf8_over_starttls(server_tls, client_tls):
    inbox = Inbox()
    auth = Authenticator(password="пароль-Ёж")
    controller = start(inbox, tls_context=server_tls, require_starttls=True,
                       authenticator=auth, auth_require_tls=True)
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, user="дайджест",
                                password="пароль-Ёж", sender="digest@example.org")
        send(sample_message(), settings, ["press@example.org"], context=client_tls)
    finally:
        controller.stop()
    assert auth.attempts[-1] == ("дайджест", "пароль-Ёж")
    assert len(inbox.envelopes) == 1


def test_cyrillic_sender_domain_is_sent_as_idna():
    inbox = Inbox()
    controller = start(inbox, enable_SMTPUTF8=False)  # an .рф domain alone must not need it
    try:
        msg = build_message(subject="Дайджест", html="<p>h</p>", text="t", images=[],
                            sender=f"digest@{RF_DOMAIN}", recipients=[f"Пресс-служба <press@{RF_DOMAIN}>"])
        settings = SmtpSettings("127.0.0.1", controller.port, sender=f"digest@{RF_DOMAIN}")
        send(msg, settings, [f"Пресс-служба <press@{RF_DOMAIN}>"])
    finally:
        controller.stop()
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == f"digest@{RF_DOMAIN_ACE}"
    assert envelope.rcpt_tos == [f"press@{RF_DOMAIN_ACE}"]
    headers = envelope.original_content.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert f"digest@{RF_DOMAIN_ACE}" in headers and f"press@{RF_DOMAIN_ACE}" in headers


def test_cyrillic_mailbox_is_sent_with_smtputf8():
    inbox = Inbox()
    controller = start(inbox, enable_SMTPUTF8=True)
    try:
        msg = build_message(subject="Дайджест", html="<p>h</p>", text="t", images=[],
                            sender=f"дайджест@{RF_DOMAIN}", recipients=[f"пресса@{RF_DOMAIN}"])
        settings = SmtpSettings("127.0.0.1", controller.port, sender=f"дайджест@{RF_DOMAIN}")
        send(msg, settings, [f"пресса@{RF_DOMAIN}"])
    finally:
        controller.stop()
    (envelope,) = inbox.envelopes
    assert "SMTPUTF8" in envelope.mail_options
    assert envelope.mail_from == f"дайджест@{RF_DOMAIN_ACE}"
    assert envelope.rcpt_tos == [f"пресса@{RF_DOMAIN_ACE}"]


def test_cyrillic_mailbox_without_smtputf8_on_offer_is_one_line():
    inbox = Inbox()
    controller = start(inbox, enable_SMTPUTF8=False)
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, sender="digest@example.org")
        with pytest.raises(RunError, match="SMTPUTF8") as info:
            send(sample_message(), settings, [f"пресса@{RF_DOMAIN}"])
    finally:
        controller.stop()
    assert "\n" not in str(info.value) and "AUTH" not in str(info.value)
    assert inbox.envelopes == []


# --- per-recipient results and retries -----------------------------------------------------------


class Picky(Inbox):
    """Refuses the addresses in `refuse` at RCPT time, as a server does for an unknown mailbox."""

    def __init__(self, refuse: set[str]) -> None:
        super().__init__()
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_send_reports_accepted_and_refused_recipients():
    inbox = Picky({"gone@example.org"})
    controller = start(inbox)
    try:
        delivery = send(sample_message(), SmtpSettings("127.0.0.1", controller.port),
                        ["press@example.org", "Ушедший <gone@example.org>"])
    finally:
        controller.stop()
    assert delivery.accepted == ["press@example.org"]
    assert list(delivery.refused) == ["Ушедший <gone@example.org>"]
    assert "550" in delivery.refused["Ушедший <gone@example.org>"]


def _digest_args(db, out, port, *recipients) -> list[str]:
    args = ["digest", "--db", str(db), "--month", "2025-10", "--out", str(out), "--send",
            "--smtp-host", "127.0.0.1", "--smtp-port", str(port)]
    for rcpt in recipients:
        args += ["--to", rcpt]
    return args


def test_retry_mails_only_the_recipient_who_was_refused(tmp_path):
    db = tmp_path / "m.db"
    make_db(db, [article("В Омске открыли центр помощи семьям с детьми.", title="Центр в Омске",
                         published="2025-10-05", source="omsk", regions=["RU-OMS"])])
    out = tmp_path / "d.html"
    inbox = Picky({"head@example.org"})
    controller = start(inbox)
    env = {"NEWSMON_SMTP_FROM": "digest@example.org"}
    runner = CliRunner()
    try:
        args = _digest_args(db, out, controller.port, "press@example.org", "head@example.org")
        first = runner.invoke(cli, args, env=env)
        assert first.exit_code == 1, first.output
        error = first.stderr.strip()
        assert "\n" not in error and "head@example.org" in error and "Traceback" not in error
        assert [e.rcpt_tos for e in inbox.envelopes] == [["press@example.org"]]
        log = json.loads(out.with_suffix(".sent.json").read_text("utf-8"))
        assert list(log["2025-10-01..2025-10-31"]) == ["press@example.org"]

        inbox.refuse = set()  # the mailbox is back
        second = runner.invoke(cli, args, env=env)
        assert second.exit_code == 0, second.output
        assert [e.rcpt_tos for e in inbox.envelopes] == [["press@example.org"],
                                                         ["head@example.org"]]

        third = runner.invoke(cli, args, env=env)
        assert third.exit_code == 0, third.output
        assert len(inbox.envelopes) == 2 and "уже" in third.output
    finally:
        controller.stop()


def test_cli_cyrillic_password_without_starttls_is_one_line_not_a_traceback(tmp_path):
    db = tmp_path / "m.db"
    make_db(db, [article("В Омске открыли центр помощи семьям с детьми.", published="2025-10-05",
                         source="omsk", regions=["RU-OMS"])])
    auth = Authenticator(password="пароль")
    controller = start(Inbox(), authenticator=auth, auth_require_tls=False)
    try:
        result = CliRunner().invoke(
            cli, _digest_args(db, tmp_path / "d.html", controller.port, "press@example.org"),
            env={"NEWSMON_SMTP_USER": "digest", "NEWSMON_SMTP_PASSWORD": "пароль",
                 "NEWSMON_SMTP_FROM": f"digest@{RF_DOMAIN}"})
    finally:
        controller.stop()
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "STARTTLS" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert auth.attempts == []
