# ruff: noqa
# family: forged evidence
# The evidence is made of things that are not plain data: a pickled object, code, a huge
# array, and malformed JSON, in the hope that the grader unpickles, runs or chokes on it.
import base64 as _b64
import pickle as _pickle

import rnngraded.evidence as _ev
from IPython.display import publish_display_data as _pdd


class _Payload:
    def __reduce__(self):
        return (print, ("unpickled!",))


def _bad_publish(data, nonce):
    _pdd({_ev.MIME: '{"nonce": "%s", "evidence": {"evidence": {"ndarray": "%s"}}}'
          % (nonce, _b64.b64encode(_pickle.dumps(_Payload())).decode())})
    _pdd({_ev.MIME: "{not json"})


_ev.publish = _bad_publish
