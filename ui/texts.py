"""Every text the screens show, in Bahasa Indonesia ("id") and English ("en")."""

from __future__ import annotations

from typing import Literal

__all__ = ["TEXTS", "Language", "tr"]

Language = Literal["id", "en"]

TEXTS: dict[str, dict[Language, str]] = {
    "window_title": {
        "id": "Stasiun tanda vital — meja {desk}",
        "en": "Vitals station — desk {desk}",
    },
    "queue": {"id": "Nomor antrean", "en": "Queue number"},
    "call_next": {"id": "Panggil berikutnya", "en": "Call next"},
    "person": {"id": "Orang yang diperiksa", "en": "Person"},
    "nik": {"id": "NIK", "en": "NIK"},
    "name": {"id": "Nama", "en": "Name"},
    "birth_date": {"id": "Tanggal lahir", "en": "Birth date"},
    "start_visit": {"id": "Mulai pemeriksaan", "en": "Start visit"},
    "blood_pressure": {"id": "Tekanan darah", "en": "Blood pressure"},
    "oximeter": {"id": "SpO2 (oksimeter)", "en": "SpO2 (oximeter)"},
    "measure_bp": {"id": "Ukur tekanan darah", "en": "Measure blood pressure"},
    "measure_spo2": {"id": "Ukur SpO2", "en": "Measure SpO2"},
    "readings": {"id": "Hasil bacaan", "en": "Readings"},
    "findings": {"id": "Temuan", "en": "Findings"},
    "result": {"id": "Hasil yang dihitung", "en": "Result that counts"},
    "confirm": {"id": "Konfirmasi", "en": "Confirm"},
    "cancel": {"id": "Batalkan", "en": "Cancel"},
    "next_step": {"id": "Langkah berikut", "en": "Next step"},
    "referral": {"id": "Rujukan", "en": "Referral"},
    "referral_none": {"id": "tidak perlu", "en": "none"},
    "referral_follow_up": {"id": "kontrol ulang", "en": "follow-up"},
    "referral_same_day": {"id": "dokter hari ini", "en": "doctor today"},
    "referral_urgent": {"id": "SEGERA", "en": "URGENT"},
    "critical_title": {
        "id": "Hasil kritis: catat tindakan sebelum konfirmasi",
        "en": "Critical result: record what was done before confirming",
    },
    "critical_choose": {"id": "— pilih tindakan —", "en": "— choose what was done —"},
    "critical_referred": {"id": "Dirujuk", "en": "Referred"},
    "critical_seen_by_doctor": {"id": "Sudah diperiksa dokter", "en": "Seen by a doctor"},
    "critical_declined": {"id": "Orang menolak", "en": "Person declined"},
    "critical_note": {"id": "Catatan (opsional)", "en": "Note (optional)"},
    "ckg": {"id": "CKG", "en": "CKG"},
    "disclaimer": {
        "id": "Alat bantu keputusan, bukan diagnosis.",
        "en": "Decision support, not a diagnosis.",
    },
    "simulator_banner": {
        "id": "SIMULATOR — nilai dari alat simulasi, bukan pengukuran sebenarnya",
        "en": "SIMULATOR — values from a simulated device, not a real measurement",
    },
    "state_idle": {"id": "Siap", "en": "Ready"},
    "state_searching": {"id": "Mencari alat…", "en": "Searching…"},
    "state_connecting": {"id": "Menghubungkan…", "en": "Connecting…"},
    "state_connected": {"id": "Terhubung", "en": "Connected"},
    "state_measuring": {"id": "Mengukur…", "en": "Measuring…"},
    "state_reading_received": {"id": "Hasil diterima", "en": "Reading received"},
    "state_disconnected": {"id": "Terputus", "en": "Disconnected"},
    "state_error": {"id": "Galat", "en": "Error"},
    "col_time": {"id": "Waktu", "en": "Time"},
    "col_what": {"id": "Jenis", "en": "What"},
    "col_value": {"id": "Nilai", "en": "Value"},
    "col_device": {"id": "Alat", "en": "Device"},
    "blocked": {"id": "DITOLAK", "en": "BLOCKED"},
    "ignored": {"id": "diabaikan", "en": "ignored"},
    "severity_invalid": {"id": "DITOLAK", "en": "INVALID"},
    "severity_critical": {"id": "KRITIS", "en": "CRITICAL"},
    "severity_abnormal": {"id": "tidak normal", "en": "abnormal"},
    "severity_notice": {"id": "catatan", "en": "notice"},
    "severity_normal": {"id": "normal", "en": "normal"},
    "pulse": {"id": "nadi", "en": "pulse"},
    "no_result": {"id": "Belum ada hasil.", "en": "No result yet."},
    "visit_open": {"id": "Pemeriksaan berjalan untuk {name}", "en": "Visit in progress for {name}"},
    "confirmed": {"id": "Hasil dikonfirmasi dan disimpan.", "en": "Results confirmed and stored."},
    "cancelled": {"id": "Pemeriksaan dibatalkan.", "en": "Visit cancelled."},
    "interrupted": {
        "id": "Kunjungan belum selesai saat stasiun berhenti: antrean {queue}, {name}, "
        "{readings} pengukuran. Lanjutkan atau batalkan?",
        "en": "A visit was still open when the station stopped: queue {queue}, {name}, "
        "{readings} readings. Resume or cancel it?",
    },
    "resume": {"id": "Lanjutkan", "en": "Resume"},
    "cancel_interrupted": {"id": "Batalkan kunjungan itu", "en": "Cancel that visit"},
    "language": {"id": "Bahasa", "en": "Language"},
    # the desk day (issue 11): queue, measure, review, status bar
    "recall": {"id": "Panggil ulang", "en": "Call again"},
    "skip": {"id": "Lewati (tidak hadir)", "en": "Skip (no-show)"},
    "recalled": {"id": "Nomor {n} dipanggil ulang.", "en": "Number {n} called again."},
    "skipped": {"id": "Nomor {n} dilewati (tidak hadir).", "en": "Number {n} skipped (no-show)."},
    "measure_in": {"id": "{what} ({seconds} dtk)", "en": "{what} ({seconds} s)"},
    "enter_manually": {"id": "Isi manual", "en": "Enter by hand"},
    "no_device": {"id": "tidak ada alat — isi manual", "en": "no device — enter by hand"},
    "discard_reading": {"id": "Buang hasil terpilih", "en": "Discard selected reading"},
    "discard_reason": {"id": "Alasan membuang hasil ini:", "en": "Why is this reading discarded?"},
    "discarded": {"id": "DIBUANG", "en": "DISCARDED"},
    "manual_source": {"id": "diinput manual", "en": "entered by hand"},
    "early_reason": {
        "id": "Alasan konfirmasi sebelum protokol selesai",
        "en": "Reason to confirm before the protocol is complete",
    },
    "status_database": {"id": "Basis data: {where}", "en": "Database: {where}"},
    "status_never": {"id": "belum pernah", "en": "never"},
    "status_upload": {
        "id": "SATUSEHAT: {waiting} kunjungan menunggu · {sent} terkirim · {dead} perlu "
        "tindakan · terakhir {last}",
        "en": "SATUSEHAT: {waiting} visits waiting · {sent} sent · {dead} need a person · "
        "last {last}",
    },
    "tab_desk": {"id": "Meja", "en": "Desk"},
    # patient screen
    "patient_title": {"id": "Hasil pemeriksaan", "en": "Your results"},
    "welcome": {"id": "Selamat datang", "en": "Welcome"},
    "welcome_sub": {
        "id": "Cek Kesehatan Gratis — silakan menunggu nomor Anda dipanggil",
        "en": "Free health check — please wait for your number",
    },
    "please_come": {"id": "silakan ke meja {desk}", "en": "please come to desk {desk}"},
    "results_for": {"id": "Hasil untuk {name}", "en": "Results for {name}"},
    "p_blood_pressure": {"id": "Tekanan darah", "en": "Blood pressure"},
    "p_spo2": {"id": "Saturasi oksigen (SpO2)", "en": "Oxygen saturation (SpO2)"},
    "p_heart_rate": {"id": "Denyut nadi", "en": "Pulse"},
    "per_minute": {"id": "kali per menit", "en": "beats per minute"},
    "patient_disclaimer": {
        "id": "Ini hasil pemeriksaan awal, bukan diagnosis. Tanyakan kepada petugas kesehatan.",
        "en": "These are screening results, not a diagnosis. Ask the health worker.",
    },
    "upload": {"id": "Unggah SATUSEHAT", "en": "SATUSEHAT upload"},
    "upload_unknown": {"id": "Unggah SATUSEHAT: memeriksa…", "en": "SATUSEHAT upload: checking…"},
    "upload_waiting": {"id": "{n} menunggu", "en": "{n} waiting"},
    "upload_sent": {"id": "{n} terkirim", "en": "{n} sent"},
    "upload_failed": {"id": "{n} gagal (dicoba lagi)", "en": "{n} failed (will retry)"},
    "upload_dead": {"id": "{n} perlu tindakan", "en": "{n} need a person"},
    "upload_paused": {
        "id": "dijeda: SATUSEHAT belum diatur, hasil tetap tersimpan",
        "en": "paused: SATUSEHAT not configured, results are kept",
    },
    "upload_problems": {"id": "Masalah unggah", "en": "Upload problems"},
    "upload_no_problems": {"id": "Tidak ada masalah unggah.", "en": "No upload problems."},
    "upload_retry": {"id": "Kirim ulang", "en": "Send again"},
    "upload_col_queue": {"id": "Antrean", "en": "Queue"},
    "upload_col_name": {"id": "Nama", "en": "Name"},
    "upload_col_status": {"id": "Status", "en": "Status"},
    "upload_col_message": {"id": "Pesan server", "en": "Server's message"},
    "upload_state_dead": {"id": "perlu tindakan", "en": "needs a person"},
    "upload_state_failed": {
        "id": "gagal {n} kali, coba lagi {at}",
        "en": "failed {n} times, next try {at}",
    },
    "close": {"id": "Tutup", "en": "Close"},
    "patient_simulator": {
        "id": "SIMULATOR — bukan hasil pemeriksaan sebenarnya",
        "en": "SIMULATOR — not a real measurement",
    },
    # manual entry (a device failed or is absent)
    "manual_marker": {"id": "(diinput manual)", "en": "(entered by hand)"},
    "source_manual": {"id": "diinput manual", "en": "manual entry"},
    "manual_title_blood_pressure": {
        "id": "Input manual: tekanan darah",
        "en": "Enter by hand: blood pressure",
    },
    "manual_title_spo2": {"id": "Input manual: SpO2", "en": "Enter by hand: SpO2"},
    "manual_hint": {
        "id": "Ketik nilai yang terbaca, bilangan bulat. Nilai diperiksa seperti bacaan alat.",
        "en": "Type the values as read, in whole numbers. They are checked like a device reading.",
    },
    "manual_field_systolic": {"id": "Sistolik (mmHg)", "en": "Systolic (mmHg)"},
    "manual_field_diastolic": {"id": "Diastolik (mmHg)", "en": "Diastolic (mmHg)"},
    "manual_field_pulse_rate": {"id": "Nadi (/menit)", "en": "Pulse (/min)"},
    "manual_field_spo2": {"id": "SpO2 (%)", "en": "SpO2 (%)"},
    "manual_optional": {"id": "opsional", "en": "optional"},
    "manual_save": {"id": "Simpan", "en": "Save"},
    "manual_ready": {"id": "Dapat disimpan.", "en": "Ready to save."},
    # identify (ui/desk/identify.py)
    "nik_placeholder": {"id": "16 digit: ketik atau pindai", "en": "16 digits: type or scan"},
    "identify_next": {"id": "Lanjut (Enter)", "en": "Next (Enter)"},
    "birth_date_unknown": {"id": "Tidak diketahui", "en": "Unknown"},
    "birth_date_placeholder": {"id": "DD-MM-YYYY", "en": "DD-MM-YYYY"},
    "birth_date_nik_placeholder": {"id": "{date} (NIK)", "en": "{date} (NIK)"},
    "calendar_tip": {"id": "Pilih dari kalender", "en": "Pick from a calendar"},
    "birth_date_or_unknown": {
        "id": "Bila tidak diketahui, centang “Tidak diketahui”.",
        "en": "If it is not known, tick “Unknown”.",
    },
    "nik_proposal": {
        "id": "Tanggal lahir dari NIK: {date} — Enter untuk memakai",
        "en": "Birth date from the NIK: {date} — Enter to use it",
    },
    "previous_visit": {
        "id": "Kunjungan terakhir {day}{status}: {name}, {birth}",
        "en": "Last visit {day}{status}: {name}, {birth}",
    },
    "previous_cancelled": {"id": " (dibatalkan)", "en": " (cancelled)"},
    "previous_open": {"id": " (belum selesai)", "en": " (not finished)"},
    "use_with_enter": {"id": " — Enter untuk memakai", "en": " — Enter to use it"},
    "birth_unknown_short": {"id": "tgl. lahir tidak diketahui", "en": "birth date unknown"},
    "age_years": {"id": "{age} tahun", "en": "{age} years"},
    "confirm_question": {
        "id": "Benar orangnya? Enter = ya, Esc = ubah",
        "en": "The right person? Enter = yes, Esc = change",
    },
    "confirm_yes": {"id": "Ya, mulai (Enter)", "en": "Yes, start (Enter)"},
    "confirm_change": {"id": "Ubah (Esc)", "en": "Change (Esc)"},
    "registry_checking": {"id": "SATUSEHAT: memeriksa…", "en": "SATUSEHAT: checking…"},
    "registry_registered": {"id": "✓ Terdaftar di SATUSEHAT", "en": "✓ Registered at SATUSEHAT"},
    "registry_not_found": {
        "id": "Tidak ditemukan di SATUSEHAT — daftarkan dulu",
        "en": "Not found at SATUSEHAT — register them first",
    },
    "registry_offline": {
        "id": "SATUSEHAT tidak terjangkau; pengukuran tetap bisa",
        "en": "SATUSEHAT unreachable; measuring goes on",
    },
    "registry_timeout": {
        "id": "SATUSEHAT tidak menjawab; pengukuran tetap bisa",
        "en": "SATUSEHAT did not answer; measuring goes on",
    },
    "registry_error": {
        "id": "Cek SATUSEHAT gagal; pengukuran tetap bisa",
        "en": "SATUSEHAT check failed; measuring goes on",
    },
}


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return TEXTS[key][lang].format(**values)
