"""Usage statistics per municipality and month, and their files (CSV, XLSX)."""
