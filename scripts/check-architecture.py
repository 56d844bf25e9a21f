#!/usr/bin/env python3
"""The house rules of docs/architecture.md, checked from the sources (run by .ci/run; exits 1 with one line per problem).

1. Every module a target imports is declared in its Package.swift entry (a target of ours, a product it names, or
   the toolchain's own), so no target leans on what another package happens to link.
2. No reflection SPI (`_forEachField`, `_openExistential`, `@_spi(Reflection)`) anywhere under Sources.
3. No type named `...Repository` is constructed in LumbarWeb: routes reach storage through the repositories wired
   once (`AppServices.repositories`), never by building their own. Nor does a route call another route's code: what
   two routes share is a use case (LumbarClinic) or a page's builder (Pages/).
4. LumbarClinic, the use cases, depends (directly or through our other targets) on nothing that speaks HTTP or SQL.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# What the toolchain provides without a package.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Dispatch", "Synchronization",
             "Glibc", "Musl", "Darwin", "Testing", "XCTest", "Swift", "_Concurrency", "os"}
# Modules LumbarClinic may never reach: the web stack, the storage engine and their foundations.
FORBIDDEN_FOR_CLINIC = re.compile(r"^(Hummingbird\w*|LumbarStorage|LumbarWeb|SQL\w*|SQLite\w*|Postgres\w*|NIO\w*|AsyncKit|"
                                  r"OpenAPI\w*|Mustache|CSQLite|HTTPTypes|ServiceLifecycle)$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def targets(manifest):
    """Each target's name, kind, source folder and the module names its entry declares."""
    found = {}
    pattern = re.compile(r"\.(target|testTarget|executableTarget|systemLibrary)\(\s*name:\s*\"([^\"]+)\"")
    starts = list(pattern.finditer(manifest))
    for index, match in enumerate(starts):
        kind, name = match.groups()
        end = starts[index + 1].start() if index + 1 < len(starts) else len(manifest)
        body = manifest[match.end():end]
        path = re.search(r"path:\s*\"([^\"]+)\"", body)
        folder = path.group(1) if path else ("Tests/" if kind == "testTarget" else "Sources/") + name
        deps = re.search(r"dependencies:\s*\[(.*?)\]\s*,?\s*(?:path|resources|swiftSettings|linkerSettings|plugins|exclude|\))", body, re.S)
        declared = set()
        if deps:
            text = deps.group(1)
            declared |= set(re.findall(r"\.product\(\s*name:\s*\"([^\"]+)\"", text))
            without_products = re.sub(r"\.product\([^)]*\)", "", text)
            declared |= set(re.findall(r"\"([^\"]+)\"", without_products))
        found[name] = {"kind": kind, "folder": folder, "declared": declared}
    return found


def main():
    problems = []
    manifest = strip_comments((ROOT / "Package.swift").read_text())
    all_targets = targets(manifest)

    for name, target in sorted(all_targets.items()):
        if target["kind"] == "systemLibrary":
            continue
        allowed = target["declared"] | TOOLCHAIN | {name}
        for source in sorted((ROOT / target["folder"]).rglob("*.swift")):
            text = strip_comments(source.read_text())
            for number, line in enumerate(text.splitlines(), 1):
                found = re.match(r"\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_]\w*)", line)
                if found and found.group(1) not in allowed:
                    problems.append(f"{source.relative_to(ROOT)}:{number}: imports {found.group(1)}, which target {name} does not declare in Package.swift")

    for source in sorted((ROOT / "Sources").rglob("*.swift")):
        text = source.read_text()
        for number, line in enumerate(text.splitlines(), 1):
            for word in ("_forEachField", "_openExistential", "@_spi(Reflection)"):
                if word in line:
                    problems.append(f"{source.relative_to(ROOT)}:{number}: uses the reflection SPI {word}")

    for source in sorted((ROOT / "Sources/LumbarWeb").rglob("*.swift")):
        text = strip_comments(source.read_text())
        for number, line in enumerate(text.splitlines(), 1):
            for built in re.findall(r"(?<![\w.])([A-Z]\w*Repository)\s*(?:\.init)?\(", line):
                problems.append(f"{source.relative_to(ROOT)}:{number}: constructs {built}; use the repositories wired in AppServices")
            if source.name != "Application+build.swift":
                for called in re.findall(r"(?<![\w.])([A-Z]\w*Routes)\s*\(\s*services[^)]*\)\s*\.", line):
                    problems.append(f"{source.relative_to(ROOT)}:{number}: calls into {called}; share a use case or a page builder instead")

    clinic = all_targets.get("LumbarClinic")
    if clinic is None:
        problems.append("Package.swift: there is no LumbarClinic target")
    else:
        seen, queue = {"LumbarClinic"}, ["LumbarClinic"]
        while queue:
            current = queue.pop()
            for dependency in all_targets.get(current, {"declared": set()})["declared"]:
                if FORBIDDEN_FOR_CLINIC.match(dependency):
                    via = "" if current == "LumbarClinic" else f" (through {current})"
                    problems.append(f"Package.swift: LumbarClinic depends on {dependency}{via}")
                if dependency in all_targets and dependency not in seen:
                    seen.add(dependency)
                    queue.append(dependency)

    for problem in problems:
        print(problem)
    if problems:
        print(f"check-architecture: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check-architecture: imports declared, no reflection SPI, no repository built in LumbarWeb, LumbarClinic free of HTTP and SQL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
