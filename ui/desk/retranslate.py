"""Texts a part of the desk says again in another language when the operator switches
(issue 13: the operator's language from the menu, without restarting).

A part keeps, for each text it shows, how to say it (a ``Phrase``: a function of the
language) and where it goes (a setter), instead of the words themselves; ``set_language``
says them all again. A message that replaces an earlier one in the same place (a label's
"saved" after its "refused") takes that place's slot, so only the latest is said again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.texts import Language, tr

__all__ = ["Phrase", "TextBindings", "both", "fixed", "phrase"]

Phrase = Callable[[Language], str]
Setter = Callable[[str], Any]


def phrase(key: str, **params: object) -> Phrase:
    """The desk's text ``key`` (ui.texts) with ``params``, in whichever language."""
    return lambda lang: tr(key, lang, **params)


def both(message_id: str, message_en: str) -> Phrase:
    """A message that comes in both languages already (a ``StationError``'s)."""
    return lambda lang: message_id if lang == "id" else message_en


def fixed(text: str) -> Phrase:
    """A text that is the same in every language (a name, a number)."""
    return lambda _lang: text


class TextBindings:
    """The texts of one part: each setter with its phrase, set now and again in another
    language by ``set_language``."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang
        self._bound: dict[object, tuple[Setter, Phrase]] = {}

    def bind(self, setter: Setter, said: Phrase | str, *, slot: object = None) -> None:
        """Set ``said`` (a phrase, or a key of ui.texts) through ``setter`` now and on every
        language change; ``slot``: the place it takes (a later bind there replaces it)."""
        spoken = phrase(said) if isinstance(said, str) else said
        self._bound[slot if slot is not None else object()] = (setter, spoken)
        setter(spoken(self.lang))

    def set_language(self, lang: Language) -> None:
        self.lang = lang
        for setter, spoken in self._bound.values():
            setter(spoken(lang))
