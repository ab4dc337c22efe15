"""The presentation layer: how values and text from data are shown, below both the CLI's
renderers (:mod:`ipplan.render`) and the reports (:mod:`ipplan.report`)."""
