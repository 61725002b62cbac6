"""The typed environment helpers every setting goes through (config/env.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str, require

VAR = "VERSUS_TEST_VARIABLE"


@pytest.fixture(autouse=True)
def _unset(monkeypatch):
    monkeypatch.delenv(VAR, raising=False)


# --- env_bool ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["1", "true", "yes", "on", "True", "YES", " on ", "TRUE\n"]
)
def test_env_bool_reads_the_usual_spellings_of_true(monkeypatch, raw):
    monkeypatch.setenv(VAR, raw)

    assert env_bool(VAR, default=False) is True


@pytest.mark.parametrize("raw", ["0", "false", "no", "off", "False", " OFF ", ""])
def test_env_bool_reads_the_usual_spellings_of_false(monkeypatch, raw):
    monkeypatch.setenv(VAR, raw)

    assert env_bool(VAR, default=True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_falls_back_on_its_default_when_the_variable_is_unset(default):
    assert env_bool(VAR, default=default) is default


@pytest.mark.parametrize("raw", ["maybe", "2", "oui", "y", "tru"])
def test_env_bool_refuses_anything_else_naming_the_variable_and_value(monkeypatch, raw):
    monkeypatch.setenv(VAR, raw)

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env_bool(VAR)

    assert VAR in str(excinfo.value)
    assert repr(raw) in str(excinfo.value)


# --- env_int ----------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("42", 42), (" 7 ", 7), ("-3", -3)])
def test_env_int_parses_integers(monkeypatch, raw, expected):
    monkeypatch.setenv(VAR, raw)

    assert env_int(VAR, 0) == expected


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_env_int_uses_its_default_when_unset_or_blank(monkeypatch, raw):
    if raw is not None:
        monkeypatch.setenv(VAR, raw)

    assert env_int(VAR, 31536000) == 31536000


@pytest.mark.parametrize("raw", ["sixty", "1.5", "60s", "1e3"])
def test_env_int_refuses_non_integers_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv(VAR, raw)

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env_int(VAR, 60)

    assert VAR in str(excinfo.value)
    assert repr(raw) in str(excinfo.value)


# --- env_list and env_str ---------------------------------------------------------


def test_env_list_splits_on_commas_strips_and_drops_empty_items(monkeypatch):
    monkeypatch.setenv(VAR, " versus.example ,www.versus.example,, , [::1] ,")

    assert env_list(VAR) == ["versus.example", "www.versus.example", "[::1]"]


def test_env_list_splits_its_default_when_the_variable_is_unset():
    assert env_list(VAR, "localhost, 127.0.0.1") == ["localhost", "127.0.0.1"]


def test_env_list_of_an_unset_variable_without_default_is_empty():
    assert env_list(VAR) == []


def test_env_str_strips_surrounding_whitespace(monkeypatch):
    monkeypatch.setenv(VAR, "  brevo\n")

    assert env_str(VAR, "default") == "brevo"


# --- require ----------------------------------------------------------------------

REQUIRED = ["VERSUS_TEST_A", "VERSUS_TEST_B", "VERSUS_TEST_C"]


@pytest.fixture
def required_unset(monkeypatch):
    for name in REQUIRED:
        monkeypatch.delenv(name, raising=False)


def test_require_names_every_missing_variable_at_once(monkeypatch, required_unset):
    monkeypatch.setenv("VERSUS_TEST_B", "set")

    with pytest.raises(ImproperlyConfigured) as excinfo:
        require(REQUIRED)

    message = str(excinfo.value)
    assert "VERSUS_TEST_A" in message
    assert "VERSUS_TEST_C" in message
    assert "VERSUS_TEST_B" not in message


def test_require_treats_a_blank_variable_as_missing(monkeypatch, required_unset):
    for name in REQUIRED:
        monkeypatch.setenv(name, "set")
    monkeypatch.setenv("VERSUS_TEST_C", "   ")

    with pytest.raises(ImproperlyConfigured, match="VERSUS_TEST_C"):
        require(REQUIRED)


def test_require_passes_when_every_variable_is_set(monkeypatch, required_unset):
    for name in REQUIRED:
        monkeypatch.setenv(name, "set")

    require(REQUIRED)  # does not raise
