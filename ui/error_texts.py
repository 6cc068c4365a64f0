"""The station's errors on the screens (issue 13): one text for every error key of the
station's catalogue (``station/checks/messages.py``: the person's details, a birth date, a
value typed by hand, an operator's details, a correction's and the station's refusals), its
Bahasa template marked for Qt's translator and its English in ``ui/i18n/vitals_en.ts``.
``ui.finding_texts`` renders them with the findings' texts (``error_text``);
tests/ui/test_finding_texts.py keeps them equal to the catalogue's, in both languages.
"""

from __future__ import annotations

from ui.translations import Text, translate

__all__ = ["ERROR_TEXTS"]

ERROR_TEXTS: dict[str, Text] = {
    "month.01": translate("findings", "Januari", "month.01"),
    "month.02": translate("findings", "Februari", "month.02"),
    "month.03": translate("findings", "Maret", "month.03"),
    "month.04": translate("findings", "April", "month.04"),
    "month.05": translate("findings", "Mei", "month.05"),
    "month.06": translate("findings", "Juni", "month.06"),
    "month.07": translate("findings", "Juli", "month.07"),
    "month.08": translate("findings", "Agustus", "month.08"),
    "month.09": translate("findings", "September", "month.09"),
    "month.10": translate("findings", "Oktober", "month.10"),
    "month.11": translate("findings", "November", "month.11"),
    "month.12": translate("findings", "Desember", "month.12"),
    "nik.required": translate("findings", "NIK wajib diisi.", "nik.required"),
    "nik.digits_only": translate("findings", "NIK hanya boleh berisi angka.", "nik.digits_only"),
    "nik.length": translate(
        "findings",
        "NIK harus 16 digit; yang diketik {count} digit.",
        "nik.length",
    ),
    "nik.province": translate(
        "findings",
        "Digit 1-2 NIK (kode provinsi) adalah {province}: tidak ada provinsi Indonesia "
        "dengan kode itu (kode yang ada: {codes}).",
        "nik.province",
    ),
    "nik.regency_00": translate(
        "findings",
        "Digit 3-4 NIK (kode kabupaten/kota) adalah 00: tidak ada kabupaten/kota dengan kode 00.",
        "nik.regency_00",
    ),
    "nik.district_00": translate(
        "findings",
        "Digit 5-6 NIK (kode kecamatan) adalah 00: tidak ada kecamatan dengan kode 00.",
        "nik.district_00",
    ),
    "nik.day": translate(
        "findings",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}: bukan tanggal (01-31), dan bukan "
        "tanggal perempuan (41-71, tanggal ditambah 40).",
        "nik.day",
    ),
    "nik.month": translate(
        "findings",
        "Digit 9-10 NIK (bulan lahir) adalah {digits}: bukan bulan (01-12).",
        "nik.month",
    ),
    "nik.day_too_large": translate(
        "findings",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan {month} "
        "({month_name}) hanya punya {limit} hari.",
        "nik.day_too_large",
    ),
    "nik.day_too_large_female": translate(
        "findings",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk "
        "perempuan, tetapi bulan {month} ({month_name}) hanya punya {limit} hari.",
        "nik.day_too_large_female",
    ),
    "nik.february_29": translate(
        "findings",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan {month} "
        "({month_name}) tahun {year} (19{year} atau 20{year}, bukan tahun kabisat) hanya "
        "punya {limit} hari.",
        "nik.february_29",
    ),
    "nik.february_29_female": translate(
        "findings",
        "Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk "
        "perempuan, tetapi bulan {month} ({month_name}) tahun {year} (19{year} atau "
        "20{year}, bukan tahun kabisat) hanya punya {limit} hari.",
        "nik.february_29_female",
    ),
    "nik.serial": translate(
        "findings",
        "Digit 13-16 NIK (nomor urut) adalah 0000: nomor urut dimulai dari 0001.",
        "nik.serial",
    ),
    "nik.not_leap_year": translate(
        "findings",
        "Digit 7-12 NIK memberi tanggal lahir 29-02-{year}, tetapi {year} bukan tahun kabisat.",
        "nik.not_leap_year",
    ),
    "nik.sex_female_typed_male": translate(
        "findings",
        "Jenis kelamin laki-laki tidak sesuai dengan NIK: digit 7-8 adalah {digits} "
        "(tanggal ditambah 40, tanda perempuan).",
        "nik.sex_female_typed_male",
    ),
    "nik.sex_male_typed_female": translate(
        "findings",
        "Jenis kelamin perempuan tidak sesuai dengan NIK: digit 7-8 adalah {digits} "
        "(tanggal tanpa tambahan 40, tanda laki-laki).",
        "nik.sex_male_typed_female",
    ),
    "nik.birth_date_mismatch": translate(
        "findings",
        "Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi "
        "{from_nik}. Periksa NIK dan tanggal lahir di KTP/KK.",
        "nik.birth_date_mismatch",
    ),
    "nik.birth_date_mismatch_female": translate(
        "findings",
        "Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi {from_nik}"
        " (tanggal {digits} dikurangi 40). Periksa NIK dan tanggal lahir di KTP/KK.",
        "nik.birth_date_mismatch_female",
    ),
    "person.name_required": translate("findings", "Nama wajib diisi.", "person.name_required"),
    "person.name_too_long": translate(
        "findings",
        "Nama terlalu panjang (maksimal {limit} huruf).",
        "person.name_too_long",
    ),
    "person.birth_date_future": translate(
        "findings",
        "Tanggal lahir tidak boleh di masa depan.",
        "person.birth_date_future",
    ),
    "person.birth_date_after_visit": translate(
        "findings",
        "Tanggal lahir tidak boleh sesudah tanggal pemeriksaan.",
        "person.birth_date_after_visit",
    ),
    "birth_date.empty": translate(
        "findings",
        "Tanggal lahir belum diisi: ketik tanggal-bulan-tahun ({example}).",
        "birth_date.empty",
    ),
    "birth_date.characters": translate(
        "findings",
        "Tanggal lahir hanya berisi angka dan tanda - / . ({example}).",
        "birth_date.characters",
    ),
    "birth_date.too_long": translate(
        "findings",
        "Tanggal lahir terlalu panjang ({count} karakter, paling banyak {limit}): ketik {example}.",
        "birth_date.too_long",
    ),
    "birth_date.length": translate(
        "findings",
        "Tanggal lahir tanpa tanda pisah harus 8 angka (DDMMYYYY, mis. 05051985); yang "
        "diketik {count} angka.",
        "birth_date.length",
    ),
    "birth_date.unreadable": translate(
        "findings",
        "Tanggal lahir {text!r} tidak terbaca: ketik tanggal-bulan-tahun dengan tahun 4 "
        "angka ({example}).",
        "birth_date.unreadable",
    ),
    "birth_date.no_year": translate("findings", "Tahun 0000 tidak ada.", "birth_date.no_year"),
    "birth_date.no_month": translate(
        "findings",
        "Bulan {month} tidak ada: bulan 01-12.",
        "birth_date.no_month",
    ),
    "birth_date.no_day": translate(
        "findings",
        "Tanggal {day} tidak ada: {month_name} {year} hanya punya {limit} hari.",
        "birth_date.no_day",
    ),
    "birth_date.no_february_29": translate(
        "findings",
        "Tanggal {day} tidak ada: {month_name} {year} (bukan tahun kabisat) hanya punya "
        "{limit} hari.",
        "birth_date.no_february_29",
    ),
    "birth_date.future": translate(
        "findings",
        "Tanggal lahir {birth} ada di masa depan (hari ini {today}).",
        "birth_date.future",
    ),
    "birth_date.too_old": translate(
        "findings",
        "Tanggal lahir {birth} berarti usia {age} tahun (lebih dari {limit}): periksa tahunnya.",
        "birth_date.too_old",
    ),
    "manual.required": translate("findings", "{parameter} wajib diisi.", "manual.required"),
    "manual.not_whole_number": translate(
        "findings",
        "{parameter}: ketik bilangan bulat, tanpa koma atau titik (misalnya {example}).",
        "manual.not_whole_number",
    ),
    "manual.too_long": translate(
        "findings",
        "{parameter}: paling banyak {limit} angka.",
        "manual.too_long",
    ),
    "manual.not_a_number": translate(
        "findings",
        "{parameter}: ketik angka saja (misalnya {example}).",
        "manual.not_a_number",
    ),
    "operator.name_empty": translate("findings", "Nama petugas kosong.", "operator.name_empty"),
    "operator.name_too_long": translate(
        "findings",
        "Nama petugas lebih dari {limit} karakter.",
        "operator.name_too_long",
    ),
    "operator.unknown_role": translate(
        "findings",
        "Peran tidak dikenal: {roles}.",
        "operator.unknown_role",
    ),
    "operator.practitioner_nik": translate(
        "findings",
        "NIK tenaga kesehatan: {problem_id}",
        "operator.practitioner_nik",
    ),
    "operator.pin_empty": translate(
        "findings",
        "PIN atau kata sandi kosong.",
        "operator.pin_empty",
    ),
    "operator.pin_too_short": translate(
        "findings",
        "PIN atau kata sandi minimal {limit} karakter.",
        "operator.pin_too_short",
    ),
    "operator.pin_too_long": translate(
        "findings",
        "PIN atau kata sandi maksimal {limit} karakter.",
        "operator.pin_too_long",
    ),
    "operator.pin_repeated": translate(
        "findings",
        "PIN atau kata sandi tidak boleh satu karakter yang diulang.",
        "operator.pin_repeated",
    ),
    "correction.visit_open": translate(
        "findings",
        "Kunjungan ini masih berjalan: buang bacaan yang salah di sana, bukan koreksi.",
        "correction.visit_open",
    ),
    "correction.visit_cancelled": translate(
        "findings",
        "Kunjungan yang dibatalkan tidak punya hasil untuk dikoreksi.",
        "correction.visit_cancelled",
    ),
    "correction.not_today": translate(
        "findings",
        "Hanya kunjungan hari ini yang dapat dikoreksi.",
        "correction.not_today",
    ),
    "correction.values_refused": translate(
        "findings",
        "Nilai baru ditolak: {findings_id}",
        "correction.values_refused",
    ),
    "correction.other_kind": translate(
        "findings",
        "Bacaan {sequence} hanya dapat diganti dengan nilai jenis yang sama.",
        "correction.other_kind",
    ),
    "correction.other_values": translate(
        "findings",
        "Bacaan {sequence}: nilai baru harus berisi nilai yang sama seperti sebelumnya "
        "(misalnya nadi); untuk menghapus nilai, buang bacaannya.",
        "correction.other_values",
    ),
    "correction.same_values": translate(
        "findings",
        "Bacaan {sequence}: nilai baru sama dengan yang tersimpan.",
        "correction.same_values",
    ),
    "correction.nothing_chosen": translate(
        "findings",
        "Pilih bacaan yang dikoreksi: nilai baru atau buang.",
        "correction.nothing_chosen",
    ),
    "correction.not_in_visit": translate(
        "findings",
        "Bacaan itu bukan bagian dari kunjungan ini.",
        "correction.not_in_visit",
    ),
    "correction.changed_twice": translate(
        "findings",
        "Bacaan {sequence} dikoreksi dua kali dalam satu koreksi.",
        "correction.changed_twice",
    ),
    "correction.discarded_already": translate(
        "findings",
        "Bacaan {sequence} sudah dibuang.",
        "correction.discarded_already",
    ),
    "correction.unknown_action": translate(
        "findings",
        "Pilih tindakan untuk hasil kritis.",
        "correction.unknown_action",
    ),
    "correction.needs_acknowledgement": translate(
        "findings",
        "Koreksi ini membuat hasil kritis: catat tindakan yang diambil (dirujuk, "
        "diperiksa dokter, menolak).",
        "correction.needs_acknowledgement",
    ),
    "correction.needs_reason": translate(
        "findings",
        "Tulis alasan koreksi.",
        "correction.needs_reason",
    ),
    "correction.no_valid_reading": translate(
        "findings",
        "Kunjungan yang dikonfirmasi harus tetap punya setidaknya satu bacaan yang sah.",
        "correction.no_valid_reading",
    ),
    "correction.uploading": translate(
        "findings",
        "Hasil kunjungan ini sedang diunggah ke SATUSEHAT; coba lagi sebentar lagi.",
        "correction.uploading",
    ),
    "correction.changed_meanwhile": translate(
        "findings",
        "Kunjungan ini baru saja diubah di meja lain; buka lagi lalu koreksi.",
        "correction.changed_meanwhile",
    ),
    "discard.needs_reason": translate(
        "findings",
        "Tuliskan alasan membuang hasil ini.",
        "discard.needs_reason",
    ),
    "discard.not_in_visit": translate(
        "findings",
        "Hasil ini bukan milik kunjungan yang berjalan.",
        "discard.not_in_visit",
    ),
    "discard.discarded_already": translate(
        "findings",
        "Hasil ini sudah dibuang.",
        "discard.discarded_already",
    ),
    "operator.exists": translate(
        "findings",
        "Sudah ada petugas di basis data ini: silakan masuk.",
        "operator.exists",
    ),
    "visit.unreadable": translate(
        "findings",
        "Kunjungan ini tidak dapat dibaca.",
        "visit.unreadable",
    ),
    "visit.closed": translate("findings", "Kunjungan ini sudah ditutup.", "visit.closed"),
    "visit.not_offered": translate(
        "findings",
        "Hanya kunjungan terputus yang ditawarkan meja ini yang dapat dilanjutkan atau dibatalkan.",
        "visit.not_offered",
    ),
    "device.none": translate(
        "findings",
        "Tidak ada alat yang diatur untuk pengukuran ini. Isi manual.",
        "device.none",
    ),
    "protocol.wait": translate(
        "findings",
        "Tunggu {seconds} detik lagi sebelum mengukur tekanan darah berikutnya (protokol:"
        " jeda 1 menit).",
        "protocol.wait",
    ),
    "value.blocked": translate("findings", "{findings_id}", "value.blocked"),
    "confirm.early_reason": translate(
        "findings",
        "Protokol tekanan darah belum selesai: tuliskan alasan konfirmasi sekarang.",
        "confirm.early_reason",
    ),
    "confirm.needs_acknowledgement": translate(
        "findings",
        "Hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa dokter, menolak) "
        "sebelum menutup kunjungan.",
        "confirm.needs_acknowledgement",
    ),
    "sign_in.locked": translate(
        "findings",
        "Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.",
        "sign_in.locked",
    ),
    "sign_in.locked_one_minute": translate(
        "findings",
        "Terlalu banyak PIN salah. Coba lagi dalam 1 menit.",
        "sign_in.locked_one_minute",
    ),
    "sign_in.disabled": translate(
        "findings",
        "Akun ini dinonaktifkan. Hubungi admin klinik.",
        "sign_in.disabled",
    ),
    "sign_in.wrong": translate("findings", "Nama atau PIN salah.", "sign_in.wrong"),
    "operator.self_disable": translate(
        "findings",
        "Anda tidak dapat menonaktifkan akun yang sedang Anda pakai.",
        "operator.self_disable",
    ),
    "station.unexpected": translate(
        "findings",
        "Terjadi galat tak terduga; tindakan tidak selesai. Coba lagi.",
        "station.unexpected",
    ),
    "operator.no_such_operator": translate(
        "findings",
        "Tidak ada petugas bernama {name!r}.",
        "operator.no_such_operator",
    ),
    "operator.builtin": translate(
        "findings",
        "Petugas demo bawaan tidak dapat diubah.",
        "operator.builtin",
    ),
    "operator.not_first": translate(
        "findings",
        "Sudah ada petugas: silakan masuk (admin menambah yang lain).",
        "operator.not_first",
    ),
    "operator.first_is_admin": translate(
        "findings",
        "Petugas pertama harus admin: admin menambah petugas lain.",
        "operator.first_is_admin",
    ),
    "operator.name_taken": translate(
        "findings",
        "Sudah ada petugas bernama {name!r}.",
        "operator.name_taken",
    ),
}
