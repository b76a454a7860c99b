"""Custom kernels from text, CSV or ``.npy`` — with short, friendly one-line errors.

Accepted text
-------------
* One row per line; numbers separated by commas, spaces, tabs or semicolons
  (full-width ``，`` ``；`` from Chinese input methods and the ``−`` minus sign work too).
* Simple fractions such as ``1/9``; blank lines and lines starting with ``#`` or ``%`` are ignored;
  numbers may be quoted (``"1","2"`` as some spreadsheets write them).
* Pasted arrays: numpy style ``[[1, 2], [3, 4]]`` (also ``array([...])``) or MATLAB style
  ``[1 2; 3 4]`` (inside brackets a semicolon starts a new row, as in MATLAB). On a single line
  without brackets, ``1 2; 3 4`` is also read as two rows, while ``1;2;3`` stays one row.
* A single row (1-D) is a 1×N kernel.

Limits: at most :data:`~kernels.spec.MAX_KERNEL_SIDE` (63) rows and columns, files at most
:data:`MAX_KERNEL_FILE_BYTES`, text at most :data:`MAX_TEXT_CHARS` characters.
"""

from __future__ import annotations

import io
import math
import os
import re
import unicodedata

import numpy as np

from .spec import MAX_KERNEL_SIDE, KernelError

__all__ = ["MAX_KERNEL_FILE_BYTES", "MAX_TEXT_CHARS", "parse_text", "load_kernel_bytes", "as_kernel", "to_text"]

#: Largest kernel file accepted (bytes). A 63×63 float64 .npy is ~32 kB; CSV with long decimals < 200 kB.
MAX_KERNEL_FILE_BYTES: int = 1_000_000
#: Largest pasted text accepted (characters).
MAX_TEXT_CHARS: int = 200_000

_SPLIT = re.compile(r"\s*[,;\t]\s*|\s+")
_FRACTION = re.compile(r"^([+-]?[0-9.eE+-]+)/([+-]?[0-9.eE+-]+)$")


def _number(tok: str, row: int, col: int) -> float:
    t = tok.strip().strip("\"'")
    if t == "":
        raise KernelError(f"Row {row}, column {col} is empty.", "kernel_cell_empty", row=row, col=col)
    try:
        v = float(t)
    except ValueError:
        m = _FRACTION.match(t)
        v = None
        if m:
            try:
                num, den = float(m.group(1)), float(m.group(2))
                v = num / den if den != 0 else math.nan
            except ValueError:
                v = None
        if v is None:
            shown = t if len(t) <= 20 else t[:17] + "..."
            raise KernelError(f"Row {row}, column {col}: {shown!r} is not a number.", "kernel_cell_not_number",
                              row=row, col=col, value=repr(shown)) from None
    if not math.isfinite(v):
        raise KernelError(f"Row {row}, column {col} is not a finite number ({t}).", "kernel_cell_not_finite",
                          row=row, col=col, value=t)
    return v


def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # full-width digits/，；［］ → ASCII
    for dash in ("\u2212", "\u2013", "\u2014", "\ufe63"):  # minus sign, en/em dash, small hyphen-minus
        text = text.replace(dash, "-")
    text = text.replace("\u3001", ",")  # ideographic comma 、
    # a pasted numpy repr: array([[1., 2.], [3., 4.]]) or array([...], dtype=float32)
    stripped = re.sub(r"^\s*(?:np\.|numpy\.)?array\(", "", text)
    if stripped != text:
        text = re.sub(r"(?:,\s*dtype\s*=\s*[\w.]+)?\s*\)\s*$", "", stripped)
    if "[" in text or "]" in text:
        # numpy "[[1, 2], [3, 4]]" -> rows; MATLAB "[1 2; 3 4]" -> rows
        text = re.sub(r"\]\s*,?\s*\[", "\n", text)
        text = text.replace(";", "\n").replace("[", " ").replace("]", " ")
    else:
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith(("#", "%"))]
        if len(lines) == 1 and ";" in lines[0]:
            # MATLAB without brackets, "1 2; 3 4": a semicolon between groups of numbers starts a row
            # (a line of numbers separated only by semicolons, "1;2;3", stays one row)
            segments = [seg.strip() for seg in lines[0].strip().strip(";").split(";")]
            if any(re.search(r"[\s,]", seg) for seg in segments):
                text = "\n".join(segments)
    return text


