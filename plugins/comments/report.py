"""What an import did, as counts that always reconcile: read == imported + skipped."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

EXAMPLES_KEPT = 20  # per problem; a 100,000-comment export must not flood the report
EXAMPLES_SHOWN = 3  # per problem in the printed summary; the JSON report has the rest


@dataclass
class Report:
    source: str
    format: str
    dry_run: bool = False
    read: int = 0
    imported: int = 0
    skipped: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)
    warning_examples: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)  # file -> comments added
    placeholders: int = 0
    repairs: list[str] = field(default_factory=list)  # defects of the source read past

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def repaired(self, what: str) -> None:
        self.repairs.append(what)

    def warn(self, problem: str, where: str) -> None:
        self.warnings[problem] += 1
        examples = self.warning_examples.setdefault(problem, [])
        if len(examples) < EXAMPLES_KEPT:
            examples.append(where)

    @property
    def reconciles(self) -> bool:
        return self.read == self.imported + sum(self.skipped.values())

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "format": self.format,
            "dry_run": self.dry_run,
            "read": self.read,
            "imported": self.imported,
            "skipped": dict(sorted(self.skipped.items())),
            "placeholders": self.placeholders,
            "repairs": self.repairs,
            "warnings": dict(sorted(self.warnings.items())),
            "warning_examples": {k: v for k, v in sorted(self.warning_examples.items())},
            "files": dict(sorted(self.files.items())),
        }

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def summary(self) -> str:
        lines = [
            f"{'Would import' if self.dry_run else 'Imported'} {self.imported} of {self.read} comments"
            f" from {self.source} ({self.format})."
        ]
        lines += [f"  repaired: {repair}" for repair in self.repairs]
        lines += [f"  skipped, {reason}: {count}" for reason, count in sorted(self.skipped.items())]
        if self.placeholders:
            lines.append(f"  'comment removed' placeholders kept for missing parents: {self.placeholders}")
        lines += [
            f"  warning, {problem}: {count} ({'; '.join(self.warning_examples[problem][:EXAMPLES_SHOWN])}"
            f"{'; ...' if count > EXAMPLES_SHOWN else ''})"
            for problem, count in sorted(self.warnings.items())
        ]
        lines += [f"  {path}: +{count}" for path, count in sorted(self.files.items())]
        return "\n".join(lines)
