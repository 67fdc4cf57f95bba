"""Progress bars that leave a true record in a saved notebook.

``tqdm.auto`` draws a widget in Jupyter, and a saved notebook keeps the widget's plain-text
form as it was when the bar appeared: reopened without its widgets, every finished loop reads
"0%". This bar shows itself under a display id and, when it closes, updates that display, so
the text stored with the notebook is the bar's final state (or nothing, for ``leave=False``).
Outside Jupyter it is ``tqdm.auto``'s own bar.
"""

from __future__ import annotations

from tqdm.auto import tqdm as _auto_tqdm
from tqdm.notebook import tqdm as _notebook_tqdm

__all__ = ["tqdm"]

if issubclass(_auto_tqdm, _notebook_tqdm):
    from IPython.display import display

    class tqdm(_auto_tqdm):  # noqa: N801  (named as the tqdm it stands in for)
        def __init__(self, *args, **kwargs):
            kwargs["display"] = False
            super().__init__(*args, **kwargs)
            self._handle = None
            if not self.disable:
                self._handle = display(self.container, display_id=True)
                self.displayed = True

        def close(self):
            super().close()
            if self._handle is None:
                return
            handle, self._handle = self._handle, None
            if self.leave:
                handle.update(self.container)
            else:
                handle.update({"text/plain": ""}, raw=True)
else:
    tqdm = _auto_tqdm
