"""Rule 6: every page carries the Content-Security-Policy that hosting/nginx.conf sends, so
the protection holds on a server without those headers."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT_DIR, build, make_project

from macros.site.csp import POLICY


def nginx_policy() -> str:
    conf = (ROOT_DIR / "hosting/nginx.conf").read_text(encoding="utf-8")
    [policy] = re.findall(r'add_header Content-Security-Policy "([^"]+)"', conf)
    return policy


def test_meta_policy_is_nginx_policy_without_the_header_only_part():
    header = [d.strip() for d in nginx_policy().split(";")]
    meta = [d.strip() for d in POLICY.split(";")]
    assert [d for d in header if not d.startswith("frame-ancestors")] == meta


@pytest.mark.build
def test_every_page_carries_the_policy_first_in_head(tmp_path):
    project = make_project(tmp_path / "p", with_site=True)
    code, output = build(project, tmp_path / "site")
    assert code == 0, output
    import html
    for path in (tmp_path / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert found and html.unescape(found.group(1)) == POLICY, path
        # before any script or stylesheet: a policy applies to what comes after it
        assert head.index("Content-Security-Policy") < min(
            (head.index(t) for t in ("<script", "<link rel=\"stylesheet\"", "<style")
             if t in head), default=len(head)), path
