"""A source file's text as a translator compares it: its title, summary,
headings and paragraphs, whitespace normalised, in sections (a heading and
the paragraphs under it; the first section holds the title, the summary
and what comes before the first heading). Metadata other than the title
and summary is not text: changing it never makes a translation stale."""

import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

ATX_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
METADATA_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
TEXT_FIELDS = ("title", "summary")
DIGEST_PREFIX = "sha256:"


@dataclass(frozen=True)
class Section:
    heading: str | None  # None for the first section
    paragraphs: tuple


def normalise(text):
    return " ".join(text.split())


def read_sections(text):
    """The sections of a Markdown source (metadata header, blank line, body)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields, name = {}, None
    position = 0
    for position, line in enumerate(lines):
        if not line.strip():
            break
        match = METADATA_LINE.match(line)
        if match:
            name = match[1].lower()
            fields[name] = match[2]
        elif name and line[:1].isspace():
            fields[name] += " " + line  # a value continued on the next line
    else:
        position = len(lines)
    start = [f"{name.capitalize()}: {normalise(fields[name])}" for name in TEXT_FIELDS if fields.get(name, "").strip()]
    sections = [Section(None, ())]
    paragraphs = start
    for block in re.split(r"\n\s*\n", "\n".join(lines[position:])):
        block_lines = [line for line in block.split("\n") if line.strip()]
        if not block_lines:
            continue
        heading = ATX_HEADING.match(block_lines[0])
        if heading or (len(block_lines) > 1 and SETEXT_UNDERLINE.match(block_lines[1])):
            sections[-1] = Section(sections[-1].heading, tuple(paragraphs))
            title = heading[1] if heading else block_lines[0]
            sections.append(Section(normalise(title), ()))
            paragraphs = []
            block_lines = block_lines[1 if heading else 2:]
        if block_lines:
            paragraphs.append(normalise("\n".join(block_lines)))
    sections[-1] = Section(sections[-1].heading, tuple(paragraphs))
    return sections


def blocks_of(sections):
    """Every heading and paragraph, in order."""
    for section in sections:
        if section.heading is not None:
            yield section.heading
        yield from section.paragraphs


def block_digest(block):
    return hashlib.sha256(block.encode("utf-8")).hexdigest()[:8]


def text_digest(sections):
    """A revision for a text no history holds: `sha256:` and a short digest
    of each heading and paragraph, so that the paragraphs added since can
    still be told."""
    return DIGEST_PREFIX + ".".join(block_digest(block) for block in blocks_of(sections))


def digests_in(revision):
    return set(revision[len(DIGEST_PREFIX):].split("."))


@dataclass
class SectionChange:
    """One section of the source, aligned by its heading, and what changed
    in it: `operations` are (tag, old paragraphs, new paragraphs), tag one
    of "equal", "changed", "added", "removed"."""

    old: Section | None
    new: Section | None
    index: int | None  # its place among the current source's sections
    operations: list = field(default_factory=list)

    @property
    def changed(self):
        return self.old != self.new


@dataclass
class Changes:
    sections: list  # SectionChange, in the current source's order

    def counts(self):
        """{"paragraphs"|"sections": {"added", "removed", "changed"}}"""
        paragraphs = dict.fromkeys(("added", "removed", "changed"), 0)
        sections = dict(paragraphs)
        for change in self.sections:
            if change.old is None:
                sections["added"] += 1
            elif change.new is None:
                sections["removed"] += 1
            elif change.changed:
                sections["changed"] += 1
            for tag, old, new in change.operations:
                if tag == "changed":
                    paragraphs["changed"] += min(len(old), len(new))
                    surplus = len(new) - len(old)
                    if surplus:
                        paragraphs["added" if surplus > 0 else "removed"] += abs(surplus)
                elif tag != "equal":
                    paragraphs[tag] += len(old) + len(new)
        return {"paragraphs": paragraphs, "sections": sections}

    @property
    def any(self):
        return any(change.changed for change in self.sections)

    def changed_indices(self):
        """The places, in the current source, of the sections that changed."""
        return [change.index for change in self.sections if change.changed and change.index is not None]


def _paragraph_operations(old, new):
    tags = {"equal": "equal", "replace": "changed", "insert": "added", "delete": "removed"}
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        (tags[tag], old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def compare(old_sections, new_sections):
    """The changes from one text to another, sections aligned by heading
    (a heading reworded in place still pairs with its old self)."""
    matcher = SequenceMatcher(
        None, [s.heading for s in old_sections], [s.heading for s in new_sections], autojunk=False
    )
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = old_sections[i1:i2], new_sections[j1:j2]
        paired = min(len(old), len(new)) if tag in ("equal", "replace") else 0
        for offset in range(paired):
            before, after = old[offset], new[offset]
            changes.append(SectionChange(
                before, after, j1 + offset, _paragraph_operations(before.paragraphs, after.paragraphs)
            ))
        for before in old[paired:]:
            changes.append(SectionChange(before, None, None, [("removed", before.paragraphs, ())]))
        for offset, after in enumerate(new[paired:], start=paired):
            changes.append(SectionChange(None, after, j1 + offset, [("added", (), after.paragraphs)]))
    return Changes(changes)
