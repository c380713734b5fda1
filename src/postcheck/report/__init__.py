"""Output formats: a function per format, taking the file reports."""
