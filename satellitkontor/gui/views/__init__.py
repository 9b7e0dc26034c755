"""The main views of the window, one module each."""
