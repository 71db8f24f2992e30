"""An exception's detail (the sync rules' sentence for the operator, in English) said in
Bahasa Indonesia, with the numbers, receipts and branches it names.

:func:`detail_text` gives the Indonesian sentence, or "" for a sentence it does not know
(the page then offers the original under "Rincian teknis", closed).
"""

from __future__ import annotations

import re

from headoffice.console.words import PLAN_STATES

_ID = r"'?([^\s';,()]+)'?"
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern.replace("{id}", _ID)), words) for pattern, words in (
        (r"customer {id} was enrolled first at branch {id} on {id} \((\w+)\); the down "
         r"payment {id} is kept as a credit",
         "Pelanggan \\1 sudah terdaftar lebih dulu di cabang \\2 pada \\3 («\\4»); "
         "uang muka \\5 disimpan sebagai kredit."),
        (r"enrolment {id} was already received", "Pendaftaran \\1 sudah diterima sebelumnya."),
        (r"enrolment {id} is held by branch {id}, not {id}",
         "Pendaftaran \\1 dipegang cabang \\2, bukan \\3."),
        (r"enrolment {id} is held by branch {id}; branch {id} may not change or pay into it",
         "Pendaftaran \\1 dipegang cabang \\2; cabang \\3 tidak boleh mengubah atau membayar "
         "ke dalamnya."),
        (r"enrolment {id} is not held by head office",
         "Kantor pusat tidak memegang pendaftaran \\1."),
        (r"enrolment {id} is (\w+); only a running plan breaks",
         "Pendaftaran \\1 berstatus «\\2»; hanya rencana yang berjalan yang dapat putus."),
        (r"receipt {id} has not reached head office yet; the void is applied when it arrives",
         "Kuitansi \\1 belum sampai di kantor pusat; pembatalannya diterapkan saat kuitansi "
         "itu tiba."),
        (r"receipt {id} was already voided", "Kuitansi \\1 sudah dibatalkan sebelumnya."),
        (r"receipt {id} was taken at branch {id}; branch {id} may not void it",
         "Kuitansi \\1 diterima di cabang \\2; cabang \\3 tidak boleh membatalkannya."),
        (r"payment {id} \(receipt {id}\) was already received with event {id}; it is "
         r"counted once",
         "Pembayaran \\1 (kuitansi \\2) sudah diterima dengan kejadian \\3; dihitung sekali."),
        (r"head office has no customer {id}", "Kantor pusat tidak mengenal pelanggan \\1."),
        (r"head office does not know event type {id}",
         "Kantor pusat tidak mengenal jenis kejadian \\1."),
        (r"the event does not name its cashier", "Kejadian tidak menyebut kasirnya."),
        (r"the plan of customer {id} is held by {id}; branch {id} may not report work orders "
         r"for it",
         "Rencana pelanggan \\1 dipegang \\2; cabang \\3 tidak boleh melaporkan perintah kerja "
         "untuknya."),
        (r"shift {id} was already opened", "Giliran kerja \\1 sudah dibuka sebelumnya."),
        (r"shift {id} is counter {id}'s at branch {id}; device {id} may not change it",
         "Giliran kerja \\1 milik loket \\2 di cabang \\3; perangkat \\4 tidak boleh "
         "mengubahnya."),
        (r"the event names counter {id}, but device {id} is counter {id}",
         "Kejadian menyebut loket \\1, tetapi perangkat \\2 adalah loket \\3."),
        (r"device {id} sent a new event {id} with seq {id}, but head office already holds .*",
         "Perangkat \\1 mengirim kejadian baru \\2 dengan nomor urut \\3 yang sudah dipakai: "
         "basis data loket mungkin dipulihkan dari cadangan lama."),
    ))
_CREDIT = re.compile(r"(.+); the payment {id} is kept as a credit".replace("{id}", _ID))


def detail_text(detail: str) -> str:
    """``detail`` in Bahasa Indonesia ("" when the sentence is not one the rules write)."""
    detail = detail.strip()
    credit = _CREDIT.fullmatch(detail)
    if credit:
        first = detail_text(credit.group(1))
        return f"{first} Pembayaran {credit.group(2)} disimpan sebagai kredit." if first else ""
    for pattern, words in _SENTENCES:
        found = pattern.fullmatch(detail)
        if found:
            return re.sub(r"«(\w+)»", lambda state: PLAN_STATES.get(state[1], state[1]),
                          found.expand(words))
    return ""
