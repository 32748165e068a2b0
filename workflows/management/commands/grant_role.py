from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from cms.models import Organisation
from cms.taxonomies import ROLES, TABLES
from workflows.roles import RoleError, grant_role, revoke_role, roles_of, set_default_admin_language


class Command(BaseCommand):
    help = (
        "Give a user one of Enlace's roles (SPEC §1): "
        f"{', '.join(ROLES.codes)}. Delegates and secretariats need --table; members need --organisation."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=ROLES.codes)
        parser.add_argument("--table", choices=TABLES.codes, help="working table (1-4) for delegate and secretariat")
        parser.add_argument("--organisation", help="organisation id or slug, for member")
        parser.add_argument("--create", action="store_true", help="create the user (needs --email and --password)")
        parser.add_argument("--email")
        parser.add_argument("--password")
        parser.add_argument("--revoke", action="store_true", help="take the role away instead")

    def handle(self, *args, username, role, table, organisation, create, email, password, revoke, **options):
        User = get_user_model()
        org = self._organisation(organisation) if organisation else None
        with transaction.atomic():
            if create:
                user = self._create_user(User, username, email, password)
            else:
                if email or password:
                    raise CommandError("--email and --password are only used with --create")
                try:
                    user = User.objects.get(username=username)
                except User.DoesNotExist:
                    raise CommandError(f"no user named {username!r} (add --create --email E --password P)") from None
            try:
                (revoke_role if revoke else grant_role)(user, role, table=table, organisation=org)
            except RoleError as error:
                raise CommandError(str(error)) from None
        held = ", ".join(f"{r} (table {t})" if t else r for r, t in roles_of(user)) or "none"
        verb = "revoked from" if revoke else "granted to"
        self.stdout.write(self.style.SUCCESS(f"{role} {verb} {username}; roles now: {held}"))

    def _organisation(self, value: str) -> Organisation:
        lookup = {"pk": int(value)} if value.isdigit() else {"slug": value}
        try:
            return Organisation.objects.get(**lookup)
        except Organisation.DoesNotExist:
            raise CommandError(f"no organisation with id or slug {value!r}") from None

    def _create_user(self, User, username, email, password):
        if not email or not password:
            raise CommandError("--create needs --email and --password")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"user {username!r} already exists; drop --create")
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not a valid e-mail address") from None
        user = User(username=username, email=email)
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
            raise CommandError(f"cannot create user {username!r}: {problems}") from None
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("password rejected: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        set_default_admin_language(user)
        return user