def parse_text(text: str) -> np.ndarray:
    """Parse rows of numbers into a float64 2-D kernel.

    Parameters
    ----------
    text : str
        One row per line; numbers separated by commas, spaces, tabs or semicolons.

    Returns
    -------
    numpy.ndarray
        float64, shape (rows, columns).

    Raises
    ------
    KernelError
        Empty text, a token that is not a number (the message names its row and column),
        NaN/inf, rows of different lengths, or more than 63 rows/columns.

    Examples
    --------
    >>> parse_text("1 2 1\\n0 0 0\\n-1 -2 -1")
    array([[ 1.,  2.,  1.],
           [ 0.,  0.,  0.],
           [-1., -2., -1.]])
    >>> parse_text("1/9, 1/9, 1/9").shape
    (1, 3)
    """
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text))
    if not isinstance(text, str):
        raise KernelError("The kernel text must be a string.", "kernel_text_type")
    if len(text) > MAX_TEXT_CHARS:
        raise KernelError(f"The text is too long (over {MAX_TEXT_CHARS:,} characters).", "kernel_text_long",
                          n=f"{MAX_TEXT_CHARS:,}")
    text = _normalise_text(text)
    rows: list[list[float]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "%")):
            continue
        line = line.strip(",;").strip()
        if not line:
            continue
        r = len(rows) + 1
        tokens = _SPLIT.split(line)
        if len(tokens) > MAX_KERNEL_SIDE:
            raise KernelError(f"Row {r} has {len(tokens)} numbers; the most allowed is {MAX_KERNEL_SIDE}.",
                              "kernel_row_long", row=r, n=len(tokens), max=MAX_KERNEL_SIDE)
        values = [_number(tok, r, c) for c, tok in enumerate(tokens, start=1)]
        if rows and len(values) != len(rows[0]):
            raise KernelError(
                f"Row {r} has {len(values)} numbers but row 1 has {len(rows[0])}; every row needs the same count.",
                "kernel_ragged", row=r, n=len(values), first=len(rows[0]),
            )
        rows.append(values)
        if len(rows) > MAX_KERNEL_SIDE:
            raise KernelError(f"Too many rows; the most allowed is {MAX_KERNEL_SIDE}.", "kernel_rows_many",
                              max=MAX_KERNEL_SIDE)
    if not rows:
        raise KernelError("The kernel is empty: type rows of numbers, for example 1 2 1.", "kernel_text_empty")
    return np.array(rows, dtype=np.float64)


