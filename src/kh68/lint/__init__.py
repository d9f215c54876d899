"""Checking a loaded plan: every rule (``kh68.lint.rules``, registered there once), how a plan sets them
(``config``), and ``check``: load, then the domain, then the rules."""
