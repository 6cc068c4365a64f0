"""The catalogue of the checks' sentences: one key per sentence, with its Bahasa Indonesia
and English template and its named parameters (issue 13).

A finding carries its key and parameters (values, limits, category codes) rather than only
finished words, so the screens can render it in their own language through Qt's translator
(``ui/finding_texts.py`` holds the same Bahasa templates for ``pyside6-lupdate``; a test keeps
the two equal) and the stored record says what was found, not just how it was worded.

Templates are ``str.format`` strings. A parameter listed in ``labels`` holds the key of a
label (a parameter's name, a blood-pressure band, an age group) that is rendered in the same
language before it is put in: ``{parameter}`` in "{parameter}: alat tidak mengirim nilai"
becomes "Sistolik" or "Systolic". Pure: no I/O.

Beside the findings, grades, next steps and CKG reasons, the table holds the referral advice
(station/checks/engine.py) and the first errors moved to keys (``StationError.of``: the
desk's refusals, role refusals); one table, so the screens have one renderer and one test.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

__all__ = [
    "CATALOGUE",
    "Message",
    "MessageError",
    "ParamValue",
    "Params",
    "check_params",
    "render",
    "texts",
    "texts_in",
]

ParamValue = str | int | float


class MessageError(ValueError):
    """A key that is not in the catalogue, or parameters that do not fit its templates."""


class Params(Mapping[str, ParamValue]):
    """A message's parameters: immutable and hashable, so a frozen ``Finding`` stays both."""

    __slots__ = ("_items",)

    def __init__(self, values: Mapping[str, ParamValue] | None = None) -> None:
        self._items: tuple[tuple[str, ParamValue], ...] = tuple(sorted((values or {}).items()))

    def __getitem__(self, name: str) -> ParamValue:
        for key, value in self._items:
            if key == name:
                return value
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _value in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Params):
            return self._items == other._items
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"Params({dict(self._items)!r})"


def _fields(template: str) -> frozenset[str]:
    return frozenset(
        name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name
    )


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    id: str
    en: str
    labels: frozenset[str] = field(default_factory=frozenset)

    @property
    def params(self) -> frozenset[str]:
        """The parameters a message needs: every field of either template (the Bahasa
        wording may leave out a value the English one gives)."""
        return _fields(self.id) | _fields(self.en)


def _m(key: str, text_id: str, text_en: str, *labels: str) -> Message:
    return Message(key, text_id, text_en, frozenset(labels))


