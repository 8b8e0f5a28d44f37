"""`python -m warmline`: the command line."""

from warmline._cli.main import main

if __name__ == "__main__":
    main()
