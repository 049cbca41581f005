"""A run's status and exit code tell the truth for every ending (issue 18): a second SIGTERM or
Ctrl-C, `kill -9`, a full disk. Real signals to a real crawl subprocess, on 127.0.0.1 sites."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from faults_sites import ROOT, build_site, count_articles, crawl, crawl_cmd, query

from db import open_db
from newsmon.siteserver import SiteServer

N = 16


def start_crawl(sources: Path, db_path: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(crawl_cmd(sources, db_path, *extra), cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def wait_for_articles(proc: subprocess.Popen, db_path: Path, n: int) -> None:
    while count_articles(db_path) < n:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)


def runs(db_path: Path) -> list[tuple]:
    return query(db_path, "select id, status, new_articles from runs order by id")


def stored_by_run(db_path: Path, run_id: int) -> int:
    return query(db_path, "select count(*) from articles where run_id = ?", (run_id,))[0][0]


@pytest.fixture
def slow_site(tmp_path):
    # Every article page takes 1.5 s: a graceful stop has requests in flight to wait for.
    build_site(tmp_path / "sites", "slow", N,
               site={"delay": {f"/news/{i}.html": 1.5 for i in range(2, N)}})
    with SiteServer(tmp_path / "sites") as server:
        yield server.write_sources(tmp_path / "sources.yml")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_second_signal_records_interrupted_with_what_was_stored(tmp_path, slow_site, signum):
    db_path = tmp_path / "n.db"
    proc = start_crawl(slow_site, db_path)
    wait_for_articles(proc, db_path, 2)
    proc.send_signal(signum)
    time.sleep(0.3)
    proc.send_signal(signum)  # "stop now": the reactor stops before the spider closes
    out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0, out + err
    assert "Traceback" not in err
    stored = count_articles(db_path)
    assert 2 <= stored < N
    assert runs(db_path) == [(1, "interrupted", stored)]
    assert "(запуск #1, interrupted)" in out


def test_killed_run_is_marked_interrupted_with_its_articles_counted(tmp_path, slow_site):
    db_path = tmp_path / "n.db"
    proc = start_crawl(slow_site, db_path)
    wait_for_articles(proc, db_path, 2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stored = count_articles(db_path)
    assert runs(db_path) == [(1, "running", 0)]
    again = crawl(slow_site, db_path)
    assert again.returncode == 0, again.stderr
    assert runs(db_path)[0] == (1, "interrupted", stored)
    assert query(db_path, "select new_articles from run_sources where run_id = 1") == [(stored,)]
    assert runs(db_path)[1] == (2, "ok", N - stored)


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of 1.5 MB for the database: room for the schema and a few articles only."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mnt)]).returncode:
        pytest.skip("needs root to mount a tmpfs")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_stops_the_crawl_marks_it_failed_and_leaves_a_readable_database(
    tmp_path, small_disk
):
    n = 300
    build_site(tmp_path / "sites", "big", n, site={"delay": {f"/news/{i}.html": 0.05
                                                              for i in range(n)}})
    db_path = small_disk / "n.db"
    open_db(db_path).conn.close()
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        result = crawl(sources, db_path, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
        fetched = {e.path for e in server.request_log if e.path.startswith("/news/")}
    stored = count_articles(db_path)
    assert 0 < stored < n
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("newsmon:")]
    assert len(lines) == 1 and "нет места на диске" in lines[0], result.stderr
    assert runs(db_path) == [(1, "failed", stored)]
    assert len(fetched) < n - 20  # fetching stopped soon after the disk filled up
    assert query(db_path, "pragma integrity_check") == [("ok",)]
    counts = subprocess.run(
        [*crawl_cmd(sources, db_path)[:3], "counts", "--all", "--by", "source", "--format", "json",
         "--db", str(db_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert counts.returncode == 0, counts.stderr
    assert f'"materials": {stored}' in counts.stdout


def test_double_ctrl_c_on_the_terminal_with_extraction_workers(tmp_path, slow_site):
    """Ctrl-C in a terminal reaches the whole process group, extraction workers included."""
    import os

    db_path = tmp_path / "n.db"
    proc = subprocess.Popen(
        crawl_cmd(slow_site, db_path, "-s", "NEWSMON_EXTRACT_WORKERS=1"), cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    wait_for_articles(proc, db_path, 2)
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0, out + err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    stored = count_articles(db_path)
    assert runs(db_path) == [(1, "interrupted", stored)]
