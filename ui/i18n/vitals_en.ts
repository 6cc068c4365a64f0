<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>devices</name>
    <message>
        <source>Manset tidak terhubung: nyalakan dan dekatkan; atau isi manual</source>
        <comment>blood_pressure/NOT_FOUND</comment>
        <translation>Cuff not connected: switch it on and bring it close; or enter by hand</translation>
    </message>
    <message>
        <source>Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; atau isi manual</source>
        <comment>blood_pressure/ADAPTER_MISSING</comment>
        <translation>This computer&apos;s Bluetooth is not ready: turn Bluetooth on or call the technician; or enter by hand</translation>
    </message>
    <message>
        <source>Manset tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; atau isi manual</source>
        <comment>blood_pressure/CONNECT_FAILED</comment>
        <translation>The cuff would not connect: switch it off and on again, then measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Manset belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; atau isi manual</source>
        <comment>blood_pressure/NOT_PAIRED</comment>
        <translation>The cuff is not paired with this station: ask the technician to pair it; or enter by hand</translation>
    </message>
    <message>
        <source>Sambungan manset terputus saat mengukur: dekatkan manset, lalu ukur ulang; atau isi manual</source>
        <comment>blood_pressure/LINK_LOST</comment>
        <translation>The cuff&apos;s connection was lost while measuring: bring it closer and measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Data dari manset rusak: ukur ulang; atau isi manual</source>
        <comment>blood_pressure/DAMAGED_PACKET</comment>
        <translation>The cuff&apos;s data arrived damaged: measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Belum ada hasil dari manset: ukur dengan manset sampai selesai, lalu coba lagi; atau isi manual</source>
        <comment>blood_pressure/NO_READING</comment>
        <translation>No reading from the cuff: let the cuff finish measuring, then try again; or enter by hand</translation>
    </message>
    <message>
        <source>Pengaturan manset tidak cocok dengan alatnya: hubungi teknisi; atau isi manual</source>
        <comment>blood_pressure/MISCONFIGURED</comment>
        <translation>The cuff&apos;s settings do not fit the device: call the technician; or enter by hand</translation>
    </message>
    <message>
        <source>Manset bermasalah: ukur ulang; atau isi manual</source>
        <comment>blood_pressure/None</comment>
        <translation>Problem with the cuff: measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Oksimeter tidak terhubung: nyalakan dan dekatkan, atau colokkan kabelnya; atau isi manual</source>
        <comment>oximeter/NOT_FOUND</comment>
        <translation>Oximeter not connected: switch it on and bring it close, or plug in its cable; or enter by hand</translation>
    </message>
    <message>
        <source>Bluetooth komputer tidak siap: nyalakan Bluetooth atau hubungi teknisi; atau isi manual</source>
        <comment>oximeter/ADAPTER_MISSING</comment>
        <translation>This computer&apos;s Bluetooth is not ready: turn Bluetooth on or call the technician; or enter by hand</translation>
    </message>
    <message>
        <source>Oksimeter tidak mau tersambung: matikan lalu nyalakan lagi, lalu ukur ulang; atau isi manual</source>
        <comment>oximeter/CONNECT_FAILED</comment>
        <translation>The oximeter would not connect: switch it off and on again, then measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Oksimeter belum dipasangkan dengan stasiun ini: minta teknisi memasangkannya; atau isi manual</source>
        <comment>oximeter/NOT_PAIRED</comment>
        <translation>The oximeter is not paired with this station: ask the technician to pair it; or enter by hand</translation>
    </message>
    <message>
        <source>Sambungan oksimeter terputus: periksa kabel atau dekatkan alat, lalu ukur ulang; atau isi manual</source>
        <comment>oximeter/LINK_LOST</comment>
        <translation>The oximeter&apos;s connection was lost: check the cable or bring it closer, then measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Data dari oksimeter rusak: ukur ulang; atau isi manual</source>
        <comment>oximeter/DAMAGED_PACKET</comment>
        <translation>The oximeter&apos;s data arrived damaged: measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Belum ada hasil yang stabil: masukkan jari penuh ke sensor dan jangan bergerak, lalu ukur ulang; atau isi manual</source>
        <comment>oximeter/NO_READING</comment>
        <translation>No steady reading: put the finger fully into the probe and keep still, then measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Pengaturan oksimeter tidak cocok dengan alatnya: hubungi teknisi; atau isi manual</source>
        <comment>oximeter/MISCONFIGURED</comment>
        <translation>The oximeter&apos;s settings do not fit the device: call the technician; or enter by hand</translation>
    </message>
    <message>
        <source>Oksimeter bermasalah: ukur ulang; atau isi manual</source>
        <comment>oximeter/None</comment>
        <translation>Problem with the oximeter: measure again; or enter by hand</translation>
    </message>
    <message>
        <source>Mencari manset…</source>
        <comment>blood_pressure/SEARCHING</comment>
        <translation>Looking for the cuff…</translation>
    </message>
    <message>
        <source>Menghubungkan ke manset…</source>
        <comment>blood_pressure/CONNECTING</comment>
        <translation>Connecting to the cuff…</translation>
    </message>
    <message>
        <source>Manset terhubung</source>
        <comment>blood_pressure/CONNECTED</comment>
        <translation>Cuff connected</translation>
    </message>
    <message>
        <source>Mengukur… tunggu sampai manset selesai</source>
        <comment>blood_pressure/MEASURING</comment>
        <translation>Measuring… wait until the cuff is done</translation>
    </message>
    <message>
        <source>Hasil diterima dari manset</source>
        <comment>blood_pressure/READING_RECEIVED</comment>
        <translation>Reading received from the cuff</translation>
    </message>
    <message>
        <source>Sambungan manset terputus</source>
        <comment>blood_pressure/DISCONNECTED</comment>
        <translation>Cuff disconnected</translation>
    </message>
    <message>
        <source>Mencari oksimeter…</source>
        <comment>oximeter/SEARCHING</comment>
        <translation>Looking for the oximeter…</translation>
    </message>
    <message>
        <source>Menghubungkan ke oksimeter…</source>
        <comment>oximeter/CONNECTING</comment>
        <translation>Connecting to the oximeter…</translation>
    </message>
    <message>
        <source>Oksimeter terhubung</source>
        <comment>oximeter/CONNECTED</comment>
        <translation>Oximeter connected</translation>
    </message>
    <message>
        <source>Mengukur… jari tetap diam di sensor</source>
        <comment>oximeter/MEASURING</comment>
        <translation>Measuring… keep the finger still in the probe</translation>
    </message>
    <message>
        <source>Hasil diterima dari oksimeter</source>
        <comment>oximeter/READING_RECEIVED</comment>
        <translation>Reading received from the oximeter</translation>
    </message>
    <message>
        <source>Sambungan oksimeter terputus</source>
        <comment>oximeter/DISCONNECTED</comment>
        <translation>Oximeter disconnected</translation>
    </message>
    <message>
        <source>Mengukur… tekanan manset {pressure} mmHg</source>
        <comment>CUFF_PRESSURE</comment>
        <translation>Measuring… cuff pressure {pressure} mmHg</translation>
    </message>
    <message>
        <source>Rincian</source>
        <comment>DETAILS_TOGGLE</comment>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>Sistolik</source>
        <comment>parameter.systolic</comment>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolik</source>
        <comment>parameter.diastolic</comment>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>Tekanan arteri rata-rata</source>
        <comment>parameter.mean_arterial</comment>
        <translation>Mean arterial pressure</translation>
    </message>
    <message>
        <source>Denyut nadi</source>
        <comment>parameter.heart_rate</comment>
        <translation>Heart rate</translation>
    </message>
    <message>
        <source>Denyut nadi</source>
        <comment>parameter.pulse_rate</comment>
        <translation>Pulse rate</translation>
    </message>
    <message>
        <source>SpO2</source>
        <comment>parameter.spo2</comment>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Hipertensi derajat 3</source>
        <comment>bp_band.grade_3</comment>
        <translation>Grade 3 hypertension</translation>
    </message>
    <message>
        <source>Hipertensi derajat 2</source>
        <comment>bp_band.grade_2</comment>
        <translation>Grade 2 hypertension</translation>
    </message>
    <message>
        <source>Hipertensi derajat 1</source>
        <comment>bp_band.grade_1</comment>
        <translation>Grade 1 hypertension</translation>
    </message>
    <message>
        <source>Normal tinggi</source>
        <comment>bp_band.high_normal</comment>
        <translation>High-normal</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>bp_band.normal</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Optimal</source>
        <comment>bp_band.optimal</comment>
        <translation>Optimal</translation>
    </message>
    <message>
        <source>Krisis hipertensi</source>
        <comment>bp_band.crisis</comment>
        <translation>Hypertensive crisis</translation>
    </message>
    <message>
        <source>Hipertensi tahap 2</source>
        <comment>bp_band.stage_2</comment>
        <translation>Stage 2 hypertension</translation>
    </message>
    <message>
        <source>Hipertensi tahap 1</source>
        <comment>bp_band.stage_1</comment>
        <translation>Stage 1 hypertension</translation>
    </message>
    <message>
        <source>Meningkat</source>
        <comment>bp_band.elevated</comment>
        <translation>Elevated</translation>
    </message>
    <message>
        <source>Sangat tinggi</source>
        <comment>bp_band.grade_3_limit</comment>
        <translation>Very high</translation>
    </message>
    <message>
        <source>Setidaknya hipertensi tahap 2 (batas AAP 140/90)</source>
        <comment>bp_band.at_least_stage_2</comment>
        <translation>At least stage 2 hypertension (AAP cap 140/90)</translation>
    </message>
    <message>
        <source>Setidaknya hipertensi tahap 1 (batas AAP 130/80)</source>
        <comment>bp_band.at_least_stage_1</comment>
        <translation>At least stage 1 hypertension (AAP cap 130/80)</translation>
    </message>
    <message>
        <source>Setidaknya meningkat (batas AAP 120/80)</source>
        <comment>bp_band.at_least_elevated</comment>
        <translation>At least elevated (AAP cap 120/80)</translation>
    </message>
    <message>
        <source>balita dan anak prasekolah (0-6 tahun)</source>
        <comment>ckg_group.0-6</comment>
        <translation>infants and preschool children (0-6)</translation>
    </message>
    <message>
        <source>usia sekolah (7-17 tahun)</source>
        <comment>ckg_group.7-17</comment>
        <translation>school age (7-17)</translation>
    </message>
    <message>
        <source>dewasa (18-59 tahun)</source>
        <comment>ckg_group.18-59</comment>
        <translation>adults (18-59)</translation>
    </message>
    <message>
        <source>lanjut usia (60 tahun ke atas)</source>
        <comment>ckg_group.60+</comment>
        <translation>elderly (60 and over)</translation>
    </message>
    <message>
        <source>{parameter}: alat tidak mengirim nilai (kode galat). Ukur ulang.</source>
        <comment>device.no_value</comment>
        <translation>{parameter}: the device sent no value (error code). Measure again.</translation>
    </message>
    <message>
        <source>{parameter} {value:g} {unit} tidak mungkin (batas {low:g}-{high:g} {unit}). Periksa alat dan ukur ulang.</source>
        <comment>value.implausible</comment>
        <translation>{parameter} {value:g} {unit} is not possible (limits {low:g}-{high:g} {unit}). Check the device and measure again.</translation>
    </message>
    <message>
        <source>Sistolik {systolic:g} tidak lebih tinggi dari diastolik {diastolic:g}: pengukuran tidak sah. Ukur ulang.</source>
        <comment>bp.systolic_not_above_diastolic</comment>
        <translation>Systolic {systolic:g} is not above diastolic {diastolic:g}: not a valid measurement. Measure again.</translation>
    </message>
    <message>
        <source>Tekanan arteri rata-rata {mean:g} mmHg tidak di antara diastolik {diastolic:g} dan sistolik {systolic:g}: pengukuran tidak sah. Ukur ulang.</source>
        <comment>bp.mean_arterial_outside_reading</comment>
        <translation>Mean arterial pressure {mean:g} mmHg is not between diastolic {diastolic:g} and systolic {systolic:g}: not a valid measurement. Measure again.</translation>
    </message>
    <message>
        <source>Alat mendeteksi gerakan tubuh saat mengukur.</source>
        <comment>bp.body_movement</comment>
        <translation>The cuff detected body movement during the measurement.</translation>
    </message>
    <message>
        <source>Manset terlalu longgar.</source>
        <comment>bp.cuff_loose</comment>
        <translation>The cuff is too loose.</translation>
    </message>
    <message>
        <source>Alat mendeteksi denyut tidak teratur.</source>
        <comment>bp.irregular_pulse</comment>
        <translation>The cuff detected an irregular pulse.</translation>
    </message>
    <message>
        <source>Denyut nadi di luar rentang alat.</source>
        <comment>bp.pulse_out_of_device_range</comment>
        <translation>Pulse rate is outside the device&apos;s range.</translation>
    </message>
    <message>
        <source>Posisi pengukuran tidak tepat.</source>
        <comment>bp.improper_position</comment>
        <translation>Improper measurement position.</translation>
    </message>
    <message>
        <source>Oksimeter menandai pengukuran tidak sah. Ukur ulang.</source>
        <comment>spo2.device_marked_invalid</comment>
        <translation>The oximeter marked the measurement invalid. Measure again.</translation>
    </message>
    <message>
        <source>Perfusi rendah: hasil kurang andal.</source>
        <comment>spo2.low_perfusion</comment>
        <translation>Low perfusion: the result is less reliable.</translation>
    </message>
    <message>
        <source>Oksimeter meragukan hasil ini.</source>
        <comment>spo2.questionable</comment>
        <translation>The oximeter flagged this result as questionable.</translation>
    </message>
    <message>
        <source>{parameter} {value:g} {unit} tidak biasa: periksa alat dan ukur ulang untuk memastikan.</source>
        <comment>value.confirm</comment>
        <translation>{parameter} {value:g} {unit} is unusual: check the device and measure again to confirm.</translation>
    </message>
    <message>
        <source>Tekanan nadi sempit ({pressure:g} mmHg): periksa manset dan ukur ulang.</source>
        <comment>bp.narrow_pulse_pressure</comment>
        <translation>Narrow pulse pressure ({pressure:g} mmHg): check the cuff and measure again.</translation>
    </message>
    <message>
        <source>Tekanan nadi sangat lebar ({pressure:g} mmHg): ukur ulang.</source>
        <comment>bp.wide_pulse_pressure</comment>
        <translation>Very wide pulse pressure ({pressure:g} mmHg): measure again.</translation>
    </message>
    <message>
        <source>Dengan denyut tidak teratur, hasil manset otomatis kurang andal; minta tenaga kesehatan memeriksa nadi.</source>
        <comment>bp.irregular_pulse_reliability</comment>
        <translation>With an irregular pulse, automatic cuff readings are less reliable; have a health worker check the pulse.</translation>
    </message>
    <message>
        <source>SpO2 {spo2:g}% sangat rendah: periksa sensor di jari dan ukur ulang.</source>
        <comment>spo2.confirm_low</comment>
        <translation>SpO2 {spo2:g}% is very low: check the probe on the finger and measure again.</translation>
    </message>
    <message>
        <source>Pada kulit lebih gelap oksimeter bisa terlalu tinggi: bila sesak napas, rujuk walau SpO2 92-96%.</source>
        <comment>spo2.pigmentation_bias</comment>
        <translation>Oximeters can read high on darker skin: if the person is breathless, refer even with SpO2 92-96%.</translation>
    </message>
    <message>
        <source>Jam alat lebih cepat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.</source>
        <comment>device.clock_ahead</comment>
        <translation>The device clock is {minutes} minutes ahead of the station&apos;s; station time is used.</translation>
    </message>
    <message>
        <source>Jam alat terlambat {minutes} menit dari jam stasiun; waktu stasiun yang dipakai.</source>
        <comment>device.clock_behind</comment>
        <translation>The device clock is {minutes} minutes behind of the station&apos;s; station time is used.</translation>
    </message>
    <message>
        <source>Nadi manset ({cuff:g}) dan oksimeter ({oximeter:g}) berbeda {difference:g} per menit: ukur ulang dan periksa nadi (denyut tidak teratur?).</source>
        <comment>pulse.disagreement</comment>
        <translation>Cuff pulse ({cuff:g}) and oximeter pulse ({oximeter:g}) differ by {difference:g}/min: measure again and check the pulse (irregular rhythm?).</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band}.</source>
        <comment>bp.band</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: {band}.</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: {band} (sistolik terisolasi).</source>
        <comment>bp.band_isolated_systolic</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: {band} (isolated systolic).</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 mmHg di atas persentil ke-95 (di atas {bound_systolic:g}/{bound_diastolic:g}), perlu penanganan segera (AAP 2017 4.3d).</source>
        <comment>bp.aap_immediate_care</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: Very high: more than 30 mmHg above the 95th percentile (above {bound_systolic:g}/{bound_diastolic:g}), needs immediate care (AAP 2017 4.3d).</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: Sangat tinggi: lebih dari 30 mmHg di atas persentil ke-95 (di atas {bound_systolic:g}/{bound_diastolic:g}), perlu penanganan segera (AAP 2017 4.3d) (sistolik terisolasi).</source>
        <comment>bp.aap_immediate_care_isolated_systolic</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: Very high: more than 30 mmHg above the 95th percentile (above {bound_systolic:g}/{bound_diastolic:g}), needs immediate care (AAP 2017 4.3d) (isolated systolic).</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: sangat rendah (sistolik di bawah {limit:g}).</source>
        <comment>bp.hypotension</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: very low (systolic below {limit:g}).</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: anak di bawah 3 tahun tidak diskrining rutin; nilai ini tidak diklasifikasikan.</source>
        <comment>bp.not_screened_under_3</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: children under 3 are not routinely screened; this value is not classified.</translation>
    </message>
    <message>
        <source>Tekanan darah {systolic:g}/{diastolic:g} mmHg: di bawah 120/80, tetapi anak di bawah 13 tahun dinilai dengan persentil menurut umur, jenis kelamin dan tinggi badan; tinggi tidak dicatat di sini, jadi tenaga kesehatan perlu menilainya.</source>
        <comment>bp.needs_percentile</comment>
        <translation>Blood pressure {systolic:g}/{diastolic:g} mmHg: below 120/80, but children under 13 are judged by percentiles for age, sex and height; height is not recorded here, so a health worker must assess it.</translation>
    </message>
    <message>
        <source>SpO2 {spo2:g}%: sangat rendah (di bawah 90%). Segera rujuk.</source>
        <comment>spo2.below_90</comment>
        <translation>SpO2 {spo2:g}%: very low (below 90%). Refer urgently.</translation>
    </message>
    <message>
        <source>SpO2 {spo2:g}%: rendah (90-93%). Perlu diperiksa dokter hari ini.</source>
        <comment>spo2.90_93</comment>
        <translation>SpO2 {spo2:g}%: low (90-93%). Needs a doctor&apos;s assessment today.</translation>
    </message>
    <message>
        <source>SpO2 {spo2:g}%: batas bawah. Ukur ulang setelah istirahat.</source>
        <comment>spo2.borderline</comment>
        <translation>SpO2 {spo2:g}%: borderline. Measure again after a rest.</translation>
    </message>
    <message>
        <source>SpO2 {spo2:g}%: normal.</source>
        <comment>spo2.normal</comment>
        <translation>SpO2 {spo2:g}%: normal.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: sangat lambat. Segera rujuk.</source>
        <comment>heart_rate.extreme_slow</comment>
        <translation>Heart rate {rate:g}/min: very slow. Refer urgently.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: sangat cepat. Segera rujuk.</source>
        <comment>heart_rate.extreme_fast</comment>
        <translation>Heart rate {rate:g}/min: very fast. Refer urgently.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: di bawah persentil ke-1 anak seusianya ({low:g}-{high:g}). Ukur ulang setelah istirahat; bila tetap, minta dokter memeriksa hari ini.</source>
        <comment>heart_rate.below_centile</comment>
        <translation>Heart rate {rate:g}/min: below the 1st centile for the child&apos;s age ({low:g}-{high:g}). Measure again after a rest; if it stays, have a doctor see the child today.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: di atas persentil ke-99 anak seusianya ({low:g}-{high:g}). Ukur ulang setelah istirahat; bila tetap, minta dokter memeriksa hari ini.</source>
        <comment>heart_rate.above_centile</comment>
        <translation>Heart rate {rate:g}/min: above the 99th centile for the child&apos;s age ({low:g}-{high:g}). Measure again after a rest; if it stays, have a doctor see the child today.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: lambat. Ukur ulang setelah istirahat.</source>
        <comment>heart_rate.slow</comment>
        <translation>Heart rate {rate:g}/min: slow. Measure again after a rest.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: cepat. Ukur ulang setelah istirahat.</source>
        <comment>heart_rate.fast</comment>
        <translation>Heart rate {rate:g}/min: fast. Measure again after a rest.</translation>
    </message>
    <message>
        <source>Denyut nadi {rate:g}/menit: normal.</source>
        <comment>heart_rate.normal</comment>
        <translation>Heart rate {rate:g}/min: normal.</translation>
    </message>
    <message>
        <source>Minta orang duduk tenang 5 menit, lengan setinggi jantung, lalu ukur.</source>
        <comment>protocol.first_reading</comment>
        <translation>Have the person sit quietly for 5 minutes, arm at heart level, then measure.</translation>
    </message>
    <message>
        <source>Tunggu sekitar 1 menit, lalu ukur sekali lagi.</source>
        <comment>protocol.second_reading</comment>
        <translation>Wait about 1 minute, then measure again.</translation>
    </message>
    <message>
        <source>Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: sistolik berbeda lebih dari {limit:g} mmHg.</source>
        <comment>protocol.third_reading_systolic_spread</comment>
        <translation>Wait about 1 minute, then measure a third time: systolic readings differ by {spread:g} mmHg (more than {limit:g}).</translation>
    </message>
    <message>
        <source>Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: diastolik berbeda lebih dari {limit:g} mmHg.</source>
        <comment>protocol.third_reading_diastolic_spread</comment>
        <translation>Wait about 1 minute, then measure a third time: diastolic readings differ by {spread:g} mmHg (more than {limit:g}).</translation>
    </message>
    <message>
        <source>Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: pengukuran pertama {systolic:g}/{diastolic:g} mmHg atau lebih.</source>
        <comment>protocol.third_reading_first_high</comment>
        <translation>Wait about 1 minute, then measure a third time: the first reading is at or above {systolic:g}/{diastolic:g} mmHg.</translation>
    </message>
    <message>
        <source>Pengukuran tekanan darah selesai: hasil adalah rata-rata dua pengukuran terakhir.</source>
        <comment>protocol.complete</comment>
        <translation>Blood-pressure readings complete: the result is the mean of the last two.</translation>
    </message>
    <message>
        <source>dalam bulan ini</source>
        <comment>follow_up.within</comment>
        <translation>within the month</translation>
    </message>
    <message>
        <source>Tidak perlu rujukan. Berikan edukasi hidup sehat seperti biasa.</source>
        <comment>advice.health_worker.none</comment>
        <translation>No referral needed. Give the usual healthy-living advice.</translation>
    </message>
    <message>
        <source>Hasil Anda tidak memerlukan rujukan. Tetap jaga pola hidup sehat.</source>
        <comment>advice.patient.none</comment>
        <translation>Your results do not need a referral. Keep up a healthy lifestyle.</translation>
    </message>
    <message>
        <source>Jadwalkan kontrol di puskesmas untuk memastikan hasil ini ({within}).</source>
        <comment>advice.health_worker.follow_up</comment>
        <translation>Arrange a follow-up visit at the puskesmas to confirm this result ({within}).</translation>
    </message>
    <message>
        <source>Silakan kontrol ke puskesmas untuk pemeriksaan ulang.</source>
        <comment>advice.patient.follow_up</comment>
        <translation>Please come back to the puskesmas for a repeat check.</translation>
    </message>
    <message>
        <source>Minta dokter memeriksa orang ini hari ini.</source>
        <comment>advice.health_worker.same_day</comment>
        <translation>Have a doctor see this person today.</translation>
    </message>
    <message>
        <source>Anda perlu diperiksa dokter hari ini. Petugas akan membantu.</source>
        <comment>advice.patient.same_day</comment>
        <translation>You need to see a doctor today. The staff will help you.</translation>
    </message>
    <message>
        <source>SEGERA: minta dokter memeriksa sekarang. Tanyakan nyeri dada, sesak napas, sakit kepala hebat, lemah sebelah badan, gangguan penglihatan. Catat tindakan yang diambil.</source>
        <comment>advice.health_worker.urgent</comment>
        <translation>URGENT: have a doctor see the person now. Ask about chest pain, breathlessness, severe headache, one-sided weakness, vision changes. Record what was done.</translation>
    </message>
    <message>
        <source>Anda perlu segera diperiksa dokter. Petugas akan membantu sekarang.</source>
        <comment>advice.patient.urgent</comment>
        <translation>You need to see a doctor straight away. The staff will help you now.</translation>
    </message>
    <message>
        <source>petugas kesehatan</source>
        <comment>role.health_worker</comment>
        <translation>health worker</translation>
    </message>
    <message>
        <source>supervisor</source>
        <comment>role.supervisor</comment>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <comment>role.admin</comment>
        <translation>admin</translation>
    </message>
    <message>
        <source>Meja terkunci: masuk dengan nama dan PIN Anda.</source>
        <comment>access.locked</comment>
        <translation>The desk is locked: sign in with your name and PIN.</translation>
    </message>
    <message>
        <source>Hanya untuk {role} ke atas.</source>
        <comment>access.only_for</comment>
        <translation>Only for a {role} or above.</translation>
    </message>
    <message>
        <source>Nomor sudah dipanggil: panggil ulang, lewati, atau selesaikan kunjungan dahulu.</source>
        <comment>refusal.number_called</comment>
        <translation>A number is called already: recall it, skip it, or finish the visit first.</translation>
    </message>
    <message>
        <source>Belum ada nomor yang dipanggil.</source>
        <comment>refusal.no_number_called</comment>
        <translation>No number is called.</translation>
    </message>
    <message>
        <source>Panggil nomor antrean berikutnya dahulu.</source>
        <comment>refusal.call_next_first</comment>
        <translation>Call the next queue number first.</translation>
    </message>
    <message>
        <source>Isi data orang yang diperiksa dahulu.</source>
        <comment>refusal.person_first</comment>
        <translation>Enter the person&apos;s details first.</translation>
    </message>
    <message>
        <source>Tidak ada kunjungan yang berjalan.</source>
        <comment>refusal.no_visit</comment>
        <translation>No visit is in progress.</translation>
    </message>
    <message>
        <source>Sudah ada kunjungan yang berjalan.</source>
        <comment>refusal.visit_in_progress</comment>
        <translation>A visit is already in progress.</translation>
    </message>
    <message>
        <source>Tidak ada kunjungan terputus.</source>
        <comment>refusal.no_interrupted</comment>
        <translation>There is no interrupted visit.</translation>
    </message>
    <message>
        <source>Alat sedang mengukur.</source>
        <comment>refusal.device_busy</comment>
        <translation>The device is already measuring.</translation>
    </message>
    <message>
        <source>Tunggu sampai pengukuran selesai.</source>
        <comment>refusal.wait_measurement</comment>
        <translation>Wait until the measurement has finished.</translation>
    </message>
    <message>
        <source>Belum ada hasil yang sah untuk dikonfirmasi. Ukur dahulu.</source>
        <comment>refusal.no_valid_result</comment>
        <translation>There is no valid result to confirm yet. Measure first.</translation>
    </message>
    <message>
        <source>Selesaikan atau batalkan kunjungan yang sedang berjalan dahulu.</source>
        <comment>refusal.finish_current_visit</comment>
        <translation>Confirm or cancel the current visit first.</translation>
    </message>
    <message>
        <source>Lanjutkan atau batalkan kunjungan yang terputus dahulu.</source>
        <comment>refusal.finish_interrupted_visit</comment>
        <translation>Resume or cancel the interrupted visit first.</translation>
    </message>
    <message>
        <source>Tindakan ini tidak dapat dilakukan sekarang.</source>
        <comment>refusal.not_now</comment>
        <translation>This cannot be done now.</translation>
    </message>
    <message>
        <source>Usia {age} tahun: anak usia sekolah (7-17 tahun) mendapat CKG di sekolah (CKG Sekolah), bukan CKG ulang tahun di klinik.</source>
        <comment>ckg.school_age</comment>
        <translation>Age {age}: school-age children (7-17) are checked at school (CKG Sekolah), not by the birthday check at a clinic.</translation>
    </message>
    <message>
        <source>Sudah CKG pada {last}; CKG hanya sekali setahun. Bisa lagi mulai {again}.</source>
        <comment>ckg.checked_this_year</comment>
        <translation>Already had a CKG check on {last}; it is once a year. Next possible from {again}.</translation>
    </message>
    <message>
        <source>CKG ulang tahun berlaku dari hari ulang tahun sampai {days} hari sesudahnya; jendela terakhir ditutup {closed}. Jendela berikutnya mulai {upcoming}.</source>
        <comment>ckg.outside_window</comment>
        <translation>The birthday check runs from the birthday to {days} days after it; the last window closed on {closed}. The next one opens on {upcoming}.</translation>
    </message>
    <message>
        <source>Berhak CKG ulang tahun: usia {age} tahun, kelompok {group}.</source>
        <comment>ckg.eligible</comment>
        <translation>Eligible for the birthday check: age {age}, group {group}.</translation>
    </message>
    <message>
        <source>Januari</source>
        <comment>month.01</comment>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <comment>month.02</comment>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <comment>month.03</comment>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <comment>month.04</comment>
        <translation>April</translation>
    </message>
    <message>
        <source>Mei</source>
        <comment>month.05</comment>
        <translation>May</translation>
    </message>
    <message>
        <source>Juni</source>
        <comment>month.06</comment>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <comment>month.07</comment>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <comment>month.08</comment>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <comment>month.09</comment>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <comment>month.10</comment>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <comment>month.11</comment>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <comment>month.12</comment>
        <translation>December</translation>
    </message>
    <message>
        <source>NIK wajib diisi.</source>
        <comment>nik.required</comment>
        <translation>NIK is required.</translation>
    </message>
    <message>
        <source>NIK hanya boleh berisi angka.</source>
        <comment>nik.digits_only</comment>
        <translation>NIK must contain digits only.</translation>
    </message>
    <message>
        <source>NIK harus 16 digit; yang diketik {count} digit.</source>
        <comment>nik.length</comment>
        <translation>NIK must have 16 digits; {count} were entered.</translation>
    </message>
    <message>
        <source>Digit 1-2 NIK (kode provinsi) adalah {province}: tidak ada provinsi Indonesia dengan kode itu (kode yang ada: {codes}).</source>
        <comment>nik.province</comment>
        <translation>NIK digits 1-2 (province code) are {province}: no Indonesian province has that code (the codes are {codes}).</translation>
    </message>
    <message>
        <source>Digit 3-4 NIK (kode kabupaten/kota) adalah 00: tidak ada kabupaten/kota dengan kode 00.</source>
        <comment>nik.regency_00</comment>
        <translation>NIK digits 3-4 (regency/city code) are 00: no regency or city has code 00.</translation>
    </message>
    <message>
        <source>Digit 5-6 NIK (kode kecamatan) adalah 00: tidak ada kecamatan dengan kode 00.</source>
        <comment>nik.district_00</comment>
        <translation>NIK digits 5-6 (district code) are 00: no district has code 00.</translation>
    </message>
    <message>
        <source>Digit 7-8 NIK (tanggal lahir) adalah {digits}: bukan tanggal (01-31), dan bukan tanggal perempuan (41-71, tanggal ditambah 40).</source>
        <comment>nik.day</comment>
        <translation>NIK digits 7-8 (day of birth) are {digits}: not a day (01-31), and not a woman&apos;s day (41-71, the day plus 40).</translation>
    </message>
    <message>
        <source>Digit 9-10 NIK (bulan lahir) adalah {digits}: bukan bulan (01-12).</source>
        <comment>nik.month</comment>
        <translation>NIK digits 9-10 (month of birth) are {digits}: not a month (01-12).</translation>
    </message>
    <message>
        <source>Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan {month} ({month_name}) hanya punya {limit} hari.</source>
        <comment>nik.day_too_large</comment>
        <translation>NIK digits 7-8 (day of birth) are {digits}, but month {month} ({month_name}) has only {limit} days.</translation>
    </message>
    <message>
        <source>Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk perempuan, tetapi bulan {month} ({month_name}) hanya punya {limit} hari.</source>
        <comment>nik.day_too_large_female</comment>
        <translation>NIK digits 7-8 (day of birth) are {digits}, a woman&apos;s day {day}, but month {month} ({month_name}) has only {limit} days.</translation>
    </message>
    <message>
        <source>Digit 7-8 NIK (tanggal lahir) adalah {digits}, tetapi bulan {month} ({month_name}) tahun {year} (19{year} atau 20{year}, bukan tahun kabisat) hanya punya {limit} hari.</source>
        <comment>nik.february_29</comment>
        <translation>NIK digits 7-8 (day of birth) are {digits}, but month {month} ({month_name}) of year {year} (19{year} or 20{year}, not a leap year) has only {limit} days.</translation>
    </message>
    <message>
        <source>Digit 7-8 NIK (tanggal lahir) adalah {digits}, yaitu tanggal {day} untuk perempuan, tetapi bulan {month} ({month_name}) tahun {year} (19{year} atau 20{year}, bukan tahun kabisat) hanya punya {limit} hari.</source>
        <comment>nik.february_29_female</comment>
        <translation>NIK digits 7-8 (day of birth) are {digits}, a woman&apos;s day {day}, but month {month} ({month_name}) of year {year} (19{year} or 20{year}, not a leap year) has only {limit} days.</translation>
    </message>
    <message>
        <source>Digit 13-16 NIK (nomor urut) adalah 0000: nomor urut dimulai dari 0001.</source>
        <comment>nik.serial</comment>
        <translation>NIK digits 13-16 (serial number) are 0000: serial numbers start at 0001.</translation>
    </message>
    <message>
        <source>Digit 7-12 NIK memberi tanggal lahir 29-02-{year}, tetapi {year} bukan tahun kabisat.</source>
        <comment>nik.not_leap_year</comment>
        <translation>NIK digits 7-12 give a birth date of 29-02-{year}, but {year} was not a leap year.</translation>
    </message>
    <message>
        <source>Jenis kelamin laki-laki tidak sesuai dengan NIK: digit 7-8 adalah {digits} (tanggal ditambah 40, tanda perempuan).</source>
        <comment>nik.sex_female_typed_male</comment>
        <translation>Sex male does not match the NIK: digits 7-8 are {digits} (the day plus 40: a woman).</translation>
    </message>
    <message>
        <source>Jenis kelamin perempuan tidak sesuai dengan NIK: digit 7-8 adalah {digits} (tanggal tanpa tambahan 40, tanda laki-laki).</source>
        <comment>nik.sex_male_typed_female</comment>
        <translation>Sex female does not match the NIK: digits 7-8 are {digits} (no 40 added: a man).</translation>
    </message>
    <message>
        <source>Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi {from_nik}. Periksa NIK dan tanggal lahir di KTP/KK.</source>
        <comment>nik.birth_date_mismatch</comment>
        <translation>Birth date {typed} does not match the NIK: NIK digits 7-12 give {from_nik}. Check the NIK and the birth date on the ID card.</translation>
    </message>
    <message>
        <source>Tanggal lahir {typed} tidak sesuai dengan NIK: digit 7-12 NIK memberi {from_nik} (tanggal {digits} dikurangi 40). Periksa NIK dan tanggal lahir di KTP/KK.</source>
        <comment>nik.birth_date_mismatch_female</comment>
        <translation>Birth date {typed} does not match the NIK: NIK digits 7-12 give {from_nik} (day {digits} minus 40). Check the NIK and the birth date on the ID card.</translation>
    </message>
    <message>
        <source>Nama wajib diisi.</source>
        <comment>person.name_required</comment>
        <translation>Name is required.</translation>
    </message>
    <message>
        <source>Nama terlalu panjang (maksimal {limit} huruf).</source>
        <comment>person.name_too_long</comment>
        <translation>Name is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak boleh di masa depan.</source>
        <comment>person.birth_date_future</comment>
        <translation>Birth date cannot be in the future.</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak boleh sesudah tanggal pemeriksaan.</source>
        <comment>person.birth_date_after_visit</comment>
        <translation>Birth date cannot be after the visit date.</translation>
    </message>
    <message>
        <source>Tanggal lahir belum diisi: ketik tanggal-bulan-tahun ({example}).</source>
        <comment>birth_date.empty</comment>
        <translation>No birth date typed: type day-month-year ({example}).</translation>
    </message>
    <message>
        <source>Tanggal lahir hanya berisi angka dan tanda - / . ({example}).</source>
        <comment>birth_date.characters</comment>
        <translation>A birth date holds digits and - / . only ({example}).</translation>
    </message>
    <message>
        <source>Tanggal lahir terlalu panjang ({count} karakter, paling banyak {limit}): ketik {example}.</source>
        <comment>birth_date.too_long</comment>
        <translation>Birth date too long ({count} characters, at most {limit}): type {example}.</translation>
    </message>
    <message>
        <source>Tanggal lahir tanpa tanda pisah harus 8 angka (DDMMYYYY, mis. 05051985); yang diketik {count} angka.</source>
        <comment>birth_date.length</comment>
        <translation>A birth date without separators must have 8 digits (DDMMYYYY, e.g. 05051985); {count} were typed.</translation>
    </message>
    <message>
        <source>Tanggal lahir {text!r} tidak terbaca: ketik tanggal-bulan-tahun dengan tahun 4 angka ({example}).</source>
        <comment>birth_date.unreadable</comment>
        <translation>Birth date {text!r} cannot be read: type day-month-year with a 4-digit year ({example}).</translation>
    </message>
    <message>
        <source>Tahun 0000 tidak ada.</source>
        <comment>birth_date.no_year</comment>
        <translation>There is no year 0000.</translation>
    </message>
    <message>
        <source>Bulan {month} tidak ada: bulan 01-12.</source>
        <comment>birth_date.no_month</comment>
        <translation>There is no month {month}: months are 01-12.</translation>
    </message>
    <message>
        <source>Tanggal {day} tidak ada: {month_name} {year} hanya punya {limit} hari.</source>
        <comment>birth_date.no_day</comment>
        <translation>There is no day {day}: {month_name} {year} has only {limit} days.</translation>
    </message>
    <message>
        <source>Tanggal {day} tidak ada: {month_name} {year} (bukan tahun kabisat) hanya punya {limit} hari.</source>
        <comment>birth_date.no_february_29</comment>
        <translation>There is no day {day}: {month_name} {year} (not a leap year) has only {limit} days.</translation>
    </message>
    <message>
        <source>Tanggal lahir {birth} ada di masa depan (hari ini {today}).</source>
        <comment>birth_date.future</comment>
        <translation>Birth date {birth} is in the future (today is {today}).</translation>
    </message>
    <message>
        <source>Tanggal lahir {birth} berarti usia {age} tahun (lebih dari {limit}): periksa tahunnya.</source>
        <comment>birth_date.too_old</comment>
        <translation>Birth date {birth} means an age of {age} (over {limit}): check the year.</translation>
    </message>
    <message>
        <source>{parameter} wajib diisi.</source>
        <comment>manual.required</comment>
        <translation>{parameter} is required.</translation>
    </message>
    <message>
        <source>{parameter}: ketik bilangan bulat, tanpa koma atau titik (misalnya {example}).</source>
        <comment>manual.not_whole_number</comment>
        <translation>{parameter}: type a whole number, without a comma or point (for example {example}).</translation>
    </message>
    <message>
        <source>{parameter}: paling banyak {limit} angka.</source>
        <comment>manual.too_long</comment>
        <translation>{parameter}: at most {limit} digits.</translation>
    </message>
    <message>
        <source>{parameter}: ketik angka saja (misalnya {example}).</source>
        <comment>manual.not_a_number</comment>
        <translation>{parameter}: type digits only (for example {example}).</translation>
    </message>
    <message>
        <source>Nama petugas kosong.</source>
        <comment>operator.name_empty</comment>
        <translation>the operator&apos;s name is empty</translation>
    </message>
    <message>
        <source>Nama petugas lebih dari {limit} karakter.</source>
        <comment>operator.name_too_long</comment>
        <translation>the operator&apos;s name is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Peran tidak dikenal: {roles}.</source>
        <comment>operator.unknown_role</comment>
        <translation>unknown role {role!r}: one of {roles}</translation>
    </message>
    <message>
        <source>NIK tenaga kesehatan: {problem_id}</source>
        <comment>operator.practitioner_nik</comment>
        <translation>practitioner NIK: {problem_en}</translation>
    </message>
    <message>
        <source>PIN atau kata sandi kosong.</source>
        <comment>operator.pin_empty</comment>
        <translation>the PIN or password is empty</translation>
    </message>
    <message>
        <source>PIN atau kata sandi minimal {limit} karakter.</source>
        <comment>operator.pin_too_short</comment>
        <translation>the PIN or password must have at least {limit} characters</translation>
    </message>
    <message>
        <source>PIN atau kata sandi maksimal {limit} karakter.</source>
        <comment>operator.pin_too_long</comment>
        <translation>the PIN or password must have at most {limit} characters</translation>
    </message>
    <message>
        <source>PIN atau kata sandi tidak boleh satu karakter yang diulang.</source>
        <comment>operator.pin_repeated</comment>
        <translation>the PIN or password must not be one character repeated</translation>
    </message>
    <message>
        <source>Kunjungan ini masih berjalan: buang bacaan yang salah di sana, bukan koreksi.</source>
        <comment>correction.visit_open</comment>
        <translation>This visit is still open: discard the wrong reading there; corrections are for confirmed visits.</translation>
    </message>
    <message>
        <source>Kunjungan yang dibatalkan tidak punya hasil untuk dikoreksi.</source>
        <comment>correction.visit_cancelled</comment>
        <translation>A cancelled visit has no results to correct.</translation>
    </message>
    <message>
        <source>Hanya kunjungan hari ini yang dapat dikoreksi.</source>
        <comment>correction.not_today</comment>
        <translation>Only today&apos;s visits can be corrected.</translation>
    </message>
    <message>
        <source>Nilai baru ditolak: {findings_id}</source>
        <comment>correction.values_refused</comment>
        <translation>The new values are refused: {findings_en}</translation>
    </message>
    <message>
        <source>Bacaan {sequence} hanya dapat diganti dengan nilai jenis yang sama.</source>
        <comment>correction.other_kind</comment>
        <translation>Reading {sequence} can only take new values of the same kind.</translation>
    </message>
    <message>
        <source>Bacaan {sequence}: nilai baru harus berisi nilai yang sama seperti sebelumnya (misalnya nadi); untuk menghapus nilai, buang bacaannya.</source>
        <comment>correction.other_values</comment>
        <translation>Reading {sequence}: the new values must hold the same values as before (a pulse, for example); to remove a value, discard the reading.</translation>
    </message>
    <message>
        <source>Bacaan {sequence}: nilai baru sama dengan yang tersimpan.</source>
        <comment>correction.same_values</comment>
        <translation>Reading {sequence}: the new values are the ones stored already.</translation>
    </message>
    <message>
        <source>Pilih bacaan yang dikoreksi: nilai baru atau buang.</source>
        <comment>correction.nothing_chosen</comment>
        <translation>Choose what to correct: new values for a reading, or discard it.</translation>
    </message>
    <message>
        <source>Bacaan itu bukan bagian dari kunjungan ini.</source>
        <comment>correction.not_in_visit</comment>
        <translation>Reading {reading} is not part of this visit.</translation>
    </message>
    <message>
        <source>Bacaan {sequence} dikoreksi dua kali dalam satu koreksi.</source>
        <comment>correction.changed_twice</comment>
        <translation>Reading {sequence} is changed twice in one correction.</translation>
    </message>
    <message>
        <source>Bacaan {sequence} sudah dibuang.</source>
        <comment>correction.discarded_already</comment>
        <translation>Reading {sequence} is discarded already.</translation>
    </message>
    <message>
        <source>Pilih tindakan untuk hasil kritis.</source>
        <comment>correction.unknown_action</comment>
        <translation>Unknown action for a critical result: {action!r}.</translation>
    </message>
    <message>
        <source>Koreksi ini membuat hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa dokter, menolak).</source>
        <comment>correction.needs_acknowledgement</comment>
        <translation>This correction makes the result critical: record what was done (referred, seen by a doctor, declined).</translation>
    </message>
    <message>
        <source>Tulis alasan koreksi.</source>
        <comment>correction.needs_reason</comment>
        <translation>Give the reason for the correction.</translation>
    </message>
    <message>
        <source>Kunjungan yang dikonfirmasi harus tetap punya setidaknya satu bacaan yang sah.</source>
        <comment>correction.no_valid_reading</comment>
        <translation>A confirmed visit keeps at least one valid reading.</translation>
    </message>
    <message>
        <source>Hasil kunjungan ini sedang diunggah ke SATUSEHAT; coba lagi sebentar lagi.</source>
        <comment>correction.uploading</comment>
        <translation>This visit is being uploaded to SATUSEHAT right now; try again in a moment.</translation>
    </message>
    <message>
        <source>Kunjungan ini baru saja diubah di meja lain; buka lagi lalu koreksi.</source>
        <comment>correction.changed_meanwhile</comment>
        <translation>This visit was changed meanwhile (another desk?); open it again, then correct it.</translation>
    </message>
    <message>
        <source>Tuliskan alasan membuang hasil ini.</source>
        <comment>discard.needs_reason</comment>
        <translation>Give a reason for discarding this reading.</translation>
    </message>
    <message>
        <source>Hasil ini bukan milik kunjungan yang berjalan.</source>
        <comment>discard.not_in_visit</comment>
        <translation>This reading is not part of the visit in progress.</translation>
    </message>
    <message>
        <source>Hasil ini sudah dibuang.</source>
        <comment>discard.discarded_already</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Sudah ada petugas di basis data ini: silakan masuk.</source>
        <comment>operator.exists</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Kunjungan ini tidak dapat dibaca.</source>
        <comment>visit.unreadable</comment>
        <translation>This visit cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Kunjungan ini sudah ditutup.</source>
        <comment>visit.closed</comment>
        <translation>This visit has been closed already.</translation>
    </message>
    <message>
        <source>Hanya kunjungan terputus yang ditawarkan meja ini yang dapat dilanjutkan atau dibatalkan.</source>
        <comment>visit.not_offered</comment>
        <translation>Only the interrupted visit this desk offered can be resumed or cancelled.</translation>
    </message>
    <message>
        <source>Tidak ada alat yang diatur untuk pengukuran ini. Isi manual.</source>
        <comment>device.none</comment>
        <translation>No device is configured for this measurement. Enter it by hand.</translation>
    </message>
    <message>
        <source>Tunggu {seconds} detik lagi sebelum mengukur tekanan darah berikutnya (protokol: jeda 1 menit).</source>
        <comment>protocol.wait</comment>
        <translation>Wait {seconds} more seconds before the next blood-pressure reading (protocol: 1 minute apart).</translation>
    </message>
    <message>
        <source>{findings_id}</source>
        <comment>value.blocked</comment>
        <translation>{findings_en}</translation>
    </message>
    <message>
        <source>Protokol tekanan darah belum selesai: tuliskan alasan konfirmasi sekarang.</source>
        <comment>confirm.early_reason</comment>
        <translation>The blood-pressure protocol is not complete: give a reason to confirm now.</translation>
    </message>
    <message>
        <source>Hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa dokter, menolak) sebelum menutup kunjungan.</source>
        <comment>confirm.needs_acknowledgement</comment>
        <translation>Critical result: record what was done (referred, seen by a doctor, declined) before closing the visit.</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Coba lagi dalam {minutes} menit.</source>
        <comment>sign_in.locked</comment>
        <translation>Too many wrong PINs. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Coba lagi dalam 1 menit.</source>
        <comment>sign_in.locked_one_minute</comment>
        <translation>Too many wrong PINs. Try again in 1 minute.</translation>
    </message>
    <message>
        <source>Akun ini dinonaktifkan. Hubungi admin klinik.</source>
        <comment>sign_in.disabled</comment>
        <translation>This account is disabled. Ask the clinic&apos;s admin.</translation>
    </message>
    <message>
        <source>Nama atau PIN salah.</source>
        <comment>sign_in.wrong</comment>
        <translation>Wrong name or PIN.</translation>
    </message>
    <message>
        <source>Anda tidak dapat menonaktifkan akun yang sedang Anda pakai.</source>
        <comment>operator.self_disable</comment>
        <translation>You cannot disable the account you are signed in with.</translation>
    </message>
    <message>
        <source>Terjadi galat tak terduga; tindakan tidak selesai. Coba lagi.</source>
        <comment>station.unexpected</comment>
        <translation>An unexpected error stopped the action. Try again.</translation>
    </message>
    <message>
        <source>Tidak ada petugas bernama {name!r}.</source>
        <comment>operator.no_such_operator</comment>
        <translation>no operator is named {name!r}</translation>
    </message>
    <message>
        <source>Petugas demo bawaan tidak dapat diubah.</source>
        <comment>operator.builtin</comment>
        <translation>the built-in demo operator cannot be changed</translation>
    </message>
    <message>
        <source>Sudah ada petugas: silakan masuk (admin menambah yang lain).</source>
        <comment>operator.not_first</comment>
        <translation>an operator exists already: sign in (the admin adds the others)</translation>
    </message>
    <message>
        <source>Petugas pertama harus admin: admin menambah petugas lain.</source>
        <comment>operator.first_is_admin</comment>
        <translation>the first operator must be an admin (--role admin): the admin adds the others</translation>
    </message>
    <message>
        <source>Sudah ada petugas bernama {name!r}.</source>
        <comment>operator.name_taken</comment>
        <translation>an operator named {name!r} exists already</translation>
    </message>
