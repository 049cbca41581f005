"""Upgrades: a database built at every earlier schema version opens, keeps its data and works."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from db import open_db
from db.migrations import migrations, schema_version
from db.queries import counts
from db.search import lemma_text, search
from db.store import ArticleRecord, store_article
from newsmon.core.periods import parse_month
from pipeline.cluster.minhash import signature

NAMES = [m.name for m in migrations._migrations]
TEXT = ("В Уссурийске открылся кризисный центр для женщин с детьми. Центр рассчитан на двенадцать "
        "мест и будет работать круглосуточно. Помощь окажут психолог и юрист.")


def _old_signature(text: str) -> bytes:
    """A signature as the first version stored it: surface-word 3-shingles, a bare LeanMinHash."""
    import re

    from datasketch import LeanMinHash, MinHash

    words = [w.lower().replace("ё", "е") for w in re.findall(r"\w+", text)]
    mh = MinHash(num_perm=128)
    mh.update_batch([" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)])
    lean = LeanMinHash(mh)
    buf = bytearray(lean.bytesize())
    lean.serialize(buf)
    return bytes(buf)


def _signature_as_of(version: int, text: str) -> bytes:
    """Signatures in today's format from the migration that introduced it on; older before."""
    from pipeline.cluster.minhash import to_bytes

    if version > NAMES.index("m0008_minhash_shingle_hashes"):
        return to_bytes(signature(text))
    return _old_signature(text)


def _add_rows_as_of(db: Database, version: int) -> None:
    """Rows as the code of that schema version wrote them (plain SQL, no current helpers)."""
    db.execute("insert into regions values ('RU-PRI', 'Приморский край', 'Дальневосточный')")
    # named columns: later versions add columns of their own (m0017, m0018)
    for name, url in (("primamedia", "https://primamedia.ru/"), ("vl", "https://vl.ru/")):
        db.execute("insert into sources (name, url, region_iso) values (?, ?, 'RU-PRI')",
                   [name, url])
    for aid, source, day in ((1, "primamedia", "2025-10-02"), (2, "vl", "2025-10-03")):
        db.execute(
            "insert into articles (id, url, source, title, text, published, relevant, story_id) "
            "values (?, ?, ?, 'Кризисный центр', ?, ?, 1, 1)",
            [aid, f"https://{source}/{aid}", source, TEXT, day],
        )
        db.execute("insert into article_regions values (?, 'RU-PRI', 2)", [aid])
        db.execute("insert into article_topics values (?, 'кризисные центры')", [aid])
        db.execute("insert into article_minhash values (?, ?)", [aid, _signature_as_of(version, TEXT)])
        if "articles_fts" in db.table_names():
            columns = [r[1] for r in db.execute("pragma table_info(articles_fts)")]
            values = {"title": lemma_text("Кризисный центр"), "body": lemma_text(TEXT),
                      "tags": "m202510 rrupri"}
            db.execute(
                f"insert into articles_fts (rowid, {', '.join(columns)}) "
                f"values (?, {', '.join('?' * len(columns))})",
                [aid, *(values[c] for c in columns)],
            )
    db.conn.commit()


def _build_at(path, version: int) -> None:
    conn = sqlite3.connect(str(path))
    db = Database(conn)
    migrations.apply(db, stop_before=NAMES[version])
    db.execute(f"PRAGMA user_version = {version}")
    _add_rows_as_of(db, version)
    conn.close()


@pytest.mark.parametrize("version", range(1, len(NAMES)), ids=lambda v: f"from-{NAMES[v - 1]}")
def test_upgrade_from_every_earlier_version_keeps_data_and_works(tmp_path, version):
    path = tmp_path / "old.db"
    _build_at(path, version)
    db = open_db(path)
    assert schema_version(db) == len(NAMES)
    assert migrations.pending(db) == []
    assert db.execute("select count(*) from articles").fetchone()[0] == 2
    assert counts(db, "region", parse_month("2025-10")) == [
        {"region": "Приморский край", "iso": "RU-PRI", "materials": 2, "stories": 1, "mentions": 4}
    ]
    assert sorted(r["id"] for r in search(db, "кризисных центрах")) == [1, 2]
    from pipeline.cluster.minhash import StoryIndex, from_bytes

    index = StoryIndex()
    for aid, blob in db.execute("select article_id, signature from article_minhash"):
        index.add(aid, from_bytes(blob))
    sig = signature(TEXT + " Источник: ИА «Восток-Медиа»")
    new_id = store_article(
        db,
        ArticleRecord(url="https://ussur/3", source="vl", text=TEXT, title="Центр открылся",
                      published=parse_month("2025-10").end, relevant=True,
                      regions=[("RU-PRI", 1)]),
        similar=index.similar(sig),
    )
    assert db.execute("select story_id from articles where id = ?", [new_id]).fetchone()[0] == 1
    assert len(search(db, "психологом", parse_month("2025-10"))) == 3
    assert db.execute("select count(*) from materials where reprint").fetchone()[0] == 2
    sizes = [from_bytes(b).size for (b,) in db.execute("select signature from article_minhash")]
    assert all(size > 10 for size in sizes)  # old signatures were recomputed with their size


def test_upgraded_schema_equals_fresh_schema(tmp_path):
    _build_at(tmp_path / "old.db", 1)
    upgraded = open_db(tmp_path / "old.db")
    fresh = open_db(tmp_path / "new.db")

    def objects(db):
        return {(r[0], r[1]) for r in db.execute("select type, name from sqlite_master")}

    assert objects(upgraded) == objects(fresh)
    assert [r[1] for r in upgraded.execute("pragma table_info(articles_fts)")] == [
        r[1] for r in fresh.execute("pragma table_info(articles_fts)")
    ]


def test_reopening_applies_nothing_twice(tmp_path):
    db = open_db(tmp_path / "x.db")
    applied = len(migrations.applied(db))
    db.conn.close()
    assert len(migrations.applied(open_db(tmp_path / "x.db"))) == applied == len(NAMES)
