import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in the default language, whatever the previous one activated."""
    with translation.override("en"):
        yield
