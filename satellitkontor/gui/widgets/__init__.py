"""Parts of views."""
