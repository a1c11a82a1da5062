"""The Krachtwerk handbook pipeline, one package per step:

    model/   load → check: content files into strict models, every problem as file:line
    web/     the macros' HTML and Markdown, pages and files generated from the data
    print/   print HTML from the model → WeasyPrint PDFs, cached, on both cores
    build/   the settings and the one Build object that holds a build together
    site/    the only code that knows MkDocs: the `krachtwerk` plugin and the macros

mkdocs-macros imports this package (mkdocs.yml: module_name: macros) and calls define_env.
"""


def define_env(env):
    from .site.macros import define_env as define
    define(env)
