"""Server-side SVG chart of one indicator: no JavaScript, no web fonts, no CDN.

What is drawn, and how it stays readable in grey-scale and to screen readers:

* x axis: fiscal years from the baseline to the deadline, labelled 令和N年度;
* baseline: an open square; yearly actuals: a solid black line with filled
  circles; yearly targets: open triangles (a shape, not only a colour);
* final target: a dashed horizontal line; deadline: a dotted vertical line;
* a legend repeating each symbol, axis titles in Japanese;
* role="img" with <title> and <desc> (a sentence listing every value), and a
  <title> on each marker; every piece of text is XML-escaped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from shinchoku.common.wareki import date_label, fiscal_year_label
from shinchoku.document.kpi import Indicator
from shinchoku.plans.evaluation import baseline_position

INK = "#000000"
MID = "#555555"
DARK = "#333333"
GRID = "#d0d0d0"
FONT = "sans-serif"  # the reader's own font: nothing is fetched


@dataclass(frozen=True)
class _Frame:
    """Plot area and the value → pixel mappings."""

    left: float
    top: float
    width: float
    height: float
    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def x(self, fy: float) -> float:
        if self.x_max == self.x_min:
            return self.left + self.width / 2
        return self.left + (fy - self.x_min) / (self.x_max - self.x_min) * self.width

    def y(self, value: float) -> float:
        span = self.y_max - self.y_min
        return self.top + self.height - (value - self.y_min) / span * self.height


# ------------------------------------------------------------------ values


def format_value(value: float, unit: str = "") -> str:
    """1000 → '1,000', 73.7 → '73.7', with the unit: '73.7%', '959人'."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"


def _nice_step(span: float, ticks: int = 5) -> float:
    """A 1-2-5 step giving about `ticks` intervals over `span`."""
    raw = span / ticks if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def _y_range(values: list[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if low >= 0:
        low = 0.0  # counts and rates read best from zero
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high * 1.05 / step) * step, step


def _x_range(ind: Indicator, first_fy: int | None) -> tuple[int, int] | None:
    years: list[float] = [*ind.actuals, *ind.targets]
    start = baseline_position(ind)
    if start is not None:
        years.append(start)
    if ind.deadline_fy is not None:
        years.append(ind.deadline_fy)
    if not years:
        return None
    if first_fy is not None:
        years.append(first_fy)
    low, high = math.floor(min(years)), math.ceil(max(years))
    # A lone year (a target with nothing else) still gets an axis to sit on.
    return (low - 1, high) if low == high else (low, high)


def describe(ind: Indicator) -> str:
    """The chart as one sentence for screen readers (the <desc>)."""
    unit = ind.unit
    parts: list[str] = []
    if ind.baseline is not None:
        parts.append(f"基準値 {format_value(ind.baseline, unit)}{_baseline_when(ind)}")
    if ind.actuals:
        items = "、".join(
            f"{fiscal_year_label(fy)} {format_value(v, unit)}"
            for fy, v in ind.actuals.items()
        )
        parts.append(f"実績 {items}")
    if ind.targets:
        items = "、".join(
            f"{fiscal_year_label(fy)} {format_value(v, unit)}"
            for fy, v in sorted(ind.targets.items())
        )
        parts.append(f"年度目標 {items}")
    if ind.target is not None:
        parts.append(f"最終目標 {_final_target_text(ind)}")
    if not parts:
        return f"{ind.name}: データがありません。"
    return f"{ind.name}: " + "。".join(parts) + "。"


def _baseline_when(ind: Indicator) -> str:
    if ind.baseline_date is not None:
        return f"({date_label(ind.baseline_date)}現在)"
    if ind.baseline_fy is not None:
        return f"({fiscal_year_label(ind.baseline_fy)}実績)"
    return ""


def _final_target_text(ind: Indicator) -> str:
    assert ind.target is not None
    text = format_value(ind.target, ind.unit) + (ind.comparator or "")
    if ind.deadline_fy is not None:
        text += f"({fiscal_year_label(ind.deadline_fy)}まで)"
    return text


# ---------------------------------------------------------------- drawing


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _circle(x: float, y: float, tip: str) -> str:
    return (
        f'<circle class="actual" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{INK}">'
        f"<title>{escape(tip)}</title></circle>"
    )


def _triangle(x: float, y: float, tip: str) -> str:
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}"
    return (
        f'<polygon class="fy-target" points="{points}" fill="#ffffff" '
        f'stroke="{DARK}" stroke-width="2"><title>{escape(tip)}</title></polygon>'
    )


