"""The only code that knows the site generator (MkDocs, or ProperDocs, its continuation).

    plugin.py   the MkDocs plugin `krachtwerk`: makes the Build and wires it to MkDocs' events
    macros.py   the macros pages call, registered with mkdocs-macros (define_env)
"""
