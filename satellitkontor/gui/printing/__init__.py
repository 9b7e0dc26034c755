"""Paper and PDF: printable sheets built as HTML for a QTextDocument and printed with QPrinter."""
