"""Writes bench/corpora/numbers.yaml: figure sentences written the way reports
write them (our own words, after the constructions of real reports), each as a
consistent twin and a twin with one defect planted.

    .venv/bin/python bench/corpora/make_numbers.py

Each construction has several wordings; the figures are drawn with a fixed
seed, so the file is the same on every run.  A defect is a rate off by 1-5
points (never one the counts could give, rounded or cut), a part or a total
changed, 全部 with a rate under 100%, or a rate above 100%.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent / "numbers.yaml"
rng = random.Random(20261207)


def pct(part: float, whole: float, decimals: int) -> str:
    value = round(part / whole * 100 + 1e-9, decimals)
    return f"{value:.{decimals}f}"


def readings(part: float, whole: float, decimals: int) -> set[float]:
    """Every value a writer may state: rounded or cut at the written decimals."""
    exact = part / whole * 100
    scale = 10**decimals
    return {round(exact, decimals), math.floor(exact * scale + 1e-9) / scale}


def off(part: float, whole: float, decimals: int, others: list[tuple[float, float]] = ()) -> str:
    """A stated rate 1-5 points away from every reading of part/whole and of the others."""
    good = round(part / whole * 100, decimals)
    for _ in range(100):
        delta = rng.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5])
        if decimals:
            delta += rng.choice([0, 0.1, 0.3, -0.2])
        value = round(good + delta, decimals)
        if not 0 < value < 100:
            continue
        near = any(
            abs(value - r) < 10**-decimals
            for p, w in [(part, whole), *others]
            for r in readings(p, w, decimals)
        )
        if not near:
            return f"{value:.{decimals}f}"
    raise RuntimeError("no rate off")


CASES: list[dict[str, object]] = []


def case(cls: str, good: str, bad: str, expect: str) -> None:
    n = sum(1 for c in CASES if c["class"] == cls) + 1
    CASES.append(
        {
            "id": f"{cls.replace('/', '-')}-{n}",
            "class": cls,
            "good": good,
            "bad": bad,
            "expect": expect,
        }
    )


def rates(cls: str, wordings: list[str], count: int, low: int = 8, high: int = 400) -> None:
    """Wordings with {n} (the whole), {m} (the part) and {r} (the rate)."""
    for i in range(count):
        text = wordings[i % len(wordings)]
        n = rng.randint(low, high)
        m = rng.randint(max(1, n * 3 // 4), n - 1)
        d = rng.choice([0, 1, 1])
        good = text.format(n=n, m=m, r=pct(m, n, d), k=n - m)
        bad = text.format(n=n, m=m, r=off(m, n, d), k=n - m)
        case(cls, good, bad, "RL201")


def low_rates(cls: str, wordings: list[str], count: int) -> None:
    """Small rates (败诉率, 纠错率): the part is a few of the whole."""
    for i in range(count):
        text = wordings[i % len(wordings)]
        n = rng.randint(12, 90)
        m = rng.randint(1, max(2, n // 5))
        d = rng.choice([0, 1, 1])
        case(
            cls,
            text.format(n=n, m=m, r=pct(m, n, d)),
            text.format(n=n, m=m, r=off(m, n, d)),
            "RL201",
        )


def build() -> None:
    rates(
        "rate/办结率",
        [
            "全年查办违法建设案件{n}件，已办结{m}件，办结率为{r}%。",
            "受理群众诉求{n}件，办结{m}件，办结率{r}%。",
            "全年共受理投诉举报{n}件，依法办结{m}件，办结率达{r}%。",
            "12345热线转办工单{n}件，已办结{m}件，工单办结率{r}%。",
        ],
        24,
    )
    rates(
        "rate/结案率",
        [
            "全年立案查处行政处罚案件{n}件，结案{m}件，结案率{r}%。",
            "综合行政执法大队共立案{n}起，已结案{m}起，结案率为{r}%。",
            "受理劳动保障监察案件{n}件，结案{m}件，结案率达到{r}%。",
        ],
        15,
    )
    rates(
        "rate/按期办结率",
        [
            "办理人大代表建议和政协提案{n}件，按期办结{m}件，按期办结率{r}%。",
            "全年受理政务服务事项{n}件，按期办结{m}件，按期办结率为{r}%。",
            "受理信访事项{n}件，按期办结{m}件，按期办结率{r}%，群众满意度持续提升。",
        ],
        15,
    )
    rates(
        "rate/未按期",
        [
            "全年受理群众诉求{n}件，未按期办结{k}件，按期办结率{r}%。",
            "收到行政复议申请{n}件，不予受理{k}件，受理率为{r}%。",
            "回访办事群众{n}人次，不满意{k}人次，满意率{r}%。",
        ],
        15,
    )
    rates(
        "rate/出庭应诉率",
        [
            "全年发生行政诉讼案件{n}件，行政机关负责人出庭应诉{m}件，出庭应诉率{r}%。",
            "全县开庭审理行政诉讼案件{n}件，负责人出庭应诉{m}件，负责人出庭应诉率为{r}%。",
            "以县政府为被告的行政诉讼案件{n}件，县政府负责人出庭应诉{m}件，出庭应诉率达{r}%。",
        ],
        15,
        low=6,
        high=120,
    )
    rates(
        "rate/合格率",
        [
            "评查行政执法案卷{n}卷，合格{m}卷，合格率为{r}%。",
            "组织执法人员参加法律知识考试{n}人，考试合格{m}人，合格率{r}%。",
            "抽检食品{n}批次，检验合格{m}批次，抽检合格率{r}%。",
        ],
        15,
    )
    rates(
        "rate/优良率",
        [
            "抽查行政执法案卷{n}卷，优良案卷{m}卷，优良率{r}%。",
            "开展案卷评查，共评查案卷{n}卷，其中{m}卷被评为优良，优良率为{r}%。",
            "集中评查行政处罚案卷{n}份，评为优良的{m}份，案卷优良率{r}%。",
        ],
        15,
    )
    rates(
        "rate/覆盖率",
        [
            "全镇共有{n}个村（社区），已有{m}个建成法治文化阵地，覆盖率为{r}%。",
            "全县{n}个村配备法律顾问，实际签约{m}个，法律顾问覆盖率{r}%。",
            "辖区共有学校{n}所，已开设法治课{m}所，覆盖率达{r}%。",
        ],
        15,
        low=10,
        high=200,
    )
    rates(
        "rate/满意度",
        [
            "全年回访办事群众{n}人次，表示满意{m}人次，满意度{r}%。",
            "对{n}名当事人进行回访，满意{m}名，群众满意率为{r}%。",
            "发放满意度调查问卷{n}份，评价满意{m}份，满意度达{r}%。",
        ],
        15,
    )
    low_rates(
        "rate/纠错率",
        [
            "全年审结行政复议案件{n}件，纠错{m}件，纠错率{r}%。",
            "审结行政复议案件{n}件，依法撤销、变更或确认违法{m}件，直接纠错率{r}%，较上年有所下降。",
            "受理行政复议申请{n}件，纠错{m}件，行政复议纠错率为{r}%。",
        ],
        15,
    )
    low_rates(
        "rate/败诉率",
        [
            "全年审结行政诉讼案件{n}件，行政机关败诉{m}件，败诉率{r}%。",
            "一审行政诉讼案件{n}件，败诉{m}件，败诉率为{r}%。",
            "县政府作为被告的行政诉讼案件审结{n}件，败诉{m}件，败诉率控制在{r}%。",
        ],
        15,
    )
    # shares: 占比 / 占
    for i in range(30):
        wordings = [
            "审查重大行政决策事项{n}件，提出法律意见的{m}件，占比{r}%。",
            "抽查案卷{n}卷，评为优秀的{m}卷，占{r}%。",
            "现有行政执法人员{n}名，其中具有法律职业资格的{m}名，占{r}%。",
            "全年办理行政处罚案件{n}件，适用简易程序的{m}件，占比{r}%。",
            "受理政务服务事项{n}件，网上办理{m}件，占比为{r}%。",
        ]
        text = wordings[i % len(wordings)]
        n = rng.randint(20, 300)
        m = rng.randint(2, n - 2)
        d = rng.choice([0, 1, 1])
        case(
            "share/占比",
            text.format(n=n, m=m, r=pct(m, n, d)),
            text.format(n=n, m=m, r=off(m, n, d)),
            "RL201",
        )
    # 全部 against a rate under 100%
    for i in range(15):
        wordings = [
            "办理人大代表建议{n}件，全部按期办结，按期办结率为{r}%。",
            "受理政府信息公开申请{n}件，均在法定期限内答复，按期答复率{r}%。",
            "全年{n}件行政规范性文件全部经过合法性审核，审核率{r}%。",
            "排查矛盾纠纷{n}件，全部调解成功，调解成功率{r}%。",
            "全年行政诉讼案件{n}件，行政机关负责人均出庭应诉，出庭应诉率{r}%。",
        ]
        text = wordings[i % len(wordings)]
        n = rng.randint(5, 150)
        bad = rng.choice(["99", "98.5", "97", "96.7", "95", "91.7"])
        case("rate/全部", text.format(n=n, r="100"), text.format(n=n, r=bad), "RL201")
    # bounds: a bound the counts do not reach
    for i in range(15):
        wordings = [
            "受理群众诉求{n}件，办结{m}件，办结率达到{b}%以上。",
            "评查案卷{n}卷，合格{m}卷，合格率保持在{b}%以上。",
            "审结行政复议案件{n}件，纠错{k}件，纠错率控制在{c}%以内。",
        ]
        text = wordings[i % len(wordings)]
        n = rng.randint(40, 300)
        b = rng.choice([90, 95])
        good_m = math.ceil(n * (b + 1) / 100)
        bad_m = math.floor(n * (b - 3) / 100)
        c = rng.choice([10, 15])
        good_k = math.floor(n * (c - 2) / 100)
        bad_k = math.ceil(n * (c + 3) / 100)
        good = text.format(n=n, m=min(good_m, n), b=b, k=good_k, c=c)
        bad = text.format(n=n, m=bad_m, b=b, k=bad_k, c=c)
        case("rate/bound", good, bad, "RL201")
    # counts in 万 with decimals
    for i in range(15):
        wordings = [
            "受理群众法律咨询{n}万人次，现场解答{m}万人次，现场解答率{r}%。",
            "全年受理政务服务事项{n}万件，按期办结{m}万件，按期办结率{r}%。",
            "12345热线受理群众诉求{n}万件，办结{m}万件，办结率为{r}%。",
        ]
        text = wordings[i % len(wordings)]
        n = rng.randint(150, 900) / 100
        m = round(n * rng.uniform(0.75, 0.9), 2)
        # good: the rate from the figures as written; bad: 3-5 points from any reading
        r = f"{m / n * 100:.1f}"
        badv = f"{m / n * 100 + rng.choice([-5, -4, 4, 5]):.1f}"
        case(
            "rate/万",
            text.format(n=f"{n:.2f}", m=f"{m:.2f}", r=r),
            text.format(n=f"{n:.2f}", m=f"{m:.2f}", r=badv),
            "RL201",
        )
    # several rates in one sentence
    for i in range(15):
        wordings = [
            "受理群众诉求{n}件，办结{m}件，办结率{r}%，回访满意{s}件，满意率{q}%。",
            "评查执法案卷{n}卷，合格{m}卷，合格率{r}%；其中优良{s}卷，优良率{q}%。",
            "审结行政诉讼案件{n}件，败诉{s}件，败诉率{q}%；负责人出庭应诉{m}件，出庭应诉率{r}%。",
        ]
        text = wordings[i % len(wordings)]
        n = rng.randint(20, 200)
        m = rng.randint(n * 3 // 4, n - 1)
        s = rng.randint(2, m // 3) if i % 3 == 2 else rng.randint(m // 2, m - 1)
        d = 1
        values = dict(n=n, m=m, s=s, r=pct(m, n, d), q=pct(s, n, d))
        good = text.format(**values)
        which = rng.choice(["r", "q"])
        bad_values = dict(values)
        bad_values[which] = off(m if which == "r" else s, n, d, [(s, m), (m, n), (s, n)])
        case("rate/several", good, text.format(**bad_values), "RL201")
    # over 100% where that is impossible
    for i in range(10):
        wordings = [
            "全年行政机关负责人出庭应诉率达{r}%。",
            "政务服务事项按期办结率{r}%，群众满意率99.6%。",
            "行政执法人员持证率为{r}%。",
            "规范性文件备案审查率{r}%。",
            "矛盾纠纷调解成功率{r}%。",
        ]
        text = wordings[i % len(wordings)]
        case(
            "rate/over100",
            text.format(r="100"),
            text.format(r=rng.choice(["101", "102.5", "105", "110", "120"])),
            "RL201",
        )

    # distractors: other counts, subsets and stages in the same sentence
    for i in range(24):
        n = rng.randint(30, 300)
        t = rng.randint(n * 4 // 5, n - 1)
        m = rng.randint(t * 3 // 4, t - 1)
        s_ = rng.randint(2, max(3, n // 4))
        x = rng.randint(12, 900) / 10
        kind = i % 4
        if kind == 0:
            text = "受理群众诉求{n}件，涉及金额{x}万元，办结{m}件，办结率{r}%。"
            part, whole = m, n
        elif kind == 1:
            text = "全县一审行政诉讼案件{n}件，涉及房屋征收的{s}件，行政机关败诉{k}件，败诉率{r}%。"
            part, whole = max(1, s_ // 2), n
        elif kind == 2:
            text = "收到行政复议申请{n}件，依法受理{t}件，审结{m}件，审结率{r}%。"
            part, whole = m, t
        else:
            text = (
                "全年开展执法检查{x}次，受理投诉举报{n}件，同比增加{s}件，办结{m}件，办结率为{r}%。"
            )
            part, whole = m, n
        d = rng.choice([0, 1])
        values = dict(n=n, t=t, m=m, s=s_, k=part, x=x if kind == 0 else int(x))
        others = (
            [(part, n), (part, t), (m, n), (part, s_)] if s_ >= part else [(part, n), (part, t)]
        )
        case(
            "rate/distractors",
            text.format(r=pct(part, whole, d), **values),
            text.format(r=off(part, whole, d, others), **values),
            "RL201",
        )

    # ---- sums ----
    def parts_text(names: list[str], values: list[int], unit: str, sep: str = "、") -> str:
        return sep.join(f"{a}{v}{unit}" for a, v in zip(names, values, strict=True))

    def split(total: int, k: int) -> list[int]:
        cuts = sorted(rng.sample(range(1, total), k - 1))
        return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]

    def changed(values: list[int]) -> list[int]:
        out = list(values)
        j = rng.randrange(len(out))
        out[j] += rng.choice([-3, -2, -1, 1, 2, 3]) if out[j] > 3 else rng.choice([1, 2, 3])
        return out

    colon_lists = [
        ("全年以镇政府为被告的行政诉讼案件{t}{u}：", ["胜诉", "调解撤诉", "尚在审理"], "件", "，"),
        ("全年审查涉法事项{t}{u}：", ["重大行政决策", "合同协议", "其他事项"], "件", "、"),
        ("全年办理行政处罚案件{t}{u}：", ["简易程序", "普通程序"], "件", "、"),
        ("全年受理信访件{t}{u}：", ["来信", "来访", "网上信访"], "件", "、"),
        ("全年开展普法活动{t}{u}：", ["法治讲座", "集中宣传活动", "以案释法活动"], "场", "、"),
        ("全年集中学法{t}{u}：", ["党委理论学习中心组学法", "常务会议会前学法"], "次", "、"),
        ("收到行政复议申请{t}{u}：", ["受理", "不予受理", "告知向有关机关提出"], "件", "，"),
        ("镇综合行政执法队现有执法人员{t}{u}：", ["在编人员", "协管人员"], "名", "、"),
    ]
    for i in range(40):
        head, names, unit, sep = colon_lists[i % len(colon_lists)]
        total = rng.randint(len(names) * 3, 120)
        values = split(total, len(names))
        if rng.random() < 0.5:
            bad = (
                head.format(t=total, u=unit) + parts_text(names, changed(values), unit, sep) + "。"
            )
        else:
            bad = (
                head.format(t=total + rng.choice([-3, -2, 2, 3, 5]), u=unit)
                + parts_text(names, values, unit, sep)
                + "。"
            )
        good = head.format(t=total, u=unit) + parts_text(names, values, unit, sep) + "。"
        case("sum/colon", good, bad, "RL202")

    qizhong = [
        ("全年共受理信访件{t}件，其中", ["来信", "来访"], "件"),
        ("全年共办理行政处罚案件{t}件，其中", ["简易程序案件", "普通程序案件"], "件"),
        ("审查各类合同{t}份，其中", ["采购合同", "租赁合同"], "份"),
        ("全县行政执法人员{t}名，其中", ["县直部门", "乡镇（街道）"], "名"),
    ]
    for i in range(30):
        head, names, unit = qizhong[i % len(qizhong)]
        total = rng.randint(20, 200)
        values = split(total - rng.randint(1, 10), len(names))
        good = head.format(t=total) + parts_text(names, values, unit) + "。"
        # the bad total is smaller than the parts
        bad_total = sum(values) - rng.randint(1, 6)
        bad = head.format(t=bad_total) + parts_text(names, values, unit) + "。"
        case("sum/其中-exceeds", good, bad, "RL202")

    baokuo = [
        ("罚没款共计{t}万元，包括", ["罚款", "没收违法所得"], "万元"),
        ("全县共有执法人员{t}名，包括", ["镇街执法人员", "部门执法人员"], "名"),
        ("全年共开展执法检查{t}次，包括", ["日常检查", "专项检查", "联合检查"], "次"),
    ]
    for i in range(15):
        head, names, unit = baokuo[i % len(baokuo)]
        total = rng.randint(20, 300)
        values = split(total, len(names))
        good = head.format(t=total) + parts_text(names, values, unit) + "。"
        bad = head.format(t=total) + parts_text(names, changed(values), unit) + "。"
        case("sum/包括", good, bad, "RL202")

    named = [
        ("法律顾问审查合同、协议共{t}份，其中", ["合同", "协议"], "份"),
        ("全年受理来信、来访共{t}件，其中", ["来信", "来访"], "件"),
        ("审结行政复议、行政诉讼案件共{t}件，其中", ["行政复议案件", "行政诉讼案件"], "件"),
        ("开展法治讲座、以案释法活动共{t}场，其中", ["法治讲座", "以案释法活动"], "场"),
    ]
    for i in range(20):
        head, names, unit = named[i % len(named)]
        total = rng.randint(10, 150)
        values = split(total, len(names))
        good = head.format(t=total) + parts_text(names, values, unit) + "。"
        low = list(values)
        low[rng.randrange(len(low))] -= rng.randint(1, min(3, min(values) - 1) or 1)
        bad = head.format(t=total) + parts_text(names, low, unit) + "。"
        case("sum/named-categories", good, bad, "RL202")

    families = [
        ("全年审结行政复议案件{t}件，其中", ["维持", "撤销", "确认违法", "驳回复议申请"], "件"),
        (
            "收到政府信息公开申请{t}件，其中",
            ["予以公开", "部分公开", "不予公开", "信息不存在"],
            "件",
        ),
        ("审结行政诉讼案件{t}件，其中", ["胜诉", "败诉"], "件"),
        ("全县行政执法人员{t}名，其中", ["持证", "未持证"], "名"),
        ("全镇共有网格员{t}名，其中", ["专职网格员", "兼职网格员"], "名"),
        ("持证执法人员{t}名，其中", ["男性", "女性"], "名"),
    ]
    for i in range(36):
        head, names, unit = families[i % len(families)]
        total = rng.randint(len(names) * 4, 150)
        values = split(total, len(names))
        good = head.format(t=total) + parts_text(names, values, unit) + "。"
        low = list(values)
        j = rng.randrange(len(low))
        low[j] = max(1, low[j] - rng.randint(1, 3)) if low[j] > 1 else low[j] + 1
        if sum(low) == total:
            low[j] += 1
        bad = head.format(t=total) + parts_text(names, low, unit) + "。"
        case("sum/closed-family", good, bad, "RL202")

    unmarked = [
        ("全年行政诉讼案件共{t}件，", ["胜诉", "败诉", "撤诉"], "件"),
        ("全年共调处矛盾纠纷{t}件，", ["婚姻家庭纠纷", "邻里纠纷", "其他纠纷"], "件"),
        ("全年共开展法治宣传活动{t}场，", ["进村入户", "进校园", "进企业"], "场"),
    ]
    for i in range(21):
        head, names, unit = unmarked[i % len(unmarked)]
        total = rng.randint(10, 120)
        values = split(total, len(names))
        good = head.format(t=total) + parts_text(names, values, unit) + "。"
        bad = head.format(t=total - rng.randint(1, 5)) + parts_text(names, values, unit) + "。"
        case("sum/共-unmarked", good, bad, "RL202")

    after = [
        ("全年受理", ["来信", "来访", "网上信访"], "件", "，合计{t}件。"),
        ("全年开展", ["法治讲座", "送法下乡"], "场", "，共计{t}场。"),
        ("全年办理", ["行政复议案件", "行政应诉案件"], "件", "，总计{t}件。"),
    ]
    for i in range(21):
        head, names, unit, tail = after[i % len(after)]
        total = rng.randint(10, 150)
        values = split(total, len(names))
        good = head + parts_text(names, values, unit) + tail.format(t=total)
        bad = (
            head
            + parts_text(names, values, unit)
            + tail.format(t=total + rng.choice([-3, -1, 1, 2, 4]))
        )
        case("sum/total-after", good, bad, "RL202")

    # lists with counts that are no parts: stages, changes, per period, 各, nested 其中
    traps = [
        ("收到行政复议申请{t}件：受理{a}件，不予受理{b}件，审结{c}件。", 2),
        ("受理投诉举报案件{t}件：立案查处{a}件，同比增加{c}件；调解结案{b}件。", 2),
        ("全年集中学法{t}次：每季度开展专题学法1次，其余{a}次结合党委会议会前学法进行。", 1),
        (
            "听取法治建设工作汇报{t}次：第二季度、第四季度各听取专题汇报1次，另结合年终工作会议听取{a}次。",
            1,
        ),
        (
            "市政府全年受理行政复议案件{t}件：审结{a}件，其中维持{c}件、撤销{d}件；尚在审理期限内{b}件。",
            2,
        ),
        ("受理各类审批及服务事项{t}件，其中线上办理{a}件，线下办理{b}件。", 2),
    ]
    for i in range(24):
        text, kind = traps[i % len(traps)]
        a = rng.randint(6, 90)
        b = rng.randint(2, 40)
        c = rng.randint(1, a - 1) if kind == 2 else rng.randint(1, 9)
        d = a - c
        if "每季度" in text:
            total = a + 4
        elif "各听取" in text:
            total = a + 2
        else:
            total = a + b
        if "不予受理" in text:
            c = rng.randint(a // 2, a)
        good = text.format(t=total, a=a, b=b, c=c, d=d)
        bad = text.format(t=total + rng.choice([-3, -2, -1, 1, 2, 3]), a=a, b=b, c=c, d=d)
        case("sum/not-parts", good, bad, "RL202")

    for i in range(15):
        total = rng.randint(300, 2000) / 10
        a = round(total * rng.uniform(0.3, 0.7), 1)
        b = round(total - a, 1)
        text = [
            "全年罚没款{t}万元：罚款{a}万元、没收违法所得{b}万元。",
            "全年为群众挽回经济损失{t}万元，包括追回欠薪{a}万元、调解赔偿{b}万元。",
        ][i % 2]
        good = text.format(t=f"{total:.1f}", a=f"{a:.1f}", b=f"{b:.1f}")
        bad = text.format(t=f"{total:.1f}", a=f"{a:.1f}", b=f"{b + rng.choice([-2, 1.5, 3]):.1f}")
        case("sum/万元", good, bad, "RL202")

    tables = [
        ("案件类型\t件数", ["行政复议", "行政诉讼", "行政赔偿"], "合计"),
        ("活动\t场次", ["法治讲座", "普法宣传", "以案释法"], "合计"),
    ]
    for i in range(10):
        header, names, label = tables[i % len(tables)]
        unit = "件" if "件" in header else "场"
        values = [rng.randint(2, 60) for _ in names]
        rows = "\n".join(f"{n}\t{v}{unit}" for n, v in zip(names, values, strict=True))
        good = f"{header}\n{rows}\n{label}\t{sum(values)}{unit}"
        bad = f"{header}\n{rows}\n{label}\t{sum(values) + rng.choice([-4, -2, 3, 5])}{unit}"
        case("sum/table", good, bad, "RL202")


def main() -> None:
    build()
    data = {"family": "numbers", "rules": ["RL201", "RL202"], "cases": CASES}
    header = (
        "# Generated by bench/corpora/make_numbers.py: figure sentences in the way reports\n"
        "# write them (our own words), a consistent twin and a twin with one defect.\n"
    )
    OUT.write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200),
        encoding="utf-8",
    )
    print(f"{len(CASES)} cases -> {OUT}")


if __name__ == "__main__":
    main()
