"""One renderer per output format, each a pure function from results to text or bytes;
:mod:`ipplan.render.registry` lists them all (the CLI's `--format` choices come from it)."""
