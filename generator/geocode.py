"""Coordinates for the addresses of places: PDOK Locatieserver first, Nominatim as fallback.

This is the only module that touches the network, and only when asked
(`python -m generator geocode`). Builds and tests read the committed cache
`content/geo/geocode-cache.json`, so they run offline.

Privacy: only the address of a place (straat, huisnummer, postcode, plaats) is ever sent,
because `AddressQuery` is the only thing the clients accept.

Exit codes of `main_geocode` (and so of `python -m generator geocode`):

- 0 (`EXIT_OK`): every address has coordinates (from the cache or just found); warnings
  ("controleer het") may have been printed, the hit is still usable.
- 1 (`EXIT_NOT_FOUND`): at least one address was not found; the ones that were found are saved.
- 2 (`EXIT_UNREACHABLE`): PDOK (and Nominatim, when configured) could not be reached or gave
  unusable answers; the run stopped and the cache file was not touched.
- 3 (`EXIT_CACHE_ERROR`): the cache file exists but cannot be read; nothing was looked up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Sequence, TextIO

import requests

# Nominatim's usage policy asks for a User-Agent that identifies the application and a way to
# reach its maintainers. Set PROJECT_URL to the real repository before the first live run.
PROJECT_URL = "https://github.com/wijeindhoven/sociale-kaart"
USER_AGENT = f"sociale-kaart-eindhoven/0.1 (+{PROJECT_URL})"

PDOK_BASE_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
DEFAULT_CACHE_PATH = Path("content/geo/geocode-cache.json")

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_UNREACHABLE = 2
EXIT_CACHE_ERROR = 3

Mode = Literal["only-missing", "refresh"]
MODES = ("only-missing", "refresh")
Source = Literal["pdok", "nominatim"]
SOURCE_NAMES = {"pdok": "PDOK", "nominatim": "Nominatim"}

# ── addresses ─────────────────────────────────────────────────────────────────────────────

_POSTCODE = re.compile(r"^(\d{4})([A-Z]{2})$")
_HOUSE_NUMBER = re.compile(r"^\s*(\d+)(.*)$")


@dataclass(frozen=True)
class AddressQuery:
    """The address of one place; `huisnummer` may carry an addition ("12a", "12-2", "12 A")."""

    straat: str
    huisnummer: str
    postcode: str
    plaats: str = "Eindhoven"

    def __post_init__(self) -> None:
        # YAML gives `huisnummer: 123` as an int; the key and the match need text.
        object.__setattr__(self, "huisnummer", str(self.huisnummer).strip())

    @property
    def postcode_compact(self) -> str:
        return re.sub(r"\s+", "", self.postcode).upper()

    @property
    def postcode_display(self) -> str:
        match = _POSTCODE.match(self.postcode_compact)
        return f"{match[1]} {match[2]}" if match else self.postcode.strip()

    @property
    def huisnummer_compact(self) -> str:
        return re.sub(r"\s+", "", self.huisnummer).lower()

    def display(self) -> str:
        """The address as a person writes it: "Boschdijk 12a, 5612 AB Eindhoven"."""
        return f"{self.straat.strip()} {self.huisnummer}, {self.postcode_display} {self.plaats.strip()}"

    def search_text(self) -> str:
        """The free-text question sent to PDOK and Nominatim."""
        return f"{self.straat.strip()} {self.huisnummer_compact}, {self.postcode_compact} {self.plaats.strip()}"


def cache_key(q: AddressQuery) -> str:
    """Postcode and house number identify a Dutch address: "5612AB-12a"."""
    return f"{q.postcode_compact}-{q.huisnummer_compact}"


def house_number_parts(text: str) -> tuple[int | None, str]:
    """(number, addition) with the addition reduced to lowercase letters and digits.

    "12 A", "12a" and "12-a" are the same address; "12-2" and "122" are not.
    """
    match = _HOUSE_NUMBER.match(str(text))
    if not match:
        return None, _alnum(str(text))
    return int(match[1]), _alnum(match[2])


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


# ── hits and the cache ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class GeocodeHit:
    lat: float
    lon: float
    bron: Source
    gevonden_adres: str
    score: float
    datum: str  # ISO date of the lookup

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> GeocodeHit:
        if not isinstance(data, dict):
            raise ValueError("verwacht een object met lat, lon, bron, gevonden_adres, score, datum")
        names = {f.name for f in dataclasses.fields(cls)}
        if set(data) != names:
            raise ValueError(f"verwacht precies de velden {', '.join(sorted(names))}")
        if data["bron"] not in SOURCE_NAMES:
            raise ValueError(f"onbekende bron {data['bron']!r}")
        dt.date.fromisoformat(data["datum"])
        return cls(
            lat=float(data["lat"]),
            lon=float(data["lon"]),
            bron=data["bron"],
            gevonden_adres=str(data["gevonden_adres"]),
            score=float(data["score"]),
            datum=data["datum"],
        )


class GeocodeCacheError(Exception):
    """The cache file exists but cannot be used; the message names the file."""


class GeocodeCache:
    """Cache key → hit, stored as JSON so a pull-request diff shows only what changed.

    Only hits are stored: a failed or empty lookup is never cached, so it is retried next run.
    """

    def __init__(self, path: Path | str = DEFAULT_CACHE_PATH, entries: dict[str, GeocodeHit] | None = None):
        self.path = Path(path)
        self._entries: dict[str, GeocodeHit] = dict(entries or {})
        self._saved: dict[str, GeocodeHit] = dict(self._entries)

    @classmethod
    def load(cls, path: Path | str = DEFAULT_CACHE_PATH) -> GeocodeCache:
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GeocodeCacheError(f"Fout bij het lezen van de geocode-cache '{path}': {exc}") from exc
        if not isinstance(data, dict):
            raise GeocodeCacheError(f"Fout in de geocode-cache '{path}': verwacht een JSON-object")
        return cls(path, {key: _hit_from_cache(path, key, value) for key, value in data.items()})

    def get(self, q: AddressQuery) -> GeocodeHit | None:
        return self._entries.get(cache_key(q))

    def put(self, q: AddressQuery, hit: GeocodeHit) -> None:
        if not isinstance(hit, GeocodeHit):
            raise TypeError("alleen gevonden adressen (GeocodeHit) horen in de cache")
        self._entries[cache_key(q)] = hit

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, q: AddressQuery) -> bool:
        return cache_key(q) in self._entries

    @property
    def changed(self) -> bool:
        return self._entries != self._saved

    def to_text(self) -> str:
        data = {key: hit.to_json() for key, hit in self._entries.items()}
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    def save(self, path: Path | str | None = None) -> None:
        """Write atomically: an interrupted run never leaves half a cache behind."""
        target = Path(path) if path is not None else self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(self.to_text())
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        self._saved = dict(self._entries)


def _hit_from_cache(path: Path, key: str, value: object) -> GeocodeHit:
    try:
        return GeocodeHit.from_json(value)
    except (ValueError, TypeError, KeyError) as exc:
        raise GeocodeCacheError(f"Fout in de geocode-cache '{path}', sleutel '{key}': {exc}") from exc


# ── PDOK Locatieserver ────────────────────────────────────────────────────────────────────


class ServiceUnavailable(Exception):
    """A geocoding service gave no usable answer, even after retries. The message is Dutch."""


class PdokUnavailable(ServiceUnavailable):
    pass


class NominatimUnavailable(ServiceUnavailable):
    pass


_WKT_POINT = re.compile(r"^\s*POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*$", re.IGNORECASE)


def point_from_wkt(wkt: str) -> tuple[float, float]:
    """(lat, lon) from PDOK's `centroide_ll`, which is WKT `POINT(lon lat)` in WGS84."""
    match = _WKT_POINT.match(wkt or "")
    if not match:
        raise ValueError(f"geen WKT-punt: {wkt!r}")
    lon, lat = float(match[1]), float(match[2])
    return lat, lon


