"""The texts of the person's result slip (issue 13) and of the desk's "Print slip", in Bahasa
Indonesia and English.

Bahasa sources marked for Qt's translator as in ``ui.texts`` (the English in
``ui/i18n/vitals_en.ts``). Words the slip shares with the patient screen come from where the screen
takes them: a value's level and category (``ui.patient.result_texts``, and the rule set's own
band labels), the next step (``station.checks.engine.advice_for``), the parameter names and
the simulator and manual-entry markers (``ui.texts``).
"""

from __future__ import annotations

from ui.translations import Language, Text, translate, translated

__all__ = ["SLIP_TEXTS", "tr"]

SLIP_TEXTS: dict[str, Text] = {
    # the slip (the person's language)
    "slip_title": translate("slip", "Hasil Cek Kesehatan", "slip_title"),
    "slip_programme": translate("slip", "Cek Kesehatan Gratis (CKG)", "slip_programme"),
    "slip_name": translate("slip", "Nama", "slip_name"),
    "slip_date": translate("slip", "Tanggal", "slip_date"),
    # Indonesian writes the time with a full stop (PUEBI: pukul 09.05), English with a colon.
    "slip_when": translate("slip", "{day}, pukul {hour:02d}.{minute:02d}", "slip_when"),
    "slip_desk": translate("slip", "Meja", "slip_desk"),
    "slip_queue": translate("slip", "No. antrean", "slip_queue"),
    # Followed by the facility's SATUSEHAT organisation id: the settings hold no clinic name.
    "slip_clinic": translate("slip", "Faskes", "slip_clinic"),
    "slip_operator": translate("slip", "Petugas", "slip_operator"),
    "slip_no_result": translate("slip", "Tidak ada nilai yang dapat dihitung.", "slip_no_result"),
    "slip_next_step": translate("slip", "Langkah berikut", "slip_next_step"),
    "slip_come_back": translate("slip", "Kapan kembali", "slip_come_back"),
    "slip_back_by": translate("slip", "Kontrol ulang paling lambat {day}.", "slip_back_by"),
    "slip_back_today": translate(
        "slip", "Hari ini, {day}: temui dokter sebelum pulang.", "slip_back_today"
    ),
    "slip_back_none": translate("slip", "Tidak ada jadwal kontrol khusus.", "slip_back_none"),
    "slip_rule_set": translate(
        "slip", "Aturan penilaian: {name} ({id} v{version})", "slip_rule_set"
    ),
    "slip_rule_set_child": translate(
        "slip", "; anak di bawah 18 tahun: AAP 2017", "slip_rule_set_child"
    ),
    "slip_disclaimer": translate(
        "slip",
        "Hasil pemeriksaan awal, bukan diagnosis. Tanyakan kepada petugas kesehatan.",
        "slip_disclaimer",
    ),
    "slip_reference": translate("slip", "Ref. {reference}", "slip_reference"),
    "slip_qr_note": translate(
        "slip", "Kode QR: nomor referensi dan nilai, tanpa NIK.", "slip_qr_note"
    ),
    # the desk (the operator's language)
    "slip_print": translate("slip", "Cetak slip", "slip_print"),
    "slip_print_tip": translate(
        "slip", "Cetak slip hasil untuk {name} (antrean {queue})", "slip_print_tip"
    ),
    "slip_print_none": translate(
        "slip", "Slip tersedia setelah hasil dikonfirmasi.", "slip_print_none"
    ),
    "slip_printed": translate("slip", "Slip antrean {queue} dicetak ke {printer}.", "slip_printed"),
    "slip_no_printer": translate(
        "slip", "Tidak ada printer; slip antrean {queue} tidak dicetak.", "slip_no_printer"
    ),
    "slip_print_failed": translate(
        "slip", "Slip antrean {queue} tidak dapat dicetak ke {printer}.", "slip_print_failed"
    ),
}


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return translated(SLIP_TEXTS[key], lang).format(**values)
