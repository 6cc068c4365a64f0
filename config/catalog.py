"""The device catalogue (``config/device_catalog.toml``): known models as typed data."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal

__all__ = [
    "SIMULATOR",
    "DeviceModel",
    "DeviceSpec",
    "DeviceSpecError",
    "load_catalog",
    "parse_device_spec",
]

SIMULATOR = "simulator"
Kind = Literal["blood_pressure", "oximeter"]
Protocol = Literal[
    "ble-bls",
    "ble-plx",
    "ble-berry",
    "ble-jumper",
    "ble-omron-classic",
    "contec-v7",
    "contec-legacy",
    "masimo-ascii",
]
_KINDS = ("blood_pressure", "oximeter")
_PROTOCOLS = (
    "ble-bls",
    "ble-plx",
    "ble-berry",
    "ble-jumper",
    "ble-omron-classic",  # Omron's proprietary EEPROM memory read (devices/ble/omron_classic.py)
    "contec-v7",
    "contec-legacy",
    "masimo-ascii",
)
_PAIRING = ("none", "just-works", "required")
# "and-setup-write": A&D cuffs get [02 00 E1] on their custom characteristic after connecting,
# as obniz's UA651BLE driver does (docs/reference/device-protocols.md 2.2; its meaning is
# unconfirmed). "beurer-bm-byte-order": Beurer BM cuffs send 0x2A35's pulse and status big-endian,
# always a user id byte, and MAP 0 (real BM85 captures, derdilla/blood-pressure-monitor-fl
# app/test/features/bluetooth/logic/characteristics/ble_measurement_data_test.dart, PR #735);
# the driver decodes with devices.codecs.blood_pressure.BEURER_BM (profile ble:beurer-bm).
_QUIRKS = ("and-setup-write", "beurer-bm-byte-order")
_KIND_NAMES = {"blood_pressure": "a blood-pressure cuff", "oximeter": "an oximeter"}


class DeviceSpecError(ValueError):
    """A device setting names an unknown model or has the wrong shape."""


@dataclass(frozen=True, slots=True)
class DeviceModel:
    id: str
    name: str
    kind: Kind
    protocol: Protocol
    pairing: str
    notes: str
    # Named vendor behaviours the driver must honour (see _QUIRKS).
    quirks: tuple[str, ...] = ()

    @property
    def transport(self) -> str:
        return "bluetooth" if self.protocol.startswith("ble-") else "serial"


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    """A configured device: ``model`` is None for the generic simulator; ``simulator`` is
    True for ``"simulator:<model>"``, the model's real driver talking to a simulator of its
    byte protocol (devices/simulators/models.py)."""

    model: DeviceModel | None
    address: str
    simulator: bool = False

    @property
    def simulated(self) -> bool:
        return self.model is None or self.simulator


def load_catalog() -> Mapping[str, DeviceModel]:
    text = resources.files("config").joinpath("device_catalog.toml").read_text(encoding="utf-8")
    models: dict[str, DeviceModel] = {}
    for model_id, entry in tomllib.loads(text)["models"].items():
        if entry["kind"] not in _KINDS or entry["protocol"] not in _PROTOCOLS:
            raise DeviceSpecError(
                f"device catalogue entry {model_id!r} has an unknown kind or protocol"
            )
        if entry["pairing"] not in _PAIRING:
            raise DeviceSpecError(f"device catalogue entry {model_id!r} has an unknown pairing")
        quirks = tuple(entry.get("quirks", ()))
        unknown = [quirk for quirk in quirks if quirk not in _QUIRKS]
        if unknown:
            raise DeviceSpecError(
                f"device catalogue entry {model_id!r} has unknown quirks {unknown}"
            )
        models[model_id] = DeviceModel(
            id=model_id,
            name=entry["name"],
            kind=entry["kind"],
            protocol=entry["protocol"],
            pairing=entry["pairing"],
            notes=entry.get("notes", ""),
            quirks=quirks,
        )
    return models


def parse_device_spec(text: str, kind: Kind, catalog: Mapping[str, DeviceModel]) -> DeviceSpec:
    """``"simulator"``, ``"simulator:<model id>"`` or ``"<model id>@<address>"`` for a
    device of ``kind``."""
    if text == SIMULATOR:
        return DeviceSpec(model=None, address="")
    simulator = text.startswith(SIMULATOR + ":")
    if simulator:
        model_id, sep, address = text.removeprefix(SIMULATOR + ":"), "@", "simulator"
    else:
        model_id, sep, address = text.partition("@")
    if not sep or not address or not model_id:
        raise DeviceSpecError(
            "must be 'simulator', 'simulator:<model>' or '<model>@<address>' "
            f"(e.g. 'contec-cms50d-plus@/dev/ttyUSB0'), got {text!r}"
        )
    model = catalog.get(model_id)
    if model is None:
        known = ", ".join(m for m, entry in catalog.items() if entry.kind == kind)
        raise DeviceSpecError(f"unknown device model {model_id!r}; known models: {known}")
    if model.kind != kind:
        raise DeviceSpecError(f"{model_id!r} is {_KIND_NAMES[model.kind]}, not {_KIND_NAMES[kind]}")
    if simulator:
        return DeviceSpec(model=model, address="", simulator=True)
    return DeviceSpec(model=model, address=address)
