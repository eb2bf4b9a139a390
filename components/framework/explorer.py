"""The framework explorer's logic: searching capabilities and reading deep links.

Deep links look like ``/framework?capability=7`` or ``/framework?domain=victim``. Whatever a
URL carries is untrusted: anything this page cannot use becomes a notice to show the person,
never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from components.base.text import normalise, quote_for_notice
from components.framework.model import Capability, Domain, Framework

CAPABILITY_PARAM = "capability"
DOMAIN_PARAM = "domain"
FRAMEWORK_PARAMS = (CAPABILITY_PARAM, DOMAIN_PARAM)


@dataclass(frozen=True)
class FrameworkFocus:
    """What a framework link asks to open, plus notices about what it could not use."""

    capability: int | None = None
    domain: str | None = None
    notices: tuple[str, ...] = ()


def find_domain(framework: Framework, reference: str) -> Domain | None:
    """A domain by id (``victim``), by name in any case (``Criminal justice``) or by number."""
    wanted = normalise(reference)
    if not wanted:
        return None
    if wanted.isdigit():
        index = int(wanted) - 1
        return framework.domains[index] if 0 <= index < len(framework.domains) else None
    for domain in framework.domains:
        if wanted in (normalise(domain.id), normalise(domain.name)):
            return domain
    return None


def resolve_framework_link(
    framework: Framework,
    params: Mapping[str, str | Sequence[str]],
    ignored: Sequence[str] = (),
) -> FrameworkFocus:
    """Read ``capability`` and ``domain`` from a URL's query parameters.

    A capability also opens its domain. Unknown parameters (other than ``ignored``), unusable
    values and a domain
    that contradicts the capability each produce a notice; the rest of the link still works.
    """
    notices: list[str] = []
    capability: int | None = None
    domain: str | None = None

    # ``ignored`` are parameters other parts of the app use (the shared country and round).
    unknown = sorted(key for key in params if key not in FRAMEWORK_PARAMS and key not in ignored)
    if unknown:
        names = ", ".join(quote_for_notice(key) for key in unknown)
        notices.append(
            f"This page does not use the link parameter {names}; it was ignored. "
            f"It understands `?{CAPABILITY_PARAM}=7` and `?{DOMAIN_PARAM}=victim`."
        )

    raw_capability = _first(params.get(CAPABILITY_PARAM))
    if raw_capability is not None:
        text = raw_capability.strip()
        number = int(text) if re.fullmatch(r"\d{1,3}", text) else None
        count = len(framework.capabilities)
        if number is not None and 1 <= number <= count:
            capability = number
        else:
            notices.append(
                f"The link asks for capability {quote_for_notice(raw_capability)}, which does "
                f"not exist. Capabilities are numbered 1 to {count}."
            )

    raw_domain = _first(params.get(DOMAIN_PARAM))
    if raw_domain is not None:
        found = find_domain(framework, raw_domain)
        if found is None:
            known = ", ".join(f"`{d.id}`" for d in framework.domains)
            notices.append(
                f"The link asks for the domain {quote_for_notice(raw_domain)}, which does not "
                f"exist. Known domains: {known}."
            )
        else:
            domain = found.id

    if capability is not None:
        capability_domain = framework.capability(capability).domain
        if domain is not None and domain != capability_domain:
            notices.append(
                f"Capability {capability} belongs to "
                f"{framework.domain(capability_domain).name}, not to "
                f"{framework.domain(domain).name}; showing it in its own domain."
            )
        domain = capability_domain

    return FrameworkFocus(capability=capability, domain=domain, notices=tuple(notices))


def search_capabilities(framework: Framework, query: str) -> tuple[Capability, ...]:
    """Capabilities whose number, title or description contain every word of the query.

    Matching ignores case, accents and punctuation, and treats "&" as "and", so "image
    database" finds 7 and "compensation & remedies" finds 10. An empty query matches nothing.
    """
    words = normalise(query).split()
    if not words:
        return ()
    return tuple(
        capability
        for capability in framework.capabilities
        if _matches_all(words, [str(capability.number), capability.title, capability.description])
    )


def _matches_all(words: Iterable[str], fields: Sequence[str]) -> bool:
    haystack = " ".join(normalise(field) for field in fields)
    tokens = haystack.split()
    # A bare number must match a whole number ("1" must not find 12 or 21); a word may match
    # part of a longer one ("educat" finds "Education").
    return all((word in tokens) if word.isdigit() else (word in haystack) for word in words)


def _first(value: str | Sequence[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value[0] if value else None
