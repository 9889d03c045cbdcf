# STAND-IN: see mlserver/__init__.py.
