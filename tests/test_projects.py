"""Named projects: quoted names with head words, register aliases, later mentions, traps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsmon.core.errors import UserError
from pipeline.lang.quotes import find_quotes
from pipeline.tag.projects.tagger import (
    ProjectHit,
    canonical_project_name,
    find_projects,
    load_registry,
)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def names(text: str, registry) -> dict[str, int]:
    return {h.name: h.mentions for h in find_projects(text, registry)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В рамках проекта «Защитники детства» семьи получили помощь.", {"Защитники детства": 1}),
        ("Внедряется технология социального сопровождения «Куратор семьи».", {"Куратор семьи": 1}),
        ("Регион выполняет показатели нацпроекта «Демография».", {"Демография": 1}),
        (
            "Публикуются материалы о проектах «Моя семья» и «Семейный навигатор».",
            {"Моя семья": 1, "Семейный навигатор": 1},
        ),
        (
            "Проект по сопровождению семей в трудной жизненной ситуации и сохранению ребенка "
            "в семье «Защитники детства» стартовал.",
            {"Защитники детства": 1},
        ),
        ("Объявлены победители инициативы «Вектор «Детство-2018».", {"Вектор «Детство»": 1}),
        ("Акция „Собери ребенка в школу“ прошла в Уссурийске.", {"Собери ребенка в школу": 1}),
        ('Программа "Мама рядом" помогла 40 семьям.', {"Мама рядом": 1}),
        ("«Семейная гостиная» — проект для приемных родителей.", {"Семейная гостиная": 1}),
        ("«Семейный очаг»: проект помог 50 семьям", {"Семейный очаг": 1}),
        ("«Дом на полпути», проект фонда «Дети», помогает выпускникам.", {"Дом на полпути": 1}),
        ("Фонд запустил новую программу («Семья в приоритете»).", {"Семья в приоритете": 1}),
        ("Проект, получивший название «Семья для каждого», стартует.", {"Семья для каждого": 1}),
        (
            "Проект фонда «Арифметика добра» «Семья помогает семье» вышел на федеральный уровень.",
            {"Семья помогает семье": 1},
        ),
        (
            "„В проекте «Близкие люди» участвуют уже 40 семей“, — рассказала Анна Смирнова.",
            {"Близкие люди": 1},
        ),
        (
            "Программы «Мамина школа», «Папа рядом», а также проект «Бабушкин дом».",
            {"Мамина школа": 1, "Папа рядом": 1, "Бабушкин дом": 1},
        ),
        ("Проект-победитель «Семейные ценности» получит грант.", {"Семейные ценности": 1}),
        ("Проект администрации города «Народный бюджет» продлён.", {"Народный бюджет": 1}),
        ("Проекты: «Альфа»; «Бета»; «Гамма».", {"Альфа": 1, "Бета": 1, "Гамма": 1}),
        ("Практики: «Альфа» (Пенза); «Бета» (Тула).", {"Альфа": 1, "Бета": 1}),
        (
            "Проекты «Альфа», «Бета», а также «Гамма» получили гранты.",
            {"Альфа": 1, "Бета": 1, "Гамма": 1},
        ),
        (
            "Стартовал проект для выпускников детских домов «Шаг вперёд».",
            {"Шаг вперед": 1},
        ),
    ],
)
def test_named_project_is_found(text, expected, registry):
    assert names(text, registry) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Благотворительный фонд «Солнечный город» подписал соглашение.",
        "АНО «Детские деревни» и центр «Радуга» провели встречу.",
        "Всероссийский форум под названием «Жить и воспитываться в семье» открылся.",
        "Конкурс социальных проектов «Добрый регион» завершился.",
        "Депутаты обсудили проект бюджета и проект закона «Об опеке и попечительстве».",
        "«Мы помогли уже ста семьям», — рассказала руководитель проекта.",
        "Отметим, проект наставничества – это международное движение.",
        "Регион выстроил систему услуг по принципу «одного окна».",
        "Назначенный куратор семьи поможет справиться с трудностями.",
        "Проект освещала газета «Приамурские ведомости».",
        "Депутаты обсудили инициативу «Единой России» о семейной ипотеке.",
        "Об этом министр рассказала в эфире программы «Доброе утро».",
        "Акции «Сбербанка» за неделю подешевели на 2%.",
        "Для родителей запустили мобильное приложение «Моя семья».",
        "В номинации «Лучший семейный проект» победили томичи.",
        "Программа фонда «Обнажённые сердца» помогает семьям.",
        "В Курске открылся центр «Семья». В «Семье» работают психологи.",
        "Фонды «Альфа», «Бета», а также «Гамма» подписали соглашение.",
        "«Кризис — не приговор»: как работает программа помощи мамам",
    ],
)
def test_trap_is_not_a_project(text, registry):
    assert names(text, registry) == {}


def test_later_bare_mentions_count_for_the_introduced_project(registry):
    text = (
        "В рамках проекта «Тёплый дом» семьи получили помощь. Позже «Теплый дом» расширили, "
        "а в «Тёплом доме» открыли класс. Сейчас в Тёплом доме живут три семьи."
    )
    assert find_projects(text, registry) == [ProjectHit("Теплый дом", 4, registered=False)]


def test_generic_plural_is_not_a_later_mention(registry):
    text = (
        "Кураторы семей помогли сохранить в кровных семьях 120 детей. Технология «Куратор семьи» "
        "внедрена во всех районах. Куратор семьи составляет план выхода из кризиса."
    )
    assert find_projects(text, registry) == [ProjectHit("Куратор семьи", 2, registered=True)]


def test_dash_and_hyphen_spellings_are_one_project(registry):
    text = "Программа «Семья – детям» стартовала. В «Семье — детям» и в «Семье-детям» 40 семей."
    assert find_projects(text, registry) == [ProjectHit("Семья — детям", 3, registered=False)]


def test_registered_alias_found_without_quotes_or_head(registry):
    text = "Специалисты учатся работать по технологии Куратор семьи. Куратор семьи помогает семьям."
    assert find_projects(text, registry) == [ProjectHit("Куратор семьи", 2, registered=True)]


@pytest.mark.parametrize(
    "variant",
    [
        "«Вектор „Детство-2018“»",
        "ВЕКТОР «ДЕТСТВО–2018»",
        '"Вектор "Детство-2018""',
        "Вектор «Детство-2018",
    ],
)
def test_name_variants_share_one_canonical_name(variant):
    assert canonical_project_name(variant) == "Вектор «Детство-2018»"


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("ДЕТИ РОССИИ", "Дети России"),
        ("дети россии", "Дети России"),
        ("Моя Семья", "Моя семья"),
        ("«Семья для ребёнка»", "Семья для ребенка"),
        ("ЗОЖ в семье", "ЗОЖ в семье"),
    ],
)
def test_case_variants_keep_proper_nouns_and_acronyms(variant, canonical):
    assert canonical_project_name(variant) == canonical


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("проект «Вектор «Детство-2018»» стартовал", ["Вектор «Детство-2018»"]),
        ("программа „Мама рядом“ и “Папа рядом”", ["Мама рядом", "Папа рядом"]),
        ('проект "Старшие "Братья"" и "Сестры"', ['Старшие "Братья"', "Сестры"]),
        ("размер 5\" и проект \"Альфа\"", ["Альфа"]),
        ("проект «Альфа\nБета» и «Гамма»", ["Гамма"]),
        ("стрелка » и проект «Альфа»", ["Альфа"]),
    ],
)
def test_quote_styles_nesting_and_stray_marks(text, inner):
    assert [q.inner(text) for q in find_quotes(text)] == inner


def test_unbalanced_nested_quote_closes_both_levels():
    text = "организации «Проектная группа «Союзники» победила в номинации «Наставничество»."
    assert [q.inner(text) for q in find_quotes(text)] == [
        "Проектная группа «Союзники",
        "Наставничество",
    ]


def test_user_register_extends_the_shipped_one(tmp_path: Path):
    user = tmp_path / "projects.yml"
    user.write_text(
        "projects:\n  - name: Теплые руки\n    aliases: [Теплые ладошки]\n    years: 2020-2022\n"
        "    regions: [Приморье]\n"
        "  - name: Куратор семьи\n    aliases: [Семейный куратор]\n",
        encoding="utf-8",
    )
    registry = load_registry(user)
    assert registry.get("Теплые руки").years == (2020, 2021, 2022)
    assert registry.get("Теплые руки").regions == ("Приморский край",)
    assert "Семейный куратор" in registry.get("Куратор семьи").aliases
    hits = find_projects("Программа Теплые ладошки и технология Семейный куратор.", registry)
    found = {(h.name, h.registered) for h in hits}
    assert found == {("Теплые руки", True), ("Куратор семьи", True)}


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("projects:\n  - name: А\n  - name: Б\n    alias: [В]\n", 3),
        ("projects:\n  - aliases: [Б]\n", 2),
        ("projects:\n  - name: А\n\n  - name: Б\n    years: когда-то\n", 4),
        ("projects:\n  - name: А\n    aliases: [Б, [В]]\n", 2),
        ("projects:\n  - name: А\n  - name: Б\n    aliases: [А]\n", 3),
        ("projects:\n  - name: А\n  - name: Б\n    regions: [Атлантида]\n", 3),
        ("projects:\n  - name: [А\n", 3),
        ("projekts: []\n", 1),
    ],
)
def test_mistake_in_user_register_names_file_and_line(tmp_path: Path, content, line):
    user = tmp_path / "projects.yml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=rf"projects\.yml, строка {line}: ") as error:
        load_registry(user)
    assert "\n" not in str(error.value)


def test_missing_user_register_is_a_user_error(tmp_path: Path):
    with pytest.raises(UserError, match="projects.yml"):
        load_registry(tmp_path / "projects.yml")


def test_shipped_register_is_clean(registry):
    m = registry.markers
    words = [*m.heads, *m.head_suffixes, *m.not_heads, *m.conjunctions, *m.name_words]
    assert all(w == w.lower() and "ё" not in w for w in words)
    assert not any(re.search("[a-z]", w) and re.search("[а-я]", w) for w in words)
    assert not m.heads & m.not_heads
    texts = [t for p in registry.projects for t in (p.name, *p.aliases)]
    assert not any(re.search("[A-Za-z]", t) and re.search("[А-Яа-я]", t) for t in texts)


def test_every_registered_alias_finds_its_project(registry):
    for project in registry.projects:
        for alias in (project.name, *project.aliases):
            hits = find_projects(f"В области стартовал проект «{alias}».", registry)
            assert hits == [ProjectHit(project.name, 1, registered=True)], alias


@pytest.mark.parametrize(
    ("typed", "counted"),
    [
        ("Вектор Детство", "Вектор «Детство»"),
        ("куратора семьи", "Куратор семьи"),
        ("«Семья для ребёнка»", "Семья для ребенка"),
        ("ТЁПЛЫЙ ДОМ", "Теплый дом"),
    ],
)
def test_registry_canonical_resolves_aliases_for_filters(registry, typed, counted):
    assert registry.canonical(typed) == counted

