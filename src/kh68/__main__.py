"""``python -m kh68`` runs the ``kh68`` program."""

from kh68.app.launch import main

main()
