"""Two-factor sign-in on the paths the browser test does not walk: the admin
site's own sign-in page, the API with a session, and who may enrol. (The story
of enrolment, codes and throttling: tests/e2e/test_two_factor.py.)"""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from shinchoku.plans.models import Municipality
from shinchoku.workflow.demo import PASSWORD, ensure_demo_people


@pytest.fixture
def demo(db, django_user_model):
    Municipality.objects.create(code="132110", name="小平市")
    names = [u.username for u in ensure_demo_people()]
    return {u.username: u for u in django_user_model.objects.filter(username__in=names)}


def test_the_admin_sign_in_goes_through_the_code_step(client, demo, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "", PASSWORD)
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "root", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/code/"
    # The password alone signed nobody in.
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_required_and_not_enrolled_reaches_only_the_enrolment(client, demo):
    Municipality.objects.update(require_two_factor=True)
    client.force_login(demo["gyosei"])
    page = client.get("/workflow/")
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/two-factor/")
    api = client.get("/api/municipalities")
    assert api.status_code == 403 and "2段階認証" in api.json()["detail"]
    assert client.get("/accounts/two-factor/").status_code == 200
    # A department editor is neither asked nor allowed to enrol.
    client.force_login(demo["joho"])
    assert client.get("/workflow/").status_code == 200
    assert client.get("/accounts/two-factor/").status_code == 403


def test_not_required_the_admin_office_signs_in_with_the_password(client, demo):
    response = client.post(
        "/workflow/login/", {"username": "gyosei", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/workflow/"
    assert client.get("/workflow/").status_code == 200
