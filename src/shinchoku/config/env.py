"""The only module that reads os.environ. Settings ask it; nothing else does."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/shinchoku
_SOURCE_ROOT = PACKAGE_DIR.parent.parent  # the checkout, when run from source


def get_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def get_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def get_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def require(name: str, hint: str) -> str:
    """A variable a profile cannot run without (production's SECRET_KEY, …)."""
    value = os.environ.get(name, "").strip()
    if not value:
        _missing(name, hint)
    return value


def require_list(name: str, hint: str) -> list[str]:
    values = get_list(name, [])
    if not values:
        _missing(name, hint)
    return values


def _missing(name: str, hint: str):
    raise ImproperlyConfigured(f"{name} must be set in the environment: {hint}")


def get_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """Where the SQLite file, the generated secret key and uploads live:
    SHINCHOKU_DATA_DIR, else var/ in a source checkout, else ~/.local/share."""
    explicit = os.environ.get("SHINCHOKU_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser().resolve()
    if (_SOURCE_ROOT / "pyproject.toml").exists():
        return _SOURCE_ROOT / "var"
    return Path.home() / ".local" / "share" / "shinchoku"


def database_url() -> str:
    return (
        os.environ.get("DATABASE_URL")
        or f"sqlite:///{data_dir() / 'shinchoku.sqlite3'}"
    )


def secret_key(*, required: bool) -> str:
    """SECRET_KEY from the environment; on a single-server install without one, a
    key generated once and kept in the data dir (so sessions survive restarts)."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if required:
        raise RuntimeError("SECRET_KEY must be set in the environment")
    path = data_dir() / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
