"""The workspace (``/espacio/``): where delegates, secretariats, the liaison group, the network and
members do the Mechanism's daily work on the site, in their language, on a phone (issue #16).

Views translate requests into calls of the services and selectors of ``workflows`` (the same
the API and the admin call); no rule lives here or in the templates.
"""
