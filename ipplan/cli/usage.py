"""A usage error of the command-line parser (Click, inside Typer) worded in the user's
language: the common ones (an argument or option missing, an unknown option, an option
without its value, arguments left over, a value not among the choices) from the catalog;
any other as Click words it. Click's classes are told apart by name: Typer vendors Click
privately, so no module path of it is imported."""

from __future__ import annotations

import re

from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, format_problem, word
from ipplan.present.safe import safe_text

_CHOICE = re.compile(r"'(?P<value>[^']*)' is not one of (?P<allowed>'.*')$")
_CHOOSE = re.compile(r"Choose from:\s*(?P<choices>.+)$")
_METAVAR = re.compile(r"<(?P<choices>[^<>|]+(?:\|[^<>|]+)+)>")
_EXTRA = re.compile(r"unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$")


def choice_line(exc: Exception, lang: Lang) -> str | None:
    """A value not among an option's choices, as ipplan's own ``cli.bad_choice`` line
    (``error: --by 的取值“week”无效; 可选值：month | quarter``); None for anything else."""
    if type(exc).__name__ != "BadParameter":
        return None
    found = _CHOICE.search(str(getattr(exc, "message", "")).rstrip("."))
    hint = _hint(exc)
    if found is None or not hint:
        return None
    allowed = " | ".join(re.findall(r"'([^']*)'", found["allowed"]))
    params = {"option": hint, "value": safe_text(found["value"]), "allowed": allowed}
    return format_problem(Problem("cli.bad_choice", params), lang)


def usage_text(exc: Exception, lang: Lang) -> str | None:
    """What is wrong, from the catalog, for the common usage errors; None for the rest."""
    kind = type(exc).__name__
    hint = _hint(exc)
    if kind == "MissingParameter" and hint:
        param = getattr(exc, "param", None)
        if getattr(param, "param_type_name", None) == "argument":
            return word("cli.usage_missing_argument", lang, name=hint)
        names = " | ".join(_choices(exc, param))
        allowed = word("cli.usage_choices", lang, allowed=safe_text(names)) if names else ""
        return word("cli.usage_missing_option", lang, name=hint, choices=allowed)
    if kind == "NoSuchOption":
        name = safe_text(str(getattr(exc, "option_name", "")))
        close = getattr(exc, "possibilities", None) or []
        maybe = word("cli.usage_did_you_mean", lang, names=" | ".join(close)) if close else ""
        return word("cli.usage_no_option", lang, name=name, close=maybe)
    if kind == "BadOptionUsage" and "requires an argument" in str(exc):
        return word(
            "cli.usage_needs_value", lang, name=safe_text(str(getattr(exc, "option_name", "")))
        )
    if kind == "UsageError" and (found := _EXTRA.search(str(exc))):
        return word("cli.usage_extra", lang, args=safe_text(found["args"]))
    return None


def _choices(exc: Exception, param: object) -> list[str]:
    """The values a missing option may take (none when it takes any): Typer 0.29 words
    them in its missing message; with older ones, a choice's Click type holds them, and
    ``--format`` lists them in its metavar (``<docx|xlsx>``, :func:`options.format_option`)."""
    if hasattr(param, "get_missing_message"):
        missing = param.get_missing_message(ctx=getattr(exc, "ctx", None))
        found = _CHOOSE.search(" ".join(str(missing or "").split()))
        return [c.strip() for c in found["choices"].rstrip(".").split(",")] if found else []
    listed = getattr(getattr(param, "type", None), "choices", None)
    if listed:
        return [str(c) for c in listed]
    metavar = _METAVAR.fullmatch(str(getattr(param, "metavar", None) or ""))
    return metavar["choices"].split("|") if metavar else []


def _hint(exc: Exception) -> str:
    """The parameter's name as the user typed it (``--format / -f``, ``ID``)."""
    param = getattr(exc, "param", None)
    hint: object = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        try:  # Typer up to 0.28 (Click's own signature): with the context; 0.29: without
            hint = param.get_error_hint(getattr(exc, "ctx", None))
        except TypeError:
            hint = param.get_error_hint()
    if isinstance(hint, list | tuple):
        hint = " / ".join(map(str, hint))
    return safe_text(str(hint or "").replace("'", ""))
