"""CSRF: every URL of the site — enumerated from the URL configuration, the
admin site included — refuses a POST without a CSRF token with 403 (or, for
the read-only JSON API, 405: it takes no POST at all) and changes nothing,
even for a signed-in system administrator, who may do anything else. The
endpoints that do take POST are found by posting with a token (rolled back)."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from shinchoku.imports.services import import_file
from shinchoku.plans.models import Indicator
from shinchoku.workflow.models import Department
from tests.workflow.conftest import build_people, build_world, open_plan_round

_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def named_routes(patterns=None, namespace=None, prefix=""):
    """(URL name, route) of every named URL pattern, namespaces included."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace
            if namespace and ns:
                ns = f"{namespace}:{ns}"
            yield from named_routes(
                p.url_patterns, ns or namespace, prefix + str(p.pattern)
            )
        elif isinstance(p, URLPattern) and p.name:
            name = f"{namespace}:{p.name}" if namespace else p.name
            yield name, prefix + str(p.pattern)


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        plan = import_file(settings.SHINCHOKU_SEED_FILE).plan
        people = build_people(plan)
        world = build_world(people, plan, open_plan_round(people, plan))
        Group.objects.create(name="閲覧者")  # so the admin's group pages exist
        # … and the two-factor device pages (django-otp's admin has no 404)
        TOTPDevice.objects.create(user=people["gyosei"], name="phone")
    yield people, world
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def url_for(name: str, route: str, world) -> str | None:
    """The URL of a named route, its parameters taken from the world."""
    plan = world["plan"]
    pks = {
        "workflow:entry": world["entry_draft"].pk,
        "workflow:opinion-respond": world["opinion_private"].pk,
        "workflow:edition-publish": world["draft_edition"].pk,
        "plans:indicator": Indicator.objects.filter(program__plan=plan).first().pk,
    }
    values = {
        "code": plan.municipality.code,
        "plan": plan.slug,
        "slug": plan.slug,
        "number": 12,
        "fy": 2024,
        "name": "records.csv",
        "fmt": "html",
        "department": Department.objects.get(name="情報政策課").pk,
        "pk": next(
            (pk for prefix, pk in pks.items() if name.startswith(prefix)),
            world["open_round"].pk,
        ),
        "edition": "latest" if name.startswith("api:") else 1,
        "app_label": "plans",
        "uidb64": "MQ",  # an invitation's link: CSRF is checked before the token
        "token": "set-password",
    }
    if name == "portal:report":
        values["edition"] = world["published_edition"].pk
    model = None
    if name.startswith("admin:"):
        rest = name.removeprefix("admin:")
        # admin:<app label>_<model>_<view>; a label may hold "_" (otp_totp)
        for config in apps.get_app_configs():
            if rest.startswith(config.label + "_") and rest.count("_") >= 2:
                model_name = rest[len(config.label) + 1 :].split("_")[0]
                try:
                    model = config.get_model(model_name)
                    break
                except LookupError:
                    continue
        if model is not None:
            first = model._default_manager.order_by("pk").first()
            # no row (e.g. API tokens): CSRF is checked before any lookup
            values["object_id"] = first.pk if first else 1
            values["id"] = values["object_id"]  # the user's password page
            values["pk"] = values["object_id"]  # django-otp's device pages
    if name.endswith("_simple_history"):  # history/<id>/ of one object
        record = model.history.filter(**{model._meta.pk.attname: values["object_id"]})
        return reverse(name, args=[values["object_id"], record.first().history_id])
    kwargs = {}
    for match in _PARAM.finditer(route):
        param = match.group(1) or match.group(2)
        if param not in values:
            return None  # e.g. admin:view_on_site's content type: GET only
        kwargs[param] = values[param]
    return reverse(name, kwargs=kwargs)


def fingerprint() -> tuple:
    """Row counts of every table, and the mail sent: every change of plan or
    round data leaves a history row, so a refused request leaves them all."""
    return (
        tuple(m._base_manager.count() for m in apps.get_models()),
        len(mail.outbox),
        list(get_user_model().objects.order_by("pk").values()),
    )


@pytest.mark.django_db
def test_every_post_without_a_token_is_refused_and_changes_nothing(shared):
    people, world = shared
    admin = people["admin"]
    routes = list(named_routes())
    assert len(routes) > 100  # the admin site's and ours
    accepting, skipped = [], []
    for name, route in routes:
        url = url_for(name, route, world)
        if url is None:
            skipped.append(name)
            continue
        hostile = Client(enforce_csrf_checks=True)
        hostile.force_login(admin)
        before = fingerprint()
        refused = hostile.post(url, {"title": "x", "text": "x", "published": "1"})
        assert fingerprint() == before, f"{name}: a POST without a token changed data"
        # With a token (Client() does not check), rolled back: does it take POST?
        with transaction.atomic():
            friendly = Client()
            friendly.force_login(admin)
            accepted = friendly.post(url, {}).status_code != 405
            transaction.set_rollback(True)
        mail.outbox.clear()
        if refused.status_code == 405:  # the API's operations: GET only
            assert name.startswith("api:") and not accepted, name
            continue
        assert refused.status_code == 403, (name, url, refused.status_code)
        assert b"CSRF" in refused.content, name  # refused for the token, not the role
        if accepted:
            accepting.append(name)
    # The forms of the site are among them (so the enumeration did its job).
    assert {
        "accounts:login",
        "workflow:logout",
        "accounts:code",
        "accounts:two-factor",
        "workflow:rounds",
        "workflow:round-remind",
        "workflow:round-close",
        "workflow:workbook-upload",
        "workflow:entry-edit",
        "workflow:entry-submit",
        "workflow:entry-return",
        "workflow:entry-approve",
        "workflow:opinion-add",
        "workflow:opinion-respond",
        "workflow:edition-publish",
        "workflow:program-year-edit",
        "plans:program-grade",
        "plans:indicator-review",
        "plans:indicator-actual",
        "office:plan-create",
        "office:plan-edit",
        "office:program-create",
        "office:program-edit",
        "office:indicator-add",
        "office:next-period",
        "office:department-create",
        "office:person-create",
        "office:membership-edit",
        "accounts:password-change",
        "accounts:set-password",
        "set_language",
        "admin:login",
        "admin:plans_program_change",
        "admin:plans_program_delete",
    } <= set(accepting), sorted(accepting)
    # The API's write operations take ids this enumeration does not make up;
    # tests/api/test_auth.py refuses their session writes without a CSRF token.
    assert {s for s in skipped if not s.startswith("api:")} <= {"admin:view_on_site"}
