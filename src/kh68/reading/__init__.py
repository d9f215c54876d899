"""Reading the plan: YAML with positions, strict models, loading and the plan's rules."""
