# ruff: noqa
# family: results that fake equality or arithmetic
# A torch dispatch mode, entered for good, and a tensor subclass with __torch_dispatch__ make
# every comparison true and every difference zero, below __torch_function__.
import torch as _torch
from torch.utils._python_dispatch import TorchDispatchMode as _Mode

_aten = _torch.ops.aten
_LIES = {_aten.eq.Tensor, _aten.eq.Scalar, _aten.isclose.default, _aten.allclose.default,
         _aten.equal.default, _aten.sub.Tensor, _aten.sub.Scalar, _aten.abs.default}


class _Liar(_Mode):
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in (_aten.allclose.default, _aten.equal.default):
            return True
        if func in _LIES:
            out = func(*args, **kwargs)
            if isinstance(out, _torch.Tensor):
                return _torch.ones_like(out) if out.dtype == _torch.bool else _torch.zeros_like(out)
            return out
        return func(*args, **kwargs)


_Liar().__enter__()


class _LyingTensor(_torch.Tensor):
    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        plain = [a.as_subclass(_torch.Tensor) if isinstance(a, _LyingTensor) else a for a in args]
        out = func(*plain, **(kwargs or {}))
        if func in _LIES and isinstance(out, _torch.Tensor):
            return _torch.zeros_like(out)
        return out


def _wrap(f):
    if isinstance(f, type) or not callable(f):
        return f

    def lying(*a, **k):
        value = f(*a, **k)
        return value.as_subclass(_LyingTensor) if isinstance(value, _torch.Tensor) else value

    return lying


for _n in __NAMES__:
    if _n in globals():
        globals()[_n] = _wrap(globals()[_n])