_MESSAGES = (
    # Labels: put into other messages.
    _m("parameter.systolic", "Sistolik", "Systolic"),
    _m("parameter.diastolic", "Diastolik", "Diastolic"),
    _m("parameter.mean_arterial", "Tekanan arteri rata-rata", "Mean arterial pressure"),
    _m("parameter.heart_rate", "Denyut nadi", "Heart rate"),
    _m("parameter.pulse_rate", "Denyut nadi", "Pulse rate"),
    _m("parameter.spo2", "SpO2", "SpO2"),
    # Blood-pressure bands of every rule set and of AAP 2017 (station/checks/rulesets.py,
    # classify.py): one label per band code, the same in every table that has it.
    _m("bp_band.grade_3", "Hipertensi derajat 3", "Grade 3 hypertension"),
    _m("bp_band.grade_2", "Hipertensi derajat 2", "Grade 2 hypertension"),
    _m("bp_band.grade_1", "Hipertensi derajat 1", "Grade 1 hypertension"),
    _m("bp_band.high_normal", "Normal tinggi", "High-normal"),
    _m("bp_band.normal", "Normal", "Normal"),
    _m("bp_band.optimal", "Optimal", "Optimal"),
    _m("bp_band.crisis", "Krisis hipertensi", "Hypertensive crisis"),
    _m("bp_band.stage_2", "Hipertensi tahap 2", "Stage 2 hypertension"),
    _m("bp_band.stage_1", "Hipertensi tahap 1", "Stage 1 hypertension"),
    _m("bp_band.elevated", "Meningkat", "Elevated"),
    _m("bp_band.grade_3_limit", "Sangat tinggi", "Very high"),
    _m(
        "bp_band.at_least_stage_2",
        "Setidaknya hipertensi tahap 2 (batas AAP 140/90)",
        "At least stage 2 hypertension (AAP cap 140/90)",
    ),
    _m(
        "bp_band.at_least_stage_1",
        "Setidaknya hipertensi tahap 1 (batas AAP 130/80)",
        "At least stage 1 hypertension (AAP cap 130/80)",
    ),
    _m(
        "bp_band.at_least_elevated",
        "Setidaknya meningkat (batas AAP 120/80)",
        "At least elevated (AAP cap 120/80)",
    ),
    _m(
        "ckg_group.0-6",
        "balita dan anak prasekolah (0-6 tahun)",
        "infants and preschool children (0-6)",
    ),
    _m("ckg_group.7-17", "usia sekolah (7-17 tahun)", "school age (7-17)"),
    _m("ckg_group.18-59", "dewasa (18-59 tahun)", "adults (18-59)"),
    _m("ckg_group.60+", "lanjut usia (60 tahun ke atas)", "elderly (60 and over)"),
    # Plausibility (station/checks/plausibility.py).
    _m(
        "device.no_value",
        "{parameter}: alat tidak mengirim nilai (kode galat). Ukur ulang.",
        "{parameter}: the device sent no value (error code). Measure again.",
        "parameter",
    ),
    _m(
        "value.implausible",
        "{parameter} {value:g} {unit} tidak mungkin (batas {low:g}-{high:g} {unit}). "
        "Periksa alat dan ukur ulang.",
        "{parameter} {value:g} {unit} is not possible (limits {low:g}-{high:g} {unit}). "
        "Check the device and measure again.",
        "parameter",
    ),
    _m(
        "bp.systolic_not_above_diastolic",
        "Sistolik {systolic:g} tidak lebih tinggi dari diastolik {diastolic:g}: "
        "pengukuran tidak sah. Ukur ulang.",
        "Systolic {systolic:g} is not above diastolic {diastolic:g}: "
        "not a valid measurement. Measure again.",
    ),
    _m(
        "bp.mean_arterial_outside_reading",
        "Tekanan arteri rata-rata {mean:g} mmHg tidak di antara diastolik {diastolic:g} dan "
        "sistolik {systolic:g}: pengukuran tidak sah. Ukur ulang.",
        "Mean arterial pressure {mean:g} mmHg is not between diastolic {diastolic:g} and "
        "systolic {systolic:g}: not a valid measurement. Measure again.",
    ),
    _m(
        "bp.body_movement",
        "Alat mendeteksi gerakan tubuh saat mengukur.",
        "The cuff detected body movement during the measurement.",
    ),
    _m("bp.cuff_loose", "Manset terlalu longgar.", "The cuff is too loose."),
    _m(
        "bp.irregular_pulse",
        "Alat mendeteksi denyut tidak teratur.",
        "The cuff detected an irregular pulse.",
    ),
    _m(
        "bp.pulse_out_of_device_range",
        "Denyut nadi di luar rentang alat.",
        "Pulse rate is outside the device's range.",
    ),
    _m("bp.improper_position", "Posisi pengukuran tidak tepat.", "Improper measurement position."),
    _m(
        "spo2.device_marked_invalid",
        "Oksimeter menandai pengukuran tidak sah. Ukur ulang.",
        "The oximeter marked the measurement invalid. Measure again.",
    ),
    _m(
        "spo2.low_perfusion",
        "Perfusi rendah: hasil kurang andal.",
        "Low perfusion: the result is less reliable.",
    ),
    _m(
        "spo2.questionable",
        "Oksimeter meragukan hasil ini.",
        "The oximeter flagged this result as questionable.",
    ),
    # How a reading was taken (station/checks/quality.py).
    _m(
        "value.confirm",
        "{parameter} {value:g} {unit} tidak biasa: periksa alat dan ukur ulang untuk memastikan.",
        "{parameter} {value:g} {unit} is unusual: check the device and measure again to confirm.",
        "parameter",
    ),
    _m(
        "bp.narrow_pulse_pressure",
        "Tekanan nadi sempit ({pressure:g} mmHg): periksa manset dan ukur ulang.",
        "Narrow pulse pressure ({pressure:g} mmHg): check the cuff and measure again.",
    ),
    _m(
        "bp.wide_pulse_pressure",
        "Tekanan nadi sangat lebar ({pressure:g} mmHg): ukur ulang.",
        "Very wide pulse pressure ({pressure:g} mmHg): measure again.",
    ),
    _m(
        "bp.irregular_pulse_reliability",
        "Dengan denyut tidak teratur, hasil manset otomatis kurang andal; minta tenaga "
        "kesehatan memeriksa nadi.",
        "With an irregular pulse, automatic cuff readings are less reliable; have a health "
        "worker check the pulse.",
    ),
    _m(
        "spo2.confirm_low",
        "SpO2 {spo2:g}% sangat rendah: periksa sensor di jari dan ukur ulang.",
        "SpO2 {spo2:g}% is very low: check the probe on the finger and measure again.",
    ),
    _m(
        "spo2.pigmentation_bias",
        "Pada kulit lebih gelap oksimeter bisa terlalu tinggi: bila sesak napas, rujuk walau "
        "SpO2 92-96%.",
        "Oximeters can read high on darker skin: if the person is breathless, refer even with "
        "SpO2 92-96%.",
    ),
    _m(
        "device.clock_ahead",
        "Jam alat lebih cepat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.",
        "The device clock is {minutes} minutes ahead of the station's; station time is used.",
    ),
    _m(
        "device.clock_behind",
        "Jam alat terlambat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.",
        "The device clock is {minutes} minutes behind of the station's; station time is used.",
    ),
    _m(
        "pulse.disagreement",
        "Nadi manset ({cuff:g}) dan oksimeter ({oximeter:g}) berbeda {difference:g} per menit: "
        "ukur ulang dan periksa nadi (denyut tidak teratur?).",
        "Cuff pulse ({cuff:g}) and oximeter pulse ({oximeter:g}) differ by {difference:g}/min: "
        "measure again and check the pulse (irregular rhythm?).",
    ),
    # Grades of the values that count (station/checks/classify.py).
    _m(
        "bp.band",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band}.",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: {band}.",
        "band",
    ),
    _m(
        "bp.band_isolated_systolic",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band} (sistolik terisolasi).",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: {band} (isolated systolic).",
        "band",
    ),
    _m(
        "bp.aap_immediate_care",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 mmHg di "
        "atas persentil ke-95 (di atas {bound_systolic:g}/{bound_diastolic:g}), perlu "
        "penanganan segera (AAP 2017 4.3d).",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: Very high: more than 30 mmHg above "
        "the 95th percentile (above {bound_systolic:g}/{bound_diastolic:g}), needs immediate "
        "care (AAP 2017 4.3d).",
    ),
    _m(
        "bp.aap_immediate_care_isolated_systolic",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 mmHg di "
        "atas persentil ke-95 (di atas {bound_systolic:g}/{bound_diastolic:g}), perlu "
        "penanganan segera (AAP 2017 4.3d) (sistolik terisolasi).",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: Very high: more than 30 mmHg above "
        "the 95th percentile (above {bound_systolic:g}/{bound_diastolic:g}), needs immediate "
        "care (AAP 2017 4.3d) (isolated systolic).",
    ),
    _m(
        "bp.hypotension",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: sangat rendah (sistolik di bawah "
        "{limit:g}).",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: very low (systolic below {limit:g}).",
    ),
    _m(
        "bp.not_screened_under_3",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: anak di bawah 3 tahun tidak diskrining "
        "rutin; nilai ini tidak diklasifikasikan.",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: children under 3 are not routinely "
        "screened; this value is not classified.",
    ),
    _m(
        "bp.needs_percentile",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: di bawah 120/80, tetapi anak di bawah "
        "13 tahun dinilai dengan persentil menurut umur, jenis kelamin dan tinggi badan; tinggi "
        "tidak dicatat di sini, jadi tenaga kesehatan perlu menilainya.",
        "Blood pressure {systolic:g}/{diastolic:g} mmHg: below 120/80, but children under 13 "
        "are judged by percentiles for age, sex and height; height is not recorded here, so a "
        "health worker must assess it.",
    ),
    _m(
        "spo2.below_90",
        "SpO2 {spo2:g}%: sangat rendah (di bawah 90%). Segera rujuk.",
        "SpO2 {spo2:g}%: very low (below 90%). Refer urgently.",
    ),
    _m(
        "spo2.90_93",
        "SpO2 {spo2:g}%: rendah (90-93%). Perlu diperiksa dokter hari ini.",
        "SpO2 {spo2:g}%: low (90-93%). Needs a doctor's assessment today.",
    ),
    _m(
        "spo2.borderline",
        "SpO2 {spo2:g}%: batas bawah. Ukur ulang setelah istirahat.",
        "SpO2 {spo2:g}%: borderline. Measure again after a rest.",
    ),
    _m("spo2.normal", "SpO2 {spo2:g}%: normal.", "SpO2 {spo2:g}%: normal."),
    _m(
        "heart_rate.extreme_slow",
        "Denyut nadi {rate:g}/menit: sangat lambat. Segera rujuk.",
        "Heart rate {rate:g}/min: very slow. Refer urgently.",
    ),
    _m(
        "heart_rate.extreme_fast",
        "Denyut nadi {rate:g}/menit: sangat cepat. Segera rujuk.",
        "Heart rate {rate:g}/min: very fast. Refer urgently.",
    ),
    _m(
        "heart_rate.below_centile",
        "Denyut nadi {rate:g}/menit: di bawah persentil ke-1 anak seusianya ({low:g}-{high:g}). "
        "Ukur ulang setelah istirahat; bila tetap, minta dokter memeriksa hari ini.",
        "Heart rate {rate:g}/min: below the 1st centile for the child's age ({low:g}-{high:g}). "
        "Measure again after a rest; if it stays, have a doctor see the child today.",
    ),
    _m(
        "heart_rate.above_centile",
        "Denyut nadi {rate:g}/menit: di atas persentil ke-99 anak seusianya ({low:g}-{high:g}). "
        "Ukur ulang setelah istirahat; bila tetap, minta dokter memeriksa hari ini.",
        "Heart rate {rate:g}/min: above the 99th centile for the child's age ({low:g}-{high:g}). "
        "Measure again after a rest; if it stays, have a doctor see the child today.",
    ),
    _m(
        "heart_rate.slow",
        "Denyut nadi {rate:g}/menit: lambat. Ukur ulang setelah istirahat.",
        "Heart rate {rate:g}/min: slow. Measure again after a rest.",
    ),
    _m(
        "heart_rate.fast",
        "Denyut nadi {rate:g}/menit: cepat. Ukur ulang setelah istirahat.",
        "Heart rate {rate:g}/min: fast. Measure again after a rest.",
    ),
    _m(
        "heart_rate.normal",
        "Denyut nadi {rate:g}/menit: normal.",
        "Heart rate {rate:g}/min: normal.",
    ),
    # The blood-pressure protocol's next step (station/checks/protocol.py).
    _m(
        "protocol.first_reading",
        "Minta orang duduk tenang 5 menit, lengan setinggi jantung, lalu ukur.",
        "Have the person sit quietly for 5 minutes, arm at heart level, then measure.",
    ),
    _m(
        "protocol.second_reading",
        "Tunggu sekitar 1 menit, lalu ukur sekali lagi.",
        "Wait about 1 minute, then measure again.",
    ),
    # The Bahasa wording names the limit only; the English one gives the spread too.
    _m(
        "protocol.third_reading_systolic_spread",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: sistolik berbeda lebih dari "
        "{limit:g} mmHg.",
        "Wait about 1 minute, then measure a third time: systolic readings differ by "
        "{spread:g} mmHg (more than {limit:g}).",
    ),
    _m(
        "protocol.third_reading_diastolic_spread",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: diastolik berbeda lebih dari "
        "{limit:g} mmHg.",
        "Wait about 1 minute, then measure a third time: diastolic readings differ by "
        "{spread:g} mmHg (more than {limit:g}).",
    ),
    _m(
        "protocol.third_reading_first_high",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: pengukuran pertama "
        "{systolic:g}/{diastolic:g} mmHg atau lebih.",
        "Wait about 1 minute, then measure a third time: the first reading is at or above "
        "{systolic:g}/{diastolic:g} mmHg.",
    ),
    _m(
        "protocol.complete",
        "Pengukuran tekanan darah selesai: hasil adalah rata-rata dua pengukuran terakhir.",
        "Blood-pressure readings complete: the result is the mean of the last two.",
    ),
    # Advice for each referral level (station/checks/engine.py, advice_for): to the health
    # worker, and to the person in plain words. ``follow_up.within`` is the window of
    # rulesets.FOLLOW_UP_DAYS in words.
    _m("follow_up.within", "dalam bulan ini", "within the month"),
    _m(
        "advice.health_worker.none",
        "Tidak perlu rujukan. Berikan edukasi hidup sehat seperti biasa.",
        "No referral needed. Give the usual healthy-living advice.",
    ),
    _m(
        "advice.patient.none",
        "Hasil Anda tidak memerlukan rujukan. Tetap jaga pola hidup sehat.",
        "Your results do not need a referral. Keep up a healthy lifestyle.",
    ),
    _m(
        "advice.health_worker.follow_up",
        "Jadwalkan kontrol di puskesmas untuk memastikan hasil ini ({within}).",
        "Arrange a follow-up visit at the puskesmas to confirm this result ({within}).",
        "within",
    ),
    _m(
        "advice.patient.follow_up",
        "Silakan kontrol ke puskesmas untuk pemeriksaan ulang.",
        "Please come back to the puskesmas for a repeat check.",
    ),
    _m(
        "advice.health_worker.same_day",
        "Minta dokter memeriksa orang ini hari ini.",
        "Have a doctor see this person today.",
    ),
    _m(
        "advice.patient.same_day",
        "Anda perlu diperiksa dokter hari ini. Petugas akan membantu.",
        "You need to see a doctor today. The staff will help you.",
    ),
    _m(
        "advice.health_worker.urgent",
        "SEGERA: minta dokter memeriksa sekarang. Tanyakan nyeri dada, sesak napas, sakit "
        "kepala hebat, lemah sebelah badan, gangguan penglihatan. Catat tindakan yang diambil.",
        "URGENT: have a doctor see the person now. Ask about chest pain, breathlessness, "
        "severe headache, one-sided weakness, vision changes. Record what was done.",
    ),
    _m(
        "advice.patient.urgent",
        "Anda perlu segera diperiksa dokter. Petugas akan membantu sekarang.",
        "You need to see a doctor straight away. The staff will help you now.",
    ),
    # Errors the desk is told (station/errors.py StationError): the roles (station/roles.py)
    # and why an action is out of reach, and the desk's refusals (station/desk_refusals.py).
    # Not findings, but the same words-from-a-key, rendered by the same screens' renderer.
    _m("role.health_worker", "petugas kesehatan", "health worker"),
    _m("role.supervisor", "supervisor", "supervisor"),
    _m("role.admin", "admin", "admin"),
    _m(
        "access.locked",
        "Meja terkunci: masuk dengan nama dan PIN Anda.",
        "The desk is locked: sign in with your name and PIN.",
    ),
    _m("access.only_for", "Hanya untuk {role} ke atas.", "Only for a {role} or above.", "role"),
    _m(
        "refusal.number_called",
        "Nomor sudah dipanggil: panggil ulang, lewati, atau selesaikan kunjungan dahulu.",
        "A number is called already: recall it, skip it, or finish the visit first.",
    ),
    _m("refusal.no_number_called", "Belum ada nomor yang dipanggil.", "No number is called."),
    _m(
        "refusal.call_next_first",
        "Panggil nomor antrean berikutnya dahulu.",
        "Call the next queue number first.",
    ),
    _m(
        "refusal.person_first",
        "Isi data orang yang diperiksa dahulu.",
        "Enter the person's details first.",
    ),
    _m("refusal.no_visit", "Tidak ada kunjungan yang berjalan.", "No visit is in progress."),
    _m(
        "refusal.visit_in_progress",
        "Sudah ada kunjungan yang berjalan.",
        "A visit is already in progress.",
    ),
    _m("refusal.no_interrupted", "Tidak ada kunjungan terputus.", "There is no interrupted visit."),
    _m("refusal.device_busy", "Alat sedang mengukur.", "The device is already measuring."),
    _m(
        "refusal.wait_measurement",
        "Tunggu sampai pengukuran selesai.",
        "Wait until the measurement has finished.",
    ),
    _m(
        "refusal.no_valid_result",
        "Belum ada hasil yang sah untuk dikonfirmasi. Ukur dahulu.",
        "There is no valid result to confirm yet. Measure first.",
    ),
    _m(
        "refusal.finish_current_visit",
        "Selesaikan atau batalkan kunjungan yang sedang berjalan dahulu.",
        "Confirm or cancel the current visit first.",
    ),
    _m(
        "refusal.finish_interrupted_visit",
        "Lanjutkan atau batalkan kunjungan yang terputus dahulu.",
        "Resume or cancel the interrupted visit first.",
    ),
    _m(
        "refusal.not_now",
        "Tindakan ini tidak dapat dilakukan sekarang.",
        "This cannot be done now.",
    ),
    # The CKG birthday check (station/ckg.py).
    _m(
        "ckg.school_age",
        "Usia {age} tahun: anak usia sekolah (7-17 tahun) mendapat CKG di sekolah "
        "(CKG Sekolah), bukan CKG ulang tahun di klinik.",
        "Age {age}: school-age children (7-17) are checked at school (CKG Sekolah), "
        "not by the birthday check at a clinic.",
    ),
    _m(
        "ckg.checked_this_year",
        "Sudah CKG pada {last}; CKG hanya sekali setahun. Bisa lagi mulai {again}.",
        "Already had a CKG check on {last}; it is once a year. Next possible from {again}.",
    ),
    _m(
        "ckg.outside_window",
        "CKG ulang tahun berlaku dari hari ulang tahun sampai {days} hari sesudahnya; jendela "
        "terakhir ditutup {closed}. Jendela berikutnya mulai {upcoming}.",
        "The birthday check runs from the birthday to {days} days after it; the last window "
        "closed on {closed}. The next one opens on {upcoming}.",
    ),
    _m(
        "ckg.eligible",
        "Berhak CKG ulang tahun: usia {age} tahun, kelompok {group}.",
        "Eligible for the birthday check: age {age}, group {group}.",
        "group",
    ),
)

