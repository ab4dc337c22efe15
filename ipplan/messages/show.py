"""Messages of `ipplan show`."""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "show.unknown_indicator": {
        "zh": ("没有指标“{value}”", "是否要找 {id}（{name}）？用 ipplan status 查看全部指标"),
        "en": (
            "no indicator '{value}'",
            "did you mean {id} ({name})? ipplan status lists them all",
        ),
    },
    "show.no_indicators": {
        "zh": ("方案中没有指标", "请在 targets.yaml 的 indicators: 下添加指标"),
        "en": ("the plan has no indicators", "add indicators under indicators: in targets.yaml"),
    },
}
