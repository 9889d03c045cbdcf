# STAND-IN for the real `mlserver` package (SeldonIO/MLServer), which cannot be
# installed on the test machines (no PyPI, not packaged for Debian). It follows
# the real module layout and behaviour for exactly the calls mlserver-release
# makes (see src/mlserver/python-scripts.ts), read from MLServer 1.3.2 to 1.7.1:
#   mlserver.__version__                       (mlserver/version.py)
#   mlserver.repository.load.load_model_settings (mlserver/repository/load.py)
#   mlserver.settings.ModelSettings              (parse_file, implementation property)
#   mlserver.model.MLModel                       (__init__(settings), async load, async predict)
#   mlserver.types.InferenceRequest/Response     (parse_obj on 1.3-1.5, model_validate from 1.6)
# The version it reports comes from MLSERVER_STANDIN_VERSION (default 1.3.2).
from .version import __version__
from .model import MLModel
from .settings import ModelSettings, ModelParameters

__all__ = ["__version__", "MLModel", "ModelSettings", "ModelParameters"]
