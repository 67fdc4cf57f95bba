# ruff: noqa
# family: patched assertion helpers
# A fake rnngraded.checks in sys.modules and on the package, for anything imported later.
import sys as _sys
import types as _types

import rnngraded as _pkg

_fake = _types.ModuleType("rnngraded.checks")
_fake.__getattr__ = lambda name: (lambda *a, **k: None)
_sys.modules["rnngraded.checks"] = _fake
_pkg.checks = _fake
