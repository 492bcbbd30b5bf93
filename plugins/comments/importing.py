"""One import: read an export, keep what belongs on our pages, thread it, store it.

Everything is decided in memory first and the files are written only when
the whole import succeeded. Re-importing is idempotent: a comment already in
its file (by id) is reported as a duplicate and the file is left as it is,
hand edits included; a comment an import wrote and someone deleted from the
file since (its id is in the file's "imported" list) is not brought back.
What the build would refuse is never written: a reply loop is broken (one
of its comments made top-level) and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from plugins.variants.grouping import VariantError

from . import store
from .importers import READERS
from .matching import Matcher, read_articles, read_map
from .model import Comment, ImportFailure, SourceComment, Variant
from .report import Report
from .threads import canonical_order, natural_key, placeholders_for, reply_loops


@dataclass
class ImportOptions:
    source: Path
    format: str
    # The site's Pelican settings: PATH (the content folder), COMMENTS_PATH,
    # LANGUAGES and ARTICLE_PATHS say where articles and comments are.
    settings: dict = field(default_factory=dict)
    lang: str | None = None
    map_file: Path | None = None
    include_pending: bool = False
    include_pingbacks: bool = False
    dry_run: bool = False


@dataclass
class _Incoming:
    """What one import brings to one comments file."""

    comments: list[Comment] = field(default_factory=list)
    # Every read comment's stored id -> its parent's, kept or not, so a
    # placeholder for a skipped parent can hang where that parent hung.
    lineage: dict[str, str | None] = field(default_factory=dict)
    thread_of: dict[str, str] = field(default_factory=dict)  # stored id -> its thread


def run_import(options: ImportOptions) -> Report:
    if options.format not in READERS:
        raise ImportFailure(f"unknown format {options.format!r}; use one of {', '.join(READERS)}")
    if not options.source.exists():
        raise ImportFailure(f"{options.source}: not found; check --source")
    content = Path(options.settings["PATH"])
    try:
        articles = read_articles(options.settings)
    except VariantError as error:
        raise ImportFailure(str(error)) from None
    if not articles:
        raise ImportFailure(f"{content}: no articles found; check --content")
    mapping = read_map(options.map_file, articles) if options.map_file else {}
    matcher = Matcher(articles, mapping, options.lang)
    report = Report(source=str(options.source), format=options.format, dry_run=options.dry_run)

    incoming: dict[Variant, _Incoming] = {}
    # Where each thread's comments go; a thread's post is matched once.
    thread_targets: dict[str, tuple[Variant | None, str | None]] = {}
    for found in READERS[options.format](options.source, report.repaired):
        report.read += 1
        if found.thread not in thread_targets:
            thread_targets[found.thread] = matcher.match(found.post)
        variant, no_match = thread_targets[found.thread]
        if variant is not None:
            incoming.setdefault(variant, _Incoming()).lineage.setdefault(found.stored_id, found.parent_stored_id)
        reason = found.unusable or _reason_to_skip(found, options) or no_match
        if reason:
            report.skip(reason)
            continue
        for problem in found.problems:
            report.warn(problem, f"comment {found.source_id} ({found.thread})")
        batch = incoming[variant]
        if batch.thread_of.setdefault(found.stored_id, found.thread) != found.thread:
            # Two posts mapped to one article reuse an id (merged WordPress blogs).
            report.skip("id reused by another post of the same article")
            continue
        batch.comments.append(found.as_comment(found.parent_stored_id))

    comments_dir = content / options.settings.get("COMMENTS_PATH", "comments")
    changed: dict[Path, str] = {}
    article_files = {article.variant: article.path for article in articles}
    for variant, batch in sorted(incoming.items()):
        try:
            path = store.file_for(comments_dir, variant)
        except store.UnfitKeyError as error:
            raise ImportFailure(f"{article_files[variant]}: {error} (nothing was imported)") from None
        try:
            existing = store.load_file(path)
        except store.CommentsFileError as error:
            raise ImportFailure(f"{error} (nothing was imported)") from None
        merged, imported, added = _merge(existing, batch, report, path)
        if added:
            report.files[str(path)] = added
        text = store.dumps(canonical_order(merged), imported)
        if added and text != store.dumps(existing.comments, existing.imported or ()):
            changed[path] = text
    if not report.reconciles:  # a bug here must never write a miscounted import
        raise ImportFailure(f"internal error: counts do not reconcile: {report.as_dict()}")
    if not options.dry_run:
        store.write_all(changed)
    return report


def _reason_to_skip(found: SourceComment, options: ImportOptions) -> str | None:
    if found.status == "pending" and options.include_pending:
        pass
    elif found.status != "approved":
        return found.status
    if found.kind in ("pingback", "trackback"):
        return None if options.include_pingbacks else found.kind
    if found.kind != "comment":
        return f"type {found.kind}"
    return None


def _merge(
    existing: store.CommentsFile, batch: _Incoming, report: Report, path: Path
) -> tuple[list[Comment], set[str], int]:
    """``existing`` plus what is new in ``batch``: (comments, the ids imports
    have written to the file, how many were added now)."""
    by_id = {comment.id: comment for comment in existing.comments}
    # A file written before imports kept their record: what it holds was imported.
    imported = set(existing.imported) if existing.imported is not None else {
        comment.id for comment in existing.comments if not comment.is_placeholder
    }
    added = []
    for comment in batch.comments:
        held = by_id.get(comment.id)
        # A placeholder written by an earlier import is filled in when the
        # comment turns up (approved since); anything else is already there,
        # or was imported before and deleted from the file by hand.
        if held is not None and not held.is_placeholder:
            report.skip("duplicate")
            continue
        if comment.id in imported:
            report.skip("deleted from its comments file, stays deleted")
            continue
        by_id[comment.id] = comment
        added.append(comment)
        report.imported += 1
    placeholders = placeholders_for(added, set(by_id), batch.lineage)
    for placeholder in placeholders:
        by_id[placeholder.id] = placeholder
    report.placeholders += len(placeholders)
    _break_loops(by_id, {comment.id for comment in added + placeholders}, report, path)
    return list(by_id.values()), imported | {comment.id for comment in added}, len(added)


def _break_loops(by_id: dict[str, Comment], new: set[str], report: Report, path: Path) -> None:
    """Make one comment of each reply loop top-level: the build refuses a
    loop. The file held none, so each loop has a comment of this import;
    a placeholder (whose parent was only a guess) is cut first."""
    for loop in reply_loops({comment_id: comment.parent for comment_id, comment in by_id.items()}):
        cut = min((i for i in loop if i in new), key=lambda i: (not by_id[i].is_placeholder, natural_key(i)))
        by_id[cut] = replace(by_id[cut], parent=None)
        report.warn(
            "reply loop (a comment its own ancestor): one of its comments made top-level",
            f"comment {cut} in {path.name} (loop {' > '.join(loop[:4])}{' > ...' if len(loop) > 4 else ''})",
        )
