"""A synthetic, deterministic corpus: GROUPS articles, each in every
language of the site, each variant about 1,000 words in its language's
script, with 12 to 18 threaded comments (depth up to 4) in the comments
plugin's file format (content/comments/<key>.<lang>.json).

The same seed and GROUPS always write the same bytes, so two runs (or two
machines) measure the same work.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

# Syllables in each language's script, so that words look, sort and slugify
# like the language's own (accents, Welsh circumflexes, Arabic and Greek
# letters), not like ASCII filler.
SYLLABLES = {
    "cy": "ad af all an ar aw byd cae cyn dd dy ei en er ff gw gy ha hw iai "
          "ll lly mae myn ŵr ŷd nad ol on pen rh sy th tr wy ych yn".split(),
    "it": "ca che ci co de di do fa gli gna la le li lo ma me mi mo na ne "
          "no pa pe pi po ra re ri ro sa se so ta te ti to va ve vi zi à è ò".split(),
    "ar": "با بي تا تي ثو جا حا خو دا ذي را زي سا شي صا ضو طا ظي عا غو فا "
          "قي كا لا لي ما مي نا ني ها وا يا ة".split(),
    "el": "κα κε κο λα λε λο μα με μι να νε νο πα πε πο ρα ρε σα σε σο τα "
          "τε τη το φα χα ψη ωσ ία ής ού ά έ".split(),
}
QUESTION = {"ar": "؟", "el": ";"}
WORDS_PER_VARIANT = 1000
CATEGORIES_PER_LANGUAGE = 6
TAGS_PER_LANGUAGE = 40
START = datetime(2015, 1, 1, 9, 0)


class Vocabulary:
    """A fixed pool of words per language, built from its syllables."""

    def __init__(self, lang: str, rng: random.Random, size: int = 3000):
        syllables = SYLLABLES[lang]
        words = set()
        while len(words) < size:
            words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
        self.words = sorted(words)
        self.categories = self.words[:CATEGORIES_PER_LANGUAGE]
        self.tags = self.words[CATEGORIES_PER_LANGUAGE:CATEGORIES_PER_LANGUAGE + TAGS_PER_LANGUAGE]

    def sentence(self, rng: random.Random, lang: str, words: int) -> str:
        chosen = [rng.choice(self.words) for _ in range(words)]
        chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
        end = QUESTION.get(lang, "?") if rng.random() < 0.1 else "."
        return " ".join(chosen) + end


def _paragraphs(vocabulary, rng, lang, total_words):
    """Markdown body: paragraphs of sentences, a heading every few, a list
    now and then; about total_words words."""
    blocks, written = [], 0
    while written < total_words:
        if blocks and rng.random() < 0.15:
            blocks.append("## " + vocabulary.sentence(rng, lang, rng.randint(3, 6)).rstrip(".?;؟"))
        if rng.random() < 0.1:
            items = [vocabulary.sentence(rng, lang, rng.randint(4, 9)) for _ in range(3)]
            blocks.append("\n".join(f"- {item}" for item in items))
            written += sum(len(item.split()) for item in items)
        sentences = [vocabulary.sentence(rng, lang, rng.randint(8, 20)) for _ in range(rng.randint(3, 6))]
        blocks.append(" ".join(sentences))
        written += sum(len(sentence.split()) for sentence in sentences)
    return "\n\n".join(blocks)


def _comments(vocabulary, rng, lang, published, count):
    """count comments as the comments plugin stores them; replies nest at
    most 4 deep (a top-level comment is depth 1)."""
    comments, depth = [], {}
    for number in range(1, count + 1):
        parent = None
        candidates = [c["id"] for c in comments if depth[c["id"]] < 4]
        if candidates and rng.random() < 0.6:
            parent = rng.choice(candidates)
        comment_id = str(number)
        depth[comment_id] = 1 if parent is None else depth[parent] + 1
        date = published + timedelta(hours=number * rng.randint(1, 30))
        body = "".join(
            f"<p>{vocabulary.sentence(rng, lang, rng.randint(6, 25))}</p>"
            for _ in range(rng.randint(1, 3))
        )
        comments.append({
            "id": comment_id,
            "parent": parent,
            "author": vocabulary.sentence(rng, lang, 2).rstrip(".?;؟"),
            "author_url": f"https://reader{number}.example/" if rng.random() < 0.3 else None,
            "date": date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "format": "html",
            "body": body,
        })
    return comments


SERIES_LENGTH = 10


def generate(content: Path, groups: int, languages: list[str], seed: int = 2024) -> dict:
    """Write the corpus under content/ and return counts."""
    articles_dir = content / "articles"
    comments_dir = content / "comments"
    articles_dir.mkdir(parents=True, exist_ok=True)
    comments_dir.mkdir(parents=True, exist_ok=True)
    vocabularies = {lang: Vocabulary(lang, random.Random(f"{seed}-{lang}")) for lang in languages}
    documents = comments = words = 0
    for group in range(groups):
        key = f"bench-{group:05d}"
        published = START + timedelta(days=group, minutes=group % 60)
        (articles_dir / key).mkdir(exist_ok=True)
        # Every SERIES_LENGTH articles make a series, titled in each language.
        series = f"bench-series-{group // SERIES_LENGTH:04d}"
        if group % SERIES_LENGTH == 0:
            (content / "series" / series).mkdir(parents=True, exist_ok=True)
            for lang in languages:
                rng = random.Random(f"{seed}-{series}-{lang}")
                title = vocabularies[lang].sentence(rng, lang, 4).rstrip(".?;؟")
                (content / "series" / series / f"{series}.{lang}.md").write_text(
                    f"Title: {title}\n", encoding="utf-8"
                )
        for lang in languages:
            rng = random.Random(f"{seed}-{key}-{lang}")
            vocabulary = vocabularies[lang]
            body = _paragraphs(vocabulary, rng, lang, WORDS_PER_VARIANT)
            title = vocabulary.sentence(rng, lang, rng.randint(3, 7)).rstrip(".?;؟")
            tags = rng.sample(vocabulary.tags, rng.randint(1, 4))
            header = [
                f"Title: {title}",
                f"Date: {published:%Y-%m-%d %H:%M}",
                f"Category: {rng.choice(vocabulary.categories)}",
                f"Tags: {', '.join(tags)}",
                f"Summary: {vocabulary.sentence(rng, lang, 15)}",
                "Author: Bench Author",
                f"Series: {series}",
                f"Series_index: {group % SERIES_LENGTH + 1}",
            ]
            text = "\n".join(header) + "\n\n" + body + "\n"
            (articles_dir / key / f"{key}.{lang}.md").write_text(text, encoding="utf-8")
            thread = _comments(vocabulary, rng, lang, published, rng.randint(12, 18))
            (comments_dir / f"{key}.{lang}.json").write_text(
                json.dumps({"comments": thread}, ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
            documents += 1
            comments += len(thread)
            words += len(body.split())
    return {"groups": groups, "documents": documents, "comments": comments, "words": words}


def touch_one_article(content: Path, run: int) -> Path:
    """Change one source file (the same one each time, a new sentence each
    run): what an author does before an incremental rebuild."""
    path = sorted((content / "articles").glob("*/*.md"))[0]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\nEdit {run}.\n", encoding="utf-8")
    return path


def add_one_comment(content: Path, run: int) -> Path:
    """Add a comment to one thread (the same file each time): what an
    import or a hand edit does before a rebuild."""
    path = sorted((content / "comments").glob("*.json"))[0]
    thread = json.loads(path.read_text(encoding="utf-8"))
    thread["comments"].append({
        "id": f"bench-edit-{run}", "parent": None, "author": "Bench Reader", "author_url": None,
        "date": "2025-01-01T00:00:00Z", "format": "html", "body": f"<p>Edit {run}.</p>",
        "removed": False,
    })
    path.write_text(json.dumps(thread, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
