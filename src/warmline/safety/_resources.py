"""The crisis resource table: who a person in danger can reach, by country.

Resource text never comes from a model. It is read from `resources.json`,
shipped with the package and maintained by hand, optionally overridden or
extended by the JSON file named in `WARMLINE_RESOURCES`. The country comes from
an explicit argument, else `WARMLINE_COUNTRY`, else the international default.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ValidationError

from warmline.errors import ConfigurationError

__all__ = ["CrisisLine", "CrisisResources", "load_resource_table", "resources_for"]

DEFAULT_KEY = "default"
_ALIASES = {"UK": "GB", "USA": "US"}


class CrisisLine(BaseModel):
    """One service a person can contact."""

    name: str
    contact: str
    hours: str = ""

    def describe(self) -> str:
        """One line, e.g. "988 Suicide & Crisis Lifeline: call or text 988 (24/7)"."""
        return f"{self.name}: {self.contact}" + (f" ({self.hours})" if self.hours else "")


class CrisisResources(BaseModel):
    """Everything the crisis protocol tells a person in one country."""

    country: str
    name: str
    emergency: str
    lines: list[CrisisLine]
    abuse: CrisisLine | None = None
    """A specialist line for domestic or sexual abuse, where one is listed."""

    @property
    def findahelpline(self) -> bool:
        """Whether the international directory is already among the lines."""
        return any("findahelpline" in line.contact for line in self.lines)


def resources_for(country: str | None = None) -> CrisisResources:
    """The resources for `country` (ISO code), `WARMLINE_COUNTRY`, or the default.

    Raises:
        ConfigurationError: the override file named by `WARMLINE_RESOURCES` is unusable.
    """
    table = load_resource_table(os.environ.get("WARMLINE_RESOURCES") or None)
    code = (country or os.environ.get("WARMLINE_COUNTRY") or DEFAULT_KEY).strip()
    key = _ALIASES.get(code.upper(), code.upper()) if code.lower() != DEFAULT_KEY else DEFAULT_KEY
    return table.get(key) or table[DEFAULT_KEY]


@lru_cache(maxsize=8)
def load_resource_table(override: str | None = None) -> dict[str, CrisisResources]:
    """The shipped table; entries in the `override` JSON file replace or add countries."""
    shipped = json.loads(
        resources.files("warmline.safety").joinpath("resources.json").read_text("utf-8")
    )
    entries = _entries(shipped, "resources.json")
    if override:
        path = Path(override)
        try:
            extra = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ConfigurationError(
                f"WARMLINE_RESOURCES={override}: cannot read it ({error})"
            ) from None
        entries |= _entries(extra, str(path))
    return entries


def _entries(raw: dict, source: str) -> dict[str, CrisisResources]:
    entries = {}
    for key, value in raw.items():
        if key.startswith("_"):
            continue
        code = key if key == DEFAULT_KEY else key.upper()
        try:
            entries[code] = CrisisResources(country=code, **value)
        except (TypeError, ValidationError) as error:
            raise ConfigurationError(
                f"{source}: entry {key!r} is not a resource entry ({error})"
            ) from None
    return entries
