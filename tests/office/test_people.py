"""The admin office adds its departments and people: a one-time password shown
once and changed at the first sign-in, or an invitation by mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from shinchoku.workflow.models import Department, Membership, Role

pytestmark = pytest.mark.django_db


def _person(**overrides):
    return {
        "username": "somu",
        "last_name": "総務",
        "first_name": "花子",
        "email": "somu@example.jp",
        "role": Role.DEPARTMENT_EDITOR,
        "password": "one_time",
        **overrides,
    }


def test_a_department_is_added_and_renamed(office_client, town):
    add = reverse("office:department-create", kwargs={"code": "423076"})
    response = office_client.post(add, {"name": "総務課", "ordering": "3"})
    assert response.status_code == 302
    department = Department.objects.get(name="総務課")
    edit = reverse(
        "office:department-edit", kwargs={"code": "423076", "pk": department.pk}
    )
    office_client.post(edit, {"name": "総務部総務課", "ordering": "3"})
    department.refresh_from_db()
    assert department.name == "総務部総務課"
    assert [h.history_user for h in department.history.all()] == [
        town["users"]["kikaku"]
    ] * 2


def test_a_one_time_password_is_shown_once_and_must_be_changed(
    office_client, client, town
):
    url = reverse("office:person-create", kwargs={"code": "423076"})
    page = office_client.post(url, _person(department=str(town["works"].pk)))
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    password = re.search(
        r'id="one-time-password">([^<]+)<', page.content.decode()
    ).group(1)
    membership = Membership.objects.get(user__username="somu")
    assert membership.must_change_password
    assert membership.department == town["works"]

    client.logout()
    login = reverse("accounts:login")
    client.post(login, {"username": "somu", "password": password})
    # Anything but the change page sends them there.
    home = client.get(reverse("workflow:home"))
    assert home.status_code == 302
    assert home["Location"] == reverse("accounts:password-change")
    changed = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": password,
            "new_password1": "a new and long pass phrase",
            "new_password2": "a new and long pass phrase",
        },
    )
    assert changed.status_code == 302
    assert client.get(reverse("workflow:home")).status_code == 200
    membership.refresh_from_db()
    assert not membership.must_change_password
    assert membership.history.latest().history_change_reason == (
        "screen: password chosen"
    )


def test_an_invitation_is_mailed_and_its_link_sets_the_password(
    office_client, client, town
):
    url = reverse("office:person-create", kwargs={"code": "423076"})
    response = office_client.post(url, _person(password="invite", role=Role.COMMITTEE))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["somu@example.jp"]
    link = re.search(r"http://testserver(/accounts/set-password/\S+)", message.body)
    client.logout()
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a new and long pass phrase",
            "new_password2": "a new and long pass phrase",
        },
    )
    assert done.status_code == 302
    client.post(
        reverse("accounts:login"),
        {"username": "somu", "password": "a new and long pass phrase"},
    )
    assert client.get(reverse("workflow:home")).status_code == 200
    assert not Membership.objects.get(user__username="somu").must_change_password


def test_an_invitation_needs_an_address_and_names_are_unique(office_client, town):
    url = reverse("office:person-create", kwargs={"code": "423076"})
    page = office_client.post(url, _person(password="invite", email=""))
    assert "give the address" in page.content.decode()
    page = office_client.post(url, _person(username="KIKAKU"))
    assert "is taken" in page.content.decode()
    assert not Membership.objects.filter(user__username="somu").exists()


def test_a_role_is_changed(office_client, town):
    kensetsu = Membership.objects.get(user__username="kensetsu")
    url = reverse(
        "office:membership-edit", kwargs={"code": "423076", "pk": kensetsu.pk}
    )
    office_client.post(url, {"role": Role.COMMITTEE, "department": ""})
    kensetsu.refresh_from_db()
    assert kensetsu.role == Role.COMMITTEE


def test_the_office_cannot_make_a_system_administrator(office_client, town):
    kensetsu = Membership.objects.get(user__username="kensetsu")
    url = reverse(
        "office:membership-edit", kwargs={"code": "423076", "pk": kensetsu.pk}
    )
    page = office_client.post(url, {"role": Role.SYSTEM_ADMIN})
    assert page.status_code == 200  # not a choice of the form
    kensetsu.refresh_from_db()
    assert kensetsu.role == Role.DEPARTMENT_EDITOR
