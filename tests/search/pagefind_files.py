"""What Pagefind wrote for a site, for the tests: its entry file (the
languages and their page counts) and each page's fragment (gzip: a
"pagefind_dcd" signature, then the page's JSON record: url, content,
filters, meta), as Pagefind 1.5 writes them."""

import gzip
import json

SIGNATURE = b"pagefind_dcd"


def entry(output):
    return json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def fragments(output):
    """[(language, record)] of every indexed page; a fragment's file name
    starts with its index's language (cy_4c441e8.pf_fragment)."""
    records = []
    for path in sorted((output / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        records.append((path.name.split("_")[0], json.loads(data[len(SIGNATURE):])))
    return records
