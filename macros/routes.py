"""Where each kind of content is published (paths relative to content/), written down once."""
import posixpath

ROUTES = {
    "werkblad": "waaier/{id}.md",
    "principe": "handleiding/notendop/{id}.md",
    "basistaak": "handleiding/traject/{id}.md",
    "oefening": "training/oefeningen/{id}.md",
    "cursus": "training/cursussen/{id}.md",
}


def page_of(kind: str, ident: str) -> str:
    return ROUTES[kind].format(id=ident)


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link target from one page (src path) to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
