<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountActions</name>
    <message>
        <source>{n} × about {amount}</source>
        <translation>{n} × sekitar {amount}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Uang muka</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Jumlah yang harus dibayar</translation>
    </message>
    <message>
        <source>Down payment due</source>
        <translation>Uang muka yang harus dibayar</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Cicilan</translation>
    </message>
    <message>
        <source>Balance of the plan</source>
        <translation>Sisa cicilan</translation>
    </message>
    <message>
        <source>Instalment {n}, due {day}</source>
        <translation>Cicilan ke-{n}, jatuh tempo {day}</translation>
    </message>
    <message>
        <source>Pay instalment</source>
        <translation>Bayar cicilan</translation>
    </message>
    <message>
        <source>Receipt {no}</source>
        <translation>Kwitansi {no}</translation>
    </message>
    <message>
        <source>Receipt {no}: {outcome}</source>
        <translation>Kwitansi {no}: {outcome}</translation>
    </message>
    <message>
        <source>Receipt {no} was not printed: {reason} The payment is saved; reprint the receipt (F7) when the printer is ready.</source>
        <translation>Kwitansi {no} belum tercetak: {reason} Pembayaran sudah tersimpan; cetak ulang kwitansi (F7) setelah printer siap.</translation>
    </message>
    <message>
        <source>Receipt {no}: {amount} received ({method}).</source>
        <translation>Kwitansi {no}: {amount} diterima ({method}).</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Kembalian: {amount}</translation>
    </message>
    <message>
        <source>Instalment {n}: {amount}</source>
        <translation>Cicilan ke-{n}: {amount}</translation>
    </message>
    <message>
        <source>Unseal work order {no} issued.</source>
        <translation>SPK buka segel {no} diterbitkan.</translation>
    </message>
    <message>
        <source>Balance left: {amount}</source>
        <translation>Sisa cicilan: {amount}</translation>
    </message>
    <message>
        <source>(next due {day})</source>
        <translation>(jatuh tempo berikutnya {day})</translation>
    </message>
    <message>
        <source>The plan is paid off.</source>
        <translation>Cicilan sudah lunas.</translation>
    </message>
    <message>
        <source>Change request recorded for head office: {changes}</source>
        <translation>Permohonan perubahan dicatat untuk kantor pusat: {changes}</translation>
    </message>
    <message>
        <source>Receipt {no} was voided.</source>
        <translation>Kwitansi {no} telah dibatalkan.</translation>
    </message>
    <message>
        <source>The enrolment is cancelled.</source>
        <translation>Kepesertaan program dibatalkan.</translation>
    </message>
    <message>
        <source>Unseal work order {no} is cancelled.</source>
        <translation>SPK buka segel {no} dibatalkan.</translation>
    </message>
    <message>
        <source>Re-seal work order {no} issued.</source>
        <translation>SPK segel ulang {no} diterbitkan.</translation>
    </message>
    <message>
        <source>Receipt {no} ({kind}, {amount}) was voided.</source>
        <translation>Kwitansi {no} ({kind}, {amount}) telah dibatalkan.</translation>
    </message>
    <message>
        <source>Receipt voided</source>
        <translation>Kwitansi dibatalkan</translation>
    </message>
    <message>
        <source>Preparing a copy of receipt {no}…</source>
        <translation>Menyiapkan salinan kwitansi {no}…</translation>
    </message>
    <message>
        <source>Copy of receipt {no}</source>
        <translation>Salinan kwitansi {no}</translation>
    </message>
</context>
<context>
    <name>AccountLabels</name>
    <message>
        <source>SEALED</source>
        <translation>SEGEL</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTIF</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>PUTUS</translation>
    </message>
    <message>
        <source>PLAN: ACTIVE</source>
        <translation>CICILAN: AKTIF</translation>
    </message>
    <message>
        <source>PLAN: PAID OFF</source>
        <translation>CICILAN: LUNAS</translation>
    </message>
    <message>
        <source>PLAN: BROKEN</source>
        <translation>CICILAN: GAGAL</translation>
    </message>
    <message>
        <source>PLAN: CANCELLED</source>
        <translation>CICILAN: BATAL</translation>
    </message>
    <message>
        <source>PLAN: REFUSED BY HEAD OFFICE</source>
        <translation>CICILAN: DITOLAK KANTOR PUSAT</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>paid off</source>
        <translation>lunas</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>batal</translation>
    </message>
    <message>
        <source>refused by head office</source>
        <translation>ditolak kantor pusat</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Lunas</translation>
    </message>
    <message>
        <source>Not yet paid</source>
        <translation>Belum dibayar</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Not payable</source>
        <translation>Tidak dapat dibayar</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Uang muka</translation>
    </message>
    <message>
        <source>Instalment payment</source>
        <translation>Pembayaran cicilan</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Transfer bank</translation>
    </message>
    <message>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <source>Open the seal</source>
        <translation>Buka segel</translation>
    </message>
    <message>
        <source>Seal again</source>
        <translation>Segel ulang</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kwitansi</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Surat perjanjian</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Perintah kerja</translation>
    </message>
    <message>
        <source>Head office refused this plan: the customer was enrolled at branch {branch} first (since {day}).</source>
        <translation>Kantor pusat menolak cicilan ini: pelanggan lebih dulu terdaftar di cabang {branch} (sejak {day}).</translation>
    </message>
    <message>
        <source>Head office refused this plan ({reason}).</source>
        <translation>Kantor pusat menolak cicilan ini ({reason}).</translation>
    </message>
    <message>
        <source>Head office keeps the down payment {receipt} as a credit. Take no more payments on this plan: a supervisor should void its receipts (F6) and refund the customer.</source>
        <translation>Uang muka {receipt} disimpan kantor pusat sebagai dana titipan. Jangan terima pembayaran lagi untuk cicilan ini: supervisor perlu membatalkan kwitansinya (F6) dan mengembalikan uang pelanggan.</translation>
    </message>
    <message>
        <source>Promotion: enrolled at branch {branch}</source>
        <translation>Program promo: terdaftar di cabang {branch}</translation>
    </message>
    <message>
        <source>(part paid)</source>
        <translation>(dibayar sebagian)</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>BATAL: {reason}</translation>
    </message>
    <message>
        <source>(copy {n})</source>
        <translation>(salinan {n})</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Arrears by period</source>
        <translation>Tunggakan per periode</translation>
    </message>
    <message>
        <source>Instalment schedule</source>
        <translation>Jadwal cicilan</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Riwayat pembayaran</translation>
    </message>
    <message>
        <source>Open work orders</source>
        <translation>SPK terbuka</translation>
    </message>
    <message>
        <source>Documents (Enter opens)</source>
        <translation>Dokumen (Enter untuk membuka)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Connection no.</source>
        <translation>No. sambungan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Tariff / meter</source>
        <translation>Golongan tarif / meter</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Tunggakan</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Rekening air</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>Total tagihan</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Program promo</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Jumlah yang harus dibayar</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Request data change…</source>
        <translation>Ajukan perubahan data…</translation>
    </message>
    <message>
        <source>Unpaid bills: {n}</source>
        <translation>Rekening belum dibayar: {n}</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Sisa</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Jatuh tempo berikutnya</translation>
    </message>
    <message>
        <source>F5 Enrol</source>
        <translation>F5 Daftar program</translation>
    </message>
    <message>
        <source>F8 Pay instalment</source>
        <translation>F8 Bayar cicilan</translation>
    </message>
    <message>
        <source>F6 Void</source>
        <translation>F6 Batalkan kwitansi</translation>
    </message>
    <message>
        <source>F7 Reprint</source>
        <translation>F7 Cetak ulang</translation>
    </message>
    <message>
        <source>Esc Back</source>
        <translation>Esc Kembali</translation>
    </message>
    <message>
        <source>{address}, RT {rt}/RW {rw}</source>
        <translation>{address}, RT {rt}/RW {rw}</translation>
    </message>
    <message>
        <source>Promotion: not enrolled</source>
        <translation>Program promo: belum ikut</translation>
    </message>
    <message>
        <source>{name} (since {day})</source>
        <translation>{name} (sejak {day})</translation>
    </message>
</context>
<context>
    <name>AccountTables</name>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Usage m³</source>
        <translation>Pemakaian m³</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Tagihan</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <source>Part of the instalment plan</source>
        <translation>Termasuk dalam cicilan</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>No. kwitansi</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Waktu bayar</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Untuk</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>No. SPK</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>Administrator pertama</translation>
    </message>
    <message>
        <source>This user signs in first, adds the cashiers and supervisors and changes the counter&apos;s settings.</source>
        <translation>Pengguna ini masuk pertama kali, menambahkan kasir dan supervisor, dan mengubah pengaturan loket.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nama &amp;pengguna:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nama l&amp;engkap:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Ulangi kata sandi:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Back up to which folder?</source>
        <translation>Cadangkan ke folder mana?</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>Pulihkan cadangan yang mana?</translation>
    </message>
    <message>
        <source>&amp;Back up to…</source>
        <translation>&amp;Cadangkan ke…</translation>
    </message>
    <message>
        <source>Bac&amp;kups…</source>
        <translation>Daftar ca&amp;dangan…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>P&amp;ulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Cadangkan</translation>
    </message>
    <message>
        <source>Copying the database to {folder}…</source>
        <translation>Menyalin basis data ke {folder}…</translation>
    </message>
    <message>
        <source>Checking the copy…</source>
        <translation>Memeriksa salinan…</translation>
    </message>
    <message>
        <source>Backup written to {file} ({size}) and checked: the copy is sound and its audit trail is unbroken. Keep the USB stick away from this PC.</source>
        <translation>Cadangan ditulis ke {file} ({size}) dan sudah diperiksa: salinannya utuh dan jejak auditnya tidak terputus. Simpan flashdisk jauh dari PC ini.</translation>
    </message>
    <message>
        <source>The backup was written to {file} ({size}) but does not pass the check ({problem}). The database itself may be damaged: keep the earlier backups and call head office.</source>
        <translation>Cadangan ditulis ke {file} ({size}) tetapi tidak lolos pemeriksaan ({problem}). Basis datanya sendiri mungkin rusak: simpan cadangan-cadangan sebelumnya dan hubungi kantor pusat.</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>Pencadangan dibatalkan; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Only an admin can restore a backup.</source>
        <translation>Hanya admin yang dapat memulihkan cadangan.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Checking the backup {file}…</source>
        <translation>Memeriksa cadangan {file}…</translation>
    </message>
    <message>
        <source>This backup cannot be restored: {problem}. Nothing was changed.</source>
        <translation>Cadangan ini tidak dapat dipulihkan: {problem}. Tidak ada yang diubah.</translation>
    </message>
</context>
<context>
    <name>BackupKinds</name>
    <message>
        <source>daily</source>
        <translation>harian</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>sebelum pembaruan</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>sebelum pemulihan</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Periksa</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Pu&amp;lihkan…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Backups in {folder}</source>
        <translation>Cadangan di {folder}</translation>
    </message>
    <message>
        <source>There are no backups yet. Loket makes one every day at its first start.</source>
        <translation>Belum ada cadangan. Loket membuat satu setiap hari saat pertama kali dibuka.</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Memeriksa {file}…</translation>
    </message>
    <message>
        <source>{file} passes the check: the file is sound and its audit trail of {records} records is unbroken ({payments} payments).</source>
        <translation>{file} lolos pemeriksaan: berkasnya utuh dan jejak auditnya ({records} catatan) tidak terputus ({payments} pembayaran).</translation>
    </message>
    <message>
        <source>{file} does NOT pass the check: {problem}. Do not restore it.</source>
        <translation>{file} TIDAK lolos pemeriksaan: {problem}. Jangan pulihkan cadangan ini.</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <source>The branch</source>
        <translation>Cabang</translation>
    </message>
    <message>
        <source>The branch office this counter belongs to, as head office knows it.</source>
        <translation>Kantor cabang tempat loket ini berada, sesuai data kantor pusat.</translation>
    </message>
    <message>
        <source>Branch &amp;code:</source>
        <translation>&amp;Kode cabang:</translation>
    </message>
    <message>
        <source>{low} to {high} letters or digits, e.g. KPG</source>
        <translation>{low} sampai {high} huruf atau angka, mis. KPG</translation>
    </message>
    <message>
        <source>Branch &amp;name:</source>
        <translation>&amp;Nama cabang:</translation>
    </message>
    <message>
        <source>&amp;Water utility:</source>
        <translation>Perusahaan &amp;air minum:</translation>
    </message>
    <message>
        <source>&amp;Address (optional):</source>
        <translation>Ala&amp;mat (boleh kosong):</translation>
    </message>
