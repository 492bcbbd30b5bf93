"""What Pagefind wrote for a site, for the tests: each language's bundles
(output/pagefind/<lang>/ and output/pagefind/<lang>.<n>/), their entry file (the language and its page
count) and each page's fragment (gzip: a "pagefind_dcd" signature, then
the page's JSON record: url, content, filters, meta), as Pagefind 1.5
writes them."""

import gzip
import json

import cbor2

SIGNATURE = b"pagefind_dcd"


def bundles(output):
    """{name: folder} of the site's bundles (a language's first is named
    by its code, the others <code>.<n>)."""
    return {folder.name: folder for folder in sorted((output / "pagefind").iterdir())}


def language_of(bundle):
    return bundle.split(".")[0]


def entry(output):
    """The languages of every bundle and their pages, as one entry file
    would list them."""
    languages = {}
    for name, folder in bundles(output).items():
        found = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(found["languages"]) == {language_of(name)}, folder
        for lang, data in found["languages"].items():
            languages.setdefault(lang, {"page_count": 0})["page_count"] += data["page_count"]
    return {"languages": languages}


def decoded(path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    return data[len(SIGNATURE):]


def fragments(output):
    """[(language, record)] of every indexed page."""
    records = []
    for name, folder in bundles(output).items():
        for path in sorted((folder / "fragment").glob("*.pf_fragment")):
            records.append((language_of(name), json.loads(decoded(path))))
    return records


def comparable(folder):
    """A bundle's files as {name: content}, where Pagefind's order of filter
    values (random on each run: it writes them from a hash map) is taken
    out: the filter files decoded into {filter: {value: sorted pages}}, and
    the names that hash them (meta file, entry) masked."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        if name.startswith("filter/"):
            filter_name, values = cbor2.loads(decoded(path))
            files[f"filter:{filter_name}"] = {value: sorted(pages) for value, pages in values}
        elif name.endswith(".pf_meta"):
            meta = cbor2.loads(decoded(path))
            meta[3] = sorted(name for name, _ in meta[3])  # [filter, file hash]
            files["meta"] = meta
        elif name == "pagefind-entry.json":
            found = json.loads(path.read_text(encoding="utf-8"))
            for language in found["languages"].values():
                del language["hash"]
            files[name] = found
        else:
            files[name] = path.read_bytes()
    return files
