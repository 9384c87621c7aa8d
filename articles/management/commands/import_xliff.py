"""manage.py import_xliff FILE [--force] [--user USERNAME]"""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.xliff_import import ImportRefused, xliff_import


class Command(BaseCommand):
    help = (
        "Import a translated XLIFF file (2.0 or 1.2) as pending changes for review. Refuses "
        "the whole file, writing nothing, on any problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Import texts whose source changed since the export (marked for review).",
        )
        parser.add_argument("--user", help="The translator or editor the changes are from.")

    def handle(self, *args, file, force, user, **options):
        model = get_user_model()
        if user:
            by = model.objects.filter(**{model.USERNAME_FIELD: user}, is_active=True).first()
            if by is None:
                raise CommandError(f"No active user {user!r}.")
        else:
            by = model.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if by is None:
                raise CommandError("Name the translator with --user.")
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        try:
            report = xliff_import(data=data, by=by, force=force, filename=file)
        except ImportRefused as refused:
            problems = "\n".join(f"  {problem}" for problem in refused.report.problems)
            raise CommandError(f"Refused; nothing was saved:\n{problems}") from refused
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{report.changed_units} of {report.units} units changed in "
            f"{len(report.changed_articles)} articles ({report.language}), saved for review "
            f"as {by.get_username()}, in {seconds:.2f} s."
        )
        for result in report.changed_articles:
            self.stdout.write(
                f"  {result.article.pk} {result.article}: {'; '.join(result.changed)}"
            )
            if result.forced:
                self.stdout.write(f"    from an older source, to check: {'; '.join(result.forced)}")
