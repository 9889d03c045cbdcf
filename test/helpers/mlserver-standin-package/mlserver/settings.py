# STAND-IN for mlserver/settings.py: see __init__.py. Validation covers what the
# tests exercise, with pydantic's wording: required `implementation`, and extra
# top-level keys refused on the pydantic-1 lines (1.3 to 1.5). As the real one:
# - parse_file sets `_source` and parse_obj/model_validate pop it (1.3.2 to 1.7.1);
# - on pydantic 1, BaseSettings.__init__ takes _env_file, _env_file_encoding,
#   _env_nested_delimiter and _secrets_dir as options, not fields (pydantic 1.10
#   env_settings.py), and a model field takes a list through dict(value)
#   (pydantic 1.10 main.py BaseModel.validate), so `parameters: []` is {};
# - `implementation` imports the module part as written (_reload_module), then the
#   whole path through pydantic's import_string, which strips the end: strip(' ')
#   in pydantic 1.10 utils.py, strip() in pydantic 2.7 _internal/_validators.py.
import importlib
import json
import os
import sys
from contextlib import contextmanager

from .version import __version__

_PYDANTIC1 = tuple(int(p) for p in __version__.split(".")[:2]) < (1, 6)
_FIELDS = {"name", "platform", "versions", "inputs", "outputs", "parallel_workers", "warm_workers",
           "max_batch_size", "max_batch_time", "implementation", "parameters"}
if not __version__.startswith("1.3"):
    _FIELDS.add("cache_enabled")


class ValidationError(ValueError):
    pass


@contextmanager
def _extra_sys_path(extra_path):
    sys.path.insert(0, extra_path)
    try:
        yield
    finally:
        sys.path.remove(extra_path)


_PYDANTIC1_SETTINGS_OPTIONS = ("_env_file", "_env_file_encoding", "_env_nested_delimiter", "_secrets_dir")


def _reload_module(import_path):
    module_path, _, _ = import_path.rpartition(".")
    module = importlib.import_module(module_path)
    importlib.reload(module)


def _import_string(dotted_path):
    stripped = dotted_path.strip(" ") if _PYDANTIC1 else dotted_path.strip()
    module_path, class_name = stripped.rsplit(".", 1)
    return getattr(importlib.import_module(module_path), class_name)


class ModelParameters:
    def __init__(self, **values):
        self.uri = values.get("uri")
        self.version = values.get("version")
        self.environment_tarball = values.get("environment_tarball")
        self.extra = values.get("extra") or {}


class ModelSettings:
    def __init__(self, **values):
        problems = []
        if _PYDANTIC1:
            for option in _PYDANTIC1_SETTINGS_OPTIONS:
                values.pop(option, None)
        if "implementation" not in values:
            problems.append("implementation\n  field required (type=value_error.missing)")
        if _PYDANTIC1:
            for key in values:
                if key not in _FIELDS:
                    problems.append(f"{key}\n  extra fields not permitted (type=value_error.extra)")
        if problems:
            raise ValidationError(f"{len(problems)} validation error for ModelSettings\n" + "\n".join(problems))
        self._source = None
        self.name = values.get("name") or ""
        self.implementation_ = values["implementation"]
        parameters = values.get("parameters")
        if isinstance(parameters, list):
            if not _PYDANTIC1:
                raise ValidationError("1 validation error for ModelSettings\nparameters\n  Input should be a valid dictionary or instance of ModelParameters [type=model_type]")
            parameters = dict(parameters)
        self.parameters = ModelParameters(**parameters) if parameters is not None else None

    @classmethod
    def parse_file(cls, path):
        with open(path) as f:
            obj = json.load(f)
        obj["_source"] = path
        source = obj.pop("_source", None)
        settings = cls(**obj)
        settings._source = source
        return settings

    @property
    def version(self):
        return self.parameters.version if self.parameters else None

    @property
    def implementation(self):
        if not self._source:
            return _import_string(self.implementation_)
        with _extra_sys_path(os.path.dirname(self._source)):
            _reload_module(self.implementation_)
            return _import_string(self.implementation_)
