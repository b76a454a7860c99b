"""The Filter Designer's logic: its settings (:mod:`.schema`), the mask, notches, zoom and
display rules (:mod:`.design`) and the cached per-image work (:mod:`.pipeline`). The view
:mod:`app.labs.filter_designer.view` only lays them out."""