</context>
<context>
    <name>patient</name>
    <message>
        <source>Normal</source>
        <comment>level_normal</comment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Tinggi</source>
        <comment>level_high</comment>
        <translation>High</translation>
    </message>
    <message>
        <source>Rendah</source>
        <comment>level_low</comment>
        <translation>Low</translation>
    </message>
    <message>
        <source>Sangat tinggi</source>
        <comment>level_very_high</comment>
        <translation>Very high</translation>
    </message>
    <message>
        <source>Sangat rendah</source>
        <comment>level_very_low</comment>
        <translation>Very low</translation>
    </message>
    <message>
        <source>Dinilai petugas</source>
        <comment>level_assess</comment>
        <translation>For the health worker to judge</translation>
    </message>
    <message>
        <source>naik</source>
        <comment>trend_up</comment>
        <translation>up</translation>
    </message>
    <message>
        <source>turun</source>
        <comment>trend_down</comment>
        <translation>down</translation>
    </message>
    <message>
        <source>sama</source>
        <comment>trend_same</comment>
        <translation>the same</translation>
    </message>
    <message>
        <source>Sebelumnya ({day}): {then}  →  sekarang: {now} ({trend})</source>
        <comment>compare</comment>
        <translation>Last time ({day}): {then}  →  now: {now} ({trend})</translation>
    </message>
    <message>
        <source>Tetap tenang, lengan jangan bergerak</source>
        <comment>hold_still</comment>
        <translation>Stay calm and keep your arm still</translation>
    </message>
    <message>
        <source>Jari di dalam alat</source>
        <comment>finger_in</comment>
        <translation>Keep your finger in the device</translation>
    </message>
    <message>
        <source>Sedang mengukur</source>
        <comment>measuring</comment>
        <translation>Measuring</translation>
    </message>
    <message>
        <source>Tekanan manset {value} mmHg</source>
        <comment>cuff_pressure</comment>
        <translation>Cuff pressure {value} mmHg</translation>
    </message>
    <message>
        <source>Silakan tunggu, hasil segera tampil</source>
        <comment>wait_results</comment>
        <translation>Please wait, your results will show shortly</translation>
    </message>
    <message>
        <source>/menit</source>
        <comment>per_minute_short</comment>
        <translation>/min</translation>
    </message>
    <message>
        <source>Bukan diagnosis.</source>
        <comment>not_diagnosis</comment>
        <translation>Not a diagnosis.</translation>
    </message>
