"""What happens in an update round, announced to whoever listens.

The round's services send these inside their transaction, after the change is
saved; a receiver that does work of its own (the notifications app mails
people) records it in the same transaction and does anything slow after the
commit. The workflow does not know who listens: the layers above it do
(``notifications`` connects in its AppConfig.ready()).

A round reopened to correct it sends ``entry_returned`` for each entry it
returns. Every signal passes ``actor`` (who did it) and ``via`` (screen, excel, api, cli).
"""

from __future__ import annotations

from django.dispatch import Signal

# round: the Round just opened, its entries created.
round_opened = Signal()
# round, rows (rounds.selectors.DepartmentRow of the departments that still owe
# entries): the admin office asks for a reminder now. A receiver that sends
# one answers {department pk: number of mails}.
round_reminded = Signal()
# entry: the RoundEntry after the step (its state, version, comment saved).
entry_submitted = Signal()
entry_returned = Signal()
entry_approved = Signal()
