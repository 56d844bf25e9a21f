#!/usr/bin/env python3
"""Checks that page models reach swift-mustache without reflection.

Fails (exit 1, one line per problem, `file:line: message`) when
- a struct conforming to `MustacheParent` has a stored property without a matching `case "name"` in its
  `child(named:)`, or its conformance is not written where it belongs (a LumbarWeb struct: in the struct's own
  file; a LumbarCore struct: in Sources/LumbarWeb/Views/CoreModels+Mustache.swift);
- a struct templates read does not conform at all (every struct under Sources/LumbarWeb/Pages, every struct in
  MODEL_FILES, and MODEL_TYPES, the LumbarCore types page models hold);
- `_forEachField`, `_openExistential` or `@_spi(Reflection)` appears anywhere under Sources;
- a template does not begin with `{{% CONTENT_TYPE: LUMBAR_HTML}}` (the project's own HTML escaping).

A case must answer with its own property: `case "x": x` (a nil optional then answers nil, so the renderer looks
further up the context stack, as it did when reflection left nil optionals out).

Usage: python3 scripts/check_views.py [repository root]   (stdlib only)
"""
import os
import re
import sys

FORBIDDEN = ["_forEachField", "_openExistential", "@_spi(Reflection)"]
PRAGMA = "{{% CONTENT_TYPE: LUMBAR_HTML}}"
CORE_FILE = os.path.join("Sources", "LumbarWeb", "Views", "CoreModels+Mustache.swift")
WEB_DIR = os.path.join("Sources", "LumbarWeb")
CORE_DIRS = [os.path.join("Sources", "LumbarCore")]
PAGES_DIR = os.path.join(WEB_DIR, "Pages")
# Files of template models outside Pages/: every struct in them is read by a template.
MODEL_FILES = [os.path.join(WEB_DIR, name) for name in [
    "Views/Chrome.swift", "Intake/QuestionView.swift", "Visits/VisitPage.swift", "SelfCare/HandoutPage.swift"]]
# Other types page models hold and templates read fields of.
MODEL_TYPES = ["Client", "Account", "ClinicProfile", "FieldProblem", "TriageAdvice"]


