"""Safety net: whatever saves an edition (import, admin, workflow), its search
rows follow. Services that publish should still call
portal.services.search_index_edition explicitly."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shinchoku.plans.models import Edition


@receiver(post_save, sender=Edition, dispatch_uid="portal_search_index_edition")
def _edition_saved(sender, instance: Edition, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: the fixture's own rows, if any, are loaded as they are
        return
    from shinchoku.portal.services import search_index_edition

    search_index_edition(edition=instance)


@receiver(post_delete, sender=Edition, dispatch_uid="portal_search_edition_deleted")
def _edition_deleted(sender, instance: Edition, **kwargs) -> None:
    """Its rows went with it (cascade); another edition may now be the latest."""
    from shinchoku.portal.services import search_mark_latest

    search_mark_latest(plan_id=instance.plan_id)
