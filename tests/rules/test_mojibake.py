"""RL406 mojibake: pinyin noise, replacement characters, mis-decoding residue."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def messages(text):
    return [d.message for d in lint(text, "mojibake")]


def test_pinyin_noise_with_repaired_reading():
    (message,) = messages("2024年,金花街道在區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下推进工作。")
    assert "4处乱码" in message and "“區(qū)”（应为“區”）" in message


def test_gbk_residue_and_replacement_characters():
    (message,) = messages("有序推进我街法治政府建设工作迈上新台阶?,F(xiàn)将情况报告如下。")
    # No reading can be given back: the message does not offer the garble as its own fix.
    assert "“?,F”" in message and "应为" not in message and "无法从乱码还原" in message
    assert len(messages("推进依法行政\ufffd\ufffd工作。")) == 1
    assert len(messages("开展锟斤拷普法宣传。")) == 1


def test_seed_002_every_garbled_paragraph_once():
    found = lint_file(seed(2), "mojibake")
    assert len(found) == len({d.line for d in found}) == 20


def test_clean_reports_are_quiet():
    for n in (0, 1, 3, 4):
        assert lint_file(seed(n), "mojibake") == []
    assert lint(clean_text(), "mojibake") == []


def test_gbk_text_out_of_step_by_a_byte_at_each_line_start():
    # Review 3 (019): every "（一）" line opened "?。ㄒ唬┥…" and only one line
    # with a box-drawing character was reported.  Our own sentences, garbled so.
    text = (
        "一、加强组织领导\n?。ㄒ唬┘忧糠ㄖ握?府建设组织领导。\n"
        "?。ǘ?）推进严格规范公正文明执法。\n?。ㄈ?）积极开展宪法宣传周活动。\n"
    )
    found = lint(text, "mojibake")
    assert [d.line for d in found] == [2, 3, 4]
    assert all("应为" not in d.message for d in found)


def test_clean_lines_opening_with_an_ordinal_are_quiet():
    for line in (
        "（一）深入學習貫徹黨的二十大精神。把學習宣傳貫徹作為首要政治任務。",
        "（一）加强组织领导。全年召开专题会议4次，研究解决问题12个。",
    ):
        assert messages(line) == [], line
