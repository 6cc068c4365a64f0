"""The device advice table: complete for every role, fault and state, in both languages, in
plain words (no errno, no exception names, no English inside the Indonesian)."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from devices.device import DeviceEvent, DeviceFault, DeviceState
from station.service import DeviceRole
from ui.device_advice import (
    CUFF_PRESSURE,
    FAULT_ADVICE,
    ROLES,
    STATE_TEXTS,
    device_text,
    fault_advice,
)
from ui.texts import Language
from ui.translations import translated

LANGUAGES: tuple[Language, ...] = get_args(Language)
FAULTS: list[DeviceFault | None] = [*DeviceFault, None]
SHOWN_STATES = [state for state in DeviceState if state is not DeviceState.ERROR]

# What must never reach the operator's first glance: errno, OS and exception wording.
TECHNICAL = re.compile(
    r"errno|\berror\b|exception|traceback|bleak|bluez|d-bus|dbus|org\.|/dev/|tty|0x|"
    r"(?-i:[A-Z][a-z]+Error\b|\bE[A-Z]{3,}\b)",
    re.IGNORECASE,
)
# English words that would betray an untranslated Indonesian text (Bluetooth, SpO2 and mmHg
# are names, used as such in Indonesian).
ENGLISH = re.compile(
    r"\b(the|and|or|not|is|to|with|please|device|cuff|oximeter|connect\w*|disconnect\w*|"
    r"measur\w*|reading|again|check|switch|turn|enter|hand|plug\w*|cable|pair\w*|"
    r"failed|lost|damaged|found|settings|technician|finger|probe|wait)\b",
    re.IGNORECASE,
)


def both(text):
    """A table's text as each language shows it (through Qt's translator)."""
    return {lang: translated(text, lang) for lang in LANGUAGES}


ALL_TEXTS = [
    *(
        (f"{role}/{fault}/{lang}", both(texts)[lang])
        for (role, fault), texts in FAULT_ADVICE.items()
        for lang in LANGUAGES
    ),
    *(
        (f"{role}/{state}/{lang}", both(texts)[lang])
        for (role, state), texts in STATE_TEXTS.items()
        for lang in LANGUAGES
    ),
    *((f"pressure/{lang}", both(CUFF_PRESSURE)[lang]) for lang in LANGUAGES),
]


def test_the_roles_are_the_stations_roles():
    assert tuple(role.value for role in DeviceRole) == ROLES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("fault", FAULTS)
def test_every_fault_of_every_role_has_advice_in_both_languages(role, fault):
    texts = both(FAULT_ADVICE[role, fault])
    assert set(texts) == set(LANGUAGES)
    assert all(texts[lang].strip() for lang in LANGUAGES)
    assert texts["id"] != texts["en"]
    # Advice says what to do next, and always leaves the way out of typing it in.
    assert texts["id"].endswith("atau isi manual")
    assert texts["en"].endswith("or enter by hand")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", SHOWN_STATES)
def test_every_state_of_every_role_has_plain_words_in_both_languages(role, state):
    texts = both(STATE_TEXTS[role, state])
    assert set(texts) == set(LANGUAGES)
    assert all(texts[lang].strip() for lang in LANGUAGES)
    assert texts["id"] != texts["en"]


def test_nothing_else_is_in_the_tables():
    assert set(FAULT_ADVICE) == {(role, fault) for role in ROLES for fault in FAULTS}
    assert set(STATE_TEXTS) == {(role, state) for role in ROLES for state in SHOWN_STATES}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_fault_gets_its_own_advice(role, lang):
    texts = [both(FAULT_ADVICE[role, fault])[lang] for fault in FAULTS]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("text", [pytest.param(t, id=w) for w, t in ALL_TEXTS])
def test_no_technical_words(text):
    assert not TECHNICAL.search(text)


@pytest.mark.parametrize("text", [pytest.param(t, id=w) for w, t in ALL_TEXTS if w.endswith("/id")])
def test_no_english_in_the_indonesian(text):
    assert not ENGLISH.search(text)


def test_the_checks_would_catch_a_leak():
    assert TECHNICAL.search("Manset tidak terhubung ([Errno 2] No such file)")
    assert TECHNICAL.search("BleakDeviceNotFoundError")
    assert TECHNICAL.search("EACCES")
    assert not TECHNICAL.search("enter by hand")
    assert ENGLISH.search("Manset tidak terhubung: switch it on")


def test_an_error_event_shows_the_advice_for_its_fault_never_its_detail():
    event = DeviceEvent(
        "omron",
        DeviceState.ERROR,
        detail="cannot open serial port /dev/ttyUSB0: [Errno 2] No such file or directory",
        fault=DeviceFault.NOT_FOUND,
    )
    assert device_text("blood_pressure", event, "id") == (
        "Manset tidak terhubung: nyalakan dan dekatkan; atau isi manual"
    )
    assert device_text(DeviceRole.BLOOD_PRESSURE, event, "en") == (
        "Cuff not connected: switch it on and bring it close; or enter by hand"
    )


def test_an_error_without_a_cause_gets_the_general_advice():
    event = DeviceEvent("contec", DeviceState.ERROR, detail="reading arrived after the visit")
    assert device_text("oximeter", event, "id") == fault_advice("oximeter", None, "id")


def test_live_cuff_pressure_is_shown_while_measuring():
    event = DeviceEvent("omron", DeviceState.MEASURING, cuff_pressure=142.0)
    assert device_text("blood_pressure", event, "id") == "Mengukur… tekanan manset 142 mmHg"
    assert device_text("blood_pressure", event, "en") == "Measuring… cuff pressure 142 mmHg"


def test_a_state_detail_stays_out_of_the_plain_words():
    event = DeviceEvent("contec", DeviceState.MEASURING, detail="no finger or no pulse")
    assert device_text("oximeter", event, "en") == "Measuring… keep the finger still in the probe"


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown device role 'thermometer'"):
        device_text("thermometer", DeviceEvent("x", DeviceState.CONNECTED), "id")
