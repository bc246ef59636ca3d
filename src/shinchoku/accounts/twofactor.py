"""Two-factor sign-in (TOTP, RFC 6238, through django-otp): who may and who
must use it, enrolment and the check of a code.

Admin-office editors, system administrators and the admin site's staff may
enrol an authenticator app; they must when their municipality requires it
(Municipality.require_two_factor) — a system administrator, who acts for every
municipality, when any does. A wrong code makes the next check wait (django-
otp's throttle: 1, 2, 4 … seconds after each successive failure)."""

from __future__ import annotations

import enum
import logging
from base64 import b32encode
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from shinchoku.plans.models import Municipality
from shinchoku.workflow.models import Role
from shinchoku.workflow.permissions import actor_for

log = logging.getLogger("shinchoku.security")
ELIGIBLE_ROLES = {Role.ADMIN_OFFICE, Role.SYSTEM_ADMIN}
DEVICE_NAME = "Shinchoku"


def eligible(user) -> bool:
    """Whether the user may enrol: admin office, system administrators, staff.
    (The role as workflow.permissions reads it, once per request.)"""
    if not user.is_authenticated:
        return False
    return user.is_staff or actor_for(user).role in ELIGIBLE_ROLES


def required(user) -> bool:
    """Whether the user must sign in with a code."""
    if not eligible(user):
        return False
    municipality_id = actor_for(user).municipality_id
    municipalities = Municipality.objects.filter(require_two_factor=True)
    if municipality_id is not None:
        municipalities = municipalities.filter(pk=municipality_id)
    return municipalities.exists()


def confirmed_device(user) -> TOTPDevice | None:
    if not user.is_authenticated and user.pk is None:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def enrolment_device(user) -> TOTPDevice:
    """The device being enrolled: its secret stays the same until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice, *, title: str) -> str:
    """The otpauth:// URL as an inline SVG QR code (made here, no network)."""
    import segno  # the QR code's library, for this page only (start-up time)

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, title=title, svgclass="qr"
    )


class Outcome(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    THROTTLED = "throttled"


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    wait_seconds: int = 0


def check_code(device: TOTPDevice, code: str) -> Check:
    """Verify a code of the device: OK, WRONG (and the next check waits), or
    THROTTLED (too soon after a wrong one; nothing was checked)."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return Check(Outcome.THROTTLED, _wait(info))
    code = "".join(code.split())
    if device.verify_token(code):
        return Check(Outcome.OK)
    log.info(
        "two-factor code refused",
        extra={"user_id": device.user_id, "failures": device.throttling_failure_count},
    )
    return Check(Outcome.WRONG)


def _wait(info: dict | None) -> int:
    until = (info or {}).get("locked_until")
    if until is None:
        return 1
    return max(1, int((until - timezone.now()).total_seconds() + 0.999))


@transaction.atomic
def enrol_confirm(device: TOTPDevice, code: str) -> Check:
    """Confirm the enrolment of `device` with a first code from the app."""
    check = check_code(device, code)
    if check.outcome is Outcome.OK:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
        log.info("two-factor enrolled", extra={"user_id": device.user_id})
    return check
