"""The checks' sentences on the screens (issue 13): every key of the station's catalogue has
a screen text, rendered through Qt's translator from key and parameters; its Bahasa is the
station's ``message_id`` and its English the station's ``message_en`` for the same
parameters, so the two never drift; a finding without a known key shows its stored words;
and the desk shows a finding, the grade and the next step in its own language."""

from __future__ import annotations

from datetime import date

import pytest

from station.birth_date import parse_birth_date
from station.checks import Finding, Severity
from station.checks.engine import advice_for
from station.checks.messages import CATALOGUE, check_params, render
from station.checks.rulesets import Referral
from station.desk_access import not_permitted
from station.errors import ErrorCode, StationError
from station.person import PersonError, validate_nik
from station.roles import Permission
from station.service import DeviceRole
from tests.station.test_messages import sample
from tests.ui.conftest import click, desk_app, identify_person, measure, sign_in
from ui.finding_texts import TEXTS, advice_text, error_text, message_text, worded_text
from ui.formatting import finding_line


def test_every_catalogue_key_has_a_screen_text_with_its_bahasa_template():
    assert set(TEXTS) == set(CATALOGUE)
    for key, text in TEXTS.items():
        assert (text.context, text.key) == ("findings", key)
        assert text.source == CATALOGUE[key].id, key


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_the_screens_render_each_key_as_the_station_words_it(key):
    params = check_params(key, sample(key))
    words = ("stored id", "stored en")
    assert message_text(key, params, words, "id") == render(key, params, "id")
    assert message_text(key, params, words, "en") == render(key, params, "en")


def test_a_finding_renders_from_its_key_and_one_without_a_key_shows_its_stored_words():
    keyed = Finding.of("spo2", Severity.CRITICAL, "spo2:below-90", "spo2.below_90", {"spo2": 85.0})
    assert worded_text(keyed, "id") == "SpO2 85%: sangat rendah (di bawah 90%). Segera rujuk."
    assert worded_text(keyed, "en") == "SpO2 85%: very low (below 90%). Refer urgently."
    assert finding_line(keyed, "en").endswith("] SpO2 85%: very low (below 90%). Refer urgently.")
    old = Finding("spo2", Severity.NOTICE, "x", "Kata lama.", "Old words.")
    assert worded_text(old, "id") == "Kata lama."
    assert worded_text(old, "en") == "Old words."
    unknown = Finding("spo2", Severity.NOTICE, "x", "Kata.", "Words.", key="gone.key")
    assert worded_text(unknown, "en") == "Words."


def _critical_visit(qtbot, window, desk):
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    for _ in range(3):
        cuff.queue_values(192.0, 118.0, 88.0)
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    identify_person(qtbot, window.identify_panel, "3174015507850002", "Siti Rahayu")
    measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, 1)
    return [window.findings_list.item(i).text() for i in range(window.findings_list.count())]


@pytest.mark.parametrize(
    ("language", "grade", "step"),
    [
        ("id", "Tekanan darah 192/118 mmHg: Hipertensi derajat 3.", "Tunggu sekitar 1 menit"),
        ("en", "Blood pressure 192/118 mmHg: Grade 3 hypertension.", "Wait about 1 minute"),
    ],
)
def test_the_desk_shows_the_grade_and_next_step_in_its_language(
    qtbot, make_settings, language, grade, step
):
    settings = make_settings(f'[station]\noperator_language = "{language}"\n')
    app = desk_app(settings, seed=11, pace_s=0.0)
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    try:
        sign_in(qtbot, app.operator)
        window = app.operator
        findings = _critical_visit(qtbot, window, app)
        assert any(line.endswith(grade) for line in findings), findings
        assert grade in window.result_label.text()
        assert step in window.next_step_label.text()
    finally:
        app.close()


@pytest.mark.parametrize("referral", list(Referral))
def test_the_advice_on_the_screens_is_the_station_advice_in_each_language(referral):
    worker, patient = advice_for(referral)
    for lang, index in (("id", 0), ("en", 1)):
        assert advice_text(referral, "health_worker", lang) == worker[index]
        assert advice_text(referral, "patient", lang) == patient[index]


def test_a_station_error_renders_from_its_key_and_one_without_a_key_shows_its_words():
    refused = not_permitted(Permission.CORRECTIONS)
    assert refused.key == "access.only_for"
    assert error_text(refused, "id") == refused.message_id == "Hanya untuk supervisor ke atas."
    assert error_text(refused, "en") == refused.message_en == "Only for a supervisor or above."
    plain = StationError(ErrorCode.NOT_NOW, "Kata.", "Words.")
    assert (error_text(plain, "id"), error_text(plain, "en")) == ("Kata.", "Words.")


def test_the_station_errors_render_from_their_keys_through_the_translator():
    with pytest.raises(PersonError) as nik:
        validate_nik("123")
    with pytest.raises(PersonError) as birth:
        parse_birth_date("31-04-1985", today=date(2026, 1, 1))
    for error in (nik.value, birth.value):
        assert error.key is not None
        assert error_text(error, "id") == error.message_id
        assert error_text(error, "en") == error.message_en
    assert error_text(birth.value, "en") == "There is no day 31: April 1985 has only 30 days."
    # Rendered from the key, not the words: words that differ are not what is shown.
    keyed = PersonError(
        "nik", "kata lain", "other words", key=nik.value.key, params=nik.value.params
    )
    assert error_text(keyed, "en") == "NIK must have 16 digits; 3 were entered."
