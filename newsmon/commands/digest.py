"""`newsmon digest`: the report for a period as HTML (and PDF), optionally emailed."""

from __future__ import annotations

import re
from pathlib import Path

import click

from newsmon.core.errors import RunError, UserError
from newsmon.shell.options import db_option, open_existing_db
from newsmon.sources.config import outlet_titles

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
@click.option("--month", metavar="ГГГГ-ММ", help="Календарный месяц (по умолчанию — прошлый).")
@click.option("--from", "date_from", metavar="ГГГГ-ММ-ДД", help="Первый день периода.")
@click.option("--to", "to_values", multiple=True, metavar="ГГГГ-ММ-ДД|АДРЕС",
              help="Последний день периода (дата) или получатель (адрес): значение читается "
                   "по виду; для адресов понятнее --mail-to.")
@click.option("--mail-to", "mail_to", multiple=True, metavar="АДРЕС",
              help="Получатель письма (можно несколько раз или через запятую).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="Куда записать отчёт в HTML.")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Ещё и PDF-версия отчёта (при отправке прикладывается к письму).")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Таблица всех материалов периода (XLSX); к письму прикладывается всегда.")
@click.option("--sources", "sources_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="sources.yml с названиями изданий (title:); по умолчанию "
                                 "./sources.yml, если он есть.")
@click.option("--send", is_flag=True, help="Отправить отчёт получателям по SMTP.")
@click.option("--dry-run", is_flag=True,
              help="Не отправлять, а сохранить письмо как ФАЙЛ.eml рядом с --out.")
# The environment fallbacks are read by digest.mail.smtp_settings, which words its own errors.
@click.option("--smtp-host", help="SMTP-сервер (по умолчанию — NEWSMON_SMTP_HOST).")
@click.option("--smtp-port", type=click.IntRange(1, 65535),
              help="Порт SMTP (по умолчанию — NEWSMON_SMTP_PORT или 587; 465 — TLS сразу).")
@db_option
def command(month, date_from, to_values, mail_to, out_path: Path, pdf_path: Path | None,
            xlsx_path: Path | None, sources_path: Path | None, send: bool, dry_run: bool,
            smtp_host: str | None, smtp_port: int | None, db_path: Path) -> None:
    """Отчёт за период: HTML, по желанию PDF и XLSX, письмо с вложениями.

    Период — --month ГГГГ-ММ или --from/--to (по умолчанию — прошлый месяц). Получатели —
    --mail-to АДРЕС (можно повторять); прежняя запись --send --to АДРЕС тоже работает: дата в
    --to — конец периода, адрес — получатель. Письмо несёт PDF (если задан --pdf) и таблицу
    всех материалов XLSX. Логин и отправитель SMTP — из NEWSMON_SMTP_USER,
    NEWSMON_SMTP_PASSWORD и NEWSMON_SMTP_FROM; NEWSMON_SMTP_TLS — require (по умолчанию при
    пароле: STARTTLS или ничего), starttls, ssl (порт 465) или none. Кому письмо уже ушло,
    записано в ФАЙЛ.sent.json рядом с --out: повторный запуск пишет только тем, чей сервер
    отказал. Подсказки для аналитика (проекты вне реестра, издания без названия) выводятся
    сюда, в консоль, а не в письмо.

    \b
    Примеры:
      newsmon digest --month 2025-10 --out digest.html --pdf digest.pdf
      newsmon digest --month 2025-10 --out d.html --pdf d.pdf \\
          --send --mail-to press@example.org --mail-to head@example.org
      newsmon digest --from 2025-10-01 --to 2025-10-10 --out d.html --send --to press@example.org
    """
    from newsmon.core.periods import period_from_options, previous_month

    date_to, recipients = split_to_values(to_values)
    recipients += [a.strip() for v in mail_to for a in v.split(",") if a.strip()]
    period = period_from_options(month, date_from, date_to) or previous_month()
    if recipients and not (send or dry_run):
        raise UserError("Получатели указаны, но нет --send (или --dry-run)")
    if send and not dry_run and not recipients:
        raise UserError("Для --send нужен хотя бы один получатель: --mail-to адрес@пример.рф")
    if recipients:
        from digest.mail import check_addresses

        recipients = check_addresses(recipients)
    for path in (out_path, pdf_path, xlsx_path):
        if path is not None and not path.resolve().parent.exists():
            raise UserError(f"Папка не существует: {path.parent}")
    titles = outlet_titles(sources_path)
    settings = None
    if send and not dry_run:
        from digest.mail import smtp_settings

        settings = smtp_settings(smtp_host, smtp_port)  # fail on bad settings before the work

    from digest.build import build_digest
    from digest.render import data_uris, make_images, render_html

    data = build_digest(open_existing_db(db_path), period, titles)
    images = make_images(data)
    out_path.write_text(render_html(data, data_uris(images), inline=False), encoding="utf-8")
    click.echo(f"Дайджест «{data.title}» (HTML): {out_path}")
    if pdf_path is not None:
        from digest.pdf import html_to_pdf

        html_to_pdf(out_path, pdf_path)
        click.echo(f"PDF: {pdf_path}")
    sheet = None
    if xlsx_path is not None or send or dry_run:
        from digest.spreadsheet import materials_xlsx

        sheet = materials_xlsx(data)
        if xlsx_path is not None:
            xlsx_path.write_bytes(sheet)
            click.echo(f"Таблица материалов (XLSX): {xlsx_path}")
    for hint in data.hints:
        click.echo(f"Для аналитика: {hint}")
    if send or dry_run:
        _mail(data, images, recipients, settings, out_path.with_suffix(".eml") if dry_run else None,
              out_path, period, pdf_path, sheet)


def _mail(data, images, recipients: list[str], settings, eml_path: Path | None, out_path: Path,
          period, pdf_path: Path | None, sheet: bytes | None) -> None:
    from digest.mail import DEFAULT_FROM, PDF, XLSX, Attachment, build_message, write_eml
    from digest.render import cid_sources, render_html, render_text
    from digest.spreadsheet import file_stem

    stem = file_stem(data)
    attachments = []
    if pdf_path is not None:
        attachments.append(Attachment(f"{stem}.pdf", pdf_path.read_bytes(), *PDF))
    if sheet is not None and not data.is_empty:
        attachments.append(Attachment(f"{stem}-materials.xlsx", sheet, *XLSX))
    named = " и ".join(n for n, present in (("PDF-версия отчёта", pdf_path is not None),
                                            ("таблица всех материалов (XLSX)",
                                             bool(sheet) and not data.is_empty)) if present)
    msg = build_message(
        subject=data.title,
        html=render_html(data, cid_sources(images), email=True, attachments=named),
        text=render_text(data), images=images,
        sender=settings.sender if settings else _env_sender(DEFAULT_FROM),
        recipients=recipients, attachments=attachments,
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