@dataclass(frozen=True)
class PdokAddress:
    """The fields of one PDOK `adres` doc this module uses."""

    weergavenaam: str
    straatnaam: str
    postcode: str
    huis: str  # house number with letter and addition, e.g. "18A-1"
    lat: float
    lon: float
    score: float | None

    @classmethod
    def from_doc(cls, doc: dict) -> PdokAddress:
        lat, lon = point_from_wkt(doc["centroide_ll"])
        score = doc.get("score")
        return cls(
            weergavenaam=str(doc.get("weergavenaam", "")),
            straatnaam=str(doc.get("straatnaam", "")),
            postcode=str(doc.get("postcode", "")).replace(" ", "").upper(),
            huis=_house_of_doc(doc),
            lat=lat,
            lon=lon,
            score=float(score) if score is not None else None,
        )

    def matches(self, q: AddressQuery) -> bool:
        """PDOK also returns nearby addresses; only the asked postcode and house number count."""
        return self.postcode == q.postcode_compact and house_number_parts(self.huis) == house_number_parts(
            q.huisnummer
        )

    def to_hit(self, today: dt.date) -> GeocodeHit:
        return GeocodeHit(self.lat, self.lon, "pdok", self.weergavenaam, self.score or 0.0, today.isoformat())


def _house_of_doc(doc: dict) -> str:
    if doc.get("huis_nlt"):
        return str(doc["huis_nlt"])
    addition = doc.get("huisnummertoevoeging")
    return f"{doc.get('huisnummer', '')}{doc.get('huisletter') or ''}{'-' + addition if addition else ''}"


