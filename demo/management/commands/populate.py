"""manage.py populate: benchmark content (N articles in five languages, pictures, tags, sections).

Not demo content: generated, repetitive text in every site language, for load tests
(tests/benchmarks/site.py). Sections, tags, authors and pictures go through the services
(the pictures' renditions are made by the upload service, as for an editor's upload); the
articles themselves are written in bulk, in the shape the services leave them in (every
language version published, bylines, three tags each, a lead picture shared with other
articles), because going through article_create one by one would take minutes for numbers
that say nothing about serving. ANALYZE runs at the end.
"""

import io
import random
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from articles import search, services
from articles.models import Article, ArticleVariant, Byline, TaggedArticle, slug_from
from media import services as media_services
from newsroom.languages import column, language_codes

USERNAME = "populate"
WORDS = {
    "en": "the council said on monday that plans for the new district would go ahead despite "
    "concerns from residents about traffic noise and rising costs while officials argued",
    "nl": "de gemeente zei maandag dat de plannen voor de nieuwe wijk doorgaan ondanks zorgen "
    "van bewoners over verkeerslawaai en stijgende kosten terwijl ambtenaren stelden",
    "de": "der rat sagte am montag dass die pläne für das neue viertel trotz bedenken der "
    "anwohner wegen verkehrslärm und steigender kosten weitergehen während beamte meinten",
    "fr": "le conseil a déclaré lundi que les projets pour le nouveau quartier iraient de "
    "l'avant malgré les inquiétudes des habitants concernant le bruit et les coûts",
    "ar": "قال المجلس يوم الاثنين إن خطط الحي الجديد ستمضي قدما رغم مخاوف السكان من ضجيج "
    "المرور وارتفاع التكاليف بينما قال المسؤولون إن المشروع ضروري للنمو",
}
TOPICS = "climate transport housing education health energy technology culture sport economy"
ASPECTS = "policy research budget protest report startups reform debate data local"
SECTIONS = ["World", "Politics", "Climate", "Economy", "Culture", "Science", "Sport", "Opinion"]


def picture_bytes(n: int, size=(1200, 800)) -> bytes:
    """A distinct generated JPEG: a two-colour gradient, a few circles and the number."""
    rng = random.Random(n)
    a = tuple(rng.randrange(256) for _ in range(3))
    b = tuple(rng.randrange(256) for _ in range(3))
    gradient = PILImage.linear_gradient("L").resize(size)
    img = PILImage.composite(PILImage.new("RGB", size, a), PILImage.new("RGB", size, b), gradient)
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(40, 200)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(255, 255, 255), width=8)
    draw.text((40, 40), f"#{n}", fill=(255, 255, 255))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def sentence(rng: random.Random, code: str, words: int) -> str:
    pool = WORDS[code].split()
    return " ".join(rng.choice(pool) for _ in range(words)).capitalize()


def body(rng: random.Random, code: str) -> str:
    paragraphs = [f"<p>{sentence(rng, code, 40)}.</p>" for _ in range(rng.randint(3, 6))]
    paragraphs.insert(2, f"<h2>{sentence(rng, code, 4)}</h2>")
    paragraphs.insert(4, f"<blockquote><p>{sentence(rng, code, 12)}.</p></blockquote>")
    return "".join(paragraphs)


class Command(BaseCommand):
    help = "Fill an empty site with N generated articles in every language, for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000)
        parser.add_argument("--pictures", type=int, default=100)
        parser.add_argument("--tags", type=int, default=200)
        parser.add_argument("--authors", type=int, default=40)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, articles, pictures, tags, authors, seed, **options):
        if Article.objects.exists():
            raise CommandError("populate fills an empty site; this one has articles.")
        rng = random.Random(seed)
        codes = language_codes()
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is None:
            user = get_user_model().objects.create_superuser(USERNAME, "populate@example.org")
        started = time.monotonic()

        sections = [
            services.section_create(by=user, **{column("name", c): f"{name} {c}" for c in codes})
            for name in SECTIONS
        ]
        topics, aspects = TOPICS.split(), ASPECTS.split()
        tag_objects = []
        for i in range(tags):
            name = f"{topics[i % 10]} {aspects[i // 10 % 10]} {i}"
            names = {column("name", c): f"{name} {c}" for c in codes}
            tag_objects.append(services.tag_create(by=user, **names))
        author_objects = [
            services.author_create(by=user, name=f"Reporter {i}") for i in range(authors)
        ]
        self.stdout.write(f"filing: {time.monotonic() - started:.1f} s")

        t0 = time.monotonic()
        images = []
        for n in range(pictures):
            data = picture_bytes(n)
            upload = SimpleUploadedFile(f"p{n}.jpg", data, content_type="image/jpeg")
            texts = {}
            for c in codes:
                texts[column("alt_text", c)] = f"Picture {n} ({c})"
                texts[column("caption", c)] = f"Caption of picture {n} ({c})"
            # The service makes the renditions when its transaction commits.
            images.append(media_services.image_create(by=user, file=upload, **texts))
        self.stdout.write(f"pictures and renditions: {time.monotonic() - t0:.1f} s")

        t0 = time.monotonic()
        now = timezone.now()
        for start in range(0, articles, 500):
            with transaction.atomic():
                batch = []
                for i in range(start, min(articles, start + 500)):
                    fields = {}
                    for c in codes:
                        title = f"{sentence(rng, c, 6)} {i}"
                        fields[column("title", c)] = title
                        fields[column("slug", c)] = slug_from(title, 255) or f"{c}-{i}"
                        fields[column("standfirst", c)] = sentence(rng, c, 20) + "."
                        fields[column("body", c)] = body(rng, c)
                    when = now - timedelta(minutes=30 * (articles - i))
                    batch.append(
                        Article(
                            source_language="en",
                            section=rng.choice(sections),
                            lead_image=images[i % len(images)] if images else None,
                            status=Article.Status.PUBLISHED,
                            published_at=when,
                            first_published_at=when,
                            **fields,
                        )
                    )
                made = Article.objects.bulk_create(batch)
                ArticleVariant.objects.bulk_create(
                    ArticleVariant(
                        article=a,
                        language=c,
                        state=ArticleVariant.State.PUBLISHED,
                        source_version=a.source_version,
                    )
                    for a in made
                    for c in codes
                )
                bylines, tagged = [], []
                for a in made:
                    names = rng.sample(author_objects, rng.randint(1, 2))
                    for position, author in enumerate(names):
                        bylines.append(Byline(article=a, author=author, position=position))
                    for tag in rng.sample(tag_objects, 3):
                        tagged.append(TaggedArticle(content_object=a, tag=tag))
                Byline.objects.bulk_create(bylines)
                TaggedArticle.objects.bulk_create(tagged)
        self.stdout.write(f"articles: {time.monotonic() - t0:.1f} s")
        # Bulk-created rows announce nothing, so the search index is written here, as the
        # write path's events would have written it: search pages find the stories.
        t0 = time.monotonic()
        rows = search.index_rebuild()
        self.stdout.write(f"search index: {rows} entries in {time.monotonic() - t0:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"populated {articles} articles in {len(codes)} languages, {pictures} pictures, "
            f"{tags} tags, {len(sections)} sections in {time.monotonic() - started:.1f} s"
        )
