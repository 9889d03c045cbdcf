# STAND-IN: see __init__.py.
import os

__version__ = os.environ.get("MLSERVER_STANDIN_VERSION", "1.3.2")
