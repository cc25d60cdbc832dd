"""Which characters count as CJK, for the typography convention (spaces between CJK and Latin/digits).

One definition shared by the renderers (spacing around inline values) and the checks (the ZH-SPACE rules)."""

from __future__ import annotations

# Han ideographs (with extensions, compatibility ideographs and radicals), kana, bopomofo and Hangul.
CJK_RANGES = (
    (0x2E80, 0x2FDF), (0x3040, 0x30FF), (0x3100, 0x312F), (0x31A0, 0x31FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x20000, 0x3134F),
)
CJK_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_RANGES)


def is_cjk(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)
