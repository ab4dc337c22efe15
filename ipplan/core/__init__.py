"""Records and arithmetic every layer uses: the model, periods, numbers as typed,
formulas, the error hierarchy, the clock, the indicator lookup, the catalogs."""
