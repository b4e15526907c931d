"""The settings file: defaults, every setting, and mistakes that name their line."""

from __future__ import annotations

from pathlib import Path

from quoth.corpus.config import Config, Layout, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_silently(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.toml") == (Config(), [])


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
theme = "textual-light"
corpus = "~/news.db"
animations = true
[layout]
side_panel = false
list_width = 30
panel_width = 50
[keys]
"quoth.quit" = "ctrl+q"
""",
    )
    config, problems = load_config(path)
    assert problems == []
    assert config == Config(
        theme="textual-light",
        corpus="~/news.db",
        animations=True,
        layout=Layout(side_panel=False, list_width=30, panel_width=50),
        keys={"quoth.quit": "ctrl+q"},
    )


def test_syntax_error_names_the_line_and_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "x"\n\nlist_width = \n')
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1 and "line 3" in problems[0] and str(path) in problems[0]


def test_wrong_types_name_the_line_and_keep_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "x"\n[layout]\nlist_width = "wide"\nside_panel = 1\n')
    config, problems = load_config(path)
    assert config.theme == "x" and config.layout == Layout()
    assert any("line 3" in p and "list_width" in p for p in problems)
    assert any("line 4" in p and "side_panel" in p for p in problems)


def test_unknown_settings_are_reported_not_fatal(tmp_path: Path) -> None:
    config, problems = load_config(write(tmp_path, 'colour = "red"\n'))
    assert config == Config() and "unknown setting 'colour'" in problems[0]


def test_effective_settings_round_trip_through_toml(tmp_path: Path) -> None:
    original = Config(theme='odd "name"', keys={"quoth.help": "f1"})
    reread, problems = load_config(write(tmp_path, original.as_toml()))
    assert problems == [] and reread == original
