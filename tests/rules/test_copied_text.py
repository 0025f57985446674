"""RL310 copied-text: paragraphs copied between the reports of a run, or from
the same issuer's report of an earlier year (--against)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.checks.copies import Copies
from reportlint.cli import main
from reportlint.config import Configuration, Overrides
from reportlint.copies.passages import comparable, issuer_of
from reportlint.report import RunResult
from reportlint.runner import check_paths

from support import SAMPLES, builtin_rules, document

# Paragraphs of the towns' own work, written for these tests: each town's
# report is made of different ones, as independent reports are.
OWN = [
    "镇综合行政执法队现有持证执法人员7名，全年办理行政处罚案件26件，其中简易程序案件19件、普通程序案件7件，"
    "全部案件均经法制审核，未发生行政复议被纠错和行政诉讼败诉案件。",
    "镇村两级人民调解委员会全年排查矛盾纠纷142件，调解成功139件，调解成功率97.9%，对调解不成的纠纷引导当事人"
    "通过仲裁、诉讼等法定途径解决，未发生因矛盾纠纷激化引发的刑事案件。",
    "开展宪法进农村、民法典进家庭等普法活动24场次，发放宣传资料5600余份，培育法律明白人156名，每个村民小组至少"
    "1名，寺坡村被评为市级民主法治示范村。",
    "镇政府聘请常年法律顾问1名，全年审查合同协议28份、其他涉法事项9件，提出法律意见41条，重大事项提交集体讨论前"
    "先行听取法律顾问意见，决策程序全部留痕备查。",
    "通过政府门户网站镇级专栏和政务公开栏主动公开政府信息186条，受理依申请公开2件，均在法定期限内答复，"
    "办理人大代表建议11件，代表满意率100%。",
    "街道把法治建设纳入年度目标考核，考核分值占8分，党工委会议专题研究法治建设工作4次，办事处主任办公会研究"
    "依法行政事项6次，对考核排名靠后的社区主任进行约谈。",
    "全年组织执法人员参加业务培训5期，开展行政执法案卷评查2次，评查案卷48卷，发现文书不规范等问题13个，"
    "已全部整改到位，并将评查结果纳入执法人员年度考核。",
    "乡党委书记主持理论学习中心组专题学法4次，乡长主持乡长办公会会前学法6次，党政主要负责人在年终述职中"
    "同步述法，接受党员干部和群众代表评议，评议满意率96%。",
    "部分村干部依法办事意识不强，处理村务时仍有重经验、轻程序的情况，原因是村干部学法培训的频次和实效不够，"
    "执法队伍中具有法律专业背景的人员偏少。",
    "聚焦农贸市场周边占道经营和违规停车，联合市场监管所、派出所开展专项整治9次，劝导整改流动摊点212处，"
    "清理乱堆乱放杂物35吨，群众投诉同比下降四成。",
    "建立村（社区）法律顾问微信群12个，法律顾问全年到村坐班服务96次，提供法律咨询318人次，代写法律文书27份，"
    "协助化解土地承包、婚姻家庭等纠纷41件。",
    "完成镇规范性文件清理，废止不适应经济社会发展的文件3件，修改2件，清理结果在政府网站公布，新制定的文件"
    "全部经过合法性审核并报县司法局备案。",
]


def report(county: str, town: str, year: int, paragraphs: list[str], issuer: str = "") -> str:
    """A town's report around its own paragraphs, in the statutory shape."""
    lines = [
        f"{county}{town}{year}年法治政府建设情况报告",
        f"{year}年，{town}在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
        "深入学习贯彻党的二十大和二十届三中全会精神，全面贯彻习近平法治思想，扎实推进法治政府建设。"
        "现将有关情况报告如下。",
        "一、主要举措和成效",
        *paragraphs[:-2],
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        paragraphs[-2],
        "三、存在的不足和原因",
        paragraphs[-1],
        f"四、{year + 1}年工作安排",
        "一是认真履行推进法治建设第一责任人职责。二是加强执法队伍建设。三是深化普法宣传。",
        issuer or f"{county}{town}人民政府",
        f"{year + 1}年1月20日",
    ]
    return "\n".join(lines) + "\n"


