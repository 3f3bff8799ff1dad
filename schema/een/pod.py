"""POD's vocabulary (the EEN partnering opportunity database) beside the platform's.

Profile types are the proposal kinds of EEN; stages of development, IPR statuses and the
partnerships sought are free texts in POD exports, read by the words they contain (the first
row that matches wins) and written back as POD's usual wording.
"""

from __future__ import annotations

import re
from types import MappingProxyType

# The profile type of a reference, and the proposal kind it becomes.
KIND_OF_TYPE = MappingProxyType({
    "TO": "TECHNOLOGY_OFFER", "TR": "TECHNOLOGY_REQUEST", "BO": "BUSINESS_OFFER",
    "BR": "BUSINESS_REQUEST", "RDR": "RESEARCH_DEVELOPMENT_REQUEST",
})
# The type a territorial proposal is exported as: its own kind's, and for the platform's two
# kinds that POD lacks, the nearest (a collaboration seeks R&D partners, a challenge asks for
# a technology).
TYPE_OF_KIND = MappingProxyType({
    **{kind: profile_type for profile_type, kind in KIND_OF_TYPE.items()},
    "COLLABORATION": "RDR", "CHALLENGE": "TR",
})
KEYWORD_GROUPS = (("TECHNOLOGY", "technologies", "technology"), ("MARKET", "markets", "market"),
                  ("NACE", "naces", "nace"))

# (words that identify the value in POD's text, the value, POD's wording when exporting)
STAGES = (
    (r"market|commerciali", "ON_THE_MARKET", "Already on the market"),
    (r"prototype|demonstrat|field[- ]tested|pilot", "DEMONSTRABLE",
     "Available for demonstration"),
    (r"lab|under development|development phase", "LAB_TESTED", "Under development/lab tested"),
    (r"concept|idea", "IDEA", "Concept stage"),
)
IPR = (
    (r"applied|pending|filed", "PATENT_PENDING", "Patent(s) applied for but not yet granted"),
    (r"granted|patented", "PATENT_GRANTED", "Patent(s) granted"),
    (r"secret|know[- ]how", "SECRET_KNOW_HOW", "Secret know-how"),
    (r"^\s*(none|no|not protected)\b", "NONE", "None"),
)
PARTNERSHIPS = (
    (r"licen[cs]", "LICENSE", "License agreement"),
    (r"joint venture", "JOINT_VENTURE", "Joint venture agreement"),
    (r"subcontract|outsourc", "SUBCONTRACTING", "Subcontracting"),
    (r"commercial|distribution|franchis|acquisition|manufactur|services agreement|supplier",
     "COMMERCIAL_AGREEMENT", "Commercial agreement with technical assistance"),
    (r"research", "RESEARCH", "Research cooperation agreement"),
    (r"technical", "TECHNICAL_COOPERATION", "Technical cooperation agreement"),
)
# EEN writes some countries with the EU's codes, not ISO 3166-1's.
COUNTRY_ALIASES = MappingProxyType({"UK": "GB", "EL": "GR"})


def recognized(text: str | None,
               table: tuple[tuple[str, str, str], ...]) -> str | None:
    """The value of the first row whose words `text` contains; None when none does."""
    if not text:
        return None
    for words, value, _ in table:
        if re.search(words, text, re.IGNORECASE):
            return value
    return None


def wording(value: str | None, table: tuple[tuple[str, str, str], ...]) -> str | None:
    """POD's wording of a platform value (None stays None)."""
    for _, known, text in table:
        if known == value:
            return text
    return None
