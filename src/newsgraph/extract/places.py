"""Extract places: recognise toponyms, then resolve each to coordinates, country and gazetteer id.

Recognition (``places_recognize``) takes spaCy's GPE/LOC/FAC entities plus gazetteer matches of
capitalised token runs, and keeps demonyms ("North Korean", "Western") out. Resolution
(``places_resolve``) scores every gazetteer candidate by a prior (population, feature class) plus
agreement with the article's other places, the actors' countries, admin hierarchy patterns
("Pandi, Bulacan") and the dateline. A metonymic capital ("Pyongyang has conducted ...") is a
place here even when it is also an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.gazetteer import load_gazetteer
from newsgraph.extract.places_recognize import recognize_toponyms
from newsgraph.extract.places_resolve import resolve_toponyms
from newsgraph.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_places(doc: Doc, ctx: Context) -> list[Place]:
    gazetteer = load_gazetteer()
    toponyms = recognize_toponyms(doc, gazetteer)
    actor_countries = [a.country for a in ctx.actors if a.country]
    resolved = resolve_toponyms(toponyms, ctx.article.body, gazetteer, actor_countries)
    places: list[Place] = []
    for toponym, entry in resolved:
        places.append(
            Place(
                id=f"p{len(places) + 1}",
                text=toponym.text,
                start=toponym.start,
                end=toponym.end,
                name=entry.name,
                country=entry.country or None,
                lat=entry.lat,
                lon=entry.lon,
                gazetteer_id=entry.gid,
                feature=entry.feature,
            )
        )
    return places
