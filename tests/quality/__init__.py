"""Helpers for the whole-site quality gates (tests/test_site_*.py): page list, link checker,
Nu Html Checker runner, readability, and the Dutch search queries as data."""
