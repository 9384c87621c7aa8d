from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project package as an app: its system checks and template tags."""

    name = "newsroom"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
