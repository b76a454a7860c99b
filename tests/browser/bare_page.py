"""The benchmark's reference page: one slider, one 512² image, one PNG spectrum chart.

Started exactly like the app (``streamlit run tests/browser/bare_page.py`` with the same flags)
by ``tests/browser/bench_image_lab.py``; not part of the app.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
import plotly.express as px  # noqa: E402
import scipy.fft as sp_fft  # noqa: E402
import streamlit as st  # noqa: E402
from scipy import ndimage  # noqa: E402

from app.backend import display, load_sample  # noqa: E402


@st.cache_resource
def _image() -> np.ndarray:
    return load_sample("camera")


sigma = st.slider("Sigma", 0.1, 20.0, 3.0, step=0.1, key="bare_sigma")
img = _image()
out = ndimage.gaussian_filter(img, sigma, mode="reflect")
st.image(display.encode_jpeg(display.to_uint8(out)), width=512, output_format="JPEG")
spec = sp_fft.fftshift(sp_fft.fft2(out))
# the spectrum as one PNG inside the figure (binary_string), never a float heatmap
fig = px.imshow(display.spectrum_to_uint8(spec, 100.0), binary_string=True, binary_compression_level=1, title="spectrum")
st.plotly_chart(fig.update_xaxes(visible=False).update_yaxes(visible=False), key="bare_spec")
