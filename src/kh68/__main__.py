"""``python -m kh68`` runs the command line."""

from kh68.cli import main

main()
