#!/usr/bin/env python3
"""Builds the realistic vocabularies (<lang>.tsv) of fedsim from the PyPI
package wordfreq (code MIT; its frequency data CC BY-SA 4.0, see README.md).

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && cd /tmp/wf && unzip -q *.whl
    python3 crates/fedsim/data/vocabulary/build.py /tmp/wf/wordfreq/data crates/fedsim/data/vocabulary

Each <lang>.tsv holds the N most frequent words of wordfreq's "large" list
(the "small" one for languages without a large list), most frequent first,
one a line: the word, a tab, and its frequency in centibels as wordfreq
stores it (the word's frequency is 10 ** (-cB / 100)), so fedsim samples
words by their real frequency. Tokens with digits or without letters are
dropped. No msgpack module is needed: the few msgpack types wordfreq's
files use are decoded below.
"""
import gzip
import os
import struct
import sys

LANGS = ["en", "fr", "de", "es", "it", "ru", "pt", "nl", "ja", "zh"]
N = 30000


def unpack(b: bytes, i: int):
    t = b[i]
    if t <= 0x7F:
        return t, i + 1
    if 0x80 <= t <= 0x8F:
        n, i = t & 0x0F, i + 1
        return _map(b, i, n)
    if 0x90 <= t <= 0x9F:
        return _array(b, i + 1, t & 0x0F)
    if 0xA0 <= t <= 0xBF:
        n = t & 0x1F
        return b[i + 1:i + 1 + n].decode("utf-8"), i + 1 + n
    if t == 0xC0:
        return None, i + 1
    if t in (0xC2, 0xC3):
        return t == 0xC3, i + 1
    if t == 0xD9:
        n = b[i + 1]
        return b[i + 2:i + 2 + n].decode("utf-8"), i + 2 + n
    if t == 0xDA:
        (n,) = struct.unpack(">H", b[i + 1:i + 3])
        return b[i + 3:i + 3 + n].decode("utf-8"), i + 3 + n
    if t == 0xDB:
        (n,) = struct.unpack(">I", b[i + 1:i + 5])
        return b[i + 5:i + 5 + n].decode("utf-8"), i + 5 + n
    if t == 0xDC:
        (n,) = struct.unpack(">H", b[i + 1:i + 3])
        return _array(b, i + 3, n)
    if t == 0xDD:
        (n,) = struct.unpack(">I", b[i + 1:i + 5])
        return _array(b, i + 5, n)
    if t == 0xDE:
        (n,) = struct.unpack(">H", b[i + 1:i + 3])
        return _map(b, i + 3, n)
    if t == 0xCC:
        return b[i + 1], i + 2
    if t == 0xCD:
        return struct.unpack(">H", b[i + 1:i + 3])[0], i + 3
    if t == 0xCE:
        return struct.unpack(">I", b[i + 1:i + 5])[0], i + 5
    if t >= 0xE0:
        return t - 0x100, i + 1
    raise ValueError(f"msgpack type {t:#x} at {i}")


def _array(b, i, n):
    out = []
    for _ in range(n):
        v, i = unpack(b, i)
        out.append(v)
    return out, i


def _map(b, i, n):
    out = {}
    for _ in range(n):
        k, i = unpack(b, i)
        v, i = unpack(b, i)
        out[k] = v
    return out, i


def keep(w: str) -> bool:
    return (w.strip() == w and w and not any(c.isdigit() for c in w)
            and any(c.isalpha() for c in w) and "\t" not in w)


def main(src: str, dst: str) -> None:
    for lang in LANGS:
        path = f"{src}/large_{lang}.msgpack.gz"
        if not os.path.exists(path):
            path = f"{src}/small_{lang}.msgpack.gz"
        data = gzip.open(path).read()
        cbpack, _ = unpack(data, 0)
        header, buckets = cbpack[0], cbpack[1:]
        assert header.get("format") == "cB", header
        rows = []
        for cb, words in enumerate(buckets):
            for w in words:
                if keep(w):
                    rows.append((w, cb))
            if len(rows) >= N:
                break
        with open(f"{dst}/{lang}.tsv", "w", encoding="utf-8") as out:
            out.write(f"# wordfreq 3.1.1 {os.path.basename(path)} (CC BY-SA 4.0), top {N}; see README.md\n")
            for w, cb in rows[:N]:
                out.write(f"{w}\t{cb}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
