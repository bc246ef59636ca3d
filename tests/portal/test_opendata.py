"""Open data downloads: right characters in every encoding, one datum per cell."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from shinchoku.portal import opendata
from tests.portal.helpers import add_edition, program_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(seed_plan):
    return f"/132110/plans/{seed_plan.slug}/editions/1/download/"


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def read_csv(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_utf8_with_bom_for_excel(client, base):
    response = download(client, base + "records.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="132110_2021-2024_e1_records.csv"' in response["Content-Disposition"]
    )
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = read_csv(body.decode("utf-8-sig"))
    assert rows[0] == opendata.COLUMN_IDS
    assert rows[1][:2] == ["全国地方公共団体コード", "地方公共団体名"]
    assert b"\r\n" in body
    assert any("令和4年度末での電子決裁率73.7%。" in r for r in rows)


def test_utf8_without_bom_for_machines(client, base):
    body = download(client, base + "records-utf8.csv").content
    assert not body.startswith(b"\xef\xbb\xbf")
    rows = read_csv(body.decode("utf-8"))
    assert rows[0] == opendata.COLUMN_IDS
    assert rows[1][0] == "132110"  # data from row 2: no label row
    assert all(len(r) == len(opendata.COLUMN_IDS) for r in rows)


def test_shift_jis_on_request(client, base):
    response = download(client, base + "records-sjis.csv")
    assert response["Content-Type"] == "text/csv; charset=Shift_JIS"
    rows = read_csv(response.content.decode("cp932"))
    assert rows[1][0] == "全国地方公共団体コード"
    assert any("文書の電子化・ペーパーレス化" in r for r in rows)


def test_characters_shift_jis_lacks(seed_plan, client):
    def change(snapshot):
        program_of(snapshot, 12)["policy_points"] = ["令和5年度〜令和6年度 𠮷野家"]

    add_edition(seed_plan, "令和7年度当初計画", change=change)
    body = download(
        client, f"/132110/plans/{seed_plan.slug}/editions/2/download/records-sjis.csv"
    ).content
    text = body.decode("cp932")
    assert "令和5年度～令和6年度 ?野家" in text  # WAVE DASH → its twin; 𠮷 lost


def test_one_row_per_bullet_with_its_position_and_both_calendars(client, base):
    rows = read_csv(download(client, base + "records-utf8.csv").content.decode())
    header, data = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header.index("fiscal_year_wareki") == header.index("fiscal_year") + 1
    achievements = [
        r for r in data if r["program_number"] == "12" and r["field"] == "achievement"
    ]
    assert [r["position"] for r in achievements] == [
        str(i) for i in range(1, len(achievements) + 1)
    ]
    last = achievements[-1]
    assert last["text"] == "令和4年度末での電子決裁率73.7%。"
    assert (last["fiscal_year"], last["fiscal_year_wareki"]) == ("2022", "令和4年度")
    assert last["municipality_code"] == "132110"
    assert last["edition_date"] == "2024-02-02"
    assert last["edition_date_wareki"] == "令和6年2月2日"
    assert last["field_label"] == "取組実績"
    # the edition as presented: every row stands alone
    assert (last["edition_meeting"], last["edition_material"]) == (
        "第3回 経営方針推進委員会",
        "資料1",
    )
    assert last["edition_schedule_as_of"] == "2023-03"
    ended = next(r for r in data if r["program_number"] == "21")
    assert (ended["ended_after_fy"], ended["ended_after_fy_wareki"]) == (
        "2022",
        "令和4年度",
    )
    points = [r for r in data if r["field"] == "policy_point"]
    assert all(r["fiscal_year"] == "" for r in points)
    # No cell holds a bullet list.
    assert not any("・" == r["text"][:1] for r in data)


def test_xlsx(client, base):
    response = download(client, base + "records.xlsx")
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["records"]
    assert [c.value for c in ws[1]] == opendata.COLUMN_IDS
    assert ws["A3"].value == "132110"
    values = [row for row in ws.iter_rows(min_row=3, values_only=True)]
    assert any("令和4年度末での電子決裁率73.7%。" in row for row in values)
    fy = opendata.COLUMN_IDS.index("fiscal_year")
    assert any(row[fy] == 2022 for row in values)  # a number, not text
    about = dict(wb["about"].iter_rows(values_only=True))
    assert about["licence"].startswith("CC BY 4.0")


def test_json_is_the_frozen_interchange_document(client, base, seed_plan):
    response = download(client, base + "plan.json")
    doc = json.loads(response.content)
    assert doc == seed_plan.editions.get().snapshot
    assert doc["format"] == "shinchoku/1"
    assert response["Link"].endswith('rel="license"')


def test_unpublished_editions_cannot_be_downloaded(client, seed_plan):
    add_edition(seed_plan, "令和7年度(案)", published=False)
    url = f"/132110/plans/{seed_plan.slug}/editions/2/download/records.csv"
    assert client.get(url).status_code == 404


def test_text_is_never_a_formula_in_the_files_for_spreadsheets(client, seed_plan, base):
    """A cell starting with =, +, -, @ runs as a formula when Excel opens a CSV:
    the files for people carry it behind an apostrophe; the file for programs
    keeps the text exact."""
    hostile = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"]

    def plant(snapshot):
        program_of(snapshot, 12)["policy_points"][:0] = hostile

    add_edition(seed_plan, "令和7年度当初計画", change=plant)
    latest = base.replace("editions/1/", "editions/2/")
    for name, encoding in (("records.csv", "utf-8-sig"), ("records-sjis.csv", "cp932")):
        text = download(client, latest + name).content.decode(encoding)
        cells = [cell for row in read_csv(text) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))], name
        assert all(f"'{h}" in cells for h in hostile), name
    exact = read_csv(download(client, latest + "records-utf8.csv").content.decode())
    assert all(h in [c for row in exact for c in row] for h in hostile)


def test_a_resident_opens_records_csv_in_a_spreadsheet(client, base, tmp_path):
    """What residents download (the BOM file, and the Shift_JIS one for older
    software) opens in a spreadsheet as it did, with the edition's meeting and
    material in the last columns: LibreOffice converts it as a double-click in
    Excel would (UTF-8 because of the BOM), and the sheet is read back."""
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is needed: scripts/setup.sh installs it"
    sheets = {}
    for name, charset in (("records.csv", 76), ("records-sjis.csv", 64)):
        (tmp_path / name).write_bytes(download(client, base + name).content)
        subprocess.run(
            [
                office,
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                "--infilter=CSV:44,34," + str(charset) + ",1",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(tmp_path),
                str(tmp_path / name),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        xlsx = tmp_path / name.replace(".csv", ".xlsx")
        sheets[name] = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    for name, rows in sheets.items():
        ids, labels, data = rows[0], rows[1], rows[2:]
        assert list(ids) == opendata.COLUMN_IDS, name
        assert labels[:2] == ("全国地方公共団体コード", "地方公共団体名"), name
        assert labels[-3:] == ("会議名", "資料番号", "スケジュールの時点"), name
        assert all(len(r) == len(ids) for r in data), name
        assert data[0][-3:-1] == ("第3回 経営方針推進委員会", "資料1"), name
        assert any("令和4年度末での電子決裁率73.7%。" in r for r in data), name
