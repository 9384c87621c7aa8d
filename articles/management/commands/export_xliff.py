"""manage.py export_xliff --language nl [--version 1.2] [--article ID ...|--all] -o FILE"""

import time

from django.core.management.base import BaseCommand, CommandError

from articles import xliff
from articles.models import Article
from articles.xliff_export import export_xliff


class Command(BaseCommand):
    help = (
        "Export articles (with the texts of their pictures, videos, captions, tags and "
        "section, and translation memory's suggestions) for translation into one language "
        "as XLIFF 2.0 or 1.2."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version names the XLIFF version here: it replaces Django's own --version.
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="The target language (nl, de, …).")
        parser.add_argument(
            "--version", dest="xliff_version", choices=xliff.VERSIONS, default="2.0"
        )
        parser.add_argument("--article", type=int, nargs="+", default=[], help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument(
            "--source-language",
            help="Only articles written in this language (XLIFF 2.0 has one per file).",
        )
        parser.add_argument("-o", "--output", required=True, help="The file to write.")

    def handle(self, *args, language, xliff_version, article, all, source_language, output, **o):
        if bool(article) == bool(all):
            raise CommandError("Name articles with --article, or export --all of them.")
        articles = Article.objects.order_by("pk")
        if article:
            articles = articles.filter(pk__in=article)
            missing = sorted(set(article) - set(articles.values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"No such article: {', '.join(map(str, missing))}")
        if source_language:
            articles = articles.filter(source_language=source_language)
        started = time.perf_counter()
        try:
            data, skipped = export_xliff(articles, language, xliff_version)
        except xliff.XliffError as error:
            raise CommandError(f"{error} Add --source-language, or use --version 1.2.") from error
        with open(output, "wb") as file:
            file.write(data)
        units = data.count(b"<unit ") + data.count(b"<trans-unit ")
        self.stdout.write(
            f"Wrote {output}: {units} units from {articles.count() - len(skipped)} articles, "
            f"{len(data)} bytes, in {time.perf_counter() - started:.2f} s."
        )
        if skipped:
            self.stdout.write(
                f"Skipped {len(skipped)} written in {language} itself: "
                + ", ".join(str(a.pk) for a in skipped)
            )
