"""The texts of speaking aloud (issue 13) on the desk, in Bahasa Indonesia and English.

Bahasa sources marked for Qt's translator as in ``ui.texts`` (the English in
``ui/i18n/vitals_en.ts``). What is *said* to the person is built in ``station.spoken``.
"""

from __future__ import annotations

from ui.translations import Language, Text, translate, translated

__all__ = ["SPEECH_TEXTS", "tr"]

SPEECH_TEXTS: dict[str, Text] = {
    "speech_repeat": translate("speech", "Ulangi suara", "speech_repeat"),
    "speech_repeat_tip": translate(
        "speech", "Ucapkan lagi panggilan atau hasil terakhir di layar pasien.", "speech_repeat_tip"
    ),
    "speech_off": translate("speech", "Suara mati", "speech_off"),
    "speech_no_engine": translate(
        "speech",
        "Suara mati: komputer ini tidak punya mesin suara (Linux: pasang espeak-ng). Stasiun "
        "tetap berjalan tanpa suara.",
        "speech_no_engine",
    ),
    "speech_no_player": translate(
        "speech",
        "Suara mati: komputer ini tidak punya pemutar suara (paplay, pw-play atau aplay). Stasiun "
        "tetap berjalan tanpa suara.",
        "speech_no_player",
    ),
}


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return translated(SPEECH_TEXTS[key], lang).format(**values)
