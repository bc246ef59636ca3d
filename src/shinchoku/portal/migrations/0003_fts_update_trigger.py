"""The FTS5 mirror (SQLite) follows an UPDATE only when ``haystack`` changes.

The trigger of 0001/0002 re-tokenized every row on any UPDATE, and marking the
latest edition (``is_latest``) updates every row of a plan: each import paid the
trigram index of the whole plan twice over.
"""

from django.db import migrations

UPDATE_OF_HAYSTACK = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE OF haystack
        ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, haystack)
        VALUES ('delete', old.id, old.haystack);
        INSERT INTO portal_searchentry_fts(rowid, haystack)
        VALUES (new.id, new.haystack);
    END""",
]
ANY_UPDATE = [
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, haystack)
        VALUES ('delete', old.id, old.haystack);
        INSERT INTO portal_searchentry_fts(rowid, haystack)
        VALUES (new.id, new.haystack);
    END""",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_searchentry_doc")]

    operations = [migrations.RunPython(_run(UPDATE_OF_HAYSTACK), _run(ANY_UPDATE))]
