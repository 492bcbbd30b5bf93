"""The article text of each seed capture, read from the capture itself (not
from our Markdown), so tests can check that nothing was lost."""

import re
from dataclasses import dataclass

from sitebuild import SEEDS


@dataclass(frozen=True)
class Seed:
    file: str
    lang: str
    key: str
    # The first line after the article text: page chrome starts there.
    end_marker: str


SEED_ARTICLES = [
    Seed("000_6f5ff5c092c9b57c.txt", "cy", "is-it-engagement", "8 Sylwadau"),
    Seed("001_20724e0842303849.txt", "it", "is-it-engagement", "Commenti"),
    Seed("002_db9b275aa5350d36.txt", "cy", "five-misconceptions", "Un sylw"),
    Seed("003_8a1ee36ca0badbce.txt", "ar", "lost-its-way", "المقال السابق «"),
    Seed("004_c718ffe56d89a53f.txt", "el", "marketing-failing", "16 Σχόλια"),
]

LIST_MARKER = re.compile(r"^\s*(?:\d+\.|•)\s+")

# Where the capture broke the text and the source mends it (content/README.md
# lists each): (what the capture has, what the page has instead).
MENDED = {
    "000": [
        ("Heddiw mae'n dal i fod yn broblem yn ein diwydiant felly rwyf wedi dilyn y fideo isod.",
         "Heddiw mae'n dal i fod yn broblem yn ein diwydiant."),
        ("PPS: Diolch i Sinema Ablog am gynhyrchu'r fideo ysblennydd hwn! ", "PPS: "),
    ],
    "001": [
        ("Oggi è ancora un problema nel nostro settore, quindi l'ho seguito con il video qui sotto.",
         "Oggi è ancora un problema nel nostro settore."),
        ("PPS: Grazie a Ablog Cinema per aver prodotto questo video spettacolare! ", "PPS: "),
    ],
    "003": [
        (" اتخذت المسوقين وسائل الاعلام الاجتماعية من هذا:", ""),
        ("الى هذا:", ""),
        ("صورة الائتمان: NASAblueshift", ""),
    ],
    "004": [("Τζόναθαν Σάλεμ ΜπάσκινΠέρυσι", "Πέρυσι")],
}


def normalise(text):
    return " ".join(text.split())


def capture_title(seed):
    lines = [line for line in (SEEDS / seed.file).read_text("utf-8").splitlines()]
    # 003 opens with breadcrumbs ("• رئيسي › ..."): the title follows them.
    return next(line for line in lines if line.strip() and not line.lstrip().startswith("•"))


def article_paragraphs(seed):
    """The capture's article paragraphs, in order, without the title, the
    subtitle (the captures' second line, which is the Summary), breadcrumbs
    or anything from the comment heading on."""
    text = (SEEDS / seed.file).read_text("utf-8")
    title = capture_title(seed)
    body = text.split(title, 2)[-1] if seed.lang == "ar" else text.split(title, 1)[1]
    body = body.split("\n" + seed.end_marker, 1)[0]
    blocks = [block for block in re.split(r"\n\s*\n", body) if block.strip()]
    if seed.lang != "ar":
        blocks = blocks[1:]  # the subtitle / lead / caption
    paragraphs = []
    for block in blocks:
        # List items and the two-line definitions are lines of their own.
        for line in block.splitlines():
            line = LIST_MARKER.sub("", line)
            if line.strip():
                paragraphs.append(normalise(line))
    for captured, mended in MENDED.get(seed.file[:3], []):
        assert any(captured in paragraph for paragraph in paragraphs), captured
        paragraphs = [paragraph.replace(captured, mended) for paragraph in paragraphs]
    return [paragraph for paragraph in paragraphs if paragraph]
