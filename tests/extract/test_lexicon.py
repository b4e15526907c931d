from __future__ import annotations

from quoth.corpus.extract.lexicon import LEXICON_DIR, load, read_entries


def test_every_lexicon_file_has_entries():
    for path in LEXICON_DIR.glob("*.txt"):
        assert read_entries(path.stem), path.name


def test_comments_and_blank_lines_are_skipped():
    for entry in read_entries("cue_verbs"):
        assert not entry.startswith("#") and entry.strip() == entry


def test_inflections_map_to_their_lemma():
    lexicon = load()
    assert lexicon.cue_forms["said"] == "say"
    assert lexicon.cue_forms["told"] == "tell"
    assert "believe" not in lexicon.cue_forms and "provided" not in lexicon.cue_forms


def test_load_is_cached():
    assert load() is load()
