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
(station/checks/engine.py) and the errors the station tells the desk (``StationError.of``,
``PersonError.of``, ``BirthDateError``, ``ManualEntryError.of``, ``OperatorError.of``,
``OperatorStoreError.of``, ``CorrectionRefused.of``); one table, so the screens have one
renderer and one test. A zero-padded number (a month, a day) is given as its text ("02"),
never formatted in a template, so every template renders with any number.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

__all__ = [
    "CATALOGUE",
    "MONTHS_EN",
    "MONTHS_ID",
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


# Month names, for the birth-date messages (station.person re-exports them).
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

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
    # The person's details (station/person.py, station/birth_date.py, station/ckg.py):
    # PersonError and BirthDateError. Month names are labels, put in as the day's month.
    *(
        _m(f"month.{number:02d}", name_id, name_en)
        for number, (name_id, name_en) in enumerate(zip(MONTHS_ID, MONTHS_EN, strict=True), 1)
    ),
    _m("nik.required", "NIK wajib diisi.", "NIK is required."),
    _m("nik.digits_only", "NIK hanya boleh berisi angka.", "NIK must contain digits only."),
    _m(
        "nik.length",
        "NIK harus 16 digit; yang diketik {count} digit.",
        "NIK must have 16 digits; {count} were entered.",
    ),
    _m(
        "nik.province",
        "Digit 1-2 NIK (kode provinsi) adalah {province}: tidak ada provinsi Indonesia "
        "dengan kode itu (kode yang ada: {codes}).",
        "NIK digits 1-2 (province code) are {province}: no Indonesian province has that "
        "code (the codes are {codes}).",
    ),
    _m(
        "nik.regency_00",
        "Digit 3-4 NIK (kode kabupaten/kota) adalah 00: tidak ada kabupaten/kota dengan kode 00.",
        "NIK digits 3-4 (regency/city code) are 00: no regency or city has code 00.",
    ),
    _m(
        "nik.district_00",
        "Digit 5-6 NIK (kode kecamatan) adalah 00: tidak ada kecamatan dengan kode 00.",
        "NIK digits 5-6 (district code) are 00: no district has code 00.",
    ),
    _m(
        "nik.day",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}: bukan tanggal (01-31), dan "
        "bukan tanggal perempuan (41-71, tanggal ditambah 40).",
        "NIK digits 7-8 (day of birth) are {digits}: not a day (01-31), and not a "
        "woman's day (41-71, the day plus 40).",
    ),
    _m(
        "nik.month",
        "Digit 9-10 NIK (bulan lahir) adalah {digits}: bukan bulan (01-12).",
        "NIK digits 9-10 (month of birth) are {digits}: not a month (01-12).",
    ),
    _m(
        "nik.day_too_large",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan "
        "{month} ({month_name}) hanya punya {limit} hari.",
        "NIK digits 7-8 (day of birth) are {digits}, but month {month} "
        "({month_name}) has only {limit} days.",
        "month_name",
    ),
    _m(
        "nik.day_too_large_female",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk perempuan, "
        "tetapi bulan {month} ({month_name}) hanya punya {limit} hari.",
        "NIK digits 7-8 (day of birth) are {digits}, a woman's day {day}, but month "
        "{month} ({month_name}) has only {limit} days.",
        "month_name",
    ),
    _m(
        "nik.february_29",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan "
        "{month} ({month_name}) tahun {year} (19{year} atau 20{year}, bukan "
        "tahun kabisat) hanya punya {limit} hari.",
        "NIK digits 7-8 (day of birth) are {digits}, but month {month} "
        "({month_name}) of year {year} (19{year} or 20{year}, not a leap year) "
        "has only {limit} days.",
        "month_name",
    ),
    _m(
        "nik.february_29_female",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk perempuan, "
        "tetapi bulan {month} ({month_name}) tahun {year} (19{year} atau "
        "20{year}, bukan tahun kabisat) hanya punya {limit} hari.",
        "NIK digits 7-8 (day of birth) are {digits}, a woman's day {day}, but month "
        "{month} ({month_name}) of year {year} (19{year} or 20{year}, not a "
        "leap year) has only {limit} days.",
        "month_name",
    ),
    _m(
        "nik.serial",
        "Digit 13-16 NIK (nomor urut) adalah 0000: nomor urut dimulai dari 0001.",
        "NIK digits 13-16 (serial number) are 0000: serial numbers start at 0001.",
    ),
    _m(
        "nik.not_leap_year",
        "Digit 7-12 NIK memberi tanggal lahir 29-02-{year}, tetapi {year} bukan tahun kabisat.",
        "NIK digits 7-12 give a birth date of 29-02-{year}, but {year} was not a leap year.",
    ),
    _m(
        "nik.sex_female_typed_male",
        "Jenis kelamin laki-laki tidak sesuai dengan NIK: digit 7-8 adalah "
        "{digits} (tanggal ditambah 40, tanda perempuan).",
        "Sex male does not match the NIK: digits 7-8 are {digits} (the day plus 40: a woman).",
    ),
    _m(
        "nik.sex_male_typed_female",
        "Jenis kelamin perempuan tidak sesuai dengan NIK: digit 7-8 adalah "
        "{digits} (tanggal tanpa tambahan 40, tanda laki-laki).",
        "Sex female does not match the NIK: digits 7-8 are {digits} (no 40 added: a man).",
    ),
    _m(
        "nik.birth_date_mismatch",
        "Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi {from_nik}. "
        "Periksa NIK dan tanggal lahir di KTP/KK.",
        "Birth date {typed} does not match the NIK: NIK digits 7-12 give {from_nik}. "
        "Check the NIK and the birth date on the ID card.",
    ),
    _m(
        "nik.birth_date_mismatch_female",
        "Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi {from_nik} "
        "(tanggal {digits} dikurangi 40). Periksa NIK dan tanggal lahir di KTP/KK.",
        "Birth date {typed} does not match the NIK: NIK digits 7-12 give {from_nik} "
        "(day {digits} minus 40). Check the NIK and the birth date on the ID card.",
    ),
    _m("person.name_required", "Nama wajib diisi.", "Name is required."),
    _m(
        "person.name_too_long",
        "Nama terlalu panjang (maksimal {limit} huruf).",
        "Name is too long (at most {limit} characters).",
    ),
    _m(
        "person.birth_date_future",
        "Tanggal lahir tidak boleh di masa depan.",
        "Birth date cannot be in the future.",
    ),
    _m(
        "person.birth_date_after_visit",
        "Tanggal lahir tidak boleh sesudah tanggal pemeriksaan.",
        "Birth date cannot be after the visit date.",
    ),
    _m(
        "birth_date.empty",
        "Tanggal lahir belum diisi: ketik tanggal-bulan-tahun ({example}).",
        "No birth date typed: type day-month-year ({example}).",
    ),
    _m(
        "birth_date.characters",
        "Tanggal lahir hanya berisi angka dan tanda - / . ({example}).",
        "A birth date holds digits and - / . only ({example}).",
    ),
    _m(
        "birth_date.too_long",
        "Tanggal lahir terlalu panjang ({count} karakter, paling banyak {limit}): ketik {example}.",
        "Birth date too long ({count} characters, at most {limit}): type {example}.",
    ),
    _m(
        "birth_date.length",
        "Tanggal lahir tanpa tanda pisah harus 8 angka (DDMMYYYY, mis. 05051985); "
        "yang diketik {count} angka.",
        "A birth date without separators must have 8 digits (DDMMYYYY, e.g. "
        "05051985); {count} were typed.",
    ),
    _m(
        "birth_date.unreadable",
        "Tanggal lahir {text!r} tidak terbaca: ketik tanggal-bulan-tahun dengan tahun "
        "4 angka ({example}).",
        "Birth date {text!r} cannot be read: type day-month-year with a 4-digit year ({example}).",
    ),
    _m("birth_date.no_year", "Tahun 0000 tidak ada.", "There is no year 0000."),
    _m(
        "birth_date.no_month",
        "Bulan {month} tidak ada: bulan 01-12.",
        "There is no month {month}: months are 01-12.",
    ),
    _m(
        "birth_date.no_day",
        "Tanggal {day} tidak ada: {month_name} {year} hanya punya {limit} hari.",
        "There is no day {day}: {month_name} {year} has only {limit} days.",
        "month_name",
    ),
    _m(
        "birth_date.no_february_29",
        "Tanggal {day} tidak ada: {month_name} {year} (bukan tahun kabisat) hanya punya "
        "{limit} hari.",
        "There is no day {day}: {month_name} {year} (not a leap year) has only {limit} days.",
        "month_name",
    ),
    _m(
        "birth_date.future",
        "Tanggal lahir {birth} ada di masa depan (hari ini {today}).",
        "Birth date {birth} is in the future (today is {today}).",
    ),
    _m(
        "birth_date.too_old",
        "Tanggal lahir {birth} berarti usia {age} tahun (lebih dari {limit}): periksa tahunnya.",
        "Birth date {birth} means an age of {age} (over {limit}): check the year.",
    ),
    # A value typed by hand (station/manual_entry.py ManualEntryError).
    _m("manual.required", "{parameter} wajib diisi.", "{parameter} is required.", "parameter"),
    _m(
        "manual.not_whole_number",
        "{parameter}: ketik bilangan bulat, tanpa koma atau titik (misalnya {example}).",
        "{parameter}: type a whole number, without a comma or point (for example {example}).",
        "parameter",
    ),
    _m(
        "manual.too_long",
        "{parameter}: paling banyak {limit} angka.",
        "{parameter}: at most {limit} digits.",
        "parameter",
    ),
    _m(
        "manual.not_a_number",
        "{parameter}: ketik angka saja (misalnya {example}).",
        "{parameter}: type digits only (for example {example}).",
        "parameter",
    ),
    # An operator's details (station/operators.py OperatorError). The English is the one the
    # command line has always printed, in lower case. ``problem_id``/``problem_en``: the NIK's
    # own refusal, already in words, one per language.
    _m("operator.name_empty", "Nama petugas kosong.", "the operator's name is empty"),
    _m(
        "operator.name_too_long",
        "Nama petugas lebih dari {limit} karakter.",
        "the operator's name is longer than {limit} characters",
    ),
    _m(
        "operator.unknown_role",
        "Peran tidak dikenal: {roles}.",
        "unknown role {role!r}: one of {roles}",
    ),
    _m(
        "operator.practitioner_nik",
        "NIK tenaga kesehatan: {problem_id}",
        "practitioner NIK: {problem_en}",
    ),
    _m("operator.pin_empty", "PIN atau kata sandi kosong.", "the PIN or password is empty"),
    _m(
        "operator.pin_too_short",
        "PIN atau kata sandi minimal {limit} karakter.",
        "the PIN or password must have at least {limit} characters",
    ),
    _m(
        "operator.pin_too_long",
        "PIN atau kata sandi maksimal {limit} karakter.",
        "the PIN or password must have at most {limit} characters",
    ),
    _m(
        "operator.pin_repeated",
        "PIN atau kata sandi tidak boleh satu karakter yang diulang.",
        "the PIN or password must not be one character repeated",
    ),
    # Why a correction is refused (station/corrections.py, station/store/corrections.py).
    # ``findings_id``/``findings_en``: the blocking findings, already in words, one per
    # language (a message with a list of messages in it is more than this table holds).
    _m(
        "correction.visit_open",
        "Kunjungan ini masih berjalan: buang bacaan yang salah di sana, bukan koreksi.",
        "This visit is still open: discard the wrong reading there; corrections are for "
        "confirmed visits.",
    ),
    _m(
        "correction.visit_cancelled",
        "Kunjungan yang dibatalkan tidak punya hasil untuk dikoreksi.",
        "A cancelled visit has no results to correct.",
    ),
    _m(
        "correction.not_today",
        "Hanya kunjungan hari ini yang dapat dikoreksi.",
        "Only today's visits can be corrected.",
    ),
    _m(
        "correction.values_refused",
        "Nilai baru ditolak: {findings_id}",
        "The new values are refused: {findings_en}",
    ),
    _m(
        "correction.other_kind",
        "Bacaan {sequence} hanya dapat diganti dengan nilai jenis yang sama.",
        "Reading {sequence} can only take new values of the same kind.",
    ),
    _m(
        "correction.other_values",
        "Bacaan {sequence}: nilai baru harus berisi nilai yang sama seperti "
        "sebelumnya (misalnya nadi); untuk menghapus nilai, buang bacaannya.",
        "Reading {sequence}: the new values must hold the same values as before "
        "(a pulse, for example); to remove a value, discard the reading.",
    ),
    _m(
        "correction.same_values",
        "Bacaan {sequence}: nilai baru sama dengan yang tersimpan.",
        "Reading {sequence}: the new values are the ones stored already.",
    ),
    _m(
        "correction.nothing_chosen",
        "Pilih bacaan yang dikoreksi: nilai baru atau buang.",
        "Choose what to correct: new values for a reading, or discard it.",
    ),
    _m(
        "correction.not_in_visit",
        "Bacaan itu bukan bagian dari kunjungan ini.",
        "Reading {reading} is not part of this visit.",
    ),
    _m(
        "correction.changed_twice",
        "Bacaan {sequence} dikoreksi dua kali dalam satu koreksi.",
        "Reading {sequence} is changed twice in one correction.",
    ),
    _m(
        "correction.discarded_already",
        "Bacaan {sequence} sudah dibuang.",
        "Reading {sequence} is discarded already.",
    ),
    _m(
        "correction.unknown_action",
        "Pilih tindakan untuk hasil kritis.",
        "Unknown action for a critical result: {action!r}.",
    ),
    _m(
        "correction.needs_acknowledgement",
        "Koreksi ini membuat hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa "
        "dokter, menolak).",
        "This correction makes the result critical: record what was done (referred, seen "
        "by a doctor, declined).",
    ),
    _m("correction.needs_reason", "Tulis alasan koreksi.", "Give the reason for the correction."),
    _m(
        "correction.no_valid_reading",
        "Kunjungan yang dikonfirmasi harus tetap punya setidaknya satu bacaan yang sah.",
        "A confirmed visit keeps at least one valid reading.",
    ),
    _m(
        "correction.uploading",
        "Hasil kunjungan ini sedang diunggah ke SATUSEHAT; coba lagi sebentar lagi.",
        "This visit is being uploaded to SATUSEHAT right now; try again in a moment.",
    ),
    _m(
        "correction.changed_meanwhile",
        "Kunjungan ini baru saja diubah di meja lain; buka lagi lalu koreksi.",
        "This visit was changed meanwhile (another desk?); open it again, then correct it.",
    ),
    # The station's own refusals (station/service.py, station/desk_access.py,
    # station/operator_admin.py, ui/bridge.py). ``detail``: the store's English explanation,
    # which the English has always shown. ``findings_id``/``findings_en``: several blocking
    # findings, already in words, one per language (one blocking finding is its own key).
    _m(
        "discard.needs_reason",
        "Tuliskan alasan membuang hasil ini.",
        "Give a reason for discarding this reading.",
    ),
    _m(
        "discard.not_in_visit",
        "Hasil ini bukan milik kunjungan yang berjalan.",
        "This reading is not part of the visit in progress.",
    ),
    _m("discard.discarded_already", "Hasil ini sudah dibuang.", "{detail}"),
    _m(
        "operator.exists",
        "Sudah ada petugas di basis data ini: silakan masuk.",
        "{detail}",
    ),
    _m(
        "visit.unreadable",
        "Kunjungan ini tidak dapat dibaca.",
        "This visit cannot be read: {detail}",
    ),
    _m("visit.closed", "Kunjungan ini sudah ditutup.", "This visit has been closed already."),
    _m(
        "visit.not_offered",
        "Hanya kunjungan terputus yang ditawarkan meja ini yang dapat dilanjutkan atau dibatalkan.",
        "Only the interrupted visit this desk offered can be resumed or cancelled.",
    ),
    _m(
        "device.none",
        "Tidak ada alat yang diatur untuk pengukuran ini. Isi manual.",
        "No device is configured for this measurement. Enter it by hand.",
    ),
    _m(
        "protocol.wait",
        "Tunggu {seconds} detik lagi sebelum mengukur tekanan darah berikutnya "
        "(protokol: jeda 1 menit).",
        "Wait {seconds} more seconds before the next blood-pressure reading "
        "(protocol: 1 minute apart).",
    ),
    _m("value.blocked", "{findings_id}", "{findings_en}"),
    _m(
        "confirm.early_reason",
        "Protokol tekanan darah belum selesai: tuliskan alasan konfirmasi sekarang.",
        "The blood-pressure protocol is not complete: give a reason to confirm now.",
    ),
    _m(
        "confirm.needs_acknowledgement",
        "Hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa dokter, "
        "menolak) sebelum menutup kunjungan.",
        "Critical result: record what was done (referred, seen by a doctor, "
        "declined) before closing the visit.",
    ),
    _m(
        "sign_in.locked",
        "Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.",
        "Too many wrong PINs. Try again in {minutes} minutes.",
    ),
    _m(
        "sign_in.locked_one_minute",
        "Terlalu banyak PIN salah. Coba lagi dalam 1 menit.",
        "Too many wrong PINs. Try again in 1 minute.",
    ),
    _m(
        "sign_in.disabled",
        "Akun ini dinonaktifkan. Hubungi admin klinik.",
        "This account is disabled. Ask the clinic's admin.",
    ),
    _m("sign_in.wrong", "Nama atau PIN salah.", "Wrong name or PIN."),
    _m(
        "operator.self_disable",
        "Anda tidak dapat menonaktifkan akun yang sedang Anda pakai.",
        "You cannot disable the account you are signed in with.",
    ),
    _m(
        "station.unexpected",
        "Terjadi galat tak terduga; tindakan tidak selesai. Coba lagi.",
        "An unexpected error stopped the action. Try again.",
    ),
    # The operators' store (station/store/operators.py OperatorStoreError).
    _m(
        "operator.no_such_operator",
        "Tidak ada petugas bernama {name!r}.",
        "no operator is named {name!r}",
    ),
    _m(
        "operator.builtin",
        "Petugas demo bawaan tidak dapat diubah.",
        "the built-in demo operator cannot be changed",
    ),
    _m(
        "operator.not_first",
        "Sudah ada petugas: silakan masuk (admin menambah yang lain).",
        "an operator exists already: sign in (the admin adds the others)",
    ),
    _m(
        "operator.first_is_admin",
        "Petugas pertama harus admin: admin menambah petugas lain.",
        "the first operator must be an admin (--role admin): the admin adds the others",
    ),
    _m(
        "operator.name_taken",
        "Sudah ada petugas bernama {name!r}.",
        "an operator named {name!r} exists already",
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