def _square(x: float, y: float, tip: str) -> str:
    return (
        f'<rect class="baseline" x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" '
        f'height="10" fill="#ffffff" stroke="{INK}" stroke-width="2">'
        f"<title>{escape(tip)}</title></rect>"
    )


def _grid(f: _Frame, step: float, unit: str) -> list[str]:
    out: list[str] = []
    count = round((f.y_max - f.y_min) / step)
    for i in range(count + 1):
        value = f.y_min + i * step
        y = f.y(value)
        out.append(
            f'<line x1="{f.left:.1f}" y1="{y:.1f}" x2="{f.left + f.width:.1f}" '
            f'y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        label = format_value(round(value, 6), unit)
        out.append(_text(f.left - 6, y + 4, label, text_anchor="end", font_size="11"))
    return out


def _x_axis(f: _Frame, first: int, last: int) -> list[str]:
    bottom = f.top + f.height
    out = [
        f'<line x1="{f.left:.1f}" y1="{bottom:.1f}" x2="{f.left + f.width:.1f}" '
        f'y2="{bottom:.1f}" stroke="{INK}" stroke-width="1"/>',
        f'<line x1="{f.left:.1f}" y1="{f.top:.1f}" x2="{f.left:.1f}" '
        f'y2="{bottom:.1f}" stroke="{INK}" stroke-width="1"/>',
    ]
    for fy in range(first, last + 1):
        x = f.x(fy)
        out.append(
            f'<line x1="{x:.1f}" y1="{bottom:.1f}" x2="{x:.1f}" y2="{bottom + 4:.1f}" '
            f'stroke="{INK}"/>'
        )
        label = fiscal_year_label(fy)
        out.append(_text(x, bottom + 18, label, text_anchor="middle", font_size="11"))
    return out


def _series(ind: Indicator, f: _Frame, labels: _Labels) -> list[str]:
    out: list[str] = []
    unit = ind.unit
    points: list[tuple[float, float]] = []
    start = baseline_position(ind)
    if ind.baseline is not None and start is not None:
        points.append((start, ind.baseline))
    points.extend((float(fy), v) for fy, v in ind.actuals.items())
    if len(points) > 1:
        coords = " ".join(f"{f.x(x):.1f},{f.y(v):.1f}" for x, v in points)
        out.append(
            f'<polyline class="actual-line" points="{coords}" fill="none" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
    if ind.baseline is not None and start is not None:
        x, y = f.x(start), f.y(ind.baseline)
        tip = f"基準値 {format_value(ind.baseline, unit)}{_baseline_when(ind)}"
        out.append(_square(x, y, tip))
        value = format_value(ind.baseline, unit)
        labels.reserve(x + 8, y + 16, value)
        out.append(_text(x + 8, y + 16, value, font_size="11"))
    for fy, v in sorted(ind.targets.items()):
        x, y = f.x(fy), f.y(v)
        tip = f"{fiscal_year_label(fy)} 年度目標 {format_value(v, unit)}"
        out.append(_triangle(x, y, tip))
    for fy, v in ind.actuals.items():
        x, y = f.x(fy), f.y(v)
        out.append(
            _circle(x, y, f"{fiscal_year_label(fy)} 実績 {format_value(v, unit)}")
        )
    return out + _point_labels(ind, f, labels)


def _point_labels(ind: Indicator, f: _Frame, labels: _Labels) -> list[str]:
    """Each actual's and year target's value beside its marker, where no other
    label is. An actual just under its year's target (85.2% under 目標90%) used
    to put its label above the circle, right onto the target's label below the
    triangle: the higher value's label now goes above, the lower one's below."""
    for fy, v in ind.actuals.items():
        target = ind.targets.get(fy)
        below = target is not None and target > v
        labels.place(f.x(fy), f.y(v), format_value(v, ind.unit), below=below)
    for fy, v in sorted(ind.targets.items()):
        actual = ind.actuals.get(fy)
        labels.place(
            f.x(fy),
            f.y(v),
            f"目標{format_value(v, ind.unit)}",
            below=actual is None or actual > v,
            fill=DARK,
        )
    return labels.svg


def text_width(content: str, size: float = 11) -> float:
    """A label's width in px as a sans-serif font draws it: a full-width
    character about one em, the rest (digits, %, Latin) about 0.6 em."""
    return sum(size if ord(c) >= 0x2E80 else size * 0.6 for c in content)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass
class _Labels:
    """Point labels that overlap no other: on the preferred side of the marker,
    else the other, then farther out; right of the point in the left part of
    the plot, left of it near the right edge (so they stay inside the chart)."""

    frame: _Frame
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    svg: list[str] = field(default_factory=list)

    def reserve(self, x: float, y: float, content: str, *, end: bool = False) -> None:
        """A label drawn elsewhere (the final target's, the baseline's): the
        point labels keep off it."""
        width = text_width(content)
        left = x - width if end else x
        self.boxes.append((left, y - 11, left + width, y + 2))

    def place(self, x: float, y: float, content: str, *, below: bool, **attrs) -> None:
        size = 11.0
        width = text_width(content, size)
        at_right = x > self.frame.left + self.frame.width * 0.8
        left = x - 8 - width if at_right else x + 8
        ups, downs = (-9.0, -22.0, -35.0), (20.0, 33.0, 46.0)
        first, second = (downs, ups) if below else (ups, downs)
        tries = [dy for pair in zip(first, second, strict=True) for dy in pair]
        for dy in tries:
            box = (left, y + dy - size, left + width, y + dy + 2)
            if not any(_overlap(box, other) for other in self.boxes):
                break
        self.boxes.append(box)
        anchor = {"text_anchor": "end"} if at_right else {}
        anchor["class"] = "point-label"
        self.svg.append(
            _text(
                x - 8 if at_right else x + 8,
                y + dy,
                content,
                font_size="11",
                **anchor,
                **attrs,
            )
        )


def _final_target(ind: Indicator, f: _Frame, labels: _Labels) -> list[str]:
    out: list[str] = []
    if ind.target is not None:
        y = f.y(ind.target)
        out.append(
            f'<line class="final-target" x1="{f.left:.1f}" y1="{y:.1f}" '
            f'x2="{f.left + f.width:.1f}" y2="{y:.1f}" stroke="{MID}" '
            f'stroke-width="2" stroke-dasharray="8 4"/>'
        )
        label = f"最終目標 {_final_target_text(ind)}"
        labels.reserve(f.left + 6, y - 6, label)
        out.append(_text(f.left + 6, y - 6, label, font_size="11", fill=MID))
    if ind.deadline_fy is not None:
        x = f.x(ind.deadline_fy)
        out.append(
            f'<line class="deadline" x1="{x:.1f}" y1="{f.top:.1f}" x2="{x:.1f}" '
            f'y2="{f.top + f.height:.1f}" stroke="{DARK}" stroke-width="1.5" '
            f'stroke-dasharray="2 3"/>'
        )
        label = f"期限 {fiscal_year_label(ind.deadline_fy)}"
        bottom = f.top + f.height
        labels.reserve(x - 4, bottom - 6, label, end=True)
        out.append(_text(x - 4, bottom - 6, label, text_anchor="end", font_size="11"))
    return out


def _legend(ind: Indicator, x: float, y: float) -> list[str]:
    """Each symbol drawn with its name, so that no meaning rests on colour
    alone; only the series the chart has."""
    shown = {
        "実績": bool(ind.actuals),
        "年度目標": bool(ind.targets),
        "基準値": ind.baseline is not None,
        "最終目標": ind.target is not None,
        "期限": ind.deadline_fy is not None,
    }
    items = [
        (f'<line x1="0" y1="0" x2="22" y2="0" stroke="{INK}" stroke-width="2"/>'
         + _circle(11, 0, "実績").replace('class="actual"', 'class="legend"'), "実績"),
        (_triangle(11, 0, "年度目標").replace('class="fy-target"', 'class="legend"'),
         "年度目標"),
        (_square(11, 0, "基準値").replace('class="baseline"', 'class="legend"'),
         "基準値"),
        (f'<line x1="0" y1="0" x2="22" y2="0" stroke="{MID}" stroke-width="2" '
         f'stroke-dasharray="8 4"/>', "最終目標"),
        (f'<line x1="11" y1="-8" x2="11" y2="8" stroke="{DARK}" stroke-width="1.5" '
         f'stroke-dasharray="2 3"/>', "期限"),
    ]  # fmt: skip
    out = [f'<g class="legend" transform="translate({x:.1f},{y:.1f})">']
    offset = 0.0
    for symbol, label in items:
        if not shown[label]:
            continue
        out.append(f'<g transform="translate({offset:.1f},0)">{symbol}')
        out.append(_text(28, 4, label, font_size="11") + "</g>")
        offset += 36 + 13 * len(label)
    out.append("</g>")
    return out


def _safe_id(raw: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", raw) or "kpi"


def indicator_svg(
    ind: Indicator,
    *,
    width: int = 640,
    height: int = 340,
    chart_id: str = "kpi",
    title: str | None = None,
    first_fy: int | None = None,
) -> str:
    """An accessible SVG chart of one indicator (see the module docstring).
    `chart_id` prefixes the ids of <title>/<desc>: give each chart of a page
    its own. `first_fy` (e.g. the plan's first FY) widens the x axis for an
    indicator without a baseline."""
    cid = _safe_id(chart_id)
    heading = title if title is not None else f"{ind.name}の推移"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{FONT}" class="kpi-chart">'
        f'<title id="{cid}-title">{escape(heading)}</title>'
        f'<desc id="{cid}-desc">{escape(describe(ind))}</desc>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )
    body = [_text(12, 22, heading, font_size="14", font_weight="bold")]
    body.extend(_plot(ind, width, height, first_fy))
    return head + "".join(body) + "</svg>"


def _plot(ind: Indicator, width: int, height: int, first_fy: int | None) -> list[str]:
    years = _x_range(ind, first_fy)
    values = [*ind.actuals.values(), *ind.targets.values()]
    values += [v for v in (ind.baseline, ind.target) if v is not None]
    if years is None or not values:
        return [
            _text(width / 2, height / 2, "データがありません", text_anchor="middle")
        ]
    low, high, step = _y_range(values)
    frame = _Frame(
        left=70,
        top=58,
        width=width - 70 - 40,
        height=height - 58 - 80,
        x_min=years[0],
        x_max=years[1],
        y_min=low,
        y_max=high,
    )
    bottom = frame.top + frame.height
    axis_title = f"値({ind.unit})" if ind.unit else "値"
    out = _grid(frame, step, ind.unit)
    out += _x_axis(frame, years[0], years[1])
    out.append(
        _text(frame.left + frame.width / 2, bottom + 36, "年度", text_anchor="middle")
    )
    out.append(_text(12, frame.top - 14, axis_title, font_size="11"))
    labels = _Labels(frame)
    out += _final_target(ind, frame, labels)
    out += _series(ind, frame, labels)
    out += _legend(ind, frame.left, bottom + 60)
    return out
