"""The command line speaks Russian: every command's --help and click's own usage errors."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from newsmon.cli import cli

ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "Error:", "Try '",
           "No such option", "is not one of", "[OPTIONS]", " TEXT ", " INTEGER", " PATH ")


@pytest.mark.parametrize("name", [None, *sorted(cli.commands)])
def test_help_is_russian(name):
    args = ["--help"] if name is None else [name, "--help"]
    result = CliRunner().invoke(cli, args, prog_name="newsmon")
    assert result.exit_code == 0
    assert result.output.startswith(f"Использование: newsmon{' ' + name if name else ''} "
                                    f"[ПАРАМЕТРЫ]")
    assert "Параметры:" in result.output
    found = [word for word in ENGLISH if word in result.output]
    assert not found, found
    # the command's own description is Russian, not only click's frame around it
    first = result.output.split("\n\n")[1].strip()
    assert re.search(r"[а-яё]", first), first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["counts", "--bogus"], "Ошибка: Нет такого параметра: --bogus"),
        (["counts", "--by", "planet"], "Неверное значение '--by': «planet» — допустимо одно из"),
        (["search"], "Ошибка: Не хватает аргумента 'QUERY'."),
        (["serve", "--port", "x"], "Неверное значение '--port': «x» — не число."),
        (["nosuch"], "Ошибка: Нет такой команды: nosuch."),
    ],
)
def test_usage_errors_are_russian(args, message):
    result = CliRunner().invoke(cli, args, prog_name="newsmon")
    assert result.exit_code == 2
    assert message in result.output, result.output
    assert not [word for word in ENGLISH if word in result.output], result.output
