"""The desk's and the patient screen's texts: the Bahasa Indonesia sources, each marked for
Qt's translator (``ui.translations``; the English is in ``ui/i18n/vitals_en.ts``)."""

from __future__ import annotations

from ui.translations import Language, Text, translate, translated

__all__ = ["TEXTS", "Language", "tr"]

TEXTS: dict[str, Text] = {
    "window_title": translate("texts", "Stasiun tanda vital — meja {desk}", "window_title"),
    "queue": translate("texts", "Nomor antrean", "queue"),
    "call_next": translate("texts", "Panggil berikutnya", "call_next"),
    "person": translate("texts", "Orang yang diperiksa", "person"),
    "nik": translate("texts", "NIK", "nik"),
    "name": translate("texts", "Nama", "name"),
    "birth_date": translate("texts", "Tanggal lahir", "birth_date"),
    "start_visit": translate("texts", "Mulai pemeriksaan", "start_visit"),
    "blood_pressure": translate("texts", "Tekanan darah", "blood_pressure"),
    "oximeter": translate("texts", "SpO2 (oksimeter)", "oximeter"),
    "measure_bp": translate("texts", "Ukur tekanan darah", "measure_bp"),
    "measure_spo2": translate("texts", "Ukur SpO2", "measure_spo2"),
    "readings": translate("texts", "Hasil bacaan", "readings"),
    "findings": translate("texts", "Temuan", "findings"),
    "result": translate("texts", "Hasil yang dihitung", "result"),
    "confirm": translate("texts", "Konfirmasi", "confirm"),
    "cancel": translate("texts", "Batalkan", "cancel"),
    "next_step": translate("texts", "Langkah berikut", "next_step"),
    "referral": translate("texts", "Rujukan", "referral"),
    "referral_none": translate("texts", "tidak perlu", "referral_none"),
    "referral_follow_up": translate("texts", "kontrol ulang", "referral_follow_up"),
    "referral_same_day": translate("texts", "dokter hari ini", "referral_same_day"),
    "referral_urgent": translate("texts", "SEGERA", "referral_urgent"),
    "critical_title": translate(
        "texts", "Hasil kritis: catat tindakan sebelum konfirmasi", "critical_title"
    ),
    "critical_choose": translate("texts", "— pilih tindakan —", "critical_choose"),
    "critical_referred": translate("texts", "Dirujuk", "critical_referred"),
    "critical_seen_by_doctor": translate(
        "texts", "Sudah diperiksa dokter", "critical_seen_by_doctor"
    ),
    "critical_declined": translate("texts", "Orang menolak", "critical_declined"),
    "critical_note": translate("texts", "Catatan (opsional)", "critical_note"),
    "ckg": translate("texts", "CKG", "ckg"),
    "disclaimer": translate("texts", "Alat bantu keputusan, bukan diagnosis.", "disclaimer"),
    "simulator_banner": translate(
        "texts",
        "SIMULATOR — nilai dari alat simulasi, bukan pengukuran sebenarnya",
        "simulator_banner",
    ),
    "state_idle": translate("texts", "Siap", "state_idle"),
    "state_searching": translate("texts", "Mencari alat…", "state_searching"),
    "state_connecting": translate("texts", "Menghubungkan…", "state_connecting"),
    "state_connected": translate("texts", "Terhubung", "state_connected"),
    "state_measuring": translate("texts", "Mengukur…", "state_measuring"),
    "state_reading_received": translate("texts", "Hasil diterima", "state_reading_received"),
    "state_disconnected": translate("texts", "Terputus", "state_disconnected"),
    "state_error": translate("texts", "Galat", "state_error"),
    "col_time": translate("texts", "Waktu", "col_time"),
    "col_what": translate("texts", "Jenis", "col_what"),
    "col_value": translate("texts", "Nilai", "col_value"),
    "col_device": translate("texts", "Alat", "col_device"),
    "blocked": translate("texts", "DITOLAK", "blocked"),
    "ignored": translate("texts", "diabaikan", "ignored"),
    "severity_invalid": translate("texts", "DITOLAK", "severity_invalid"),
    "severity_critical": translate("texts", "KRITIS", "severity_critical"),
    "severity_abnormal": translate("texts", "tidak normal", "severity_abnormal"),
    "severity_notice": translate("texts", "catatan", "severity_notice"),
    "severity_normal": translate("texts", "normal", "severity_normal"),
    "pulse": translate("texts", "nadi", "pulse"),
    "no_result": translate("texts", "Belum ada hasil.", "no_result"),
    "visit_open": translate("texts", "Pemeriksaan berjalan untuk {name}", "visit_open"),
    "confirmed": translate("texts", "Hasil dikonfirmasi dan disimpan.", "confirmed"),
    "cancelled": translate("texts", "Pemeriksaan dibatalkan.", "cancelled"),
    "interrupted": translate(
        "texts",
        "Kunjungan belum selesai saat stasiun berhenti: antrean {queue}, {name}, {readings} "
        "pengukuran. Lanjutkan atau batalkan?",
        "interrupted",
    ),
    "resume": translate("texts", "Lanjutkan", "resume"),
    "cancel_interrupted": translate("texts", "Batalkan kunjungan itu", "cancel_interrupted"),
    "language": translate("texts", "Bahasa", "language"),
    # the desk day (issue 11): queue, measure, review, status bar
    "recall": translate("texts", "Panggil ulang", "recall"),
    "skip": translate("texts", "Lewati (tidak hadir)", "skip"),
    "recalled": translate("texts", "Nomor {n} dipanggil ulang.", "recalled"),
    "skipped": translate("texts", "Nomor {n} dilewati (tidak hadir).", "skipped"),
    "measure_in": translate("texts", "{what} ({seconds} dtk)", "measure_in"),
    "enter_manually": translate("texts", "Isi manual", "enter_manually"),
    "no_device": translate("texts", "tidak ada alat — isi manual", "no_device"),
    "discard_reading": translate("texts", "Buang hasil terpilih", "discard_reading"),
    "discard_reason": translate("texts", "Alasan membuang hasil ini:", "discard_reason"),
    "discarded": translate("texts", "DIBUANG", "discarded"),
    "early_reason": translate(
        "texts", "Alasan konfirmasi sebelum protokol selesai", "early_reason"
    ),
    "status_database": translate("texts", "Basis data: {where}", "status_database"),
    "tab_desk": translate("texts", "Meja", "tab_desk"),
    "tab_day": translate("texts", "Hari ini", "tab_day"),
    "correct_visit": translate("texts", "Koreksi kunjungan terpilih", "correct_visit"),
    "corrected": translate(
        "texts", "Koreksi antrean {queue} disimpan; hasil dan unggahan diperbarui.", "corrected"
    ),
    "patient_screen_toggle": translate("texts", "Layar pasien", "patient_screen_toggle"),
    "patient_language": translate("texts", "Pasien: {language}", "patient_language"),
    "language_name_id": translate("texts", "ID", "language_name_id"),
    "language_name_en": translate("texts", "EN", "language_name_en"),
    # The menu: in both languages, each language in its own words (the same in English).
    "language_menu": translate("texts", "&Bahasa / Language", "language_menu"),
    "language_id": translate("texts", "Bahasa Indonesia", "language_id"),
    "language_en": translate("texts", "English", "language_en"),
    "tab_followups": translate("texts", "Tindak lanjut", "tab_followups"),
    # patient screen
    "patient_title": translate("texts", "Hasil pemeriksaan", "patient_title"),
    "welcome": translate("texts", "Selamat datang", "welcome"),
    "welcome_sub": translate(
        "texts", "Cek Kesehatan Gratis — silakan menunggu nomor Anda dipanggil", "welcome_sub"
    ),
    "please_come": translate("texts", "silakan ke meja {desk}", "please_come"),
    "results_for": translate("texts", "Hasil untuk {name}", "results_for"),
    "p_blood_pressure": translate("texts", "Tekanan darah", "p_blood_pressure"),
    "p_spo2": translate("texts", "Saturasi oksigen (SpO2)", "p_spo2"),
    "p_heart_rate": translate("texts", "Denyut nadi", "p_heart_rate"),
    "per_minute": translate("texts", "kali per menit", "per_minute"),
    "patient_disclaimer": translate(
        "texts",
        "Ini hasil pemeriksaan awal, bukan diagnosis. Tanyakan kepada petugas kesehatan.",
        "patient_disclaimer",
    ),
    "upload": translate("texts", "Unggah SATUSEHAT", "upload"),
    "upload_visits": translate("texts", "SATUSEHAT (kunjungan)", "upload_visits"),
    "upload_last": translate("texts", "terakhir terkirim {at}", "upload_last"),
    "upload_unknown": translate("texts", "Unggah SATUSEHAT: memeriksa…", "upload_unknown"),
    "upload_waiting": translate("texts", "{n} menunggu", "upload_waiting"),
    "upload_sent": translate("texts", "{n} terkirim", "upload_sent"),
    "upload_failed": translate("texts", "{n} gagal (dicoba lagi)", "upload_failed"),
    "upload_dead": translate("texts", "{n} perlu tindakan", "upload_dead"),
    "upload_paused": translate(
        "texts", "dijeda: SATUSEHAT belum diatur, hasil tetap tersimpan", "upload_paused"
    ),
    "upload_problems": translate("texts", "Masalah unggah", "upload_problems"),
    "upload_no_problems": translate("texts", "Tidak ada masalah unggah.", "upload_no_problems"),
    "upload_retry": translate("texts", "Kirim ulang", "upload_retry"),
    "upload_col_queue": translate("texts", "Antrean", "upload_col_queue"),
    "upload_col_name": translate("texts", "Nama", "upload_col_name"),
    "upload_col_status": translate("texts", "Status", "upload_col_status"),
    "upload_col_message": translate("texts", "Pesan server", "upload_col_message"),
    "upload_state_dead": translate("texts", "perlu tindakan", "upload_state_dead"),
    "upload_state_failed": translate(
        "texts", "gagal {n} kali, coba lagi {at}", "upload_state_failed"
    ),
    "close": translate("texts", "Tutup", "close"),
    "patient_simulator": translate(
        "texts", "SIMULATOR — bukan hasil pemeriksaan sebenarnya", "patient_simulator"
    ),
    # manual entry (a device failed or is absent)
    "manual_marker": translate("texts", "(diinput manual)", "manual_marker"),
    "source_manual": translate("texts", "diinput manual", "source_manual"),
    "manual_title_blood_pressure": translate(
        "texts", "Input manual: tekanan darah", "manual_title_blood_pressure"
    ),
    "manual_title_spo2": translate("texts", "Input manual: SpO2", "manual_title_spo2"),
    "manual_hint": translate(
        "texts",
        "Ketik nilai yang terbaca, bilangan bulat. Nilai diperiksa seperti bacaan alat.",
        "manual_hint",
    ),
    "manual_field_systolic": translate("texts", "Sistolik (mmHg)", "manual_field_systolic"),
    "manual_field_diastolic": translate("texts", "Diastolik (mmHg)", "manual_field_diastolic"),
    "manual_field_pulse_rate": translate("texts", "Nadi (/menit)", "manual_field_pulse_rate"),
    "manual_field_spo2": translate("texts", "SpO2 (%)", "manual_field_spo2"),
    "manual_optional": translate("texts", "opsional", "manual_optional"),
    "manual_save": translate("texts", "Simpan", "manual_save"),
    "manual_ready": translate("texts", "Dapat disimpan.", "manual_ready"),
    # identify (ui/desk/identify.py)
    "nik_placeholder": translate("texts", "16 digit: ketik atau pindai", "nik_placeholder"),
    "identify_next": translate("texts", "Lanjut (Enter)", "identify_next"),
    "birth_date_unknown": translate("texts", "Tidak diketahui", "birth_date_unknown"),
    "birth_date_placeholder": translate("texts", "DD-MM-YYYY", "birth_date_placeholder"),
    "birth_date_nik_placeholder": translate("texts", "{date} (NIK)", "birth_date_nik_placeholder"),
    "calendar_tip": translate("texts", "Pilih dari kalender", "calendar_tip"),
    "birth_date_or_unknown": translate(
        "texts", "Bila tidak diketahui, centang “Tidak diketahui”.", "birth_date_or_unknown"
    ),
    "nik_proposal": translate(
        "texts", "Tanggal lahir dari NIK: {date} — Enter untuk memakai", "nik_proposal"
    ),
    "previous_visit": translate(
        "texts", "Kunjungan terakhir {day}{status}: {name}, {birth}", "previous_visit"
    ),
    "previous_cancelled": translate("texts", " (dibatalkan)", "previous_cancelled"),
    "previous_open": translate("texts", " (belum selesai)", "previous_open"),
    "use_with_enter": translate("texts", " — Enter untuk memakai", "use_with_enter"),
    "birth_unknown_short": translate("texts", "tgl. lahir tidak diketahui", "birth_unknown_short"),
    "age_years": translate("texts", "{age} tahun", "age_years"),
    "confirm_question": translate(
        "texts", "Benar orangnya? Enter = ya, Esc = ubah", "confirm_question"
    ),
    "confirm_yes": translate("texts", "Ya, mulai (Enter)", "confirm_yes"),
    "confirm_change": translate("texts", "Ubah (Esc)", "confirm_change"),
    "registry_checking": translate("texts", "SATUSEHAT: memeriksa…", "registry_checking"),
    "registry_registered": translate("texts", "✓ Terdaftar di SATUSEHAT", "registry_registered"),
    "registry_not_found": translate(
        "texts", "Tidak ditemukan di SATUSEHAT — daftarkan dulu", "registry_not_found"
    ),
    "registry_offline": translate(
        "texts", "SATUSEHAT tidak terjangkau; pengukuran tetap bisa", "registry_offline"
    ),
    "registry_timeout": translate(
        "texts", "SATUSEHAT tidak menjawab; pengukuran tetap bisa", "registry_timeout"
    ),
    "registry_error": translate(
        "texts", "Cek SATUSEHAT gagal; pengukuran tetap bisa", "registry_error"
    ),
    # the day's list and summary (ui/desk/day.py)
    "day_title": translate("texts", "Kunjungan {day}", "day_title"),
    "refresh": translate("texts", "Muat ulang", "refresh"),
    "day_empty": translate("texts", "Belum ada kunjungan pada hari ini.", "day_empty"),
    "day_col_queue": translate("texts", "Antrean", "day_col_queue"),
    "day_col_time": translate("texts", "Jam", "day_col_time"),
    "day_col_nik": translate("texts", "NIK", "day_col_nik"),
    "day_col_name": translate("texts", "Nama", "day_col_name"),
    "day_col_status": translate("texts", "Status", "day_col_status"),
    "day_col_referral": translate("texts", "Rujukan", "day_col_referral"),
    "day_col_upload": translate("texts", "SATUSEHAT", "day_col_upload"),
    "visit_status_open": translate("texts", "berjalan", "visit_status_open"),
    "visit_status_confirmed": translate("texts", "selesai", "visit_status_confirmed"),
    "visit_status_cancelled": translate("texts", "dibatalkan", "visit_status_cancelled"),
    "day_upload_sent": translate("texts", "terkirim", "day_upload_sent"),
    "day_upload_waiting": translate("texts", "menunggu", "day_upload_waiting"),
    "day_upload_dead": translate("texts", "perlu tindakan", "day_upload_dead"),
    "day_upload_none": translate("texts", "tidak ada data", "day_upload_none"),
    "sum_visits": translate("texts", "Kunjungan", "sum_visits"),
    "sum_confirmed": translate("texts", "Selesai", "sum_confirmed"),
    "sum_cancelled": translate("texts", "Dibatalkan", "sum_cancelled"),
    "sum_open": translate("texts", "Berjalan", "sum_open"),
    "sum_skipped": translate("texts", "Nomor dilewati", "sum_skipped"),
    "sum_manual": translate("texts", "Input manual", "sum_manual"),
    "sum_sent": translate("texts", "Terkirim", "sum_sent"),
    "sum_waiting": translate("texts", "Menunggu kirim", "sum_waiting"),
    "sum_dead": translate("texts", "Gagal kirim", "sum_dead"),
    "sum_people": translate("texts", "Orang diperiksa per kelompok usia", "sum_people"),
    "stream_0-6": translate("texts", "0-6 th", "stream_0-6"),
    "stream_7-17": translate("texts", "7-17 th", "stream_7-17"),
    "stream_18-59": translate("texts", "18-59 th", "stream_18-59"),
    "stream_60+": translate("texts", "60+ th", "stream_60+"),
    "stream_unknown": translate("texts", "usia tak diketahui", "stream_unknown"),
    "chart_per_hour": translate("texts", "Kunjungan per jam", "chart_per_hour"),
    "chart_referrals": translate("texts", "Rujukan (hasil dikonfirmasi)", "chart_referrals"),
    # following up referred people (ui/desk/followups.py)
    "fu_title": translate("texts", "Tindak lanjut rujukan", "fu_title"),
    "fu_count": translate("texts", "{n} orang perlu dihubungi", "fu_count"),
    "fu_only_due": translate("texts", "Hanya yang sudah jatuh tempo", "fu_only_due"),
    "fu_export": translate("texts", "Ekspor CSV", "fu_export"),
    "fu_export_title": translate("texts", "Simpan daftar tindak lanjut", "fu_export_title"),
    "fu_saved": translate("texts", "{n} baris disimpan ke {path}", "fu_saved"),
    "fu_save_failed": translate(
        "texts", "Tidak dapat menyimpan {path}: {reason}", "fu_save_failed"
    ),
    "fu_empty": translate("texts", "Tidak ada orang yang perlu ditindaklanjuti.", "fu_empty"),
    "fu_col_day": translate("texts", "Tanggal periksa", "fu_col_day"),
    "fu_col_due": translate("texts", "Jatuh tempo", "fu_col_due"),
    "fu_col_state": translate("texts", "Keadaan", "fu_col_state"),
    "fu_state_overdue": translate("texts", "terlambat {n} hari", "fu_state_overdue"),
    "fu_state_due": translate("texts", "jatuh tempo hari ini", "fu_state_due"),
    "fu_state_upcoming": translate("texts", "dalam {n} hari", "fu_state_upcoming"),
    "fu_state_returned": translate("texts", "✓ sudah kembali", "fu_state_returned"),
    # same-day correction (ui/desk/correction.py)
    "corr_title": translate("texts", "Koreksi hari ini — antrean {queue}, {name}", "corr_title"),
    "corr_choose": translate(
        "texts",
        "Pilih bacaan yang salah, lalu ketik nilai baru atau buang bacaannya.",
        "corr_choose",
    ),
    "corr_col_no": translate("texts", "No.", "corr_col_no"),
    "corr_col_state": translate("texts", "Status", "corr_col_state"),
    "corr_state_counts": translate("texts", "dipakai", "corr_state_counts"),
    "corr_state_discarded": translate("texts", "dibuang", "corr_state_discarded"),
    "corr_keep_hint": translate("texts", "Kosong = nilai tetap ({value})", "corr_keep_hint"),
    "corr_discard": translate("texts", "Buang bacaan ini", "corr_discard"),
    "corr_apply": translate("texts", "Catat perubahan bacaan ini", "corr_apply"),
    "corr_changes": translate("texts", "Perubahan yang akan disimpan", "corr_changes"),
    "corr_no_changes": translate("texts", "Belum ada perubahan.", "corr_no_changes"),
    "corr_change_values": translate(
        "texts", "Bacaan {n}: nilai baru {value}", "corr_change_values"
    ),
    "corr_change_discard": translate("texts", "Bacaan {n}: dibuang", "corr_change_discard"),
    "corr_reason": translate("texts", "Alasan koreksi (wajib)", "corr_reason"),
    "corr_save": translate("texts", "Simpan koreksi", "corr_save"),
    "corr_no_reading": translate("texts", "Pilih bacaannya dulu.", "corr_no_reading"),
    "corr_nothing_typed": translate(
        "texts", "Ketik nilai baru, atau centang buang.", "corr_nothing_typed"
    ),
    "corr_critical": translate(
        "texts", "Hasil koreksi kritis: catat tindakan yang diambil", "corr_critical"
    ),
    "corr_previous": translate("texts", "Koreksi sebelumnya", "corr_previous"),
    "corr_previous_line": translate("texts", "{at}: {reason}", "corr_previous_line"),
    "signin_title": translate("texts", "Masuk ke meja {desk}", "signin_title"),
    "signin_hint": translate(
        "texts",
        "Ketik nama dan PIN Anda. Semua yang Anda catat tercatat atas nama Anda.",
        "signin_hint",
    ),
    "signin_name": translate("texts", "Nama petugas", "signin_name"),
    "signin_pin": translate("texts", "PIN atau kata sandi", "signin_pin"),
    "signin_button": translate("texts", "Masuk", "signin_button"),
    "signin_starting": translate(
        "texts", "Meja masih disiapkan; Anda masuk sebentar lagi.", "signin_starting"
    ),
    "signin_locked_idle": translate(
        "texts", "Meja dikunci setelah {minutes} menit tanpa aktivitas.", "signin_locked_idle"
    ),
    "signin_locked_hand": translate("texts", "Meja dikunci.", "signin_locked_hand"),
    "signin_visit_kept": translate(
        "texts",
        "Kunjungan antrean {queue} tetap terbuka dan dilanjutkan setelah masuk.",
        "signin_visit_kept",
    ),
    "setup_title": translate("texts", "Penyiapan pertama: buat admin klinik", "setup_title"),
    "setup_hint": translate(
        "texts",
        "Belum ada petugas. Admin menambah petugas lain dan mengatur stasiun. Tidak ada kata "
        "sandi bawaan.",
        "setup_hint",
    ),
    "setup_nik": translate("texts", "NIK tenaga kesehatan", "setup_nik"),
    "setup_pin_again": translate("texts", "PIN sekali lagi", "setup_pin_again"),
    "setup_button": translate("texts", "Buat admin dan masuk", "setup_button"),
    "setup_pin_mismatch": translate(
        "texts", "Kedua PIN tidak sama. Ketik lagi.", "setup_pin_mismatch"
    ),
    "operator_line": translate("texts", "Petugas: {name} ({role})", "operator_line"),
    "lock_desk": translate("texts", "Kunci / ganti petugas", "lock_desk"),
    # The admin's operators tab (ui/desk/operators.py).
    "tab_operators": translate("texts", "Petugas", "tab_operators"),
    "ops_title": translate("texts", "Petugas stasiun", "ops_title"),
    "ops_count": translate("texts", "{active} aktif, {disabled} dinonaktifkan", "ops_count"),
    "ops_hint": translate(
        "texts",
        "Hanya untuk admin. Setiap perubahan tercatat atas nama Anda. NIK ditampilkan tersamar; "
        "PIN tidak pernah ditampilkan.",
        "ops_hint",
    ),
    "ops_col_name": translate("texts", "Nama", "ops_col_name"),
    "ops_col_role": translate("texts", "Peran", "ops_col_role"),
    "ops_col_nik": translate("texts", "NIK tenaga kesehatan", "ops_col_nik"),
    "ops_col_state": translate("texts", "Status", "ops_col_state"),
    "ops_active": translate("texts", "aktif", "ops_active"),
    "ops_disabled": translate("texts", "dinonaktifkan", "ops_disabled"),
    "ops_add_title": translate("texts", "Tambah petugas", "ops_add_title"),
    "ops_name": translate("texts", "Nama petugas", "ops_name"),
    "ops_role": translate("texts", "Peran", "ops_role"),
    "ops_add_button": translate("texts", "Tambah petugas", "ops_add_button"),
    "ops_added": translate("texts", "{name} ditambahkan ({role}).", "ops_added"),
    "ops_chosen_title": translate("texts", "Petugas terpilih", "ops_chosen_title"),
    "ops_none_chosen": translate(
        "texts", "Pilih petugas di daftar (klik, atau panah atas/bawah).", "ops_none_chosen"
    ),
    "ops_chosen": translate("texts", "{name} — {role}, {state}", "ops_chosen"),
    "ops_new_nik": translate("texts", "NIK baru", "ops_new_nik"),
    "ops_set_nik_button": translate("texts", "Ganti NIK", "ops_set_nik_button"),
    "ops_nik_changed": translate("texts", "NIK {name} diganti.", "ops_nik_changed"),
    "ops_new_pin": translate("texts", "PIN baru", "ops_new_pin"),
    "ops_set_pin_button": translate("texts", "Atur ulang PIN", "ops_set_pin_button"),
    "ops_pin_set": translate(
        "texts", "PIN {name} diatur ulang (kuncian karena PIN salah juga dibuka).", "ops_pin_set"
    ),
    "ops_disable_button": translate("texts", "Nonaktifkan…", "ops_disable_button"),
    "ops_disable_question": translate(
        "texts",
        "Nonaktifkan {name}? Ia tidak bisa masuk lagi; catatannya tetap disimpan.",
        "ops_disable_question",
    ),
    "ops_disable_yes": translate("texts", "Ya, nonaktifkan", "ops_disable_yes"),
    "ops_disable_no": translate("texts", "Batal", "ops_disable_no"),
    "ops_disabled_done": translate("texts", "{name} dinonaktifkan.", "ops_disabled_done"),
}


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return translated(TEXTS[key], lang).format(**values)
