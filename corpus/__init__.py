"""The headless core of quoth: formats, metadata, extraction, storage and search.

Nothing in this package imports textual; tests/test_headless.py keeps it so.
"""
