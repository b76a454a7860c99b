"""URL state: encode/decode round trip and hostile query values."""

from hypothesis import given
from hypothesis import strategies as st

from app.ui.state import Field, decode, encode

SCHEMA = {
    "kernel": Field("choice", "gaussian", choices=("gaussian", "box", "laplacian")),
    "sigma": Field("float", 1.0, lo=0.1, hi=10.0),
    "size": Field("int", 5, lo=1, hi=63),
    "correlate": Field("bool", False),
}


@given(
    kernel=st.sampled_from(SCHEMA["kernel"].choices),
    sigma=st.floats(0.1, 10.0, allow_nan=False),
    size=st.integers(1, 63),
    correlate=st.booleans(),
)
def test_encode_then_decode_restores_every_value(kernel, sigma, size, correlate):
    values = {"kernel": kernel, "sigma": sigma, "size": size, "correlate": correlate}
    params = encode(SCHEMA, values)
    assert all(isinstance(v, str) for v in params.values())
    decoded, rejected = decode(SCHEMA, params)
    assert rejected == []
    assert {**{k: f.default for k, f in SCHEMA.items()}, **decoded} == values


def test_defaults_are_left_out_of_the_link():
    assert encode(SCHEMA, {k: f.default for k, f in SCHEMA.items()}) == {}


def test_hostile_values_are_rejected_not_used():
    params = {
        "kernel": "../../etc/passwd",
        "sigma": "nan",
        "size": "1e9",
        "correlate": "__import__('os')",
        "evil": "<script>alert(1)</script>",
        "embed": "true",
    }
    values, rejected = decode(SCHEMA, params)
    assert values == {}
    assert sorted(rejected) == ["correlate", "evil", "kernel", "sigma", "size"]


@given(st.dictionaries(st.text(max_size=20), st.text(max_size=50), max_size=6))
def test_decode_never_raises_and_only_returns_valid_values(params):
    values, rejected = decode(SCHEMA, params)
    for key, value in values.items():
        field = SCHEMA[key]
        if field.kind == "choice":
            assert value in field.choices
        elif field.kind in ("int", "float"):
            assert field.lo <= value <= field.hi
    assert set(values) | set(rejected) == {k for k in params if k not in ("embed", "embed_options")}
