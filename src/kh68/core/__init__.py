"""The base of kh68: files (atomic, locked), errors, text safety, number and date forms, Office unpacking.

Nothing here imports any other part of kh68.
"""