</context>
<context>
    <name>ChangeRequest</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
</context>
<context>
    <name>ChangeRequestDialog</name>
    <message>
        <source>Request a data change</source>
        <translation>Ajukan perubahan data</translation>
    </message>
    <message>
        <source>Head office keeps the customer data. This sends a request with the next sync; the account shows the new values once head office approves them.</source>
        <translation>Data pelanggan dikelola kantor pusat. Permohonan ini dikirim pada sinkron berikutnya; data baru tampil di akun setelah disetujui kantor pusat.</translation>
    </message>
    <message>
        <source>On record</source>
        <translation>Data saat ini</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Data baru</translation>
    </message>
    <message>
        <source>e.g. the customer moved house</source>
        <translation>mis. pelanggan pindah rumah</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>Send the request (Enter)</source>
        <translation>Kirim permohonan (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <source>Count the cash in the drawer</source>
        <translation>Hitung uang di laci kas</translation>
    </message>
    <message>
        <source>Type how many notes of each value you have and the coins as one sum. What the drawer should hold is shown after the count is recorded.</source>
        <translation>Ketik jumlah lembar uang kertas per pecahan dan jumlah uang logam sekaligus. Jumlah yang seharusnya ada di laci baru ditampilkan setelah hasil hitungan dicatat.</translation>
    </message>
    <message>
        <source>{note} notes:</source>
        <translation>Lembar {note}:</translation>
    </message>
    <message>
        <source>Coins (total):</source>
        <translation>Uang logam (jumlah):</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>Hasil hitung:</translation>
    </message>
    <message>
        <source>&amp;Record count</source>
        <translation>&amp;Catat hasil hitung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cash count recorded</source>
        <translation>Hasil hitung kas sudah dicatat</translation>
    </message>
    <message>
        <source>Expected in the drawer:</source>
        <translation>Seharusnya di laci:</translation>
    </message>
    <message>
        <source>Variance (selisih):</source>
        <translation>Selisih:</translation>
    </message>
    <message>
        <source>A supervisor checks the count and signs off:</source>
        <translation>Supervisor memeriksa hasil hitung dan menyetujui:</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Catatan (boleh kosong):</translation>
    </message>
    <message>
        <source>&amp;Sign off and lock</source>
        <translation>&amp;Setujui dan kunci</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>kurang {amount}</translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation>lebih {amount}</translation>
    </message>
    <message>
        <source>none — the drawer matches</source>
        <translation>tidak ada — isi laci cocok</translation>
    </message>
    <message>
        <source>Shift closed and locked at {time}.</source>
        <translation>Shift ditutup dan dikunci pukul {time}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>This counter</source>
        <translation>Loket ini</translation>
    </message>
    <message>
        <source>Each counter of the branch has its own code; receipt numbers carry it.</source>
        <translation>Setiap loket di cabang punya kode sendiri; nomor kwitansi memuat kode itu.</translation>
    </message>
    <message>
        <source>Counter c&amp;ode:</source>
        <translation>K&amp;ode loket:</translation>
    </message>
    <message>
        <source>Counter na&amp;me:</source>
        <translation>Na&amp;ma loket:</translation>
    </message>
</context>
<context>
    <name>CounterSettingsActions</name>
    <message>
        <source>C&amp;ounter settings…</source>
        <translation>Pengaturan l&amp;oket…</translation>
    </message>
</context>
<context>
    <name>CounterSettingsDialog</name>
    <message>
        <source>Counter settings</source>
        <translation>Pengaturan loket</translation>
    </message>
    <message>
        <source>Saved for this Windows user in {path}: what differs from the PC&apos;s settings is kept there.</source>
        <translation>Disimpan untuk pengguna Windows ini di {path}: yang berbeda dari pengaturan komputer ini disimpan di sana.</translation>
    </message>
    <message>
        <source>The settings file has problems; Loket uses the defaults for what is wrong until you save:</source>
        <translation>Berkas pengaturan bermasalah; Loket memakai nilai bawaan untuk yang salah sampai Anda menyimpan:</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>… and {count} more (see the log file).</source>
        <translation>… dan {count} lagi (lihat berkas log).</translation>
    </message>
    <message>
        <source>Branch and counter</source>
        <translation>Cabang dan loket</translation>
    </message>
    <message>
        <source>In this database</source>
        <translation>Di basis data ini</translation>
    </message>
    <message>
        <source>Expected by the settings</source>
        <translation>Yang diharapkan pengaturan</translation>
    </message>
    <message>
        <source>Branch code:</source>
        <translation>Kode cabang:</translation>
    </message>
    <message>
        <source>Counter code:</source>
        <translation>Kode loket:</translation>
    </message>
    <message>
        <source>any (empty)</source>
        <translation>bebas (kosong)</translation>
    </message>
    <message>
        <source>Head office, language and backups</source>
        <translation>Kantor pusat, bahasa dan cadangan</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Head-office &amp;address:</source>
        <translation>&amp;Alamat kantor pusat:</translation>
    </message>
    <message>
        <source>Default &amp;language:</source>
        <translation>&amp;Bahasa bawaan:</translation>
    </message>
    <message>
        <source>&amp;Daily backups kept:</source>
        <translation>&amp;Cadangan harian disimpan:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>branch {code}</source>
        <translation>cabang {code}</translation>
    </message>
    <message>
        <source>counter {code}</source>
        <translation>loket {code}</translation>
    </message>
    <message>
        <source>This database belongs to branch {branch}, counter {counter}, but the settings expect {expected}. Check that Loket opens the right branch folder, or correct the expected codes (empty: any).</source>
        <translation>Basis data ini milik cabang {branch}, loket {counter}, tetapi pengaturan mengharapkan {expected}. Periksa apakah Loket membuka folder cabang yang benar, atau perbaiki kode yang diharapkan (kosong: bebas).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> dan </translation>
    </message>
    <message>
        <source>Type an address that starts with https:// or http://, e.g. https://pusat.example/loket.</source>
        <translation>Ketik alamat yang diawali https:// atau http://, mis. https://pusat.example/loket.</translation>
    </message>
    <message>
        <source>The settings were not saved: correct the head-office address.</source>
        <translation>Pengaturan belum disimpan: perbaiki alamat kantor pusat.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>The settings were not saved. Try again.</source>
        <translation>Pengaturan belum disimpan. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Unsent: {pending} · last sync: never</source>
        <translation>Belum terkirim: {pending} · sinkron terakhir: belum pernah</translation>
    </message>
    <message>
        <source>Changes waiting to be sent to head office</source>
        <translation>Perubahan yang menunggu dikirim ke kantor pusat</translation>
    </message>
    <message>
        <source>Unsent: {pending} · last sync: {when}</source>
        <translation>Belum terkirim: {pending} · sinkron terakhir: {when}</translation>
    </message>
    <message>
        <source>Unsent: {pending}</source>
        <translation>Belum terkirim: {pending}</translation>
    </message>
    <message>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <source>sync failed</source>
        <translation>sinkron gagal</translation>
    </message>
    <message>
        <source>Shift: none</source>
        <translation>Shift: belum dibuka</translation>
    </message>
    <message>
        <source>Shift: {cashier}&apos;s, waiting for sign-off</source>
        <translation>Shift: milik {cashier}, menunggu persetujuan</translation>
    </message>
    <message>
        <source>Shift: {cashier}&apos;s, open since {time}</source>
        <translation>Shift: milik {cashier}, buka sejak {time}</translation>
    </message>
    <message>
        <source>Shift: counted, waiting for sign-off</source>
        <translation>Shift: kas sudah dihitung, menunggu persetujuan</translation>
    </message>
    <message>
        <source>Shift: open since {time}</source>
        <translation>Shift: buka sejak {time}</translation>
    </message>
</context>
<context>
    <name>CustomerStatus</name>
    <message>
        <source>SEALED</source>
        <translation>SEGEL</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTIF</translation>
    </message>
    <message>
        <source>DISCONNECTED</source>
        <translation>PUTUS</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>&quot;{typed}&quot; is not a date this field takes: type day, month and year, for example {example}, between {first} and {last}.</source>
        <translation>&quot;{typed}&quot; bukan tanggal yang bisa dipakai di sini: ketik tanggal, bulan dan tahun, misalnya {example}, antara {first} dan {last}.</translation>
    </message>
</context>
<context>
    <name>DocumentsAfterEnrolment</name>
    <message>
        <source>{document} was not printed: {reason} Print it from the account&apos;s document list when the printer is ready.</source>
        <translation>{document} tidak tercetak: {reason} Cetak dari daftar dokumen pelanggan setelah printer siap.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol in the promotion</source>
        <translation>Daftar program promo</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Tunggakan</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Penalty waived</source>
        <translation>Denda dihapus</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Jumlah yang harus dibayar</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Uang muka</translation>
    </message>
    <message>
        <source>Rest in instalments</source>
        <translation>Sisa dicicil</translation>
    </message>
    <message>
        <source>Number of &amp;instalments</source>
        <translation>Jumlah &amp;cicilan</translation>
    </message>
    <message>
        <source>Continue to payment (Enter)</source>
        <translation>Lanjut ke pembayaran (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal cicilan</translation>
    </message>
    <message>
        <source>Working out the offer…</source>
        <translation>Menghitung penawaran…</translation>
    </message>
    <message>
        <source>Programme: {name}</source>
        <translation>Program: {name}</translation>
    </message>
    <message>
        <source>none (paid in full)</source>
        <translation>tanpa cicilan (lunas sekaligus)</translation>
    </message>
    <message>
        <source>This customer cannot join the promotion:</source>
        <translation>Pelanggan ini tidak dapat ikut program:</translation>
    </message>
    <message>
        <source>{programme} is not open on {day}.</source>
        <translation>{programme} tidak berlaku pada {day}.</translation>
    </message>
    <message>
        <source>The connection is {status}; the promotion is not for this status.</source>
        <translation>Status sambungan {status}; program ini tidak untuk status tersebut.</translation>
    </message>
    <message>
        <source>There are no unpaid bills.</source>
        <translation>Tidak ada rekening yang belum dibayar.</translation>
    </message>
    <message>
        <source>Tariff group {tariff} is not part of the promotion.</source>
        <translation>Golongan tarif {tariff} tidak termasuk dalam program.</translation>
    </message>
    <message>
        <source>The arrears ({arrears}) are below the promotion&apos;s minimum.</source>
        <translation>Tunggakan ({arrears}) di bawah batas minimum program.</translation>
    </message>
    <message>
        <source>The arrears ({arrears}) are above the promotion&apos;s maximum.</source>
        <translation>Tunggakan ({arrears}) di atas batas maksimum program.</translation>
    </message>
    <message>
        <source>The customer is already enrolled ({state} since {day}).</source>
        <translation>Pelanggan sudah terdaftar (cicilan {state} sejak {day}).</translation>
    </message>
    <message>
        <source>The customer has already joined this promotion.</source>
        <translation>Pelanggan sudah pernah ikut program ini.</translation>
    </message>
    <message>
        <source>The customer is already enrolled at another branch, as head office said at the last sync.</source>
        <translation>Pelanggan sudah terdaftar di cabang lain, menurut kantor pusat pada sinkron terakhir.</translation>
    </message>
    <message>
        <source>The customer is already enrolled at branch {branch} ({state} since {day}), as head office said at the last sync.</source>
        <translation>Pelanggan sudah terdaftar di cabang {branch} ({state} sejak {day}), menurut kantor pusat pada sinkron terakhir.</translation>
    </message>
</context>
<context>
    <name>EnrolmentDocumentsDialog</name>
    <message>
        <source>Agreement and work order</source>
        <translation>Perjanjian dan perintah kerja</translation>
    </message>
    <message>
        <source>{customer} signs the agreement; the field team takes the work order. Print them now?</source>
        <translation>{customer} menandatangani perjanjian; petugas lapangan membawa perintah kerja. Cetak sekarang?</translation>
    </message>
    <message>
        <source>P&amp;rinter:</source>
        <translation>P&amp;rinter:</translation>
    </message>
    <message>
        <source>&amp;Print (Enter)</source>
        <translation>&amp;Cetak (Enter)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tampilkan</translation>
    </message>
    <message>
        <source>Later (Esc)</source>
        <translation>Nanti (Esc)</translation>
    </message>
    <message>
        <source>No printer is installed on this computer: use Show to save or print them another way.</source>
        <translation>Belum ada printer terpasang di komputer ini: pilih Tampilkan untuk menyimpan atau mencetaknya dengan cara lain.</translation>
    </message>
    <message>
        <source>Agreement {number}</source>
        <translation>Perjanjian {number}</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>Perintah kerja {number}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>&apos;{text}&apos; is not an amount in rupiah.</source>
        <translation>&apos;{text}&apos; bukan jumlah rupiah yang sah.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; could mean more than one amount. Type the digits, e.g. 2400000.</source>
        <translation>&apos;{text}&apos; bisa berarti lebih dari satu jumlah. Ketik angkanya saja, mis. 2400000.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Jumlah harus lebih dari nol.</translation>
    </message>
    <message>
        <source>{amount} is more than Loket accepts ({limit}).</source>
        <translation>{amount} melebihi batas yang diterima Loket ({limit}).</translation>
    </message>
    <message>
        <source>{amount} is less than the {due} due.</source>
        <translation>{amount} kurang dari {due} yang harus dibayar.</translation>
    </message>
    <message>
        <source>{amount} is more than the {balance} still owed.</source>
        <translation>{amount} melebihi sisa tagihan {balance}.</translation>
    </message>
    <message>
        <source>The money received ({tendered}) is less than {amount}.</source>
        <translation>Uang yang diterima ({tendered}) kurang dari {amount}.</translation>
    </message>
    <message>
        <source>A transfer or QRIS payment needs its reference.</source>
        <translation>Pembayaran transfer atau QRIS wajib disertai nomor referensi.</translation>
    </message>
    <message>
        <source>Unknown payment method.</source>
        <translation>Cara bayar tidak dikenal.</translation>
    </message>
    <message>
        <source>No customer with connection number &apos;{connection_no}&apos;.</source>
        <translation>Tidak ada pelanggan dengan nomor sambungan &apos;{connection_no}&apos;.</translation>
    </message>
    <message>
        <source>No promotion programme &apos;{code}&apos;.</source>
        <translation>Tidak ada program promo &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>The programme runs {valid_from} to {valid_to}; it is not open on {on}.</source>
        <translation>Program berlaku {valid_from} s.d. {valid_to}; tidak berlaku pada {on}.</translation>
    </message>
    <message>
        <source>The customer is not eligible: {reasons}</source>
        <translation>Pelanggan tidak memenuhi syarat: {reasons}</translation>
    </message>
    <message>
        <source>The customer is already enrolled ({state} since {since}).</source>
        <translation>Pelanggan sudah terdaftar ({state} sejak {since}).</translation>
    </message>
    <message>
        <source>{count} instalments is not allowed; choose {allowed}.</source>
        <translation>{count} kali cicilan tidak diizinkan; pilih {allowed}.</translation>
    </message>
    <message>
        <source>The customer has no active instalment plan.</source>
        <translation>Pelanggan tidak punya rencana cicilan yang aktif.</translation>
    </message>
    <message>
        <source>Head office refused this plan ({reason}). It keeps the down payment {receipt_no} as a credit: take no more payments; a supervisor should void it and refund the customer.</source>
        <translation>Kantor pusat menolak cicilan ini ({reason}). Uang muka {receipt_no} disimpan di sana sebagai dana titipan: jangan terima pembayaran lagi; supervisor perlu membatalkan kwitansinya dan mengembalikan uang pelanggan.</translation>
    </message>
    <message>
        <source>Head office refused this plan: the customer was enrolled at branch {branch} first (since {since}). It keeps the down payment {receipt_no} as a credit: take no more payments; a supervisor should void it and refund the customer.</source>
        <translation>Kantor pusat menolak cicilan ini: pelanggan lebih dulu terdaftar di cabang {branch} (sejak {since}). Uang muka {receipt_no} disimpan di sana sebagai dana titipan: jangan terima pembayaran lagi; supervisor perlu membatalkan kwitansinya dan mengembalikan uang pelanggan.</translation>
    </message>
    <message>
        <source>The customer is already enrolled at branch {branch} (since {since}, as head office said at the last sync).</source>
        <translation>Pelanggan sudah terdaftar di cabang {branch} (sejak {since}, menurut kantor pusat pada sinkron terakhir).</translation>
    </message>
    <message>
        <source>No payment with receipt number &apos;{receipt_no}&apos;.</source>
        <translation>Tidak ada pembayaran dengan nomor kwitansi &apos;{receipt_no}&apos;.</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} was already voided.</source>
        <translation>Kwitansi {receipt_no} sudah dibatalkan.</translation>
    </message>
    <message>
        <source>Void the later receipts of this plan first: {receipts}.</source>
        <translation>Batalkan dulu kwitansi yang lebih baru dari rencana ini: {receipts}.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Isi alasannya.</translation>
    </message>
    <message>
        <source>&apos;{username}&apos; may not do this.</source>
        <translation>&apos;{username}&apos; tidak berwenang melakukan ini.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>User &apos;{username}&apos; is locked until {until} after too many wrong passwords.</source>
        <translation>Pengguna &apos;{username}&apos; dikunci sampai pukul {until} karena terlalu sering salah kata sandi.</translation>
    </message>
    <message>
        <source>User &apos;{username}&apos; already exists.</source>
        <translation>Pengguna &apos;{username}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>No user &apos;{username}&apos;.</source>
        <translation>Tidak ada pengguna &apos;{username}&apos;.</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters.</source>
        <translation>Kata sandi minimal {minimum} karakter.</translation>
    </message>
    <message>
        <source>No work order &apos;{number}&apos;.</source>
        <translation>Tidak ada SPK &apos;{number}&apos;.</translation>
    </message>
    <message>
        <source>Work order {number} is already closed.</source>
        <translation>SPK {number} sudah ditutup.</translation>
    </message>
    <message>
        <source>Name the field officer who did the work.</source>
        <translation>Isi nama petugas lapangan yang mengerjakan.</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is changed by head office only, not at the counter.</source>
        <translation>&apos;{field}&apos; hanya dapat diubah kantor pusat, tidak di loket.</translation>
    </message>
    <message>
        <source>Nothing to change: type the new values first.</source>
        <translation>Tidak ada yang diubah: ketik data baru terlebih dahulu.</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>Tidak boleh kosong.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: 8 to 15 digits, may start with +.</source>
        <translation>&apos;{text}&apos; bukan nomor telepon: 8 sampai 15 angka, boleh diawali +.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an RT/RW number: 1 to 3 digits.</source>
        <translation>&apos;{text}&apos; bukan nomor RT/RW: 1 sampai 3 angka.</translation>
    </message>
    <message>
        <source>The promotion terms are not valid: {problem}</source>
        <translation>Ketentuan promo tidak sah: {problem}</translation>
    </message>
    <message>
        <source>{code} version {version} is already loaded with other terms.</source>
        <translation>{code} versi {version} sudah dimuat dengan ketentuan lain.</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date.</source>
        <translation>&apos;{text}&apos; bukan tanggal yang sah.</translation>
    </message>
    <message>
        <source>No branch database in {path}.</source>
        <translation>Tidak ada basis data cabang di {path}.</translation>
    </message>
    <message>
        <source>Open a shift before taking payments.</source>
        <translation>Buka shift dulu sebelum menerima pembayaran.</translation>
    </message>
    <message>
        <source>{cashier}&apos;s shift is still open on this counter.</source>
        <translation>Shift {cashier} masih terbuka di loket ini.</translation>
    </message>
    <message>
        <source>Count the cash before the supervisor signs off.</source>
        <translation>Hitung kas dulu sebelum disetujui supervisor.</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} belongs to a closed shift; a supervisor must void it.</source>
        <translation>Kwitansi {receipt_no} milik shift yang sudah ditutup; pembatalan harus oleh supervisor.</translation>
    </message>
    <message>
        <source>The cash count is not valid: {problem}</source>
        <translation>Hitungan kas tidak sah: {problem}</translation>
    </message>
    <message>
        <source>This counter is not registered with head office yet (Sync → Register counter).</source>
        <translation>Loket ini belum terdaftar di kantor pusat (Sinkron → Daftarkan loket).</translation>
    </message>
    <message>
        <source>A sync is already running on this counter (until {until}). Wait for it to finish.</source>
        <translation>Sinkronisasi sedang berjalan di loket ini (sampai {until}). Tunggu sampai selesai.</translation>
    </message>
    <message>
        <source>Head office cannot be reached ({problem}). Nothing was marked as sent; try again later.</source>
        <translation>Kantor pusat tidak dapat dihubungi ({problem}). Tidak ada data yang ditandai terkirim; coba lagi nanti.</translation>
    </message>
    <message>
        <source>Head office sent an unusable answer ({problem}). Nothing was marked as sent.</source>
        <translation>Jawaban kantor pusat tidak dapat dipakai ({problem}). Tidak ada data yang ditandai terkirim.</translation>
    </message>
    <message>
        <source>Head office refused the request: {problem}</source>
        <translation>Kantor pusat menolak permintaan: {problem}</translation>
    </message>
    <message>
        <source>Head office does not accept this counter&apos;s token. Register the counter again.</source>
        <translation>Kantor pusat tidak menerima token loket ini. Daftarkan loket sekali lagi.</translation>
    </message>
    <message>
        <source>Head office has revoked this counter. Call head office.</source>
        <translation>Kantor pusat telah mencabut izin loket ini. Hubungi kantor pusat.</translation>
    </message>
    <message>
        <source>Head office does not speak sync protocol {version} (it supports {supported}). Update Loket.</source>
        <translation>Kantor pusat tidak mendukung protokol sinkron {version} (yang didukung: {supported}). Perbarui Loket.</translation>
    </message>
    <message>
        <source>This branch database is behind head office (it holds this counter&apos;s events up to number {office_seq}): it was restored from an older backup. Take no payments and call head office.</source>
        <translation>Basis data cabang ini tertinggal dari kantor pusat (kantor pusat menyimpan data loket ini sampai nomor {office_seq}): basis data dipulihkan dari cadangan lama. Jangan terima pembayaran dan hubungi kantor pusat.</translation>
    </message>
    <message>
        <source>Head office sent a change that cannot be applied ({kind} {key}: {problem}). Nothing of that page was applied.</source>
        <translation>Kantor pusat mengirim perubahan yang tidak dapat diterapkan ({kind} {key}: {problem}). Tidak ada data dari halaman itu yang diterapkan.</translation>
    </message>
    <message>
        <source>Head office refused too many registration attempts from this network. Wait {minutes} minute(s), check the one-time code and try again.</source>
        <translation>Kantor pusat menolak terlalu banyak percobaan pendaftaran dari jaringan ini. Tunggu {minutes} menit, periksa kode sekali pakai, lalu coba lagi.</translation>
    </message>
    <message>
        <source>This one-time code was locked after too many wrong attempts. Ask head office for a new code.</source>
        <translation>Kode sekali pakai ini dikunci karena terlalu banyak percobaan yang salah. Mintalah kode baru ke kantor pusat.</translation>
    </message>
    <message>
        <source>This counter was restored from a backup ({restored_at}). Sync with head office (F12) before taking payments. With no link to head office, a supervisor can allow payments: Sync → Allow payments after restore.</source>
        <translation>Loket ini dipulihkan dari cadangan ({restored_at}). Sinkronkan dengan kantor pusat (F12) sebelum menerima pembayaran. Bila tidak ada sambungan ke kantor pusat, supervisor dapat mengizinkan pembayaran: Sinkron → Izinkan pembayaran setelah pemulihan.</translation>
    </message>
    <message>
        <source>Head office found that this counter&apos;s books no longer match what it holds ({restored_at}). Take no payments and call head office. Once head office has cleared it, a supervisor can allow payments: Sync → Allow payments after restore.</source>
        <translation>Kantor pusat mendapati pembukuan loket ini tidak lagi cocok dengan yang dicatatnya ({restored_at}). Jangan menerima pembayaran dan hubungi kantor pusat. Setelah kantor pusat membereskannya, supervisor dapat mengizinkan pembayaran: Sinkron → Izinkan pembayaran setelah pemulihan.</translation>
    </message>
    <message>
        <source>Payments are not blocked on this counter; there is nothing to allow.</source>
        <translation>Pembayaran di loket ini tidak ditahan; tidak ada yang perlu diizinkan.</translation>
    </message>
    <message>
        <source>The sync bundle {file} cannot be used: {problem}</source>
        <translation>Berkas sinkron {file} tidak dapat dipakai: {problem}</translation>
    </message>
    <message>
        <source>The sync bundle {file} is for {found}, not for {expected}.</source>
        <translation>Berkas sinkron {file} untuk {found}, bukan untuk {expected}.</translation>
    </message>
    <message>
        <source>The credential store cannot keep the head-office token: {problem}</source>
        <translation>Penyimpanan kredensial tidak dapat menyimpan token kantor pusat: {problem}</translation>
    </message>
    <message>
        <source>The branch database {path} is damaged ({problem}). Restore the newest good backup: loket-admin restore &quot;{backup}&quot;</source>
        <translation>Basis data cabang {path} rusak ({problem}). Pulihkan cadangan baik yang terbaru: loket-admin restore &quot;{backup}&quot;</translation>
    </message>
    <message>
        <source>The branch database {path} is damaged ({problem}) and there is no good backup in {folder}. Restore one from an external copy: loket-admin restore FILE</source>
        <translation>Basis data cabang {path} rusak ({problem}) dan tidak ada cadangan yang baik di {folder}. Pulihkan dari salinan luar: loket-admin restore BERKAS</translation>
    </message>
    <message>
        <source>The branch database {path} is in use. Close Loket on this PC and try again.</source>
        <translation>Basis data cabang {path} sedang dipakai. Tutup Loket di komputer ini lalu coba lagi.</translation>
    </message>
    <message>
        <source>There is no backup file {file}.</source>
        <translation>Berkas cadangan {file} tidak ada.</translation>
    </message>
    <message>
        <source>The backup {file} cannot be restored: {problem}</source>
        <translation>Cadangan {file} tidak dapat dipulihkan: {problem}</translation>
    </message>
    <message>
        <source>The backup to {path} failed: {problem}</source>
        <translation>Pencadangan ke {path} gagal: {problem}</translation>
    </message>
    <message>
        <source>The folder {path} is not there. Is the USB stick plugged in? Nothing was written.</source>
        <translation>Folder {path} tidak ada. Apakah flashdisk sudah terpasang? Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Loket cannot write the backup to {path} ({problem}). Choose another folder, or check that the USB stick is not write-protected. Nothing was written.</source>
        <translation>Loket tidak dapat menulis cadangan ke {path} ({problem}). Pilih folder lain, atau periksa apakah flashdisk tidak dikunci (write-protect). Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>There is not enough free space in {path}: the backup needs about {needed} and {free} are free. Nothing was written.</source>
        <translation>Ruang kosong di {path} tidak cukup: cadangan memerlukan sekitar {needed}, yang tersedia {free}. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>{path} already holds a branch database.</source>
        <translation>Di {path} sudah ada basis data cabang.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; cannot be used: a code has {low} to {high} letters or digits, without spaces.</source>
        <translation>&apos;{code}&apos; tidak dapat dipakai: kode terdiri dari {low} sampai {high} huruf atau angka, tanpa spasi.</translation>
    </message>
    <message>
        <source>The counter needs a code of its own, not the branch code {code} (e.g. L01).</source>
        <translation>Loket perlu kode sendiri, bukan kode cabang {code} (mis. L01).</translation>
    </message>
    <message>
        <source>Fill this in.</source>
        <translation>Wajib diisi.</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>Paling banyak {limit} karakter.</translation>
    </message>
    <message>
        <source>&apos;{username}&apos; cannot be used: a user name has {low} to {high} letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation>&apos;{username}&apos; tidak dapat dipakai: nama pengguna terdiri dari {low} sampai {high} huruf, angka, titik, tanda hubung atau garis bawah, tanpa spasi.</translation>
    </message>
    <message>
        <source>&apos;{username}&apos; is reserved for Loket itself; choose another user name.</source>
        <translation>&apos;{username}&apos; dipakai oleh Loket sendiri; pilih nama pengguna lain.</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>Kata sandi tidak boleh sama dengan nama pengguna.</translation>
    </message>
    <message>
        <source>The counter settings are not valid: {problem}</source>
        <translation>Pengaturan loket tidak sah: {problem}</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path} ({problem}). Nothing was changed.</source>
        <translation>Pengaturan tidak dapat disimpan ke {path} ({problem}). Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>{what} must be {expected}, not {value}.</source>
        <translation>{what} harus {expected}, bukan {value}.</translation>
    </message>
    <message>
        <source>{field} holds {problem}. Remove it and try again.</source>
        <translation>{field} berisi {problem}. Hapus lalu coba lagi.</translation>
    </message>
    <message>
        <source>The money received ({tendered}) is more than Loket accepts ({limit}).</source>
        <translation>Uang diterima ({tendered}) melebihi batas yang diterima Loket ({limit}).</translation>
    </message>
    <message>
        <source>This counter has no key to sign sync bundles (it was registered before bundles were signed by the counter). Register it again with a new one-time code from head office.</source>
        <translation>Loket ini belum punya kunci untuk menandatangani bundel sinkronisasi (didaftarkan sebelum bundel ditandatangani oleh loket). Daftarkan ulang dengan kode sekali pakai baru dari kantor pusat.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. You can carry on working; if it happens again, tell your supervisor.</source>
        <translation>Terjadi masalah yang tidak terduga. Anda dapat melanjutkan pekerjaan; jika terjadi lagi, beri tahu supervisor Anda.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. You can carry on working; if it happens again, tell your supervisor. The details were written to the log file:
{path}</source>
        <translation>Terjadi masalah yang tidak terduga. Anda dapat melanjutkan pekerjaan; jika terjadi lagi, beri tahu supervisor Anda. Rinciannya sudah dicatat di berkas log:
{path}</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>audit record {id}</source>
        <translation>catatan audit {id}</translation>
    </message>
    <message>
        <source>payment {receipt_no}</source>
        <translation>pembayaran {receipt_no}</translation>
    </message>
    <message>
        <source>void of payment {receipt_no}</source>
        <translation>pembatalan pembayaran {receipt_no}</translation>
    </message>
    <message>
        <source>device {device}</source>
        <translation>perangkat {device}</translation>
    </message>
    <message>
        <source>receipts {prefix}</source>
        <translation>kuitansi {prefix}</translation>
    </message>
    <message>
        <source>receipts counter {counter}, {year}</source>
        <translation>kuitansi loket {counter}, {year}</translation>
    </message>
    <message>
        <source>enrolment {uuid} ({connection_no})</source>
        <translation>pendaftaran {uuid} ({connection_no})</translation>
    </message>
    <message>
        <source>bill {connection_no} {period}</source>
        <translation>tagihan {connection_no} {period}</translation>
    </message>
    <message>
        <source>instalment {number} of enrolment {uuid}</source>
        <translation>cicilan ke-{number} pendaftaran {uuid}</translation>
    </message>
    <message>
        <source>outbox event {seq} ({type})</source>
        <translation>kejadian outbox {seq} ({type})</translation>
    </message>
    <message>
        <source>audit chain</source>
        <translation>rantai audit</translation>
    </message>
    <message>
        <source>payment audit</source>
        <translation>audit pembayaran</translation>
    </message>
    <message>
        <source>outbox sequence</source>
        <translation>urutan outbox</translation>
    </message>
    <message>
        <source>receipt sequence</source>
        <translation>urutan kuitansi</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>pembukuan</translation>
    </message>
    <message>
        <source>outbox payload</source>
        <translation>isi outbox</translation>
    </message>
    <message>
        <source>record {id} is missing</source>
        <translation>catatan {id} hilang</translation>
    </message>
    <message>
        <source>does not follow the record before it</source>
        <translation>tidak menyambung dengan catatan sebelumnya</translation>
    </message>
    <message>
        <source>is not keyed, after keyed records</source>
        <translation>tidak berkunci, padahal catatan sebelumnya berkunci</translation>
    </message>
    <message>
        <source>is keyed with this counter&apos;s key, which cannot be read on this PC</source>
        <translation>dikunci dengan kunci loket ini, yang tidak dapat dibaca di komputer ini</translation>
    </message>
    <message>
        <source>its contents were changed</source>
        <translation>isinya telah diubah</translation>
    </message>
    <message>
        <source>record {id} (named by an event) is missing</source>
        <translation>catatan {id} (disebut oleh sebuah kejadian) hilang</translation>
    </message>
    <message>
        <source>is missing: the last change wrote it, but the chain now ends at record {newest}</source>
        <translation>hilang: perubahan terakhir menulisnya, tetapi rantai kini berakhir di catatan {newest}</translation>
    </message>
    <message>
        <source>is not the record the last change wrote</source>
        <translation>bukan catatan yang ditulis perubahan terakhir</translation>
    </message>
    <message>
        <source>has no audit record</source>
        <translation>tidak punya catatan audit</translation>
    </message>
    <message>
        <source>has no outbox event for head office</source>
        <translation>tidak punya kejadian outbox untuk kantor pusat</translation>
    </message>
    <message>
        <source>outbox event(s) {gap} missing</source>
        <translation>kejadian outbox {gap} hilang</translation>
    </message>
    <message>
        <source>has a malformed receipt number</source>
        <translation>nomor kuitansinya tidak sah</translation>
    </message>
    <message>
        <source>number(s) {gap} missing</source>
        <translation>nomor {gap} hilang</translation>
    </message>
    <message>
        <source>audit record {audit_id} voids it, but the ledger has no void</source>
        <translation>catatan audit {audit_id} membatalkannya, tetapi pembukuan tidak punya pembatalannya</translation>
    </message>
    <message>
        <source>paid amount {paid} differs from its payments&apos; allocations ({allocated})</source>
        <translation>jumlah dibayar {paid} berbeda dari alokasi pembayarannya ({allocated})</translation>
    </message>
    <message>
        <source>paid amount {paid} is more than the bill costs ({due})</source>
        <translation>jumlah dibayar {paid} lebih dari nilai tagihannya ({due})</translation>
    </message>
    <message>
        <source>is settled with {outstanding} left to pay on it</source>
        <translation>tercatat lunas, padahal masih harus dibayar {outstanding}</translation>
    </message>
    <message>
        <source>is open with {outstanding} left to pay on it</source>
        <translation>tercatat terbuka dengan {outstanding} yang masih harus dibayar</translation>
    </message>
    <message>
        <source>its time differs from audit record {audit_id}</source>
        <translation>waktunya berbeda dari catatan audit {audit_id}</translation>
    </message>
    <message>
        <source>{fields} differ(s) from audit record {audit_id}</source>
        <translation>{fields} berbeda dari catatan audit {audit_id}</translation>
    </message>
    <message>
        <source>{field} is {ledger} in the ledger but {recorded} in audit record {audit_id}</source>
        <translation>{field} bernilai {ledger} di pembukuan tetapi {recorded} di catatan audit {audit_id}</translation>
    </message>
    <message>
        <source>{check}: {subject}: {detail}</source>
        <translation>{check}: {subject}: {detail}</translation>
    </message>
    <message>
        <source>it is not a SQLite database</source>
        <translation>file ini bukan basis data SQLite</translation>
    </message>
    <message>
        <source>it cannot be read as a database ({error})</source>
        <translation>file ini tidak dapat dibaca sebagai basis data ({error})</translation>
    </message>
    <message>
        <source>the file is damaged: {detail}</source>
        <translation>file rusak: {detail}</translation>
    </message>
    <message>
        <source>it is not a Loket branch database</source>
        <translation>file ini bukan basis data cabang Loket</translation>
    </message>
    <message>
        <source>it was made by a newer version of Loket (schema {revision}); update Loket first</source>
        <translation>file ini dibuat oleh Loket versi lebih baru (skema {revision}); perbarui Loket dulu</translation>
    </message>
    <message>
        <source>its records cannot be read ({error})</source>
        <translation>catatannya tidak dapat dibaca ({error})</translation>
    </message>
    <message>
        <source>The outbox and the receipt numbers continue from the restored point. Sync this counter with head office before taking any payment: head office may hold payments that this backup does not.</source>
        <translation>Outbox dan nomor kuitansi berlanjut dari titik yang dipulihkan. Sinkronkan loket ini dengan kantor pusat sebelum menerima pembayaran apa pun: kantor pusat mungkin menyimpan pembayaran yang tidak ada di cadangan ini.</translation>
    </message>
    <message>
        <source>Receipt and work-order numbers continue after the last ones the replaced database had issued, so none is issued twice; the numbers in between belong to records this backup does not hold.</source>
        <translation>Nomor kuitansi dan SPK berlanjut setelah nomor terakhir yang diterbitkan basis data yang diganti, sehingga tidak ada nomor yang terbit dua kali; nomor di antaranya milik catatan yang tidak ada di cadangan ini.</translation>
    </message>
    <message>
        <source>The replaced database could not be read ({problem}), so the numbers continue from the backup: do not take payments before head office has confirmed this counter&apos;s last receipt number.</source>
        <translation>Basis data yang diganti tidak dapat dibaca ({problem}), sehingga nomor berlanjut dari cadangan: jangan terima pembayaran sebelum kantor pusat memastikan nomor kuitansi terakhir loket ini.</translation>
    </message>
    <message>
        <source>this is not a Loket receipt code</source>
        <translation>ini bukan kode kuitansi Loket</translation>
    </message>
    <message>
        <source>no receipt key for branch {branch} here</source>
        <translation>tidak ada kunci kuitansi cabang {branch} di sini</translation>
    </message>
    <message>
        <source>the signature does not match: the code was altered or not made by this branch</source>
        <translation>tanda tangannya tidak cocok: kode ini diubah atau tidak dibuat oleh cabang ini</translation>
    </message>
    <message>
        <source>receipt {receipt_no} is not in this branch database</source>
        <translation>kuitansi {receipt_no} tidak ada di basis data cabang ini</translation>
    </message>
    <message>
        <source>the database has {amount} for receipt {receipt_no}</source>
        <translation>basis data mencatat {amount} untuk kuitansi {receipt_no}</translation>
    </message>
    <message>
        <source>the database has receipt {receipt_no} paid at {at}</source>
        <translation>basis data mencatat kuitansi {receipt_no} dibayar pada {at}</translation>
    </message>
    <message>
        <source>the payment was voided: {reason}</source>
        <translation>pembayaran ini sudah dibatalkan: {reason}</translation>
    </message>
    <message>
        <source>it is damaged or cut off ({detail}); copy it again</source>
        <translation>berkas ini rusak atau terpotong ({detail}); salin lagi</translation>
    </message>
    <message>
        <source>File is not a zip file</source>
        <translation>bukan file zip</translation>
    </message>
    <message>
        <source>it holds a file it should not ({name})</source>
        <translation>berkas ini memuat file yang tidak semestinya ({name})</translation>
    </message>
    <message>
        <source>it holds the same file twice</source>
        <translation>berkas ini memuat file yang sama dua kali</translation>
    </message>
    <message>
        <source>it lacks {names}</source>
        <translation>berkas ini tidak memuat {names}</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>berkas ini terlalu besar</translation>
    </message>
    <message>
        <source>{name} inflates {ratio} times its size (a zip bomb?)</source>
        <translation>{name} mengembang {ratio} kali ukurannya (bom zip?)</translation>
    </message>
    <message>
        <source>it cannot be read ({detail})</source>
        <translation>berkas ini tidak dapat dibaca ({detail})</translation>
    </message>
    <message>
        <source>its manifest names a branch snapshot it does not hold</source>
        <translation>manifesnya menyebut snapshot cabang yang tidak dimuatnya</translation>
    </message>
    <message>
        <source>its cursor is not text</source>
        <translation>kursornya bukan teks</translation>
    </message>
    <message>
        <source>its manifest is not an object</source>
        <translation>manifesnya bukan objek</translation>
    </message>
    <message>
        <source>its manifest is not JSON</source>
        <translation>manifesnya bukan JSON</translation>
    </message>
    <message>
        <source>it is not a protocol {version} reply bundle</source>
        <translation>berkas ini bukan bundel balasan protokol {version}</translation>
    </message>
    <message>
        <source>its signature does not match (it was changed after signing)</source>
        <translation>tanda tangannya tidak cocok (berkas diubah setelah ditandatangani)</translation>
    </message>
    <message>
        <source>{name} does not match its manifest (it was changed)</source>
        <translation>{name} tidak cocok dengan manifesnya (telah diubah)</translation>
    </message>
    <message>
        <source>{name} is not valid JSON</source>
        <translation>{name} bukan JSON yang sah</translation>
    </message>
    <message>
        <source>no credential store works on this computer</source>
        <translation>tidak ada penyimpanan kredensial yang berfungsi di komputer ini</translation>
    </message>
    <message>
        <source>it did not give back a test value; nothing was sent to head office, the one-time code is still unused</source>
        <translation>penyimpanan itu tidak mengembalikan nilai uji; tidak ada yang dikirim ke kantor pusat, kode sekali pakai belum terpakai</translation>
    </message>
    <message>
        <source>it did not keep the bundle-signing key</source>
        <translation>penyimpanan itu tidak menyimpan kunci penanda tangan bundel</translation>
    </message>
    <message>
        <source>it did not keep the head-office token; register again with the same code within a few minutes</source>
        <translation>penyimpanan itu tidak menyimpan token kantor pusat; daftarkan lagi dengan kode yang sama dalam beberapa menit</translation>
    </message>