</context>
<context>
    <name>slip</name>
    <message>
        <source>Hasil Cek Kesehatan</source>
        <comment>slip_title</comment>
        <translation>Health check results</translation>
    </message>
    <message>
        <source>Cek Kesehatan Gratis (CKG)</source>
        <comment>slip_programme</comment>
        <translation>Free health check (CKG)</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>slip_name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <comment>slip_date</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>{day}, pukul {hour:02d}.{minute:02d}</source>
        <comment>slip_when</comment>
        <translation>{day}, {hour:02d}:{minute:02d}</translation>
    </message>
    <message>
        <source>Meja</source>
        <comment>slip_desk</comment>
        <translation>Desk</translation>
    </message>
    <message>
        <source>No. antrean</source>
        <comment>slip_queue</comment>
        <translation>Queue no.</translation>
    </message>
    <message>
        <source>Faskes</source>
        <comment>slip_clinic</comment>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Petugas</source>
        <comment>slip_operator</comment>
        <translation>Health worker</translation>
    </message>
    <message>
        <source>Tidak ada nilai yang dapat dihitung.</source>
        <comment>slip_no_result</comment>
        <translation>No value could be counted.</translation>
    </message>
    <message>
        <source>Langkah berikut</source>
        <comment>slip_next_step</comment>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Kapan kembali</source>
        <comment>slip_come_back</comment>
        <translation>When to come back</translation>
    </message>
    <message>
        <source>Kontrol ulang paling lambat {day}.</source>
        <comment>slip_back_by</comment>
        <translation>Come back for a check-up by {day}.</translation>
    </message>
    <message>
        <source>Hari ini, {day}: temui dokter sebelum pulang.</source>
        <comment>slip_back_today</comment>
        <translation>Today, {day}: see a doctor before you go home.</translation>
    </message>
    <message>
        <source>Tidak ada jadwal kontrol khusus.</source>
        <comment>slip_back_none</comment>
        <translation>No return visit is scheduled.</translation>
    </message>
    <message>
        <source>Aturan penilaian: {name} ({id} v{version})</source>
        <comment>slip_rule_set</comment>
        <translation>Graded by: {name} ({id} v{version})</translation>
    </message>
    <message>
        <source>; anak di bawah 18 tahun: AAP 2017</source>
        <comment>slip_rule_set_child</comment>
        <translation>; children under 18: AAP 2017</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan awal, bukan diagnosis. Tanyakan kepada petugas kesehatan.</source>
        <comment>slip_disclaimer</comment>
        <translation>Screening results, not a diagnosis. Ask the health worker.</translation>
    </message>
    <message>
        <source>Ref. {reference}</source>
        <comment>slip_reference</comment>
        <translation>Ref. {reference}</translation>
    </message>
    <message>
        <source>Kode QR: nomor referensi dan nilai, tanpa NIK.</source>
        <comment>slip_qr_note</comment>
        <translation>QR code: the reference and the values, no NIK.</translation>
    </message>
    <message>
        <source>Cetak slip</source>
        <comment>slip_print</comment>
        <translation>Print slip</translation>
    </message>
    <message>
        <source>Cetak slip hasil untuk {name} (antrean {queue})</source>
        <comment>slip_print_tip</comment>
        <translation>Print the result slip for {name} (queue {queue})</translation>
    </message>
    <message>
        <source>Slip tersedia setelah hasil dikonfirmasi.</source>
        <comment>slip_print_none</comment>
        <translation>A slip is available once the results are confirmed.</translation>
    </message>
    <message>
        <source>Slip antrean {queue} dicetak ke {printer}.</source>
        <comment>slip_printed</comment>
        <translation>Slip of queue {queue} printed on {printer}.</translation>
    </message>
    <message>
        <source>Tidak ada printer; slip antrean {queue} tidak dicetak.</source>
        <comment>slip_no_printer</comment>
        <translation>No printer; the slip of queue {queue} was not printed.</translation>
    </message>
    <message>
        <source>Slip antrean {queue} tidak dapat dicetak ke {printer}.</source>
        <comment>slip_print_failed</comment>
        <translation>The slip of queue {queue} could not be printed on {printer}.</translation>
    </message>
