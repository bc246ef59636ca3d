"""`shinchoku report` reverses its links in config.report_urls: they must be the
site's own addresses."""

import pytest
from django.urls import reverse

KWARGS = {"code": "132110", "plan": "2021-2024", "number": 7}


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("plans:program", KWARGS),
        ("portal:edition_program", {**KWARGS, "edition": 3}),
    ],
)
def test_report_links_are_the_sites_addresses(name, kwargs):
    site = reverse(name, kwargs=kwargs)
    assert reverse(name, urlconf="shinchoku.config.report_urls", kwargs=kwargs) == site
    assert site.endswith("/programs/7/")


def test_the_report_commands_html_links_each_program_to_its_page(seed_plan, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "report.html"
    call_command("report", "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    edition = seed_plan.editions.get()
    kwargs = {"code": seed_plan.municipality.code, "plan": seed_plan.slug}
    if edition.published:
        name, kwargs = "portal:edition_program", {**kwargs, "edition": 1}
    else:
        name = "plans:program"
    for number in (1, 23):
        assert f'href="{reverse(name, kwargs={**kwargs, "number": number})}"' in html
