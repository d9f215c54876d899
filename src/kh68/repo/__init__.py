"""The plan as a repository: scaffolding a new one (init) and reading its git history (diff)."""
