"""Renditions are made by a background job: the upload answers at once, the picture shows
"processing" in the admin, and readers get the original until the renditions are ready."""

import io
import re
import time

import pytest
from django.template import Context, Template

from media import jobs as media_jobs
from media import renditions as pillow
from media import services
from media.models import Image, Rendition
from newsroom import jobs
from tests import factories as article_factories
from tests.media import factories

State = Image.RenditionsState


def render(source, **context):
    return Template("{% load media_tags %}" + source).render(Context(context))


def _admin_upload(client, size=(1000, 700), **fields):
    return client.post(
        "/admin/media/image/add/",
        {
            "file": factories.upload(factories.jpeg_bytes(size), "Harbour.jpg"),
            "alt_text_en": "Boats in the harbour",
            "focal_x": "0.5",
            "focal_y": "0.5",
            **fields,
        },
    )


@pytest.mark.django_db
def test_an_upload_waits_for_its_renditions_until_the_job_runs_after_commit(
    media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = factories.image(size=(1000, 700))

    assert Image.objects.get(pk=image.pk).renditions_state == State.PENDING
    assert not Rendition.objects.exists()

    for callback in callbacks:  # the commit: the job runs (synchronously in the tests)
        callback()

    image.refresh_from_db()
    assert image.renditions_state == State.READY
    assert set(image.renditions.values_list("crop", flat=True)) == set(pillow.CROPS)
    stored = factories.stored_files(media_root)
    assert all(any(r.file.name == name for name in stored) for r in image.renditions.all())


@pytest.mark.django_db
def test_a_picture_being_processed_shows_the_original_at_its_crops_size():
    image = factories.image(size=(1200, 900), alt_text_en="Boats in the harbour", focal_x=0.25)
    assert image.renditions_state == State.PENDING

    html = render('{% picture image "wide" lead=True %}', image=image)

    img = re.search(r"<img [^>]+>", html).group(0)
    assert f'src="{image.file.url}"' in img
    assert 'width="1200" height="675"' in img  # 16:9, no layout shift
    assert "srcset" not in img and "<source" not in html
    assert 'alt="Boats in the harbour"' in img
    assert 'loading="eager" fetchpriority="high"' in img
    assert "object-position: 25% 50%" in img
    # A reader's request never makes the renditions a job is working on.
    assert not Rendition.objects.exists()


@pytest.mark.django_db
def test_a_processed_picture_shows_its_renditions():
    image = factories.processed(factories.image(size=(1200, 900)))

    html = render('{% picture image "wide" %}', image=image)

    assert image.renditions_state == State.READY
    assert "/uploads/renditions/" in html and 'type="image/webp"' in html
    assert "picture--original" not in html


@pytest.mark.django_db
def test_a_picture_being_processed_keeps_its_content_warning():
    image = factories.image(content_warning_en="Shows injured people")

    html = render('{% picture image "wide" %}', image=image)

    assert "Shows injured people" in html
    assert html.index("Shows injured people") < html.index(image.file.url)


@pytest.mark.django_db
def test_a_job_whose_source_is_gone_marks_the_picture_failed(
    media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = factories.image()
    image.file.storage.delete(image.file.name)

    for callback in callbacks:
        callback()  # the job fails; outside RQ there is no retry left

    assert Image.objects.get(pk=image.pk).renditions_state == State.FAILED


@pytest.mark.django_db
def test_a_job_for_a_deleted_picture_does_nothing():
    media_jobs.make_renditions(987654)

    assert not Rendition.objects.exists()


@pytest.mark.django_db
def test_moving_the_focal_point_makes_the_picture_wait_for_its_new_crops(
    django_capture_on_commit_callbacks,
):
    image = factories.processed(factories.image(size=(1200, 600)))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.image_set_focal_point(image=image, x=0.9, y=0.5, by=factories.superuser())
    assert Image.objects.get(pk=image.pk).renditions_state == State.PENDING

    for callback in callbacks:
        callback()
    assert Image.objects.get(pk=image.pk).renditions_state == State.READY
    assert Rendition.objects.filter(image=image, crop="square").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "waiting", "ready"),
    [("en", "waiting", "ready"), ("nl", "in de wachtrij", "klaar")],
)
def test_the_image_list_shows_each_pictures_state_in_the_editors_language(
    admin_client, language, waiting, ready
):
    pending = factories.image(title_en="Harbour")
    factories.processed(factories.image(title_en="Parliament"))

    html = admin_client.get("/admin/media/image/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert f'<span class="media-state media-state--pending">{waiting}</span>' in html
    assert f'<span class="media-state media-state--ready">{ready}</span>' in html
    # The waiting picture's thumbnail is its original, scaled by the browser.
    assert f'class="media-thumb" src="{pending.file.url}"' in html


@pytest.mark.django_db
def test_the_change_form_shows_processing_while_the_job_runs(admin_client):
    image = factories.image()
    Image.objects.filter(pk=image.pk).update(renditions_state=State.PROCESSING)

    html = admin_client.get(
        f"/admin/media/image/{image.pk}/change/", HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()

    assert '<span class="media-state media-state--processing">in Bearbeitung</span>' in html
    assert f'src="{image.file.url}"' in html  # the focal point picker shows the original
    assert not Rendition.objects.exists()


@pytest.mark.django_db
def test_the_thumbnail_of_a_picture_being_processed_is_its_original(admin_client):
    image = factories.image()

    response = admin_client.get(f"/admin/media/image/{image.pk}/thumbnail/")

    assert response.status_code == 302
    assert response["Location"] == image.file.url


@pytest.mark.django_db(transaction=True)
def test_without_redis_the_upload_answers_before_the_renditions_are_made(
    settings, media_root, client
):
    """The embedded default: the job runs in this process, on a thread, after the response."""
    settings.NEWSROOM_JOBS = "thread"
    client.force_login(article_factories.superuser())

    started = time.monotonic()
    response = _admin_upload(client, size=(2400, 1600))
    answered = time.monotonic() - started
    state_at_answer = Image.objects.get().renditions_state

    assert response.status_code == 302, response.content
    assert jobs.runner.drain(timeout=120)
    image = Image.objects.get()
    assert image.renditions_state == State.READY
    assert set(image.renditions.values_list("crop", flat=True)) == set(pillow.CROPS)
    assert state_at_answer in (State.PENDING, State.PROCESSING)
    assert answered < 5


@pytest.fixture
def redis_queue(settings):
    """The real queue on the test Redis (REDIS_URL), emptied before and after the test."""
    import django_rq

    settings.NEWSROOM_JOBS = "rq"
    queue = django_rq.get_queue(jobs.QUEUE)
    _empty(queue)
    yield queue
    _empty(queue)


def _empty(queue):
    from rq.registry import FailedJobRegistry, ScheduledJobRegistry

    queue.empty()
    for registry in (ScheduledJobRegistry(queue=queue), FailedJobRegistry(queue=queue)):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)


def _work(queue):
    """A real RQ worker in burst mode: it runs every queued job, then stops."""
    from rq import SimpleWorker

    SimpleWorker([queue], connection=queue.connection).work(burst=True)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_redis_worker_makes_an_uploads_renditions(redis_queue, media_root, client):
    client.force_login(article_factories.superuser())

    response = _admin_upload(client, size=(1600, 1000))

    assert response.status_code == 302, response.content
    image = Image.objects.get()
    assert image.renditions_state == State.PENDING
    assert not image.renditions.exists()
    assert redis_queue.count == 1

    _work(redis_queue)

    image.refresh_from_db()
    assert image.renditions_state == State.READY
    assert set(image.renditions.values_list("crop", flat=True)) == set(pillow.CROPS)
    stored = factories.stored_files(media_root)
    assert all(r.file.name in stored for r in image.renditions.all())
    assert "/uploads/renditions/" in render('{% picture image "wide" %}', image=image)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_failing_job_waits_for_its_retry_on_the_redis_queue(redis_queue, media_root):
    from rq.registry import ScheduledJobRegistry

    image = factories.image()
    image.file.storage.delete(image.file.name)

    _work(redis_queue)

    # Tried once, failed, and scheduled again 10 seconds later: not given up on yet.
    assert Image.objects.get(pk=image.pk).renditions_state == State.PENDING
    registry = ScheduledJobRegistry(queue=redis_queue)
    [job_id] = registry.get_job_ids()
    assert redis_queue.fetch_job(job_id).retries_left == jobs.RETRY["max"] - 1


@pytest.mark.django_db(transaction=True)
def test_when_redis_cannot_take_the_job_this_process_makes_the_renditions(
    settings, media_root, caplog
):
    settings.NEWSROOM_JOBS = "rq"
    # Nothing listens on port 1: the connection is refused at once.
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}

    image = factories.image(size=(900, 600))

    assert jobs.runner.drain(timeout=120)
    assert Image.objects.get(pk=image.pk).renditions_state == State.READY
    assert "Redis did not take the job" in caplog.text


@pytest.mark.django_db
def test_make_renditions_marks_a_picture_whose_job_never_ran_ready():
    from django.core.management import call_command

    image = factories.image(size=(700, 500))  # its job never ran (no commit in this test)
    assert image.renditions_state == State.PENDING

    call_command("make_renditions", stdout=io.StringIO())

    image.refresh_from_db()
    assert image.renditions_state == State.READY
    assert "/uploads/renditions/" in render('{% picture image "wide" %}', image=image)
