"""Reading and writing a plan folder: targets.yaml, actuals, units' targets, the
store with its lock and journal, imports, new plan folders."""
