"""The digest email through a real SMTP server (aiosmtpd) on 127.0.0.1: plain, STARTTLS + AUTH."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from factories import article, make_db

from digest.mail import SmtpSettings, build_message, send, smtp_settings
from digest.render import Image
from newsmon.cli import cli
from newsmon.core.errors import RunError, UserError

RECIPIENTS = ["press@example.org", "Руководитель <head@example.org>", "analyst@example.org"]


class Inbox:
    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (cert path, key path)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(
            "127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def sample_message(recipients=RECIPIENTS):
    images = [Image("regions.png", "regions@newsmon", b"\x89PNG-bars", "bars"),
              Image("map.png", "map@newsmon", b"\x89PNG-map", "map")]
    html = '<html><body><img src="cid:regions@newsmon"><img src="cid:map@newsmon"></body></html>'
    return build_message(subject="Мониторинг СМИ: октябрь 2025", html=html,
                         text="Мониторинг СМИ: октябрь 2025", images=images,
                         sender="digest@example.org", recipients=recipients)


def parse(envelope) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.original_content, policy=email.policy.default)


def assert_digest_structure(msg, subject: str) -> None:
    assert msg["Subject"] == subject
    if msg.get_content_type() == "multipart/mixed":  # the letter, then its attachments
        msg, *attached = msg.get_payload()
        assert all(a.get_content_disposition() == "attachment" for a in attached)
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.get_payload()
    assert plain.get_content_type() == "text/plain" and subject in plain.get_content()
    assert related.get_content_type() == "multipart/related"
    html, *images = related.get_payload()
    assert html.get_content_type() == "text/html"
    cids = {img["Content-ID"].strip("<>") for img in images}
    assert cids >= {"regions@newsmon", "map@newsmon"}
    assert all(f"cid:{cid}" in html.get_content() for cid in cids)
    assert all(img.get_content_type() == "image/png" for img in images)


def test_plain_smtp_delivers_to_every_recipient(smtp_server):
    controller, inbox = smtp_server
    send(sample_message(), SmtpSettings("127.0.0.1", controller.port, sender="digest@example.org"),
         RECIPIENTS)
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "digest@example.org"
    assert sorted(envelope.rcpt_tos) == ["analyst@example.org", "head@example.org",
                                         "press@example.org"]
    assert_digest_structure(parse(envelope), "Мониторинг СМИ: октябрь 2025")


def test_starttls_and_auth_when_the_server_offers_them(certificate):
    cert_path, key_path = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert_path, key_path)
    logins: list[tuple[str, ...]] = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password in (b"s3cret", "s3cret")
        logins.append(tuple(v.decode() if isinstance(v, bytes) else v
                            for v in (auth_data.login, auth_data.password)))
        return AuthResult(success=ok, handled=False)  # unhandled: server replies 535

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(),
                            tls_context=server_tls, require_starttls=True,
                            authenticator=authenticator, auth_require_tls=True)
    controller.start()
    try:
        client_tls = ssl.create_default_context(cafile=str(cert_path))
        settings = SmtpSettings("127.0.0.1", controller.port, user="digest", password="s3cret",
                                sender="digest@example.org")
        send(sample_message(), settings, RECIPIENTS, context=client_tls)
        assert logins[0] == ("digest", "s3cret") and len(inbox.envelopes) == 1
        bad = SmtpSettings("127.0.0.1", controller.port, user="digest", password="wrong")
        with pytest.raises(RunError, match="отклонил логин digest"):
            send(sample_message(), bad, RECIPIENTS, context=client_tls)
    finally:
        controller.stop()


def test_untrusted_certificate_is_a_one_line_error(certificate):
    cert_path, key_path = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert_path, key_path)
    controller = Controller(Inbox(), hostname="127.0.0.1", port=free_port(),
                            tls_context=server_tls)
    controller.start()
    try:
        with pytest.raises(RunError, match="TLS") as info:
            send(sample_message(), SmtpSettings("127.0.0.1", controller.port), RECIPIENTS,
                 context=ssl.create_default_context())
        assert "\n" not in str(info.value)
    finally:
        controller.stop()


@pytest.mark.parametrize(
    ("env", "host", "port", "expected"),
    [
        ({"NEWSMON_SMTP_HOST": "mail.example.org"}, None, None, ("mail.example.org", 587)),
        ({"NEWSMON_SMTP_HOST": "mail.example.org", "NEWSMON_SMTP_PORT": "2525"}, None, None,
         ("mail.example.org", 2525)),
        ({"NEWSMON_SMTP_HOST": "env.example.org"}, "cli.example.org", 25, ("cli.example.org", 25)),
    ],
)
def test_smtp_settings_from_options_then_environment(env, host, port, expected):
    settings = smtp_settings(host, port, env={**env, "NEWSMON_SMTP_USER": "u",
                                              "NEWSMON_SMTP_FROM": "d@example.org"})
    assert (settings.host, settings.port, settings.user, settings.sender) == (*expected, "u",
                                                                              "d@example.org")


def test_missing_smtp_host_is_a_user_error():
    with pytest.raises(UserError, match="NEWSMON_SMTP_HOST"):
        smtp_settings(None, None, env={})


def test_cli_send_reaches_every_to_address(smtp_server, tmp_path):
    controller, inbox = smtp_server
    db = tmp_path / "m.db"
    make_db(db, [article("В Омске открыли центр помощи семьям с детьми.", title="Центр в Омске",
                         published="2025-10-05", source="omsk", regions=["RU-OMS"])])
    args = ["digest", "--db", str(db), "--month", "2025-10", "--out", str(tmp_path / "d.html"),
            "--send", "--smtp-host", "127.0.0.1", "--smtp-port", str(controller.port)]
    for rcpt in ("press@example.org", "head@example.org"):
        args += ["--to", rcpt]
    result = CliRunner().invoke(cli, args, env={"NEWSMON_SMTP_FROM": "digest@example.org"})
    assert result.exit_code == 0, result.output
    assert "отправлено" in result.output
    (envelope,) = inbox.envelopes
    assert sorted(envelope.rcpt_tos) == ["head@example.org", "press@example.org"]
    msg = parse(envelope)
    assert_digest_structure(msg, "Мониторинг СМИ: октябрь 2025")
    html = msg.get_body(("html",)).get_content()
    assert "Центр в&nbsp;Омске" in html or "Центр в\u00a0Омске" in html  # «в» kept with its word
