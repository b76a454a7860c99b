"""The kernel editor's error messages (``kernels.KernelError`` codes of kernels/parse.py and edit.py).

Keys are ``err.<code>``; :func:`app.ui.errors.backend_message` picks them by the error's code, with
the error's ``params``.
"""

STRINGS: dict[str, dict[str, str]] = {
    "err.kernel_cell_empty": {"en": "Row {row}, column {col} is empty.", "zh": "第 {row} 行第 {col} 列是空的。"},
    "err.kernel_cell_not_number": {
        "en": "Row {row}, column {col}: {value} is not a number.",
        "zh": "第 {row} 行第 {col} 列：{value} 不是数字。",
    },
    "err.kernel_cell_not_finite": {
        "en": "Row {row}, column {col} is not a finite number ({value}).",
        "zh": "第 {row} 行第 {col} 列不是有限数（{value}）。",
    },
    "err.kernel_text_type": {"en": "The kernel text must be a string.", "zh": "卷积核文本必须是字符串。"},
    "err.kernel_text_long": {"en": "The text is too long (over {n} characters).", "zh": "文本太长（超过 {n} 个字符）。"},
    "err.kernel_row_long": {
        "en": "Row {row} has {n} numbers; the most allowed is {max}.",
        "zh": "第 {row} 行有 {n} 个数；最多允许 {max} 个。",
    },
    "err.kernel_ragged": {
        "en": "Row {row} has {n} numbers but row 1 has {first}; every row needs the same count.",
        "zh": "第 {row} 行有 {n} 个数，而第 1 行有 {first} 个；每行的个数必须相同。",
    },
    "err.kernel_rows_many": {"en": "Too many rows; the most allowed is {max}.", "zh": "行数太多；最多允许 {max} 行。"},
    "err.kernel_text_empty": {
        "en": "The kernel is empty: type rows of numbers, for example 1 2 1.",
        "zh": "卷积核是空的：请逐行输入数字，例如 1 2 1。",
    },
    "err.kernel_not_table": {"en": "The kernel must be a rectangular table of numbers.", "zh": "卷积核必须是一个矩形的数字表。"},
    "err.kernel_not_numbers": {"en": "The kernel must contain only numbers.", "zh": "卷积核只能包含数字。"},
    "err.kernel_complex": {"en": "The kernel must contain real numbers, not complex ones.", "zh": "卷积核必须是实数，不能是复数。"},
    "err.kernel_dims": {
        "en": "The array has {n} dimensions; a kernel needs 2 (rows × columns).",
        "zh": "该数组有 {n} 个维度；卷积核需要 2 个（行 × 列）。",
    },
    "err.kernel_empty": {"en": "The kernel is empty.", "zh": "卷积核是空的。"},
    "err.kernel_too_big": {
        "en": "The kernel is {rows}×{cols}; the largest allowed is {max}×{max}.",
        "zh": "卷积核为 {rows}×{cols}；最大允许 {max}×{max}。",
    },
    "err.kernel_side": {
        "en": "The kernel is {rows}×{cols}; the largest side allowed here is {max}.",
        "zh": "卷积核为 {rows}×{cols}；这里每边最多 {max}。",
    },
    "err.kernel_file_binary": {"en": "The file is not a text file.", "zh": "该文件不是文本文件。"},
    "err.kernel_file_unreadable": {"en": "The file is not readable text.", "zh": "无法把该文件读成文本。"},
    "err.kernel_file_type": {"en": "The file contents must be bytes.", "zh": "文件内容必须是字节。"},
    "err.kernel_file_empty": {"en": "The file is empty.", "zh": "文件是空的。"},
    "err.kernel_file_big": {"en": "The file is too big (over {kb} kB) for a kernel.", "zh": "文件太大（超过 {kb} kB），不能作为卷积核。"},
    "err.kernel_npy_damaged": {"en": "The .npy file is damaged or not a numpy array.", "zh": ".npy 文件已损坏，或不是 numpy 数组。"},
    "err.kernel_npy_objects": {"en": "The .npy file holds Python objects, not numbers.", "zh": ".npy 文件里是 Python 对象，不是数字。"},
    "err.kernel_npy_not_array": {"en": "The .npy file does not hold a single array.", "zh": ".npy 文件里不是单个数组。"},
    "err.kernel_file_ext": {"en": "Unsupported file type {ext}; use .npy, .csv or .txt.", "zh": "不支持的文件类型 {ext}；请用 .npy、.csv 或 .txt。"},
    "err.kernel_zeros": {"en": "The kernel is all zeros; it cannot be normalised.", "zh": "卷积核全为零，无法归一化。"},
    "err.kernel_zero_sum": {
        "en": "The kernel's weights sum to zero; it cannot be normalised to sum 1.",
        "zh": "卷积核权重之和为零，无法归一化为和为 1。",
    },
    "err.kernel_constant": {
        "en": "The kernel is constant; removing its mean leaves only zeros.",
        "zh": "卷积核是常数；去掉均值后只剩零。",
    },
    "err.kernel_resize_small": {"en": "The new size must be at least 1×1.", "zh": "新尺寸至少为 1×1。"},
    "err.kernel_resize_range": {"en": "The new size must be between 1 and {max}.", "zh": "新尺寸必须在 1 到 {max} 之间。"},
    "err.kernel_resize_method": {
        "en": "Unknown resize method {value}; choose one of {options}.",
        "zh": "未知的缩放方式 {value}；可选：{options}。",
    },
    "err.kernel_canvas_shape": {
        "en": "Expected an RGBA drawing (H, W, 4); got shape {shape}.",
        "zh": "需要 RGBA 画布 (H, W, 4)；收到的形状是 {shape}。",
    },
    "err.kernel_draw_size": {"en": "The kernel size must be between 1 and {max}.", "zh": "卷积核尺寸必须在 1 到 {max} 之间。"},
    "err.kernel_canvas_empty": {"en": "The canvas is empty; draw something first.", "zh": "画布是空的；请先画点什么。"},
}
