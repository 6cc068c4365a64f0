"""Profile names for ``vitals-station decode`` (docs/design.md section 4) and their decoders."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from types import MappingProxyType

from devices.codecs.errors import DecodeError
from devices.measurements import Measurement

__all__ = ["PROFILES", "UnknownProfileError", "decode_hex", "parse_hex", "resolve_profile"]

Decoder = Callable[[bytes], Measurement]

# Omron classic cuffs whose memory layout devices.codecs.omron_classic knows (its LAYOUTS;
# tests/devices check that the two lists agree).
OMRON_CLASSIC_MODELS = ("HEM-7155T", "HEM-7322T", "HEM-7361T")


def _omron_record_decoder(model: str) -> Decoder:
    """One stored record of an Omron classic cuff (its memory layout is per model)."""
    from devices.codecs.omron_classic import LAYOUTS, decode_record  # noqa: PLC0415

    layout = LAYOUTS[model]

    def decode(record: bytes) -> Measurement:
        reading = decode_record(layout, record)
        if reading is None:
            raise DecodeError(f"{model} record is an empty memory slot (all FF)")
        return reading

    return decode


def _function(module: str, name: str) -> Callable[[], Decoder]:
    def load() -> Decoder:
        decoder: Decoder = getattr(importlib.import_module(f"devices.codecs.{module}"), name)
        return decoder

    return load


class _Decoders(Mapping[str, Decoder]):
    """Profile name -> decoder, each codec module imported when its profile is first asked
    for: ``vitals-station decode`` loads one codec, not ten (issue 14: a quick start)."""

    def __init__(self, loaders: Mapping[str, Callable[[], Decoder]]) -> None:
        self._loaders = loaders
        self._loaded: dict[str, Decoder] = {}

    def __getitem__(self, key: str) -> Decoder:
        if key not in self._loaded:
            self._loaded[key] = self._loaders[key]()
        return self._loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)


PROFILES: Mapping[str, Decoder] = _Decoders(
    {
        "ble:blood-pressure": _function("blood_pressure", "decode_blood_pressure"),
        "ble:cuff-pressure": _function("blood_pressure", "decode_cuff_pressure"),
        "ble:heart-rate": _function("heart_rate", "decode_heart_rate"),
        "ble:plx-spot-check": _function("plx", "decode_plx_spot_check"),
        "ble:plx-continuous": _function("plx", "decode_plx_continuous"),
        # One frame of either Contec CMS50D+/E generation (legacy 5-byte or V7 packet).
        "serial:contec-cms50": _function("contec", "decode_contec_packet"),
        # One ASCII 1 line of a Masimo Rad-8, given as the hex of its bytes.
        "serial:masimo-rad8": _function("masimo", "decode_masimo_line"),
        # 0x2A35 from a Beurer BM cuff: pulse and status big-endian (blood_pressure.BEURER_BM).
        "ble:beurer-bm": _function("blood_pressure", "decode_beurer_blood_pressure"),
        # Vendor UART-over-BLE oximeters.
        "ble:berry-bm1000": _function("berry", "decode_berry_frame"),
        "ble:jumper": _function("jumper", "decode_jumper_packet"),
        # One stored record read from an Omron classic cuff's memory, per memory layout.
        **{
            f"ble:omron-{model.lower()}": partial(_omron_record_decoder, model)
            for model in OMRON_CLASSIC_MODELS
        },
    }
)
# 16-bit characteristic UUIDs of the standard profiles.
SHORT_UUIDS: Mapping[str, str] = MappingProxyType(
    {
        "2a35": "ble:blood-pressure",
        "2a36": "ble:cuff-pressure",
        "2a37": "ble:heart-rate",
        "2a5e": "ble:plx-spot-check",
        "2a5f": "ble:plx-continuous",
    }
)
_BASE_UUID = re.compile(r"^0000([0-9a-f]{4})-0000-1000-8000-00805f9b34fb$")
_HEX_SEPARATORS = re.compile(r"[\s:,_-]")


class UnknownProfileError(ValueError):
    """The profile name is not one the station knows."""


def resolve_profile(name: str) -> Decoder:
    """The decoder for a profile name, a short UUID (``2a35``) or a full Bluetooth UUID."""
    key = name.strip().lower()
    if key in PROFILES:
        return PROFILES[key]
    short = key.removeprefix("0x")
    match = _BASE_UUID.match(short)
    if match:
        short = match.group(1)
    if short in SHORT_UUIDS:
        return PROFILES[SHORT_UUIDS[short]]
    known = ", ".join([*PROFILES, *SHORT_UUIDS])
    raise UnknownProfileError(f"unknown profile {name!r}; known profiles: {known}")


def parse_hex(text: str) -> bytes:
    cleaned = _HEX_SEPARATORS.sub("", text.strip().lower())
    cleaned = cleaned.replace("0x", "")
    if not cleaned:
        raise DecodeError("no payload bytes given")
    if len(cleaned) % 2:
        raise DecodeError(f"hex payload has an odd number of digits ({len(cleaned)})")
    try:
        return bytes.fromhex(cleaned)
    except ValueError as exc:
        raise DecodeError(f"payload is not hex: {text!r}") from exc


def decode_hex(profile: str, hex_text: str) -> Measurement:
    """Decode a payload given as hex text (spaces, colons and 0x prefixes allowed)."""
    decoder = resolve_profile(profile)
    return decoder(parse_hex(hex_text))
