"""Two-factor sign-in in a real Chromium: the municipality requires it; the
admin-office editor signs in, is sent to enrol, scans (here: reads) the key,
confirms with a code; signs out and in again with a code; a wrong code is
refused and the next one throttled; a department editor is not asked."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from shinchoku.plans.models import Municipality
from shinchoku.workflow.demo import PASSWORD, ensure_demo_people


def code_for(secret: str, *, step_offset: int = 0) -> str:
    """The code an authenticator app shows for the key, `step_offset` 30-second
    steps from now (a code is accepted once: the next step's is fresh)."""
    key = secret.replace(" ", "")
    key = base64.b32decode(key + "=" * (-len(key) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * step_offset
    return f"{totp.token():06d}"


def password_step(page, base: str, username: str) -> None:
    page.goto(base + "/workflow/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")


def sign_out(page) -> None:
    page.click("nav.user-nav form button[type=submit]")


THROTTLE = 4  # seconds after the first wrong code


@pytest.mark.django_db(transaction=True)
def test_enrol_sign_in_with_a_code_wrong_code_throttled(
    page, live_server, seed_plan, artifact_path, settings
):
    # django-otp waits FACTOR × 2^(failures−1) seconds after a wrong code; a
    # factor above its default 1 keeps "right away" true on a loaded machine,
    # where a browser step can take more than a second.
    settings.OTP_TOTP_THROTTLE_FACTOR = THROTTLE
    ensure_demo_people()
    Municipality.objects.filter(code="132110").update(require_two_factor=True)
    base = live_server.url

    # A department editor is not asked for a code.
    password_step(page, base, "joho")
    expect(page).to_have_url(re.compile(r"/workflow/$"))
    sign_out(page)

    # The admin office must enrol before anything else.
    password_step(page, base, "gyosei")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
    page.goto(f"{base}/staff/132110/plans/{seed_plan.slug}/rounds/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
    expect(page.locator("figure.qr-code svg")).to_be_visible()
    page.screenshot(path=artifact_path("two-factor-enrol.png"), full_page=True)
    secret = page.locator("#totp-secret").inner_text()
    page.fill("#id_code", "000000" if code_for(secret) != "000000" else "111111")
    page.click("main form button[type=submit]")
    expect(page.locator("#code-error")).to_contain_text("正しくありません")
    time.sleep(THROTTLE + 0.1)  # the next check waits after a failure
    page.fill("#id_code", code_for(secret))
    page.click("main form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("2段階認証を有効にしました")
    # The next step's code, as the device now counts steps: had the code above
    # reached the server after a 30-second boundary, it was taken as the step
    # before and the device records that drift (OTP_TOTP_SYNC).
    nxt = 1 + TOTPDevice.objects.get(user__username="gyosei", confirmed=True).drift
    page.goto(f"{base}/staff/132110/plans/{seed_plan.slug}/rounds/")
    expect(page.locator("h1")).to_be_visible()
    assert "/accounts/" not in page.url
    sign_out(page)

    # Signing in again takes the password, then a code.
    password_step(page, base, "gyosei")
    expect(page).to_have_url(re.compile(r"/accounts/code/"))
    page.fill(
        "#id_code",
        "123456" if code_for(secret, step_offset=nxt) != "123456" else "654321",
    )
    page.click("main form button[type=submit]")
    expect(page.locator("#code-error")).to_contain_text("正しくありません")
    # Right away, even the right code is refused: the wrong one throttled it.
    page.fill("#id_code", code_for(secret, step_offset=nxt))
    page.click("main form button[type=submit]")
    expect(page.locator("#code-error")).to_contain_text("秒待って")
    page.screenshot(path=artifact_path("two-factor-throttled.png"), full_page=True)
    # Not signed in meanwhile.
    page.goto(f"{base}/workflow/")
    expect(page).to_have_url(re.compile(r"/workflow/login/"))
    password_step(page, base, "gyosei")
    expect(page).to_have_url(re.compile(r"/accounts/code/"))
    time.sleep(2 * THROTTLE + 0.1)  # the second failure: twice as long
    page.fill("#id_code", code_for(secret, step_offset=nxt))
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/workflow/$"))
    expect(page.locator("nav.user-nav")).to_contain_text("2段階認証")
