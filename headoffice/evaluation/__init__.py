"""Programme evaluation at head office: the figures of a programme across every branch.

- ``tables`` / ``recording``: what head office keeps of each plan beyond the enrolment
  (the instalment schedule, the unseal order and when the seal was opened, when the plan
  broke), written as the branches' events are applied;
- ``figures``: the frozen views (``Evaluation``, ``Figures``, lines per branch, kecamatan,
  kelurahan and day);
- ``queries``: the SQL aggregates; ``service``: ``programme_evaluation`` puts them together;
- ``export_pdf`` / ``export_xlsx`` / ``chart_svg`` / ``text``: the evaluation for the
  management meeting, the console and ``loket-headoffice report programme``.
"""
