"""The readable diff between two article snapshots (articles/diff.py): pure, no database."""

from articles import diff


def snapshot(**parts):
    """A snapshot in the revisions format, empty but for `parts`."""
    data = {
        "shared": {
            "section": None,
            "lead_image": None,
            "published_at": None,
            "source_language": "en",
            "status": "draft",
        },
        "text": {},
        "bylines": [],
        "tags": [],
        "placements": [],
    }
    for key, value in parts.items():
        if key == "shared":
            data["shared"] = {**data["shared"], **value}
        else:
            data[key] = value
    return data


def names(kind, value):
    return {
        ("section", 1): "World",
        ("section", 2): "Climate",
        ("author", 1): "Ada",
        ("author", 2): "Bea",
        ("author", 3): "Cy",
        ("tag", 1): "floods",
        ("tag", 2): "rain",
        ("tag", 3): "dams",
        ("image", 7): "Dike at dawn",
        ("image", 8): "Flooded street",
    }.get((kind, value), "" if value is None else str(value))


def test_identical_snapshots_have_no_diff():
    data = snapshot(text={"en": {"title": "Rain", "body": "<p>It rains.</p>"}}, tags=[1, 2])
    assert not diff.compare(data, data)


def test_a_changed_title_shows_the_changed_word_only():
    old = snapshot(text={"nl": {"title": "Regen valt in Utrecht"}})
    new = snapshot(text={"nl": {"title": "Regen valt in Amsterdam"}})
    change = diff.compare(old, new).get("title", "nl")
    assert change.kind == "text"
    assert change.segments == (
        diff.Segment("equal", "Regen valt in "),
        diff.Segment("delete", "Utrecht"),
        diff.Segment("insert", "Amsterdam"),
    )


def test_changes_are_grouped_per_language_with_shared_fields_first():
    old = snapshot(text={"en": {"title": "A"}, "nl": {"title": "B"}, "de": {"title": "C"}})
    new = snapshot(
        shared={"section": 2},
        text={"en": {"title": "A"}, "nl": {"title": "B2"}, "de": {"title": "C2"}},
    )
    result = diff.compare(old, new, name=names)
    assert [(language, [c.field for c in changes]) for language, changes in result.groups()] == [
        ("", ["section"]),
        ("nl", ["title"]),
        ("de", ["title"]),
    ]
    assert result.languages == ["nl", "de"]
    assert result.get("section").old == "" and result.get("section").new == "Climate"


def test_a_language_filter_leaves_other_languages_out():
    old = snapshot(text={"nl": {"title": "B"}, "de": {"title": "C"}})
    new = snapshot(text={"nl": {"title": "B2"}, "de": {"title": "C2"}})
    assert diff.compare(old, new, languages=["nl"]).languages == ["nl"]
    assert diff.compare(old, new).only(["de"]).languages == ["de"]


def test_body_paragraphs_compare_as_text_then_words():
    old = snapshot(
        text={
            "en": {
                "body": "<p>The river rose overnight.</p><p>Nobody was hurt.</p>"
                "<p>Schools stay shut.</p>"
            }
        }
    )
    new = snapshot(
        text={
            "en": {
                "body": "<p>The river rose <strong>sharply</strong> overnight.</p>"
                "<p>Nobody was hurt.</p><h2>What next</h2><p>Schools stay shut.</p>"
            }
        }
    )
    body = diff.compare(old, new).get("body", "en")
    assert body.kind == "body"
    assert [(p.op, p.text) for p in body.paragraphs] == [
        ("changed", "The river rose sharply overnight."),
        ("same", "Nobody was hurt."),
        ("added", "What next"),
        ("same", "Schools stay shut."),
    ]
    assert diff.Segment("insert", "sharply ") in body.paragraphs[0].segments


def test_a_removed_paragraph_and_an_unrelated_rewrite_are_not_mixed_word_by_word():
    old = snapshot(text={"en": {"body": "<p>Alpha beta gamma.</p><p>Delta.</p>"}})
    new = snapshot(text={"en": {"body": "<p>Completely different words here.</p>"}})
    body = diff.compare(old, new).get("body", "en")
    assert [(p.op, p.text) for p in body.paragraphs] == [
        ("removed", "Alpha beta gamma."),
        ("added", "Completely different words here."),
        ("removed", "Delta."),
    ]


def test_markup_only_changes_to_a_body_are_no_change():
    old = snapshot(text={"en": {"body": "<p>Rain in <em>May</em>.</p>"}})
    new = snapshot(text={"en": {"body": "<p>Rain in <strong>May</strong>.</p>"}})
    assert diff.compare(old, new).get("body", "en") is None


def test_a_placed_picture_in_the_body_is_a_paragraph_of_its_own():
    old = snapshot(text={"en": {"body": "<p>Before.</p><p>After.</p>"}})
    new = snapshot(
        text={
            "en": {"body": '<p>Before.</p><figure data-placement="image-7"></figure><p>After.</p>'}
        }
    )
    body = diff.compare(old, new).get("body", "en")
    assert [(p.op, p.text) for p in body.paragraphs] == [
        ("same", "Before."),
        ("added", "[image-7]"),
        ("same", "After."),
    ]


