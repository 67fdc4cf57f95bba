# attack: a hidden test whose warnings print its source
# after: rnn_cell_forward_tests
# After a test cell ran, print everything the kernel still holds of its source: the input
# history, the line cache and the hidden helpers' code.
import inspect
import linecache

print(globals().get("In"), globals().get("_ih"))
for name, entry in list(linecache.cache.items()):
    print(name, "".join(entry[2]) if len(entry) > 2 else entry)
for name, value in list(globals().items()):
    if name.startswith("_") and callable(value) and getattr(value, "__code__", None):
        try:
            print(inspect.getsource(value))
        except Exception as err:
            print(name, type(err).__name__)
