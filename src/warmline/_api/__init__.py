"""The HTTP service behind `warmline serve`: a versioned JSON API and the web chat page."""

from warmline._api._app import create_app
from warmline._api._config import ApiSettings

__all__ = ["ApiSettings", "create_app"]
