# STAND-IN for mlserver/model.py: see __init__.py.
class MLModel:
    def __init__(self, settings):
        self._settings = settings
        self.ready = False

    @property
    def name(self):
        return self._settings.name

    @property
    def version(self):
        return self._settings.version

    @property
    def settings(self):
        return self._settings

    async def load(self):
        self.ready = True
        return self.ready

    async def predict(self, payload):
        raise NotImplementedError("predict() method not implemented")
