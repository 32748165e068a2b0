"""Wagtail admin strings that Wagtail 8.0's Spanish, Portuguese and French catalogues lack.

Listed here so that ``makemessages`` puts them in the project's catalogues (``locale/``), which
Django reads before any app's: a Spanish session of the admin then shows no English
(``tests/workflows/test_interface_language.py`` finds any that remain). Never imported: the
strings only need to be seen by ``makemessages``.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Privacy and access"),
    gettext_noop("This data explained"),
    gettext_noop("Locked by workflow"),
    gettext_noop("Locked by"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Content metrics"),
    gettext_noop("Reading time"),
    gettext_noop("Is commenting action"),
    gettext_noop("Filter by"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Use server time zone"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("System default"),
    gettext_noop("More contrast"),
    gettext_noop("By task"),
    gettext_noop("By workflow"),
    gettext_noop("Has child pages"),
    gettext_noop("First published"),
    gettext_noop("Date updated"),
    gettext_noop("Page type"),
    gettext_noop("Edited by"),
    gettext_noop("There are no results."),
    gettext_noop("Go to the first error"),
]
