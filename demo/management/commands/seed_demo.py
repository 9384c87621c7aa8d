"""manage.py seed_demo: fill an empty site with original demo content in every language."""

import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from articles.models import Article
from demo.seed import (
    EDITOR_USERNAME,
    ensure_editor,
    ensure_groups,
    seed_content,
)


class Command(BaseCommand):
    help = (
        "Create demo sections, authors, tags, pictures and about a dozen articles in every "
        "site language, plus an 'editor' account and the Editors and Translators groups."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has articles (used by `make demo`).",
        )
        parser.add_argument(
            "--password",
            help="Set this password for the editor account instead of a random one "
            "(also resets the password of an existing editor).",
        )
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site runs, for the login line printed at the end.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Article.objects.exists():
            self.stdout.write(
                "The site already has articles, so seed_demo --if-empty left it alone.\n"
                f"Forgot the editor's password? Set a new one with: "
                f"manage.py changepassword {EDITOR_USERNAME}"
            )
            return
        if options["password"]:
            try:
                password_validation.validate_password(options["password"])
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error

        # The pictures' renditions are made when the transaction commits (as for an editor's
        # upload), so the first reader does not wait for them.
        self.stdout.write(
            "Writing the demo content and resizing its pictures (about half a minute)…"
        )
        try:
            with transaction.atomic():
                editors, _translators = ensure_groups()
                editor, password = ensure_editor(
                    group=editors,
                    password=options["password"],
                    generated=secrets.token_urlsafe(12),
                )
                # The demo is written by its editor, through the same checked services.
                report = seed_content(by=editor)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        except PermissionDenied as error:
            raise CommandError(
                f"The {EDITOR_USERNAME} account may not write the demo content ({error}); "
                "give it back the Editors group's permissions or remove it."
            ) from error

        if report.articles:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {report.articles} articles with {report.images} new pictures, "
                    f"{report.embeds} new videos and {report.placements} pictures or videos "
                    f"placed in their text; {report.sections} sections, {report.tags} tags "
                    f"and {report.authors} authors."
                )
            )
        if report.skipped_articles:
            self.stdout.write(
                f"{report.skipped_articles} demo articles were already there and were left "
                "as they are."
            )
        visible = ", ".join(f"{code} {count}" for code, count in report.visible.items())
        self.stdout.write(f"Articles readers can see now, per language: {visible}.")
        self.stdout.write("Groups: Editors (can publish) and Translators (cannot).")

        admin_url = options["site_url"].rstrip("/") + reverse("admin:index")
        if password:
            self.stdout.write(
                f"Editor login: {admin_url}  user: {EDITOR_USERNAME}  password: {password}"
            )
        else:
            self.stdout.write(
                f"Editor login: {admin_url}  user: {EDITOR_USERNAME}  (the account existed "
                f"already; its password is unchanged: "
                f"manage.py changepassword {EDITOR_USERNAME} sets a new one)"
            )
