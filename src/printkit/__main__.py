"""`python -m printkit` → the click command line."""

from printkit.cli import main

main()
