"""Nonces for the few inline scripts of Wagtail's admin, and only for them.

The policy allows no inline script (``script-src 'self' 'nonce-…'``). Wagtail 8 still writes small
inline scripts into admin pages: the date, time and date-time pickers
(``initDateChooser("id", {config})``), the page, document and other choosers
(``new PageChooser("id", {config})``) and the inline and multiple-chooser panels
(``new InlinePanel(JSON.parse("…"))``). Each is a call of a known function with a string and
JSON data, so this middleware gives the response's nonce to exactly those shapes (the string
literal and the JSON are checked) and to nothing else: any other inline script in an admin page,
an injected one included, stays blocked.
"""

from __future__ import annotations

import json
import re

ADMIN_PREFIX = "/admin/"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
JS_STRING = r'"(?:[^"\\<\n]|\\.)*"'
CHOOSER = re.compile(r"(?:init(?:Date|Time|DateTime)Chooser|new [A-Z]\w*Chooser)\(" + JS_STRING + r", (\{[^<]*\})\);")
PANEL = re.compile(
    r"\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\(" + JS_STRING + r"\)\);\s*\}\)\(\);"
)


def is_wagtail_script(body: str) -> bool:
    body = body.strip()
    if PANEL.fullmatch(body):
        return True
    match = CHOOSER.fullmatch(body)
    if not match:
        return False
    try:
        return isinstance(json.loads(match.group(1)), dict)
    except ValueError:
        return False


class AdminScriptNonceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and b"<script>" in response.content
        ):
            nonce = str(request.csp_nonce)  # read: django-csp then puts it in the header

            def sign(match):
                return (
                    f'<script nonce="{nonce}">{match.group(1)}</script>' if is_wagtail_script(match.group(1)) else match.group(0)
                )

            response.content = INLINE_SCRIPT.sub(sign, response.content.decode(response.charset)).encode(response.charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
