"""The formula parser: exact values, hostile input, and property tests against a tree oracle."""

from __future__ import annotations

import io
import math
import re
import string
import tokenize
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ipplan.core.formula
from ipplan.core.errors import FormulaError
from ipplan.core.formula import MAX_DEPTH, MAX_LENGTH, Formula, parse_formula
from ipplan.core.i18n import Lang, format_problem
from ipplan.messages.parsing import MESSAGES

# ------------------------------------------------------------------ exact values


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("2 * (3 + 4)", {}, 14.0),
        ("2 + 3 * 4", {}, 14.0),
        ("2 - 3 - 4", {}, -5.0),
        ("8 / 4 / 2", {}, 1.0),
        ("2 * 3 / 4", {}, 1.5),
        ("-2 * 3", {}, -6.0),
        ("2 * -3", {}, -6.0),
        ("-(2 + 3)", {}, -5.0),
        ("--2", {}, 2.0),
        ("+2", {}, 2.0),
        ("- + - 2", {}, 2.0),
        ("1.5", {}, 1.5),
        ("0.25 * 4", {}, 1.0),
        ("1e3", {}, 1000.0),
        ("1.5e-3 * 1000", {}, 1.5),
        ("2E+2", {}, 200.0),
        ("a", {"a": 7.0}, 7.0),
        ("a / b * 10000", {"a": 3729.0, "b": 2_000_000.0}, 3729.0 / 2_000_000.0 * 10000),
        (
            "invention_patents_valid / population * 10000",
            {"invention_patents_valid": 2100.0, "population": 2_000_000.0},
            10.5,
        ),
        ("a − b", {"a": 5.0, "b": 3.0}, 2.0),
        ("a × b ÷ c", {"a": 6.0, "b": 2.0, "c": 4.0}, 3.0),
        ("（a＋b）／2", {"a": 1.0, "b": 3.0}, 2.0),
        ("a－b＊c", {"a": 10.0, "b": 2.0, "c": 3.0}, 4.0),
        ("\ta\n+\u3000b ", {"a": 1.0, "b": 2.0}, 3.0),
        ("(((a)))", {"a": 1.0}, 1.0),
        ("a - a", {"a": 5.0}, 0.0),
        ("-a + a", {"a": 5.0}, 0.0),
        ("a * b", {"a": 3, "b": 4}, 12.0),
        ("x1_2 + y_", {"x1_2": 1.0, "y_": 2.0}, 3.0),
        ("-" * 999 + "1", {}, -1.0),
        ("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH, {"a": 2.0}, 2.0),
        ("+".join(["a"] * 500), {"a": 1.0}, 500.0),
    ],
)
def test_values(text: str, values: Mapping[str, float], expected: float) -> None:
    result = parse_formula(text).evaluate(values)
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a / b", {"a": 1.0, "b": 0.0}),
        ("a / b", {"a": 1.0, "b": -0.0}),
        ("a / (b - b)", {"a": 1.0, "b": 3.0}),
        ("0 / 0", {}),
        ("1 / 0 * 0", {}),
        ("a / 0 + b", {"a": 1.0, "b": 2.0}),
        ("a", {}),
        ("a + b", {"a": 1.0}),
        ("a + b", {"b": 1.0}),
        ("a", {"A": 1.0}),
        ("a", {"a": None}),
        ("a * a", {"a": 1e200}),
        ("a - b", {"a": math.inf, "b": math.inf}),
        ("a", {"a": math.nan}),
    ],
)
def test_none(text: str, values: Mapping[str, Any]) -> None:
    assert parse_formula(text).evaluate(values) is None


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("1 + 2", ()),
        ("a", ("a",)),
        ("b / a + b * c", ("b", "a", "c")),
        ("population / population", ("population",)),
        ("(x + y) / (y - z) * x", ("x", "y", "z")),
    ],
)
def test_ids_in_order_of_first_appearance(text: str, ids: tuple[str, ...]) -> None:
    formula = parse_formula(text)
    assert formula.ids == ids
    assert formula.text == text
    assert str(formula) == text


def test_formula_objects() -> None:
    f = parse_formula("a / b")
    assert f == Formula("a / b", ("a", "b"))
    assert hash(f) == hash(Formula("a / b", ("a", "b")))
    assert f != parse_formula("a/b")
    assert "_program" not in repr(f)
    with pytest.raises(ValueError):
        Formula("a / b", ("b", "a"))
    with pytest.raises(FormulaError):
        Formula("a /", ("a",))
    with pytest.raises(AttributeError):
        f.text = "b"  # type: ignore[misc]


