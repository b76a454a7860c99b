"""The Image Lab: its settings (:mod:`.schema`), cached stages (:mod:`.pipeline`), figures, words
(:mod:`.text`, :mod:`.strings`), lesson questions and teaching tabs (:mod:`.teaching`). The view
:mod:`.view` only lays them out."""
