"""The parsed-actuals cache: used when the file is unchanged, never when it is stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipplan.data.plan import load_plan
from ipplan.engine import cache, load
from ipplan.engine.load import read_table
from tests.engine.test_engine_load import GOOD, plan_with, reference, rows_of


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(where))
    return where


def no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(load, "fast_rows", refuse)
    monkeypatch.setattr(load.actuals, "parse_file", refuse)


def test_second_read_comes_from_the_cache(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = plan_with(tmp_path / "plan", GOOD)
    first = rows_of(folder)
    want = reference(folder)
    assert len(list(own_cache.glob("*.npz"))) == 1
    assert not list((tmp_path / "plan").rglob("*.npz"))  # nothing in the plan folder
    no_parser(monkeypatch)
    assert rows_of(folder) == first == want


def test_a_changed_file_is_read_again(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = plan_with(tmp_path / "plan", GOOD)
    rows_of(folder)
    path = folder / "actuals" / "tm.csv"
    stat = path.stat()
    # same size, same mtime, other bytes: only the hash tells
    path.write_text(GOOD.replace("2023-01,100", "2023-01,900"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert ("2023-01", 900.0, "甲县", "来源", None, None, None, None) in rows_of(folder)
    assert rows_of(folder) == reference(folder)


def test_the_indicator_and_region_are_part_of_the_key(tmp_path: Path, own_cache: Path) -> None:
    folder = plan_with(tmp_path / "plan", GOOD)
    plan = load_plan(str(folder))
    path = folder / "actuals" / "tm.csv"
    raw = path.read_bytes()
    ind = plan.indicators[0]
    assert cache.key(path, raw, ind, "示例市") != cache.key(path, raw, ind, "别的市")


def test_a_broken_entry_is_ignored_and_the_cache_can_be_off(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = plan_with(tmp_path / "plan", GOOD)
    rows_of(folder)
    for entry in own_cache.glob("*.npz"):
        entry.write_bytes(b"not a cache entry")
    assert rows_of(folder) == reference(folder)
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")
    assert cache.folder() is None
    table = read_table(load_plan(str(folder)))
    assert len(table.rows["tm"]) == 5


def test_compact_entries_read_back_the_same(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """300 regions (codes in uint16), a few periods and flags (uint8), no yoy in any row
    (the column is not stored): read back from the cache, the same rows."""
    lines = ["period,value,region,flag"]
    for unit in range(300):
        lines += [f"2023-0{m},{unit * 10 + m},县{unit:03d},{'e' if m == 2 else ''}"
                  for m in (1, 2, 3)]  # fmt: skip
    folder = plan_with(tmp_path / "plan", "\n".join(lines) + "\n")
    first = rows_of(folder)
    want = reference(folder)
    entry = next(own_cache.glob("*.npz"))
    import numpy as np

    with np.load(entry) as data:
        assert data["region"].dtype == np.uint16 and data["flag"].dtype == np.uint8
        assert len(data["yoy"]) == 0
    no_parser(monkeypatch)
    assert rows_of(folder) == first == want
    assert len(first) == 900 and all(row[6] is None for row in first)  # yoy None


def test_the_key_reuses_the_hash_the_results_key_took_unless_the_file_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold `regions` hashes each file for the results cache; the parsed-actuals cache
    takes that hash instead of hashing the bytes again, but only while the file is as it
    was (a same-size rewrite with the old mtime put back still changes the ctime)."""
    import hashlib

    from ipplan.engine import results

    folder = plan_with(tmp_path, GOOD)
    path = folder / "actuals" / "tm.csv"
    plan = load_plan(str(folder))
    indicator = plan.get("tm")
    assert indicator is not None
    assert results.key(folder, "2025-01-01", ["x"]) is not None
    raw = path.read_bytes()
    expected = hashlib.sha256(raw).hexdigest()
    real = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda *a: pytest.fail("hashed again"))
    assert cache.key(path, raw, indicator, "示例市")["sha256"] == expected
    monkeypatch.setattr(hashlib, "sha256", real)
    st = path.stat()
    changed = raw.replace("来源".encode(), "源头".encode(), 1)  # the same length
    path.write_bytes(changed)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    calls: list[bytes] = []

    def counted(data: bytes = b"") -> object:
        calls.append(data)
        return real(data)

    monkeypatch.setattr(hashlib, "sha256", counted)
    assert cache.key(path, changed, indicator, "示例市")["sha256"] == real(changed).hexdigest()
    assert calls == [changed]


@pytest.mark.parametrize("labels", [{}, {"periods": ["2023-13"]}, None])
def test_an_entry_with_its_key_but_damaged_labels_is_ignored(
    tmp_path: Path, own_cache: Path, labels: object
) -> None:
    """An entry whose key matches but whose labels are missing, wrong or not a mapping
    is read again from the file (it used to end in KeyError, PeriodError or TypeError)."""
    import io
    import json

    import numpy as np

    folder = plan_with(tmp_path / "plan", GOOD)
    rows_of(folder)
    (entry,) = own_cache.glob("*.npz")
    with np.load(entry, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
    if isinstance(labels, dict) and labels:
        meta["labels"] = {**meta["labels"], **labels}
    else:
        meta["labels"] = labels
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    entry.write_bytes(buffer.getvalue())
    assert rows_of(folder) == reference(folder)
