"""The admin office's paste page: a plan's text in, proposed indicators with the
words each came from marked, the ticked ones added to a program (audited)."""

from __future__ import annotations

import pytest
from django.utils import translation

from shinchoku.common.services import ServiceError
from shinchoku.plans import kpi_paste, services
from shinchoku.plans.models import Indicator
from tests.workflow.conftest import build_people

TEXT = "\n".join(
    [
        "1 行政手続のオンライン化",
        "転入者数:1,210人(平成27年)→1,480人(令和2年)",
        "防災訓練参加者数 人 820 1,000 増加を目指す",
        "今年度は窓口の混雑が目立ちました。",
    ]
)


@pytest.fixture
def people(seed_plan):
    return build_people(seed_plan)


@pytest.fixture
def url(seed_plan) -> str:
    return f"{seed_plan.get_absolute_url()}indicators/paste/"


def test_preview_marks_the_words_each_indicator_came_from() -> None:
    lines = kpi_paste.preview(TEXT, first_fy=2021, last_fy=2025)
    assert [line.number for line in lines] == [2, 3]  # the others state no target
    first = lines[0].proposals[0]
    assert first.key == "2-0"
    marked = {s.part: s.text for s in first.segments if s.part}
    assert marked == {"name": "転入者数", "baseline": "1,210人", "target": "1,480人"}
    assert "".join(s.text for s in first.segments) == lines[0].text


def test_accept_adds_confirmed_indicators_with_history(people, seed_plan) -> None:
    program = seed_plan.programs.get(number=3)
    kpis = kpi_paste.chosen(TEXT, ["2-0", "3-0"], first_fy=2021, last_fy=2025)
    added = services.indicators_accept(
        actor=people["gyosei"], program=program, kpis=kpis
    )
    got = Indicator.objects.get(pk=added[0].pk)
    assert (got.name, got.unit, got.baseline, got.target, got.deadline_fy) == (
        "転入者数",
        "人",
        1210,
        1480,
        2020,
    )
    assert got.status == "confirmed" and got.source_text.startswith("転入者数:")
    assert str(got.baseline_date) == "2015-12-31"
    record = got.history.get()
    assert record.history_user == people["gyosei"]
    assert "accepted from pasted text" in record.history_change_reason
    # The same indicators again: refused, and nothing written.
    with translation.override("en"), pytest.raises(ServiceError, match="転入者数"):
        services.indicators_accept(actor=people["gyosei"], program=program, kpis=kpis)
    assert program.indicators.filter(name="防災訓練参加者数").count() == 1


def test_only_the_admin_office_may_paste(client, people, url) -> None:
    client.force_login(people["joho"])  # a department: may read, not add
    assert client.get(url).status_code == 403
    client.force_login(people["outsider"])  # another municipality's office
    assert client.get(url).status_code == 403


def test_paste_preview_and_accept_on_the_page(client, people, url, seed_plan) -> None:
    """The office's story: paste, look at the marked words, untick one, add the
    other to program 3, land on its page; the text without any target yields
    no proposal; a changed text refuses the stale ticks."""
    client.force_login(people["gyosei"])
    page = client.get(f"{url}?program=3").content.decode()
    assert '<textarea name="text"' in page and 'value="3" selected' in page
    form = {"text": TEXT, "first_fy": 2021, "last_fy": 2025, "program": 3}
    html = client.post(url, {**form, "do": "preview"}).content.decode()
    assert '<mark class="ev ev-name" title="name">転入者数</mark>' in html
    assert '<mark class="ev ev-target" title="target">1,000</mark>' in html
    assert "窓口の混雑" not in html.split('id="proposals"')[1]
    digest = kpi_paste.digest(TEXT)
    assert f'value="{digest}"' in html
    program = seed_plan.programs.get(number=3)
    before = set(program.indicators.values_list("name", flat=True))
    response = client.post(
        url, {**form, "do": "accept", "digest": digest, "accept": ["3-0"]}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"{program.get_absolute_url()}#indicators")
    after = set(program.indicators.values_list("name", flat=True))
    assert after - before == {"防災訓練参加者数"}
    stale = client.post(
        url,
        {
            **form,
            "text": TEXT.replace("1,480", "1,500"),
            "do": "accept",
            "digest": digest,
            "accept": ["2-0"],
        },
    )
    assert stale.status_code == 200
    assert not program.indicators.filter(name="転入者数").exists()
    empty = client.post(url, {**form, "text": "今年度は順調でした。", "do": "preview"})
    assert "proposals" in empty.content.decode()
    assert "<mark" not in empty.content.decode().split('id="proposals"')[1]


def test_paste_refuses_an_over_long_line(client, people, url) -> None:
    client.force_login(people["gyosei"])
    form = {"text": "指標" * 1500, "first_fy": 2021, "last_fy": 2025, "program": 3}
    with translation.override("en"):
        html = client.post(url, {**form, "do": "preview"}).content.decode()
    assert "Line 1 has 3,000 characters" in html or "1行目" in html
    assert 'id="proposals"' not in html
