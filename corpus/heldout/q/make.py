"""Build the non-plain files of held-out set Q from their sources (deterministic output).

- q03: GB18030 text encoded from src/q03-…utf8.txt
- q05: Word file built with python-docx (heading styles, merged-cell table)

Run: python /work/heldout/q/make.py
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
PLANS = HERE / "plans"
SRC = HERE / "src"

Q03 = "q03-nanxi-district-tcm-hospital-union-pipe-cells-gb18030-2025"
Q05 = "q05-jinghe-water-group-union-word-styles-merged-table-2025"

FIXED_TIME = dt.datetime(2025, 1, 16, 9, 0, 0)


def build_q03() -> None:
    """Encode the q03 UTF-8 source as GB18030."""
    text = (SRC / f"{Q03}.utf8.txt").read_text(encoding="utf-8")
    (PLANS / f"{Q03}.txt").write_bytes(text.encode("gb18030"))


# ---------------------------------------------------------------- q05 (.docx)

Q05_TITLE = "泾禾水务集团有限公司工会2025年工作计划"

Q05_PREAMBLE = (
    "2025年，公司工会将在公司党委和市建设系统工会的领导下，紧扣“安全供水、优质服务”的中心任务，"
    "团结动员全体职工在保供水、降漏损、优服务中建功立业。现制定本年度工作计划。"
)

# (style, text); "H1" = Heading 1, "H2" = Heading 2, "P" = Normal
Q05_BODY_BEFORE_TABLE = [
    ("H1", "指导思想"),
    ("P", ("以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届三中全会精神，坚持党建带工建，"
           "把服务职工、维护权益与服务企业发展有机结合起来，努力建设职工信赖的“职工之家”。")),
    ("H1", "工作目标"),
    ("P", "1．职工入会率保持在98%以上；"),
    ("P", "2．集体合同签订率达到100%；"),
    ("P", "3．全年培育“泾禾工匠”5名，职工技能竞赛参赛不少于300人次；"),
    ("P", "4．职工对工会工作满意率不低于92%。"),
    ("H1", "重点工作"),
    ("H2", "深化劳动和技能竞赛"),
    ("P", "围绕管网漏损控制和二次供水改造，组织开展“节水降耗”劳动竞赛，推动班组之间比技术、比安全、比服务。"),
    ("H2", "推进民主管理"),
    ("P", "坚持职工代表大会制度，厂务公开栏每季度更新一次；9月底前完成新一轮工资专项集体协商。"),
    ("H2", "做实服务职工"),
    ("P", "困难职工实行动态管理，走访慰问做到全覆盖；职工心理减压室每周三下午开放，由专业心理咨询师坐班。"),
    ("H2", "加强女职工工作"),
    ("P", "落实女职工特殊劳动保护，每年组织一次女职工“两癌”筛查，关心关爱哺乳期女职工。"),
    ("H1", "全年工作安排"),
]

Q05_HEADER = ["时间", "工作内容", "负责部门", "参加对象", "备注"]

# Rows of the schedule table. A time of None continues the merged cell above.
Q05_ROWS = [
    ("1月", "召开工会委员会全体会议，部署全年工作", "工会办公室", "工会委员", ""),
    (None, "开展春节送温暖走访慰问", "工会办公室", "困难职工", ""),
    ("2月", "举办“迎新春”职工书画摄影展", "党群工作部", "全体职工", ""),
    ("3月", "召开三届二次职工代表大会", "工会办公室", "职工代表", ""),
    (None, "开展“三八”女职工插花体验活动", "女职工委员会", "女职工", ""),
    ("4月、10月", "组织职工健康体检", "工会、人力资源部", "全体职工", "每年两次"),
    ("5月", "举办供水管网抢修技能竞赛", "生产技术部、工会", "一线职工", ""),
    ("6月", "开展“安康杯”安全知识竞赛", "安全环保部、工会", "全体职工", ""),
    ("7、8月", "开展高温“送清凉”慰问活动", "工会办公室", "一线职工", ""),
    ("9月", "开展“金秋助学”活动", "工会办公室", "职工子女", ""),
    (None, "举办水质检测技能比武", "水质检测中心、工会", "化验员", ""),
    ("11月", "举办职工气排球比赛", "文体协会", "全体职工", ""),
    ("12月", "召开工会年度工作总结会", "工会办公室", "工会委员", ""),
    ("每月", "开展一次“职工心声”恳谈会", "工会主席", "职工代表", "每月一次"),
]
# Last row: 全年, its content cell merged across 工作内容…参加对象.
Q05_YEAR_ROW = ("全年", "做好职工生日慰问、婚育慰问和住院探视", "常态化开展")

Q05_AFTER_TABLE = [
    ("H1", "保障措施"),
    ("P", "加强组织领导。公司工会委员会每季度召开一次会议，听取各分会工作汇报，研究解决职工反映的问题。"),
    ("P", "加强工会干部队伍建设。2025年5月举办基层工会干部业务培训班，分会主席和工会小组长全员参训。"),
    ("P", "加强经费管理。经费审查委员会每半年对工会经费收支开展一次审查，年底前完成年度经费审计。"),
]

Q05_SIGNATURE = ["泾禾水务集团有限公司工会", "2025年1月16日"]


def _east_asian(style, font: str) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _add(doc: Document, style: str, text: str) -> None:
    name = {"H1": "Heading 1", "H2": "Heading 2", "P": "Normal"}[style]
    para = doc.add_paragraph(text, style=name)
    if style == "P":
        para.paragraph_format.first_line_indent = Pt(21)


def build_q05() -> None:
    """Write the q05 Word file: heading styles without typed numbers, merged table cells."""
    doc = Document()
    _east_asian(doc.styles["Normal"], "宋体")
    for name in ("Title", "Heading 1", "Heading 2"):
        _east_asian(doc.styles[name], "黑体")
    doc.styles["Normal"].font.size = Pt(12)

    title = doc.add_paragraph(Q05_TITLE, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add(doc, "P", Q05_PREAMBLE)
    for style, text in Q05_BODY_BEFORE_TABLE:
        _add(doc, style, text)

    n_rows = 1 + len(Q05_ROWS) + 1
    table = doc.add_table(rows=n_rows, cols=5)
    table.style = "Table Grid"
    for j, head in enumerate(Q05_HEADER):
        cell = table.cell(0, j)
        cell.text = head
        for run in cell.paragraphs[0].runs:
            run.bold = True
    merge_top = None
    for i, row in enumerate(Q05_ROWS, start=1):
        when, what, owner, who, note = row
        if when is None:
            table.cell(merge_top, 0).merge(table.cell(i, 0))
        else:
            table.cell(i, 0).text = when
            merge_top = i
        table.cell(i, 1).text = what
        table.cell(i, 2).text = owner
        table.cell(i, 3).text = who
        table.cell(i, 4).text = note
    last = n_rows - 1
    when, what, note = Q05_YEAR_ROW
    table.cell(last, 0).text = when
    table.cell(last, 1).text = what
    table.cell(last, 1).merge(table.cell(last, 3))
    table.cell(last, 4).text = note

    for style, text in Q05_AFTER_TABLE:
        _add(doc, style, text)
    for line in Q05_SIGNATURE:
        para = doc.add_paragraph(line, style="Normal")
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    props = doc.core_properties
    props.author = "泾禾水务集团有限公司工会"
    props.last_modified_by = "泾禾水务集团有限公司工会"
    props.title = Q05_TITLE
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    _write_fixed_zip(buf.getvalue(), PLANS / f"{Q05}.docx")


def _write_fixed_zip(data: bytes, out: Path) -> None:
    """Rewrite a ZIP with fixed timestamps so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    dst_buf = io.BytesIO()
    with zipfile.ZipFile(dst_buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 16, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    out.write_bytes(dst_buf.getvalue())


def main() -> None:
    PLANS.mkdir(parents=True, exist_ok=True)
    build_q03()
    build_q05()
    print("built", Q03, Q05)


if __name__ == "__main__":
    main()
