"""The Krachtwerk handbook pipeline: load → check → render web / render print.

mkdocs-macros imports this package and calls define_env/on_post_build; both hand over to
adapter.py, the only module that knows MkDocs. Everything else is plain Python.
"""


def define_env(env):
    from .adapter import define_env as _define_env
    _define_env(env)


def on_post_build(env):
    from .adapter import on_post_build as _on_post_build
    _on_post_build(env)