</context>
<context>
    <name>FinishingNote</name>
    <message>
        <source>Loket is finishing the work under way (a payment or a sync step) before it closes …</source>
        <translation>Loket sedang menyelesaikan pekerjaan yang berjalan (pembayaran atau langkah sinkronisasi) sebelum ditutup …</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Loket — first start</source>
        <translation>Loket — penyiapan awal</translation>
    </message>
    <message>
        <source>Ready to set up</source>
        <translation>Siap disiapkan</translation>
    </message>
    <message>
        <source>Check what Loket will set up, then press Finish.</source>
        <translation>Periksa apa yang akan disiapkan Loket, lalu tekan Selesai.</translation>
    </message>
    <message>
        <source>The demo branch</source>
        <translation>Cabang demo</translation>
    </message>
    <message>
        <source>An invented branch to try Loket out.</source>
        <translation>Cabang rekaan untuk mencoba Loket.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Kem&amp;bali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Cabang:</translation>
    </message>
    <message>
        <source>Water utility:</source>
        <translation>Perusahaan air minum:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Loket:</translation>
    </message>
    <message>
        <source>Administrator:</source>
        <translation>Administrator:</translation>
    </message>
    <message>
        <source>Receipt printer:</source>
        <translation>Printer kwitansi:</translation>
    </message>
    <message>
        <source>Branch folder:</source>
        <translation>Folder cabang:</translation>
    </message>
    <message>
        <source>Finish creates the branch database; then sign in as {user}.</source>
        <translation>Tekan Selesai untuk membuat basis data cabang, lalu masuk sebagai {user}.</translation>
    </message>
    <message>
        <source>The demo branch is already on this computer ({folder}); Finish opens it.</source>
        <translation>Cabang demo sudah ada di komputer ini ({folder}); tekan Selesai untuk membukanya.</translation>
    </message>
    <message>
        <source>Finish creates the demo branch in {folder}: {count} invented customers of Kota Kupang on the business date {date}. This takes a few seconds.</source>
        <translation>Tekan Selesai untuk membuat cabang demo di {folder}: {count} pelanggan rekaan Kota Kupang pada tanggal usaha {date}. Ini memerlukan beberapa detik.</translation>
    </message>
    <message>
        <source>Sign in as:</source>
        <translation>Masuk sebagai:</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>kasir</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Setting up this counter…</source>
        <translation>Menyiapkan loket ini…</translation>
    </message>
    <message>
        <source>Creating the demo branch…</source>
        <translation>Membuat cabang demo…</translation>
    </message>
    <message>
        <source>Nothing was set up: {reason} Correct what is needed and press Finish again.</source>
        <translation>Tidak ada yang disiapkan: {reason} Perbaiki yang perlu, lalu tekan Selesai lagi.</translation>
    </message>
