"""The message catalogue: every sentence postcheck itself says to a person, in Vietnamese
and English, under one key. A plain table, not gettext: there are two languages, both
ship in the package, and a test (test_messages.py) checks that every key has both.

Rule messages live with their rules (rules/*.yaml, `messages: {vi, en}`); this holds the
rest. English nouns that are counted have their own plural (Vietnamese has none)."""
from __future__ import annotations

LANGS = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    "summary.checked": {"vi": "đã kiểm tra {files}", "en": "{files} checked"},
    "summary.unread": {"vi": "; {files} không đọc được, chưa kiểm tra (xem lỗi ở trên)",
                       "en": "; {files} not read, so not checked (see the errors above)"},
    "summary.nothing-found": {"vi": "Không có phát hiện nào trong các tệp đã đọc",
                              "en": "Nothing found in the files that were read"},
    "explain.unknown": {"vi": "'{target}' không phải điều khoản (như 5.2, 'Điều 5 khoản 2', D5K2) "
                               "hay mã quy tắc (xem 'postcheck rules')",
                         "en": "'{target}' is neither a clause (such as 5.2, 'Điều 5 khoản 2', D5K2) "
                               "nor a rule id (see 'postcheck rules')"},
    "explain.did-you-mean": {"vi": "; có phải ý bạn là: {names}?", "en": "; did you mean: {names}?"},
    "explain.no-such-clause": {"vi": "'{target}': postcheck không kiểm tra điều khoản này; "
                                     "các điều khoản được kiểm tra là 4.1–4.5 và 5.1–5.7",
                               "en": "'{target}': postcheck checks no such clause; "
                                     "the clauses it checks are 4.1–4.5 and 5.1–5.7"},
    "explain.summary": {"vi": "Tóm tắt: {summary}.", "en": "Summary: {summary}."},
    "explain.no-rule": {"vi": "(Không có quy tắc nào kiểm tra điều khoản này: đây là một nghĩa vụ, "
                              "hoặc không thể hiện trong nội dung bài viết.)",
                        "en": "(No rule checks this clause: it is a duty, or not visible in a draft's text.)"},
    "explain.message": {"vi": "  thông báo: {message}", "en": "  message: {message}"},
    "explain.example": {"vi": "  ví dụ: {example}", "en": "  example: {example}"},
    "directive.no-reason": {
        "vi": "chỉ thị bỏ qua không ghi lý do nên không được áp dụng: người duyệt cần biết vì sao",
        "en": "a waiver without a reason is not applied: reviewers need to know why"},
    "directive.unknown": {
        "vi": "chỉ thị bỏ qua nêu một điều khoản hoặc quy tắc không tồn tại nên không được áp dụng",
        "en": "a waiver naming no known clause or rule is not applied"},
    "directive.how": {
        "vi": "Viết: postcheck: bỏ qua 5.7 — lý do (hoặc <!-- postcheck-disable 5.7 -- lý do --> "
              "trong Markdown, HTML); xem 'postcheck rules'.",
        "en": "Write: postcheck: ignore 5.7 — reason (or <!-- postcheck-disable 5.7 -- reason --> "
              "in Markdown, HTML); see 'postcheck rules'."},
    "waived.heading": {"vi": "Đã bỏ qua theo chỉ thị trong bài ({n}):", "en": "Waived by directives in the draft ({n}):"},
    "waived.reason": {"vi": "lý do", "en": "reason"},
    "summary.waived": {"vi": "; {n} phát hiện được bỏ qua theo chỉ thị", "en": "; {n} waived by directives"},
}

# noun: (Vietnamese, English singular, English plural)
NOUNS = {
    "file": ("tệp", "file", "files"),
    "error": ("lỗi", "error", "errors"),
    "warning": ("cảnh báo", "warning", "warnings"),
    "info": ("lưu ý", "note", "notes"),
    "waived": ("bỏ qua", "waived", "waived"),
}


def text(lang: str, key: str, **values) -> str:
    lang = lang if lang in LANGS else "vi"
    return CATALOGUE[key][lang].format(**values)


def count(lang: str, n: int, noun: str) -> str:
    """"3 lỗi", "1 error", "3 errors"."""
    vi, one, many = NOUNS[noun]
    if lang == "en":
        return f"{n} {one if n == 1 else many}"
    return f"{n} {vi}"
