"""Safety net: whatever saves an edition (import, admin, workflow), its search
rows follow. Services that publish should still call
portal.services.search_index_edition explicitly."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shinchoku.plans.models import Direction, Edition, Municipality, Plan
from shinchoku.portal.cache import invalidate
from shinchoku.portal.services import search_index_edition, search_mark_latest
from shinchoku.workflow.models import Opinion


@receiver(post_save, sender=Edition, dispatch_uid="portal_search_index_edition")
def _edition_saved(sender, instance: Edition, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: the fixture's own rows, if any, are loaded as they are
        return
    search_index_edition(edition=instance)


@receiver(post_delete, sender=Edition, dispatch_uid="portal_search_edition_deleted")
def _edition_deleted(sender, instance: Edition, **kwargs) -> None:
    """Its rows went with it (cascade); another edition may now be the latest."""
    search_mark_latest(plan_id=instance.plan_id)


def _retire_public_pages(sender, raw: bool = False, **kwargs) -> None:
    invalidate()


def _connect_public_cache() -> None:
    """What the public pages show: a municipality and its plans, published
    editions (their snapshots) and committee opinions. Search rows are written
    in bulk by portal.services, which retires the pages itself (a signal on
    them would make Django fetch every row a bulk delete removes)."""
    for model in (Municipality, Plan, Direction, Edition, Opinion):
        for signal in (post_save, post_delete):
            signal.connect(
                _retire_public_pages,
                sender=model,
                dispatch_uid=f"public_cache_{model._meta.label_lower}_{signal is post_save}",
            )


_connect_public_cache()
