"""RL406 mojibake: pinyin noise, replacement characters, mis-decoding residue."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def messages(text):
    return [d.message for d in lint(text, "mojibake")]


def test_pinyin_noise_with_repaired_reading():
    (message,) = messages("2024年,金花街道在區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下推进工作。")
    assert "4处乱码" in message and "“區(qū)”（应为“區”）" in message


def test_gbk_residue_and_replacement_characters():
    assert len(messages("有序推进我街法治政府建设工作迈上新台阶?,F(xiàn)将情况报告如下。")) == 1
    assert len(messages("推进依法行政\ufffd\ufffd工作。")) == 1
    assert len(messages("开展锟斤拷普法宣传。")) == 1


def test_seed_002_every_garbled_paragraph_once():
    found = lint_file(seed(2), "mojibake")
    assert len(found) == len({d.line for d in found}) == 20


def test_clean_reports_are_quiet():
    for n in (0, 1, 3, 4):
        assert lint_file(seed(n), "mojibake") == []
    assert lint(clean_text(), "mojibake") == []