def blank(text):
    """The text with comments and string literals turned to spaces (newlines kept), so offsets and lines still match."""
    out = list(text)
    i, n = 0, len(text)

    def wipe(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            wipe(i, j)
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            wipe(i, j)
            i = j
        elif c == '"' or (c == "#" and re.match(r'#+"', text[i:])):
            j = i
            hashes = 0
            while text[j] == "#":
                hashes, j = hashes + 1, j + 1
            triple = text.startswith('"""', j)
            quote = '"""' if triple else '"'
            close = quote + "#" * hashes
            j += len(quote)
            # Walk to the closing quote, skipping escapes and nested interpolations (which may hold strings).
            depth = 0
            while j < n:
                if depth == 0 and text.startswith(close, j):
                    j += len(close)
                    break
                ch = text[j]
                if ch == "\\" and text.startswith("\\" + "#" * hashes + "(", j):
                    depth += 1
                    j += 2 + hashes
                    continue
                if ch == "\\" and hashes == 0:
                    j += 2
                    continue
                if depth:
                    if ch == "(":
                        depth += 1
                    elif ch == ")":
                        depth -= 1
                    elif ch == '"':
                        # a string inside an interpolation: skip it
                        k = j + 1
                        while k < n and text[k] != '"':
                            k += 2 if text[k] == "\\" else 1
                        j = k
                j += 1
            # keep the quotes themselves, so a line ending in a string does not look like one ending in `=`
            wipe(i + 1, j - 1)
            i = j
        else:
            i += 1
    return "".join(out)


TYPE_HEADER = re.compile(
    r"(?:^|[\n;}])[ \t]*(?:(?:@[\w.]+(?:\([^)\n]*\))?|public|private|fileprivate|internal|package|final|indirect|nonisolated)\s+)*"
    r"(struct|enum|class|actor|extension|protocol)\s+([A-Za-z_][\w.]*)\s*(<[^{\n]*?>)?\s*(:[^{\n]*)?(\bwhere\b[^{\n]*)?\s*$")


class Block:
    def __init__(self, start, header, parent):
        self.start = start  # offset of "{"
        self.end = None  # offset of "}"
        self.header = header
        self.parent = parent
        self.children = []
        self.kind = None
        self.name = None
        self.conformances = ""
        m = TYPE_HEADER.search(header)
        if m:
            self.kind, self.name = m.group(1), m.group(2)
            self.conformances = m.group(4) or ""

    def type_path(self):
        names = []
        b = self
        while b is not None:
            if b.kind in ("struct", "enum", "class", "actor", "protocol"):
                names.append(b.name)
            elif b.kind == "extension":
                names.append(b.name)
                break
            elif b.kind is None and b.parent is not None:
                # a local type inside a function body: named by its own name only
                break
            b = b.parent
        return ".".join(reversed(names))


def parse_blocks(clean):
    root = Block(-1, "", None)
    root.end = len(clean)
    stack = [root]
    last_boundary = 0
    for i, c in enumerate(clean):
        if c == "{":
            header = clean[last_boundary:i]
            b = Block(i, header, stack[-1])
            stack[-1].children.append(b)
            stack.append(b)
            last_boundary = i + 1
        elif c == "}":
            if len(stack) > 1:
                stack.pop().end = i
            last_boundary = i + 1
        elif c == ";":
            last_boundary = i + 1
    return root


def walk(block):
    for child in block.children:
        yield child
        yield from walk(child)


PROPERTY = re.compile(
    r"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*((?:(?:public|private|fileprivate|internal|package|static|class|lazy|weak|unowned|"
    r"nonisolated|final|override|(?:private|fileprivate|internal|public|package)\(set\))\s+)*)(let|var)\s+`?(\w+)`?")


def top_level_statements(clean, block):
    """The statements directly inside `block` (not inside nested blocks): (offset, text, following nested block or None)."""
    statements = []
    start = block.start + 1
    i = start
    depth_paren = 0
    children = {c.start: c for c in block.children}
    current_start = start

    def flush(end, following=None):
        text = clean[current_start:end]
        if text.strip():
            statements.append((current_start, text, following))

    while i < block.end:
        if i in children:
            child = children[i]
            flush(i, child)
            i = child.end + 1
            current_start = i
            continue
        c = clean[i]
        if c in "([":
            depth_paren += 1
        elif c in ")]":
            depth_paren -= 1
        elif (c == "\n" or c == ";") and depth_paren <= 0:
            # a line ending in an operator, comma or opening continues on the next line
            before = clean[current_start:i].rstrip()
            if c == ";" or not before.endswith(("=", ",", "->", "&&", "||")):
                flush(i)
                current_start = i + 1
        i += 1
    flush(block.end)
    return statements


def split_top_level(text):
    """`text` split at commas outside brackets: (offset, piece)."""
    pieces, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([<":
            depth += 1
        elif c in ")]>" and not (c == ">" and i > 0 and text[i - 1] == "-"):
            depth -= 1
        elif c == "," and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return pieces


def stored_properties(clean, block):
    """The stored properties declared directly in a struct body: (name, offset, is lazy)."""
    props = []
    for offset, text, following in top_level_statements(clean, block):
        m = PROPERTY.match(text)
        if not m:
            continue
        modifiers = m.group(1).split()
        if "static" in modifiers or "class" in modifiers:
            continue
        rest = text[m.start(3):]
        has_value = "=" in rest.replace("==", "")
        if following is not None and not has_value:
            body = clean[following.start + 1:following.end]
            if not re.search(r"\b(didSet|willSet)\b", body):
                continue  # computed: `var x: T { ... }`
        # `let a, b: T` and `let a: T, b: U` declare several
        for piece_offset, piece in split_top_level(rest):
            name = re.match(r"\s*`?(\w+)`?\s*(?::|=|$)", piece)
            if name:
                props.append((name.group(1), offset + m.start(3) + piece_offset + name.start(1), "lazy" in modifiers))
    return props


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def swift_files(root, directories):
    for directory in directories:
        for base, _, files in os.walk(os.path.join(root, directory)):
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(base, name)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = os.path.abspath(root)
    problems = []

    # 1. No reflection SPI anywhere under Sources.
    for path in swift_files(root, ["Sources"]):
        text = open(path, encoding="utf-8").read()
        for number, line in enumerate(text.split("\n"), 1):
            for word in FORBIDDEN:
                if word in line:
                    problems.append(f"{os.path.relpath(path, root)}:{number}: uses {word}; page models reach templates through MustacheParent")

    # 1b. Every template escapes through the project's HTML escaping (Views/HTMLEscaping.swift), named first.
    templates = os.path.join(root, WEB_DIR, "Assets", "templates")
    for name in sorted(os.listdir(templates)):
        if name.endswith(".mustache") and not open(os.path.join(templates, name), encoding="utf-8").read().startswith(PRAGMA):
            problems.append(f"{os.path.join(WEB_DIR, 'Assets', 'templates', name)}:1: does not begin with {PRAGMA}")

    # 2. Every struct, in LumbarWeb and LumbarCore; every MustacheParent conformance and its child(named:) cases.
    structs = {}  # type path -> list of (path, text, clean, block)
    conformances = []  # (path, text, clean, block, written name, enclosing path, func block)
    for path in swift_files(root, [WEB_DIR] + CORE_DIRS):
        text = open(path, encoding="utf-8").read()
        clean = blank(text)
        tree = parse_blocks(clean)
        for block in walk(tree):
            if block.kind == "struct":
                structs.setdefault(block.type_path(), []).append((path, text, clean, block))
            if block.kind in ("struct", "extension") and re.search(r"\bMustacheParent\b", block.conformances):
                func = None
                for child in block.children:
                    if re.search(r"\bfunc\s+child\s*\(\s*named\b", child.header):
                        func = child
                conformances.append((path, text, clean, block, func))

    # 3. Every template model conforms: each struct under Pages/ and in the model files, and the named types.
    def resolve(block):
        if block.kind == "struct":
            return block.type_path()
        # an extension names a type as seen from where it is written
        written = block.name
        if written in structs:
            return written
        matches = [name for name in structs if name.endswith("." + written)]
        return matches[0] if len(matches) == 1 else None

    conforming = {resolve(block) for path, text, clean, block, func in conformances}
    for type_name, declarations in sorted(structs.items()):
        for path, text, clean, block in declarations:
            rel = os.path.relpath(path, root)
            is_model = rel.startswith(PAGES_DIR + os.sep) or rel in MODEL_FILES or type_name in MODEL_TYPES
            if is_model and type_name not in conforming:
                problems.append(f"{rel}:{line_of(text, block.start)}: {type_name} is read by templates but does not conform to MustacheParent")

    for path, text, clean, block, func in conformances:
        rel = os.path.relpath(path, root)
        where = f"{rel}:{line_of(text, block.start)}"
        type_name = resolve(block)
        if type_name is None:
            problems.append(f"{where}: MustacheParent conformance for {block.name}, which is no struct found under {WEB_DIR} or LumbarCore")
            continue
        if func is None:
            problems.append(f"{where}: {type_name} conforms to MustacheParent without a child(named:) of its own")
            continue
        body = text[func.start:func.end]
        names = set()
        for case in re.finditer(r'\bcase\s+"(\w+)"\s*:\s*(?:self\.)?`?(\w+)`?', body):
            names.add(case.group(1))
            # `case "x": x` (or `self.x`, or `x ?? nil` to flatten a double optional): a case answers with its own property
            if case.group(2) != case.group(1):
                problems.append(f"{rel}:{line_of(text, func.start + case.start())}: case \"{case.group(1)}\" answers with {case.group(2)}, not the property of that name")
        parameter = re.search(r"\bfunc\s+child\s*\(\s*named\s*(\w*)\s*:", func.header)
        parameter = (parameter.group(1) or "named") if parameter else "named"
        for struct_path, struct_text, struct_clean, struct_block in structs[type_name]:
            struct_rel = os.path.relpath(struct_path, root)
            in_core = not struct_rel.startswith(WEB_DIR + os.sep)
            if in_core and rel != CORE_FILE:
                problems.append(f"{where}: {type_name} is a LumbarCore type; its MustacheParent conformance belongs in {CORE_FILE}")
            if not in_core and os.path.abspath(struct_path) != os.path.abspath(path):
                problems.append(f"{where}: {type_name}'s MustacheParent conformance must be written in {struct_rel}, beside the struct")
            for name, offset, lazy in stored_properties(struct_clean, struct_block):
                if name == parameter:
                    problems.append(f"{struct_rel}:{line_of(struct_text, offset)}: {type_name}.{name} is hidden by child(named:)'s parameter of the same name")
                if lazy:
                    problems.append(f"{struct_rel}:{line_of(struct_text, offset)}: {type_name}.{name} is lazy; a page model holds plain values")
                elif name not in names:
                    problems.append(f"{struct_rel}:{line_of(struct_text, offset)}: {type_name}.{name} is stored but child(named:) has no case \"{name}\" "
                                    f"({rel}:{line_of(text, func.start)})")

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