def test_list_items_and_entities_are_paragraphs_of_plain_text():
    assert diff.paragraphs("<ul><li>One &amp; two</li><li>Three</li></ul><p>Four<br>five</p>") == [
        "One & two",
        "Three",
        "Four five",
    ]


def test_a_slug_is_compared_as_one_value():
    old = snapshot(text={"en": {"slug": "rain-in-may"}})
    new = snapshot(text={"en": {"slug": "rain-in-june"}})
    change = diff.compare(old, new).get("slug", "en")
    assert (change.kind, change.old, change.new) == ("value", "rain-in-may", "rain-in-june")


def test_tags_compare_as_a_set():
    result = diff.compare(snapshot(tags=[1, 2]), snapshot(tags=[2, 3]), name=names)
    assert [(i.op, i.name) for i in result.get("tags").items] == [
        ("added", "dams"),
        ("removed", "floods"),
        ("kept", "rain"),
    ]
    assert not diff.compare(snapshot(tags=[1, 2]), snapshot(tags=[2, 1]))


def test_bylines_compare_as_an_ordered_list():
    result = diff.compare(snapshot(bylines=[1, 2]), snapshot(bylines=[2, 1, 3]), name=names)
    change = result.get("bylines")
    assert [(i.op, i.name) for i in change.items] == [
        ("kept", "Bea"),
        ("kept", "Ada"),
        ("added", "Cy"),
    ]
    assert change.reordered
    unordered = diff.compare(snapshot(bylines=[1]), snapshot(bylines=[1, 2]), name=names)
    assert not unordered.get("bylines").reordered


def test_placements_compare_by_key_with_what_changed_in_each():
    old = snapshot(
        placements=[
            {"key": "image-7", "image": 7, "embed": None, "caption_override": {"nl": "Dijk"}},
            {"key": "embed-3", "image": None, "embed": 3, "caption_override": {}},
        ]
    )
    new = snapshot(
        placements=[
            {
                "key": "image-7",
                "image": 8,
                "embed": None,
                "caption_override": {"nl": "Dijk bij dageraad"},
                "accepted_gaps": ["ar"],
            },
            {"key": "image-8", "image": 8, "embed": None, "caption_override": {}},
        ]
    )
    change = diff.compare(old, new, name=names).get("placements")
    assert [(i.op, i.name) for i in change.items] == [
        ("removed", "embed-3: 3"),
        ("changed", "image-7: Flooded street"),
        ("added", "image-8: Flooded street"),
    ]
    assert change.items[1].details == (
        diff.Detail("image", "Dike at dawn", "Flooded street"),
        diff.Detail("caption", "Dijk", "Dijk bij dageraad", language="nl"),
        diff.Detail("accepted_gaps", "", "ar"),
    )


def test_shared_values_are_named_by_the_caller():
    old = snapshot(shared={"section": 1, "status": "draft"})
    new = snapshot(shared={"section": 2, "status": "published"})
    result = diff.compare(old, new, name=names)
    assert (result.get("section").old, result.get("section").new) == ("World", "Climate")
    assert (result.get("status").old, result.get("status").new) == ("draft", "published")


def test_a_missing_snapshot_compares_as_empty():
    result = diff.compare(None, snapshot(text={"fr": {"title": "Pluie"}}))
    assert result.get("title", "fr").segments == (diff.Segment("insert", "Pluie"),)


def test_word_diff_rebuilds_both_texts():
    old, new = "Het water stijgt, zegt de burgemeester.", "Het water daalt, zei de burgemeester!"
    segments = diff.word_diff(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def test_a_rewritten_headline_shows_whole_not_word_by_word():
    old = snapshot(text={"en": {"title": "Rain floods the old town"}})
    new = snapshot(text={"en": {"title": "Minister resigns after vote"}})
    assert diff.compare(old, new).get("title", "en").segments == (
        diff.Segment("delete", "Rain floods the old town"),
        diff.Segment("insert", "Minister resigns after vote"),
    )


def test_a_reworded_paragraph_after_a_newly_placed_video_is_changed_not_rewritten():
    old = snapshot(
        text={"en": {"body": "<p>The river rose.</p><p>The mayor called a meeting.</p>"}}
    )
    new = snapshot(
        text={
            "en": {
                "body": '<p>The river rose.</p><figure data-placement="embed-3"></figure>'
                "<p>The mayor called a crisis meeting.</p>"
            }
        }
    )
    body = diff.compare(old, new).get("body", "en")
    assert [(p.op, p.text) for p in body.paragraphs] == [
        ("same", "The river rose."),
        ("added", "[embed-3]"),
        ("changed", "The mayor called a crisis meeting."),
    ]
    assert diff.Segment("insert", "crisis ") in body.paragraphs[2].segments
