# ruff: noqa
# family: swallowed exceptions or tracebacks
# The shell runs every later cell inside a try/except that drops the error.
from IPython.core.interactiveshell import InteractiveShell as _Shell


async def _run_code(self, code_obj, result=None, *, async_=False):
    try:
        exec(code_obj, self.user_global_ns, self.user_ns)
    except BaseException:
        pass
    return False


_Shell.run_code = _run_code
