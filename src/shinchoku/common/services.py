"""What every service shares: the errors a refused change raises, and the one
way a service saves a model instance — validated, with a history row that
names who changed it and through what ("screen: …", "api: …", "import: …").

``actor=None`` is a system write (an import, a set-up script): no history
user."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from django.core.exceptions import ValidationError
from django.db.models import Model

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as AuthUser

# Who asks for a change: a signed-in person, or the anonymous visitor (whom the
# permission check refuses); None where a service allows a system write.
User: TypeAlias = "AuthUser | AnonymousUser"


def signed_in(actor: User | None) -> AuthUser | None:
    """The person behind an actor, for the "who" of a record (None for the
    public and for system writes)."""
    if actor is not None and actor.is_authenticated:
        return cast("AuthUser", actor)
    return None


class ServiceError(Exception):
    """A refused change, with a message for the person who asked for it (a page
    shows it beside the form; the API answers 422 with it)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleVersion(ServiceError):
    """The form, workbook or API request was based on an older version than the
    saved one. ``current`` is the record as saved (None: there is none now)."""

    def __init__(self, message: str, *, current: Model | None):
        super().__init__(message)
        self.current = current


class InvalidState(ServiceError):
    """The saved state does not allow the change (an entry already submitted, a
    live record changed under a draft): a conflict with what is saved rather
    than a fault of the request. ``current`` is the record as saved."""

    def __init__(self, message: str, *, current: Model):
        super().__init__(message)
        self.current = current


def model_assign(instance: Model, data: Mapping[str, Any]) -> bool:
    """Set the attributes of ``data`` that differ; report whether any did."""
    changed = False
    for attr, value in data.items():
        if getattr(instance, attr) != value:
            setattr(instance, attr, value)
            changed = True
    return changed


def model_save(
    instance: Model,
    *,
    actor: User | None,
    reason: str,
    exclude: Iterable[str] | None = None,
) -> None:
    """Validate (full_clean, without the fields in ``exclude``), then save with
    a history row naming the actor and the reason. A rule of the data that is
    broken raises ServiceError with the model's own messages."""
    _audit(instance, actor=actor, reason=reason)
    try:
        instance.full_clean(exclude=list(exclude) if exclude else None)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from None
    instance.save()


def model_update(
    instance: Model,
    *,
    data: Mapping[str, Any],
    actor: User | None,
    reason: str,
    exclude: Iterable[str] | None = None,
) -> bool:
    """Set what differs in ``data`` and, when anything did, count a new
    ``version`` (models that keep one) and save as model_save does. Writes
    nothing when nothing changed; returns whether anything did."""
    if not model_assign(instance, data):
        return False
    if hasattr(instance, "version"):
        instance.version += 1
    model_save(instance, actor=actor, reason=reason, exclude=exclude)
    return True


def model_delete(instance: Model, *, actor: User | None, reason: str) -> None:
    """Delete with a history row naming the actor and the reason."""
    _audit(instance, actor=actor, reason=reason)
    instance.delete()


def _audit(instance: Model, *, actor: User | None, reason: str) -> None:
    """What simple_history writes into the next history row of the instance."""
    # The attributes simple_history reads when it writes the history row.
    setattr(instance, "_change_reason", reason)  # noqa: B010
    if person := signed_in(actor):
        setattr(instance, "_history_user", person)  # noqa: B010
