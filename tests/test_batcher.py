from __future__ import annotations

import asyncio

import pytest

from newsmon.crawl.batcher import MicroBatcher


def test_values_are_batched_by_size_then_by_time():
    calls: list[list[int]] = []

    def double(batch: list[int]) -> list[int]:
        calls.append(batch)
        return [2 * v for v in batch]

    async def main():
        batcher = MicroBatcher(double, size=3, wait=0.01)
        return await asyncio.gather(*(batcher.submit(v) for v in range(5)))

    assert asyncio.run(main()) == [0, 2, 4, 6, 8]
    assert calls == [[0, 1, 2], [3, 4]]


def test_a_failure_reaches_every_waiter_of_the_batch():
    def broken(batch: list[int]) -> list[int]:
        raise ValueError("boom")

    async def main():
        batcher = MicroBatcher(broken, size=2, wait=0.01)
        return await asyncio.gather(*(batcher.submit(v) for v in range(2)), return_exceptions=True)

    results = asyncio.run(main())
    assert all(isinstance(r, ValueError) for r in results)


def test_batched_tagging_equals_one_by_one(models):
    from pipeline.tag.run import tag, tag_many

    texts = [
        ("В Уссурийске открылся кризисный центр для мам с детьми.", "Кризисный центр", "RU-PRI"),
        ("Фонд Тимченко поддержал проект «Куратор семьи» в Астраханской области.", "", None),
        ("В Кузбассе прошёл форум приёмных семей.", "Форум", "RU-KEM"),
    ]
    one_by_one = [tag(t, title=ti, home_region_iso=h).to_json() for t, ti, h in texts]
    assert [r.to_json() for r in tag_many(texts)] == one_by_one


@pytest.mark.parametrize("size", [1, 4])
def test_single_value_is_not_held_forever(size):
    async def main():
        batcher = MicroBatcher(lambda b: b, size=size, wait=0.01)
        return await asyncio.wait_for(batcher.submit("x"), timeout=2)

    assert asyncio.run(main()) == "x"
