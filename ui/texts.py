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
    # patient screen
    "patient_title": {"id": "Hasil pemeriksaan", "en": "Your results"},
    "welcome": {"id": "Selamat datang", "en": "Welcome"},
    "welcome_sub": {
        "id": "Cek Kesehatan Gratis — silakan menunggu nomor Anda dipanggil",
        "en": "Free health check — please wait for your number",
    },
    "please_come": {"id": "silakan ke meja", "en": "please come to the desk"},
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
    # same-day correction (ui/desk/correction.py)
    "corr_title": {
        "id": "Koreksi hari ini — antrean {queue}, {name}",
        "en": "Same-day correction — queue {queue}, {name}",
    },
    "corr_choose": {
        "id": "Pilih bacaan yang salah, lalu ketik nilai baru atau buang bacaannya.",
        "en": "Choose the wrong reading, then type its new values or discard it.",
    },
    "corr_col_no": {"id": "No.", "en": "No."},
    "corr_col_state": {"id": "Status", "en": "State"},
    "corr_state_counts": {"id": "dipakai", "en": "counts"},
    "corr_state_discarded": {"id": "dibuang", "en": "discarded"},
    "corr_manual": {"id": "diketik", "en": "typed in"},
    "corr_systolic": {"id": "Sistolik (mmHg)", "en": "Systolic (mmHg)"},
    "corr_diastolic": {"id": "Diastolik (mmHg)", "en": "Diastolic (mmHg)"},
    "corr_pulse": {"id": "Nadi (/menit)", "en": "Pulse (/min)"},
    "corr_spo2": {"id": "SpO2 (%)", "en": "SpO2 (%)"},
    "corr_heart_rate": {"id": "Denyut nadi (/menit)", "en": "Heart rate (/min)"},
    "corr_keep_hint": {
        "id": "Kosong = nilai tetap ({value})",
        "en": "Empty = value unchanged ({value})",
    },
    "corr_discard": {"id": "Buang bacaan ini", "en": "Discard this reading"},
    "corr_apply": {"id": "Catat perubahan bacaan ini", "en": "Record this reading's change"},
    "corr_changes": {"id": "Perubahan yang akan disimpan", "en": "Changes to be saved"},
    "corr_no_changes": {"id": "Belum ada perubahan.", "en": "No change yet."},
    "corr_change_values": {
        "id": "Bacaan {n}: nilai baru {value}",
        "en": "Reading {n}: new values {value}",
    },
    "corr_change_discard": {"id": "Bacaan {n}: dibuang", "en": "Reading {n}: discarded"},
    "corr_reason": {"id": "Alasan koreksi (wajib)", "en": "Reason for the correction (required)"},
    "corr_save": {"id": "Simpan koreksi", "en": "Save correction"},
    "corr_not_a_number": {"id": "{what}: ketik angka.", "en": "{what}: type a number."},
    "corr_no_reading": {"id": "Pilih bacaannya dulu.", "en": "Choose the reading first."},
    "corr_nothing_typed": {
        "id": "Ketik nilai baru, atau centang buang.",
        "en": "Type the new values, or tick discard.",
    },
    "corr_critical": {
        "id": "Hasil koreksi kritis: catat tindakan yang diambil",
        "en": "The corrected result is critical: record what was done",
    },
    "corr_previous": {"id": "Koreksi sebelumnya", "en": "Earlier corrections"},
    "corr_previous_line": {"id": "{at}: {reason}", "en": "{at}: {reason}"},
}


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return TEXTS[key][lang].format(**values)
