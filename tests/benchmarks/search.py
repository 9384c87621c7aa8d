"""Time site search on PostgreSQL over 10,000 articles in five languages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        .venv/bin/python tests/benchmarks/search.py [--articles 10000] [--queries 300]

Builds the articles once in the named database (it must be PostgreSQL; run it on a database of
its own: with --fresh every article in it is deleted first), each with a title, standfirst
and a body of about 300 words in every language, four of the five language versions
published; fills the search index the way the write path does (articles.search), then runs
N one- and two-word queries per language and prints the median and 99th percentile of:
"query": the search itself (the count and the first page of results with everything the
listing shows) and "page": the whole search page through Django's test client.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from articles import search  # noqa: E402
from articles.models import Article, ArticleVariant  # noqa: E402
from newsroom.languages import language_codes  # noqa: E402

LANGUAGES = tuple(language_codes())  # WORDS has words for each
# A few dozen words per language, with inflected forms, so that queries hit a realistic
# share of the articles.
WORDS = {
    "en": "election elections vote voters running runs government city cities river rivers "
    "harbour strike workers climate flood floods storm school schools hospital doctors "
    "minister budget market prices energy water police court judge report reports".split(),
    "nl": "verkiezing verkiezingen stemmen kiezers regering stad steden rivier rivieren haven "
    "staking werknemers klimaat overstroming storm school scholen ziekenhuis artsen minister "
    "begroting markt prijzen energie water politie rechter rapport rapporten dijken".split(),
    "de": "Wahl Wahlen Stimmen Wähler Regierung Stadt Städte Fluss Flüsse Hafen Streik "
    "Arbeiter Klima Hochwasser Sturm Schule Schulen Krankenhaus Ärzte Minister Haushalt "
    "Markt Preise Energie Wasser Polizei Gericht Richter Bericht Häuser".split(),
    "fr": "élection élections vote électeurs gouvernement ville villes fleuve fleuves port "
    "grève travailleurs climat inondation tempête école écoles hôpital médecins ministre "
    "budget marché prix énergie eau police tribunal juge rapport rapports".split(),
    "ar": "الانتخابات انتخاب أصوات الناخبين الحكومة المدينة مدن النهر الأنهار الميناء إضراب "
    "العمال المناخ فيضان عاصفة المدرسة مدارس مستشفى الأطباء الوزير الميزانية السوق الأسعار "
    "الطاقة المياه الشرطة المحكمة القاضي تقرير مُحَمَّد أحمد".split(),
}
FILLER = {
    "en": "the a of and in to on for with said that was it at by".split(),
    "nl": "de het een van en in op voor met zei dat was bij door".split(),
    "de": "der die das ein und in zu auf für mit sagte dass war bei".split(),
    "fr": "le la les un une de et en à pour avec dit que était par".split(),
    "ar": "في من على إلى أن قال مع عن هذا التي الذي كان بعد".split(),
}


def sentence(rng, language, length):
    words = [
        rng.choice(WORDS[language]) if rng.random() < 0.35 else rng.choice(FILLER[language])
        for _ in range(length)
    ]
    return " ".join(words).capitalize() + "."


def build(count, rng):
    now = timezone.now()
    batch = []
    for n in range(count):
        fields = {"source_language": LANGUAGES[n % 5], "status": Article.Status.PUBLISHED}
        fields["published_at"] = now - timedelta(minutes=n * 7)
        for code in LANGUAGES:
            fields[f"title_{code}"] = sentence(rng, code, 7)
            fields[f"slug_{code}"] = f"bench-{code}-{n}"
            fields[f"standfirst_{code}"] = sentence(rng, code, 20)
            fields[f"body_{code}"] = "".join(
                f"<p>{' '.join(sentence(rng, code, 12) for _ in range(5))}</p>" for _ in range(5)
            )
        batch.append(Article(**fields))
    # Bulk: benchmark data, not a write through the services (which would index one by one).
    articles = Article.objects.bulk_create(batch, batch_size=500)
    variants = []
    for n, article in enumerate(articles):
        hidden = LANGUAGES[(n + 1) % 5]  # one language version left unpublished
        for code in LANGUAGES:
            state = ArticleVariant.State.IN_PROGRESS if code == hidden else "published"
            variants.append(ArticleVariant(article=article, language=code, state=state))
    ArticleVariant.objects.bulk_create(variants, batch_size=2000)
    started = time.perf_counter()
    rows = search.index_rebuild()
    print(f"indexed {rows} language versions in {time.perf_counter() - started:.1f} s")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--fresh", action="store_true", help="delete every article first")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own.")
    call_command("migrate", verbosity=0)
    if args.fresh:
        Article.objects.all().delete()
    if Article.objects.count() < args.articles:
        build(args.articles - Article.objects.count(), random.Random(10))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_articlesearch; ANALYZE articles_article")
    rng = random.Random(20)
    client = Client()
    print(f"{Article.objects.count()} articles; {args.queries} queries per language\n")
    print(
        f"{'lang':<5} {'hits/query':>10} {'query median':>13} {'query p99':>10} "
        f"{'page median':>12} {'page p99':>9}"
    )
    for code in LANGUAGES:
        queries = [
            " ".join(rng.sample(WORDS[code], rng.choice((1, 1, 2)))) for _ in range(args.queries)
        ]
        timings, pages, hits = [], [], []
        with translation.override(code):
            for text in queries:
                query = search.parse_query(text)
                started = time.perf_counter()
                results = search.search_articles(query, language=code)
                total = results.count()
                page = list(results[:12])
                _snippets = [search.snippet(article, query) for article in page]
                timings.append(time.perf_counter() - started)
                hits.append(total)
        for text in queries:
            started = time.perf_counter()
            response = client.get(f"/{code}/search/", {"q": text})
            pages.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        ms = 1000
        print(
            f"{code:<5} {statistics.mean(hits):>10.0f} {statistics.median(timings) * ms:>10.1f} ms"
            f" {percentile(timings, 0.99) * ms:>7.1f} ms {statistics.median(pages) * ms:>9.1f} ms"
            f" {percentile(pages, 0.99) * ms:>6.1f} ms"
        )


if __name__ == "__main__":
    main()