def run(*paths: Path, against: tuple[Path, ...] = (), jobs: int = 1) -> RunResult:
    config = Configuration(Overrides(select=("RL310",)))
    return check_paths(
        [str(p) for p in paths], config, jobs=jobs, against=[str(a) for a in against]
    )


def line_of(path: Path, text: str) -> int:
    return next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text[:20] in line
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- must catch ----------------------------------------------------------------


def test_a_paragraph_taken_from_another_towns_report_is_found_on_both_sides(tmp_path):
    taken = OWN[1]
    # The copier puts its own name in and changes the figures: it is still the paragraph.
    changed = taken.replace("142", "88").replace("139", "85").replace("97.9%", "96.6%")
    a = write(
        tmp_path,
        "安平镇.txt",
        report("白岩县", "安平镇", 2024, [OWN[0], taken, OWN[2], OWN[7], OWN[8]]),
    )
    b = write(
        tmp_path,
        "柳湾镇.txt",
        report("云溪县", "柳湾镇", 2024, [OWN[3], changed, OWN[4], OWN[5], OWN[6]]),
    )
    result = run(a, b)
    found = {(d.path, d.line): d for d in result.diagnostics}
    assert set(found) == {(str(a), line_of(a, taken)), (str(b), line_of(b, changed))}
    on_b = found[(str(b), line_of(b, changed))]
    assert on_b.code == "RL310" and on_b.rule == "copied-text" and on_b.severity.value == "warning"
    assert f"白岩县安平镇人民政府的报告 {a} 第 {line_of(a, taken)} 行" in on_b.message
    assert "相似度 100%" in on_b.message
    assert on_b.column == 1 and on_b.end_line == on_b.line  # the whole paragraph
    assert [(Path(c.path).name, Path(c.other).name) for c in result.copies] == [
        ("安平镇.txt", "柳湾镇.txt"),
        ("柳湾镇.txt", "安平镇.txt"),
    ]


def test_an_edited_copy_is_found_and_a_paragraph_on_the_same_work_written_anew_is_not(tmp_path):
    edited = OWN[0].replace("全部案件均经法制审核，", "全部案件均经法制审核并集体讨论，")
    # The same subject and figures, in other words: written, not copied.
    anew = (
        "今年镇里办理行政处罚案件26件，简易程序19件，普通程序7件，持证执法人员7名全部参与办案，"
        "案件逐一经过法制审核，没有被复议纠错或者诉讼败诉的情况。"
    )
    a = write(
        tmp_path,
        "a.txt",
        report("白岩县", "安平镇", 2024, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]),
    )
    b = write(
        tmp_path,
        "b.txt",
        report("云溪县", "柳湾镇", 2024, [edited, OWN[3], OWN[4], OWN[5], OWN[6]]),
    )
    c = write(tmp_path, "c.txt", report("石门县", "桃源乡", 2024, [anew, OWN[9], OWN[10], OWN[11]]))
    result = run(a, b, c)
    assert sorted((Path(d.path).name, d.line) for d in result.diagnostics) == [
        ("a.txt", line_of(a, OWN[0])),
        ("b.txt", line_of(b, edited)),
    ]
    assert "相似度 9" in result.diagnostics[1].message  # 90-99%: edited, not whole


def test_a_paragraph_of_the_same_towns_report_last_year_is_found_with_against(tmp_path):
    before = write(
        tmp_path / "2023",
        "安平镇.txt",
        report("白岩县", "安平镇", 2023, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]),
    )
    reused = OWN[2].replace("24场次", "31场次").replace("5600", "6200")
    now = write(
        tmp_path / "2024",
        "安平镇.txt",
        report("白岩县", "安平镇", 2024, [OWN[9], reused, OWN[10], OWN[3], OWN[11]]),
    )
    assert run(now).diagnostics == []  # alone, nothing to compare with
    result = run(tmp_path / "2024", against=(tmp_path / "2023",))
    (d,) = result.diagnostics
    assert (d.path, d.line) == (str(now), line_of(now, reused))
    assert f"本单位2023年度的报告 {before} 第 {line_of(before, OWN[2])} 行" in d.message
    assert result.files_checked == 1  # the year before is compared with, not checked
    assert [info.path for info in result.reports] == [str(now)]


