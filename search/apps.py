from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.search import apps as wagtail_search


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Wyszukiwarka"

    def ready(self):
        from search import signals

        signals.connect()


class IndexlessWagtailSearchConfig(wagtail_search.WagtailSearchAppConfig):
    """Wagtail's search app, without the index updates that have nothing to update.

    Wagtail (modelsearch) hands every saved or deleted indexed object (a procedure, an
    office, a person, a document…) to the search backends that keep an index, after
    reading it back from the database (two queries per save). The project's backend
    (:mod:`search.backend`) keeps none: it reads the tables and the search entries kept by
    :mod:`search.signals`. While every configured backend is such a one, the handlers are
    not connected. Configure a backend with an index of its own (e.g. Elasticsearch) and
    they are, as in Wagtail.
    """

    default = False  # named in INSTALLED_APPS; the "search" app stays SearchConfig

    def ready(self):
        super().ready()
        from modelsearch import index
        from modelsearch.backends import get_search_backends
        from modelsearch.signal_handlers import (
            post_delete_signal_handler,
            post_save_signal_handler,
        )

        from search.backend import keeps_no_index

        if all(keeps_no_index(backend) for backend in get_search_backends()):
            for model in index.get_indexed_models():
                post_save.disconnect(post_save_signal_handler, sender=model)
                post_delete.disconnect(post_delete_signal_handler, sender=model)
