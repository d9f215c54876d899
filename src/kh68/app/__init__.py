"""The program's start: console streams and signals, the start-up cache, and the hand-over to the CLI.

This is the only code a cache hit runs, so it imports nothing but the standard library.
"""
