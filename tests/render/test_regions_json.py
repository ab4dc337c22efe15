"""The entries of ``regions --format json`` put together from each indicator's objects
(ipplan.render.regions_json): assemble_utf8, in pieces of UTF-8, is the text of assemble
for any units, any number of indicators, any mix of targets and any size of piece."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.data.units import Unit
from ipplan.render.regions_json import assemble, assemble_utf8


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 25), st.integers(0, 4), st.integers(1, 8), st.data())
def test_utf8_pieces_are_the_text_of_assemble(
    n: int, k: int, chunk: int, data: st.DataObject
) -> None:
    units = [Unit(f"单位{i}", "市", None if i % 3 else f"{i:06d}") for i in range(n)]
    targets = [data.draw(st.lists(st.booleans(), min_size=n, max_size=n)) for _ in range(k)]
    texts = [[f'{{"id": "指标{j}", "unit": {i}}}' for i in range(n)] for j in range(k)]
    expected = assemble(units, list(zip(texts, targets, strict=True)))
    encoded = [([t.encode("utf-8") for t in column], flags)
               for column, flags in zip(texts, targets, strict=True)]  # fmt: skip
    pieces = assemble_utf8(units, encoded, chunk)
    assert len(pieces) == -(-n // chunk)  # a piece per chunk of units
    assert b",\n".join(pieces).decode("utf-8") == expected
    assert all(t == b"" for column, _ in encoded for t in column)  # each let go once written


def test_one_indicator_and_none() -> None:
    units = [Unit("甲县", "市"), Unit("乙县", "市", "000002")]
    one = assemble_utf8(units, [([b'{"id": "a"}', b'{"id": "b"}'], [True, False])])
    assert one == [
        b'{"region": "\xe7\x94\xb2\xe5\x8e\xbf", "parent": "\xe5\xb8\x82", "code": null, '
        b'"rank": null, "indicators": [{"id": "a"}]},\n'
        b'{"region": "\xe4\xb9\x99\xe5\x8e\xbf", "parent": "\xe5\xb8\x82", "code": "000002", '
        b'"rank": null, "indicators": [{"id": "b"}]}'
    ]
    none = assemble_utf8(units, [])
    assert b",\n".join(none).decode("utf-8").count('"indicators": []}') == 2
