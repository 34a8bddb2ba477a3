"""The portal's pages go through its page cache: shared with every anonymous reader."""

from wagtail import hooks

from home.models import HomePage
from home.page_cache import mark_public
from procedures.models import ProcedureIndexPage, ProcedurePage

#: Pages whose answer is the same for every anonymous reader of their URL. A procedure's
#: page answers 200 only while it is public (410 once withdrawn, 404 before "od"); the
#: page cache stores nothing but a 200.
SHARED_PAGE_TYPES = (HomePage, ProcedureIndexPage, ProcedurePage)


@hooks.register("on_serve_page")
def share_portal_pages(serve):
    """Mark the answer of a home, index or procedure page as shareable for the page cache
    (:class:`~home.page_cache.PublicPageCacheMiddleware`), a procedure's with its last
    publication as Last-Modified."""

    def serve_shared(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        if isinstance(page, SHARED_PAGE_TYPES):
            last_modified = page.last_published_at if isinstance(page, ProcedurePage) else None
            mark_public(response, last_modified)
        return response

    return serve_shared