def retry_after_seconds(value: str | None, now: Callable[[], dt.datetime] | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = now() if now else dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - current).total_seconds())


class PdokClient:
    """The `free` and `suggest` endpoints of the PDOK Locatieserver, with polite retries.

    429, 5xx, timeouts and connection errors are retried with exponential backoff
    (`backoff_seconds * 2**attempt`), or after Retry-After when the server sends it.
    `sleep` is injectable so tests wait for nothing. Anything that still fails raises
    `PdokUnavailable`; an empty answer is not a failure.
    """

    def __init__(
        self,
        base_url: str = PDOK_BASE_URL,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 10),
        max_retries: int = 3,
        backoff_seconds: float = 1.0,
        max_wait_seconds: float = 60.0,
        min_score: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = USER_AGENT,
    ):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.max_wait_seconds = max_wait_seconds
        # Below this score a matching address is still used, with a warning. A guess: v3_1
        # scores are lower than v3's; tune it against live answers.
        self.min_score = min_score
        self.sleep = sleep
        self.user_agent = user_agent

    def free(self, q: AddressQuery) -> list[PdokAddress]:
        params = {"q": q.search_text(), "fq": "type:adres", "rows": "5"}
        docs = _docs_of(self._get_json("free", params))
        return [PdokAddress.from_doc(doc) for doc in docs if _has_point(doc)]

    def suggestions(self, q: AddressQuery, rows: int = 3) -> list[str]:
        """Up to `rows` names PDOK thinks are closest; empty when PDOK cannot help."""
        params = {"q": q.search_text(), "fq": "type:adres", "rows": str(rows)}
        try:
            docs = _docs_of(self._get_json("suggest", params))
        except PdokUnavailable:
            return []  # a suggestion is a courtesy: never fail a run for it
        names = [str(doc["weergavenaam"]) for doc in docs if doc.get("weergavenaam")]
        return list(dict.fromkeys(names))[:rows]

    def close(self) -> None:
        self.session.close()

    def _get_json(self, endpoint: str, params: dict[str, str]) -> dict:
        url = f"{self.base_url}/{endpoint}"
        for attempt in range(self.max_retries + 1):
            try:
                return self._get_once(url, params)
            except _Retryable as exc:
                problem = exc
            if attempt == self.max_retries:
                break
            delay = problem.wait if problem.wait is not None else self.backoff_seconds * 2**attempt
            if delay > self.max_wait_seconds:
                raise PdokUnavailable(f"{problem}; PDOK vraagt {delay:.0f} s te wachten")
            self.sleep(delay)
        raise PdokUnavailable(f"{problem} (na {self.max_retries + 1} pogingen)")

    def _get_once(self, url: str, params: dict[str, str]) -> dict:
        try:
            response = self.session.get(
                url, params=params, timeout=self.timeout, headers={"User-Agent": self.user_agent}
            )
        except requests.Timeout:
            raise _Retryable(f"PDOK antwoordde niet binnen {self.timeout[1]:g} s") from None
        except requests.ConnectionError:
            raise _Retryable("PDOK is niet bereikbaar (geen verbinding)") from None
        if response.status_code == 429 or response.status_code >= 500:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            raise _Retryable(f"PDOK gaf HTTP {response.status_code}", wait)
        if not response.ok:
            raise PdokUnavailable(f"PDOK weigerde de vraag (HTTP {response.status_code}{_solr_message(response)})")
        try:
            return response.json()
        except ValueError:
            raise PdokUnavailable("PDOK gaf een antwoord dat geen geldige JSON is") from None


