"""Story clustering quality on constructed pairs: reprints and rewrites join, other stories don't.

Positives: verbatim reprints with a dateline, a photo credit and «Источник:» line; shortened
reprints; automatic rewrites (sentences and paragraphs reordered, words dropped, a sentence added);
hand-written light rewrites; independently written reports of the same event (one story: the
same event, facts and names — docs/stories.md; issue 17 made rewrites join, and an independent
report cannot be told from a rewrite). Negatives: every pair of different stories (several share
a topic, region or foundation), and short notes that share only an outlet's footer.
"""

from __future__ import annotations

import itertools
import re

import pytest

from db.stories import StoryIndex
from pipeline.cluster.minhash import from_bytes, same_story, signature, to_bytes

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95

STORIES = {
    "crisis_ussur": """В Уссурийске открылся кризисный центр для женщин с детьми, оказавшихся в трудной жизненной ситуации. Центр рассчитан на двенадцать мест и будет работать круглосуточно.
Проект реализован при поддержке Фонда поддержки детей, находящихся в трудной жизненной ситуации, и администрации Уссурийского городского округа. На ремонт здания и закупку мебели направили более шести миллионов рублей.
«Мамы с малышами смогут прожить здесь до шести месяцев, получить помощь психолога и юриста, восстановить документы и найти работу», — рассказала директор центра Ольга Савченко.
Специалисты учреждения также будут сопровождать семьи после выезда из центра. По словам организаторов, за первый год помощь смогут получить не менее ста женщин.
В Приморском крае это уже третий подобный центр: ранее такие учреждения открылись во Владивостоке и Находке.""",
    "crisis_khab": """В Хабаровске подвели итоги первого года работы кризисного отделения для мужчин, попавших в сложную ситуацию. За это время в отделение обратились восемьдесят семь отцов, воспитывающих детей в одиночку.
Отделение открыто на базе комплексного центра социального обслуживания населения по Хабаровскому району. Здесь мужчинам помогают оформить пособия, найти жильё и устроить детей в детский сад.
Руководитель центра Андрей Ковалёв отметил, что большинство обращений связано с потерей работы и долгами по коммунальным платежам. Для таких семей разработана программа сопровождения на полгода.
Министерство социальной защиты края планирует открыть ещё два таких отделения — в Комсомольске-на-Амуре и Амурске — до конца следующего года.""",
    "crisis_vlad": """Во Владивостоке кризисный центр для женщин получил грант Фонда поддержки детей, находящихся в трудной жизненной ситуации. Средства пойдут на работу группы дневного пребывания для детей.
Пока мамы проходят обучение или ищут работу, с малышами будут заниматься воспитатели и логопед. Группа откроется в феврале и примет до десяти детей.
За прошлый год центр принял семьдесят женщин, большинство из них смогли вернуться к самостоятельной жизни, сообщили в министерстве труда и социальной политики Приморского края.""",
    "mentor_kha": """В Хабаровском крае стартовала программа наставничества для выпускников детских домов. Первые двадцать пар наставников и подопечных познакомились на встрече в краевом центре «Семья».
Программа рассчитана на два года. Наставники — волонтёры, прошедшие обучение и психологическое тестирование, — помогут молодым людям освоить бытовые навыки, выбрать профессию и научиться распоряжаться деньгами.
«Выпускник детского дома часто остаётся один на один с взрослой жизнью. Значимый взрослый рядом снижает риск того, что молодой человек собьётся с пути», — подчеркнула уполномоченный по правам ребёнка в крае Виктория Кузнецова.
Организаторы рассчитывают, что в следующем году к программе присоединятся ещё сорок выпускников из Николаевска-на-Амуре и Бикина.""",
    "mentor_nsk": """В Новосибирске наградили лучших наставников проекта «Старт в будущее», который помогает подросткам из социальных приютов. Церемония прошла в областной библиотеке.
За три года участниками проекта стали сто двадцать ребят. Каждый из них встречается со своим наставником не реже раза в неделю: вместе они ходят в музеи, занимаются спортом, готовятся к экзаменам.
Благодарственные письма получили пятнадцать волонтёров. Самый опытный из них, инженер Сергей Левин, сопровождает уже третьего подопечного.
Проект поддерживает Благотворительный фонд Елены и Геннадия Тимченко. В следующем году организаторы планируют открыть набор наставников в Бердске и Искитиме.""",
    "mentor_omsk": """Благотворительный фонд Елены и Геннадия Тимченко поддержит программу наставничества в Омской области. Грант получила некоммерческая организация «Дом надежды».
В течение года наставниками для подростков из социальных приютов станут тридцать волонтёров. Перед началом работы они пройдут обучение у психологов и встретятся с опытными наставниками из других регионов.
Руководитель организации Марина Белова рассказала, что первые встречи наставников с ребятами пройдут уже в ноябре.""",
    "foster_perm": """В Пермском крае за год число приёмных семей выросло на двенадцать процентов. Об этом сообщили на заседании краевой комиссии по делам несовершеннолетних.
Сейчас в регионе более трёх тысяч замещающих семей, в которых воспитываются почти пять тысяч детей. Больше всего детей передано в семьи в Перми, Березниках и Соликамске.
Министр социального развития края напомнил, что будущие приёмные родители бесплатно проходят обучение в школах приёмных родителей. В этом году такие курсы окончили четыреста человек.
Кроме того, в крае увеличили ежемесячные выплаты на содержание приёмных детей и ввели компенсацию расходов на отдых семей летом.""",
    "foster_kirov": """Кировская семья Волковых, воспитывающая девять приёмных детей, стала победителем всероссийского конкурса «Семья года» в номинации «Хранители традиций».
Супруги Волковы взяли первого ребёнка из детского дома пятнадцать лет назад. Сейчас в их большом доме в селе Бобино живут дети от трёх до семнадцати лет.
Семья держит хозяйство, вместе с детьми выступает в фольклорном ансамбле и каждое лето организует для односельчан праздник Ивана Купалы.
Награду Волковым вручили в Москве на торжественной церемонии. Губернатор области поздравил семью и пообещал помочь с ремонтом дома.""",
}

