"""The limit on a request carrying files. Django limits the size of form
fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not of uploaded files, which it reads
to the end into memory or a temporary file. This upload handler, first in
FILE_UPLOAD_HANDLERS, refuses a request over SHINCHOKU_MAX_UPLOAD_SIZE before
reading it (by its Content-Length) or as soon as it passes the limit (without
one); the refusal is a 413 naming the limit (common.views.bad_request)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _


def upload_limit() -> int:
    return settings.SHINCHOKU_MAX_UPLOAD_SIZE


def too_large_message(limit: int) -> str:
    return _(
        "The file is too large: a request may carry at most %(size)s MB "
        "(Shinchoku's workbooks are far smaller)."
    ) % {"size": f"{limit / 2**20:g}"}


class UploadLimitHandler(FileUploadHandler):
    def handle_raw_input(
        self, input_data, META, content_length, boundary, encoding=None
    ):
        if content_length > upload_limit():
            raise RequestDataTooBig(too_large_message(upload_limit()))
        return None

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > upload_limit():
            raise RequestDataTooBig(too_large_message(upload_limit()))
        return raw_data

    def file_complete(self, file_size):
        return None
