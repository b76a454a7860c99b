"""The CNN Lab's logic: its settings (:mod:`.schema`), cached stages (:mod:`.pipeline`) and
the words and tables it shows (:mod:`.text`). The view :mod:`app.views.cnn_lab` only lays them out."""
