"""The Signal Lab's logic: its settings (:mod:`.schema`) and the cached page data
(:mod:`.pipeline`). The view :mod:`app.views.signal_lab` only lays them out."""
