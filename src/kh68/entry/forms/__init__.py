"""Excel forms and CSV files: generated, read and imported as figures (``kh68.entry.figure``)."""
