"""sitemap.xml: every public page, from published editions only."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from shinchoku.portal import selectors


class StaticSitemap(Sitemap):
    def items(self):
        return ["portal:home", "portal:open_data", "api_docs"]

    def location(self, item):
        return reverse(item)


class MunicipalitySitemap(Sitemap):
    def items(self):
        return list(selectors.municipality_list())

    def location(self, item):
        return reverse("portal:municipality", kwargs={"code": item.code})


class EditionSitemap(Sitemap):
    """Plans (their latest edition), every public edition and its indicators
    page, and the programs of the latest edition of each plan, read from the
    search index (one query)."""

    def items(self):
        rows = (
            selectors.SearchEntry.objects.filter(
                edition__published=True, edition__snapshot__isnull=False
            )
            .order_by(
                "plan__municipality__code", "plan__slug", "edition_number", "ordering"
            )
            .values_list(
                "plan__municipality__code",
                "plan__slug",
                "edition_number",
                "is_latest",
                "program_number",
            )
        )
        urls: dict[str, None] = {}
        for code, slug, number, latest, program in rows:
            kwargs = {"code": code, "plan": slug}
            urls[reverse("portal:plan", kwargs=kwargs)] = None
            urls[reverse("portal:indicators", kwargs=kwargs)] = None
            edition = {**kwargs, "edition": number}
            urls[reverse("portal:edition", kwargs=edition)] = None
            urls[reverse("portal:edition_indicators", kwargs=edition)] = None
            if latest:
                urls[
                    reverse("portal:program", kwargs={**kwargs, "number": program})
                ] = None
        return list(urls)

    def location(self, item):
        return item


SITEMAPS = {
    "static": StaticSitemap,
    "municipalities": MunicipalitySitemap,
    "editions": EditionSitemap,
}
