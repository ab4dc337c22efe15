"""Names a problem lists, joined in the language of its message (i18n.Listing)."""

from __future__ import annotations

from ipplan.core.i18n import Lang, Listing, message


def test_a_listing_is_joined_in_each_language() -> None:
    units = Listing.of(["曾都区", "随县", "广水市"])
    assert units.text(Lang.ZH) == "曾都区、随县、广水市"
    assert units.text(Lang.EN) == "曾都区, 随县, 广水市"


def test_a_listing_shows_at_most_so_many_then_an_ellipsis_and_a_dash_when_empty() -> None:
    names = Listing.of([f"u{i}" for i in range(22)], most=20)
    # 22 names, 20 shown: u0 … u19, then "…"
    assert names.text(Lang.EN) == ", ".join(f"u{i}" for i in range(20)) + "…"
    assert Listing.of([]).text(Lang.ZH) == "—"


def test_a_name_may_differ_by_language() -> None:
    names = Listing.of([{"zh": "a（甲）", "en": "a (A)"}, "b"])
    assert names.text(Lang.ZH) == "a（甲）、b"
    assert names.text(Lang.EN) == "a (A), b"


def test_a_message_fills_a_listing_in_its_language() -> None:
    params = {
        "value": "广水",
        "close": Listing.of(["广水市"]),
        "known": Listing.of(["随州市", "广水市"]),
    }
    assert message("cli.unknown_unit", Lang.ZH, **params)[1] == (
        "是否指 广水市？已有的地区：随州市、广水市"
    )
    assert message("cli.unknown_unit", Lang.EN, **params)[1] == (
        "did you mean 广水市? known regions: 随州市, 广水市"
    )