</context>
<context>
    <name>speech</name>
    <message>
        <source>Ulangi suara</source>
        <comment>speech_repeat</comment>
        <translation>Repeat aloud</translation>
    </message>
    <message>
        <source>Ucapkan lagi panggilan atau hasil terakhir di layar pasien.</source>
        <comment>speech_repeat_tip</comment>
        <translation>Say the last call or results on the patient screen again.</translation>
    </message>
    <message>
        <source>Suara mati</source>
        <comment>speech_off</comment>
        <translation>Speech off</translation>
    </message>
    <message>
        <source>Suara mati: komputer ini tidak punya mesin suara (Linux: pasang espeak-ng). Stasiun tetap berjalan tanpa suara.</source>
        <comment>speech_no_engine</comment>
        <translation>Speech off: this computer has no speech engine (Linux: install espeak-ng). The station goes on without speaking.</translation>
    </message>
    <message>
        <source>Suara mati: komputer ini tidak punya pemutar suara (paplay, pw-play atau aplay). Stasiun tetap berjalan tanpa suara.</source>
        <comment>speech_no_player</comment>
        <translation>Speech off: this computer has no sound player (paplay, pw-play or aplay). The station goes on without speaking.</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Stasiun tanda vital — meja {desk}</source>
        <comment>window_title</comment>
        <translation>Vitals station — desk {desk}</translation>
    </message>
    <message>
        <source>Nomor antrean</source>
        <comment>queue</comment>
        <translation>Queue number</translation>
    </message>
    <message>
        <source>Panggil berikutnya</source>
        <comment>call_next</comment>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Orang yang diperiksa</source>
        <comment>person</comment>
        <translation>Person</translation>
    </message>
    <message>
        <source>NIK</source>
        <comment>nik</comment>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <comment>birth_date</comment>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Mulai pemeriksaan</source>
        <comment>start_visit</comment>
        <translation>Start visit</translation>
    </message>
    <message>
        <source>Tekanan darah</source>
        <comment>blood_pressure</comment>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>SpO2 (oksimeter)</source>
        <comment>oximeter</comment>
        <translation>SpO2 (oximeter)</translation>
    </message>
    <message>
        <source>Ukur tekanan darah</source>
        <comment>measure_bp</comment>
        <translation>Measure blood pressure</translation>
    </message>
    <message>
        <source>Ukur SpO2</source>
        <comment>measure_spo2</comment>
        <translation>Measure SpO2</translation>
    </message>
    <message>
        <source>Hasil bacaan</source>
        <comment>readings</comment>
        <translation>Readings</translation>
    </message>
    <message>
        <source>Temuan</source>
        <comment>findings</comment>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Hasil yang dihitung</source>
        <comment>result</comment>
        <translation>Result that counts</translation>
    </message>
    <message>
        <source>Konfirmasi</source>
        <comment>confirm</comment>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <comment>cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Langkah berikut</source>
        <comment>next_step</comment>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <comment>referral</comment>
        <translation>Referral</translation>
    </message>
    <message>
        <source>tidak perlu</source>
        <comment>referral_none</comment>
        <translation>none</translation>
    </message>
    <message>
        <source>kontrol ulang</source>
        <comment>referral_follow_up</comment>
        <translation>follow-up</translation>
    </message>
    <message>
        <source>dokter hari ini</source>
        <comment>referral_same_day</comment>
        <translation>doctor today</translation>
    </message>
    <message>
        <source>SEGERA</source>
        <comment>referral_urgent</comment>
        <translation>URGENT</translation>
    </message>
    <message>
        <source>Hasil kritis: catat tindakan sebelum konfirmasi</source>
        <comment>critical_title</comment>
        <translation>Critical result: record what was done before confirming</translation>
    </message>
    <message>
        <source>— pilih tindakan —</source>
        <comment>critical_choose</comment>
        <translation>— choose what was done —</translation>
    </message>
    <message>
        <source>Dirujuk</source>
        <comment>critical_referred</comment>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Sudah diperiksa dokter</source>
        <comment>critical_seen_by_doctor</comment>
        <translation>Seen by a doctor</translation>
    </message>
    <message>
        <source>Orang menolak</source>
        <comment>critical_declined</comment>
        <translation>Person declined</translation>
    </message>
    <message>
        <source>Catatan (opsional)</source>
        <comment>critical_note</comment>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>CKG</source>
        <comment>ckg</comment>
        <translation>CKG</translation>
    </message>
    <message>
        <source>Alat bantu keputusan, bukan diagnosis.</source>
        <comment>disclaimer</comment>
        <translation>Decision support, not a diagnosis.</translation>
    </message>
    <message>
        <source>SIMULATOR — nilai dari alat simulasi, bukan pengukuran sebenarnya</source>
        <comment>simulator_banner</comment>
        <translation>SIMULATOR — values from a simulated device, not a real measurement</translation>
    </message>
    <message>
        <source>Siap</source>
        <comment>state_idle</comment>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Mencari alat…</source>
        <comment>state_searching</comment>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Menghubungkan…</source>
        <comment>state_connecting</comment>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Terhubung</source>
        <comment>state_connected</comment>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Mengukur…</source>
        <comment>state_measuring</comment>
        <translation>Measuring…</translation>
    </message>
    <message>
        <source>Hasil diterima</source>
        <comment>state_reading_received</comment>
        <translation>Reading received</translation>
    </message>
    <message>
        <source>Terputus</source>
        <comment>state_disconnected</comment>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Galat</source>
        <comment>state_error</comment>
        <translation>Error</translation>
    </message>
    <message>
        <source>Waktu</source>
        <comment>col_time</comment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <comment>col_what</comment>
        <translation>What</translation>
    </message>
    <message>
        <source>Nilai</source>
        <comment>col_value</comment>
        <translation>Value</translation>
    </message>
    <message>
        <source>Alat</source>
        <comment>col_device</comment>
        <translation>Device</translation>
    </message>
    <message>
        <source>DITOLAK</source>
        <comment>blocked</comment>
        <translation>BLOCKED</translation>
    </message>
    <message>
        <source>diabaikan</source>
        <comment>ignored</comment>
        <translation>ignored</translation>
    </message>
    <message>
        <source>DITOLAK</source>
        <comment>severity_invalid</comment>
        <translation>INVALID</translation>
    </message>
    <message>
        <source>KRITIS</source>
        <comment>severity_critical</comment>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>tidak normal</source>
        <comment>severity_abnormal</comment>
        <translation>abnormal</translation>
    </message>
    <message>
        <source>catatan</source>
        <comment>severity_notice</comment>
        <translation>notice</translation>
    </message>
    <message>
        <source>normal</source>
        <comment>severity_normal</comment>
        <translation>normal</translation>
    </message>
    <message>
        <source>nadi</source>
        <comment>pulse</comment>
        <translation>pulse</translation>
    </message>
    <message>
        <source>Belum ada hasil.</source>
        <comment>no_result</comment>
        <translation>No result yet.</translation>
    </message>
    <message>
        <source>Pemeriksaan berjalan untuk {name}</source>
        <comment>visit_open</comment>
        <translation>Visit in progress for {name}</translation>
    </message>
    <message>
        <source>Hasil dikonfirmasi dan disimpan.</source>
        <comment>confirmed</comment>
        <translation>Results confirmed and stored.</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan.</source>
        <comment>cancelled</comment>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <source>Kunjungan belum selesai saat stasiun berhenti: antrean {queue}, {name}, {readings} pengukuran. Lanjutkan atau batalkan?</source>
        <comment>interrupted</comment>
        <translation>A visit was still open when the station stopped: queue {queue}, {name}, {readings} readings. Resume or cancel it?</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <comment>resume</comment>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Batalkan kunjungan itu</source>
        <comment>cancel_interrupted</comment>
        <translation>Cancel that visit</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <comment>language</comment>
        <translation>Language</translation>
    </message>
    <message>
        <source>Panggil ulang</source>
        <comment>recall</comment>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Lewati (tidak hadir)</source>
        <comment>skip</comment>
        <translation>Skip (no-show)</translation>
    </message>
    <message>
        <source>Nomor {n} dipanggil ulang.</source>
        <comment>recalled</comment>
        <translation>Number {n} called again.</translation>
    </message>
    <message>
        <source>Nomor {n} dilewati (tidak hadir).</source>
        <comment>skipped</comment>
        <translation>Number {n} skipped (no-show).</translation>
    </message>
    <message>
        <source>{what} ({seconds} dtk)</source>
        <comment>measure_in</comment>
        <translation>{what} ({seconds} s)</translation>
    </message>
    <message>
        <source>Isi manual</source>
        <comment>enter_manually</comment>
        <translation>Enter by hand</translation>
    </message>
    <message>
        <source>tidak ada alat — isi manual</source>
        <comment>no_device</comment>
        <translation>no device — enter by hand</translation>
    </message>
    <message>
        <source>Buang hasil terpilih</source>
        <comment>discard_reading</comment>
        <translation>Discard selected reading</translation>
    </message>
    <message>
        <source>Alasan membuang hasil ini:</source>
        <comment>discard_reason</comment>
        <translation>Why is this reading discarded?</translation>
    </message>
    <message>
        <source>DIBUANG</source>
        <comment>discarded</comment>
        <translation>DISCARDED</translation>
    </message>
    <message>
        <source>Alasan konfirmasi sebelum protokol selesai</source>
        <comment>early_reason</comment>
        <translation>Reason to confirm before the protocol is complete</translation>
    </message>
    <message>
        <source>Basis data: {where}</source>
        <comment>status_database</comment>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <source>Meja</source>
        <comment>tab_desk</comment>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <comment>tab_day</comment>
        <translation>Today</translation>
    </message>
    <message>
        <source>Koreksi kunjungan terpilih</source>
        <comment>correct_visit</comment>
        <translation>Correct selected visit</translation>
    </message>
    <message>
        <source>Koreksi antrean {queue} disimpan; hasil dan unggahan diperbarui.</source>
        <comment>corrected</comment>
        <translation>Correction of queue {queue} stored; results and upload updated.</translation>
    </message>
    <message>
        <source>Layar pasien</source>
        <comment>patient_screen_toggle</comment>
        <translation>Patient screen</translation>
    </message>
    <message>
        <source>Pasien: {language}</source>
        <comment>patient_language</comment>
        <translation>Patient&apos;s language: {language}</translation>
    </message>
    <message>
        <source>ID</source>
        <comment>language_name_id</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>EN</source>
        <comment>language_name_en</comment>
        <translation>EN</translation>
    </message>
    <message>
        <source>&amp;Bahasa / Language</source>
        <comment>language_menu</comment>
        <translation>&amp;Bahasa / Language</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <comment>language_id</comment>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <comment>language_en</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <comment>tab_followups</comment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan</source>
        <comment>patient_title</comment>
        <translation>Your results</translation>
    </message>
    <message>
        <source>Selamat datang</source>
        <comment>welcome</comment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Cek Kesehatan Gratis — silakan menunggu nomor Anda dipanggil</source>
        <comment>welcome_sub</comment>
        <translation>Free health check — please wait for your number</translation>
    </message>
    <message>
        <source>silakan ke meja {desk}</source>
        <comment>please_come</comment>
        <translation>please come to desk {desk}</translation>
    </message>
    <message>
        <source>Hasil untuk {name}</source>
        <comment>results_for</comment>
        <translation>Results for {name}</translation>
    </message>
    <message>
        <source>Tekanan darah</source>
        <comment>p_blood_pressure</comment>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Saturasi oksigen (SpO2)</source>
        <comment>p_spo2</comment>
        <translation>Oxygen saturation (SpO2)</translation>
    </message>
    <message>
        <source>Denyut nadi</source>
        <comment>p_heart_rate</comment>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>kali per menit</source>
        <comment>per_minute</comment>
        <translation>beats per minute</translation>
    </message>
    <message>
        <source>Ini hasil pemeriksaan awal, bukan diagnosis. Tanyakan kepada petugas kesehatan.</source>
        <comment>patient_disclaimer</comment>
        <translation>These are screening results, not a diagnosis. Ask the health worker.</translation>
    </message>
    <message>
        <source>Unggah SATUSEHAT</source>
        <comment>upload</comment>
        <translation>SATUSEHAT upload</translation>
    </message>
    <message>
        <source>SATUSEHAT (kunjungan)</source>
        <comment>upload_visits</comment>
        <translation>SATUSEHAT (visits)</translation>
    </message>
    <message>
        <source>terakhir terkirim {at}</source>
        <comment>upload_last</comment>
        <translation>last sent {at}</translation>
    </message>
    <message>
        <source>Unggah SATUSEHAT: memeriksa…</source>
        <comment>upload_unknown</comment>
        <translation>SATUSEHAT upload: checking…</translation>
    </message>
    <message>
        <source>{n} menunggu</source>
        <comment>upload_waiting</comment>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>{n} terkirim</source>
        <comment>upload_sent</comment>
        <translation>{n} sent</translation>
    </message>
    <message>
        <source>{n} gagal (dicoba lagi)</source>
        <comment>upload_failed</comment>
        <translation>{n} failed (will retry)</translation>
    </message>
    <message>
        <source>{n} perlu tindakan</source>
        <comment>upload_dead</comment>
        <translation>{n} need a person</translation>
    </message>
    <message>
        <source>dijeda: SATUSEHAT belum diatur, hasil tetap tersimpan</source>
        <comment>upload_paused</comment>
        <translation>paused: SATUSEHAT not configured, results are kept</translation>
    </message>
    <message>
        <source>Masalah unggah</source>
        <comment>upload_problems</comment>
        <translation>Upload problems</translation>
    </message>
    <message>
        <source>Tidak ada masalah unggah.</source>
        <comment>upload_no_problems</comment>
        <translation>No upload problems.</translation>
    </message>
    <message>
        <source>Kirim ulang</source>
        <comment>upload_retry</comment>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Antrean</source>
        <comment>upload_col_queue</comment>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>upload_col_name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>upload_col_status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pesan server</source>
        <comment>upload_col_message</comment>
        <translation>Server&apos;s message</translation>
    </message>
    <message>
        <source>perlu tindakan</source>
        <comment>upload_state_dead</comment>
        <translation>needs a person</translation>
    </message>
    <message>
        <source>gagal {n} kali, coba lagi {at}</source>
        <comment>upload_state_failed</comment>
        <translation>failed {n} times, next try {at}</translation>
    </message>
    <message>
        <source>Tutup</source>
        <comment>close</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>SIMULATOR — bukan hasil pemeriksaan sebenarnya</source>
        <comment>patient_simulator</comment>
        <translation>SIMULATOR — not a real measurement</translation>
    </message>
    <message>
        <source>(diinput manual)</source>
        <comment>manual_marker</comment>
        <translation>(entered by hand)</translation>
    </message>
    <message>
        <source>diinput manual</source>
        <comment>source_manual</comment>
        <translation>manual entry</translation>
    </message>
    <message>
        <source>Input manual: tekanan darah</source>
        <comment>manual_title_blood_pressure</comment>
        <translation>Enter by hand: blood pressure</translation>
    </message>
    <message>
        <source>Input manual: SpO2</source>
        <comment>manual_title_spo2</comment>
        <translation>Enter by hand: SpO2</translation>
    </message>
    <message>
        <source>Ketik nilai yang terbaca, bilangan bulat. Nilai diperiksa seperti bacaan alat.</source>
        <comment>manual_hint</comment>
        <translation>Type the values as read, in whole numbers. They are checked like a device reading.</translation>
    </message>
    <message>
        <source>Sistolik (mmHg)</source>
        <comment>manual_field_systolic</comment>
        <translation>Systolic (mmHg)</translation>
    </message>
    <message>
        <source>Diastolik (mmHg)</source>
        <comment>manual_field_diastolic</comment>
        <translation>Diastolic (mmHg)</translation>
    </message>
    <message>
        <source>Nadi (/menit)</source>
        <comment>manual_field_pulse_rate</comment>
        <translation>Pulse (/min)</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <comment>manual_field_spo2</comment>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>opsional</source>
        <comment>manual_optional</comment>
        <translation>optional</translation>
    </message>
    <message>
        <source>Simpan</source>
        <comment>manual_save</comment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Dapat disimpan.</source>
        <comment>manual_ready</comment>
        <translation>Ready to save.</translation>
    </message>
    <message>
        <source>16 digit: ketik atau pindai</source>
        <comment>nik_placeholder</comment>
        <translation>16 digits: type or scan</translation>
    </message>
    <message>
        <source>Lanjut (Enter)</source>
        <comment>identify_next</comment>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <source>Tidak diketahui</source>
        <comment>birth_date_unknown</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>DD-MM-YYYY</source>
        <comment>birth_date_placeholder</comment>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <source>{date} (NIK)</source>
        <comment>birth_date_nik_placeholder</comment>
        <translation>{date} (NIK)</translation>
    </message>
    <message>
        <source>Pilih dari kalender</source>
        <comment>calendar_tip</comment>
        <translation>Pick from a calendar</translation>
    </message>
    <message>
        <source>Bila tidak diketahui, centang “Tidak diketahui”.</source>
        <comment>birth_date_or_unknown</comment>
        <translation>If it is not known, tick “Unknown”.</translation>
    </message>
    <message>
        <source>Tanggal lahir dari NIK: {date} — Enter untuk memakai</source>
        <comment>nik_proposal</comment>
        <translation>Birth date from the NIK: {date} — Enter to use it</translation>
    </message>
    <message>
        <source>Kunjungan terakhir {day}{status}: {name}, {birth}</source>
        <comment>previous_visit</comment>
        <translation>Last visit {day}{status}: {name}, {birth}</translation>
    </message>
    <message>
        <source> (dibatalkan)</source>
        <comment>previous_cancelled</comment>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source> (belum selesai)</source>
        <comment>previous_open</comment>
        <translation> (not finished)</translation>
    </message>
    <message>
        <source> — Enter untuk memakai</source>
        <comment>use_with_enter</comment>
        <translation> — Enter to use it</translation>
    </message>
    <message>
        <source>tgl. lahir tidak diketahui</source>
        <comment>birth_unknown_short</comment>
        <translation>birth date unknown</translation>
    </message>
    <message>
        <source>{age} tahun</source>
        <comment>age_years</comment>
        <translation>{age} years</translation>
    </message>
    <message>
        <source>Benar orangnya? Enter = ya, Esc = ubah</source>
        <comment>confirm_question</comment>
        <translation>The right person? Enter = yes, Esc = change</translation>
    </message>
    <message>
        <source>Ya, mulai (Enter)</source>
        <comment>confirm_yes</comment>
        <translation>Yes, start (Enter)</translation>
    </message>
    <message>
        <source>Ubah (Esc)</source>
        <comment>confirm_change</comment>
        <translation>Change (Esc)</translation>
    </message>
    <message>
        <source>SATUSEHAT: memeriksa…</source>
        <comment>registry_checking</comment>
        <translation>SATUSEHAT: checking…</translation>
    </message>
    <message>
        <source>✓ Terdaftar di SATUSEHAT</source>
        <comment>registry_registered</comment>
        <translation>✓ Registered at SATUSEHAT</translation>
    </message>
    <message>
        <source>Tidak ditemukan di SATUSEHAT — daftarkan dulu</source>
        <comment>registry_not_found</comment>
        <translation>Not found at SATUSEHAT — register them first</translation>
    </message>
    <message>
        <source>SATUSEHAT tidak terjangkau; pengukuran tetap bisa</source>
        <comment>registry_offline</comment>
        <translation>SATUSEHAT unreachable; measuring goes on</translation>
    </message>
    <message>
        <source>SATUSEHAT tidak menjawab; pengukuran tetap bisa</source>
        <comment>registry_timeout</comment>
        <translation>SATUSEHAT did not answer; measuring goes on</translation>
    </message>
    <message>
        <source>Cek SATUSEHAT gagal; pengukuran tetap bisa</source>
        <comment>registry_error</comment>
        <translation>SATUSEHAT check failed; measuring goes on</translation>
    </message>
    <message>
        <source>Kunjungan {day}</source>
        <comment>day_title</comment>
        <translation>Visits on {day}</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <comment>refresh</comment>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Belum ada kunjungan pada hari ini.</source>
        <comment>day_empty</comment>
        <translation>No visits on this day yet.</translation>
    </message>
    <message>
        <source>Antrean</source>
        <comment>day_col_queue</comment>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Jam</source>
        <comment>day_col_time</comment>
        <translation>Time</translation>
    </message>
    <message>
        <source>NIK</source>
        <comment>day_col_nik</comment>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>day_col_name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>day_col_status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <comment>day_col_referral</comment>
        <translation>Referral</translation>
    </message>
    <message>
        <source>SATUSEHAT</source>
        <comment>day_col_upload</comment>
        <translation>SATUSEHAT</translation>
    </message>
    <message>
        <source>berjalan</source>
        <comment>visit_status_open</comment>
        <translation>in progress</translation>
    </message>
    <message>
        <source>selesai</source>
        <comment>visit_status_confirmed</comment>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>dibatalkan</source>
        <comment>visit_status_cancelled</comment>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>terkirim</source>
        <comment>day_upload_sent</comment>
        <translation>sent</translation>
    </message>
    <message>
        <source>menunggu</source>
        <comment>day_upload_waiting</comment>
        <translation>waiting</translation>
    </message>
    <message>
        <source>perlu tindakan</source>
        <comment>day_upload_dead</comment>
        <translation>needs a person</translation>
    </message>
    <message>
        <source>tidak ada data</source>
        <comment>day_upload_none</comment>
        <translation>nothing to send</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <comment>sum_visits</comment>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Selesai</source>
        <comment>sum_confirmed</comment>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <comment>sum_cancelled</comment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Berjalan</source>
        <comment>sum_open</comment>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Nomor dilewati</source>
        <comment>sum_skipped</comment>
        <translation>Numbers skipped</translation>
    </message>
    <message>
        <source>Input manual</source>
        <comment>sum_manual</comment>
        <translation>Typed by hand</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <comment>sum_sent</comment>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Menunggu kirim</source>
        <comment>sum_waiting</comment>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Gagal kirim</source>
        <comment>sum_dead</comment>
        <translation>Upload needs a person</translation>
    </message>
    <message>
        <source>Orang diperiksa per kelompok usia</source>
        <comment>sum_people</comment>
        <translation>People checked by age group</translation>
    </message>
    <message>
        <source>0-6 th</source>
        <comment>stream_0-6</comment>
        <translation>0-6 y</translation>
    </message>
    <message>
        <source>7-17 th</source>
        <comment>stream_7-17</comment>
        <translation>7-17 y</translation>
    </message>
    <message>
        <source>18-59 th</source>
        <comment>stream_18-59</comment>
        <translation>18-59 y</translation>
    </message>
    <message>
        <source>60+ th</source>
        <comment>stream_60+</comment>
        <translation>60+ y</translation>
    </message>
    <message>
        <source>usia tak diketahui</source>
        <comment>stream_unknown</comment>
        <translation>age unknown</translation>
    </message>
    <message>
        <source>Kunjungan per jam</source>
        <comment>chart_per_hour</comment>
        <translation>Visits per hour</translation>
    </message>
    <message>
        <source>Rujukan (hasil dikonfirmasi)</source>
        <comment>chart_referrals</comment>
        <translation>Referrals (confirmed)</translation>
    </message>
    <message>
        <source>Tindak lanjut rujukan</source>
        <comment>fu_title</comment>
        <translation>Referral follow-up</translation>
    </message>
    <message>
        <source>{n} orang perlu dihubungi</source>
        <comment>fu_count</comment>
        <translation>{n} to contact</translation>
    </message>
    <message>
        <source>Hanya yang sudah jatuh tempo</source>
        <comment>fu_only_due</comment>
        <translation>Only those due</translation>
    </message>
    <message>
        <source>Ekspor CSV</source>
        <comment>fu_export</comment>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Simpan daftar tindak lanjut</source>
        <comment>fu_export_title</comment>
        <translation>Save the follow-up list</translation>
    </message>
    <message>
        <source>{n} baris disimpan ke {path}</source>
        <comment>fu_saved</comment>
        <translation>{n} rows saved to {path}</translation>
    </message>
    <message>
        <source>Tidak dapat menyimpan {path}: {reason}</source>
        <comment>fu_save_failed</comment>
        <translation>Could not save {path}: {reason}</translation>
    </message>
    <message>
        <source>Tidak ada orang yang perlu ditindaklanjuti.</source>
        <comment>fu_empty</comment>
        <translation>Nobody to follow up.</translation>
    </message>
    <message>
        <source>Tanggal periksa</source>
        <comment>fu_col_day</comment>
        <translation>Visit day</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <comment>fu_col_due</comment>
        <translation>Due</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <comment>fu_col_state</comment>
        <translation>State</translation>
    </message>
    <message>
        <source>terlambat {n} hari</source>
        <comment>fu_state_overdue</comment>
        <translation>{n} day(s) overdue</translation>
    </message>
    <message>
        <source>jatuh tempo hari ini</source>
        <comment>fu_state_due</comment>
        <translation>due today</translation>
    </message>
    <message>
        <source>dalam {n} hari</source>
        <comment>fu_state_upcoming</comment>
        <translation>in {n} day(s)</translation>
    </message>
    <message>
        <source>✓ sudah kembali</source>
        <comment>fu_state_returned</comment>
        <translation>✓ came back</translation>
    </message>
    <message>
        <source>Koreksi hari ini — antrean {queue}, {name}</source>
        <comment>corr_title</comment>
        <translation>Same-day correction — queue {queue}, {name}</translation>
    </message>
    <message>
        <source>Pilih bacaan yang salah, lalu ketik nilai baru atau buang bacaannya.</source>
        <comment>corr_choose</comment>
        <translation>Choose the wrong reading, then type its new values or discard it.</translation>
    </message>
    <message>
        <source>No.</source>
        <comment>corr_col_no</comment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>corr_col_state</comment>
        <translation>State</translation>
    </message>
    <message>
        <source>dipakai</source>
        <comment>corr_state_counts</comment>
        <translation>counts</translation>
    </message>
    <message>
        <source>dibuang</source>
        <comment>corr_state_discarded</comment>
        <translation>discarded</translation>
    </message>
    <message>
        <source>Kosong = nilai tetap ({value})</source>
        <comment>corr_keep_hint</comment>
        <translation>Empty = value unchanged ({value})</translation>
    </message>
    <message>
        <source>Buang bacaan ini</source>
        <comment>corr_discard</comment>
        <translation>Discard this reading</translation>
    </message>
    <message>
        <source>Catat perubahan bacaan ini</source>
        <comment>corr_apply</comment>
        <translation>Record this reading&apos;s change</translation>
    </message>
    <message>
        <source>Perubahan yang akan disimpan</source>
        <comment>corr_changes</comment>
        <translation>Changes to be saved</translation>
    </message>
    <message>
        <source>Belum ada perubahan.</source>
        <comment>corr_no_changes</comment>
        <translation>No change yet.</translation>
    </message>
    <message>
        <source>Bacaan {n}: nilai baru {value}</source>
        <comment>corr_change_values</comment>
        <translation>Reading {n}: new values {value}</translation>
    </message>
    <message>
        <source>Bacaan {n}: dibuang</source>
        <comment>corr_change_discard</comment>
        <translation>Reading {n}: discarded</translation>
    </message>
    <message>
        <source>Alasan koreksi (wajib)</source>
        <comment>corr_reason</comment>
        <translation>Reason for the correction (required)</translation>
    </message>
    <message>
        <source>Simpan koreksi</source>
        <comment>corr_save</comment>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>Pilih bacaannya dulu.</source>
        <comment>corr_no_reading</comment>
        <translation>Choose the reading first.</translation>
    </message>
    <message>
        <source>Ketik nilai baru, atau centang buang.</source>
        <comment>corr_nothing_typed</comment>
        <translation>Type the new values, or tick discard.</translation>
    </message>
    <message>
        <source>Hasil koreksi kritis: catat tindakan yang diambil</source>
        <comment>corr_critical</comment>
        <translation>The corrected result is critical: record what was done</translation>
    </message>
    <message>
        <source>Koreksi sebelumnya</source>
        <comment>corr_previous</comment>
        <translation>Earlier corrections</translation>
    </message>
    <message>
        <source>{at}: {reason}</source>
        <comment>corr_previous_line</comment>
        <translation>{at}: {reason}</translation>
    </message>
    <message>
        <source>Masuk ke meja {desk}</source>
        <comment>signin_title</comment>
        <translation>Sign in at desk {desk}</translation>
    </message>
    <message>
        <source>Ketik nama dan PIN Anda. Semua yang Anda catat tercatat atas nama Anda.</source>
        <comment>signin_hint</comment>
        <translation>Type your name and PIN. Everything you record is recorded under your name.</translation>
    </message>
    <message>
        <source>Meja masih disiapkan; Anda masuk sebentar lagi.</source>
        <comment>signin_starting</comment>
        <translation>The desk is still starting; you will be signed in in a moment.</translation>
    </message>
    <message>
        <source>Nama petugas</source>
        <comment>signin_name</comment>
        <translation>Operator&apos;s name</translation>
    </message>
    <message>
        <source>PIN atau kata sandi</source>
        <comment>signin_pin</comment>
        <translation>PIN or password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <comment>signin_button</comment>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Meja dikunci setelah {minutes} menit tanpa aktivitas.</source>
        <comment>signin_locked_idle</comment>
        <translation>The desk locked after {minutes} minutes without activity.</translation>
    </message>
    <message>
        <source>Meja dikunci.</source>
        <comment>signin_locked_hand</comment>
        <translation>The desk is locked.</translation>
    </message>
    <message>
        <source>Kunjungan antrean {queue} tetap terbuka dan dilanjutkan setelah masuk.</source>
        <comment>signin_visit_kept</comment>
        <translation>The visit of queue number {queue} stays open and goes on after sign-in.</translation>
    </message>
    <message>
        <source>Penyiapan pertama: buat admin klinik</source>
        <comment>setup_title</comment>
        <translation>First start: create the clinic&apos;s admin</translation>
    </message>
    <message>
        <source>Belum ada petugas. Admin menambah petugas lain dan mengatur stasiun. Tidak ada kata sandi bawaan.</source>
        <comment>setup_hint</comment>
        <translation>There are no operators yet. The admin adds the other operators and manages the station. There is no default password.</translation>
    </message>
    <message>
        <source>NIK tenaga kesehatan</source>
        <comment>setup_nik</comment>
        <translation>Practitioner&apos;s NIK</translation>
    </message>
    <message>
        <source>PIN sekali lagi</source>
        <comment>setup_pin_again</comment>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Buat admin dan masuk</source>
        <comment>setup_button</comment>
        <translation>Create the admin and sign in</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik lagi.</source>
        <comment>setup_pin_mismatch</comment>
        <translation>The two PINs differ. Type them again.</translation>
    </message>
    <message>
        <source>Petugas: {name} ({role})</source>
        <comment>operator_line</comment>
        <translation>Operator: {name} ({role})</translation>
    </message>
    <message>
        <source>Kunci / ganti petugas</source>
        <comment>lock_desk</comment>
        <translation>Lock / switch operator</translation>
    </message>
    <message>
        <source>Petugas</source>
        <comment>tab_operators</comment>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Petugas stasiun</source>
        <comment>ops_title</comment>
        <translation>Station operators</translation>
    </message>
    <message>
        <source>{active} aktif, {disabled} dinonaktifkan</source>
        <comment>ops_count</comment>
        <translation>{active} active, {disabled} disabled</translation>
    </message>
    <message>
        <source>Hanya untuk admin. Setiap perubahan tercatat atas nama Anda. NIK ditampilkan tersamar; PIN tidak pernah ditampilkan.</source>
        <comment>ops_hint</comment>
        <translation>For the admin only. Every change is recorded under your name. NIKs are shown masked; a PIN is never shown.</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>ops_col_name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <comment>ops_col_role</comment>
        <translation>Role</translation>
    </message>
    <message>
        <source>NIK tenaga kesehatan</source>
        <comment>ops_col_nik</comment>
        <translation>Practitioner&apos;s NIK</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>ops_col_state</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>aktif</source>
        <comment>ops_active</comment>
        <translation>active</translation>
    </message>
    <message>
        <source>dinonaktifkan</source>
        <comment>ops_disabled</comment>
        <translation>disabled</translation>
    </message>
    <message>
        <source>Tambah petugas</source>
        <comment>ops_add_title</comment>
        <translation>Add an operator</translation>
    </message>
    <message>
        <source>Nama petugas</source>
        <comment>ops_name</comment>
        <translation>Operator&apos;s name</translation>
    </message>
    <message>
        <source>Peran</source>
        <comment>ops_role</comment>
        <translation>Role</translation>
    </message>
    <message>
        <source>Tambah petugas</source>
        <comment>ops_add_button</comment>
        <translation>Add the operator</translation>
    </message>
    <message>
        <source>{name} ditambahkan ({role}).</source>
        <comment>ops_added</comment>
        <translation>{name} added ({role}).</translation>
    </message>
    <message>
        <source>Petugas terpilih</source>
        <comment>ops_chosen_title</comment>
        <translation>Chosen operator</translation>
    </message>
    <message>
        <source>Pilih petugas di daftar (klik, atau panah atas/bawah).</source>
        <comment>ops_none_chosen</comment>
        <translation>Choose an operator in the list (click, or the up and down arrows).</translation>
    </message>
    <message>
        <source>{name} — {role}, {state}</source>
        <comment>ops_chosen</comment>
        <translation>{name} — {role}, {state}</translation>
    </message>
    <message>
        <source>NIK baru</source>
        <comment>ops_new_nik</comment>
        <translation>New NIK</translation>
    </message>
    <message>
        <source>Ganti NIK</source>
        <comment>ops_set_nik_button</comment>
        <translation>Change the NIK</translation>
    </message>
    <message>
        <source>NIK {name} diganti.</source>
        <comment>ops_nik_changed</comment>
        <translation>{name}&apos;s NIK changed.</translation>
    </message>
    <message>
        <source>PIN baru</source>
        <comment>ops_new_pin</comment>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Atur ulang PIN</source>
        <comment>ops_set_pin_button</comment>
        <translation>Reset the PIN</translation>
    </message>
    <message>
        <source>PIN {name} diatur ulang (kuncian karena PIN salah juga dibuka).</source>
        <comment>ops_pin_set</comment>
        <translation>{name}&apos;s PIN reset (a lockout after wrong PINs ended too).</translation>
    </message>
    <message>
        <source>Nonaktifkan…</source>
        <comment>ops_disable_button</comment>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Nonaktifkan {name}? Ia tidak bisa masuk lagi; catatannya tetap disimpan.</source>
        <comment>ops_disable_question</comment>
        <translation>Disable {name}? They can no longer sign in; their records are kept.</translation>
    </message>
    <message>
        <source>Ya, nonaktifkan</source>
        <comment>ops_disable_yes</comment>
        <translation>Yes, disable</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>ops_disable_no</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{name} dinonaktifkan.</source>
        <comment>ops_disabled_done</comment>
        <translation>{name} disabled.</translation>
    </message>
</context>
</TS>
