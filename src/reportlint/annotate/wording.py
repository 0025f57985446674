"""What the comments say: the clerk reads these in Word's margin."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from reportlint.checks import Diagnostic, Rule, Severity

AUTHOR = "reportlint"
INITIALS = "RL"

# How a character nobody can see is named in a suggestion.
_INVISIBLE = {
    " ": "空格",
    "\u3000": "全角空格",
    "\u00a0": "不换行空格",
    "\t": "制表符",
    "\n": "换行",
}
_GROUNDS_MAX = 120  # characters of a rule's grounds quoted in a comment


class Fate(StrEnum):
    """What became of a finding's fix in the document."""

    REVISION = "revision"  # offered as a tracked change
    NUMBERING = "numbering"  # the text is a number Word draws: cannot be edited as text
    ELSEWHERE = "elsewhere"  # a table cell joint, a text box, a field…: not offered
    UNSAFE = "unsafe"  # a fix that needs a person's judgement: described only
    NONE = "none"


def comment_text(diagnostic: Diagnostic, rule: Rule | None, original: str, fate: Fate) -> str:
    """The comment: the finding, what to do about the fix, the rule and its grounds.
    `original` is the text the fix replaces."""
    lines = [f"【{diagnostic.severity.label}】{diagnostic.message}"]
    fix = diagnostic.fix
    if fix is not None:
        change = describe_change(original, fix.replacement)
        if fate == Fate.REVISION:
            lines.append(f"已标为修订：{change}。可在“审阅”中接受或拒绝。")
        elif fate == Fate.NUMBERING:
            lines.append(
                f"修改建议：{change}。这是 Word 的自动编号，请在“开始 → 编号 → 定义新编号格式”中修改。"
            )
        elif fate == Fate.UNSAFE:
            lines.append(f"修改建议：{change}（请核对后自行修改）。")
        else:
            lines.append(f"修改建议：{change}。")
    grounds = _grounds(rule)
    lines.append(f"{diagnostic.code} {diagnostic.rule}" + (f"：{grounds}" if grounds else ""))
    return "\n".join(lines)


def describe_change(original: str, replacement: str) -> str:
    if not replacement:
        return f"删去{_shown(original)}"
    if not original:
        return f"插入{_shown(replacement)}"
    return f"将{_shown(original)}改为{_shown(replacement)}"


def _shown(text: str) -> str:
    if text and all(ch in _INVISIBLE for ch in text):
        names = [_INVISIBLE[ch] for ch in text]
        return "“" + "、".join(dict.fromkeys(names)) + "”" if len(names) > 1 else names[0]
    return f"“{text}”"


def _grounds(rule: Rule | None) -> str:
    """The first sentence of the rule's description: why it exists."""
    if rule is None or not rule.description:
        return ""
    text = "".join(line.strip() for line in rule.description.splitlines())
    end = text.find("。")
    sentence = text[: end + 1] if end >= 0 else text
    if len(sentence) > _GROUNDS_MAX:
        sentence = sentence[: _GROUNDS_MAX - 1] + "…"
    return sentence


def summary_text(diagnostics: list[Diagnostic], revisions: int, converted_from: str | None) -> str:
    """The comment on the title that says what the clerk is looking at."""
    if not diagnostics:
        lines = ["reportlint 审查意见：未发现问题。"]
    else:
        counts = Counter(d.severity for d in diagnostics)
        parts = "，".join(
            f"{severity.label} {counts[severity]} 处" for severity in Severity if counts[severity]
        )
        lines = [f"reportlint 审查意见：共 {len(diagnostics)} 处（{parts}），每处一条批注。"]
        if revisions:
            lines.append(
                f"其中 {revisions} 处可直接修改，已标为修订：在“审阅”选项卡中逐条或全部接受、拒绝。"
            )
        rest = "其余" if revisions else ""
        if revisions < len(diagnostics):
            lines.append(f"{rest}请按批注逐条修改。")
        lines.append("改完后可删除全部批注：审阅 → 删除 → 删除文档中的所有批注。")
    if converted_from is not None:
        lines.append(
            f"本文档由{_FORMATS.get(converted_from, converted_from)}的文字生成，不含原有格式。"
        )
    return "\n".join(lines)


_FORMATS = {"text": "文本文件", "html": "网页", "pdf": "PDF"}