# The same event written independently by another outlet: same facts and names, other wording.
# One story (docs/stories.md); looser than a rewrite (facts dropped and rounded), so they count in
# the floors below but not in the strict per-kind check; eval/run_stories.py measures rewrites.
INDEPENDENT = {
    "crisis_ussur": """Ещё один центр помощи мамам в беде появился в Приморье — на этот раз в Уссурийске. В учреждении двенадцать койко-мест, двери открыты днём и ночью.
Как пояснила руководитель Ольга Савченко, женщины смогут оставаться в центре до полугода. С ними работают психолог и юрист, помогают с документами и трудоустройством.
Деньги на ремонт и обстановку — свыше шести миллионов — выделили городской округ и Фонд поддержки детей. Раньше похожие центры заработали во Владивостоке и Находке.""",
    "mentor_kha": """Двадцать выпускников сиротских учреждений Хабаровского края получили взрослых друзей-наставников. Знакомство прошло в центре «Семья».
Волонтёры прошли отбор и обучение и будут два года помогать ребятам с бытом, учёбой и финансами. Детский омбудсмен Виктория Кузнецова считает, что поддержка взрослого защищает молодых людей от ошибок.
В будущем году программу расширят на Николаевск-на-Амуре и Бикин, где наставников получат ещё сорок человек.""",
}

