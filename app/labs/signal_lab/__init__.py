"""The Signal Lab's logic: its settings (:mod:`.schema`) and the cached page data
(:mod:`.pipeline`). The view :mod:`app.labs.signal_lab.view` only lays them out."""
