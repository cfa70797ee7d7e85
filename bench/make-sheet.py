#!/usr/bin/env python3
"""Writes a student roll or a term-results sheet of N rows as .xlsx, for bench/import-10k.sh.

Usage: make-sheet.py students|grades N OUT.xlsx
Classes are the demo school's (K21N1 … K23XN3); codes are BENCH000001…, so the two sheets match.
"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(42)
classes = [f"K{c}{m}{n}" for c in (21, 22, 23) for m in ("N", "D", "XN", "HS") for n in (1, 2, 3)]
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
middle = ["Thị", "Văn", "Minh", "Thu", "Ngọc", "Đức", "Hải", "Thanh"]
given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hương", "Khánh", "Lan", "Mai", "Nam", "Phương", "Quân", "Trang", "Vi", "Yến"]
ranks = [(3.6, "Xuất sắc"), (3.2, "Giỏi"), (2.5, "Khá"), (2.0, "Trung bình"), (0, "Yếu")]


def cell(ref, value):
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def rows():
    if kind == "students":
        yield ["STT", "Mã SV", "HỌ VÀ TÊN", "Ngày sinh", "Giới tính", "Lớp", "Số CCCD", "Dân tộc"]
        for i in range(1, count + 1):
            born = f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12)}/{rnd.randint(2002, 2006)}"
            yield [i, f"BENCH{i:06d}", f"{rnd.choice(family)} {rnd.choice(middle)} {rnd.choice(given)}", born,
                   rnd.choice(["Nam", "Nữ"]), rnd.choice(classes), f"0013{rnd.randint(10**7, 10**8 - 1):08d}", "Kinh"]
    else:
        yield ["Mã sinh viên", "Năm học", "Học kỳ", "ĐTB hệ 4", "Xếp loại học tập", "Điểm rèn luyện", "Xếp loại đoàn viên"]
        for i in range(1, count + 1):
            gpa = round(rnd.uniform(1.8, 4.0), 2)
            yield [f"BENCH{i:06d}", "2023-2024", 1, gpa, next(r for t, r in ranks if gpa >= t), rnd.randint(60, 100), "Hoàn thành tốt nhiệm vụ"]


def column(i):
    return chr(ord("A") + i)


with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    body = []
    for r, values in enumerate(rows(), start=1):
        body.append(f'<row r="{r}">' + "".join(cell(f"{column(c)}{r}", v) for c, v in enumerate(values)) + "</row>")
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(body) + "</sheetData></worksheet>")
