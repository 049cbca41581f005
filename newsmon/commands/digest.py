"""`newsmon digest`: the report for a period."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.errors import UserError
from newsmon.options import db_option, open_existing_db, period_options


@click.command("digest")
@period_options
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="Where to write the HTML report.")
@db_option
def command(period, out_path: Path, db_path: Path) -> None:
    """Build the Russian HTML digest for a period (default: the previous month).

    Example: newsmon digest --month 2025-10 --out digest.html
    """
    from digest.build import build_digest
    from digest.render import render_html
    from newsmon.periods import previous_month

    db = open_existing_db(db_path)
    data = build_digest(db, period or previous_month())
    if not out_path.parent.exists():
        raise UserError(f"Папка не существует: {out_path.parent}")
    out_path.write_text(render_html(data), encoding="utf-8")
    click.echo(f"Дайджест за {data.period.label}: {out_path}")