# Light rewrites by hand: a new first sentence, reordered and edited sentences, one dropped.
REWRITES = {
    "foster_perm": """Число приёмных семей в Пермском крае за год увеличилось на двенадцать процентов, сообщили на заседании краевой комиссии по делам несовершеннолетних.
Будущие приёмные родители бесплатно проходят обучение в школах приёмных родителей, напомнил министр социального развития края. В этом году курсы окончили четыреста человек.
Сейчас в регионе более трёх тысяч замещающих семей, где воспитываются почти пять тысяч детей. Больше всего детей передано в семьи в Перми, Березниках и Соликамске.
Также в крае увеличили ежемесячные выплаты на содержание приёмных детей.""",
    "crisis_khab": """Восемьдесят семь одиноких отцов обратились за год в кризисное отделение для мужчин в Хабаровске, которое подвело итоги первого года работы.
Отделение работает на базе комплексного центра социального обслуживания населения по Хабаровскому району. Мужчинам здесь помогают оформить пособия, найти жильё и устроить детей в детский сад.
По словам руководителя центра Андрея Ковалёва, большинство обращений связано с потерей работы и долгами по коммунальным платежам. Для таких семей разработали программу сопровождения на полгода.
До конца следующего года краевое министерство социальной защиты откроет ещё два таких отделения — в Комсомольске-на-Амуре и Амурске.""",
}

# A site footer the extractor let through (it starts with a footer marker of boilerplate.yml).
FOOTER = (
    "При перепечатке материалов ссылка на сайт обязательна. Сообщить новость можно по телефону "
    "редакции или через форму на сайте, материалы с пометкой «Реклама» публикуются на правах "
    "рекламы. Подписывайтесь на наш канал в Телеграме и группу ВКонтакте."
)
# A background paragraph press releases repeat under different news.
BACKGROUND = (
    "Напомним, национальный проект «Семья» реализуется в регионе с 2025 года. Его цель — "
    "поддержка многодетных семей, повышение рождаемости и укрепление традиционных семейных "
    "ценностей. В рамках проекта в крае открываются семейные многофункциональные центры, "
    "ремонтируются женские консультации и строятся детские сады."
)
SHORT_NOTES = [
    "В субботу в городском парке пройдёт семейный праздник с конкурсами и концертом.",
    "На улице Ленина до пятницы ограничат движение из-за ремонта теплотрассы.",
    "Школьники района заняли второе место на областной олимпиаде по математике.",
]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _sentences(par: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?»])\s+(?=[А-ЯЁ«])", par) if s]


def reprint(text: str) -> str:
    """Verbatim, with a dateline, a photo credit and a source line."""
    pars = _paragraphs(text)
    pars[0] = "ХАБАРОВСК, 3 октября. " + pars[0]
    pars.insert(1, "Фото: пресс-служба правительства края")
    return "\n".join([*pars, "Источник: ИА «Восток-Медиа»"])


