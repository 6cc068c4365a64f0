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
