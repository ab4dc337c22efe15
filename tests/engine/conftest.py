from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The parsed-actuals cache of these tests goes to a folder of their own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IPPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("ipplan-cache")))
        yield
