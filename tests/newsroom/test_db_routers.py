"""Read replicas: anonymous readers' page views read from a replica; the admin, logged-in
people, writes and work outside requests use the primary (newsroom.db_routers)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Section
from newsroom.db_routers import ReplicaReadsMiddleware, replica_reads_allowed
from tests import factories

replica_test = pytest.mark.django_db(transaction=True, databases=["default", "replica1"])


@pytest.fixture(autouse=True)
def replica(settings):
    """The router on, with the test database as its own replica (TEST MIRROR)."""
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.DATABASE_ROUTERS = ["newsroom.db_routers.ReplicaRouter"]


def _queries(client_call):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica1"]) as replica,
    ):
        response = client_call()
    return response, len(primary), len(replica)


@replica_test
def test_an_anonymous_readers_page_reads_from_the_replica(client):
    factories.article(title_en="Flood warning for the coast")

    response, primary, replica = _queries(lambda: client.get("/en/"))

    assert response.status_code == 200
    assert "Flood warning for the coast" in response.content.decode()
    assert replica > 0
    assert primary == 0


@replica_test
def test_a_logged_in_editor_reads_the_same_page_from_the_primary(client):
    factories.article(title_en="Flood warning for the coast")
    client.force_login(factories.superuser())

    response, primary, replica = _queries(lambda: client.get("/en/"))

    assert response.status_code == 200
    assert "Flood warning for the coast" in response.content.decode()
    assert replica == 0
    assert primary > 0


@replica_test
def test_the_admin_reads_from_the_primary_even_before_login(client, admin_client):
    response, primary, replica = _queries(lambda: admin_client.get("/admin/articles/article/"))
    assert response.status_code == 200
    assert replica == 0 and primary > 0

    response, _primary, replica = _queries(lambda: client.get("/admin/login/"))
    assert response.status_code == 200
    assert replica == 0


@replica_test
def test_writes_go_to_the_primary_even_in_a_readers_request():
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    seen = {}

    def view(request):
        seen["read"] = Section.objects.all().db
        seen["written"] = factories.section(name_en="Weather")._state.db
        return None

    ReplicaReadsMiddleware(view)(request)

    assert seen == {"read": "replica1", "written": "default"}
    # Outside a request (commands, background jobs) reads use the primary too.
    assert Section.objects.all().db == "default"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("get", "/en/", True),
        ("head", "/en/tags/weather/", True),
        ("post", "/en/", False),
        ("get", "/admin/", False),
        ("get", "/admin/media/image/", False),
    ],
)
def test_only_anonymous_gets_and_heads_outside_the_admin_may_use_a_replica(method, path, allowed):
    request = getattr(RequestFactory(), method)(path)
    request.user = AnonymousUser()

    assert replica_reads_allowed(request) is allowed
