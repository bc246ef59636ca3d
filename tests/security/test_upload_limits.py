"""Request size limits: a body over the limit is refused before it is read,
with a message saying the limit (413), on the web pages and the API."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def test_the_limits_are_set(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.SHINCHOKU_MAX_UPLOAD_SIZE == 5 * 2**20


def test_a_20_mb_workbook_upload_is_refused_with_the_limit(client, people, round_):
    department = round_.plan.programs.get(number=12).assignment.lead
    client.force_login(people["joho"])
    url = reverse(
        "workflow:workbook-upload",
        kwargs={"pk": round_.pk, "department": department.pk},
    )
    big = SimpleUploadedFile("big.xlsx", b"\0" * (20 * 2**20))
    response = client.post(url, {"workbook": big})
    assert response.status_code == 413
    text = response.content.decode()
    assert "5 MB" in text
