"""The Content-Security-Policy the site is made for: hosting/nginx.conf sends it as a header,
and every page carries it as a meta element (overrides/main.html), so it also holds where the
server sends no headers, and in the offline copy opened from disk. tests/security/test_csp.py
keeps the two equal."""
from __future__ import annotations

# frame-ancestors only works as a header: a meta element may not carry it.
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-hashes' "
          "'sha256-N90MKmRow2DpYEVeqcc3uc8pOUsS4Rg4sNmkau1k0xQ=' "
          "'sha256-+17AcPK/e5AtiK52Z2vnx3uG3BMzyzRr4Qv5UQsEbDU=' "
          "'sha256-RVUzT5WQgKUiRfwfZ5/d8nxqNBcGWoYqAQp72N/cCqE='; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "frame-src 'none'; base-uri 'self'; form-action 'none'; object-src 'none'")
