"""Session-wide fixtures. Natasha's models load once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def models():
    from pipeline.lang.models import get_models

    return get_models()
