"""Choosing a font that really has Chinese glyphs, on whatever machine the map is made.

A font without CJK glyphs draws 完整居住社区 as empty boxes ("tofu") in an exported layout. Planners'
machines have different CJK fonts (Windows: Microsoft YaHei, SimHei; macOS: PingFang SC; Linux: Noto
Sans CJK, WenQuanYi), so the family is chosen at run time from those installed.
"""

from qgis.PyQt.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics

# In order of preference: the usual sans-serif CJK font of each platform first.
CJK_FONT_FAMILIES = (
    "Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "Noto Sans SC",
)
# Checked in every chosen font besides the caller's text: legend and labels are Chinese even when the
# title is not (an English interface still shows Chinese community names).
CJK_PROBE_TEXT = "完整居住社区达标数据不足"


def installed_family(name):
    """The installed family called `name` (as the font database spells it), or None.

    In a Chinese locale the font database lists families by their Chinese names (WenQuanYi Micro Hei is
    文泉驿微米黑 there), so a name not listed is also resolved through fontconfig: the family it resolves to
    counts when it is installed (the caller still checks it draws Chinese)."""
    wanted = name.lower()
    families = QFontDatabase().families()
    exact = next((family for family in families if family.lower() == wanted), None)
    if exact is not None:
        return exact
    resolved = QFontInfo(QFont(name)).family()
    return resolved if resolved in families else None


def font_covers_text(family, text):
    """Whether `family` itself has a glyph for every visible character of `text`.

    Font merging is switched off for the check: with it, Qt answers yes for any font as soon as some
    other installed font has the glyph, which is exactly the case that ends as boxes elsewhere.
    """
    font = QFont(family)
    font.setStyleStrategy(QFont.NoFontMerging)
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(character)) for character in text if not character.isspace())


def choose_cjk_font_family(text="", candidates=CJK_FONT_FAMILIES):
    """The first installed family of `candidates` that draws `text` and the probe text; None if none does."""
    for candidate in candidates:
        family = installed_family(candidate)
        if family is not None and font_covers_text(family, text + CJK_PROBE_TEXT):
            return family
    return None
