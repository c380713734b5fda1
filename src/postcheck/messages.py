"""The message catalogue: every sentence postcheck itself says to a person, in Vietnamese
and English, under one key. A plain table, not gettext: there are two languages, both
ship in the package, and a test (test_messages.py) checks that every key has both.

Rule messages live with their rules (rules/*.yaml, `messages: {vi, en}`); this holds the
rest. English nouns that are counted have their own plural (Vietnamese has none)."""
from __future__ import annotations

LANGS = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    # the command line (cli.py); "{limit}" and the like are filled in there
    "help.check": {
        "vi": "Kiểm tra bản nháp tiếng Việt theo Quy tắc ứng xử trên mạng xã hội của Bộ Ngoại giao "
              "(Quyết định 722/QĐ-BNG). Nêu tệp hoặc thư mục (.txt, .md, .html, .docx), '-' để đọc đầu "
              "vào chuẩn, hoặc chuyển văn bản qua ống dẫn. Lệnh khác: 'postcheck rules', "
              "'postcheck explain ĐIỀU_KHOẢN|MÃ_QUY_TẮC', 'postcheck init', 'postcheck serve' (trang kiểm tra "
              "trong trình duyệt), 'postcheck review TỆP.docx' (nhận xét trong tệp Word).",
        "en": "Check Vietnamese drafts against the Ministry of Foreign Affairs' social-network code "
              "of conduct (Decision 722/QĐ-BNG). Give files or folders (.txt, .md, .html, .docx), '-' "
              "for standard input, or pipe text in. Other commands: 'postcheck rules', "
              "'postcheck explain CLAUSE|RULE_ID', 'postcheck init', 'postcheck serve' (a checking page in "
              "the browser), 'postcheck review FILE.docx' (comments in the Word file)."},
    "help.paths": {"vi": "Tệp hoặc thư mục cần kiểm tra; '-' đọc đầu vào chuẩn.",
                   "en": "Files or folders to check; '-' reads standard input."},
    "help.format": {"vi": "Định dạng kết quả (mặc định: text; github khi chạy trong GitHub Actions).",
                    "en": "Output format (default: text; github inside GitHub Actions)."},
    "help.lang": {"vi": "Ngôn ngữ thông báo (mặc định: vi, hoặc en theo locale của máy).",
                  "en": "Language of messages (default: vi, or en from the system locale)."},
    "help.fail-on": {"vi": "Mức nghiêm trọng thấp nhất làm mã thoát là 1 (mặc định warning).",
                     "en": "Lowest severity that makes the exit code 1 (default warning)."},
    "help.quiet": {"vi": "Chỉ in dòng tổng kết.", "en": "Print only the summary line."},
    "help.statistics": {"vi": "In số lượng theo điều khoản và quy tắc, và các phát hiện đã bỏ qua theo chỉ thị.",
                        "en": "Print counts per clause and rule, and the findings waived by directives."},
    "help.group": {"vi": "Thứ tự báo cáo: theo tệp rồi vị trí (mặc định), hoặc theo từng điều khoản.",
                   "en": "Text report order: by file then position (default), or under each clause."},
    "help.jobs": {"vi": "Số tệp kiểm tra song song (mặc định: số CPU).",
                  "en": "Files checked in parallel (default: CPUs)."},
    "help.exclude": {"vi": "Bỏ qua đường dẫn khớp mẫu glob này (dùng được nhiều lần).",
                     "en": "Skip paths matching this glob (repeatable)."},
    "help.baseline": {"vi": "Chỉ báo các phát hiện chưa có trong baseline này.",
                      "en": "Report only findings not in this baseline."},
    "help.write-baseline": {"vi": "Ghi các phát hiện hiện tại thành đã chấp nhận, rồi thoát với mã 0.",
                            "en": "Record the current findings as accepted, then exit 0."},
    "help.show-secrets": {"vi": "In mật khẩu, số giấy tờ, số điện thoại không che.",
                          "en": "Print passwords, ID and phone numbers unmasked."},
    "help.config": {"vi": "Tệp cấu hình (mặc định: .postcheck.yaml hoặc [tool.postcheck] trong pyproject.toml, "
                          "tìm ngược lên các thư mục cha).",
                    "en": "Configuration file (default: .postcheck.yaml or [tool.postcheck] in pyproject.toml, "
                          "found upwards)."},
    "help.encoding": {"vi": "Đọc tệp theo bảng mã này (utf-8, cp1258, tcvn3, vni …) thay vì tự nhận biết.",
                      "en": "Read files in this encoding (utf-8, cp1258, tcvn3, vni …) instead of detecting it."},
    "help.max-size": {"vi": "Tệp lớn nhất được kiểm tra, tính bằng MB (mặc định 20, tối đa {limit}); "
                            "với .docx áp dụng cả cho từng phần khi giải nén.",
                      "en": "Largest file to check, in MB (default 20, at most {limit}); for .docx also "
                            "its parts uncompressed."},
    "help.rules": {"vi": "Dùng các tệp quy tắc trong thư mục này.", "en": "Use the rule files in this folder instead."},
    "help.wordlists": {"vi": "Tìm danh sách từ trong thư mục này trước.", "en": "Look for word lists in this folder first."},
    "help.version": {"vi": "In phiên bản rồi thoát.", "en": "Print the version and exit."},
    "help.tools": {"vi": "Công cụ về quy tắc của postcheck.", "en": "postcheck's rule tools."},
    "help.rules-command": {"vi": "Liệt kê mọi quy tắc: mã, điều khoản, mức độ, mô tả.",
                           "en": "List every rule: id, clause, severity, description."},
    "help.rules-dir": {"vi": "Thư mục quy tắc cần liệt kê.", "en": "Rule folder to list instead."},
    "help.explain": {"vi": "Xem nội dung một điều khoản và các quy tắc kiểm tra nó, hoặc một quy tắc. "
                           "Điều khoản viết được là 5.2, 5, 'Điều 5 khoản 2', 'điều 5' hoặc D5K2.",
                     "en": "Show a clause's text and the rules enforcing it, or one rule. "
                           "CLAUSE may be written 5.2, 5, 'Điều 5 khoản 2', 'điều 5' or D5K2."},
    "help.target": {"vi": "Điều khoản (5.2, 'Điều 5 khoản 2', D5K2), một điều (5), hoặc mã quy tắc.",
                    "en": "A clause (5.2, 'Điều 5 khoản 2', D5K2), an article (5), or a rule id."},
    "help.init": {"vi": "Tạo tệp .postcheck.yaml mẫu có chú thích trong thư mục hiện tại.",
                  "en": "Write a commented starter .postcheck.yaml in the current folder."},
    "help.force": {"vi": "Ghi đè tệp đã có.", "en": "Overwrite an existing file."},
    # postcheck serve and postcheck review (serve/, review.py)
    "help.serve": {"vi": "Mở trang kiểm tra trên máy này (127.0.0.1): dán bản nháp hoặc thả tệp, không cần dòng lệnh.",
                   "en": "Open the checking page on this machine (127.0.0.1): paste a draft or drop a file, "
                         "no command line needed."},
    "help.no-browser": {"vi": "Không tự mở trình duyệt.", "en": "Do not open a browser."},
    "help.port": {"vi": "Cổng trên 127.0.0.1 (mặc định: một cổng trống).",
                  "en": "Port on 127.0.0.1 (default: a free one)."},
    "serve.listening": {"vi": "trang kiểm tra: {url}  (Ctrl+C để dừng; bản nháp không rời khỏi máy này)",
                        "en": "checking page: {url}  (Ctrl+C to stop; drafts never leave this machine)"},
    "serve.missing": {"vi": "'postcheck serve' cần starlette và uvicorn ({name} chưa cài): cài lại postcheck "
                            "(pip install .) hoặc pip install starlette uvicorn",
                      "en": "'postcheck serve' needs starlette and uvicorn ({name} is not installed): reinstall "
                            "postcheck (pip install .) or pip install starlette uvicorn"},
    "serve.port": {"vi": "không mở được cổng {port} trên 127.0.0.1: {reason}",
                   "en": "cannot listen on 127.0.0.1 port {port}: {reason}"},
    "help.review": {"vi": "Ghi bản sao TÊN.reviewed.docx cạnh tệp Word, mỗi phát hiện là một nhận xét (comment) "
                          "trên đúng chữ đó; tệp gốc không bị thay đổi.",
                    "en": "Write NAME.reviewed.docx beside a Word file, each finding a comment on its words; "
                          "the original is not changed."},
    "help.review-file": {"vi": "Tệp Word (.docx) cần duyệt.", "en": "The Word file (.docx) to review."},
    "help.review-force": {"vi": "Ghi đè bản .reviewed.docx đã có.", "en": "Replace an existing .reviewed.docx."},
    "review.exists": {"vi": "{path} đã có (dùng --force để ghi đè)", "en": "{path} already exists (use --force to replace it)"},
    "review.wrote": {"vi": "đã ghi {count} nhận xét vào {path}", "en": "wrote {count} comments to {path}"},
    "review.suggestion": {"vi": "Gợi ý: {suggestion}", "en": "Suggestion: {suggestion}"},
    "error.max-size": {"vi": "--max-size: cần một số MB lớn hơn 0 và không quá {limit}, nhận được {value}",
                       "en": "--max-size: expected a number of MB above 0 and at most {limit}, got {value}"},
    "error.no-wordlists": {"vi": "--wordlists {path}: không có thư mục này", "en": "--wordlists {path}: no such folder"},
    "error.nothing": {"vi": "không có gì để kiểm tra: hãy nêu tệp hoặc thư mục, hoặc chuyển văn bản qua ống dẫn "
                            "(xem --help)",
                      "en": "nothing to check: give a file or folder, or pipe text in (see --help)"},
    "error.interrupted": {"vi": "đã dừng theo yêu cầu", "en": "interrupted"},
    "baseline.wrote": {"vi": "đã ghi {findings} vào {path} (khóa: {keyfile})",
                       "en": "wrote {findings} to {path} (key: {keyfile})"},
    "init.symlink": {"vi": "{name} là liên kết tượng trưng; hãy xóa nó trước",
                     "en": "{name} is a symbolic link; remove it first"},
    "init.folder": {"vi": "{name} là một thư mục; hãy xóa nó trước", "en": "{name} is a folder; remove it first"},
    "init.exists": {"vi": "{name} đã có (dùng --force để ghi đè)", "en": "{name} already exists (use --force to overwrite)"},
    "init.cannot-write": {"vi": "không ghi được {name}: {reason}", "en": "cannot write {name}: {reason}"},
    "init.wrote": {"vi": "đã tạo {name}", "en": "wrote {name}"},
    "confidence.high": {"vi": "cao", "en": "high"},
    "confidence.medium": {"vi": "trung bình", "en": "medium"},
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
    "accepted": ("phát hiện được chấp nhận", "accepted finding", "accepted findings"),
}


