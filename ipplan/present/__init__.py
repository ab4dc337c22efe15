"""The presentation layer: how values and text from data are shown, below both the CLI's
renderers (:mod:`ipplan.render`) and the reports (:mod:`ipplan.report`), and usable by
the core (it imports nothing of ipplan's but the core). Numbers (:mod:`.fmt`), text
from data made safe for where it goes (:mod:`.safe`: terminal, CSV/XLSX, XML, JSON,
YAML), and text cut or measured for display (:mod:`.text`)."""
