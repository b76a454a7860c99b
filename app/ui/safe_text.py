"""Text from outside (a link's keys and values, file names, pasted kernels, error messages that quote
them) placed into Streamlit's markdown: shown as the characters it is, never as a link, an image,
HTML, emphasis, an icon or a formula.

``st.markdown``, ``st.info``/``st.warning``/``st.error``/``st.success``, ``st.caption`` and widget
labels all render markdown, so a link key such as ``[Log in](https://evil.example)`` would become a
working link and ``![x](https://evil.example/pixel.png)`` would make every browser fetch a tracking
pixel.  :func:`literal` puts a backslash before every character that markdown (or Streamlit's
``:icon:`` / ``:red[...]`` / ``$...$`` extensions) could read as syntax — CommonMark
renders an escaped character as itself — and an invisible word joiner where a web or mail address
would be linked automatically; it folds the text onto one line, drops control and format characters
and shortens it.  Pure: no Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Characters that start markdown, HTML or Streamlit syntax anywhere in a line: links and images
#: need "[" / "]", autolinks and HTML "<", emphasis "*" "_" "~", tables "|", code "`", formulas "$",
#: icons, emoji and colours ":", mail links "@", entities "&".  Other punctuation ("(", ".", "-",
#: quotes) stays as it is, so a message such as "maps; there are 4 (choose 6)" reads unchanged.
_ESCAPE = {ch: "\\" + ch for ch in "\\`*_[]<>!|~$:@&"}
#: What starts a block (heading, list, quote, setext line) when it opens a line.
_LINE_START = re.compile(r"^(?:[#+=>-]|\d+[.)])")
_JOINER = "\u2060"  # WORD JOINER: invisible, and not a character a web address may contain
_AUTOLINK = re.compile(r"\\:(?=\S)|\\@|(?i:www)(?=\.)")


def literal(text: object, limit: int | None = 80) -> str:
    r"""``text`` ready to be placed inside a markdown string, where it renders literally.

    Parameters
    ----------
    text : object
        Untrusted text (``str(text)`` is used).
    limit : int or None, default 80
        Longest shown length in characters (before escaping); a longer text ends in "…".

    Returns
    -------
    str
        One line, every markdown-active character backslash-escaped, no automatic link.

    Examples
    --------
    >>> literal("[Log in](https://evil.example)")
    '\\[Log in\\](https\\:\u2060//evil.example)'
    >>> literal("a\nb   c"), literal("x" * 10, limit=5)
    ('a b c', 'xxxx…')
    """
    one_line = " ".join("".join(ch for ch in str(text) if ch.isprintable() or ch.isspace()).split())
    if limit is not None and len(one_line) > limit:
        one_line = one_line[: max(limit - 1, 0)] + "…"
    escaped = "".join(_ESCAPE.get(ch, ch) for ch in one_line)
    escaped = _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], escaped)
    # Streamlit's GFM still turns "https://…", "www.…" and "a@b.c" into links (and ":name:" into icons)
    # after resolving the escapes: an invisible word joiner after "@", inside "www." and after a ":"
    # that is not followed by a space breaks the pattern ("Designer: Gaussian" stays as it is).
    return _AUTOLINK.sub(lambda m: m.group(0) + _JOINER, escaped)


def literal_list(items: Iterable[object], *, limit: int = 32, most: int = 100) -> str:
    r"""Up to ``most`` untrusted items, each :func:`literal` (shortened to ``limit``), comma-separated;
    the rest are counted ("+3 more" reads the same in both languages as "+3").

    Examples
    --------
    >>> literal_list(["a", "b_c", "d", "e"], most=2)
    'a, b\\_c, +2'
    """
    items = list(items)
    shown = [literal(item, limit) for item in items[:most]]
    if len(items) > most:
        shown.append(f"+{len(items) - most}")
    return ", ".join(shown)
