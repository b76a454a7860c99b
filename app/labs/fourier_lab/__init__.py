"""The Fourier Lab: its settings (:mod:`.schema`), the per-image work (:mod:`.pipeline`), figures,
controls, strings and the predict question. The view :mod:`.view` only lays them out."""
