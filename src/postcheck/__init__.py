"""postcheck: checks Vietnamese social-media drafts against Decision 722/QĐ-BNG."""
from __future__ import annotations

__version__ = "0.1.0"
# where the project and its clause documentation are published
PROJECT_URL = "https://github.com/postcheck-vn/postcheck"

from .findings import Finding, FileReport  # noqa: E402
from .rulebook import RuleError, load_rulebook  # noqa: E402

__all__ = ["Finding", "FileReport", "RuleError", "load_rulebook", "__version__"]
