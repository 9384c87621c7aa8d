"""The manifest of ready renditions: pictures render without a row per rendition."""

import pickle

import pytest
from django.db import transaction
from django.template import Context, Template

from media import services
from media.models import Image, Rendition
from tests.factories import superuser
from tests.media import factories

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load media_tags %}" + source).render(Context(context))


def picture(image, spec="wide"):
    return render('{% picture image spec lead=True sizes="50vw" %}', image=image, spec=spec)


def test_upload_lists_every_crop_in_the_manifest(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = factories.image(size=(1400, 1000))

    manifest = Image.objects.get(pk=image.pk).renditions_ready
    assert manifest["spec"] == services.rendition_spec()
    for crop in ("full", "wide", "square"):
        rows = Rendition.objects.filter(image=image, crop=crop)
        listed = {(w, h, f, name) for w, h, f, name in manifest["crops"][crop]}
        assert listed == {(r.width, r.height, r.format, r.file.name) for r in rows}


@pytest.mark.parametrize("spec", ["wide", "square", "full"])
def test_picture_from_the_manifest_is_the_picture_from_the_rows(spec, django_assert_num_queries):
    image = factories.processed(factories.image(size=(1400, 1000), alt_text_en="Boats"))
    from_rows = picture(_without_manifest(image), spec)

    fresh = Image.objects.get(pk=image.pk)
    with django_assert_num_queries(0):
        from_manifest = picture(fresh, spec)

    assert from_manifest == from_rows
    assert "srcset=" in from_manifest and '<source type="image/webp"' in from_manifest


def _without_manifest(image):
    """The image as an old row without a manifest, its renditions prefetched (the old path)."""
    Image.objects.filter(pk=image.pk).update(renditions_ready={})
    return Image.objects.with_renditions().get(pk=image.pk)


def test_an_image_without_a_manifest_gets_one_on_first_view(django_assert_num_queries):
    image = factories.processed(factories.image())
    Image.objects.filter(pk=image.pk).update(renditions_ready={})

    picture(Image.objects.get(pk=image.pk))  # reads the rows, writes the manifest

    fresh = Image.objects.get(pk=image.pk)
    with django_assert_num_queries(0):
        assert "<picture" in picture(fresh)


def test_a_manifest_for_other_widths_is_not_trusted(settings):
    image = factories.image(size=(1400, 1000))
    services.renditions_make(image=image)  # a manifest for today's widths
    # Marked ready as migration 0006 leaves pictures from before the background jobs.
    Image.objects.filter(pk=image.pk).update(renditions_state=Image.RenditionsState.READY)
    Rendition.objects.filter(image=image).delete()
    settings.NEWSROOM_IMAGE_WIDTHS = [300, 600]

    html = picture(Image.objects.get(pk=image.pk))

    assert " 300w" in html and " 600w" in html and " 640w" not in html
    assert Image.objects.get(pk=image.pk).renditions_ready["spec"] == services.rendition_spec()


def test_moving_the_focal_point_drops_the_old_crops_from_the_manifest(
    django_capture_on_commit_callbacks,
):
    image = factories.image(size=(1400, 1000))
    services.renditions_make(image=image)
    old_wide = {row[3] for row in Image.objects.get(pk=image.pk).renditions_ready["crops"]["wide"]}

    # Inside the transaction the new crops are not made yet (they follow the commit).
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.image_set_focal_point(image=image, x=0.1, y=0.1, by=superuser())
        crops = Image.objects.get(pk=image.pk).renditions_ready["crops"]
        assert "wide" not in crops and "square" not in crops and "full" in crops

    new_wide = {row[3] for row in Image.objects.get(pk=image.pk).renditions_ready["crops"]["wide"]}
    assert new_wide and not new_wide & old_wide
    assert new_wide == set(
        Rendition.objects.filter(image=image, crop="wide").values_list("file", flat=True)
    )


def test_the_manifest_keeps_each_renditions_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = factories.image(size=(1400, 1000))

    manifest = Image.objects.get(pk=image.pk).renditions_ready
    assert manifest["url_base"] == services.default_storage.url("")
    for crop, rows in manifest["crops"].items():
        stored = Rendition.objects.filter(image=image, crop=crop)
        address = {r.file.name: r.file.url for r in stored}
        assert list(manifest["urls"][crop]) == [address[name] for *_size, name in rows]


def test_pictures_follow_a_moved_media_address_before_their_manifests_are_rewritten(settings):
    image = factories.processed(factories.image(size=(1400, 1000), alt_text_en="Boats"))
    settings.MEDIA_URL = "/moved/"

    html = picture(Image.objects.get(pk=image.pk))

    assert 'src="/moved/renditions/' in html
    assert "/uploads/" not in html and "/media/" not in html


def test_pictures_with_the_same_manifest_share_one_read_only_copy():
    image = factories.processed(factories.image(size=(1400, 1000), alt_text_en="Boats"))

    first, second = (Image.objects.get(pk=image.pk) for _ in range(2))

    # Decoded once per process: a listing of the same pictures parses no JSON again.
    assert first.renditions_ready is second.renditions_ready
    assert picture(first) == picture(second)
    with pytest.raises(TypeError):
        first.renditions_ready["crops"] = {}
    with pytest.raises(TypeError):
        first.renditions_ready.update(spec="")
    # It still saves, copies and pickles as the JSON it came from.
    services.image_update(image=second, credit="Agency", by=superuser())
    assert Image.objects.get(pk=image.pk).renditions_ready == first.renditions_ready
    assert pickle.loads(pickle.dumps(first)).renditions_ready == first.renditions_ready


def test_a_rewritten_manifest_shows_its_new_renditions(django_capture_on_commit_callbacks):
    image = factories.image(size=(1400, 1000))
    services.renditions_make(image=image)
    before = picture(Image.objects.get(pk=image.pk))

    with django_capture_on_commit_callbacks(execute=True):
        services.image_set_focal_point(image=image, x=0.1, y=0.1, by=superuser())

    after = picture(Image.objects.get(pk=image.pk))
    new_wide = Rendition.objects.filter(image=image, crop="wide").values_list("file", flat=True)
    assert after != before
    assert all(name in after for name in new_wide)


def test_a_picture_shown_before_shows_its_changed_alt_text_and_warning():
    image = factories.processed(factories.image(size=(1400, 1000), alt_text_en="Boats"))
    picture(Image.objects.get(pk=image.pk))

    services.image_update(
        image=image, alt_text_en="Fishing boats", content_warning_en="Blood", by=superuser()
    )

    html = picture(Image.objects.get(pk=image.pk))
    assert 'alt="Fishing boats"' in html and "Blood" in html


@pytest.mark.django_db(transaction=True)
def test_a_manifest_stored_as_json_reads_the_same_once_its_column_is_text():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        [("media", "0009_renditions_ready_shared")],
        [("media", "0010_renditions_ready_text")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    OldImage = executor.loader.project_state(before).apps.get_model("media", "Image")
    stored = {"spec": "w=320,640", "crops": {"wide": [[320, 180, "webp", "renditions/a/w.webp"]]}}
    pk = OldImage.objects.create(
        file="images/x.jpg", width=10, height=10, renditions_ready=stored
    ).pk

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    manifest = Image.objects.get(pk=pk).renditions_ready
    assert manifest == {
        "spec": "w=320,640",
        "crops": {"wide": ((320, 180, "webp", "renditions/a/w.webp"),)},
    }
    Image.objects.filter(pk=pk).update(renditions_ready={**manifest, "spec": "w=640"})
    assert Image.objects.get(pk=pk).renditions_ready["crops"] == manifest["crops"]
