"""Build logic of the course site; `scripts.course` holds the parts, `hooks.py` wires them into MkDocs."""
