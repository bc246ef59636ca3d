"""What happens in an update round, announced to whoever listens.

The round's services send these inside their transaction, after the change is
saved; a receiver that does work of its own (the notifications app mails
people) records it in the same transaction and does anything slow after the
commit. The workflow does not know who listens: the layers above it do
(``notifications`` connects in its AppConfig.ready()).

A round reopened to correct it sends ``entry_returned`` for each entry it
returns. Every signal passes ``actor`` (who did it) and ``via`` (screen, excel, api, cli);
an entry's named signals pass ``action`` too (the EntryAction taken: a return
by the department head is ``head_return``).
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
# entry_submitted: when the entry reaches the admin office (submitted, or passed
# on by the department head); entry_returned: by the office or by the head.
entry_submitted = Signal()
# entry: an editor's submission now waits for the department head (課内確認,
# where the plan asks for 課長承認); entry_submitted follows when the head
# passes it on.
entry_awaiting_head = Signal()
entry_returned = Signal()
entry_approved = Signal()
# entry, event (workflow.models.EntryEvent, the step as kept in the entry's
# thread): every step, withdrawals and submissions to the head included.
entry_stepped = Signal()