def test_the_same_towns_two_years_in_one_run_report_the_later_only(tmp_path):
    before = write(
        tmp_path,
        "2023.txt",
        report("白岩县", "安平镇", 2023, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]),
    )
    now = write(
        tmp_path,
        "2024.txt",
        report("白岩县", "安平镇", 2024, [OWN[1], OWN[9], OWN[10], OWN[3], OWN[11]]),
    )
    (d,) = run(before, now).diagnostics
    assert d.path == str(now) and "本单位2023年度的报告" in d.message


def test_a_report_given_twice_is_reported_once_as_the_same_text(tmp_path):
    text = report("白岩县", "安平镇", 2024, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]])
    a = write(tmp_path, "安平镇.txt", text)
    b = write(tmp_path, "安平镇（1）.txt", text)
    other = write(
        tmp_path,
        "柳湾镇.txt",
        report("云溪县", "柳湾镇", 2024, [OWN[1], OWN[3], OWN[4], OWN[5], OWN[6]]),
    )
    result = run(a, b, other)
    on_b = [d for d in result.diagnostics if d.path == str(b)]
    assert [d.message for d in on_b] == [
        f"与 {a} 内容相同：同一份报告给了两次，只在这里提示一次，不逐段比较"
    ]
    assert on_b[0].severity.value == "info" and on_b[0].line == 1
    # The paragraph both share with 柳湾镇 is reported on the first copy only.
    paragraphs = [c for c in result.copies if c.line]
    assert {Path(c.path).name for c in paragraphs} == {"安平镇.txt", "柳湾镇.txt"}
    assert [c.other for c in paragraphs if c.path == str(other)] == [str(a)]
    shares = {Path(info.path).name: info.copied for info in result.reports}
    assert shares["安平镇（1）.txt"] is None and shares["安平镇.txt"]


def test_the_same_file_under_two_names_is_said_to_be_the_same_file(tmp_path):
    a = write(
        tmp_path,
        "a.txt",
        report("白岩县", "安平镇", 2024, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]),
    )
    os.link(a, tmp_path / "b.txt")
    (d,) = run(a, tmp_path / "b.txt").diagnostics
    assert d.path == str(tmp_path / "b.txt") and "是同一个文件" in d.message


def test_a_report_given_again_nearly_whole_is_reported_once_as_such(tmp_path):
    # A repost or the report as .docx and .pdf: the text differs in a figure
    # and the date, and nothing says whose it is (no title, no 落款).
    body = [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]
    first = "\n".join(body) + "\n2025年1月20日\n"
    again = first.replace("142件", "143件").replace("1月20日", "1月21日")
    a = write(tmp_path, "a.txt", first)
    b = write(tmp_path, "b.txt", again)
    other = write(tmp_path, "柳湾镇.txt", report("云溪县", "柳湾镇", 2024, [OWN[1], *OWN[3:7]]))
    result = run(a, b, other)
    on_b = [d for d in result.diagnostics if d.path == str(b)]
    assert len(on_b) == 1 and on_b[0].severity.value == "info"
    assert on_b[0].message.startswith(f"与 {a} 几乎相同（")
    assert "同一份报告的两个版本或转载" in on_b[0].message
    # The paragraph both share with 柳湾镇 is reported between a and 柳湾镇 alone,
    # and 柳湾镇's finding does not say that a is another issuer's.
    assert {(Path(c.path).name, Path(c.other).name) for c in result.copies if c.line} == {
        ("a.txt", "柳湾镇.txt"),
        ("柳湾镇.txt", "a.txt"),
    }
    (on_other,) = [d for d in result.diagnostics if d.path == str(other)]
    assert on_other.message.startswith(f"本段与另一份报告 {a} 第 2 行雷同")
    assert {Path(i.path).name: i.copied for i in result.reports}["b.txt"] is None


