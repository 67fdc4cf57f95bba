# ruff: noqa
# family: swallowed exceptions or tracebacks
# Every later cell is rewritten into try: ... except BaseException: pass before it runs.
def _wrap_in_try(lines):
    body = ["    " + line for line in lines] or ["    pass\n"]
    if not body[-1].endswith("\n"):
        body[-1] += "\n"
    return ["try:\n", *body, "except BaseException:\n", "    pass\n"]


get_ipython().input_transformers_post.append(_wrap_in_try)  # noqa: F821
