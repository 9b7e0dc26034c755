"""The pages of the administration view, one module each."""
