"""ConvScope's backend: pure numpy/scipy/Pillow, never imports streamlit (the notebook API).

>>> from app.backend import convolve, ImageAnalysis, load_sample
"""

from .images import (
    DEFAULT_WORKING_SIDE,
    MAX_PIXELS,
    MAX_UPLOAD_MB,
    MAX_WORKING_SIDE,
    SAMPLES,
    ImageError,
    WorkingCopy,
    image_digest,
    load_image,
    load_sample,
    sample_names,
    sample_path,
    to_gray,
    working_copy,
)
from .convolution import BOUNDARIES, METHODS, anchor, choose_method, convolve, rank1_factors, working_dtype
from .spectra import (
    frequency_axes,
    frequency_response,
    full_from_half,
    log_magnitude,
    phase,
    radial_profile,
    spectrum,
    theorem_check,
)
from .analysis import ConvolutionResult, ImageAnalysis
from .display import (
    SIGNED_MODES,
    display_image,
    downsample_for_display,
    encode_jpeg,
    encode_png,
    half_spectrum_to_uint8,
    is_signed,
    power_to_uint8,
    result_to_uint8,
    signed_to_rgb,
    spectrum_to_uint8,
    to_uint8,
)

from .figure import render_six_panel_png
from .filtering import FrequencyFilter, KernelReport, freehand_mask, kernel_report, notch_mask, parametric_mask
from .inspect import PixelInspection, inspect_pixel
from .layers import (
    KernelBank,
    LayerInput,
    PoolSpec,
    activate,
    c1_bank,
    c3_bank,
    conv_layer,
    forward,
    kernel_band,
    lenet_subsample,
    pool,
    pooling_aliasing,
    shift_tolerance,
)
from .conv_arithmetic import (
    LENET_C3_TABLE,
    MAX_FOOTPRINT_SIDE,
    PADDING_MODES,
    Footprint,
    checkerboard_score,
    conv2d,
    conv_transpose2d,
    footprint_frames,
    output_size,
    resize_then_convolve,
    resolve_padding,
    transpose_output_size,
)
from .signals import (
    SignalError,
    convolve_signals,
    flip_and_slide,
    make_grid,
    make_signal,
    signal_catalog,
    signal_spectra,
    slide_frames,
)
from .snippet import make_snippet

__all__ = [
    # images
    "DEFAULT_WORKING_SIDE",
    "MAX_PIXELS",
    "MAX_UPLOAD_MB",
    "MAX_WORKING_SIDE",
    "ImageError",
    "WorkingCopy",
    "image_digest",
    "load_image",
    "load_sample",
    "sample_names",
    "sample_path",
    "SAMPLES",
    "to_gray",
    "working_copy",
    # convolution
    "BOUNDARIES",
    "METHODS",
    "anchor",
    "choose_method",
    "convolve",
    "rank1_factors",
    "working_dtype",
    # spectra
    "frequency_axes",
    "frequency_response",
    "full_from_half",
    "log_magnitude",
    "phase",
    "radial_profile",
    "spectrum",
    "theorem_check",
    # analysis
    "ConvolutionResult",
    "ImageAnalysis",
    # display
    "SIGNED_MODES",
    "display_image",
    "downsample_for_display",
    "encode_jpeg",
    "encode_png",
    "half_spectrum_to_uint8",
    "is_signed",
    "power_to_uint8",
    "result_to_uint8",
    "signed_to_rgb",
    "spectrum_to_uint8",
    "to_uint8",
    # six-panel figure (CLI `figure`, Image Lab download)
    "render_six_panel_png",
    # Image Lab teaching tools
    "PixelInspection",
    "inspect_pixel",
    "make_snippet",
    # Filter Designer
    "FrequencyFilter",
    "KernelReport",
    "freehand_mask",
    "kernel_report",
    "notch_mask",
    "parametric_mask",
    # Signal Lab
    "SignalError",
    "convolve_signals",
    "flip_and_slide",
    "make_grid",
    "make_signal",
    "signal_catalog",
    "signal_spectra",
    "slide_frames",
    # CNN Lab
    "KernelBank",
    "LayerInput",
    "PoolSpec",
    "activate",
    "c1_bank",
    "c3_bank",
    "conv_layer",
    "forward",
    "kernel_band",
    "lenet_subsample",
    "pool",
    "pooling_aliasing",
    "shift_tolerance",
    # CNN Lab: convolution arithmetic (stride, padding, dilation, transposed convolution)
    "LENET_C3_TABLE",
    "MAX_FOOTPRINT_SIDE",
    "PADDING_MODES",
    "Footprint",
    "checkerboard_score",
    "conv2d",
    "conv_transpose2d",
    "footprint_frames",
    "output_size",
    "resize_then_convolve",
    "resolve_padding",
    "transpose_output_size",
]
