from django import template

from shinchoku.accounts.middleware import eligible_in_session

register = template.Library()


@register.filter
def two_factor_eligible(request) -> bool:
    """Whether the signed-in user may enrol an authenticator app (the account
    menu; decided at sign-in, no query)."""
    return eligible_in_session(request)
