"""The CLI as a terminal of 80 columns without colour sees it, for the tests of
tests/render/ that read its lines (test_wrapping, test_regions_table)."""

from __future__ import annotations

import pytest

from ipplan.cli.app import main


@pytest.fixture(autouse=True)
def plain_80(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour, 80 columns, none of the user's settings (import it to use it)."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG", "FORCE_COLOR", "IPPLAN_TODAY"):
        monkeypatch.delenv(name, raising=False)


def lines(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The lines a command prints; it must succeed."""
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    assert done.value.code in (0, None), err
    return out.splitlines()
