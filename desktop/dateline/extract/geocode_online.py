"""Opt-in online geocoding (geopy Nominatim) for names the offline gazetteer lacks.

Never used by default or by tests against the network: the app must work offline.
Results (including misses) are cached in a JSON file written atomically, each
query has a short timeout, and any error yields None instead of an exception.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.atomic import write_text_atomic

from .gazetteer import normalize_name

DEFAULT_TIMEOUT = 3.0
MIN_INTERVAL = 1.0      # Nominatim's usage policy: at most one request per second


class OnlineGeocoder:
    """``geocode(name) -> (lat, lon) | None`` with a persistent JSON cache.

    ``geocoder`` is any object with geopy's ``geocode(query, timeout=...)`` method
    (returning something with ``latitude``/``longitude``, or None); by default a
    geopy ``Nominatim`` is created on first use.
    """

    def __init__(self, cache_path: str | Path | None = None, geocoder: Any = None,
                 user_agent: str = "dateline-desktop", timeout: float = DEFAULT_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._cache_path = Path(cache_path) if cache_path else None
        self._geocoder = geocoder
        self._user_agent = user_agent
        self._timeout = timeout
        self._clock, self._sleep = clock, sleep
        self._last_request = float("-inf")
        self._cache: dict[str, list[float] | None] = self._load_cache()

    def geocode(self, name: str) -> tuple[float, float] | None:
        key = normalize_name(name)
        if not key:
            return None
        if key in self._cache:
            hit = self._cache[key]
            return (hit[0], hit[1]) if hit else None
        try:
            point = self._query(name)
        except Exception:       # network, quota, parsing: fail soft, do not cache
            return None
        self._cache[key] = list(point) if point else None
        self._save_cache()
        return point

    def _query(self, name: str) -> tuple[float, float] | None:
        geocoder = self._geocoder or self._default_geocoder()
        wait = self._last_request + MIN_INTERVAL - self._clock()
        if wait > 0:
            self._sleep(wait)
        self._last_request = self._clock()
        location = geocoder.geocode(name, timeout=self._timeout)
        if location is None:
            return None
        lat, lon = float(location.latitude), float(location.longitude)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        return lat, lon

    def _default_geocoder(self) -> Any:
        from geopy.geocoders import Nominatim
        self._geocoder = Nominatim(user_agent=self._user_agent, timeout=self._timeout)
        return self._geocoder

    def _load_cache(self) -> dict[str, list[float] | None]:
        if self._cache_path is None or not self._cache_path.exists():
            return {}
        try:
            data = json.loads(self._cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}           # a damaged cache is rebuilt, never fatal
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and _valid_entry(v)}

    def _save_cache(self) -> None:
        if self._cache_path is None:
            return
        try:
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self._cache_path,
                              json.dumps(self._cache, ensure_ascii=False, sort_keys=True))
        except OSError:
            pass                # the cache is an optimisation; losing it is harmless


def _valid_entry(value: Any) -> bool:
    return value is None or (isinstance(value, list) and len(value) == 2 and
                             all(isinstance(x, (int, float)) for x in value))