def shortened_reprint(text: str) -> str:
    pars = _paragraphs(text)
    return "\n".join([*pars[: max(2, len(pars) // 2)], "По материалам пресс-службы администрации"])


def rewrite(text: str) -> str:
    """Sentences rotated in each paragraph, every sixth word of one paragraph dropped, a paragraph
    moved to the end and a sentence added."""
    out = []
    for i, par in enumerate(_paragraphs(text)):
        sents = _sentences(par)
        sents = sents[1:] + sents[:1]
        if i == 1:
            words = " ".join(sents).split(" ")
            sents = [" ".join(w for j, w in enumerate(words) if j % 6 != 5)]
        out.append(" ".join(sents))
    if len(out) > 2:
        out = out[:1] + out[2:] + out[1:2]
    out.append("Напомним, ранее эту тему обсуждали на заседании профильного комитета.")
    return "\n".join(out)


def _pairs() -> list[tuple[str, str, str, bool]]:
    pairs = []
    for key, text in STORIES.items():
        pairs += [
            (f"{key}: reprint", text, reprint(text), True),
            (f"{key}: shortened reprint", text, shortened_reprint(text), True),
            (f"{key}: rewrite", text, rewrite(text), True),
            (f"{key}: rewrite of a reprint", reprint(text), rewrite(text), True),
        ]
    pairs += [(f"{k}: hand rewrite", STORIES[k], t, True) for k, t in REWRITES.items()]
    pairs += [(f"{k}: independent report", STORIES[k], t, True) for k, t in INDEPENDENT.items()]
    pairs += [
        (f"{a} / {b}", STORIES[a], STORIES[b], False)
        for a, b in itertools.combinations(STORIES, 2)
    ]
    pairs += [
        ("notes sharing a footer", f"{a}\n{FOOTER}", f"{b}\n{FOOTER}", False)
        for a, b in itertools.combinations(SHORT_NOTES, 2)
    ]
    pairs += [
        (f"{a} / {b} sharing background", f"{STORIES[a]}\n{BACKGROUND}",
         f"{STORIES[b]}\n{BACKGROUND}", False)
        for a, b in itertools.combinations(["crisis_vlad", "mentor_omsk", "foster_kirov"], 2)
    ]
    return pairs


PAIRS = _pairs()


@pytest.fixture(scope="module")
def judged():
    return [(name, same_story(signature(a), signature(b)), truth) for name, a, b, truth in PAIRS]


def test_story_pairs_precision_and_recall_reach_floors(judged):
    tp = sum(1 for _, said, truth in judged if said and truth)
    fp = [name for name, said, truth in judged if said and not truth]
    fn = [name for name, said, truth in judged if truth and not said]
    precision = tp / (tp + len(fp)) if tp + len(fp) else 0.0
    recall = tp / (tp + len(fn))
    assert precision >= PRECISION_FLOOR, f"false merges: {fp}"
    assert recall >= RECALL_FLOOR, f"missed reprints: {fn}"


@pytest.mark.parametrize("kind", ["reprint", "rewrite", " / ", "sharing"])
def test_each_kind_of_pair_is_judged_right(judged, kind):
    wrong = [name for name, said, truth in judged if kind in name and said != truth]
    assert not wrong


def test_signature_survives_storage_with_its_size_and_hashes():
    sig = signature(STORIES["foster_kirov"])
    back = from_bytes(to_bytes(sig))
    assert back.size == sig.size == len(back.hashes) > 50
    assert back.jaccard(sig) == 1.0
    assert same_story(back, signature(reprint(STORIES["foster_kirov"])))


def test_signature_with_size_only_still_compares():
    import struct

    from datasketch import LeanMinHash

    sig = signature(STORIES["foster_perm"])
    buf = bytearray(LeanMinHash(sig).bytesize())
    LeanMinHash(sig).serialize(buf)
    back = from_bytes(struct.pack("<4sI", b"NMS1", sig.size) + bytes(buf))
    assert back.size == sig.size and back.hashes is None
    assert same_story(back, signature(rewrite(STORIES["foster_perm"])))


def test_signature_from_first_version_still_compares():
    from datasketch import LeanMinHash

    old = signature(STORIES["foster_perm"])
    buf = bytearray(LeanMinHash(old).bytesize())
    LeanMinHash(old).serialize(buf)
    assert same_story(from_bytes(bytes(buf)), signature(reprint(STORIES["foster_perm"])))


def test_index_finds_reprints_incrementally_and_nothing_else():
    index = StoryIndex()
    for i, text in enumerate(STORIES.values()):
        index.add(i, signature(text))
    keys = list(STORIES)
    assert index.similar(signature(rewrite(STORIES["mentor_nsk"]))) == [keys.index("mentor_nsk")]
    assert index.similar(signature(f"{SHORT_NOTES[0]}\n{BACKGROUND}")) == []
    index.add(100, signature(reprint(STORIES["mentor_omsk"])))
    assert sorted(index.similar(signature(STORIES["mentor_omsk"]))) == [
        keys.index("mentor_omsk"), 100
    ]


def test_index_loads_recent_signatures_from_the_database(tmp_path):
    import datetime as dt

    from tests.factories import article, make_db

    today = dt.date.today()
    db = make_db(tmp_path / "c.db", [
        article(STORIES["mentor_nsk"], published=(today - dt.timedelta(days=3)).isoformat()),
        article(STORIES["foster_kirov"], published="2019-01-10"),
        article(STORIES["crisis_khab"], published="2019-01-11"),
    ])
    db.execute("update articles set fetched_at = '2019-01-12T03:00:00+00:00' where id > 1")
    db.execute("update articles set fetched_at = datetime('now') where id = 3")  # a back-catalogue
    assert sorted(StoryIndex.from_db(db).signatures) == [1, 3]
    assert sorted(StoryIndex.from_db(db, days=None).signatures) == [1, 2, 3]
    assert StoryIndex.from_db(db).similar(signature(reprint(STORIES["mentor_nsk"]))) == [1]
    # A replayed night (NEWSMON_CRAWL_TIME) ends the window then, not at the clock's today: the
    # night's reprint of an article stored the night before still finds it.
    then = dt.datetime(2019, 1, 20, 18, tzinfo=dt.timezone.utc)
    assert {2, 3} <= set(StoryIndex.from_db(db, now=then).signatures)


def test_round_up_quoting_two_stories_joins_only_one():
    index = StoryIndex()
    index.add(1, signature(STORIES["crisis_ussur"]))
    index.add(2, signature(reprint(STORIES["crisis_ussur"])))
    index.add(3, signature(STORIES["foster_kirov"]))
    round_up = "Главное за неделю.\n" + STORIES["crisis_ussur"] + "\n" + STORIES["foster_kirov"]
    assert index.similar(signature(round_up)) in ([1, 2], [3])


KUBAN = """Пять специалистов некоммерческих организаций Краснодарского края прошли стажировку в пермском фонде «Родные люди». Кубанские психологи и кураторы три дня изучали, как устроена программа наставничества «Старший друг».
Руководитель программы Анна Мельникова показала, как фонд подбирает и обучает наставников, как сопровождает пары и как работает с воспитанниками детских домов.
Вернувшись в Краснодар, специалисты планируют запустить наставничество для подростков из центров содействия семейному воспитанию."""
PERM = """Коллеги с Кубани прошли стажировку в программе наставничества «Старший друг». Три дня психологи и кураторы из Краснодара знакомились с работой нашего фонда «Родные люди».
Анна Мельникова рассказала гостям о подборе и обучении наставников и сопровождении пар, а наши наставники поделились опытом общения с подростками.
Мы рады, что опыт Прикамья пригодится коллегам, и будем консультировать их при запуске программы."""
OTHER_SAME_DAY = """В Перми открылся клуб для приёмных родителей. Встречи будут проходить по субботам в библиотеке на улице Ленина.
Психологи центра «Семья» расскажут о кризисах подросткового возраста и ответят на вопросы родителей."""


def test_two_newsrooms_reports_of_one_event_join_only_within_days():
    """An independent report (its own words, the same names) is the same story when the two
    come out within days of each other; the same pair weeks apart, or another event of the
    same days, is not."""
    import datetime as dt

    day = dt.date(2025, 10, 29)
    index = StoryIndex()
    for i, text in enumerate(STORIES.values(), start=10):  # a night's archive: content words' IDF
        index.add(i, signature(text), published=day - dt.timedelta(days=i % 7))
    index.add(1, signature(KUBAN), published=day)
    index.add(2, signature(OTHER_SAME_DAY), published=day)
    assert index.similar(signature(PERM), published=day + dt.timedelta(days=1)) == [1]
    assert index.similar(signature(PERM), published=day + dt.timedelta(days=10)) == []


def test_a_new_databases_first_articles_weigh_words_equally():
    """IDF over one stored article makes its every word look common: the second article of a
    new database compares on equal weights until the index holds enough articles."""
    import datetime as dt

    day = dt.date(2025, 10, 29)
    index = StoryIndex()
    index.add(1, signature(KUBAN), published=day)
    assert index.idf()(12345) == index.idf()(54321) == 1.0
    assert index.similar(signature(PERM), published=day + dt.timedelta(days=1)) == [1]