def as_kernel(array) -> np.ndarray:
    """Validate any array-like as a kernel and return it as a float64 2-D array.

    1-D input becomes a single row, 0-D a 1×1 kernel. Raises :class:`KernelError` for
    non-numeric or complex data, more than 2 dimensions, empty arrays, NaN/inf or a side
    over 63.

    Examples
    --------
    >>> as_kernel([1, 2, 1]).shape
    (1, 3)
    """
    try:
        a = np.asarray(array)
    except Exception:  # ragged nested lists etc.
        raise KernelError("The kernel must be a rectangular table of numbers.", "kernel_not_table") from None
    if a.dtype == object or a.dtype.kind in "OUSVMm":
        raise KernelError("The kernel must contain only numbers.", "kernel_not_numbers")
    if a.dtype.kind == "c":
        raise KernelError("The kernel must contain real numbers, not complex ones.", "kernel_complex")
    if a.dtype.kind not in "biuf":
        raise KernelError("The kernel must contain only numbers.", "kernel_not_numbers")
    if a.ndim > 2:
        raise KernelError(f"The array has {a.ndim} dimensions; a kernel needs 2 (rows × columns).", "kernel_dims",
                          n=a.ndim)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    elif a.ndim == 1:
        a = a.reshape(1, -1)
    if a.size == 0:
        raise KernelError("The kernel is empty.", "kernel_empty")
    rows, cols = a.shape
    if rows > MAX_KERNEL_SIDE or cols > MAX_KERNEL_SIDE:
        raise KernelError(
            f"The kernel is {rows}×{cols}; the largest allowed is {MAX_KERNEL_SIDE}×{MAX_KERNEL_SIDE}.",
            "kernel_too_big", rows=rows, cols=cols, max=MAX_KERNEL_SIDE,
        )
    a = a.astype(np.float64)
    if not np.isfinite(a).all():
        r, c = np.argwhere(~np.isfinite(a))[0]
        raise KernelError(f"Row {r + 1}, column {c + 1} is not a finite number ({a[r, c]}).", "kernel_cell_not_finite",
                          row=int(r) + 1, col=int(c) + 1, value=str(a[r, c]))
    return a


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise KernelError("The file is not a text file.", "kernel_file_binary")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise KernelError("The file is not readable text.", "kernel_file_unreadable")


def load_kernel_bytes(data: bytes, filename: str) -> np.ndarray:
    """Read an uploaded kernel file: ``.npy``, ``.csv`` or ``.txt``.

    ``.npy`` files are read with ``allow_pickle=False`` (no code can run). Text files go
    through :func:`parse_text`.

    Parameters
    ----------
    data : bytes
        File contents (at most :data:`MAX_KERNEL_FILE_BYTES`).
    filename : str
        Used only for its extension.

    Examples
    --------
    >>> load_kernel_bytes(b"1,2,1\\n2,4,2\\n1,2,1\\n", "k.csv").sum()
    np.float64(16.0)
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise KernelError("The file contents must be bytes.", "kernel_file_type")
    data = bytes(data)
    if len(data) == 0:
        raise KernelError("The file is empty.", "kernel_file_empty")
    if len(data) > MAX_KERNEL_FILE_BYTES:
        raise KernelError(f"The file is too big (over {MAX_KERNEL_FILE_BYTES // 1000:,} kB) for a kernel.",
                          "kernel_file_big", kb=f"{MAX_KERNEL_FILE_BYTES // 1000:,}")
    ext = os.path.splitext(str(filename or ""))[1].lower()
    if ext == ".npy":
        if not data.startswith(b"\x93NUMPY"):
            raise KernelError("The .npy file is damaged or not a numpy array.", "kernel_npy_damaged")
        try:
            arr = np.load(io.BytesIO(data), allow_pickle=False)
        except ValueError as exc:
            if "pickle" in str(exc).lower() or "object" in str(exc).lower():
                raise KernelError("The .npy file holds Python objects, not numbers.", "kernel_npy_objects") from None
            raise KernelError("The .npy file is damaged or not a numpy array.", "kernel_npy_damaged") from None
        except Exception:
            raise KernelError("The .npy file is damaged or not a numpy array.", "kernel_npy_damaged") from None
        if not isinstance(arr, np.ndarray):
            raise KernelError("The .npy file does not hold a single array.", "kernel_npy_not_array")
        return as_kernel(arr)
    if ext in (".csv", ".txt", ".tsv", ""):
        return parse_text(_decode(data))
    raise KernelError(f"Unsupported file type {ext!r}; use .npy, .csv or .txt.", "kernel_file_ext", ext=repr(ext))


def to_text(kernel, *, sep: str = ", ") -> str:
    """Format a kernel as text that :func:`parse_text` reads back exactly.

    Examples
    --------
    >>> to_text([[1, 0.5]])
    '1, 0.5'
    """
    a = as_kernel(kernel)
    return "\n".join(sep.join(format(float(v), ".17g") if not float(v).is_integer() else str(int(v))
                              for v in row) for row in a)
