"""Frequency-domain masks (placeholder; full version follows)."""
MASK_NAMES = ("ideal", "butterworth", "gaussian_freq", "notch")
