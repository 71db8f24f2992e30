"""Paper documents, Qt-free: receipts (kwitansi), enrolment agreements and work orders (SPK).

Start at ``printing``: ``issue_receipt`` / ``issue_agreement`` / ``issue_work_order`` read
a document from the database, mark a reprint, render the PDF and archive it. The parts:

- ``receipt_data``, ``agreement_data``, ``workorder_pdf.work_order_document``: frozen
  views of what each document shows;
- ``receipt_pdf`` (80 mm / 58 mm rolls, A5, half-letter), ``agreement_pdf`` (A4),
  ``workorder_pdf`` (A4); ``textflow`` lays out and wraps the slips; ``qr`` draws QR codes;
- ``terbilang`` (amounts in words), ``indonesian`` (dates, periods, labels);
- ``receipt_qr`` (signed QR payload), ``keys`` (where the signing key is kept),
  ``verify`` (checking a scanned code); ``archive`` (the PDF archive on disk).
"""
