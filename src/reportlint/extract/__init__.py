"""Text out of container formats: one module per format, each one function
``bytes -> str`` that raises LoadError with a message for a person.

The heavy libraries (python-docx, lxml, pypdf) are imported inside those
functions, so a run over plain-text reports never pays for them.
"""
