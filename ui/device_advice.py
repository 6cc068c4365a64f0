"""What the operator reads about a device: its state in plain words and, when it failed, what
to do next, in the desk's language ("id" or "en").

The device's own message (English, may quote the operating system) is never part of these
texts: it belongs in the log and behind a "details" view. Pure data and lookups, no Qt, so
the tables are tested for completeness without a screen.
"""

from __future__ import annotations

from typing import Final, Literal

from devices.device import DeviceEvent, DeviceFault, DeviceState
from ui.translations import Language, Text, translate, translated

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

_Texts = Text

FAULT_ADVICE: Final[dict[tuple[str, DeviceFault | None], _Texts]] = {
    ("blood_pressure", DeviceFault.NOT_FOUND): translate(
        "devices",
        "Manset tidak terhubung: nyalakan dan dekatkan; atau isi manual",
        "blood_pressure/NOT_FOUND",
    ),
    ("blood_pressure", DeviceFault.ADAPTER_MISSING): translate(
        "devices",
        "Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; atau isi manual",
        "blood_pressure/ADAPTER_MISSING",
    ),
    ("blood_pressure", DeviceFault.CONNECT_FAILED): translate(
        "devices",
        "Manset tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; atau isi manual",
        "blood_pressure/CONNECT_FAILED",
    ),
    ("blood_pressure", DeviceFault.NOT_PAIRED): translate(
        "devices",
        "Manset belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; atau isi "
        "manual",
        "blood_pressure/NOT_PAIRED",
    ),
    ("blood_pressure", DeviceFault.LINK_LOST): translate(
        "devices",
        "Sambungan manset terputus saat mengukur: dekatkan manset, lalu ukur ulang; atau isi "
        "manual",
        "blood_pressure/LINK_LOST",
    ),
    ("blood_pressure", DeviceFault.DAMAGED_PACKET): translate(
        "devices",
        "Data dari manset rusak: ukur ulang; atau isi manual",
        "blood_pressure/DAMAGED_PACKET",
    ),
    ("blood_pressure", DeviceFault.NO_READING): translate(
        "devices",
        "Belum ada hasil dari manset: ukur dengan manset sampai selesai, lalu coba lagi; atau isi "
        "manual",
        "blood_pressure/NO_READING",
    ),
    ("blood_pressure", DeviceFault.MISCONFIGURED): translate(
        "devices",
        "Pengaturan manset tidak cocok dengan alatnya: hubungi teknisi; atau isi manual",
        "blood_pressure/MISCONFIGURED",
    ),
    ("blood_pressure", None): translate(
        "devices", "Manset bermasalah: ukur ulang; atau isi manual", "blood_pressure/None"
    ),
    ("oximeter", DeviceFault.NOT_FOUND): translate(
        "devices",
        "Oksimeter tidak terhubung: nyalakan dan dekatkan, atau colokkan kabelnya; atau isi manual",
        "oximeter/NOT_FOUND",
    ),
    ("oximeter", DeviceFault.ADAPTER_MISSING): translate(
        "devices",
        "Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; atau isi manual",
        "oximeter/ADAPTER_MISSING",
    ),
    ("oximeter", DeviceFault.CONNECT_FAILED): translate(
        "devices",
        "Oksimeter tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; atau isi "
        "manual",
        "oximeter/CONNECT_FAILED",
    ),
    ("oximeter", DeviceFault.NOT_PAIRED): translate(
        "devices",
        "Oksimeter belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; atau isi "
        "manual",
        "oximeter/NOT_PAIRED",
    ),
    ("oximeter", DeviceFault.LINK_LOST): translate(
        "devices",
        "Sambungan oksimeter terputus: periksa kabel atau dekatkan alat, lalu ukur ulang; atau "
        "isi manual",
        "oximeter/LINK_LOST",
    ),
    ("oximeter", DeviceFault.DAMAGED_PACKET): translate(
        "devices",
        "Data dari oksimeter rusak: ukur ulang; atau isi manual",
        "oximeter/DAMAGED_PACKET",
    ),
    ("oximeter", DeviceFault.NO_READING): translate(
        "devices",
        "Belum ada hasil yang stabil: masukkan jari penuh ke sensor dan jangan bergerak, lalu "
        "ukur ulang; atau isi manual",
        "oximeter/NO_READING",
    ),
    ("oximeter", DeviceFault.MISCONFIGURED): translate(
        "devices",
        "Pengaturan oksimeter tidak cocok dengan alatnya: hubungi teknisi; atau isi manual",
        "oximeter/MISCONFIGURED",
    ),
    ("oximeter", None): translate(
        "devices", "Oksimeter bermasalah: ukur ulang; atau isi manual", "oximeter/None"
    ),
}

