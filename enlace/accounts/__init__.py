"""Accounts that resist guessing: failed logins locked out per account and per address on the
three doors (django-axes, counted in the database), and the second factor (django-otp: TOTP
apps and recovery codes), compulsory for the privileged roles when ``ENLACE_REQUIRE_2FA`` is on.

The doors are the site's ``/login/``, the admin's ``/admin/login/`` and the API's
``/api/v1/auth/token/``; all three authenticate with ``authenticate(request=...)``, so the
lock-out backend sees every attempt. See docs/accounts.md.
"""
