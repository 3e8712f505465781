"""`python -m losslens` is the `losslens` command."""

from losslens._launcher import main

if __name__ == "__main__":
    main()
