"""The plan document: the dataclasses every input format decodes into
(model), their interchange JSON (interchange: load, check, dump, outline),
the values of an indicator (kpi) and the error of a document that cannot be
read (errors). Pure Python, no database: every layer may read it."""
