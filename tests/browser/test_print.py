"""The printed portal page gives the address of web links only: not "(tel:+48…)" after a
phone number, nor a path after a link within the site."""

import pytest

# The live server commits; serialized rollback restores the migrations' data afterwards
# (as every browser test here), so the next browser test starts from the same database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.presentation,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINKS = {
    "web": ("https://www.gov.pl/web/gov/uzyskaj-dowod-osobisty", "gov.pl"),
    "plain-web": ("http://bip.uml.lodz.pl/", "BIP"),
    "phone": ("tel:+48426384444", "42 638-44-44"),
    "mail": ("mailto:lckm@uml.lodz.pl", "lckm@uml.lodz.pl"),
    "path": ("/procedury/dowod-osobisty/", "Dowód osobisty"),
    "anchor": ("#oplaty", "Opłaty"),
}


def after_content(page, link_id):
    return page.evaluate(
        "id => getComputedStyle(document.getElementById(id), '::after').content", link_id
    )


def test_print_shows_the_address_of_web_links_only(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    links = "".join(
        f'<p><a id="{key}" href="{href}">{text}</a></p>' for key, (href, text) in LINKS.items()
    )
    page.set_content(
        f'<html><head><link rel="stylesheet" href="{live_server.url}/static/css/portal.css">'
        f"</head><body><main>{links}</main></body></html>",
        wait_until="load",
    )

    page.emulate_media(media="screen")
    assert after_content(page, "web") in ("none", "normal")

    page.emulate_media(media="print")
    printed = {key: after_content(page, key) for key in LINKS}
    assert printed["web"] == f'" ({LINKS["web"][0]})"'
    assert printed["plain-web"] == f'" ({LINKS["plain-web"][0]})"'
    for key in ("phone", "mail", "path", "anchor"):
        assert printed[key] in ("none", "normal"), (key, printed[key])
    context.close()
