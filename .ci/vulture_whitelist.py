"""Names vulture reports as unused that are used by something it cannot see (`vulture` reads this file too).

Each name is listed with who uses it. The format is vulture's own: a bare reference marks a name as used.
"""

# Bare references are this file's whole point, and `_` stands for any object:
# ruff: noqa: B018, F821

# Cache keys: functools.lru_cache and st.cache_data key on every argument, read or not.
mtime  # app/backend/images.py: _load_sample_cached(path, mtime) reloads a sample whose file changed
digest_a  # app/labs/fourier_lab/pipeline.py: mag_phase keys on the digest; the array `_a` is not hashed

# Protocol-buffer fields written for Streamlit's server (app/loadtest.py, tests/apptest/helpers.py).
_.string_value
_.request_id
_.json_value
# AppTest's private page hash, set to address a page by its url_path (tests/apptest/helpers.py)
_._page_hash

# pytest calls these by name: an autouse fixture, a fixture requested as a test argument, a hook, a module mark.
record_image_lab_runs
broken_image_lab
pytest_collection_modifyitems
pytestmark
guess_digest  # app/labs/challenge_lab/pipeline.py: grade keys on the guess's digest; the array `_guess` is not hashed
sound_key  # app/labs/signal_lab/parts/sound.py: heard keys on the sound's name or digest; `_sound` is not hashed
tb  # app/classroom/store.py: a context manager's __exit__(kind, exc, tb) takes the traceback it does not need
redis_server  # tests/test_class_store.py: a fixture requested by name by the Redis tests
SEES_BOTH  # app/labs/hybrid_lab/pipeline.py: the third answer of the question (dominant() returns 2), named for readers