# Every state but ERROR (which shows the fault's advice). MEASURING with a live cuff
# pressure uses CUFF_PRESSURE instead.
STATE_TEXTS: Final[dict[tuple[str, DeviceState], _Texts]] = {
    ("blood_pressure", DeviceState.SEARCHING): translate(
        "devices", "Mencari manset…", "blood_pressure/SEARCHING"
    ),
    ("blood_pressure", DeviceState.CONNECTING): translate(
        "devices", "Menghubungkan ke manset…", "blood_pressure/CONNECTING"
    ),
    ("blood_pressure", DeviceState.CONNECTED): translate(
        "devices", "Manset terhubung", "blood_pressure/CONNECTED"
    ),
    ("blood_pressure", DeviceState.MEASURING): translate(
        "devices", "Mengukur… tunggu sampai manset selesai", "blood_pressure/MEASURING"
    ),
    ("blood_pressure", DeviceState.READING_RECEIVED): translate(
        "devices", "Hasil diterima dari manset", "blood_pressure/READING_RECEIVED"
    ),
    ("blood_pressure", DeviceState.DISCONNECTED): translate(
        "devices", "Sambungan manset terputus", "blood_pressure/DISCONNECTED"
    ),
    ("oximeter", DeviceState.SEARCHING): translate(
        "devices", "Mencari oksimeter…", "oximeter/SEARCHING"
    ),
    ("oximeter", DeviceState.CONNECTING): translate(
        "devices", "Menghubungkan ke oksimeter…", "oximeter/CONNECTING"
    ),
    ("oximeter", DeviceState.CONNECTED): translate(
        "devices", "Oksimeter terhubung", "oximeter/CONNECTED"
    ),
    ("oximeter", DeviceState.MEASURING): translate(
        "devices", "Mengukur… jari tetap diam di sensor", "oximeter/MEASURING"
    ),
    ("oximeter", DeviceState.READING_RECEIVED): translate(
        "devices", "Hasil diterima dari oksimeter", "oximeter/READING_RECEIVED"
    ),
    ("oximeter", DeviceState.DISCONNECTED): translate(
        "devices", "Sambungan oksimeter terputus", "oximeter/DISCONNECTED"
    ),
}

CUFF_PRESSURE: Final[_Texts] = translate(
    "devices", "Mengukur… tekanan manset {pressure} mmHg", "CUFF_PRESSURE"
)


# The toggle that shows the device's own (technical, English) message.
DETAILS_TOGGLE: Final[_Texts] = translate("devices", "Rincian", "DETAILS_TOGGLE")


def _role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown device role {role!r}; expected one of {', '.join(ROLES)}")
    return str(role)


def fault_advice(role: str, fault: DeviceFault | None, lang: Language) -> str:
    """What went wrong and what to do next; ``None``: a failure without a device cause."""
    return translated(FAULT_ADVICE[_role(role), fault], lang)


def device_text(role: str, event: DeviceEvent, lang: Language) -> str:
    """The plain words for ``event`` of the device in ``role`` (never its technical detail)."""
    name = _role(role)
    if event.state is DeviceState.ERROR:
        return fault_advice(name, event.fault, lang)
    if event.state is DeviceState.MEASURING and event.cuff_pressure is not None:
        return translated(CUFF_PRESSURE, lang).format(pressure=f"{event.cuff_pressure:g}")
    return translated(STATE_TEXTS[name, event.state], lang)
