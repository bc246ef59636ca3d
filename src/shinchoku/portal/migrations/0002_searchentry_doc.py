from django.db import migrations, models


def fill_docs(apps, schema_editor):
    """Rows indexed before they kept the program get it from their edition's
    snapshot."""
    Edition = apps.get_model("plans", "Edition")
    SearchEntry = apps.get_model("portal", "SearchEntry")
    indexed = SearchEntry.objects.values("edition_id")
    editions = Edition.objects.filter(pk__in=indexed).only("snapshot")
    for edition in editions.iterator(chunk_size=50):
        programs = (edition.snapshot or {}).get("programs", [])
        by_number = {p.get("number"): p for p in programs if isinstance(p, dict)}
        rows = list(SearchEntry.objects.filter(edition_id=edition.pk))
        for row in rows:
            row.doc = by_number.get(row.program_number, {})
        SearchEntry.objects.bulk_update(rows, ["doc"], batch_size=200)


# SQLite rebuilds a table to drop a column, and its triggers go with the old
# table: the FTS5 mirror of 0001 needs them back, and its content rebuilt.
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS portal_searchentry_ai",
    "DROP TRIGGER IF EXISTS portal_searchentry_ad",
    "DROP TRIGGER IF EXISTS portal_searchentry_au",
    """CREATE TRIGGER portal_searchentry_ai AFTER INSERT ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(rowid, haystack)
        VALUES (new.id, new.haystack);
    END""",
    """CREATE TRIGGER portal_searchentry_ad AFTER DELETE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, haystack)
        VALUES ('delete', old.id, old.haystack);
    END""",
    """CREATE TRIGGER portal_searchentry_au AFTER UPDATE ON portal_searchentry BEGIN
        INSERT INTO portal_searchentry_fts(portal_searchentry_fts, rowid, haystack)
        VALUES ('delete', old.id, old.haystack);
        INSERT INTO portal_searchentry_fts(rowid, haystack)
        VALUES (new.id, new.haystack);
    END""",
    "INSERT INTO portal_searchentry_fts(portal_searchentry_fts) VALUES ('rebuild')",
]
# Search looks for programs named after the query first: on PostgreSQL a
# trigram index serves that LIKE as the haystack's serves the text's.
POSTGRES_FORWARD = [
    """CREATE INDEX IF NOT EXISTS portal_searchentry_name_trgm
        ON portal_searchentry USING gin (name_folded gin_trgm_ops)""",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS portal_searchentry_name_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0005_edition_outline"),
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="doc",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(fill_docs, migrations.RunPython.noop),
        migrations.RemoveField(model_name="searchentry", name="parts"),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
