"""Making a new plan folder to edit (``ipplan init``).

Templates: ``suizhou`` copies the bundled plan (targets.yaml and actuals/, byte for
byte); ``blank`` writes a commented minimal targets.yaml with one example indicator, in
Chinese or English, and an empty actuals/. A folder that already holds targets.yaml, or
any file the template would write, is refused and left as it was. A new folder appears
whole or not at all (written beside it, then renamed into place); in a folder that
exists, the files are written under the plan lock, targets.yaml last, and removed again
when writing fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from enum import StrEnum
from pathlib import Path

from ipplan.core.errors import DataError, IpplanError, Problem, UsageError
from ipplan.core.i18n import Lang
from ipplan.data import inittemp
from ipplan.data.atomic import Pending, fsync_dir, plan_lock, replace_all, step
from ipplan.data.plan import TARGETS, bundled_plan_dir
from ipplan.data.regioncsv import FILE as UNIT_TARGETS
from ipplan.data.signals import deferred


class Template(StrEnum):
    SUIZHOU = "suizhou"
    BLANK = "blank"
    HUBEI = "hubei"


TEMPLATES: tuple[Template, ...] = tuple(Template)
TEMPLATE_DIR = (
    Path(__file__).resolve().parent.parent / "templates"
)  # hubei: Hubei province's 2025 plan

BLANK_ZH = """\
# 知识产权强市建设方案的目标与监测指标（ipplan 方案文件）。
# 格式见 docs/formats.md。改完后运行 ipplan check 检查，ipplan status 查看进展；
# 实际值用 ipplan record 或 ipplan import 录入，保存在 actuals/<指标代码>.csv。
plan:
  id: my-ip-plan                # 方案简称
  title: 知识产权强市建设实施方案   # 方案标题
  # document: 某政办发〔2024〕1号  # 文号（可选）
  region: 某某市                  # 本方案的地区；actuals 中“地区”留空即指此地区
  baseline: "2023"              # 基期：YYYY、YYYY-Qn 或 YYYY-MM，加引号
  deadline: 2025-12-31          # 截止日期

# 下级地区（可选）：名称、上级、代码。actuals 中“地区”列写这些名称。
# regions:
#   - {name: 某某区, parent: 某某市, code: "000000"}
#   - {name: 某某县, parent: 某某市}

indicators:
  # 每个指标以 - id: 开头。kind：stock 存量（年末数）、flow 流量（当年新增）、
  # derived 派生（formula 由其他指标计算，如 a / b * 10000）。
  - id: trademarks_valid        # 指标代码：小写字母、数字和下划线
    name: 有效注册商标量
    name_en: Valid registered trademarks
    unit: 件
    kind: stock
    target:                     # 没有 target 的指标只监测
      type: level               # level 达到 | cumulative 累计（配 from）| growth 稳步增长
      value: 30000
      direction: increase       # increase 增加 | decrease 减少
      # by_region:              # 各地区自己的目标（目标分解）；没有的只监测
      #   某某区: 18000
    source: "目标出处，如方案原文"
"""

BLANK_EN = """\
# The targets and monitored indicators of a strong-IP-city plan (an ipplan plan file).
# The format is in docs/formats.md. After editing, run ipplan check, then ipplan status;
# record figures with ipplan record or ipplan import: they go to actuals/<id>.csv.
plan:
  id: my-ip-plan                # short id
  title: Strong IP City plan    # the plan's title
  # document: No. 1 (2024)      # document number (optional)
  region: My City               # the plan's region; an empty region in actuals means this
  baseline: "2023"              # baseline period: YYYY, YYYY-Qn or YYYY-MM, quoted
  deadline: 2025-12-31          # deadline

# Units under the region (optional): name, parent, code; actuals name them in `region`.
# regions:
#   - {name: North County, parent: My City, code: "000000"}
#   - {name: South County, parent: My City}

indicators:
  # Each indicator starts with - id:. kind: stock (a level at period end), flow (new in
  # the period), derived (a formula over other ids, e.g. a / b * 10000).
  - id: trademarks_valid        # id: lowercase letters, digits and _
    name: 有效注册商标量
    name_en: Valid registered trademarks
    unit: 件
    kind: stock
    target:                     # an indicator without target is only monitored
      type: level               # level | cumulative (with from) | growth
      value: 30000
      direction: increase       # increase | decrease
      # by_region:              # each unit's own target; a unit without one is monitored
      #   North County: 18000
    source: "where the target comes from"
