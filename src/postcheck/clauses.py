"""The clauses of Decision 722/QĐ-BNG (2019) that findings name, with their text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import data_file


@dataclass(frozen=True)
class Clause:
    code: str  # "5.2" = Điều 5 khoản 2
    title_vi: str
    title_en: str

    def heading(self, lang: str) -> str:
        article, item = self.code.split(".")
        if lang == "en":
            # the Decision numbers clauses within articles: "5.7" is Article 5, clause 7
            return f"Article {article}, clause {item} — {self.title_en}"
        return f"Điều {article} khoản {item} — {self.title_vi}"


CLAUSES = {c.code: c for c in (
    Clause("4.1", "ngôn ngữ chuẩn mực, lịch sự", "polite, standard language"),
    Clause("4.2", "kiểm soát tài khoản và nội dung", "control of one's account and posts"),
    Clause("4.3", "bảo vệ tài khoản cá nhân", "protecting one's account"),
    Clause("4.4", "đăng tải thông tin tích cực, quan điểm chính thức", "positive information, official positions"),
    Clause("4.5", "thông báo thông tin sai sự thật", "reporting false information"),
    Clause("5.1", "thông tin cá nhân của công dân, pháp luật về thông tin trên mạng",
           "citizens' personal data and the law on online information"),
    Clause("5.2", "bí mật, tài liệu chưa được phép công bố, nội bộ, nhân sự",
           "secrets, unpublished material, internal and personnel matters"),
    Clause("5.3", "nội dung kích động, không đúng sự thật", "incitement and untrue content"),
    Clause("5.4", "đe dọa, bôi nhọ, kích động hận thù, phân biệt đối xử",
           "threats, defamation, hatred and discrimination"),
    Clause("5.5", "sử dụng danh nghĩa, chức vụ cho mục đích cá nhân", "using one's title or position for personal ends"),
    Clause("5.6", "logo, địa chỉ, điện thoại, thư điện tử chính thức", "official logo, address, phone or e-mail"),
    Clause("5.7", "công việc nội bộ nhạy cảm của quốc gia, tổ chức khác",
           "sensitive internal matters of other states and organisations"),
)}


@lru_cache(maxsize=1)
def _regulation() -> str:
    return data_file("qd-722-bng-2019.vi.txt").read_text(encoding="utf-8")


def clause_text(code: str) -> str:
    """The full Vietnamese text of one clause, as the regulation words it."""
    article, item = code.split(".")
    text = _regulation()
    art = re.search(rf"^Điều {article}\..*?(?=^Điều \d|^Chương|\Z)", text, re.M | re.S)
    if not art:
        return ""
    m = re.search(rf"^{item}\. .*$", art.group(0), re.M)
    return m.group(0) if m else ""
