"""Commands: see the module docstring of kh68.cli."""
