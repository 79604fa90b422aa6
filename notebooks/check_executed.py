"""Checks an executed notebook: every code cell ran, no cell has an error output, each expected string is in
some output of its kind, and there are at least MIN_IMAGES image outputs (image/svg+xml or image/png).

    check_executed.py EXECUTED.ipynb [--images N] [html:TEXT | text:TEXT ...]

html:TEXT looks in text/html outputs, text:TEXT in stream and text/plain outputs. Prints one line per failure and a
summary; exits 1 on any failure. Uses only the standard library (json), so any python3 runs it."""
import json
import sys


def joined(value):
    return "".join(value) if isinstance(value, list) else str(value)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path, args = argv[1], argv[2:]
    min_images = 1
    expected = []
    i = 0
    while i < len(args):
        if args[i] == "--images":
            min_images = int(args[i + 1])
            i += 2
            continue
        kind, _, text = args[i].partition(":")
        if kind not in ("html", "text") or not text:
            print(f"notebook check: bad expectation {args[i]!r} (html:TEXT or text:TEXT)", file=sys.stderr)
            return 2
        expected.append((kind, text))
        i += 1

    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    failures = []
    html, text = [], []
    images = code_cells = outputs = 0
    for n, cell in enumerate(nb["cells"], 1):
        if cell["cell_type"] != "code":
            continue
        code_cells += 1
        if cell.get("execution_count") is None:
            failures.append(f"cell {n} did not run")
        for out in cell.get("outputs", []):
            outputs += 1
            if out["output_type"] == "error":
                failures.append(f"cell {n}: error output {out.get('ename')}: {out.get('evalue')}")
            elif out["output_type"] == "stream":
                text.append(joined(out.get("text", "")))
            data = out.get("data", {})
            if "text/html" in data:
                html.append(joined(data["text/html"]))
            if "text/plain" in data:
                text.append(joined(data["text/plain"]))
            if "image/svg+xml" in data or "image/png" in data:
                images += 1
    for kind, want in expected:
        pool = html if kind == "html" else text
        if not any(want in o for o in pool):
            failures.append(f"no {kind} output contains {want!r}")
    if images < min_images:
        failures.append(f"{images} image outputs, expected at least {min_images}")
    for f in failures:
        print("notebook check: FAILED: " + f)
    print(f"notebook check: {path}: {code_cells} code cells, {outputs} outputs ({len(html)} tables or HTML, "
          f"{images} images), {len(expected)} expected values, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
