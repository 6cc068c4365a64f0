"""The checks' sentences on the screens (issue 13): one text for every key of the station's
catalogue (``station/checks/messages.py``), its Bahasa template marked for Qt's translator
and its English in ``ui/i18n/vitals_en.ts``, so a finding, a grade, the protocol's next step
or a CKG reason is rendered from its key and parameters in the screen's language. A finding
without a key (stored before issue 13) or with one the screens do not know shows the words
it was stored with. tests/ui/test_finding_texts.py keeps these templates equal to the
catalogue's, in both languages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Protocol

from station.checks.engine import advice_for, advice_keys
from station.checks.messages import ParamValue, texts_in
from station.checks.rulesets import Referral
from station.ckg import Eligibility
from ui.error_texts import ERROR_TEXTS
from ui.translations import Language, Text, translate, translated

__all__ = [
    "TEXTS",
    "Worded",
    "advice_text",
    "ckg_reason",
    "error_text",
    "message_text",
    "worded_text",
]

TEXTS: dict[str, Text] = {
    "parameter.systolic": translate("findings", "Sistolik", "parameter.systolic"),
    "parameter.diastolic": translate("findings", "Diastolik", "parameter.diastolic"),
    "parameter.mean_arterial": translate(
        "findings",
        "Tekanan arteri rata-rata",
        "parameter.mean_arterial",
    ),
    "parameter.heart_rate": translate("findings", "Denyut nadi", "parameter.heart_rate"),
    "parameter.pulse_rate": translate("findings", "Denyut nadi", "parameter.pulse_rate"),
    "parameter.spo2": translate("findings", "SpO2", "parameter.spo2"),
    "bp_band.grade_3": translate("findings", "Hipertensi derajat 3", "bp_band.grade_3"),
    "bp_band.grade_2": translate("findings", "Hipertensi derajat 2", "bp_band.grade_2"),
    "bp_band.grade_1": translate("findings", "Hipertensi derajat 1", "bp_band.grade_1"),
    "bp_band.high_normal": translate("findings", "Normal tinggi", "bp_band.high_normal"),
    "bp_band.normal": translate("findings", "Normal", "bp_band.normal"),
    "bp_band.optimal": translate("findings", "Optimal", "bp_band.optimal"),
    "bp_band.crisis": translate("findings", "Krisis hipertensi", "bp_band.crisis"),
    "bp_band.stage_2": translate("findings", "Hipertensi tahap 2", "bp_band.stage_2"),
    "bp_band.stage_1": translate("findings", "Hipertensi tahap 1", "bp_band.stage_1"),
    "bp_band.elevated": translate("findings", "Meningkat", "bp_band.elevated"),
    "bp_band.grade_3_limit": translate("findings", "Sangat tinggi", "bp_band.grade_3_limit"),
    "bp_band.at_least_stage_2": translate(
        "findings",
        "Setidaknya hipertensi tahap 2 (batas AAP 140/90)",
        "bp_band.at_least_stage_2",
    ),
    "bp_band.at_least_stage_1": translate(
        "findings",
        "Setidaknya hipertensi tahap 1 (batas AAP 130/80)",
        "bp_band.at_least_stage_1",
    ),
    "bp_band.at_least_elevated": translate(
        "findings",
        "Setidaknya meningkat (batas AAP 120/80)",
        "bp_band.at_least_elevated",
    ),
    "ckg_group.0-6": translate(
        "findings",
        "balita dan anak prasekolah (0-6 tahun)",
        "ckg_group.0-6",
    ),
    "ckg_group.7-17": translate("findings", "usia sekolah (7-17 tahun)", "ckg_group.7-17"),
    "ckg_group.18-59": translate("findings", "dewasa (18-59 tahun)", "ckg_group.18-59"),
    "ckg_group.60+": translate("findings", "lanjut usia (60 tahun ke atas)", "ckg_group.60+"),
    "device.no_value": translate(
        "findings",
        "{parameter}: alat tidak mengirim nilai (kode galat). Ukur ulang.",
        "device.no_value",
    ),
    "value.implausible": translate(
        "findings",
        "{parameter} {value:g} {unit} tidak mungkin (batas {low:g}-{high:g} {unit}). "
        "Periksa alat dan ukur ulang.",
        "value.implausible",
    ),
    "bp.systolic_not_above_diastolic": translate(
        "findings",
        "Sistolik {systolic:g} tidak lebih tinggi dari diastolik {diastolic:g}: "
        "pengukuran tidak sah. Ukur ulang.",
        "bp.systolic_not_above_diastolic",
    ),
    "bp.mean_arterial_outside_reading": translate(
        "findings",
        "Tekanan arteri rata-rata {mean:g} mmHg tidak di antara diastolik "
        "{diastolic:g} dan sistolik {systolic:g}: pengukuran tidak sah. Ukur ulang.",
        "bp.mean_arterial_outside_reading",
    ),
    "bp.body_movement": translate(
        "findings",
        "Alat mendeteksi gerakan tubuh saat mengukur.",
        "bp.body_movement",
    ),
    "bp.cuff_loose": translate("findings", "Manset terlalu longgar.", "bp.cuff_loose"),
    "bp.irregular_pulse": translate(
        "findings",
        "Alat mendeteksi denyut tidak teratur.",
        "bp.irregular_pulse",
    ),
    "bp.pulse_out_of_device_range": translate(
        "findings",
        "Denyut nadi di luar rentang alat.",
        "bp.pulse_out_of_device_range",
    ),
    "bp.improper_position": translate(
        "findings",
        "Posisi pengukuran tidak tepat.",
        "bp.improper_position",
    ),
    "spo2.device_marked_invalid": translate(
        "findings",
        "Oksimeter menandai pengukuran tidak sah. Ukur ulang.",
        "spo2.device_marked_invalid",
    ),
    "spo2.low_perfusion": translate(
        "findings",
        "Perfusi rendah: hasil kurang andal.",
        "spo2.low_perfusion",
    ),
    "spo2.questionable": translate(
        "findings",
        "Oksimeter meragukan hasil ini.",
        "spo2.questionable",
    ),
    "value.confirm": translate(
        "findings",
        "{parameter} {value:g} {unit} tidak biasa: periksa alat dan ukur ulang untuk memastikan.",
        "value.confirm",
    ),
    "bp.narrow_pulse_pressure": translate(
        "findings",
        "Tekanan nadi sempit ({pressure:g} mmHg): periksa manset dan ukur ulang.",
        "bp.narrow_pulse_pressure",
    ),
    "bp.wide_pulse_pressure": translate(
        "findings",
        "Tekanan nadi sangat lebar ({pressure:g} mmHg): ukur ulang.",
        "bp.wide_pulse_pressure",
    ),
    "bp.irregular_pulse_reliability": translate(
        "findings",
        "Dengan denyut tidak teratur, hasil manset otomatis kurang andal; minta tenaga "
        "kesehatan memeriksa nadi.",
        "bp.irregular_pulse_reliability",
    ),
    "spo2.confirm_low": translate(
        "findings",
        "SpO2 {spo2:g}% sangat rendah: periksa sensor di jari dan ukur ulang.",
        "spo2.confirm_low",
    ),
    "spo2.pigmentation_bias": translate(
        "findings",
        "Pada kulit lebih gelap oksimeter bisa terlalu tinggi: bila sesak napas, rujuk "
        "walau SpO2 92-96%.",
        "spo2.pigmentation_bias",
    ),
    "device.clock_ahead": translate(
        "findings",
        "Jam alat lebih cepat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.",
        "device.clock_ahead",
    ),
    "device.clock_behind": translate(
        "findings",
        "Jam alat terlambat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.",
        "device.clock_behind",
    ),
    "pulse.disagreement": translate(
        "findings",
        "Nadi manset ({cuff:g}) dan oksimeter ({oximeter:g}) berbeda {difference:g} "
        "per menit: ukur ulang dan periksa nadi (denyut tidak teratur?).",
        "pulse.disagreement",
    ),
    "bp.band": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band}.",
        "bp.band",
    ),
    "bp.band_isolated_systolic": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band} (sistolik terisolasi).",
        "bp.band_isolated_systolic",
    ),
    "bp.aap_immediate_care": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 "
        "mmHg di atas persentil ke-95 (di atas "
        "{bound_systolic:g}/{bound_diastolic:g}), perlu penanganan segera (AAP 2017 "
        "4.3d).",
        "bp.aap_immediate_care",
    ),
    "bp.aap_immediate_care_isolated_systolic": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 "
        "mmHg di atas persentil ke-95 (di atas "
        "{bound_systolic:g}/{bound_diastolic:g}), perlu penanganan segera (AAP 2017 "
        "4.3d) (sistolik terisolasi).",
        "bp.aap_immediate_care_isolated_systolic",
    ),
    "bp.hypotension": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: sangat rendah (sistolik di "
        "bawah {limit:g}).",
        "bp.hypotension",
    ),
    "bp.not_screened_under_3": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: anak di bawah 3 tahun tidak "
        "diskrining rutin; nilai ini tidak diklasifikasikan.",
        "bp.not_screened_under_3",
    ),
    "bp.needs_percentile": translate(
        "findings",
        "Tekanan darah {systolic:g}/{diastolic:g} mmHg: di bawah 120/80, tetapi anak "
        "di bawah 13 tahun dinilai dengan persentil menurut umur, jenis kelamin dan "
        "tinggi badan; tinggi tidak dicatat di sini, jadi tenaga kesehatan perlu "
        "menilainya.",
        "bp.needs_percentile",
    ),
    "spo2.below_90": translate(
        "findings",
        "SpO2 {spo2:g}%: sangat rendah (di bawah 90%). Segera rujuk.",
        "spo2.below_90",
    ),
    "spo2.90_93": translate(
        "findings",
        "SpO2 {spo2:g}%: rendah (90-93%). Perlu diperiksa dokter hari ini.",
        "spo2.90_93",
    ),
    "spo2.borderline": translate(
        "findings",
        "SpO2 {spo2:g}%: batas bawah. Ukur ulang setelah istirahat.",
        "spo2.borderline",
    ),
    "spo2.normal": translate("findings", "SpO2 {spo2:g}%: normal.", "spo2.normal"),
    "heart_rate.extreme_slow": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: sangat lambat. Segera rujuk.",
        "heart_rate.extreme_slow",
    ),
    "heart_rate.extreme_fast": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: sangat cepat. Segera rujuk.",
        "heart_rate.extreme_fast",
    ),
    "heart_rate.below_centile": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: di bawah persentil ke-1 anak seusianya "
        "({low:g}-{high:g}). Ukur ulang setelah istirahat; bila tetap, minta dokter "
        "memeriksa hari ini.",
        "heart_rate.below_centile",
    ),
    "heart_rate.above_centile": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: di atas persentil ke-99 anak seusianya "
        "({low:g}-{high:g}). Ukur ulang setelah istirahat; bila tetap, minta dokter "
        "memeriksa hari ini.",
        "heart_rate.above_centile",
    ),
    "heart_rate.slow": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: lambat. Ukur ulang setelah istirahat.",
        "heart_rate.slow",
    ),
    "heart_rate.fast": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: cepat. Ukur ulang setelah istirahat.",
        "heart_rate.fast",
    ),
    "heart_rate.normal": translate(
        "findings",
        "Denyut nadi {rate:g}/menit: normal.",
        "heart_rate.normal",
    ),
    "protocol.first_reading": translate(
        "findings",
        "Minta orang duduk tenang 5 menit, lengan setinggi jantung, lalu ukur.",
        "protocol.first_reading",
    ),
    "protocol.second_reading": translate(
        "findings",
        "Tunggu sekitar 1 menit, lalu ukur sekali lagi.",
        "protocol.second_reading",
    ),
    "protocol.third_reading_systolic_spread": translate(
        "findings",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: sistolik berbeda lebih dari "
        "{limit:g} mmHg.",
        "protocol.third_reading_systolic_spread",
    ),
    "protocol.third_reading_diastolic_spread": translate(
        "findings",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: diastolik berbeda lebih "
        "dari {limit:g} mmHg.",
        "protocol.third_reading_diastolic_spread",
    ),
    "protocol.third_reading_first_high": translate(
        "findings",
        "Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: pengukuran pertama "
        "{systolic:g}/{diastolic:g} mmHg atau lebih.",
        "protocol.third_reading_first_high",
    ),
    "protocol.complete": translate(
        "findings",
        "Pengukuran tekanan darah selesai: hasil adalah rata-rata dua pengukuran terakhir.",
        "protocol.complete",
    ),
    "follow_up.within": translate("findings", "dalam bulan ini", "follow_up.within"),
    "advice.health_worker.none": translate(
        "findings",
        "Tidak perlu rujukan. Berikan edukasi hidup sehat seperti biasa.",
        "advice.health_worker.none",
    ),
    "advice.patient.none": translate(
        "findings",
        "Hasil Anda tidak memerlukan rujukan. Tetap jaga pola hidup sehat.",
        "advice.patient.none",
    ),
    "advice.health_worker.follow_up": translate(
        "findings",
        "Jadwalkan kontrol di puskesmas untuk memastikan hasil ini ({within}).",
        "advice.health_worker.follow_up",
    ),
    "advice.patient.follow_up": translate(
        "findings",
        "Silakan kontrol ke puskesmas untuk pemeriksaan ulang.",
        "advice.patient.follow_up",
    ),
    "advice.health_worker.same_day": translate(
        "findings",
        "Minta dokter memeriksa orang ini hari ini.",
        "advice.health_worker.same_day",
    ),
    "advice.patient.same_day": translate(
        "findings",
        "Anda perlu diperiksa dokter hari ini. Petugas akan membantu.",
        "advice.patient.same_day",
    ),
    "advice.health_worker.urgent": translate(
        "findings",
        "SEGERA: minta dokter memeriksa sekarang. Tanyakan nyeri dada, sesak napas, "
        "sakit kepala hebat, lemah sebelah badan, gangguan penglihatan. Catat tindakan "
        "yang diambil.",
        "advice.health_worker.urgent",
    ),
    "advice.patient.urgent": translate(
        "findings",
        "Anda perlu segera diperiksa dokter. Petugas akan membantu sekarang.",
        "advice.patient.urgent",
    ),
    "role.health_worker": translate("findings", "petugas kesehatan", "role.health_worker"),
    "role.supervisor": translate("findings", "supervisor", "role.supervisor"),
    "role.admin": translate("findings", "admin", "role.admin"),
    "access.locked": translate(
        "findings",
        "Meja terkunci: masuk dengan nama dan PIN Anda.",
        "access.locked",
    ),
    "access.only_for": translate("findings", "Hanya untuk {role} ke atas.", "access.only_for"),
    "refusal.number_called": translate(
        "findings",
        "Nomor sudah dipanggil: panggil ulang, lewati, atau selesaikan kunjungan dahulu.",
        "refusal.number_called",
    ),
    "refusal.no_number_called": translate(
        "findings",
        "Belum ada nomor yang dipanggil.",
        "refusal.no_number_called",
    ),
    "refusal.call_next_first": translate(
        "findings",
        "Panggil nomor antrean berikutnya dahulu.",
        "refusal.call_next_first",
    ),
    "refusal.person_first": translate(
        "findings",
        "Isi data orang yang diperiksa dahulu.",
        "refusal.person_first",
    ),
    "refusal.no_visit": translate(
        "findings",
        "Tidak ada kunjungan yang berjalan.",
        "refusal.no_visit",
    ),
    "refusal.visit_in_progress": translate(
        "findings",
        "Sudah ada kunjungan yang berjalan.",
        "refusal.visit_in_progress",
    ),
    "refusal.no_interrupted": translate(
        "findings",
        "Tidak ada kunjungan terputus.",
        "refusal.no_interrupted",
    ),
    "refusal.device_busy": translate("findings", "Alat sedang mengukur.", "refusal.device_busy"),
    "refusal.wait_measurement": translate(
        "findings",
        "Tunggu sampai pengukuran selesai.",
        "refusal.wait_measurement",
    ),
    "refusal.no_valid_result": translate(
        "findings",
        "Belum ada hasil yang sah untuk dikonfirmasi. Ukur dahulu.",
        "refusal.no_valid_result",
    ),
    "refusal.finish_current_visit": translate(
        "findings",
        "Selesaikan atau batalkan kunjungan yang sedang berjalan dahulu.",
        "refusal.finish_current_visit",
    ),
    "refusal.finish_interrupted_visit": translate(
        "findings",
        "Lanjutkan atau batalkan kunjungan yang terputus dahulu.",
        "refusal.finish_interrupted_visit",
    ),
    "refusal.not_now": translate(
        "findings",
        "Tindakan ini tidak dapat dilakukan sekarang.",
        "refusal.not_now",
    ),
    "ckg.school_age": translate(
        "findings",
        "Usia {age} tahun: anak usia sekolah (7-17 tahun) mendapat CKG di sekolah (CKG "
        "Sekolah), bukan CKG ulang tahun di klinik.",
        "ckg.school_age",
    ),
    "ckg.checked_this_year": translate(
        "findings",
        "Sudah CKG pada {last}; CKG hanya sekali setahun. Bisa lagi mulai {again}.",
        "ckg.checked_this_year",
    ),
    "ckg.outside_window": translate(
        "findings",
        "CKG ulang tahun berlaku dari hari ulang tahun sampai {days} hari sesudahnya; "
        "jendela terakhir ditutup {closed}. Jendela berikutnya mulai {upcoming}.",
        "ckg.outside_window",
    ),
    "ckg.eligible": translate(
        "findings",
        "Berhak CKG ulang tahun: usia {age} tahun, kelompok {group}.",
        "ckg.eligible",
    ),
    **ERROR_TEXTS,
}


class Worded(Protocol):
    """Anything the checks say: a finding, a grade (Classification), a next step."""

    @property
    def key(self) -> str | None: ...

    @property
    def params(self) -> Mapping[str, ParamValue]: ...

    @property
    def message_id(self) -> str: ...

    @property
    def message_en(self) -> str: ...


def message_text(
    key: str | None,
    params: Mapping[str, ParamValue],
    words: tuple[str, str],
    lang: Language,
) -> str:
    """``key`` with ``params`` in ``lang`` through the translator; ``words`` (Bahasa,
    English), as stored, when there is no key or the screens have no text for it."""
    if key is None or key not in TEXTS:
        return words[0] if lang == "id" else words[1]
    return texts_in(key, params, lambda k: translated(TEXTS[k], lang))


def worded_text(worded: Worded, lang: Language) -> str:
    return message_text(worded.key, worded.params, (worded.message_id, worded.message_en), lang)


def advice_text(
    referral: Referral, who: Literal["health_worker", "patient"], lang: Language
) -> str:
    """A referral level's advice to the health worker or to the person, in ``lang``."""
    worker, patient = advice_keys(referral)
    key, params = worker if who == "health_worker" else patient
    words = advice_for(referral)[0 if who == "health_worker" else 1]
    return message_text(key, params, words, lang)


def error_text(error: object, lang: Language) -> str:
    """An error's message in ``lang``: from its key where it has one (a ``StationError``
    built with ``StationError.of``, a ``PersonError``, ``BirthDateError``,
    ``ManualEntryError``, ``CorrectionRefused`` or ``OperatorError`` from the catalogue),
    else its words (``message_id``/``message_en``)."""
    words = (str(getattr(error, "message_id", error)), str(getattr(error, "message_en", error)))
    return message_text(getattr(error, "key", None), getattr(error, "params", {}), words, lang)


def ckg_reason(eligibility: Eligibility, lang: Language) -> str:
    return message_text(
        eligibility.reason_key,
        eligibility.reason_params,
        (eligibility.reason_id, eligibility.reason_en),
        lang,
    )
