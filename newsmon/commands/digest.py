"""`newsmon digest`: the report for a period as HTML (and PDF), optionally emailed."""

from __future__ import annotations

import re
from pathlib import Path

import click

from newsmon.core.errors import RunError, UserError
from newsmon.shell.options import db_option, open_existing_db

DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def split_to_values(values: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """`--to` serves both the period's last day (a date) and the recipients (addresses).

    The contract gives `--from/--to` for periods and `--send --to ADDR ...` for mail; a date and an
    address cannot be confused, so each value goes where its shape says.
    """
    dates = [v for v in values if DATE.match(v.strip())]
    addresses = [a.strip() for v in values if not DATE.match(v.strip()) for a in v.split(",")]
    if len(dates) > 1:
        raise UserError(f"Указано несколько дат --to: {', '.join(dates)}")
    return (dates[0] if dates else None), [a for a in addresses if a]


@click.command("digest")
@click.option("--month", metavar="YYYY-MM", help="A calendar month (default: the previous one).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First day (inclusive).")
@click.option("--to", "to_values", multiple=True, metavar="YYYY-MM-DD|ADDR",
              help="Last day of the period (a date) or a recipient (an address); repeatable.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="Where to write the HTML report.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also print the report to this PDF (needs Chromium).")
@click.option("--send", is_flag=True, help="Email the report to every --to address.")
@click.option("--dry-run", is_flag=True,
              help="Write the email as FILE.eml beside --out instead of sending it.")
# The environment fallbacks are read by digest.mail.smtp_settings, which words its own errors.
@click.option("--smtp-host", help="SMTP server (default: env NEWSMON_SMTP_HOST).")
@click.option("--smtp-port", type=click.IntRange(1, 65535),
              help="SMTP port (default: env NEWSMON_SMTP_PORT or 587; 465 = TLS from the start).")
@db_option
def command(month, date_from, to_values, out_path: Path, pdf_path: Path | None, send: bool,
            dry_run: bool, smtp_host: str | None, smtp_port: int | None, db_path: Path) -> None:
    """Build the Russian digest for a period: HTML, optional PDF, optional email.

    The period is --month YYYY-MM or --from/--to (default: the previous month). Recipients are
    given with --to ADDR (repeatable); SMTP login and sender come from NEWSMON_SMTP_USER,
    NEWSMON_SMTP_PASSWORD and NEWSMON_SMTP_FROM; NEWSMON_SMTP_TLS is require (the default with a
    password: STARTTLS or nothing), starttls, ssl (port 465) or none. Who got the letter is kept in
    FILE.sent.json beside --out, so a retry mails only the recipients the server refused.

    \b
    Examples:
      newsmon digest --month 2025-10 --out digest.html --pdf digest.pdf
      newsmon digest --from 2025-10-01 --to 2025-10-10 --out d.html \\
          --send --to press@example.org --to head@example.org
    """
    from newsmon.core.periods import period_from_options, previous_month

    date_to, recipients = split_to_values(to_values)
    period = period_from_options(month, date_from, date_to) or previous_month()
    if recipients and not (send or dry_run):
        raise UserError("Адреса в --to указаны, но нет --send (или --dry-run)")
    if send and not dry_run and not recipients:
        raise UserError("Для --send нужен хотя бы один получатель: --to адрес@пример.рф")
    if recipients:
        from digest.mail import check_addresses

        recipients = check_addresses(recipients)
    for path in (out_path, pdf_path):
        if path is not None and not path.resolve().parent.exists():
            raise UserError(f"Папка не существует: {path.parent}")
    settings = None
    if send and not dry_run:
        from digest.mail import smtp_settings

        settings = smtp_settings(smtp_host, smtp_port)  # fail on bad settings before the work

    from digest.build import build_digest
    from digest.render import data_uris, make_images, render_html

    data = build_digest(open_existing_db(db_path), period)
    images = make_images(data)
    out_path.write_text(render_html(data, data_uris(images), inline=False), encoding="utf-8")
    click.echo(f"Дайджест «{data.title}» (HTML): {out_path}")
    if pdf_path is not None:
        from digest.pdf import html_to_pdf

        html_to_pdf(out_path, pdf_path)
        click.echo(f"PDF: {pdf_path}")
    if send or dry_run:
        _mail(data, images, recipients, settings, out_path.with_suffix(".eml") if dry_run else None,
              out_path, period)


def _mail(data, images, recipients: list[str], settings, eml_path: Path | None, out_path: Path,
          period) -> None:
    from digest.mail import DEFAULT_FROM, build_message, write_eml
    from digest.render import cid_sources, render_html, render_text

    msg = build_message(
        subject=data.title, html=render_html(data, cid_sources(images)), text=render_text(data),
        images=images, sender=settings.sender if settings else _env_sender(DEFAULT_FROM),
        recipients=recipients,
    )
    if eml_path is not None:
        write_eml(msg, eml_path)
        click.echo(f"Письмо не отправлено (--dry-run), сохранено: {eml_path}")
        return
    _send_once(msg, data.title, settings, recipients, out_path, period)


def _send_once(msg, title: str, settings, recipients: list[str], out_path: Path, period) -> None:
    """Send to the recipients who have not yet received this period's digest; record each one the
    server accepts; the refused ones end the run with exit 1 and stay for the next run."""
    from digest.delivered import DeliveryLog, log_path, period_key
    from digest.mail import send

    log = DeliveryLog(log_path(out_path), period_key(period.start, period.end))
    done = [r for r in recipients if log.has(r)]
    todo = [r for r in recipients if not log.has(r)]
    earlier = f"; уже получили раньше: {', '.join(done)}" if done else ""
    if not todo:
        click.echo(f"Письмо «{title}» уже получили все адресаты: {', '.join(done)} "
                   f"(см. {log.path}); ничего не отправлено")
        return
    delivery = send(msg, settings, todo)
    log.add(delivery.accepted)
    if delivery.accepted:
        click.echo(f"Письмо «{title}» отправлено: {', '.join(delivery.accepted)}{earlier}")
    if delivery.refused:
        refused = "; ".join(f"{r} ({why})" for r, why in delivery.refused.items())
        raise RunError(f"SMTP-сервер {settings.host}:{settings.port} не принял письмо для: "
                       f"{refused}. Повторный запуск отправит письмо только им")


def _env_sender(default: str) -> str:
    import os

    return os.environ.get("NEWSMON_SMTP_FROM") or default