class _Retryable(Exception):
    """A failure worth another try; `wait` is the Retry-After the server asked for, if any."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


def _docs_of(data: object) -> list[dict]:
    try:
        docs = data["response"]["docs"]  # type: ignore[index]
    except (KeyError, TypeError):
        raise PdokUnavailable("PDOK gaf een onverwacht antwoord (geen response.docs)") from None
    if not isinstance(docs, list):
        raise PdokUnavailable("PDOK gaf een onverwacht antwoord (response.docs is geen lijst)")
    return [doc for doc in docs if isinstance(doc, dict)]


def _has_point(doc: dict) -> bool:
    try:
        point_from_wkt(doc.get("centroide_ll", ""))
    except ValueError:
        return False
    return True


def _solr_message(response: requests.Response) -> str:
    try:
        return f": {response.json()['error']['msg']}"
    except (ValueError, KeyError, TypeError):
        return ""


# ── Nominatim (fallback) ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class NominatimPlace:
    lat: float
    lon: float
    display_name: str
    importance: float
    address: dict

    def to_hit(self, today: dt.date) -> GeocodeHit:
        return GeocodeHit(self.lat, self.lon, "nominatim", self.display_name, self.importance, today.isoformat())


class NominatimClient:
    """geopy's Nominatim behind its RateLimiter (the usage policy allows 1 request per second).

    `domain`/`scheme` point tests at a local server; tests pass `min_delay_seconds=0` and
    `error_wait_seconds=0`. Errors are not swallowed: a failure must not look like "not found".
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        domain: str = NOMINATIM_DOMAIN,
        scheme: str = "https",
        timeout: float = 10,
        min_delay_seconds: float = 1.0,
        error_wait_seconds: float = 5.0,
        max_retries: int = 2,
    ):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        self.geocoder = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout)
        self._geocode = RateLimiter(
            self.geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            error_wait_seconds=error_wait_seconds,
            max_retries=max_retries,
            swallow_exceptions=False,
        )

    def search(self, q: AddressQuery) -> NominatimPlace | None:
        from geopy.exc import GeopyError

        try:
            location = self._geocode(q.search_text(), exactly_one=True, addressdetails=True, country_codes="nl")
        except GeopyError as exc:
            raise NominatimUnavailable(f"Nominatim gaf geen bruikbaar antwoord ({type(exc).__name__})") from exc
        if location is None:
            return None
        raw = location.raw or {}
        return NominatimPlace(
            lat=float(location.latitude),
            lon=float(location.longitude),
            display_name=str(location.address),
            importance=float(raw.get("importance") or 0.0),
            address=dict(raw.get("address") or {}),
        )


