"""Message catalogs, one module per area (see :mod:`ipplan.i18n`)."""