</context>
<context>
    <name>Kit</name>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>The list could not be shown.</source>
        <translation>Daftar tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} rows written to {file}</source>
        <translation>{count} baris ditulis ke {file}</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Menulis {file}…</translation>
    </message>
    <message>
        <source>Could not write the file: {reason}</source>
        <translation>Berkas tidak dapat ditulis: {reason}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Loket — sign in</source>
        <translation>Loket — masuk</translation>
    </message>
    <message>
        <source>Sign in to the counter</source>
        <translation>Masuk ke loket</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nama &amp;pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>Ketik nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Ketik kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Loket</source>
        <translation>&amp;Loket</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Keluar (ganti pengguna)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Tutup aplikasi</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Pelanggan</translation>
    </message>
    <message>
        <source>&amp;Search customer</source>
        <translation>&amp;Cari pelanggan</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Enrol in the promotion…</source>
        <translation>&amp;Daftarkan ke program…</translation>
    </message>
    <message>
        <source>&amp;Pay an instalment…</source>
        <translation>&amp;Bayar cicilan…</translation>
    </message>
    <message>
        <source>&amp;Void a receipt…</source>
        <translation>Bata&amp;lkan kwitansi…</translation>
    </message>
    <message>
        <source>&amp;Reprint a receipt…</source>
        <translation>Cetak &amp;ulang kwitansi…</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>Shi&amp;ft</translation>
    </message>
    <message>
        <source>&amp;Open shift…</source>
        <translation>&amp;Buka shift…</translation>
    </message>
    <message>
        <source>&amp;Close shift (count cash)…</source>
        <translation>&amp;Tutup shift (hitung kas)…</translation>
    </message>
    <message>
        <source>L&amp;ists</source>
        <translation>&amp;Daftar</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>Lapo&amp;ran</translation>
    </message>
    <message>
        <source>&amp;Daily receipts report (LPP)</source>
        <translation>Laporan penerimaan &amp;harian (LPP)</translation>
    </message>
    <message>
        <source>&amp;Programme progress</source>
        <translation>&amp;Perkembangan program</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Si&amp;nkron</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan keyboard</translation>
    </message>
    <message>
        <source>&amp;Overdue instalments</source>
        <translation>Cicilan &amp;menunggak</translation>
    </message>
    <message>
        <source>&amp;Work orders</source>
        <translation>&amp;Perintah kerja</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s receipts</source>
        <translation>&amp;Kwitansi hari ini</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkron sekarang</translation>
    </message>
    <message>
        <source>&amp;Register counter…</source>
        <translation>&amp;Daftarkan loket…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>&amp;Ekspor berkas sinkron…</translation>
    </message>
    <message>
        <source>&amp;Import reply bundle…</source>
        <translation>&amp;Impor berkas balasan…</translation>
    </message>
    <message>
        <source>Rejected events &amp;&amp; reconciliation…</source>
        <translation>Data ditolak &amp;&amp; rekonsiliasi…</translation>
    </message>
    <message>
        <source>&amp;Allow payments after restore…</source>
        <translation>&amp;Izinkan pembayaran setelah pemulihan…</translation>
    </message>
    <message>
        <source>Open a customer first: search, then Enter.</source>
        <translation>Buka data pelanggan dulu: cari, lalu tekan Enter.</translation>
    </message>
    <message>
        <source>This action is not available yet.</source>
        <translation>Tindakan ini belum tersedia.</translation>
    </message>
    <message>
        <source>{cashier}&apos;s shift is still open on this counter. You can search and view; to take payments, {cashier} must close that shift first.</source>
        <translation>Shift {cashier} masih terbuka di loket ini. Anda dapat mencari dan melihat data; untuk menerima pembayaran, {cashier} harus menutup shift tersebut dulu.</translation>
    </message>
    <message>
        <source>Your cash count waits for a supervisor&apos;s sign-off (Shift → Close shift).</source>
        <translation>Hasil hitung kas Anda menunggu persetujuan supervisor (Shift → Tutup shift).</translation>
    </message>
    <message>
        <source>A shift is already open on this counter ({cashier}).</source>
        <translation>Sudah ada shift yang terbuka di loket ini ({cashier}).</translation>
    </message>
    <message>
        <source>No shift is open on this counter.</source>
        <translation>Tidak ada shift yang terbuka di loket ini.</translation>
    </message>
    <message>
        <source>Only {cashier} can count the cash of their shift.</source>
        <translation>Hanya {cashier} yang dapat menghitung kas shift-nya.</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Buka shift</translation>
    </message>
    <message>
        <source>No shift is open on this counter. Open one to take payments, or continue without a shift to search and view only.</source>
        <translation>Belum ada shift yang terbuka di loket ini. Buka shift untuk menerima pembayaran, atau lanjutkan tanpa shift untuk mencari dan melihat data saja.</translation>
    </message>
    <message>
        <source>Opening &amp;float (cash in the drawer):</source>
        <translation>&amp;Modal awal (uang di laci):</translation>
    </message>
    <message>
        <source>Continue without a shift</source>
        <translation>Lanjutkan tanpa shift</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type the opening float (0 if the drawer is empty).</source>
        <translation>Ketik modal awal (0 jika laci kosong).</translation>
    </message>
