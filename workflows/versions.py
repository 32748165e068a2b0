"""The versions of a recommendation and what changed between two of them (issue #16).

A version is one of the item's Wagtail revisions. Each is labelled by what the workflow did with
it: submitted at the table stage, approved at a stage (the text the next stage votes on),
published, or a plain edit. ``diff`` compares the title, text and rationale of two versions word
by word: what a liaison or network reviewer needs to see before voting is the diff between the
version approved at the previous stage and the one now in front of them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from wagtail.models import Revision, TaskState, WorkflowState

from cms.taxonomies import REVIEW_STAGES

from .models import LiaisonVote

DIFF_FIELDS = ("title", "text", "rationale")
TOKENS = re.compile(r"\s+|[^\s]+")


class UnknownVersion(LookupError):
    """A version id that is not one of the item's."""


@dataclass(frozen=True)
class Version:
    id: int
    at: object  # datetime
    user: object | None
    stage: str | None  # the stage that approved it (or that it was submitted to)
    event: str  # "edit", "submitted", "approved", "published"

    @property
    def label(self) -> str:
        from django.utils.translation import gettext

        stage = REVIEW_STAGES.label(self.stage) if self.stage in REVIEW_STAGES else ""
        if self.event == "published":
            return gettext("Published")
        if self.event == "approved":
            return gettext("Approved: %(stage)s") % {"stage": stage}
        if self.event == "submitted":
            return gettext("Submitted: %(stage)s") % {"stage": stage}
        return gettext("Edited")


def _task_events(item) -> dict[int, tuple[str, str]]:
    """revision id → (event, stage), the latest workflow event of each revision winning."""
    states = WorkflowState.objects.for_instance(item).values_list("pk", flat=True)
    events: dict[int, tuple[str, str]] = {}
    task_states = (
        TaskState.objects.filter(workflow_state__in=states, revision__isnull=False)
        .select_related("task")
        .order_by("started_at", "pk")
    )
    for task_state in task_states:
        stage = getattr(task_state.task.specific, "stage", "")
        if task_state.status == TaskState.STATUS_APPROVED:
            events[task_state.revision_id] = ("approved", stage)
        elif task_state.revision_id not in events and stage == "table":
            events[task_state.revision_id] = ("submitted", stage)
    voted = LiaisonVote.objects.filter(task_state__workflow_state__in=states).values_list("task_state__revision_id", flat=True)
    for revision_id in voted:
        events.setdefault(revision_id, ("approved", "liaison"))
    return events


def versions_of(item) -> list[Version]:
    """Every version of ``item``, oldest first."""
    events = _task_events(item)
    revisions = Revision.objects.for_instance(item).select_related("user").order_by("created_at", "pk")
    versions = []
    for revision in revisions:
        event, stage = events.get(revision.pk, ("edit", ""))
        if revision.pk == item.live_revision_id:
            event = "published"
        versions.append(Version(revision.pk, revision.created_at, revision.user, stage or None, event))
    return versions


def default_comparison(item) -> tuple[int | None, int | None]:
    """(from, to): the latest version approved at a stage (or submitted, or published) before
    the current one, and the current one."""
    versions = versions_of(item)
    if not versions:
        return None, None
    current = versions[-1]
    earlier = [v for v in versions[:-1] if v.event in ("approved", "published", "submitted")]
    base = earlier[-1] if earlier else (versions[0] if len(versions) > 1 else current)
    return base.id, current.id


def _fields(item, revision_id: int) -> dict[str, str]:
    revision = Revision.objects.for_instance(item).filter(pk=revision_id).first()
    if revision is None:
        raise UnknownVersion(revision_id)
    content = revision.content
    return {name: content.get(name) or "" for name in DIFF_FIELDS}


def word_diff(before: str, after: str) -> list[dict[str, str]]:
    """``[{"op": "equal"|"insert"|"delete", "text"}]``: ``before`` turned into ``after`` word by
    word (whitespace kept with the words)."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    segments: list[dict[str, str]] = []

    def add(op, tokens):
        if not tokens:
            return
        text = "".join(tokens)
        if segments and segments[-1]["op"] == op:
            segments[-1]["text"] += text
        else:
            segments.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", old[i1:i2])
        else:
            add("delete", old[i1:i2])
            add("insert", new[j1:j2])
    return segments


def diff(item, from_id: int, to_id: int) -> dict[str, list[dict[str, str]]]:
    """The word-level diff of title, text and rationale between two of ``item``'s versions.
    Raises :class:`UnknownVersion` for an id that is not one of its versions."""
    before, after = _fields(item, from_id), _fields(item, to_id)
    return {name: word_diff(before[name], after[name]) for name in DIFF_FIELDS}


def changed(segments: list[dict[str, str]]) -> bool:
    return any(segment["op"] != "equal" for segment in segments)
