"""Signing in to the admin in Chromium, as the browser tests' users do."""

from tests.factories import PASSWORD


def log_in(page, live_server, user, next_path="/admin/"):
    """Sign `user` in on the admin's login page and wait until `next_path` has opened."""
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{next_path}")
