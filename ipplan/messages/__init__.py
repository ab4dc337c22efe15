"""Message catalogs, one module per area (see :mod:`ipplan.core.i18n`)."""