"""


def _files(template: Template, lang: Lang) -> dict[str, bytes]:
    """Relative path → content of every file the template writes."""
    if template == "blank":
        return {TARGETS: (BLANK_EN if lang == "en" else BLANK_ZH).encode("utf-8")}
    source = bundled_plan_dir() if template == "suizhou" else TEMPLATE_DIR / template
    try:
        files = {TARGETS: (source / TARGETS).read_bytes()}
        if (source / UNIT_TARGETS).is_file():  # the units' own targets, when the plan has them
            files[UNIT_TARGETS] = (source / UNIT_TARGETS).read_bytes()
        for path in sorted((source / "actuals").glob("*.csv")):
            files[f"actuals/{path.name}"] = path.read_bytes()
    except OSError as exc:
        raise DataError("init.failed", path=str(source), reason=exc.strerror or str(exc)) from None
    return files


def create_plan(
    directory: Path,
    template: Template | str = Template.SUIZHOU,
    lang: Lang = Lang.ZH,
    files: dict[str, bytes] | None = None,
    warnings: list[Problem] | None = None,
) -> list[Path]:
    """Make a plan folder; return the files written. Refuses to overwrite anything.
    ``files`` (relative path → content) replaces the template's (``init --from``). The
    hidden folders that killed inits of ``directory`` left beside it are removed first,
    each with a warning appended to ``warnings`` (:mod:`ipplan.data.inittemp`)."""
    if template not in TEMPLATES:
        raise UsageError("cli.bad_choice", option="--template", value=template,
                         allowed=" | ".join(TEMPLATES))  # fmt: skip
    if directory.exists() and not directory.is_dir():
        raise UsageError("init.not_dir", path=str(directory))
    files = _files(Template(template), lang) if files is None else files
    for relative in files:
        if (directory / relative).exists():
            raise UsageError("init.exists", path=str(directory / relative))
    for stale in inittemp.remove_stale(directory):
        problem = Problem("init.stale_removed", {}, str(stale), severity="warning")
        if warnings is not None:
            warnings.append(problem)
    if not directory.exists():
        _create_new(directory, files)
    else:
        _fill_existing(directory, files)
    return [directory / rel for rel in files]


def _failed(path: Path, exc: OSError) -> DataError:
    return DataError("init.failed", path=str(path), reason=exc.strerror or str(exc))


def _create_new(directory: Path, files: dict[str, bytes]) -> None:
    """A folder that does not exist yet: every file goes into a hidden sibling folder,
    which one rename puts in place. Until then the folder does not exist; a failure, a
    signal or ``kill -9`` before the rename leaves no ``directory`` (a hidden
    ``.NAME.*.tmp`` sibling may remain after ``kill -9``: the next init removes it). The
    sibling's lock is held from its first file to after the rename."""
    parent = directory.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(
            tempfile.mkdtemp(dir=parent, prefix=inittemp.prefix(directory), suffix=inittemp.SUFFIX)
        )
    except OSError as exc:
        raise _failed(directory, exc) from None
    try:
        with contextlib.ExitStack() as lock:
            try:
                os.chmod(temp, 0o777 & ~_umask())  # mkdtemp's 0700 is no plan folder's mode
                unname_lock = lock.enter_context(inittemp.held(temp))  # makes actuals/ too
                for rel, data in files.items():
                    step(f"init {rel}")
                    with (temp / rel).open("xb") as handle:
                        handle.write(data)
                        handle.flush()
                        os.fsync(handle.fileno())
                fsync_dir(temp / "actuals")
                fsync_dir(temp)
            except OSError as exc:
                raise _failed(directory, exc) from None
            with deferred():  # the rename and its report are one: a signal waits for both
                step("init rename")
                unname_lock()  # the new plan holds only its files; the lock is still held
                try:
                    os.rename(temp, directory)
                except OSError as exc:
                    # another init was first (a folder made meanwhile that is still
                    # empty is replaced by the rename, as POSIX renames do: nothing is lost)
                    if directory.exists():
                        raise UsageError("init.exists", path=str(directory)) from None
                    raise _failed(directory, exc) from None
                fsync_dir(parent)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fill_existing(directory: Path, files: dict[str, bytes]) -> None:
    """A folder that exists (empty, or holding other files): no rename can put a whole
    plan in it at once, so under the plan lock, as every write, each file is written
    whole (the actuals first, targets.yaml last: a folder is a plan once it is there),
    with Ctrl-C and ``kill`` held back; when writing fails, what was made is removed."""
    actuals = directory / "actuals"
    made_actuals = not actuals.exists()
    with plan_lock(actuals):
        for relative in files:  # again, under the lock: another init may have been first
            if (directory / relative).exists():  # then its files are left as they are
                raise UsageError("init.exists", path=str(directory / relative))
        ordered = sorted(files.items(), key=lambda item: item[0] == TARGETS)
        try:
            with deferred():
                replace_all([Pending(directory / rel, data, None) for rel, data in ordered])
        except IpplanError:  # no plan file was there: the actuals folder is this run's
            if made_actuals:
                shutil.rmtree(actuals, ignore_errors=True)
            raise
