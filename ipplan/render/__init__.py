"""One renderer per output format, each a pure function from results to text or bytes."""