def test_two_versions_of_one_towns_report_are_its_own_words(tmp_path):
    # A draft and the final text, or the report as .docx and as .pdf: not copying.
    first = [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]
    a = write(tmp_path, "安平镇（初稿）.txt", report("白岩县", "安平镇", 2024, first))
    b = write(
        tmp_path, "安平镇（定稿）.txt", report("白岩县", "安平镇", 2024, [OWN[9], *first[1:]])
    )
    assert run(a, b).diagnostics == []


# -- must not flag ---------------------------------------------------------------


def test_reports_that_share_only_template_language_are_quiet(tmp_path):
    # The opening, the statutory headings and the plan are the same in every
    # report made by report(); the towns' own paragraphs differ.
    paths = [
        write(tmp_path, "a.txt", report("白岩县", "安平镇", 2024, OWN[0:5])),
        write(tmp_path, "b.txt", report("云溪县", "柳湾镇", 2024, OWN[5:10])),
    ]
    result = run(*paths)
    assert result.diagnostics == []
    assert [info.copied for info in result.reports] == [0.0, 0.0]


def test_a_paragraph_in_the_reports_of_five_issuers_is_template_and_of_two_a_copy(tmp_path):
    county_wording = (
        "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，统一执法文书格式，"
        "执法信息在县政府网站统一公示，执法记录仪配备率和使用率均达到100%，确保执法行为有据可查。"
    )
    towns = ["安平镇", "柳湾镇", "桃源乡", "青莲街道", "金桂街道"]
    paths = []
    for i, town in enumerate(towns):
        own = [OWN[(2 * i + k) % 12] for k in range(2)]
        shared = [OWN[11]] if i < 2 else []  # two towns share one more paragraph: a copy
        paths.append(
            write(
                tmp_path,
                f"{town}.txt",
                report(
                    "白岩县",
                    town,
                    2024,
                    [county_wording.replace("100%", f"{90 + i}%"), *shared, *own, OWN[8]],
                ),
            )
        )
    result = run(*paths)
    reported = {(Path(c.path).stem, Path(c.other).stem) for c in result.copies}
    assert reported >= {("安平镇", "柳湾镇"), ("柳湾镇", "安平镇")}
    assert not any(c.line == line_of(Path(c.path), county_wording) for c in result.copies)


def test_a_county_wording_kept_with_a_sentence_of_its_own_is_template(tmp_path):
    # Six towns keep the county's first three sentences; three of them also
    # keep its last one, the others write their own.  The three share the
    # last sentence only where the rest is template: the county's wording,
    # not a copy among them.
    kept = (
        "严格落实行政执法三项制度，执法信息在县政府网站统一公示。"
        "全面推行重大执法决定法制审核制度，审核人员全部取得法律职业资格。"
        "统一使用全县执法文书格式，执法案卷实行电子化归档管理。"
    )
    last = (
        "执法记录仪配备率和使用率均达到100%，对现场检查、调查取证、举行听证、送达文书等环节"
        "全部进行音像记录，做到执法全过程留痕和可回溯管理。"
    )
    towns = ["安平镇", "柳湾镇", "桃源乡", "青莲街道", "金桂街道", "寺坡镇"]
    paths = []
    for i, town in enumerate(towns):
        tail = last if i < 3 else OWN[i]
        own = [OWN[(2 * i + k) % 12] for k in range(2)]
        paths.append(
            write(
                tmp_path,
                f"{town}.txt",
                report("白岩县", town, 2024, [kept + tail, *own, OWN[8]]),
            )
        )
    result = run(*paths)
    assert not any(c.line == line_of(Path(c.path), kept) for c in result.copies)


def test_the_clean_samples_written_independently_share_no_paragraph():
    result = run(SAMPLES / "clean", SAMPLES / "seeds")
    assert result.files_checked == len(list(SAMPLES.glob("clean/*.txt"))) + len(
        list(SAMPLES.glob("seeds/*.txt"))
    )
    assert result.diagnostics == []
    assert all(info.copied == 0.0 for info in result.reports)


# -- the run --------------------------------------------------------------------


