"""What an organisation's edition changes in the site: brand files, footer and navigation."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..model.catalogue import Catalogue

BRAND_DIR = "assets/editie"
EXTRA_PAGES_DIR = "organisatie"
TRAINING_DIR = "training/"


def edition_css(cat: Catalogue) -> str:
    c = cat.edition.colours
    name = re.sub(r"[^\w .,'()-]", "", cat.edition.short_name)  # nothing that ends a comment
    return (f"/* Kleuren van de editie '{name}' (site_config). */\n"
            f":root {{ --kw-primary: {c.primary}; --kw-accent: {c.accent}; }}\n")


def logo_uri(cat: Catalogue) -> str | None:
    return f"{BRAND_DIR}/{cat.edition.logo}" if cat.edition.logo else None


def extra_page_uri(file: str) -> str:
    return f"{EXTRA_PAGES_DIR}/{file}"


def edition_files(cat: Catalogue) -> dict[str, bytes | str]:
    """Files the edition adds to the site: its stylesheet, logo and own pages."""
    files: dict[str, bytes | str] = {f"{BRAND_DIR}/editie.css": edition_css(cat)}
    if cat.edition.logo:
        files[logo_uri(cat)] = (cat.edition_dir / cat.edition.logo).read_bytes()
    for page in cat.edition.extra_pages:
        files[extra_page_uri(page.file)] = (cat.edition_dir / page.file).read_text(encoding="utf-8")
    return files


def text(value: str) -> Markup:
    """An edition's words where the theme puts them into HTML unescaped (site name, footer,
    nav): escaped here, and Markup, so that where the theme does escape, it is not twice."""
    return escape(value)


def footer(cat: Catalogue) -> Markup:
    ed = cat.edition
    parts = [ed.footer] if ed.footer else []
    contact = [x for x in (ed.contact.email, ed.contact.phone, ed.contact.website) if x]
    if contact:
        parts.append("Contact: " + " · ".join(contact))
    return text(" — ".join(parts))


def is_switched_off(cat: Catalogue, src_uri: str) -> bool:
    return not cat.edition.sections.training and src_uri.startswith(TRAINING_DIR)


def _without(nav, cat: Catalogue):
    """The nav with every switched-off page left out (and sections that end up empty)."""
    if isinstance(nav, str):
        return None if is_switched_off(cat, nav) else nav
    if isinstance(nav, dict):
        kept = {k: _without(v, cat) for k, v in nav.items()}
        kept = {k: v for k, v in kept.items() if v not in (None, [])}
        return kept or None
    if isinstance(nav, list):
        kept = [_without(item, cat) for item in nav]
        return [item for item in kept if item not in (None, [])]
    return nav


def edition_nav(nav, cat: Catalogue):
    if nav is None:
        return nav
    nav = _without(nav, cat)
    if cat.edition.extra_pages:
        own = [{text(p.title): extra_page_uri(p.file)} for p in cat.edition.extra_pages]
        nav.insert(len(nav) - 1 if len(nav) > 1 else len(nav), {text(cat.edition.short_name): own})
    return nav
