"""`newsmon digest` on the command line: files written, periods, recipients, one-line errors."""

from __future__ import annotations

import email
import email.policy

import pytest
from click.testing import CliRunner
from factories import make_db
from test_digest import month_articles

from newsmon.cli import cli

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def month_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("digest-cli") / "month.db"
    make_db(path, month_articles())
    return path


def _run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env or {}, catch_exceptions=False)


def test_cli_writes_standalone_html_and_dry_run_eml(month_db, tmp_path):
    out = tmp_path / "d.html"
    result = _run("digest", "--db", str(month_db), "--month", "2025-10", "--out", str(out),
                  "--send", "--dry-run", "--to", "press@example.org", "--to", "head@example.org")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "Мониторинг СМИ: октябрь 2025" in html
    msg = email.message_from_bytes((tmp_path / "d.eml").read_bytes(),
                                   policy=email.policy.default)
    assert msg["Subject"] == "Мониторинг СМИ: октябрь 2025"
    assert msg["To"] == "press@example.org, head@example.org"
    assert [p.get_content_type() for p in msg.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "multipart/related",
        "text/html", "image/png", "image/png", "image/png", XLSX]
    sheet = next(p for p in msg.walk() if p.get_content_type() == XLSX)
    assert sheet.get_filename() == "newsmon-2025-10-materials.xlsx"
    # admin hints go to the analyst's console, never into the press email
    assert "Для аналитика:" in result.output and "projects.yml" in result.output
    assert "projects.yml" not in msg.get_body(("html",)).get_content()
    assert "projects.yml" not in msg.get_body(("plain",)).get_content()


def test_cli_pdf_and_send_attach_the_pdf_and_the_spreadsheet(month_db, tmp_path):
    """--pdf --send: the letter carries both files; --mail-to names recipients unambiguously."""
    import io

    import openpyxl

    out, pdf, xlsx = tmp_path / "d.html", tmp_path / "d.pdf", tmp_path / "d.xlsx"
    result = _run("digest", "--db", str(month_db), "--month", "2025-10", "--out", str(out),
                  "--pdf", str(pdf), "--xlsx", str(xlsx), "--send", "--dry-run",
                  "--mail-to", "press@example.org,head@example.org")
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes(out.with_suffix(".eml").read_bytes(),
                                   policy=email.policy.default)
    assert msg["To"] == "press@example.org, head@example.org"
    files = {p.get_filename(): p for p in msg.iter_attachments()}
    assert set(files) == {"newsmon-2025-10.pdf", "newsmon-2025-10-materials.xlsx"}
    assert files["newsmon-2025-10.pdf"].get_content() == pdf.read_bytes()
    assert files["newsmon-2025-10-materials.xlsx"].get_content() == xlsx.read_bytes()
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Дата", "Издание", "Заголовок", "Ссылка")
    assert len(rows) == 1 + 6  # every material of October, reprints included
    body = msg.get_body(("html",)).get_content().replace("\u00a0", " ").replace("&nbsp;", " ")
    assert "во вложении — PDF-версия отчёта и таблица всех материалов (XLSX)" in body


def test_cli_help_is_russian_and_names_the_recipient_option():
    result = CliRunner().invoke(cli, ["digest", "--help"], prog_name="newsmon")
    assert result.exit_code == 0
    assert result.output.startswith("Использование: newsmon digest [ПАРАМЕТРЫ]")
    assert "--mail-to АДРЕС" in result.output and "Параметры:" in result.output
    assert "--send --to АДРЕС тоже работает" in " ".join(result.output.split())
    assert "Show this message" not in result.output


def test_click_usage_errors_are_russian(month_db):
    result = CliRunner().invoke(cli, ["digest", "--db", str(month_db), "--bogus"],
                                prog_name="newsmon")
    assert result.exit_code == 2
    assert "Ошибка: Нет такого параметра: --bogus" in result.output
    assert "Справка: newsmon digest --help" in result.output
    result = CliRunner().invoke(cli, ["counts", "--db", str(month_db), "--format", "xml"])
    assert "Неверное значение '--format': «xml» — допустимо одно из" in result.output


def test_cli_period_from_to_and_recipient_share_the_to_option(month_db, tmp_path):
    out = tmp_path / "p.html"
    result = _run("digest", "--db", str(month_db), "--from", "2025-10-01", "--to", "2025-10-10",
                  "--out", str(out), "--dry-run", "--to", "press@example.org")
    assert result.exit_code == 0, result.output
    assert "Мониторинг СМИ: 1–10 октября 2025" in out.read_text(encoding="utf-8")
    msg = email.message_from_bytes((tmp_path / "p.eml").read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "Мониторинг СМИ: 1–10 октября 2025"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2025-10", "--send"], "получатель"),
        (["--month", "2025-10", "--send", "--to", "not-an-address"], "Неверный адрес"),
        (["--month", "2025-10", "--to", "press@example.org"], "--send"),
        (["--month", "2025-10", "--send", "--to", "press@example.org"], "SMTP"),
        (["--from", "2025-10-01"], "обе даты"),
        (["--from", "2025-10-01", "--to", "2025-10-05", "--to", "2025-10-09"], "несколько дат"),
        (["--month", "2025-13"], "ГГГГ-ММ"),
        (["--month", "2025-10", "--send", "--to", "a@example.org", "--smtp-host", "h"],
         "NEWSMON_SMTP_PORT"),
    ],
)
def test_cli_user_mistakes_are_one_line(month_db, tmp_path, args, message):
    result = CliRunner().invoke(
        cli, ["digest", "--db", str(month_db), "--out", str(tmp_path / "x.html"), *args],
        env={"NEWSMON_SMTP_HOST": "", "NEWSMON_SMTP_PORT": "smtp"})
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_unreachable_smtp_is_one_line_exit_1(month_db, tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(cli, [
        "digest", "--db", str(month_db), "--month", "2025-10", "--out", str(tmp_path / "x.html"),
        "--send", "--to", "press@example.org", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(port)])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("newsmon: SMTP-сервер 127.0.0.1:") and "недоступен" in last
    assert "Traceback" not in result.output


def test_cli_pdf_without_chromium_says_how_to_install_it(month_db, tmp_path):
    result = CliRunner().invoke(cli, [
        "digest", "--db", str(month_db), "--month", "2025-10", "--out", str(tmp_path / "x.html"),
        "--pdf", str(tmp_path / "x.pdf")],
        env={"NEWSMON_PDF": "chromium", "NEWSMON_CHROMIUM": str(tmp_path / "none")})
    assert result.exit_code == 1
    assert "apt-get install chromium" in result.output.strip().splitlines()[-1]
    assert (tmp_path / "x.html").exists() and not (tmp_path / "x.pdf").exists()


def test_empty_month_email_has_no_images_but_both_parts(month_db, tmp_path):
    out = tmp_path / "e.html"
    result = _run("digest", "--db", str(month_db), "--month", "2025-12", "--out", str(out),
                  "--dry-run", "--to", "press@example.org")
    assert result.exit_code == 0, result.output
    msg = email.message_from_bytes(out.with_suffix(".eml").read_bytes(),
                                   policy=email.policy.default)
    assert [p.get_content_type() for p in msg.walk()] == [
        "multipart/alternative", "text/plain", "text/html"]
    assert "не найдено" in msg.get_body(("plain",)).get_content()