</context>
<context>
    <name>OverduePage</name>
    <message>
        <source>Connection no.</source>
        <translation>No. sambungan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>Cicilan ke</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Hari terlambat</translation>
    </message>
    <message>
        <source>Overdue instalments</source>
        <translation>Cicilan menunggak</translation>
    </message>
    <message>
        <source>Name or kelurahan</source>
        <translation>Nama atau kelurahan</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Ekspor &amp;XLSX…</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>Per &amp;tanggal:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Saring:</translation>
    </message>
    <message>
        <source>{count} overdue instalments, {amount} outstanding</source>
        <translation>{count} cicilan menunggak, sisa tagihan {amount}</translation>
    </message>
    <message>
        <source>overdue-instalments-{day}</source>
        <translation>cicilan-menunggak-{day}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Transfer or QRIS reference</source>
        <translation>Nomor referensi transfer atau QRIS</translation>
    </message>
    <message>
        <source>exact amount</source>
        <translation>uang pas</translation>
    </message>
    <message>
        <source>&amp;Amount to pay</source>
        <translation>&amp;Jumlah bayar</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>C&amp;ara bayar</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referensi</translation>
    </message>
    <message>
        <source>Money &amp;received</source>
        <translation>&amp;Uang diterima</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>Bayar (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Kembalian: {amount}</translation>
    </message>
    <message>
        <source>Short by: {amount}</source>
        <translation>Kurang: {amount}</translation>
    </message>
    <message>
        <source>Type the amount.</source>
        <translation>Ketik jumlah yang dibayar.</translation>
    </message>
    <message>
        <source>Saving the payment…</source>
        <translation>Menyimpan pembayaran…</translation>
    </message>
</context>
<context>
    <name>PdfViewDialog</name>
    <message>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Cetak (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
</context>
<context>
    <name>PendingChangeNote</name>
    <message>
        <source>Change requested (pending head office): {changes} · {day}, {who}</source>
        <translation>Perubahan diajukan (menunggu kantor pusat): {changes} · {day}, {who}</translation>
    </message>
    <message>
        <source>Change request approved by head office ({day}): {changes}</source>
        <translation>Perubahan disetujui kantor pusat ({day}): {changes}</translation>
    </message>
    <message>
        <source>Change request rejected by head office ({day}): {changes}</source>
        <translation>Perubahan ditolak kantor pusat ({day}): {changes}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>The receipt printer</source>
        <translation>Printer kwitansi</translation>
    </message>
    <message>
        <source>Receipts go straight to the printer chosen here. With the system default printer, each receipt is shown first, ready to print.</source>
        <translation>Kwitansi langsung dicetak ke printer yang dipilih di sini. Dengan printer bawaan sistem, setiap kwitansi ditampilkan dulu, siap dicetak.</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>Printer bawaan sistem</translation>
    </message>
    <message>
        <source>{printer} (not installed)</source>
        <translation>{printer} (tidak terpasang)</translation>
    </message>
    <message>
        <source>80 mm thermal roll</source>
        <translation>Gulungan termal 80 mm</translation>
    </message>
    <message>
        <source>58 mm thermal roll</source>
        <translation>Gulungan termal 58 mm</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>Lembar A5</translation>
    </message>
    <message>
        <source>Half-letter sheet</source>
        <translation>Lembar half-letter</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>K&amp;ertas:</translation>
    </message>
    <message>
        <source>No printer is installed on this computer yet. Once it is, an admin chooses it in Loket → Counter settings.</source>
        <translation>Belum ada printer yang terpasang di komputer ini. Setelah dipasang, admin memilihnya di Loket → Pengaturan loket.</translation>
    </message>
</context>
<context>
    <name>PrinterTable</name>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Receipts print straight to their printer; with the system default printer each receipt is shown first, ready to print. Other documents open in the viewer, whose Print starts at the printer chosen here.</source>
        <translation>Kwitansi langsung dicetak di printernya; dengan printer bawaan sistem setiap kwitansi ditampilkan dulu, siap dicetak. Dokumen lain dibuka di penampil, dan tombol Cetak di sana mulai dari printer yang dipilih di sini.</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kwitansi</translation>
    </message>
    <message>
        <source>Instalment agreements</source>
        <translation>Surat perjanjian angsuran</translation>
    </message>
    <message>
        <source>Work orders (SPK)</source>
        <translation>Perintah kerja (SPK)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>80 mm thermal roll</source>
        <translation>Gulungan termal 80 mm</translation>
    </message>
    <message>
        <source>58 mm thermal roll</source>
        <translation>Gulungan termal 58 mm</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>Lembar A5</translation>
    </message>
    <message>
        <source>Half-letter sheet</source>
        <translation>Lembar half-letter</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>Lembar A4</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>Printer bawaan sistem</translation>
    </message>
    <message>
        <source>{printer} (not installed)</source>
        <translation>{printer} (tidak terpasang)</translation>
    </message>
    <message>
        <source>Printer for {document}</source>
        <translation>Printer untuk {document}</translation>
    </message>
    <message>
        <source>Paper for {document}</source>
        <translation>Kertas untuk {document}</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Uji cetak</translation>
    </message>
    <message>
        <source>This computer has no default printer: choose a printer.</source>
        <translation>Komputer ini tidak punya printer bawaan: pilih printer.</translation>
    </message>
    <message>
        <source>Printing a test receipt on {printer}…</source>
        <translation>Mencetak kwitansi uji di {printer}…</translation>
    </message>
    <message>
        <source>The test print failed: {problem}</source>
        <translation>Uji cetak gagal: {problem}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Sent to the printer {printer}.</source>
        <translation>Sudah dikirim ke printer {printer}.</translation>
    </message>
    <message>
        <source>No printer is installed on this computer.</source>
        <translation>Belum ada printer yang terpasang di komputer ini.</translation>
    </message>
    <message>
        <source>The printer {printer} is not installed on this computer.</source>
        <translation>Printer {printer} tidak terpasang di komputer ini.</translation>
    </message>
    <message>
        <source>The printer {printer} did not accept the job.</source>
        <translation>Printer {printer} tidak menerima cetakan.</translation>
    </message>
    <message>
        <source>The document could not be read for printing.</source>
        <translation>Dokumen tidak dapat dibaca untuk dicetak.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>No. kwitansi</translation>
    </message>
    <message>
        <source>Connection no.</source>
        <translation>No. sambungan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Untuk</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>BATAL: {reason}</translation>
    </message>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>Kwitansi hari ini</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Ekspor &amp;XLSX…</translation>
    </message>
    <message>
        <source>Log in to see the receipts of this counter.</source>
        <translation>Silakan masuk untuk melihat penerimaan loket ini.</translation>
    </message>
    <message>
        <source>Today&apos;s receipts — counter {counter}, {day}</source>
        <translation>Kwitansi hari ini — loket {counter}, {day}</translation>
    </message>
    <message>
        <source>{count} receipts ({voided} voided) · {by_method} · Total {total}</source>
        <translation>{count} kwitansi ({voided} batal) · {by_method} · Total {total}</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Waktu bayar</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>Alasan batal</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kwitansi</translation>
    </message>
    <message>
        <source>receipts-{day}</source>
        <translation>kwitansi-{day}</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register this counter with head office</source>
        <translation>Daftarkan loket ini ke kantor pusat</translation>
    </message>
    <message>
        <source>One-time code from head office</source>
        <translation>Kode sekali pakai dari kantor pusat</translation>
    </message>
    <message>
        <source>Optional: CA certificate file</source>
        <translation>Opsional: berkas sertifikat CA</translation>
    </message>
    <message>
        <source>This counter is registered with {url}. A new code registers it again.</source>
        <translation>Loket ini terdaftar di {url}. Kode baru akan mendaftarkannya ulang.</translation>
    </message>
    <message>
        <source>Head-office address:</source>
        <translation>Alamat kantor pusat:</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Kode sekali pakai:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Berkas CA:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type head office&apos;s address.</source>
        <translation>Ketik alamat kantor pusat.</translation>
    </message>
    <message>
        <source>Type the one-time code.</source>
        <translation>Ketik kode sekali pakai.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Sedang mendaftarkan…</translation>
    </message>
    <message>
        <source>Registration failed unexpectedly. Try again.</source>
        <translation>Pendaftaran gagal tanpa terduga. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Daily receipts report (LPP)</source>
        <translation>Laporan penerimaan harian (LPP)</translation>
    </message>
    <message>
        <source>Programme progress report</source>
        <translation>Laporan perkembangan program</translation>
    </message>
    <message>
        <source>Saved as {name} in {folder} (and the XLSX beside it)</source>
        <translation>Disimpan sebagai {name} di {folder} (beserta berkas XLSX di sebelahnya)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint a receipt</source>
        <translation>Cetak ulang kwitansi</translation>
    </message>
    <message>
        <source>Reprint (Enter)</source>
        <translation>Cetak ulang (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Which receipt should be printed again?</source>
        <translation>Kwitansi mana yang dicetak ulang?</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>BATAL</translation>
    </message>
    <message>
        <source>Receipt {no} was voided; its copy is marked BATAL.</source>
        <translation>Kwitansi {no} sudah dibatalkan; salinannya diberi tanda BATAL.</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restore the branch database from this backup?</source>
        <translation>Pulihkan basis data cabang dari cadangan ini?</translation>
    </message>
    <message>
        <source>{file}
taken {time} · {payments} payments · {records} audit records; the file is sound and its audit trail unbroken.</source>
        <translation>{file}
dibuat {time} · {payments} pembayaran · {records} catatan audit; berkasnya utuh dan jejak auditnya tidak terputus.</translation>
    </message>
    <message>
        <source>To confirm, type your password ({username}):</source>
        <translation>Untuk menegaskan, ketik kata sandi Anda ({username}):</translation>
    </message>
    <message>
        <source>Restore and log everyone out</source>
        <translation>Pulihkan dan keluarkan semua pengguna</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>• The database goes back to the time of this backup. Payments, enrolments and voids made after it are not in it.</source>
        <translation>• Basis data kembali ke saat cadangan ini dibuat. Pembayaran, pendaftaran dan pembatalan sesudahnya tidak ada di dalamnya.</translation>
    </message>
    <message>
        <source>• The outbox and the receipt numbers continue from the restored point; no receipt number is ever issued twice.</source>
        <translation>• Kotak keluar dan nomor kwitansi berlanjut dari titik yang dipulihkan; tidak ada nomor kwitansi yang terbit dua kali.</translation>
    </message>
    <message>
        <source>• Sync this counter with head office before taking any payment.</source>
        <translation>• Sinkronkan loket ini dengan kantor pusat sebelum menerima pembayaran apa pun.</translation>
    </message>
    <message>
        <source>• Everyone is logged out. The current database is kept in the backups folder.</source>
        <translation>• Semua pengguna dikeluarkan. Basis data yang sekarang disimpan di folder cadangan.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Ketik kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>The branch database was restored from {file}. Payments made after that backup are not in it.</source>
        <translation>Basis data cabang telah dipulihkan dari {file}. Pembayaran sesudah cadangan itu tidak ada di dalamnya.</translation>
    </message>
    <message>
        <source>The database it replaced is kept as {file}.</source>
        <translation>Basis data yang digantikan disimpan sebagai {file}.</translation>
    </message>
    <message>
        <source>Receipt numbers of counter {counter} ({year}) continue after {number}; the backup ended at {restored}.</source>
        <translation>Nomor kwitansi loket {counter} ({year}) berlanjut setelah {number}; cadangan berakhir di {restored}.</translation>
    </message>
    <message>
        <source>Work-order numbers of counter {counter} ({year}) continue after {number}; the backup ended at {restored}.</source>
        <translation>Nomor SPK loket {counter} ({year}) berlanjut setelah {number}; cadangan berakhir di {restored}.</translation>
    </message>
    <message>
        <source>The replaced database could not be read, so the numbers continue from the backup: take no payment before head office has confirmed this counter&apos;s last receipt number.</source>
        <translation>Basis data yang digantikan tidak dapat dibaca, jadi nomor berlanjut dari cadangan: jangan terima pembayaran sebelum kantor pusat menegaskan nomor kwitansi terakhir loket ini.</translation>
    </message>
    <message>
        <source>Sync this counter with head office before taking any payment.</source>
        <translation>Sinkronkan loket ini dengan kantor pusat sebelum menerima pembayaran apa pun.</translation>
    </message>
    <message>
        <source>Until then Loket refuses payments; with no link to head office, a supervisor can allow them in the Sync menu.</source>
        <translation>Sampai saat itu Loket menolak pembayaran; bila tidak ada sambungan ke kantor pusat, supervisor dapat mengizinkannya di menu Sinkron.</translation>
    </message>
    <message>
        <source>The restore did not happen: {why}

The current database is unchanged and open again.</source>
        <translation>Pemulihan tidak terjadi: {why}

Basis data yang sekarang tidak berubah dan sudah dibuka kembali.</translation>
    </message>
    <message>
        <source>The restore did not happen, and the branch database cannot be opened: {why}</source>
        <translation>Pemulihan tidak terjadi, dan basis data cabang tidak dapat dibuka: {why}</translation>
    </message>
    <message>
        <source>The branch database {path} is damaged ({problem}).

The newest backup that passes the check is {file}, taken {time}. Restoring it brings the database back to that time: payments made after it are not in it, and no receipt number is ever issued twice. Sync with head office before taking any payment.

The damaged database is kept in the backups folder.</source>
        <translation>Basis data cabang {path} rusak ({problem}).

Cadangan terbaru yang lolos pemeriksaan adalah {file}, dibuat {time}. Memulihkannya mengembalikan basis data ke saat itu: pembayaran sesudahnya tidak ada di dalamnya, dan tidak ada nomor kwitansi yang terbit dua kali. Sinkronkan dengan kantor pusat sebelum menerima pembayaran apa pun.

Basis data yang rusak disimpan di folder cadangan.</translation>
    </message>
    <message>
        <source>Restore the last good backup</source>
        <translation>Pulihkan cadangan baik terakhir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>RestoreReleaseDialog</name>
    <message>
        <source>Allow payments after a restore</source>
        <translation>Izinkan pembayaran setelah pemulihan</translation>
    </message>
    <message>
        <source>e.g. no link to head office since Monday</source>
        <translation>mis. tidak ada sambungan ke kantor pusat sejak Senin</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>Allow payments (Enter)</source>
        <translation>Izinkan pembayaran (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Payments are not blocked on this counter: there is nothing to allow.</source>
        <translation>Pembayaran di loket ini tidak ditahan: tidak ada yang perlu diizinkan.</translation>
    </message>
    <message>
        <source>On {date} head office found that this counter&apos;s books no longer match what it holds (the audit chain). Payments wait until head office has checked the books and cleared it, and a supervisor allows them here; the release and its reason are recorded and reported to head office.</source>
        <translation>Pada {date} kantor pusat mendapati pembukuan loket ini tidak lagi cocok dengan yang dicatatnya (rantai audit). Pembayaran menunggu sampai kantor pusat memeriksa pembukuan dan membereskannya, dan supervisor mengizinkannya di sini; pelepasan beserta alasannya dicatat dan dilaporkan ke kantor pusat.</translation>
    </message>
    <message>
        <source>This counter was restored from the backup {file} on {date}. Until head office has confirmed it (at the next sync), payments wait: head office may hold payments that this backup lacks. Sync first if you can. Allow payments only when there is no link to head office; the release and its reason are recorded and reported to head office.</source>
        <translation>Loket ini dipulihkan dari cadangan {file} pada {date}. Sampai kantor pusat mengonfirmasinya (pada sinkron berikutnya), pembayaran ditahan: kantor pusat mungkin menyimpan pembayaran yang tidak ada di cadangan ini. Lakukan sinkron lebih dulu bila bisa. Izinkan pembayaran hanya bila tidak ada sambungan ke kantor pusat; izin ini beserta alasannya dicatat dan dilaporkan ke kantor pusat.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>RestoreRun</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restoring the branch database from {file}. Loket is closed meanwhile; this may take a few minutes.</source>
        <translation>Memulihkan basis data cabang dari {file}. Loket ditutup selama itu; ini bisa memakan beberapa menit.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>cashier</source>
        <translation>kasir</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Connection no.</source>
        <translation>No. sambungan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Tunggakan</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Name, address, kelurahan or connection number</source>
        <translation>Nama, alamat, kelurahan atau nomor sambungan</translation>
    </message>
    <message>
        <source>Search customer</source>
        <translation>Cari pelanggan</translation>
    </message>
    <message>
        <source>&amp;Search customer:</source>
        <translation>&amp;Cari pelanggan:</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Mungkin maksud Anda:</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a connection number. Choose a customer with ↓ and press Enter, or press Esc to clear the field and scan again.</source>
        <translation>&apos;{text}&apos; bukan nomor sambungan. Pilih pelanggan dengan ↓ lalu tekan Enter, atau tekan Esc untuk mengosongkan kolom dan pindai lagi.</translation>
    </message>
    <message>
        <source>Type a name, address, kelurahan or connection number.</source>
        <translation>Ketik nama, alamat, kelurahan atau nomor sambungan.</translation>
    </message>
    <message>
        <source>Type a name, address, kelurahan or connection number ({count} customers).</source>
        <translation>Ketik nama, alamat, kelurahan atau nomor sambungan ({count} pelanggan).</translation>
    </message>
    <message>
        <source>No customer matches &apos;{text}&apos;.</source>
        <translation>Tidak ada pelanggan yang cocok dengan &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>More than {total} customers found; the first {shown} are shown. Type more to narrow it down.</source>
        <translation>Ditemukan lebih dari {total} pelanggan; {shown} yang pertama ditampilkan. Ketik lebih lengkap untuk mempersempit.</translation>
    </message>
    <message>
        <source>Customers found: {total}; the first {shown} are shown.</source>
        <translation>Pelanggan ditemukan: {total}; {shown} yang pertama ditampilkan.</translation>
    </message>
    <message>
        <source>Customers found: {total}</source>
        <translation>Pelanggan ditemukan: {total}</translation>
    </message>
    <message>
        <source>No similar names either. Check the spelling or search by address or kelurahan.</source>
        <translation>Tidak ada nama yang mirip. Periksa ejaannya atau cari dengan alamat atau kelurahan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>The language changes the next time you sign in.</source>
        <translation>Bahasa berganti saat Anda masuk berikutnya.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Tampilkan daftar pintasan ini</translation>
    </message>
    <message>
        <source>Go to the customer search field</source>
        <translation>Ke kolom pencarian pelanggan</translation>
    </message>
    <message>
        <source>Enrol the customer in the promotion</source>
        <translation>Daftarkan pelanggan ke program promo</translation>
    </message>
    <message>
        <source>Void a receipt (supervisor)</source>
        <translation>Batalkan kwitansi (dengan supervisor)</translation>
    </message>
    <message>
        <source>Reprint a receipt</source>
        <translation>Cetak ulang kwitansi</translation>
    </message>
    <message>
        <source>Pay an instalment</source>
        <translation>Bayar cicilan</translation>
    </message>
    <message>
        <source>Back to the search / clear the search field</source>
        <translation>Kembali ke pencarian / kosongkan kolom pencarian</translation>
    </message>
    <message>
        <source>List: overdue instalments</source>
        <translation>Daftar: cicilan menunggak</translation>
    </message>
    <message>
        <source>List: work orders</source>
        <translation>Daftar: perintah kerja</translation>
    </message>
    <message>
        <source>List: today&apos;s receipts</source>
        <translation>Daftar: kwitansi hari ini</translation>
    </message>
    <message>
        <source>Sync with head office now</source>
        <translation>Sinkron dengan kantor pusat sekarang</translation>
    </message>
    <message>
        <source>Open the selected or scanned customer</source>
        <translation>Buka pelanggan yang dipilih atau dipindai</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Atas, Bawah</translation>
    </message>
    <message>
        <source>Move through the search results</source>
        <translation>Berpindah di hasil pencarian</translation>
    </message>
    <message>
        <source>Open the menus ({menus})</source>
        <translation>Membuka menu ({menus})</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Fungsi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to Loket</source>
        <translation>Selamat datang di Loket</translation>
    </message>
    <message>
        <source>There is no branch database on this computer yet.</source>
        <translation>Belum ada basis data cabang di komputer ini.</translation>
    </message>
    <message>
        <source>&amp;Set up this counter</source>
        <translation>Si&amp;apkan loket ini</translation>
    </message>
    <message>
        <source>&amp;Try Loket with the demo branch</source>
        <translation>&amp;Coba Loket dengan cabang demo</translation>
    </message>
    <message>
        <source>For a counter at a branch office: you enter the branch, this counter, the first administrator and the receipt printer.</source>
        <translation>Untuk loket di kantor cabang: Anda mengisi cabang, loket ini, administrator pertama, dan printer kwitansi.</translation>
    </message>
    <message>
        <source>An invented Kota Kupang branch full of customers, to try Loket out. Nothing is sent to head office.</source>
        <translation>Cabang Kota Kupang rekaan yang penuh pelanggan, untuk mencoba Loket. Tidak ada yang dikirim ke kantor pusat.</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>The settings file {files} could not be read; Loket uses the default settings instead.</source>
        <translation>Berkas pengaturan {files} tidak dapat dibaca; Loket memakai pengaturan bawaan.</translation>
    </message>
    <message>
        <source>The log file says what is wrong: {path}</source>
        <translation>Berkas log menjelaskan masalahnya: {path}</translation>
    </message>
</context>
<context>
    <name>SupervisorCredentials</name>
    <message>
        <source>S&amp;upervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>Supervisor&apos;s pass&amp;word</source>
        <translation>Kata sandi su&amp;pervisor</translation>
    </message>
    <message>
        <source>A supervisor must type their user name and password.</source>
        <translation>Supervisor harus mengetik nama pengguna dan kata sandinya.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>This counter is now registered with head office.</source>
        <translation>Loket ini sekarang terdaftar di kantor pusat.</translation>
    </message>
    <message>
        <source>Payments are allowed again. Sync with head office as soon as there is a link.</source>
        <translation>Pembayaran diizinkan lagi. Sinkronkan dengan kantor pusat begitu ada sambungan.</translation>
    </message>
    <message>
        <source>Export sync bundle</source>
        <translation>Ekspor berkas sinkron</translation>
    </message>
    <message>
        <source>Bundle written to {path}. No change was waiting; it only asks head office for news.</source>
        <translation>Berkas ditulis ke {path}. Tidak ada perubahan yang menunggu; berkas ini hanya meminta kabar terbaru dari kantor pusat.</translation>
    </message>
    <message>
        <source>Bundle written to {path}: {count} changes (numbers {first} to {last}). Take it to head office and bring back the reply.</source>
        <translation>Berkas ditulis ke {path}: {count} perubahan (nomor {first} sampai {last}). Bawa ke kantor pusat dan bawa kembali berkas balasannya.</translation>
    </message>
    <message>
        <source>Import reply bundle</source>
        <translation>Impor berkas balasan</translation>
    </message>
    <message>
        <source>Reply imported: {acked} changes confirmed by head office, {changes} updates received.</source>
        <translation>Balasan diimpor: {acked} perubahan dikonfirmasi kantor pusat, {changes} pembaruan diterima.</translation>
    </message>
    <message>
        <source>{count} changes were refused; see Sync → Rejected events.</source>
        <translation>{count} perubahan ditolak; lihat Sinkron → Data ditolak.</translation>
    </message>
    <message>
        <source>Head office is missing earlier changes: export a new bundle and take it there.</source>
        <translation>Kantor pusat belum menerima perubahan sebelumnya: ekspor berkas baru dan bawa ke sana.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Speed:</source>
        <translation>Kecepatan:</translation>
    </message>
    <message>
        <source>Receiving the branch&apos;s data (first sync)</source>
        <translation>Menerima data cabang (sinkron pertama)</translation>
    </message>
    <message>
        <source>{rate}/s</source>
        <translation>{rate}/dtk</translation>
    </message>
    <message>
        <source>{speed} · {left} left</source>
        <translation>{speed} · sisa {left}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} dtk</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} mnt {seconds} dtk</translation>
    </message>
    <message>
        <source>{kept} of {total} of the branch&apos;s data is kept; press Sync to continue from there.</source>
        <translation>{kept} dari {total} data cabang sudah tersimpan; tekan Sinkron untuk melanjutkan dari situ.</translation>
    </message>
    <message>
        <source>Sync with head office</source>
        <translation>Sinkron dengan kantor pusat</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Jumlah data:</translation>
    </message>
    <message>
        <source>Sent / received:</source>
        <translation>Terkirim / diterima:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Sending this counter&apos;s changes</source>
        <translation>Mengirim perubahan dari loket ini</translation>
    </message>
    <message>
        <source>Receiving changes from head office</source>
        <translation>Menerima perubahan dari kantor pusat</translation>
    </message>
    <message>
        <source>Comparing totals with head office</source>
        <translation>Mencocokkan total dengan kantor pusat</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} dari {total}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Sync cancelled. {acked} changes were sent; the rest waits for the next sync.</source>
        <translation>Sinkron dibatalkan. {acked} perubahan sudah terkirim; sisanya menunggu sinkron berikutnya.</translation>
    </message>
    <message>
        <source>Sync finished: {acked} changes sent, {pulled} received.</source>
        <translation>Sinkron selesai: {acked} perubahan terkirim, {pulled} diterima.</translation>
    </message>
    <message>
        <source>{count} changes were refused by head office; a supervisor should look at them (Sync → Rejected events).</source>
        <translation>{count} perubahan ditolak kantor pusat; mohon diperiksa supervisor (Sinkron → Data ditolak).</translation>
    </message>
    <message>
        <source>THE TOTALS DO NOT MATCH HEAD OFFICE. Call your supervisor.</source>
        <translation>TOTAL TIDAK COCOK DENGAN KANTOR PUSAT. Hubungi supervisor Anda.</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Tidak selesai</translation>
    </message>
    <message>
        <source>The sync stopped unexpectedly; nothing was lost. Try again later.</source>
        <translation>Sinkron berhenti tanpa terduga; tidak ada data yang hilang. Coba lagi nanti.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Berhenti setelah kelompok data ini…</translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <source>nothing answers at {address}</source>
        <translation>tidak ada yang menjawab di {address}</translation>
    </message>
    <message>
        <source>no answer within {seconds} seconds</source>
        <translation>tidak ada jawaban dalam {seconds} detik</translation>
    </message>
    <message>
        <source>the connection was cut</source>
        <translation>sambungan terputus</translation>
    </message>
    <message>
        <source>the link is too slow: {size} bytes in {seconds} seconds</source>
        <translation>sambungan terlalu lambat: {size} byte dalam {seconds} detik</translation>
    </message>
    <message>
        <source>secure connection failed ({reason})</source>
        <translation>sambungan aman gagal ({reason})</translation>
    </message>
    <message>
        <source>the CA file {file} cannot be used</source>
        <translation>berkas sertifikat {file} tidak dapat dipakai</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not an http(s) address</source>
        <translation>&apos;{address}&apos; bukan alamat http(s)</translation>
    </message>
    <message>
        <source>head office failed: {detail}</source>
        <translation>server pusat sedang bermasalah: {detail}</translation>
    </message>
    <message>
        <source>the answer was cut off</source>
        <translation>jawaban terpotong</translation>
    </message>
    <message>
        <source>the compressed answer is damaged</source>
        <translation>jawaban yang dimampatkan rusak</translation>
    </message>
    <message>
        <source>the compressed answer is cut off</source>
        <translation>jawaban yang dimampatkan terpotong</translation>
    </message>
    <message>
        <source>the answer is too large</source>
        <translation>jawaban terlalu besar</translation>
    </message>
    <message>
        <source>the answer is not complete JSON</source>
        <translation>jawaban tidak lengkap</translation>
    </message>
    <message>
        <source>the request is too large</source>
        <translation>kiriman terlalu besar</translation>
    </message>
    <message>
        <source>this counter belongs to another branch</source>
        <translation>loket ini terdaftar di cabang lain</translation>
    </message>
    <message>
        <source>the request does not follow the sync protocol</source>
        <translation>kiriman tidak sesuai protokol sinkron</translation>
    </message>
    <message>
        <source>head office does not know this request</source>
        <translation>server pusat tidak mengenal permintaan ini</translation>
    </message>
    <message>
        <source>head office&apos;s data was reset</source>
        <translation>data server pusat telah diatur ulang</translation>
    </message>
    <message>
        <source>an answer Loket does not understand</source>
        <translation>jawaban yang tidak dipahami Loket</translation>
    </message>
    <message>
        <source>code {code}, HTTP {status}</source>
        <translation>kode {code}, HTTP {status}</translation>
    </message>
</context>
<context>
    <name>SyncReviewDialog</name>
    <message>
        <source>Rejected events and reconciliation</source>
        <translation>Data ditolak dan rekonsiliasi</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Cabang</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>Kantor pusat</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>ID data</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>THIS DATABASE IS BEHIND HEAD OFFICE: it was restored from an older backup. Take no payments and call head office.</source>
        <translation>BASIS DATA INI TERTINGGAL DARI KANTOR PUSAT: dipulihkan dari cadangan lama. Jangan terima pembayaran dan hubungi kantor pusat.</translation>
    </message>
    <message>
        <source>No reconciliation yet: it runs after every sync.</source>
        <translation>Belum ada rekonsiliasi: rekonsiliasi berjalan setelah setiap sinkron.</translation>
    </message>
    <message>
        <source>MISMATCH: {count} totals differ from head office (checked {at}, up to event {seq}). Nothing was corrected; call head office.</source>
        <translation>TIDAK COCOK: {count} total berbeda dengan kantor pusat (diperiksa {at}, sampai data nomor {seq}). Tidak ada yang dikoreksi; hubungi kantor pusat.</translation>
    </message>
    <message>
        <source>Totals match head office (checked {at}, up to event {seq}).</source>
        <translation>Total cocok dengan kantor pusat (diperiksa {at}, sampai data nomor {seq}).</translation>
    </message>
    <message>
        <source>{count} events were refused by head office and wait in its exceptions queue:</source>
        <translation>{count} data ditolak kantor pusat dan menunggu di antrean pengecualian:</translation>
    </message>
    <message>
        <source>No event was refused by head office.</source>
        <translation>Tidak ada data yang ditolak kantor pusat.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a payment</source>
        <translation>Batalkan pembayaran</translation>
    </message>
    <message>
        <source>e.g. wrong amount typed</source>
        <translation>mis. salah ketik jumlah</translation>
    </message>
    <message>
        <source>Recei&amp;pt</source>
        <translation>&amp;Kwitansi</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>Void the receipt (Enter)</source>
        <translation>Batalkan kwitansi (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>There is no receipt left to void.</source>
        <translation>Tidak ada kwitansi yang dapat dibatalkan.</translation>
    </message>
    <message>
        <source>This is a down payment: voiding it cancels the enrolment. The penalties come back, the unseal work order is cancelled, or a re-seal order is issued if the seal was already opened.</source>
        <translation>Ini uang muka: membatalkannya juga membatalkan kepesertaan program. Denda dikenakan kembali, SPK buka segel dibatalkan, atau SPK segel ulang diterbitkan bila segel sudah dibuka.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>WorkOrderDoneDialog</name>
    <message>
        <source>Work order {number} done</source>
        <translation>SPK {number} selesai</translation>
    </message>
    <message>
        <source>{number}
{customer} ({connection_no})
{address}, {kelurahan}</source>
        <translation>{number}
{customer} ({connection_no})
{address}, {kelurahan}</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh kosong</translation>
    </message>
    <message>
        <source>&amp;Date done:</source>
        <translation>&amp;Tanggal selesai:</translation>
    </message>
    <message>
        <source>Field &amp;officer:</source>
        <translation>&amp;Petugas lapangan:</translation>
    </message>
    <message>
        <source>&amp;Meter reading:</source>
        <translation>Angka &amp;meter:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The date done cannot be after today ({today}).</source>
        <translation>Tanggal selesai tidak boleh setelah hari ini ({today}).</translation>
    </message>
    <message>
        <source>The order was issued on {issued}; it cannot be done before that.</source>
        <translation>SPK diterbitkan tanggal {issued}; tanggal selesai tidak boleh sebelumnya.</translation>
    </message>
    <message>
        <source>The meter reading is a whole number, 0 or more (or leave it empty).</source>
        <translation>Angka meter harus bilangan bulat, 0 atau lebih (atau biarkan kosong).</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>No. meter</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Waktu terbit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Tanggal selesai</translation>
    </message>
    <message>
        <source>Field officer</source>
        <translation>Petugas lapangan</translation>
    </message>
    <message>
        <source>Seal work orders</source>
        <translation>Perintah kerja segel (SPK)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Number, name, connection no. or kelurahan</source>
        <translation>Nomor, nama, no. sambungan atau kelurahan</translation>
    </message>
    <message>
        <source>&amp;Mark done…</source>
        <translation>&amp;Tandai selesai…</translation>
    </message>
    <message>
        <source>&amp;Print SPK</source>
        <translation>&amp;Cetak SPK</translation>
    </message>
    <message>
        <source>Open &amp;account</source>
        <translation>B&amp;uka data pelanggan</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Ekspor CS&amp;V…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Ekspor &amp;XLSX…</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Ca&amp;ri:</translation>
    </message>
    <message>
        <source>{count} work orders</source>
        <translation>{count} SPK</translation>
    </message>
    <message>
        <source>Connection no.</source>
        <translation>No. sambungan</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Perintah kerja</translation>
    </message>
    <message>
        <source>work-orders-{day}</source>
        <translation>perintah-kerja-{day}</translation>
    </message>
    <message>
        <source>Work order {number} is done; {customer} is now {status}.</source>
        <translation>SPK {number} selesai; {customer} kini {status}.</translation>
    </message>
    <message>
        <source>Preparing SPK {number}…</source>
        <translation>Menyiapkan SPK {number}…</translation>
    </message>
    <message>
        <source>SPK {number} saved to {file}</source>
        <translation>SPK {number} disimpan di {file}</translation>
    </message>
    <message>
        <source>SPK {number}</source>
        <translation>SPK {number}</translation>
    </message>
</context>
</TS>