def test_workers_find_what_one_process_finds(tmp_path):
    paths = []
    for i in range(8):
        own = [OWN[(i + k) % 12] for k in range(5)]  # neighbours share four paragraphs
        county = ["白岩县", "云溪县", "石门县", "青岩县"][i % 4]
        paths.append(
            write(tmp_path, f"{i}.txt", report(county, f"{'安平柳湾桃源寺坡'[i]}溪镇", 2024, own))
        )
    one = run(*paths)
    two = run(*paths, jobs=2)
    assert one.copies and one.copies == two.copies
    assert [d.message for d in one.diagnostics] == [d.message for d in two.diagnostics]


def test_a_report_of_against_that_cannot_be_read_is_an_error_naming_it(tmp_path):
    now = write(tmp_path / "2024", "a.txt", report("白岩县", "安平镇", 2024, OWN[:5]))
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "b.txt").write_bytes(b"")
    result = run(now, against=(tmp_path / "2023",))
    (error,) = result.errors
    assert error.path == str(tmp_path / "2023" / "b.txt")
    assert error.message.startswith("无法用于比对（--against）：")


def test_one_report_alone_does_not_load_the_comparison(tmp_path):
    path = write(tmp_path, "a.txt", report("白岩县", "安平镇", 2024, OWN[:5]))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reportlint", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    imported = {
        line.split("|")[-1].strip() for line in result.stderr.splitlines() if "import time:" in line
    }
    assert "reportlint.checks.copies" in imported  # the measurement works
    for module in ("numpy", "rapidfuzz", "reportlint.copies"):
        assert module not in imported, module


# -- the views --------------------------------------------------------------------


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    write(
        tmp_path,
        "安平镇.txt",
        report("白岩县", "安平镇", 2024, [OWN[0], OWN[1], OWN[2], OWN[7], OWN[8]]),
    )
    write(
        tmp_path,
        "柳湾镇.txt",
        report("云溪县", "柳湾镇", 2024, [OWN[1], OWN[3], OWN[4], OWN[5], OWN[6]]),
    )
    write(tmp_path, "桃源乡.txt", report("石门县", "桃源乡", 2024, [OWN[9], OWN[10], OWN[11]]))
    return tmp_path


def test_the_text_summary_gives_each_reports_share_of_copied_text(copied):
    out = CliRunner().invoke(main, ["check", "--select", "RL310", str(copied)]).output
    line = next(line for line in out.splitlines() if line.startswith("雷同文字"))
    assert "安平镇.txt 1" in line and "柳湾镇.txt 1" in line and "桃源乡" not in line
    assert "比较了 3 份报告，2 份有雷同段落" in line


def test_similar_lists_the_reports_that_share_text_by_pair(copied, tmp_path):
    twice = write(copied, "安平镇（重复）.txt", (copied / "安平镇.txt").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["similar", str(copied)])
    assert result.exit_code == 1
    a, b = copied / "安平镇.txt", copied / "柳湾镇.txt"
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"{a} 与另一份报告 {b}：1 段雷同",
        f"  第 {line_of(a, OWN[1])} 行 ≈ 第 {line_of(b, OWN[1])} 行（相似度 100%）",
        f"{twice} 与 {a} 内容相同：同一份报告给了两次",
    ]
    assert lines[-2].startswith("雷同文字占全文的比例：")
    data = CliRunner().invoke(main, ["similar", "--format", "json", "-q", str(copied)]).output
    import json

    first = json.loads(data)[0]
    assert (first["path"], first["other"], first["relation"]) == (str(a), str(b), "other-report")
    assert first["paragraphs"] == [
        {"line": line_of(a, OWN[1]), "other_line": line_of(b, OWN[1]), "similarity": 1.0}
    ]
    assert 0 < first["share"] < 1


def test_similar_of_one_report_says_there_is_nothing_to_compare(tmp_path):
    path = write(tmp_path, "a.txt", report("白岩县", "安平镇", 2024, OWN[:5]))
    result = CliRunner().invoke(main, ["similar", str(path)])
    assert result.exit_code == 2 and "没有可比较的对象" in result.output
    clean = CliRunner().invoke(main, ["similar", str(SAMPLES / "clean")])
    assert clean.exit_code == 0
    count = len(list(SAMPLES.glob("clean/*.txt")))
    assert clean.output.startswith(f"雷同文字：比较了 {count} 份报告，未发现与其他报告雷同的段落。")


