"""Outputs: the status view, the report context, Markdown/HTML/Word rendering, charts, diff, export."""
