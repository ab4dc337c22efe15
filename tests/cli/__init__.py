"""CLI tests: one module per command, run through ipplan.cli.app.main."""
