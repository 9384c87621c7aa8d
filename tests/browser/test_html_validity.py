"""Every kind of reader page is valid HTML, by the W3C's Nu HTML checker (vnu.jar).

The checker comes from the npm package vnu-jar (`make vnu`, a prerequisite of
`make test-browser`) and runs on the system's Java. It checks all pages in one run: one
Java start-up instead of one per page.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.site import judged_pages, judged_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or Path(__file__).resolve().parents[2] / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]  # fast renditions; sizes are tested elsewhere


def _java():
    java = shutil.which("java")
    if not java:
        raise RuntimeError("The HTML checker needs Java 17 or later: apt-get install default-jre")
    if not VNU_JAR.exists():
        raise RuntimeError(f"No HTML checker at {VNU_JAR}: run `make vnu`")
    return java


def test_every_reader_page_is_valid_html_in_english_dutch_and_arabic(client, tmp_path):
    java = _java()
    files = []
    for name, address, status in judged_pages(judged_site()):
        response = client.get(address)
        assert response.status_code == status, address
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()}]"
        for m in messages
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr
