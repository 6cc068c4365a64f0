"""What the operator reads about a device: its state in plain words and, when it failed, what
to do next, in the desk's language ("id" or "en").

The device's own message (English, may quote the operating system) is never part of these
texts: it belongs in the log and behind a "details" view. Pure data and lookups, no Qt, so
the tables are tested for completeness without a screen.
"""

from __future__ import annotations

from typing import Final, Literal

from devices.device import DeviceEvent, DeviceFault, DeviceState
from ui.texts import Language

__all__ = [
    "CUFF_PRESSURE",
    "DETAILS_TOGGLE",
    "FAULT_ADVICE",
    "ROLES",
    "STATE_TEXTS",
    "RoleName",
    "device_text",
    "fault_advice",
]

# The station's device roles by value (station.service.DeviceRole is a StrEnum with these
# values, so either the enum or its string looks a text up).
RoleName = Literal["blood_pressure", "oximeter"]
ROLES: Final[tuple[RoleName, ...]] = ("blood_pressure", "oximeter")

_Texts = dict[Language, str]

FAULT_ADVICE: Final[dict[tuple[str, DeviceFault | None], _Texts]] = {
    ("blood_pressure", DeviceFault.NOT_FOUND): {
        "id": "Manset tidak terhubung: nyalakan dan dekatkan; atau isi manual",
        "en": "Cuff not connected: switch it on and bring it close; or enter by hand",
    },
    ("blood_pressure", DeviceFault.ADAPTER_MISSING): {
        "id": "Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; "
        "atau isi manual",
        "en": "This computer's Bluetooth is not ready: turn Bluetooth on or call the "
        "technician; or enter by hand",
    },
    ("blood_pressure", DeviceFault.CONNECT_FAILED): {
        "id": "Manset tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; "
        "atau isi manual",
        "en": "The cuff would not connect: switch it off and on again, then measure again; "
        "or enter by hand",
    },
    ("blood_pressure", DeviceFault.NOT_PAIRED): {
        "id": "Manset belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; "
        "atau isi manual",
        "en": "The cuff is not paired with this station: ask the technician to pair it; "
        "or enter by hand",
    },
    ("blood_pressure", DeviceFault.LINK_LOST): {
        "id": "Sambungan manset terputus saat mengukur: dekatkan manset, lalu ukur ulang; "
        "atau isi manual",
        "en": "The cuff's connection was lost while measuring: bring it closer and measure "
        "again; or enter by hand",
    },
    ("blood_pressure", DeviceFault.DAMAGED_PACKET): {
        "id": "Data dari manset rusak: ukur ulang; atau isi manual",
        "en": "The cuff's data arrived damaged: measure again; or enter by hand",
    },
    ("blood_pressure", DeviceFault.NO_READING): {
        "id": "Belum ada hasil dari manset: ukur dengan manset sampai selesai, lalu coba lagi; "
        "atau isi manual",
        "en": "No reading from the cuff: let the cuff finish measuring, then try again; "
        "or enter by hand",
    },
    ("blood_pressure", DeviceFault.MISCONFIGURED): {
        "id": "Pengaturan manset tidak cocok dengan alatnya: hubungi teknisi; atau isi manual",
        "en": "The cuff's settings do not fit the device: call the technician; or enter by hand",
    },
    ("blood_pressure", None): {
        "id": "Manset bermasalah: ukur ulang; atau isi manual",
        "en": "Problem with the cuff: measure again; or enter by hand",
    },
    ("oximeter", DeviceFault.NOT_FOUND): {
        "id": "Oksimeter tidak terhubung: nyalakan dan dekatkan, atau colokkan kabelnya; "
        "atau isi manual",
        "en": "Oximeter not connected: switch it on and bring it close, or plug in its cable; "
        "or enter by hand",
    },
    ("oximeter", DeviceFault.ADAPTER_MISSING): {
        "id": "Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; "
        "atau isi manual",
        "en": "This computer's Bluetooth is not ready: turn Bluetooth on or call the "
        "technician; or enter by hand",
    },
    ("oximeter", DeviceFault.CONNECT_FAILED): {
        "id": "Oksimeter tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; "
        "atau isi manual",
        "en": "The oximeter would not connect: switch it off and on again, then measure "
        "again; or enter by hand",
    },
    ("oximeter", DeviceFault.NOT_PAIRED): {
        "id": "Oksimeter belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; "
        "atau isi manual",
        "en": "The oximeter is not paired with this station: ask the technician to pair it; "
        "or enter by hand",
    },
    ("oximeter", DeviceFault.LINK_LOST): {
        "id": "Sambungan oksimeter terputus: periksa kabel atau dekatkan alat, lalu ukur "
        "ulang; atau isi manual",
        "en": "The oximeter's connection was lost: check the cable or bring it closer, then "
        "measure again; or enter by hand",
    },
    ("oximeter", DeviceFault.DAMAGED_PACKET): {
        "id": "Data dari oksimeter rusak: ukur ulang; atau isi manual",
        "en": "The oximeter's data arrived damaged: measure again; or enter by hand",
    },
    ("oximeter", DeviceFault.NO_READING): {
        "id": "Belum ada hasil yang stabil: masukkan jari penuh ke sensor dan jangan bergerak, "
        "lalu ukur ulang; atau isi manual",
        "en": "No steady reading: put the finger fully into the probe and keep still, then "
        "measure again; or enter by hand",
    },
    ("oximeter", DeviceFault.MISCONFIGURED): {
        "id": "Pengaturan oksimeter tidak cocok dengan alatnya: hubungi teknisi; atau isi manual",
        "en": "The oximeter's settings do not fit the device: call the technician; "
        "or enter by hand",
    },
    ("oximeter", None): {
        "id": "Oksimeter bermasalah: ukur ulang; atau isi manual",
        "en": "Problem with the oximeter: measure again; or enter by hand",
    },
}

# Every state but ERROR (which shows the fault's advice). MEASURING with a live cuff
# pressure uses CUFF_PRESSURE instead.
STATE_TEXTS: Final[dict[tuple[str, DeviceState], _Texts]] = {
    ("blood_pressure", DeviceState.SEARCHING): {
        "id": "Mencari manset…",
        "en": "Looking for the cuff…",
    },
    ("blood_pressure", DeviceState.CONNECTING): {
        "id": "Menghubungkan ke manset…",
        "en": "Connecting to the cuff…",
    },
    ("blood_pressure", DeviceState.CONNECTED): {
        "id": "Manset terhubung",
        "en": "Cuff connected",
    },
    ("blood_pressure", DeviceState.MEASURING): {
        "id": "Mengukur… tunggu sampai manset selesai",
        "en": "Measuring… wait until the cuff is done",
    },
    ("blood_pressure", DeviceState.READING_RECEIVED): {
        "id": "Hasil diterima dari manset",
        "en": "Reading received from the cuff",
    },
    ("blood_pressure", DeviceState.DISCONNECTED): {
        "id": "Sambungan manset terputus",
        "en": "Cuff disconnected",
    },
    ("oximeter", DeviceState.SEARCHING): {
        "id": "Mencari oksimeter…",
        "en": "Looking for the oximeter…",
    },
    ("oximeter", DeviceState.CONNECTING): {
        "id": "Menghubungkan ke oksimeter…",
        "en": "Connecting to the oximeter…",
    },
    ("oximeter", DeviceState.CONNECTED): {
        "id": "Oksimeter terhubung",
        "en": "Oximeter connected",
    },
    ("oximeter", DeviceState.MEASURING): {
        "id": "Mengukur… jari tetap diam di sensor",
        "en": "Measuring… keep the finger still in the probe",
    },
    ("oximeter", DeviceState.READING_RECEIVED): {
        "id": "Hasil diterima dari oksimeter",
        "en": "Reading received from the oximeter",
    },
    ("oximeter", DeviceState.DISCONNECTED): {
        "id": "Sambungan oksimeter terputus",
        "en": "Oximeter disconnected",
    },
}

CUFF_PRESSURE: Final[_Texts] = {
    "id": "Mengukur… tekanan manset {pressure} mmHg",
    "en": "Measuring… cuff pressure {pressure} mmHg",
}


# The toggle that shows the device's own (technical, English) message.
DETAILS_TOGGLE: Final[_Texts] = {"id": "Rincian", "en": "Details"}


def _role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown device role {role!r}; expected one of {', '.join(ROLES)}")
    return str(role)


def fault_advice(role: str, fault: DeviceFault | None, lang: Language) -> str:
    """What went wrong and what to do next; ``None``: a failure without a device cause."""
    return FAULT_ADVICE[_role(role), fault][lang]


def device_text(role: str, event: DeviceEvent, lang: Language) -> str:
    """The plain words for ``event`` of the device in ``role`` (never its technical detail)."""
    name = _role(role)
    if event.state is DeviceState.ERROR:
        return fault_advice(name, event.fault, lang)
    if event.state is DeviceState.MEASURING and event.cuff_pressure is not None:
        return CUFF_PRESSURE[lang].format(pressure=f"{event.cuff_pressure:g}")
    return STATE_TEXTS[name, event.state][lang]