def test_evaluate_accepts_any_mapping() -> None:
    class Values(Mapping[str, float]):
        def __getitem__(self, key: str) -> float:
            if key == "a":
                return 2.0
            raise KeyError(key)

        def __iter__(self) -> Iterator[str]:
            return iter(["a"])

        def __len__(self) -> int:
            return 1

    assert parse_formula("a * 3").evaluate(Values()) == 6.0
    assert parse_formula("a * b").evaluate(Values()) is None


# ------------------------------------------------------------------- hostile input

HOSTILE: list[tuple[str, str, int, str | None]] = [
    # text, code, column, token
    ("__import__('os')", "formula.unexpected", 1, "__import__"),
    ("__import__('os').system('ls')", "formula.unexpected", 1, "__import__"),
    ("a**b", "formula.unexpected", 3, "*"),
    ("a ** 2", "formula.unexpected", 4, "*"),
    ("a; b", "formula.unexpected", 2, ";"),
    ('"x"', "formula.unexpected", 1, '"'),
    ("'x'", "formula.unexpected", 1, "'"),
    ("a.b", "formula.unexpected", 2, "."),
    ("a.__class__", "formula.unexpected", 2, "."),
    ("().__class__", "formula.unexpected", 2, ")"),
    ("os.system('ls')", "formula.unexpected", 3, "."),
    ("f(a)", "formula.unexpected", 2, "("),
    ("max (a, b)", "formula.unexpected", 5, "("),
    ("a[0]", "formula.unexpected", 2, "["),
    ("[a]", "formula.unexpected", 1, "["),
    ("{}", "formula.unexpected", 1, "{"),
    ("lambda x: x", "formula.unexpected", 8, "x"),
    ("lambda: 0", "formula.unexpected", 7, ":"),
    ("a if b else c", "formula.unexpected", 3, "if"),
    ("a and b", "formula.unexpected", 3, "and"),
    ("not a", "formula.unexpected", 5, "a"),
    ("a @ b", "formula.unexpected", 3, "@"),
    ("a % b", "formula.unexpected", 3, "%"),
    ("a // b", "formula.unexpected", 4, "/"),
    ("a ^ b", "formula.unexpected", 3, "^"),
    ("~a", "formula.unexpected", 1, "~"),
    ("a = 1", "formula.unexpected", 3, "="),
    ("a == b", "formula.unexpected", 3, "="),
    ("a < b", "formula.unexpected", 3, "<"),
    ("a, b", "formula.unexpected", 2, ","),
    ("$a", "formula.unexpected", 1, "$"),
    ("a # comment", "formula.unexpected", 3, "#"),
    ("\\x41", "formula.unexpected", 1, "\\"),
    ("a\x00", "formula.unexpected", 2, "\x00"),
    ("_a", "formula.unexpected", 1, "_a"),
    ("1_000", "formula.unexpected", 2, "_000"),
    ("a b", "formula.unexpected", 3, "b"),
    ("2a", "formula.unexpected", 2, "a"),
    ("2e", "formula.unexpected", 2, "e"),
    ("1.", "formula.unexpected", 2, "."),
    (".5", "formula.unexpected", 1, "."),
    ("1.2.3", "formula.unexpected", 4, "."),
    ("()", "formula.unexpected", 2, ")"),
    ("a + )", "formula.unexpected", 5, ")"),
    ("* a", "formula.unexpected", 1, "*"),
    ("(a b)", "formula.unexpected", 4, "b"),
    ("有效发明专利量 / 人口", "formula.unexpected", 1, "有效发明专利量"),
    ("a / 人口", "formula.unexpected", 5, "人口"),
    ("café", "formula.unexpected", 4, "é"),
    ("a²", "formula.unexpected", 2, "²"),
    ("A + b", "formula.uppercase", 1, "A"),
    ("a / Population", "formula.uppercase", 5, "Population"),
    ("1e999", "formula.number_too_large", 1, "1e999"),
    ("9" * 400, "formula.number_too_large", 1, "9" * 400),
    ("(a + b", "formula.unbalanced", 1, "("),
    ("((a) + b", "formula.unbalanced", 1, "("),
    ("a + (b * (c)", "formula.unbalanced", 5, "("),
    ("a + b)", "formula.unbalanced", 6, ")"),
    (")", "formula.unexpected", 1, ")"),
    ("a +", "formula.incomplete", 4, None),
    ("-", "formula.incomplete", 2, None),
    ("(", "formula.incomplete", 2, None),
    ("", "formula.empty", 1, None),
    ("  \t ", "formula.empty", 1, None),
    ("(" * 1000, "formula.too_deep", MAX_DEPTH + 1, None),
    ("(" * 400 + "a" + ")" * 400, "formula.too_deep", MAX_DEPTH + 1, None),
    ("a + " + "(" * 101 + "b" + ")" * 101, "formula.too_deep", 5 + MAX_DEPTH, None),
    ("(" * 1000 + "a" + ")" * 1000, "formula.too_long", MAX_LENGTH + 1, None),
    ("a" * 1001, "formula.too_long", MAX_LENGTH + 1, None),
]


