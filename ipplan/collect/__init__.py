"""Fill-in workbooks out, returns in, who is missing (formats.md "Collecting figures").

* :mod:`ipplan.collect.layout`: what a workbook asks (:class:`Form`), its file name, the
  hidden sheet and the checksum of its layout.
* :mod:`ipplan.collect.make`: :func:`make_forms` and :func:`write_workbook` (openpyxl).
* :mod:`ipplan.collect.returns`: reading returned workbooks, all or nothing.
* :mod:`ipplan.collect.warnings`: what `ipplan check` would flag in the returned figures.
* :mod:`ipplan.collect.status`: who has reported what, and :func:`missing_by_unit` for reports.
"""
