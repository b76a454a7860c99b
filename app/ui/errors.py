"""Backend errors in the page's language.

A backend check raises :class:`app.backend._validate.BackendError` (or a subclass such as
``SignalError``) with a ``code`` and the ``params`` of its message; :func:`backend_message`
shows the ``err.<code>`` string of the page's language, so a Chinese page never shows the
backend's English line.  An error without a known code keeps its own message.  Either way
what the user typed is shown literally (:mod:`app.ui.safe_text`): the result goes into markdown.
"""

from __future__ import annotations

from app.ui.safe_text import literal
from app.ui.strings import TABLE, t


def backend_message(exc: Exception, lang: str) -> str:
    """``exc`` as one line in ``lang``: its code's text, or its own message when it has none.

    Examples
    --------
    >>> from app.backend.signals import SignalError, parse_values
    >>> try:
    ...     parse_values("1, two")
    ... except SignalError as exc:
    ...     backend_message(exc, "zh")
    "'two' 不是数字；请用逗号或空格分隔各个数字。"
    """
    key = f"err.{getattr(exc, 'code', '')}"
    if key in TABLE:  # the params may quote what the user typed
        params = {k: literal(v) if isinstance(v, str) else v for k, v in getattr(exc, "params", {}).items()}
        return t(key, lang, **params)
    return literal(str(exc), limit=300)
