"""The CNN Lab's logic: its settings (:mod:`.schema`), cached stages (:mod:`.pipeline`) and
the words and tables it shows (:mod:`.text`). The view :mod:`app.labs.cnn_lab.view` only lays them out."""
