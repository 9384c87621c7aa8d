"""Make the first account of a new newsroom: a chief editor who adds everyone else in the admin."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import policy

PASSWORD_VARIABLE = "DJANGO_CHIEF_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff account in the Chief editors and Editors groups: it manages accounts, "
        "groups and translators' languages in the admin, and edits and publishes stories. "
        f"With --noinput the password is read from {PASSWORD_VARIABLE}."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, username, email, interactive, **options):
        model = get_user_model()
        if model.objects.filter(username=username).exists():
            raise CommandError(f"An account named {username!r} already exists.")
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if interactive and not password:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords differ.")
        if not password:
            raise CommandError(f"Give a password (or set {PASSWORD_VARIABLE} with --noinput).")
        groups = list(Group.objects.filter(name__in=[policy.CHIEF_EDITORS, policy.EDITORS]))
        if len(groups) != 2:
            raise CommandError("The groups are missing; run `manage.py migrate` first.")
        with transaction.atomic():
            user = model.objects.create_user(
                username=username, email=email, password=password, is_staff=True
            )
            user.groups.add(*groups)
        self.stdout.write(f"Chief editor {username!r} created; sign in at /admin/.")