CATALOGUE: dict[str, Message] = {m.key: m for m in _MESSAGES}
assert len(CATALOGUE) == len(_MESSAGES), "a key is in the catalogue twice"


def check_params(key: str, params: Mapping[str, ParamValue]) -> Params:
    """``params`` as they are kept, after checking they fit ``key``'s templates: every
    parameter given and no other, numbers where a template formats a number, a known label
    key where a label goes. Raises ``MessageError``: a finding that cannot be rendered is a
    bug to find when it is built, not on a screen."""
    message = CATALOGUE.get(key)
    if message is None:
        raise MessageError(f"unknown message key {key!r}")
    given, needed = set(params), message.params
    if given != needed:
        missing, extra = sorted(needed - given), sorted(given - needed)
        raise MessageError(f"{key}: missing parameters {missing}, unexpected {extra}")
    for name in message.labels:
        label = params[name]
        if not isinstance(label, str) or label not in CATALOGUE or CATALOGUE[label].params:
            raise MessageError(f"{key}: {name}={label!r} is not a label key")
    kept = Params(params)
    try:
        texts(key, kept)
    except (ValueError, TypeError) as exc:
        raise MessageError(f"{key}: parameters do not fit the template: {exc}") from exc
    return kept


def texts_in(key: str, params: Mapping[str, ParamValue], template: Callable[[str], str]) -> str:
    """Render ``key`` with ``template`` giving each key's template in one language; the
    screens pass their translator's, the station its own (``render``)."""
    message = CATALOGUE[key]
    values = {
        name: texts_in(str(value), {}, template) if name in message.labels else value
        for name, value in params.items()
    }
    return template(key).format(**values)


def render(key: str, params: Mapping[str, ParamValue], lang: str) -> str:
    """``key`` with ``params`` in the station's own words: ``lang`` ``id`` or ``en``."""
    return texts_in(key, params, lambda k: CATALOGUE[k].id if lang == "id" else CATALOGUE[k].en)


def texts(key: str, params: Mapping[str, ParamValue] | None = None) -> tuple[str, str]:
    """(Bahasa Indonesia, English) of a key with its parameters."""
    values = params or {}
    return render(key, values, "id"), render(key, values, "en")
