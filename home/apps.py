from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The residents' portal: home page, categories, procedure routing, sitemap, robots,
    the accessibility statement and the page cache in front of them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Strona główna"

    def ready(self):
        from home import page_cache, signals
        from procedures import purges

        signals.connect()
        # Every purge of portal paths (publishing, categories, the scheduler's replays)
        # drops this cache's copies.
        purges.register_path_forgetter(page_cache.forget_paths)
