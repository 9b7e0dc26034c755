"""The command line's commands, one module per command or family of commands."""
