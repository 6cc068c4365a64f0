"""Every text the screens show exists in both languages with the same placeholders, so a
switch of language can never raise or drop a value."""

from __future__ import annotations

import string

import pytest

from ui.texts import TEXTS
from ui.translations import LANGUAGES, translated


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key):
    texts = {lang: translated(TEXTS[key], lang) for lang in LANGUAGES}
    assert texts["id"] == TEXTS[key].source  # Bahasa Indonesia is the source language
    assert texts["id"].strip()
    assert texts["en"].strip()
    assert _fields(texts["id"]) == _fields(texts["en"])


def test_the_bridge_has_a_signal_for_every_station_event(desk):
    import typing

    from station.events import StationEvent

    assert set(typing.get_args(StationEvent)) <= set(desk.bridge._signals)
