"""The command line: one registry of commands, its parser, argument readers and output."""
