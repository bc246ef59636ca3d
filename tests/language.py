"""What the language tests look for: Latin-script words in the text a reader
sees on a Japanese page, outside an allow-list of codes and abbreviations that
Japanese administrations write in Latin letters themselves."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Abbreviations a Japanese city writes in Latin letters, and names of things.
ALLOWED = {
    "DX",
    "ICT",
    "IT",
    "NPO",
    "KPI",
    "PDF",
    "XLSX",
    "CSV",
    "API",
    "JSON",
    "UTF",
    "BOM",
    "SJIS",
    "Shift_JIS",
    "Excel",
    "URL",
    "Web",
    "web",
    "AI",
    "RPA",
    "PPP",
    "PFI",
    "BPR",
    "LINE",
    "SNS",
    "QR",
    "OJT",
    "PDCA",
    "English",
    "Shinchoku",
    "LGWAN",
    "ID",
    "FAQ",
    "HP",
    "Wi",
    "Fi",
    "CO",
    "BI",
    "DB",
    "PC",
    "IoT",
    "GIS",
    "OpenAPI",
    "Chromium",
    "Google",
    "Microsoft",
    "Teams",
    "Zoom",
    "kintone",
    "EBPM",
    "FY",
    "TSV",
    "XML",
    "HTML",
    "A3",
    "SDGs",
    "GX",
    "LED",
    "BCP",
    "ESCO",
    "eLTAX",
    "LoGoフォーム",
    "RESAS",
    "CMS",
    "OS",
    "USB",
    "Authenticator",
    "SmartKey",
    "IIJ",
}
SKIPPED = {"script", "style", "code", "kbd", "samp", "pre", "template"}
LATIN = re.compile(r"[A-Za-z][A-Za-z_]*")
# Codes a reader may see as they are: URLs, addresses, file names (records.csv,
# .xlsx), identifiers in quotes (“field”) or with a version (shinchoku/1).
CODES = re.compile(
    r"(https?://|/)[\w./?=&%#:-]*|[\w.+-]+@[\w.-]+"
    r"|[A-Za-z0-9_-]*\.(?:csv|xlsx|json|txt|pdf|html)(?![A-Za-z0-9])"
    r"|“[\w-]+”|「[A-Za-z_-]+」|\b[a-z]+/\d+\b"
    r"|Open SDG"  # a method's proper name (Open SDG方式)
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        # What a screen reader says counts too.
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.parts.append(value)
        if tag == "input":
            kinds = dict(attrs)
            if kinds.get("type") in ("submit", "button") and kinds.get("value"):
                self.parts.append(kinds["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def latin_words(html: str, *, allowed: set[str] = frozenset()) -> set[str]:
    """Latin words of two or more letters a reader sees, outside the allow-list;
    URLs, e-mail addresses and one-letter marks (R6, A, B) are not words."""
    text = CODES.sub(" ", visible_text(html))
    return {
        w
        for w in LATIN.findall(text)
        if len(w) > 1
        and w not in ALLOWED
        and w not in allowed
        and not (w.isupper() and len(w) <= 4)  # codes: S, A, DX-like unknowns
    }
