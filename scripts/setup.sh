#!/usr/bin/env bash
# Install what Shinchoku needs on a fresh Debian machine: system packages (only
# those missing), a virtualenv in .venv, and the project with its dev extras.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-ipaexfont-gothic: Japanese glyphs for PDF reports and the browser;
# poppler-utils: pdftoppm/pdftotext used by report tests; chromium: browser tests;
# gettext: makemessages (a test checks every message has its Japanese);
# libreoffice-calc-nogui: a test imports LibreOffice's PDF of the report XLSX.
APT_PACKAGES=(fonts-ipaexfont-gothic poppler-utils chromium gettext libreoffice-calc-nogui)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
