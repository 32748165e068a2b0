"""``POST /api/v1/auth/token/``: a token for a username and password, and the account's current
code (``otp``) when it has a second factor. The password goes through
``authenticate(request=...)`` with the underlying Django request, so django-axes counts failures
here like on the other doors and its middleware answers a locked-out attempt with 429 and a
``detail``. When ``ENLACE_REQUIRE_2FA`` is on, a privileged account without a second factor gets
no token (403) until it has set one up in the workspace."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import parsers, renderers, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from .lockout import lockout_message
from .otp import check_code, has_second_factor, second_factor_required


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=False)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})
    otp = serializers.CharField(
        max_length=32,
        required=False,
        allow_blank=True,
        help_text="The current code of the account's authenticator app, or one of its recovery codes "
        "(needed when the account has a second factor).",
    )


class TokenView(APIView):
    """Obtain the API token of an account."""

    throttle_classes = ()
    permission_classes = ()
    authentication_classes = ()
    parser_classes = (parsers.FormParser, parsers.MultiPartParser, parsers.JSONParser)
    renderer_classes = (renderers.JSONRenderer,)

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("TokenResponse", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Missing fields, wrong credentials or wrong code."),
            403: OpenApiResponse(description="A privileged account must set up its second factor first."),
            429: OpenApiResponse(description="Too many failed logins for this account or from this address."),
        },
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        django_request = request._request  # axes marks this one, which its middleware reads
        user = authenticate(request=django_request, username=data["username"], password=data["password"])
        if getattr(django_request, "axes_locked_out", False):
            return Response({"detail": lockout_message()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        if user is None:
            message = _("Unable to log in with provided credentials.")
            return Response({"non_field_errors": [message]}, status=status.HTTP_400_BAD_REQUEST)
        if has_second_factor(user):
            code = data.get("otp", "")
            if not code:
                return Response({"otp": [_("This account has a second factor: send its current code as otp.")]}, status=400)
            credentials = {"username": user.get_username()}
            if not AxesProxyHandler.is_allowed(django_request, credentials):
                return Response({"detail": lockout_message()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
            if check_code(user, code) is None:
                user_login_failed.send(sender=__name__, credentials=credentials, request=django_request)
                return Response({"otp": [_("This code is not valid.")]}, status=status.HTTP_400_BAD_REQUEST)
        elif second_factor_required(user):
            detail = _("Your role requires a second factor: set it up in your workspace (Security) before asking for a token.")
            return Response({"detail": detail}, status=status.HTTP_403_FORBIDDEN)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