def test_the_html_and_xlsx_views_give_each_reports_share(copied, tmp_path):
    html = tmp_path / "out.html"
    CliRunner().invoke(main, ["check", "--format", "html", "--output", str(html), str(copied)])
    page = html.read_text(encoding="utf-8")
    assert "雷同文字" in page and 'data-value="0.1' in page
    xlsx = tmp_path / "out.xlsx"
    CliRunner().invoke(main, ["check", "--format", "xlsx", "--output", str(xlsx), str(copied)])
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx)["汇总"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("雷同文字") + 1
    shares = {
        sheet.cell(r, 1).value: sheet.cell(r, column).value for r in range(2, sheet.max_row + 1)
    }
    assert shares[str(copied / "桃源乡.txt")] == 0
    assert 0.1 < shares[str(copied / "安平镇.txt")] < 0.3
    assert sheet.cell(2, column).number_format == "0%"


# -- the parts --------------------------------------------------------------------


def test_the_issuer_comes_from_the_signature_and_the_title():
    signed = issuer_of(document(report("白岩县", "安平镇", 2024, OWN[:5])))
    assert signed.places == ("白岩县", "安平镇") and signed.organ == ""
    untitled = issuer_of(document("白岩县安平镇2023年度法治政府建设工作报告\n" + OWN[0] + "\n"))
    assert untitled.same_as(signed)
    shorter = issuer_of(document(report("", "安平镇", 2024, OWN[:5], issuer="安平镇人民政府")))
    assert shorter.same_as(signed)  # a chain of places that ends the other's
    assert not issuer_of(document(report("云溪县", "安平镇", 2024, OWN[:5]))).same_as(signed)
    bureau = issuer_of(document(report("白岩县", "", 2024, OWN[:5], issuer="白岩县司法局")))
    assert bureau.organ == "司法局" and not bureau.same_as(signed)
    assert not issuer_of(document(OWN[0] + "\n")).same_as(issuer_of(document(OWN[1] + "\n")))
    # A news site's column tag before a reposted title is no part of the issuer.
    tagged = issuer_of(
        document("【权威发布】白岩县安平镇2024年法治政府建设情况报告\n" + OWN[0] + "\n")
    )
    assert tagged.places == ("白岩县", "安平镇") and tagged.organ == "" and tagged.same_as(signed)


def test_figures_the_issuers_names_and_template_phrases_are_masked():
    (rule,) = builtin_rules().selected(select=["RL310"]).rules
    assert isinstance(rule.check, Copies)
    doc = document(report("白岩县", "安平镇", 2024, OWN[:5]))
    names = issuer_of(doc).masked
    assert comparable(
        "2024年，安平镇开展普法活动二十四场次，覆盖97.9%的村。", rule.check, names
    ) == ["#年@开展普法活动#场次覆盖#的村"]
    assert comparable(
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想，白岩县安平镇人民政府推进依法行政。",
        rule.check,
        names,
    ) == ["@推进依法行政"]
    # The political formulas of a guiding-thought opening, the outline's name
    # in half-width brackets (as a 2022 ministry's and a district's openings
    # had them), and a web address are no text of the issuer's own.
    assert comparable(
        "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，"
        "深入贯彻落实《法治政府建设实施纲要(2021—2025年)》，安平镇扎实推进依法行政。"
        "详见 https://www.example.gov.cn/fzzf/2024/report.html",
        rule.check,
        names,
    ) == ["深入贯彻落实@扎实推进依法行政", "详见#"]


def test_a_crowded_bucket_of_few_issuers_is_not_compared_pair_by_pair():
    # 1,000 generated reports under a handful of issuer names once grew to 5 GB:
    # a paragraph in 200 reports of 2 issuers gave 19,900 pairs of one bucket.
    import numpy as np

    from reportlint.copies.index import _bucket_pairs

    keys = np.full(200, 7, dtype=np.uint32)
    issuers = np.arange(200, dtype=np.int32) % 2
    first, _ = _bucket_pairs(keys, issuers, 5, None)
    assert len(first) == 0
    # A few reports of one issuer still are (a town's reports over the years).
    first, _ = _bucket_pairs(keys[:4], issuers[:4], 5, None)
    assert len(first) == 6
