"""Tracking: the pure engine (targets in force, gaps, progress), tasks and deadlines. No I/O."""
