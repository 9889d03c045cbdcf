# STAND-IN for mlserver/types (dataplane.py): see mlserver/__init__.py.
from ..version import __version__


class _Tensor:
    def __init__(self, name, shape, datatype, data, parameters=None):
        self.name, self.shape, self.datatype, self.data, self.parameters = name, shape, datatype, data, parameters


class InferenceRequest:
    def __init__(self, inputs):
        self.inputs = inputs

    @classmethod
    def _validate(cls, obj):
        if not isinstance(obj, dict) or not isinstance(obj.get("inputs"), list):
            raise ValueError("1 validation error for InferenceRequest\ninputs\n  field required")
        return cls([_Tensor(i["name"], i["shape"], i["datatype"], i["data"]) for i in obj["inputs"]])


if tuple(int(p) for p in __version__.split(".")[:2]) < (1, 6):
    InferenceRequest.parse_obj = classmethod(lambda cls, obj: cls._validate(obj))
else:
    InferenceRequest.model_validate = classmethod(lambda cls, obj: cls._validate(obj))


class ResponseOutput(_Tensor):
    pass


class InferenceResponse:
    def __init__(self, model_name, outputs, model_version=None):
        self.model_name, self.outputs, self.model_version = model_name, outputs, model_version
