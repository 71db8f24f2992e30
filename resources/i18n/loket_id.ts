<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
  <context>
    <name>Errors</name>
    <message>
      <source>'{text}' is not an amount in rupiah.</source>
      <translation>'{text}' bukan jumlah rupiah yang sah.</translation>
    </message>
    <message>
      <source>'{text}' could mean more than one amount. Type the digits, e.g. 2400000.</source>
      <translation>'{text}' bisa berarti lebih dari satu jumlah. Ketik angkanya saja, mis. 2400000.</translation>
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
      <source>No customer with connection number '{connection_no}'.</source>
      <translation>Tidak ada pelanggan dengan nomor sambungan '{connection_no}'.</translation>
    </message>
    <message>
      <source>No promotion programme '{code}'.</source>
      <translation>Tidak ada program promo '{code}'.</translation>
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
      <source>No payment with receipt number '{receipt_no}'.</source>
      <translation>Tidak ada pembayaran dengan nomor kwitansi '{receipt_no}'.</translation>
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
      <source>'{username}' may not do this.</source>
      <translation>'{username}' tidak berwenang melakukan ini.</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
      <source>User '{username}' is locked until {until} after too many wrong passwords.</source>
      <translation>Pengguna '{username}' dikunci sampai pukul {until} karena terlalu sering salah kata sandi.</translation>
    </message>
    <message>
      <source>User '{username}' already exists.</source>
      <translation>Pengguna '{username}' sudah ada.</translation>
    </message>
    <message>
      <source>No user '{username}'.</source>
      <translation>Tidak ada pengguna '{username}'.</translation>
    </message>
    <message>
      <source>A password needs at least {minimum} characters.</source>
      <translation>Kata sandi minimal {minimum} karakter.</translation>
    </message>
    <message>
      <source>No work order '{number}'.</source>
      <translation>Tidak ada SPK '{number}'.</translation>
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
      <source>'{text}' is not a date.</source>
      <translation>'{text}' bukan tanggal yang sah.</translation>
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
      <source>{cashier}'s shift is still open on this counter.</source>
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
  </context>
</TS>