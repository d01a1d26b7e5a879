"""Command-line interface: parse arguments, call one library function, print."""
