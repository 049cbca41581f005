"""The floor to beat: count generic positive and negative words in the whole text, ignoring the
object, negation, tense and trends — what a sentiment word list does."""

from __future__ import annotations

from pipeline.lang.morph import tokenize

POSITIVE = frozenset({
    "помощь", "помочь", "поддержка", "поддержать", "успех", "успешный", "лучший", "победа",
    "победитель", "награда", "наградить", "открыть", "открыться", "радость", "рад", "спасибо",
    "благодарить", "благодарность", "хороший", "отличный", "новый", "развитие", "забота",
    "улучшение", "рост", "выделить", "грант", "праздник", "счастье", "восторг", "браво",
    "молодец", "поздравлять", "прекрасный", "замечательный", "эффективный", "рекорд",
})
NEGATIVE = frozenset({
    "нарушение", "жалоба", "жаловаться", "пожаловаться", "проблема", "суд", "уголовный",
    "смерть", "погибнуть", "пожар", "насилие", "избить", "отказ", "отказать", "изъятие",
    "лишение", "снижение", "сокращение", "сократить", "задержка", "критика", "раскритиковать",
    "скандал", "плохой", "ужасный", "беда", "трагедия", "закрыть", "закрыться", "ошибка", "сбой",
    "нехватка", "прокуратура", "незаконный", "халатность", "обвинить", "сбежать", "побои",
})


def baseline_tone(text: str, obj: str | None = None) -> str:
    score = 0
    for token in tokenize(text):
        score += (token.lemma in POSITIVE) - (token.lemma in NEGATIVE)
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"