@pytest.mark.parametrize(("text", "code", "column", "token"), HOSTILE)
def test_hostile(text: str, code: str, column: int, token: str | None) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula(text)
    problem = caught.value.problems[0]
    assert (problem.code, problem.column) == (code, column)
    assert problem.params["pos"] == column
    if token is not None:
        assert problem.params["token"] == token
    assert len(caught.value.problems) == 1


def test_uppercase_suggests_lowercase() -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula("Patents / population")
    assert caught.value.problems[0].params["lower"] == "patents"
    assert "'patents'" in str(caught.value)


def test_limits_are_inclusive() -> None:
    parse_formula("a" * MAX_LENGTH)
    parse_formula("(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH)


@pytest.mark.parametrize(("value", "code"), [(None, "formula.empty"), (123, "formula.unexpected")])
def test_non_text(value: object, code: str) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula(value)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_no_eval_in_the_module() -> None:
    source = Path(ipplan.core.formula.__file__).read_text(encoding="utf-8")
    names = {
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.NAME
    }
    assert not names & {"eval", "exec", "compile", "literal_eval", "__import__", "getattr"}


# ------------------------------------------------------------------ the catalog


def test_every_code_has_both_languages() -> None:
    for code, entry in MESSAGES.items():
        assert code.split(".")[0] in {"period", "number", "formula"}
        assert set(entry) == {"zh", "en"}
        for text, hint in entry.values():
            assert text and hint


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("text", "code", "column", "token"), HOSTILE)
def test_messages_fill_in(text: str, code: str, column: int, token: str | None, lang: Lang) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula(text)
    problem = caught.value.problems[0]
    for template in MESSAGES[problem.code][lang]:
        template.format(**problem.params)  # every placeholder has a parameter
    line = format_problem(problem.located("targets.yaml", 12), lang)
    assert line.startswith(f"error: targets.yaml:12:{column}: ")
    assert not re.search(r"\{[a-z_]+\}", line)  # no placeholder left unfilled


def test_long_formulas_are_shortened_in_messages() -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula("a + " * 300)
    assert len(caught.value.problems[0].params["value"]) <= 80


# ------------------------------------------------------- properties: tree oracle

Tree = tuple[Any, ...]  # ("num", x) | ("id", name) | ("neg"|"pos", t) | (op, t, t)
NAMES = ["a", "b", "c_1", "x2", "population"]

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(float),
    st.floats(min_value=0, max_value=1e20, allow_nan=False, allow_infinity=False),
)
leaves: st.SearchStrategy[Tree] = st.one_of(
    numbers.map(lambda x: ("num", x)),
    st.sampled_from(NAMES).map(lambda name: ("id", name)),
)


def _extend(kids: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        st.tuples(st.sampled_from(["+", "-", "*", "/"]), kids, kids),
        st.tuples(st.sampled_from(["neg", "pos"]), kids),
    )


trees: st.SearchStrategy[Tree] = st.recursive(leaves, _extend, max_leaves=12)
environments = st.fixed_dictionaries(
    {name: st.floats(allow_nan=False, allow_infinity=False, width=64) for name in NAMES}
)

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def _precedence(tree: Tree) -> int:
    return _PRECEDENCE.get(tree[0], 3)


