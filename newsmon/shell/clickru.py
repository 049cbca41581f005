"""click's own words in Russian: «Использование:», «Параметры», «Нет такого параметра…».

click marks its messages with gettext's `_` and `ngettext`, imported into each of its modules.
Shipping a compiled .mo catalogue and switching the process locale would also translate them, but
depends on the user's LANG; instead `install()` points those module globals at a small catalogue
of our own (the messages a user of newsmon can meet), English for anything not in it. Call it
before the commands are defined: some help texts are read when the decorators run.
"""

from __future__ import annotations

import importlib

MESSAGES = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Positional arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "%(prog)s, version %(version)s": "%(prog)s, версия %(version)s",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: {command} {option}",
    "No such option: {name}": "Нет такого параметра: {name}",
    "No such option {name!r}.": "Нет такого параметра: {name}.",
    "No such command {name!r}.": "Нет такой команды: {name}.",
    "Missing command.": "Не указана команда.",
    "Missing argument": "Не хватает аргумента",
    "Missing option": "Не хватает параметра",
    "Missing parameter": "Не хватает значения",
    "Missing parameter: {param_name}": "Не хватает значения: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Option {name!r} does not take a value.": "Параметр {name} не принимает значения.",
    "Argument {name!r} takes {nargs} values.": "Аргументу {name} нужно значений: {nargs}.",
    "{value!r} is not a valid {number_type}.": "«{value}» — не число.",
    "{value} is not in the range {range}.": "{value} вне допустимого диапазона {range}.",
    "{value!r} is not a valid UUID.": "«{value}» — не UUID.",
    "Choose from:\n\t{choices}": "Выберите из:\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name} «{filename}» не существует.",
    "{name} {filename!r} is a directory.": "{name} «{filename}» — это папка.",
    "{name} {filename!r} is a file.": "{name} «{filename}» — это файл.",
    "{name} {filename!r} is not readable.": "{name} «{filename}» нельзя прочитать.",
    "{name} {filename!r} is not writable.": "В {name} «{filename}» нельзя записать.",
    "Could not open file {filename!r}: {message}": "Не удалось открыть «{filename}»: {message}",
    "file": "Файл",
    "directory": "Папка",
    "path": "Путь",
    "default: {default}": "по умолчанию: {default}",
    "env var: {var}": "переменная окружения: {var}",
    "required": "обязательно",
    "Aborted!": "Прервано.",
}
PLURALS = {
    "Got unexpected extra argument ({args})": (
        "Лишний аргумент: {args}", "Лишние аргументы: {args}"),
    "Option {name!r} requires an argument.": (
        "Параметру {name} нужно значение.", "Параметру {name} нужно значений: {nargs}."),
    "{value!r} is not {choice}.": (
        "«{value}» — допустимо только {choice}.", "«{value}» — допустимо одно из: {choices}."),
    "Did you mean {possibility}?": (
        "Может быть, {possibility}?", "(Может быть, одно из: {possibilities}?)"),
    "Takes {nargs} values but 1 was given.": (
        "Нужно значений: {nargs}, а дано 1.", "Нужно значений: {nargs}, а дано {len}."),
}
MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui", "utils",
           "shell_completion")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """Point click's `_`/`ngettext` at the Russian catalogue (idempotent)."""
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


TYPE_METAVARS = {"text": "ТЕКСТ", "integer": "ЧИСЛО", "integer range": "ЧИСЛО", "path": "ПУТЬ",
                 "file": "ФАЙЛ", "directory": "ПАПКА", "float": "ЧИСЛО"}


def localize(group) -> None:
    """«[ПАРАМЕТРЫ]» in usage lines and Russian metavars (ТЕКСТ, ПУТЬ…) for every option of every
    command of `group` that names none of its own."""
    import click

    commands = [group, *getattr(group, "commands", {}).values()]
    for command in commands:
        command.options_metavar = "[ПАРАМЕТРЫ]"
        if isinstance(command, click.Group):
            command.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag and param.metavar is None:
                name = getattr(param.type, "name", "")
                if name in TYPE_METAVARS:
                    param.metavar = TYPE_METAVARS[name]