_ui = ["vi"]  # the language of this run's own messages (set_ui, by the command line)


def set_ui(lang: str) -> None:
    _ui[0] = lang if lang in LANGS else "vi"


def ui(key: str, **values) -> str:
    """A message in this run's language."""
    return text(_ui[0], key, **values)


def ui_count(n: int, noun: str) -> str:
    """count() in this run's language."""
    return count(_ui[0], n, noun)


def locale_lang(environ=None) -> str:
    """en when the locale for messages is English (LC_ALL, else LC_MESSAGES, else LANG, as
    POSIX reads them), otherwise vi: a C or POSIX locale says nothing about the reader."""
    import os

    env = os.environ if environ is None else environ
    value = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    return "en" if value.lower().startswith("en") else "vi"


def args_lang(args: list[str]) -> str | None:
    """The --lang a command line asks for, read before the parser runs (help texts are
    built before it)."""
    for k, arg in enumerate(args):
        if arg == "--lang" and k + 1 < len(args):
            return args[k + 1] if args[k + 1] in LANGS else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else None
    return None


def text(lang: str, key: str, **values) -> str:
    lang = lang if lang in LANGS else "vi"
    return CATALOGUE[key][lang].format(**values)


def count(lang: str, n: int, noun: str) -> str:
    """"3 lỗi", "1 error", "3 errors"."""
    vi, one, many = NOUNS[noun]
    if lang == "en":
        return f"{n} {one if n == 1 else many}"
    return f"{n} {vi}"


def severity(lang: str, name: str) -> str:
    """A severity as a reader says it ("cảnh báo"); in English the name a configuration uses."""
    return NOUNS[name][0] if lang != "en" else name
