"""A translation's provenance: the variant it was translated from
(`Translated_from: <lang>`) and that variant's revision when the
translation last followed it (`Source_revision:`), and what the source's
text did since.

A revision is the git blob id of the source file when the file is
committed as it is (git can give that text back, offline, for `make
diff`), else `sha256:` and a digest of each of its headings and paragraphs
(blocks.text_digest), which tells at least which paragraphs are new.
"""

import os
import re
from dataclasses import dataclass

from plugins.errors.exceptions import author_path
from plugins.reading.reader import metadata_line

from .blocks import DIGEST_PREFIX, blocks_of, block_digest, compare, digests_in, read_sections, text_digest
from .grouping import VariantError
from .history import blob_id, blob_text, committed_blob, file_history, in_work_tree

TRANSLATED_FROM = "translated_from"
SOURCE_REVISION = "source_revision"
BLOB = re.compile(r"[0-9a-f]{40}")
DIGEST = re.compile(re.escape(DIGEST_PREFIX) + r"[0-9a-f]{8}(\.[0-9a-f]{8})*")


class ProvenanceError(VariantError):
    """A Translated_from: or Source_revision: line that cannot hold."""


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def current_revision(path):
    """The source file's revision now: its blob id if committed as it is,
    else the digest of its text."""
    return committed_blob(path) or text_digest(read_sections(read_text(path)))


def located(path, field_name, settings):
    """path:line of a metadata line, for messages."""
    shown = author_path(path, settings)
    line = metadata_line(path, field_name)
    return f"{shown}:{line}" if line else shown


def source_languages(group_key, variants, settings):
    """{lang: the lang it is translated from} for the variants that name a
    source (`variants`: {lang: (path, Translated_from value or None)});
    ProvenanceError for a source in the same language, one the article has
    no variant in, or a cycle."""
    problems, sources = [], {}
    for lang, (path, source) in variants.items():
        if not source:
            continue
        source = str(source).strip()
        where = located(path, "Translated_from", settings)
        if source == lang:
            problems.append(
                f"{where}: Translated_from: {source} is this file's own language. Name the "
                "language of the variant it was translated from, or delete the line if it is the original."
            )
        elif source not in variants:
            others = ", ".join(code for code in variants if code != lang) or "none"
            problems.append(
                f"{where}: Translated_from: {source} names no variant of {group_key!r} (it has: {others}). "
                "Name the language of the variant it was translated from."
            )
        else:
            sources[lang] = source
    for lang in sources:
        chain, seen = [lang], {lang}
        while chain[-1] in sources:
            following = sources[chain[-1]]
            chain.append(following)
            if following in seen:
                if following == lang and lang == min(chain[:-1]):  # each cycle once
                    problems.append(
                        f"{located(variants[lang][0], 'Translated_from', settings)}: Translated_from lines "
                        f"go round in a cycle ({' → '.join(chain)}). Delete the line in the original."
                    )
                break
            seen.add(following)
    if problems:
        raise ProvenanceError("\nERROR: ".join(problems))
    return sources


@dataclass
class SourceChanges:
    """What the source's text did since the translation's revision."""

    source_path: str
    revision: str  # as the translation records it
    current: str  # the source's revision now
    changes: object  # blocks.Changes, or None when the old text cannot be had
    new_paragraphs: list  # for a digest: the blocks that are new since
    stale: bool

    def counts(self):
        return self.changes.counts() if self.changes is not None else None


def _baseline(source_path, revision):
    """The source's sections to compare with: those at the recorded
    revision, moved on past the commits after it that are minor or leave
    the text as it was (their changes are not news to a translator), up to
    the first that changes the text. None when git does not know the blob."""
    directory = os.path.dirname(source_path)
    text = blob_text(directory, revision)
    if text is None:
        return None
    sections = read_sections(text)
    history = file_history(source_path)  # newest first
    position = next((n for n, version in enumerate(history) if version.blob == revision), 0)
    for version in reversed(history[:position]):
        later = blob_text(directory, version.blob)
        if later is None:  # the file deleted then
            break
        later_sections = read_sections(later)
        if not version.minor and later_sections != sections:
            break
        sections = later_sections
    return sections


def source_changes(source_path, revision, where, settings, how_to_record):
    """SourceChanges since `revision`; ProvenanceError (at `where`, the
    translation's Source_revision line) for a revision that names nothing."""
    revision = str(revision).strip()
    text_now = read_text(source_path)
    sections_now = read_sections(text_now)
    current = current_revision(source_path)
    shown_source = author_path(source_path, settings)
    if DIGEST.fullmatch(revision):
        known = digests_in(revision)
        new = [block for block in blocks_of(sections_now) if block_digest(block) not in known]
        return SourceChanges(source_path, revision, current, None, new, text_digest(sections_now) != revision)
    if not BLOB.fullmatch(revision):
        raise ProvenanceError(
            f"{where}: Source_revision: {revision!r} is neither a git blob id nor a {DIGEST_PREFIX} digest. "
            f"{how_to_record}"
        )
    with open(source_path, "rb") as handle:
        unchanged = revision == blob_id(handle.read())
    if unchanged:
        return SourceChanges(source_path, revision, current, compare(sections_now, sections_now), [], False)
    if not in_work_tree(os.path.dirname(source_path)):
        # A copy without its history: that the source changed is all there is to say.
        return SourceChanges(source_path, revision, current, None, [], True)
    baseline = _baseline(source_path, revision)
    if baseline is None:
        raise ProvenanceError(
            f"{where}: Source_revision: {revision} is no revision git knows of {shown_source}. "
            f"{how_to_record}"
        )
    changes = compare(baseline, sections_now)
    return SourceChanges(source_path, revision, current, changes, [], changes.any)
