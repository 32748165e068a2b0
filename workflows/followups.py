"""The rules of follow-up reports, in one place (the admin, the API and the site call these).

* Anyone may report on a published recommendation: members and delegates as themselves, the
  public with an e-mail address (moderated, and rate-limited at the edges).
* Curators and the Red Regional review: publish, or send back with a required comment; nobody
  reviews their own report. Only the reporter edits a report, and only while it is sent back;
  the edit returns it to ``submitted``.
* A report claiming ``partially_implemented`` or ``implemented`` needs evidence.
* When a published report changes a recommendation's current status in a scope, its authors,
  its table's secretariat and its followers are told (outbox, after commit).

Every transition holds a row lock on the report and is recorded in Wagtail's audit log.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.models import EVIDENCE_REQUIRED, FollowUpEvidence, FollowUpReport, Organisation, RecommendationFollower
from cms.progress import current_reports
from cms.selectors import published_practices, published_recommendations
from cms.taxonomies import FOLLOW_UP_SCOPES, FOLLOW_UP_STATUSES

from . import notifications
from .errors import CommentRequired, InvalidTransition, NotAllowed
from .roles import group_name

LOG_ACTION = "enlace.follow_up"
REVIEWER_GROUPS = (group_name("curator"), group_name("network"))
MAX_EVIDENCE = 20
MAX_PRACTICES = 20
EARLIEST_DATE = datetime.date(1990, 1, 1)  # the Convention on migrant workers; nothing before is a follow-up


# --- Who may do what ----------------------------------------------------------------------


def is_reviewer(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or user.groups.filter(name__in=REVIEWER_GROUPS).exists()


def reports_visible_to(user) -> QuerySet[FollowUpReport]:
    """Published reports of published recommendations for everyone; reviewers also see what
    waits for them; a reporter also sees their own."""
    public_recommendations = published_recommendations().values("pk")
    reports = FollowUpReport.objects.filter(recommendation__in=public_recommendations)
    if is_reviewer(user):
        return reports
    rule = Q(review_status="published")
    if user and user.is_authenticated:
        rule |= Q(reporter=user)
    return reports.filter(rule)


def allowed_actions(user, report: FollowUpReport) -> list[str]:
    actions = []
    own = bool(user and user.is_authenticated and report.reporter_id == user.pk)
    if own and report.review_status == "sent_back":
        actions.append("edit")
    if report.review_status == "submitted" and is_reviewer(user) and not own:
        actions += ["publish", "send_back"]
    return actions


# --- Validation ---------------------------------------------------------------------------


def clean_report_data(data: dict, *, partial: bool = False, instance: FollowUpReport | None = None) -> dict:
    """Check a report's fields; ``ValidationError`` with every field's message, nothing saved.

    ``data`` keys: country, status, actor, organisation (slug or None), date (a date),
    description, evidence_urls (web addresses), evidence_documents (Wagtail document ids),
    practices (ids of published practices).
    """
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    required = ("country", "status", "actor", "date", "description")
    for name in required:
        if not partial and name not in data:
            errors[name] = [_("This field is required.")]
    if "country" in data:
        if data["country"] not in FOLLOW_UP_SCOPES:
            errors["country"] = [_("An ISO 3166 country code, or 419 for the region as a whole.")]
        else:
            cleaned["country"] = data["country"]
    if "status" in data:
        if data["status"] not in FOLLOW_UP_STATUSES:
            errors["status"] = [_("One of %(values)s.") % {"values": ", ".join(FOLLOW_UP_STATUSES.codes)}]
        else:
            cleaned["status"] = data["status"]
    for name, limit in (("actor", 255), ("description", 5000)):
        if name in data:
            value = (data[name] or "").strip()
            if not value:
                errors[name] = [_("This field may not be blank.")]
            elif len(value) > limit:
                errors[name] = [_("At most %(limit)d characters.") % {"limit": limit}]
            else:
                cleaned[name] = value
    if "date" in data:
        value = data["date"]
        if not isinstance(value, datetime.date):
            errors["date"] = [_("A date (YYYY-MM-DD).")]
        elif value > timezone.localdate():
            errors["date"] = [_("The date of what is reported cannot be in the future.")]
        elif value < EARLIEST_DATE:
            errors["date"] = [_("Not before %(date)s.") % {"date": EARLIEST_DATE.isoformat()}]
        else:
            cleaned["date"] = value
    if "organisation" in data:
        slug = data["organisation"]
        organisation = Organisation.objects.filter(slug=slug).first() if slug else None
        if slug and organisation is None:
            errors["organisation"] = [_("No organisation %(slug)s in the directory.") % {"slug": repr(slug)}]
        cleaned["organisation"] = organisation
    if "evidence_urls" in data:
        urls = [str(url).strip() for url in data["evidence_urls"] or []]
        validate_url = URLValidator(schemes=["http", "https"])
        bad = []
        for url in urls:
            try:
                validate_url(url)
            except ValidationError:
                bad.append(url[:80])
        if len(urls) > MAX_EVIDENCE:
            errors["evidence_urls"] = [_("At most %(count)d links.") % {"count": MAX_EVIDENCE}]
        elif bad:
            errors["evidence_urls"] = [_("Not a web address: %(urls)s") % {"urls": ", ".join(bad)}]
        else:
            cleaned["evidence_urls"] = list(dict.fromkeys(urls))
    if "evidence_documents" in data:
        from wagtail.documents import get_document_model

        ids = list(dict.fromkeys(data["evidence_documents"] or []))
        found = set(get_document_model().objects.filter(pk__in=ids).values_list("pk", flat=True))
        missing = [str(pk) for pk in ids if pk not in found]
        if missing:
            errors["evidence_documents"] = [_("No document with id %(ids)s.") % {"ids": ", ".join(missing)}]
        cleaned["evidence_documents"] = ids
    if "practices" in data:
        ids = list(dict.fromkeys(data["practices"] or []))
        if len(ids) > MAX_PRACTICES:
            errors["practices"] = [_("At most %(count)d practices.") % {"count": MAX_PRACTICES}]
        else:
            found = set(published_practices().filter(pk__in=ids).values_list("pk", flat=True))
            missing = [str(pk) for pk in ids if pk not in found]
            if missing:
                errors["practices"] = [_("No published practice with id %(ids)s.") % {"ids": ", ".join(missing)}]
            cleaned["practices"] = ids
    status = cleaned.get("status", instance.status if instance else None)
    if "evidence_urls" in cleaned or "evidence_documents" in cleaned:
        kept = instance.evidence.all() if instance and instance.pk else FollowUpEvidence.objects.none()
        urls = cleaned.get("evidence_urls", [e.url for e in kept if e.url])
        documents = cleaned.get("evidence_documents", [e.document_id for e in kept if e.document_id])
        has_evidence = bool(urls or documents)
    else:
        has_evidence = bool(instance and instance.pk and instance.evidence.exists())
    if status in EVIDENCE_REQUIRED and not has_evidence and "status" not in errors:
        errors.setdefault("evidence_urls", []).append(
            _("A report of status “%(status)s” needs at least one piece of evidence (a link or a document).")
            % {"status": FOLLOW_UP_STATUSES.label(status)}
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _apply(report: FollowUpReport, cleaned: dict) -> None:
    for name in ("country", "status", "actor", "date", "description", "organisation"):
        if name in cleaned:
            setattr(report, name, cleaned[name])
    report.save()
    if "evidence_urls" in cleaned or "evidence_documents" in cleaned:
        kept = list(report.evidence.all())
        urls = cleaned.get("evidence_urls", [e.url for e in kept if e.url])
        documents = cleaned.get("evidence_documents", [e.document_id for e in kept if e.document_id])
        report.evidence.all().delete()
        rows = [FollowUpEvidence(report=report, url=url) for url in urls]
        rows += [FollowUpEvidence(report=report, document_id=pk) for pk in documents]
        for order, row in enumerate(rows):
            row.sort_order = order
        FollowUpEvidence.objects.bulk_create(rows)
    if "practices" in cleaned:
        report.practices.set(cleaned["practices"])


def _log(report: FollowUpReport, action: str, user, comment: str = "") -> None:
    log(
        instance=report,
        action=LOG_ACTION,
        user=user if user and user.is_authenticated else None,
        data={"action": action, "comment": comment, "review_status": report.review_status},
    )


def _locked(report: FollowUpReport) -> FollowUpReport:
    return FollowUpReport.objects.select_for_update().get(pk=report.pk)


# --- Transitions --------------------------------------------------------------------------


@transaction.atomic
def submit(*, recommendation, user=None, reporter_email: str = "", data: dict) -> FollowUpReport:
    """A new report on a published recommendation, waiting for review."""
    if not published_recommendations().filter(pk=recommendation.pk).exists():
        raise InvalidTransition(_("Follow-up is reported on published recommendations only."))
    anonymous = not (user and user.is_authenticated)
    if anonymous and not (reporter_email or "").strip():
        raise ValidationError({"reporter_email": [_("An e-mail address is required.")]})
    cleaned = clean_report_data(data)
    report = FollowUpReport(
        recommendation_id=recommendation.pk,
        reporter=None if anonymous else user,
        reporter_email=(reporter_email or "").strip() or ("" if anonymous else user.email),
        review_status="submitted",
    )
    _apply(report, cleaned)
    _log(report, "submit", user)
    notifications.follow_up_submitted(report)
    return report


@transaction.atomic
def update(*, report: FollowUpReport, user, data: dict) -> FollowUpReport:
    """The reporter's correction of a report sent back; it goes back to review."""
    report = _locked(report)
    if not (user and user.is_authenticated and report.reporter_id == user.pk):
        raise NotAllowed(_("Only its reporter changes a report."))
    if report.review_status != "sent_back":
        raise InvalidTransition(
            _("A report in this review status (%(status)s) cannot be changed.") % {"status": report.review_status_label}
        )
    cleaned = clean_report_data(data, partial=True, instance=report)
    report.review_status = "submitted"
    _apply(report, cleaned)
    _log(report, "resubmit", user)
    notifications.follow_up_submitted(report)
    return report


