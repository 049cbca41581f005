"""A PDF cut short (a full disk) is never reported as written."""

from __future__ import annotations

import pytest

from digest.pdf import is_complete_pdf


@pytest.mark.parametrize(
    ("content", "complete"),
    [
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", True),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrai", False),
        (b"", False),
        (b"<html>not a pdf</html>%%EOF", False),
    ],
)
def test_a_truncated_pdf_is_not_complete(tmp_path, content, complete):
    path = tmp_path / "d.pdf"
    path.write_bytes(content)
    assert is_complete_pdf(path) is complete