# ── outcomes and the report ───────────────────────────────────────────────────────────────

Status = Literal["cache", "gevonden", "twijfel", "niet-gevonden", "mislukt", "overgeslagen"]
USABLE = ("cache", "gevonden", "twijfel")


@dataclass(frozen=True)
class GeocodeOutcome:
    """What happened to one address. `message` is the Dutch line the editor sees."""

    query: AddressQuery
    status: Status
    hit: GeocodeHit | None = None
    suggestions: tuple[str, ...] = ()
    bron: Source | None = None  # the service that answered (for "cache": where the hit came from)
    warning: str = ""  # why a hit needs checking ("twijfel"), or why a lookup failed ("mislukt")
    pdok_problem: str = ""  # set when PDOK failed, so Nominatim was asked (or nobody could be)

    @property
    def usable(self) -> bool:
        return self.status in USABLE

    @property
    def message(self) -> str:
        return _MESSAGES[self.status](self)


def _where(o: GeocodeOutcome) -> str:
    name = SOURCE_NAMES[o.bron or "pdok"]
    return f"{name} (PDOK gaf geen antwoord: {o.pdok_problem})" if o.pdok_problem else name


def _found_text(o: GeocodeOutcome) -> str:
    return f'"{o.query.display()}" → {o.hit.lat:.6f}, {o.hit.lon:.6f} ({o.hit.gevonden_adres})'


def _did_you_mean(suggestions: Sequence[str]) -> str:
    if not suggestions:
        return "controleer straat, huisnummer en postcode."
    return f"bedoelde je: {' of '.join(suggestions)}?"


_MESSAGES: dict[str, Callable[[GeocodeOutcome], str]] = {
    "cache": lambda o: f'al bekend in de cache ({SOURCE_NAMES[o.bron]}, {o.hit.datum}): "{o.query.display()}"',
    "gevonden": lambda o: f"adres gevonden bij {_where(o)}: {_found_text(o)}",
    "twijfel": lambda o: f"adres gevonden bij {_where(o)}, maar controleer het: {_found_text(o)} — {o.warning}",
    "niet-gevonden": lambda o: f'adres niet gevonden bij {_where(o)}: "{o.query.display()}" — '
    f"{_did_you_mean(o.suggestions)}",
    "mislukt": lambda o: f'niet opgezocht: "{o.query.display()}" — {o.warning}',
    "overgeslagen": lambda o: f'niet opgezocht: "{o.query.display()}" — gestopt, want de diensten zijn niet bereikbaar',
}

FAILED_BOTH = "PDOK en Nominatim zijn niet bereikbaar; probeer het later opnieuw. De cache is niet veranderd."
FAILED_PDOK_ONLY = "PDOK is niet bereikbaar; probeer het later opnieuw. De cache is niet veranderd."