def _reviewing(report: FollowUpReport, user) -> FollowUpReport:
    report = _locked(report)
    if not is_reviewer(user):
        raise NotAllowed(_("Only curators and the Red Regional review follow-up reports."))
    if report.reporter_id and report.reporter_id == user.pk:
        raise NotAllowed(_("Nobody reviews a report they made."))
    if report.review_status != "submitted":
        raise InvalidTransition(
            _("A report in this review status (%(status)s) is not waiting for review.") % {"status": report.review_status_label}
        )
    return report


@transaction.atomic
def publish(*, report: FollowUpReport, user, comment: str = "") -> FollowUpReport:
    report = _reviewing(report, user)
    pair = (report.recommendation_id, report.country)
    before = current_reports([report.recommendation_id]).get(pair)
    report.review_status = "published"
    report.review_comment = (comment or "").strip()
    report.reviewed_by = user
    report.published_at = timezone.now()
    report.save(update_fields=["review_status", "review_comment", "reviewed_by", "published_at", "updated_at"])
    _log(report, "publish", user, comment)
    notifications.follow_up_published(report)
    after = current_reports([report.recommendation_id]).get(pair)
    if before is None or before.status != after.status:
        notifications.follow_up_changed(report, before.status if before else "")
    return report


@transaction.atomic
def send_back(*, report: FollowUpReport, user, comment: str) -> FollowUpReport:
    comment = (comment or "").strip()
    if not comment:
        raise CommentRequired(_("A comment is required to send a report back."))
    report = _reviewing(report, user)
    report.review_status = "sent_back"
    report.review_comment = comment
    report.reviewed_by = user
    report.save(update_fields=["review_status", "review_comment", "reviewed_by", "updated_at"])
    _log(report, "send_back", user, comment)
    notifications.follow_up_sent_back(report)
    return report


# --- Following a recommendation -----------------------------------------------------------


def follow(*, recommendation, user) -> bool:
    """Returns True when the user was not following yet."""
    if not (user and user.is_authenticated):
        raise NotAllowed(_("Sign in to follow a recommendation."))
    if not published_recommendations().filter(pk=recommendation.pk).exists():
        raise InvalidTransition(_("Only published recommendations can be followed."))
    _follower, created = RecommendationFollower.objects.get_or_create(recommendation_id=recommendation.pk, user=user)
    return created


def unfollow(*, recommendation, user) -> bool:
    if not (user and user.is_authenticated):
        raise NotAllowed(_("Sign in to follow a recommendation."))
    deleted, _by_model = RecommendationFollower.objects.filter(recommendation_id=recommendation.pk, user=user).delete()
    return bool(deleted)


def is_following(user, recommendation) -> bool:
    return bool(
        user
        and user.is_authenticated
        and RecommendationFollower.objects.filter(recommendation_id=recommendation.pk, user=user).exists()
    )
