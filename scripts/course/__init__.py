"""The course package: content model, checks, Markdown blocks and packaging for the CPPCC course site."""
