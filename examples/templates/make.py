# Makes the two example templates of `ocs fill` with python-docx (Debian's
# python3-docx): a company 職務說明書 and an assessment record. Run it from
# this folder with /usr/bin/python3 make.py; the .docx files it writes are
# committed beside it. Open them in Word to see the tags, or change them
# there: ocs fill reads whatever Word saves.
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt


def base():
    d = Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin = s.bottom_margin = Mm(20)
    s.left_margin = s.right_margin = Mm(18)
    normal = d.styles["Normal"]
    normal.font.size = Pt(11)
    normal.font.name = "Times New Roman"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "標楷體")
    return d


def cell(t, r, c, text, bold=False):
    p = t.cell(r, c).paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    return p


def job_description():
    d = base()
    s = d.sections[0]
    s.header.paragraphs[0].text = "{{overlay.company}}　{{overlay.unit}}"
    s.footer.paragraphs[0].text = "依職能基準 {{code}} 編製"
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("職務說明書")
    r.bold, r.font.size = True, Pt(18)

    info = d.add_table(rows=5, cols=2)
    info.style = "Table Grid"
    for i, (k, v) in enumerate([
        ("職務名稱", "{{overlay.title}}{{^overlay.title}}{{occupation}}{{/overlay.title}}"),
        ("所屬部門", "{{overlay.unit}}"),
        ("職業別", "{{#category.occupation}}{{code}} {{name}}{{/category.occupation}}"),
        ("職能級別", "{{level}}"),
        ("工作描述", "{{description}}"),
    ]):
        cell(info, i, 0, k, bold=True)
        cell(info, i, 1, v)

    d.add_paragraph()
    d.add_paragraph().add_run("工作職責與任務").bold = True
    duties = d.add_table(rows=2, cols=3)
    duties.style = "Table Grid"
    for c, h in enumerate(["主要職責", "工作任務", "職能級別"]):
        cell(duties, 0, c, h, bold=True)
    # One row per task: the duties section and the tasks section both
    # open in the row's first cell and close in its last cell.
    cell(duties, 1, 0, "{{#duties}}{{#tasks}}{{duty.code}} {{duty.title}}")
    cell(duties, 1, 1, "{{code}} {{title}}")
    cell(duties, 1, 2, "{{level}}{{/tasks}}{{/duties}}")

    d.add_paragraph()
    d.add_paragraph().add_run("所需知識").bold = True
    d.add_paragraph("{{#knowledge}}")
    d.add_paragraph("{{code}}　{{text}}", style="List Bullet")
    d.add_paragraph("{{/knowledge}}")
    d.add_paragraph().add_run("所需技能").bold = True
    d.add_paragraph("{{#skills}}")
    d.add_paragraph("{{code}}　{{text}}", style="List Bullet")
    d.add_paragraph("{{/skills}}")
    d.add_paragraph().add_run("工作態度").bold = True
    d.add_paragraph("{{#attitudes}}{{name}}　{{/attitudes}}{{^attitudes}}（本職能基準未列態度）{{/attitudes}}")
    d.add_paragraph().add_run("建議擔任條件").bold = True
    d.add_paragraph("{{#prerequisites}}")
    d.add_paragraph("{{.}}", style="List Bullet")
    d.add_paragraph("{{/prerequisites}}")

    d.add_paragraph()
    sign = d.add_table(rows=1, cols=3)
    sign.style = "Table Grid"
    for c, h in enumerate(["撰寫人：", "主管核定：", "日期："]):
        cell(sign, 0, c, h)
    d.save("job-description.docx")


def assessment_record():
    d = base()
    s = d.sections[0]
    s.header.paragraphs[0].text = "{{code}} {{occupation}}　評量紀錄表"
    t = d.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("{{occupation}} 職能評量紀錄")
    r.bold, r.font.size = True, Pt(16)

    who = d.add_table(rows=2, cols=4)
    who.style = "Table Grid"
    for (rr, c, text) in [(0, 0, "姓名"), (0, 1, "{{candidate.name}}"), (0, 2, "編號"), (0, 3, "{{candidate.id}}"),
                          (1, 0, "評量日期"), (1, 1, "{{candidate.date}}"), (1, 2, "評量人員"), (1, 3, "{{candidate.assessor}}")]:
        cell(who, rr, c, text, bold=(c % 2 == 0))

    d.add_paragraph()
    rec = d.add_table(rows=3, cols=4)
    rec.style = "Table Grid"
    rec.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in enumerate(["行為指標", "達成", "未達成", "評語"]):
        cell(rec, 0, c, h, bold=True)
    # A task row, then one row per indicator of the task.
    task = rec.rows[1].cells
    task[0].merge(task[3])
    rec.cell(1, 0).paragraphs[0].add_run("{{#tasks}}{{code}} {{title}}（職能級別 {{level}}）").bold = True
    cell(rec, 2, 0, "{{#indicators}}{{code}} {{text}}")
    cell(rec, 2, 1, "☐")
    cell(rec, 2, 2, "☐")
    cell(rec, 2, 3, "{{/indicators}}{{/tasks}}")

    d.add_paragraph()
    d.add_paragraph("評量結果：☐ 通過　☐ 未通過")
    d.add_paragraph("評量人員簽名：＿＿＿＿＿＿＿＿　受評者簽名：＿＿＿＿＿＿＿＿")
    d.save("assessment-record.docx")


job_description()
assessment_record()
