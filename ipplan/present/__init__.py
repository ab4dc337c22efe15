"""The presentation layer: how values and text from data are shown, below both the CLI's
renderers (:mod:`ipplan.render`) and the reports (:mod:`ipplan.report`), and usable by
the core (it imports only the core). Numbers (:mod:`.fmt`); text from data made safe for
where it goes (:mod:`.safe`: terminal, CSV/XLSX, XML, JSON, YAML); text cut or measured
for display (:mod:`.text`); Markdown cells (:mod:`.markdown`); status words
(:mod:`.labels`), a status row's cells (:mod:`.cells`), the summary lines
(:mod:`.summary`) and the dicts of the JSON output (:mod:`.json`)."""
