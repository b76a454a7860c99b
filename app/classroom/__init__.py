"""A class answering together: the store shared by every session and server process (no Streamlit here).

:mod:`app.classroom.codes` makes join codes; :mod:`app.classroom.store` keeps classes (SQLite or Redis);
:mod:`app.classroom.catalogue` knows which questions exist. The page side is :mod:`app.ui.classroom`.
"""