def render(tree: Tree, draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """Text that parses back to exactly ``tree``, with random spacing and extra parentheses."""

    def space() -> str:
        return str(draw(st.sampled_from(["", "", " ", "  ", "\t", "\u3000"])))

    def sub(node: Tree, needs_parens: bool) -> str:
        text = render(node, draw)
        if needs_parens or draw(st.integers(0, 5)) == 0:
            return f"({space()}{text}{space()})"
        return text

    kind = tree[0]
    if kind == "num":
        return repr(tree[1])
    if kind == "id":
        return str(tree[1])
    if kind in ("neg", "pos"):
        child: Tree = tree[1]
        sign = str(draw(st.sampled_from(["-", "−"]))) if kind == "neg" else "+"
        return sign + space() + sub(child, _precedence(child) < 3)
    left: Tree = tree[1]
    right: Tree = tree[2]
    op = str(kind)
    if op == "*":
        op = str(draw(st.sampled_from(["*", "×"])))
    elif op == "/":
        op = str(draw(st.sampled_from(["/", "÷"])))
    p = _PRECEDENCE[kind]
    # Floating point is not associative: a right operand of equal precedence keeps its parens.
    return (
        sub(left, _precedence(left) < p)
        + space()
        + op
        + space()
        + sub(right, _precedence(right) <= p)
    )


def compute(tree: Tree, env: Mapping[str, float]) -> Fraction:
    """The oracle: the tree's exact value, each number taken as the decimal it is written
    as (ZeroDivisionError on division by zero)."""
    kind = tree[0]
    if kind == "num":
        return Fraction(Decimal(repr(float(tree[1]))))
    if kind == "id":
        return Fraction(Decimal(repr(float(env[str(tree[1])]))))
    if kind == "neg":
        return -compute(tree[1], env)
    if kind == "pos":
        return compute(tree[1], env)
    left = compute(tree[1], env)
    right = compute(tree[2], env)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    return left / right


def ids_of(tree: Tree) -> Iterator[str]:
    if tree[0] == "id":
        yield str(tree[1])
    elif tree[0] not in ("num",):
        for child in tree[1:]:
            yield from ids_of(child)


def expected(tree: Tree, env: Mapping[str, float]) -> float | None:
    """The exact value rounded once to a float; None on division by zero or overflow."""
    try:
        return float(compute(tree, env))
    except (ZeroDivisionError, OverflowError):
        return None


@given(trees, environments, st.data())
def test_formulas_evaluate_like_their_trees(
    tree: Tree, env: dict[str, float], data: st.DataObject
) -> None:
    text = data.draw(st.sampled_from(["", " ", "\n"])) + render(tree, data.draw)
    assume(len(text) <= MAX_LENGTH)
    formula = parse_formula(text)
    assert formula.ids == tuple(dict.fromkeys(ids_of(tree)))
    assert formula.evaluate(env) == expected(tree, env)


@given(trees, environments, st.data())
def test_division_by_zero_gives_none(
    tree: Tree, env: dict[str, float], data: st.DataObject
) -> None:
    zero = data.draw(st.sampled_from(["0", "0.0", "(a - a)", "0 * b", "-0"]))
    text = f"({render(tree, data.draw)}) / {zero}"
    assume(len(text) <= MAX_LENGTH)
    assert parse_formula(text).evaluate(env) is None


@given(trees, environments, st.data())
def test_missing_ids_give_none(tree: Tree, env: dict[str, float], data: st.DataObject) -> None:
    text = render(tree, data.draw)
    assume(len(text) <= MAX_LENGTH)
    formula = parse_formula(text)
    for name in formula.ids:
        partial = {k: v for k, v in env.items() if k != name}
        assert formula.evaluate(partial) is None


FORMULA_CHARS = string.ascii_letters + string.digits + "_+-*/().eE ,;:'\"[]{}%^~−×÷（）＋人\t\n"


@given(st.one_of(st.text(max_size=60), st.text(alphabet=FORMULA_CHARS, max_size=60)))
def test_junk_raises_only_formula_errors(text: str) -> None:
    try:
        formula = parse_formula(text)
    except FormulaError as exc:
        problem = exc.problems[0]
        assert problem.code in MESSAGES
        assert problem.column is not None
        assert 1 <= problem.column <= len(text) + 1
        for lang in ("zh", "en"):
            for template in MESSAGES[problem.code][lang]:
                template.format(**problem.params)
    else:
        value = formula.evaluate(dict.fromkeys(formula.ids, 1.0))
        assert value is None or math.isfinite(value)
        assert all(name[0] in string.ascii_lowercase for name in formula.ids)


@given(st.integers(min_value=0, max_value=3000))
def test_deep_nesting_never_overflows_the_stack(depth: int) -> None:
    text = "(" * depth + "1" + ")" * depth
    try:
        assert parse_formula(text).evaluate({}) == 1.0
    except FormulaError as exc:
        assert exc.code in {"formula.too_deep", "formula.too_long"}
        assert depth > MAX_DEPTH


def test_a_figure_exactly_on_target_is_exact() -> None:
    # 600 / 2,000,000 × 10,000 = 3 exactly; in floats 600 / 2000000 * 10000 = 2.9999999999999996,
    # which would judge a city that reached its target of 3 per 10,000 people as missing it.
    per_10k = parse_formula("invention_patents_valid / population * 10000")
    assert per_10k.evaluate({"invention_patents_valid": 600, "population": 2_000_000}) == 3.0
    # 0.1 + 0.2 is 0.3 as written (floats give 0.30000000000000004)
    assert parse_formula("a + 0.2").evaluate({"a": 0.1}) == 0.3
