"""Decodes Lumbar's QR codes with a real reader (zxing-cpp) to prove the encoder right.

Usage: python3 checks/qr_decode.py /path/to/qrtool [count]
qrtool is LumbarCore's QR files compiled with a small main that reads "<level>[mask] <hex>" lines (M, or M5 to
force mask 5) and prints "<version> <mask> <size> <rows of 0 and 1, comma-separated>"; build it with
  swiftc -O -module-name QRTool -o /tmp/qrtool Sources/LumbarCore/Accounts/QR*.swift checks/qr_tool/main.swift Every level, every version 1-40 at its exact
capacity and one byte over, and `count` random texts of 1-300 characters (ASCII and not) must decode to their bytes.
"""
import random
import subprocess
import sys

import zxingcpp
from PIL import Image

LEVELS = "LMQH"
# Byte-mode capacities from ISO/IEC 18004 table 7, for the versions it lists most often.
CAPACITY = {("L", 1): 17, ("M", 1): 14, ("Q", 1): 11, ("H", 1): 7, ("M", 10): 213, ("L", 40): 2953,
            ("M", 40): 2331, ("Q", 40): 1663, ("H", 40): 1273}


def image(rows, scale=4, quiet=4):
    side = len(rows) + 2 * quiet
    light = b"\xff" * quiet
    data = b"\xff" * side * quiet + b"".join(light + bytes(0 if m == "1" else 255 for m in row) + light for row in rows) + b"\xff" * side * quiet
    return Image.frombytes("L", (side, side), data).resize((side * scale, side * scale), Image.NEAREST)


def encode_all(tool, cases):
    lines = "".join(f"{level} {data.hex()}\n" for level, data in cases)
    out = subprocess.run([tool], input=lines, capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(cases), (len(out), len(cases))
    return out


def decoded_bytes(rows):
    results = zxingcpp.read_barcodes(image(rows), formats=zxingcpp.BarcodeFormat.QRCode)
    return results[0].bytes if results else None


def random_text(rng):
    alphabet = ["a", "Z", "0", " ", ":", "/", "?", "=", "&", "%", "é", "ü", "ñ", "中", "文", "😀", "ß", "€", "\u0301"]
    return "".join(rng.choice(alphabet) if rng.random() < 0.3 else chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 300)))


def main():
    tool = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(18)
    cases = [(level, random_text(rng).encode()) for level in LEVELS for _ in range(count // 4)]
    # Every version at every level: find each one's capacity by binary search on the length (all searches in step,
    # one run of the tool per step), then check it decodes full and that one more byte takes the next version.
    searches = {(level, version): (0, 2954) for level in LEVELS for version in range(1, 41)}
    while any(high - low > 1 for low, high in searches.values()):
        keys = list(searches)
        probes = [(key[0], bytes(rng.randrange(256) for _ in range((searches[key][0] + searches[key][1]) // 2))) for key in keys]
        for key, (_, data), line in zip(keys, probes, encode_all(tool, probes)):
            low, high = searches[key]
            if high - low <= 1:
                continue
            fits = not line.startswith("error") and int(line.split()[0]) <= key[1]
            searches[key] = (len(data), high) if fits else (low, len(data))
    capacities = {key: low for key, (low, _) in searches.items()}
    for key, expected in CAPACITY.items():
        assert capacities[key] == expected, f"capacity {key}: {capacities[key]} != {expected}"
    assert all(capacities[(level, v)] < capacities[(level, v + 1)] for level in LEVELS for v in range(1, 40))
    grown = [(level, bytes(n + 1)) for (level, version), n in capacities.items() if version < 40]
    for (level, data), line in zip(grown, encode_all(tool, grown)):
        assert capacities[(level, int(line.split()[0]) - 1)] == len(data) - 1, "one byte more takes the next version"
    for (level, _), n in capacities.items():
        cases.append((level, bytes(rng.randrange(256) for _ in range(n))))
    cases += [(f"{level}{mask}", random_text(rng).encode()) for level in LEVELS for mask in range(8)]
    failures = 0
    versions = set()
    for (level, data), line in zip(cases, encode_all(tool, cases)):
        version, mask, size, rows = line.split()
        rows = rows.split(",")
        versions.add(int(version))
        assert len(rows) == int(size) == 17 + 4 * int(version)
        got = decoded_bytes(rows)
        if got != data:
            failures += 1
            print(f"FAIL level {level} version {version} mask {mask} length {len(data)}: {got!r:.60} != {data!r:.60}")
    print(f"{len(cases)} codes, versions {min(versions)}-{max(versions)}, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
