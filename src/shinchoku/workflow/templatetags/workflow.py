"""The update round's blocks on other apps' pages."""

from django import template

from shinchoku.workflow.opinions import selectors as opinion_selectors
from shinchoku.workflow.permissions import Action, can
from shinchoku.workflow.programs.selectors import person_name

register = template.Library()


@register.inclusion_tag("workflow/_program_block.html", takes_context=True)
def program_workflow(context, program):
    """Committee opinions (those the reader may see) and, for staff, links to
    the program's history and direct edit."""
    user = context["request"].user
    return {
        "program": program,
        "opinions": opinion_selectors.program_opinions(program, user),
        "may_history": can(user, Action.VIEW_HISTORY, program),
        "may_edit": can(user, Action.EDIT_PROGRAM_YEAR, program),
    }


@register.filter
def person(user) -> str:
    """A user's name, family name first (行政経営 花子), else the username."""
    return person_name(user)


@register.filter
def may_view_round(user, round_) -> bool:
    """Whether the round's page opens for ``user``: a department links to its
    to-do list instead of a page that would answer 403."""
    return can(user, Action.VIEW_ROUND, round_)
