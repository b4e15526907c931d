"""run_reader: loads the config, remembers state, passes --no-mouse through to Textual."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from quoth.tui import app as app_module


@pytest.fixture
def captured_run(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace App.run: record the app and the arguments instead of taking the terminal."""
    seen: dict[str, Any] = {}

    def fake_run(self: Any, **kwargs: Any) -> int:
        seen["app"], seen["kwargs"] = self, kwargs
        return 0

    monkeypatch.setattr(app_module.QuothApp, "run", fake_run)
    return seen


@pytest.mark.parametrize("mouse", [True, False])
def test_mouse_flag_reaches_textual(
    corpus_path: Path, captured_run: dict[str, Any], mouse: bool
) -> None:
    assert app_module.run_reader(corpus_path, mouse=mouse) == 0
    assert captured_run["kwargs"]["mouse"] is mouse


def test_config_file_is_applied(
    corpus_path: Path, captured_run: dict[str, Any], tmp_path: Path
) -> None:
    config = Path(str(tmp_path / "config" / "config.toml"))
    config.parent.mkdir()
    config.write_text(
        'theme = "nord"\nanimations = true\n[layout]\nside_panel = false\n'
        '[keys]\n"quoth.copy.quote" = "c"\n"quoth.bogus" = "x"\n'
    )
    app_module.run_reader(corpus_path)
    app = captured_run["app"]
    assert app.theme == "nord" and app.animation_level == "full"
    assert app.side_panel_at_start is False
    assert app._keymap == {"quoth.copy.quote": "c"}
    assert any("quoth.bogus" in problem for problem in app.setting_problems)
    assert app.state_file == tmp_path / "state" / "state.json"


def test_no_config_means_defaults_and_no_animation(
    corpus_path: Path, captured_run: dict[str, Any]
) -> None:
    app_module.run_reader(corpus_path)
    app = captured_run["app"]
    assert app.animation_level == "none" and app.setting_problems == []
    assert app.theme == "textual-dark"  # TERM=xterm-256color (conftest)
