"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI dashboards.

postcheck has no public address to link to (teams install their own copy), so each rule
carries its help in the file itself, `help`: the clause's text and what the rule looks
for, which code scanning shows beside a finding; docs/clauses.md holds the same."""
from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..clauses import CLAUSES, clause_text
from ..findings import FileReport
from ..messages import text
from ..textmap import LineIndex

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(reports: list[FileReport], rules: list, lang: str) -> str:
    used = sorted({f.rule for r in reports for f in r.findings})
    by_id = {r.id: r for r in rules}
    index = {rid: n for n, rid in enumerate(used)}
    driver_rules = []
    for rid in used:
        rule = by_id.get(rid)
        clause = rule.clause if rule else ""
        described = rule.descriptions[lang] if rule else rid
        clause_part = f"{CLAUSES[clause].heading(lang)}. {clause_text(clause)}" if clause in CLAUSES else rid
        driver_rules.append({
            "id": rid,
            "name": rid.replace(".", "-"),
            "shortDescription": {"text": described},
            "fullDescription": {"text": clause_part},
            "help": {"text": f"{clause_part}\n\n{described}",
                     "markdown": (f"**{CLAUSES[clause].heading(lang)}**\n\n> {clause_text(clause)}\n\n{described}"
                                  if clause in CLAUSES else described)},
            "defaultConfiguration": {"level": LEVEL[rule.severity] if rule else "warning"},
            "properties": {"clause": clause},
        })
    results = []
    for report in reports:
        lines = LineIndex(report.text) if report.text is not None else None
        for f in report.findings:
            end_line, end_col = lines.line_col(max(f.end - 1, f.start)) if lines else (f.line, f.column)
            results.append({
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(report.path)},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": end_line, "endColumn": end_col + 1,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.match}},
                }}],
                "properties": {"clause": f.clause, "mechanism": f.mechanism},
            })
            if f.fix is not None:  # SARIF's own fix object: an editor or code scanning can apply it
                results[-1]["fixes"] = [{
                    "description": {"text": text(lang, "fix.describe", replacement=f.fix)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": _uri(report.path)},
                        "replacements": [{
                            "deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                              "endLine": end_line, "endColumn": end_col + 1,
                                              "charOffset": f.start, "charLength": f.end - f.start},
                            "insertedContent": {"text": f.fix}}]}]}]
            if f.place is not None:  # a .docx: where a Word user finds it
                results[-1]["locations"][0]["logicalLocations"] = [
                    {"name": f"{f.place.part}/paragraph {f.place.paragraph}", "kind": "paragraph"}]
                results[-1]["properties"].update(part=f.place.part, paragraph=f.place.paragraph,
                                                 paragraph_opening=f.place.opening)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "postcheck", "version": __version__, "rules": driver_rules}},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)


def write(reports: list[FileReport], options, out) -> None:
    out.write(render(reports, options.rules, options.lang) + "\n")


def _uri(path: str) -> str:
    """A SARIF uri is a URI reference: a '#' in a file name would start a fragment, and a
    space or '%' is not allowed, so a scanner would look for another file. Percent-encoded
    (UTF-8 for Vietnamese letters), as GitHub code scanning decodes it."""
    return quote(path.replace("\\", "/"), safe="/:")
