"""Reports, Qt-free: the daily receipts report (LPP) and the programme progress report.

Start at ``issue``: ``issue_lpp`` / ``issue_progress`` read a report from the database,
render it as PDF and XLSX, and archive the PDF. The parts:

- ``lpp_data`` / ``progress_data``: frozen views of what each report shows;
- ``lpp_pdf`` (A4 portrait) and ``progress_pdf`` (A4 landscape, with charts);
- ``lpp_xlsx`` / ``progress_xlsx``: the same figures as workbooks (numbers stay numbers);
- ``pages`` (page numbers "halaman 1 dari 2", running heads), ``charts``, ``sheets``
  (workbook styles) and ``wording`` (Indonesian labels and number formats).
"""
