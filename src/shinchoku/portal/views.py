"""Public pages: thin views over portal.selectors. No login; published editions
only (the committee report of an unpublished edition, for the members of the
municipality, is the one exception)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from shinchoku.plans.models import Edition
from shinchoku.plans.presenters import STATUS_LABELS, STATUS_SYMBOLS
from shinchoku.portal import opendata, presenters, selectors
from shinchoku.portal.cache import SEARCH_TIMEOUT, public_cache
from shinchoku.portal.search import FIELD_LABELS
from shinchoku.portal.search import search as search_programs
from shinchoku.reports import selectors as report_selectors
from shinchoku.reports.renderers import RENDERERS
from shinchoku.workflow.opinions.selectors import opinions_for_edition
from shinchoku.workflow.permissions import Action, can

SEARCH_PAGE_SIZE = 20


def _licence() -> dict:
    return settings.SHINCHOKU_OPEN_DATA_LICENSE


def _edition_or_404(code: str, plan: str, number: int | None):
    try:
        return selectors.edition_get(code=code, slug=plan, number=number)
    except selectors.NotFound:
        raise Http404 from None


@require_safe
@public_cache
def home(request):
    return render(
        request, "portal/home.html", {"municipalities": selectors.municipality_list()}
    )


@require_safe
@public_cache
def municipality(request, code: str):
    try:
        found = selectors.municipality_get(code)
    except selectors.NotFound:
        raise Http404 from None
    return render(request, "portal/municipality.html", {"municipality": found})


def _edition_page(request, pe):
    return render(
        request,
        "portal/edition.html",
        {
            "pe": pe,
            "plan": pe.plan.plan,
            "sections": pe.overview(),
            "downloads": opendata.DOWNLOADS,
            "licence": _licence(),
        },
    )


@require_safe
@public_cache
def plan(request, code: str, plan: str):
    return _edition_page(request, _edition_or_404(code, plan, None))


@require_safe
@public_cache
def edition(request, code: str, plan: str, edition: int):
    return _edition_page(request, _edition_or_404(code, plan, edition))


def _program_page(request, pe, number: int):
    try:
        program = pe.program(number)
    except selectors.NotFound:
        raise Http404 from None
    previous, following = pe.neighbours(number)
    # A 実績 edition's own (frozen); else those of the round closed into it.
    opinions = pe.frozen_opinions(number)
    if opinions is None:
        opinions = opinions_for_edition(pe.edition).get(number, [])
    return render(
        request,
        "portal/program.html",
        {
            "pe": pe,
            "plan": pe.plan.plan,
            "program": program,
            "indicators": presenters.indicator_views(pe, program),
            "result": presenters.program_result(pe, number),
            "previous": previous,
            "next": following,
            "opinions": opinions,
        },
    )


@require_safe
@public_cache
def program(request, code: str, plan: str, number: int):
    return _program_page(request, _edition_or_404(code, plan, None), number)


@require_safe
@public_cache
def edition_program(request, code: str, plan: str, edition: int, number: int):
    return _program_page(request, _edition_or_404(code, plan, edition), number)


def _indicators_page(request, pe):
    return render(
        request,
        "portal/indicators.html",
        {
            "pe": pe,
            "plan": pe.plan.plan,
            "dashboard": presenters.indicator_dashboard(pe, pe.programs()),
            "status_labels": STATUS_LABELS,
            "status_symbols": STATUS_SYMBOLS,
        },
    )


@require_safe
@public_cache
def indicators(request, code: str, plan: str):
    return _indicators_page(request, _edition_or_404(code, plan, None))


@require_safe
@public_cache
def edition_indicators(request, code: str, plan: str, edition: int):
    return _indicators_page(request, _edition_or_404(code, plan, edition))


@require_safe
@public_cache
def download(request, code: str, plan: str, edition: int, name: str):
    if name not in opendata.DOWNLOADS:
        raise Http404
    pe = _edition_or_404(code, plan, edition)
    licence = _licence()
    body = opendata.render(pe, name, licence=f"{licence['name']} {licence['url']}")
    response = HttpResponse(body, content_type=opendata.DOWNLOADS[name].content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{opendata.filename(pe, name)}"'
    )
    response["Link"] = f'<{licence["url"]}>; rel="license"'
    return response


@require_safe
@public_cache(timeout=SEARCH_TIMEOUT)
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    results = None
    if query:
        results = search_programs(
            query,
            all_editions=request.GET.get("editions") == "all",
            limit=SEARCH_PAGE_SIZE,
            offset=(page - 1) * SEARCH_PAGE_SIZE,
        )
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "results": results,
            "page": page,
            "all_editions": request.GET.get("editions") == "all",
            "field_labels": FIELD_LABELS,
        },
    )


@require_safe
@public_cache
def open_data(request):
    return render(
        request,
        "portal/open_data.html",
        {
            "columns": opendata.COLUMNS,
            "fields": opendata.FIELDS,
            "downloads": opendata.DOWNLOADS,
            "licence": _licence(),
        },
    )


@public_cache
def edition_report(request, code: str, plan: str, edition: int, fmt: str):
    """An edition's committee report; unpublished ones only for the members of
    the municipality (the same rule as every other view of an edition)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise Http404
    obj = get_object_or_404(
        Edition.objects.select_related("plan__municipality"),
        pk=edition,
        plan__slug=plan,
        plan__municipality__code=code,
    )
    if not can(request.user, Action.VIEW_EDITION, obj):
        raise Http404  # unpublished editions do not exist for the public
    report = report_selectors.edition_report(obj)
    if fmt == "html":
        # Served under a policy without inline styles: the page links them.
        from shinchoku.reports.renderers import html

        data = html.render(report, stylesheet_url=static(html.STYLESHEET))
    else:
        data = renderer.render(report)
    response = HttpResponse(data, content_type=renderer.content_type)
    filename = f"{code}-{plan}-{obj.pk}.{renderer.extension}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
