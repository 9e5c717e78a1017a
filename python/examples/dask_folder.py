"""Converts every *.md of a folder to TEI in parallel with a Dask bag (docs/python.md).

    python3 dask_folder.py IN_FOLDER OUT_FOLDER

archmark releases the GIL while parsing and writing, so Dask's default threaded scheduler runs
the conversions in parallel, with no process start-up or pickling.
"""
import sys
from pathlib import Path

import dask.bag as db

import archmark


def convert(path: str, out_folder: Path) -> dict:
    text = Path(path).read_text(encoding="utf-8")
    doc = archmark.parse(text)
    out = out_folder / (Path(path).stem + ".xml")
    out.write_text(archmark.to_tei(doc), encoding="utf-8")
    return {
        "file": Path(path).name,
        "redactions": len(doc.find_all("redaction")),
        "problems": sum(d.severity in ("warning", "error") for d in archmark.check(text)),
    }


def main() -> int:
    in_folder, out_folder = Path(sys.argv[1]), Path(sys.argv[2])
    out_folder.mkdir(parents=True, exist_ok=True)
    paths = sorted(str(p) for p in in_folder.glob("*.md"))
    bag = db.from_sequence(paths, npartitions=4).map(convert, out_folder=out_folder)
    results = bag.compute(scheduler="threads")
    for r in sorted(results, key=lambda r: r["file"]):
        print(f"{r['file']}: {r['redactions']} redactions, {r['problems']} warnings or errors")
    print(f"{len(results)} files, {sum(r['redactions'] for r in results)} redactions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
