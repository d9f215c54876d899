"""Data entry: editing the plan's data files (record, progress) and, later, forms."""
