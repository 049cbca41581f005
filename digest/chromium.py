"""Headless Chromium, when installed: the fallback PDF printer (digest/pdf.py) and the browser the
digest's layout tests look through (tests/test_digest_browser.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from newsmon.core.errors import RunError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_HINT = "установите его: apt-get install chromium (или укажите путь в NEWSMON_CHROMIUM)"
TIMEOUT = 120


def find_chromium() -> str | None:
    explicit = os.environ.get("NEWSMON_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else shutil.which(explicit)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_command(binary: str, profile: str, *extra: str, sandbox: bool = True) -> list[str]:
    """A headless, offline, throwaway-profile Chromium invocation."""
    args = [
        binary, "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ]
    if not sandbox or (hasattr(os, "geteuid") and os.geteuid() == 0):
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return [*args, *extra]


def run_chromium(*extra: str) -> subprocess.CompletedProcess:
    """Run headless Chromium once; in containers without user namespaces its sandbox cannot
    start, so a sandbox failure is retried once without it."""
    binary = find_chromium()
    if not binary:
        raise RunError(f"Не найден Chromium для PDF — {INSTALL_HINT}")
    result = _run(binary, extra, sandbox=True)
    if result.returncode != 0 and "sandbox" in (result.stderr or "").lower():
        result = _run(binary, extra, sandbox=False)
    return result


def _run(binary: str, extra: tuple[str, ...], *, sandbox: bool) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="newsmon-chromium-") as profile:
        try:
            return subprocess.run(chromium_command(binary, profile, *extra, sandbox=sandbox),
                                  capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RunError(f"Chromium не ответил за {TIMEOUT} с") from exc
        except OSError as exc:
            raise RunError(f"Не удалось запустить Chromium ({binary}): {exc}") from exc


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Chromium's print to PDF (no running header: its own header is switched off)."""
    result = run_chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf_path}",
                          html_path.resolve().as_uri())
    if not pdf_path.exists() or pdf_path.stat().st_size == 0:
        detail = (result.stderr or "").strip().splitlines()[-1:] or ["нет вывода"]
        raise RunError(f"Chromium не создал PDF {pdf_path}: {detail[0]}")