@dataclass
class GeocodeReport:
    outcomes: list[GeocodeOutcome]
    with_fallback: bool = True

    @property
    def failed(self) -> bool:
        """True when a lookup failed because the services are down: nothing may be saved."""
        return any(o.status == "mislukt" for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_UNREACHABLE
        if any(not o.usable for o in self.outcomes):
            return EXIT_NOT_FOUND
        return EXIT_OK

    @property
    def failure_message(self) -> str:
        return FAILED_BOTH if self.with_fallback else FAILED_PDOK_ONLY

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    def summary(self) -> str:
        counts = {status: self.count(status) for status in _MESSAGES}
        parts = [f"{n} {_SUMMARY_WORDS[status]}" for status, n in counts.items() if n]
        return f"{len(self.outcomes)} adressen: {', '.join(parts) or 'niets te doen'}."


_SUMMARY_WORDS = {
    "cache": "uit de cache",
    "gevonden": "gevonden",
    "twijfel": "gevonden met waarschuwing",
    "niet-gevonden": "niet gevonden",
    "mislukt": "mislukt",
    "overgeslagen": "overgeslagen",
}


# ── the stage ─────────────────────────────────────────────────────────────────────────────


def geocode_addresses(
    queries: Sequence[AddressQuery],
    cache: GeocodeCache,
    mode: Mode = "only-missing",
    pdok: PdokClient | None = None,
    nominatim: NominatimClient | None = None,
    *,
    today: Callable[[], dt.date] = dt.date.today,
) -> GeocodeReport:
    """One outcome per query, in order; new hits go into `cache` only if the whole run worked.

    "only-missing" asks the services only for addresses not in the cache; "refresh" asks for
    all of them. The same address twice (same cache key) is asked once. Once both services are
    down the run stops asking (the rest is "overgeslagen") and the cache is left as it was.
    """
    if mode not in MODES:
        raise ValueError(f"onbekende modus {mode!r}; kies uit {', '.join(MODES)}")
    pdok = pdok or PdokClient()
    by_key: dict[str, GeocodeOutcome] = {}
    outcomes = []
    for q in queries:
        key = cache_key(q)
        if key not in by_key:
            down = any(o.status == "mislukt" for o in by_key.values())
            by_key[key] = _outcome_for(q, cache, mode, pdok, nominatim, today(), down)
        outcomes.append(dataclasses.replace(by_key[key], query=q))
    report = GeocodeReport(outcomes, with_fallback=nominatim is not None)
    if not report.failed:
        for outcome in by_key.values():
            if outcome.status in ("gevonden", "twijfel"):
                cache.put(outcome.query, outcome.hit)
    return report


def _outcome_for(q, cache, mode, pdok, nominatim, today: dt.date, down: bool) -> GeocodeOutcome:
    if down:
        return GeocodeOutcome(q, "overgeslagen")
    cached = cache.get(q) if mode == "only-missing" else None
    if cached is not None:
        return GeocodeOutcome(q, "cache", cached, bron=cached.bron)
    return lookup_address(q, pdok, nominatim, today)


def lookup_address(
    q: AddressQuery, pdok: PdokClient, nominatim: NominatimClient | None, today: dt.date
) -> GeocodeOutcome:
    """Ask PDOK; ask Nominatim only when PDOK fails (not when PDOK says "not found")."""
    try:
        docs = pdok.free(q)
    except PdokUnavailable as exc:
        return lookup_with_nominatim(q, nominatim, str(exc), today)
    outcome = outcome_from_pdok(q, docs, pdok.min_score, today)
    if outcome.status == "niet-gevonden":
        outcome = dataclasses.replace(outcome, suggestions=tuple(pdok.suggestions(q)))
    return outcome


def outcome_from_pdok(q: AddressQuery, docs: Sequence[PdokAddress], min_score: float, today: dt.date) -> GeocodeOutcome:
    matching = [doc for doc in docs if doc.matches(q)]
    if not matching:
        return GeocodeOutcome(q, "niet-gevonden", bron="pdok")
    best = max(matching, key=lambda doc: doc.score or 0.0)
    warning = pdok_doubt(q, best, docs, min_score)
    status = "twijfel" if warning else "gevonden"
    return GeocodeOutcome(q, status, best.to_hit(today), bron="pdok", warning=warning)


def pdok_doubt(q: AddressQuery, best: PdokAddress, docs: Sequence[PdokAddress], min_score: float) -> str:
    """Why a matching PDOK address still needs a human look, or "" when it does not."""
    reasons = []
    others = [d for d in docs if d.weergavenaam != best.weergavenaam]
    if also_matching := _names(d for d in others if d.matches(q)):
        reasons.append(f"PDOK vond meer adressen die passen: {also_matching}")
    rivals = [d for d in others if not d.matches(q) and d.score is not None and best.score is not None]
    if higher := _names(d for d in rivals if d.score > best.score):
        reasons.append(f"PDOK vond ook {higher} met een hogere score")
    if equal := _names(d for d in rivals if d.score == best.score):
        reasons.append(f"PDOK vond ook {equal} met een even hoge score")
    if best.score is not None and best.score < min_score:
        reasons.append(f"lage score bij PDOK ({best.score:.1f})")
    if best.straatnaam and _alnum(best.straatnaam) != _alnum(q.straat):
        reasons.append(f'de straat heet bij PDOK "{best.straatnaam}"')
    return "; ".join(reasons)


def _names(docs) -> str:
    return " en ".join(dict.fromkeys(doc.weergavenaam for doc in docs))


def lookup_with_nominatim(
    q: AddressQuery, nominatim: NominatimClient | None, pdok_problem: str, today: dt.date
) -> GeocodeOutcome:
    if nominatim is None:
        return GeocodeOutcome(q, "mislukt", warning=pdok_problem, pdok_problem=pdok_problem)
    try:
        place = nominatim.search(q)
    except NominatimUnavailable as exc:
        return GeocodeOutcome(q, "mislukt", warning=f"{pdok_problem}; {exc}", pdok_problem=pdok_problem)
    if place is None:
        return GeocodeOutcome(q, "niet-gevonden", bron="nominatim", pdok_problem=pdok_problem)
    warning = nominatim_doubt(q, place)
    status = "twijfel" if warning else "gevonden"
    hit = place.to_hit(today)
    return GeocodeOutcome(q, status, hit, bron="nominatim", warning=warning, pdok_problem=pdok_problem)


def nominatim_doubt(q: AddressQuery, place: NominatimPlace) -> str:
    """Nominatim may fall back to the street or a nearby number: say so."""
    reasons = []
    house = place.address.get("house_number")
    if not house:
        reasons.append("Nominatim vond alleen de straat, niet het huisnummer")
    elif house_number_parts(house) != house_number_parts(q.huisnummer):
        reasons.append(f"Nominatim vond huisnummer {house}")
    postcode = str(place.address.get("postcode", "")).replace(" ", "").upper()
    if postcode and postcode != q.postcode_compact:
        reasons.append(f"Nominatim vond postcode {place.address['postcode']}")
    return "; ".join(reasons)


# ── command-line entry point (wired into `python -m generator geocode` by the CLI) ─────────


def main_geocode(
    queries_with_labels: Sequence[tuple[str, AddressQuery]],
    cache_path: Path | str = DEFAULT_CACHE_PATH,
    mode: Mode = "only-missing",
    *,
    pdok: PdokClient | None = None,
    nominatim: NominatimClient | None = None,
    use_nominatim: bool = True,
    out: TextIO | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> int:
    """Geocode, print one line per address ("<label>: <message>") and a summary; return the exit code.

    The cache file is written only when the run worked and something changed.
    """
    out = out or sys.stdout
    try:
        cache = GeocodeCache.load(cache_path)
    except GeocodeCacheError as exc:
        print(exc, file=out)
        return EXIT_CACHE_ERROR
    if nominatim is None and use_nominatim:
        nominatim = NominatimClient()
    queries = [q for _, q in queries_with_labels]
    report = geocode_addresses(queries, cache, mode, pdok or PdokClient(), nominatim, today=today)
    for (label, _), outcome in zip(queries_with_labels, report.outcomes):
        print(f"{label}: {outcome.message}", file=out)
    print(report.summary(), file=out)
    if report.failed:
        print(report.failure_message, file=out)
        return EXIT_UNREACHABLE
    if cache.changed:
        cache.save()
        print(f"Cache bijgewerkt: {cache.path}", file=out)
    return report.exit_code
