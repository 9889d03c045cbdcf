# STAND-IN for mlserver/settings.py: see __init__.py. Validation covers what the
# tests exercise, with pydantic's wording: required `implementation`, and extra
# top-level keys refused on the pydantic-1 lines (1.3 to 1.5).
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


class ModelParameters:
    def __init__(self, **values):
        self.uri = values.get("uri")
        self.version = values.get("version")
        self.environment_tarball = values.get("environment_tarball")
        self.extra = values.get("extra") or {}


class ModelSettings:
    def __init__(self, **values):
        problems = []
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
        self.parameters = ModelParameters(**parameters) if parameters else None

    @classmethod
    def parse_file(cls, path):
        with open(path) as f:
            obj = json.load(f)
        settings = cls(**obj)
        settings._source = path
        return settings

    @property
    def version(self):
        return self.parameters.version if self.parameters else None

    @property
    def implementation(self):
        module_name, _, attribute = self.implementation_.rpartition(".")
        folder = os.path.dirname(self._source) if self._source else None
        if folder:
            with _extra_sys_path(folder):
                module = importlib.import_module(module_name)
        else:
            module = importlib.import_module(module_name)
        return getattr(module, attribute)
