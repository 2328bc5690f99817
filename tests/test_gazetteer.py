"""gazetteer: the real data loads; a broken file fails at load with `FILE:LINE: reason`."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gazetteer import GazetteerError, load_gazetteer
from pipeline.normalise import fold_key


def test_gazetteer_real_data_loads(gazetteer):
    assert len(gazetteer.entities) >= 1000
    assert {a.id for a in gazetteer.aliases} == set(gazetteer.entities)  # every entity has a form
    scripts: dict[str, set[str]] = {}
    for alias in gazetteer.aliases:
        scripts.setdefault(alias.id, set()).add(alias.script)
    # nearly every entity has a Chinese and an English form; the English-only ones are names Chinese
    # outlets print in Latin letters (Axios, Instagram, 4chan, 7-Eleven): at most one in fifty
    without_chinese = [i for i, s in scripts.items() if not s & {"Hant", "Hans"}]
    without_english = [i for i, s in scripts.items() if "Latn" not in s]
    assert len(without_chinese) <= len(scripts) // 50, without_chinese
    assert len(without_english) <= len(scripts) // 100, without_english


@pytest.mark.parametrize(("form", "expected"), [
    ("川普", ("donald-trump",)),
    ("特朗普", ("donald-trump",)),
    ("唐納·川普", ("donald-trump",)),
    ("唐納．川普", ("donald-trump",)),
    ("唐納川普", ("donald-trump",)),  # a dotted form is also found printed without its dot
    ("普丁", ("vladimir-putin",)),
    ("普京", ("vladimir-putin",)),
    ("普亭", ("vladimir-putin",)),
    ("Vladimir Putin", ("vladimir-putin",)),
    ("VLADIMIR PUTIN", ("vladimir-putin",)),
    ("EmmanuelMacron", ("emmanuel-macron",)),  # scraped text that lost the space
    ("Rustem Umerov", ("rustem-umerov",)),
    ("史蒂文．張", ("steven-cheung",)),
    ("普通", ()),
])
def test_gazetteer_real_data_candidates(gazetteer, form, expected):
    assert gazetteer.candidates(fold_key(form)) == expected


def test_gazetteer_tiny_loads_with_ambiguous_alias_ranked_by_prior(tiny_gazetteer_dir):
    gazetteer = load_gazetteer(tiny_gazetteer_dir)
    assert sorted(gazetteer.entities) == ["donald-trump", "henry-james", "lebron-james", "vladimir-putin"]
    assert gazetteer.candidates(fold_key("詹姆斯")) == ("lebron-james", "henry-james")
    assert gazetteer.candidates(fold_key("亨利·詹姆斯")) == ("henry-james",)
    assert gazetteer.candidates(fold_key("Henry James")) == ("henry-james",)
    assert len(gazetteer.aliases) == 13


def _edit(path: Path, edits: tuple[tuple[int, str], ...]) -> None:
    """Replace whole lines (1-based, numbered as in the original file); a replacement may span lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, replacement in sorted(edits, reverse=True):
        lines[number - 1] = replacement
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(("file", "edits", "prefix", "reason"), [
    pytest.param("aliases.csv", ((4, 'donald-trump,"唐納·川普,Hant,tw,test'),),
                 "aliases.csv:4:", "unexpected end of data", id="unclosed-quote"),
    pytest.param("aliases.csv", ((7, "vladimir-putin,普京,Hans,cn"),),
                 "aliases.csv:7:", "4 columns, expected 5", id="too-few-columns"),
    pytest.param("entities.csv", ((3, "vladimir-putin,Vladimir Putin,PERSON,Q7747,95,President,of Russia"),),
                 "entities.csv:3:", "7 columns, expected 6", id="too-many-columns"),
    pytest.param("aliases.csv", ((6, "vladimir-poutine,普丁,Hant,tw,test"),),
                 "aliases.csv:6:", "unknown id 'vladimir-poutine'", id="unknown-id"),
    pytest.param("entities.csv", ((4, "lebron-james,LeBron James,ATHLETE,Q36159,70,Basketball player"),),
                 "entities.csv:4:", "unknown label 'ATHLETE'", id="unknown-label"),
    pytest.param("aliases.csv", ((8, "vladimir-putin,Vladimir Putin,Latin,any,test"),),
                 "aliases.csv:8:", "unknown script 'Latin'", id="unknown-script"),
    pytest.param("aliases.csv", ((3, "donald-trump,特朗普,Hans,us,test"),),
                 "aliases.csv:3:", "unknown region 'us'", id="unknown-region"),
    pytest.param("aliases.csv", ((9, "lebron-james,,Hant,any,test"),),
                 "aliases.csv:9:", "empty alias", id="empty-alias"),
    pytest.param("aliases.csv", ((9, "lebron-james,  ,Hant,any,test"),),
                 "aliases.csv:9:", "empty alias", id="blank-alias"),
    pytest.param("aliases.csv", ((12, "lebron-james,詹姆斯,Hant,any,test"),),
                 "aliases.csv:12:", "duplicate row", id="duplicate-row"),
    pytest.param("entities.csv", ((5, "lebron-james,LeBron James,PERSON,Q36159,70,Basketball player"),),
                 "entities.csv:5:", "duplicate id 'lebron-james'", id="duplicate-id"),
    pytest.param("entities.csv", ((2, "donald-trump,Donald Trump,PERSON,22686,95,President"),),
                 "entities.csv:2:", "not a QID", id="qid-without-q"),
    pytest.param("entities.csv", ((3, "vladimir-putin,Vladimir Putin,PERSON,Q07747,95,President"),),
                 "entities.csv:3:", "not a QID", id="qid-leading-zero"),
    pytest.param("entities.csv", ((3, "vladimir-putin,Vladimir Putin,PERSON,Q7747,high,President"),),
                 "entities.csv:3:", "not a number", id="bad-prior"),
    pytest.param("aliases.csv", ((5, "donald-trump,Donald 川普,Latn,any,test"),),
                 "aliases.csv:5:", "has Chinese characters but script Latn", id="latn-alias-with-han"),
    pytest.param("aliases.csv", ((2, "donald-trump,Trump,Hant,tw,test"),),
                 "aliases.csv:2:", "has no Chinese characters", id="hant-alias-without-han"),
    pytest.param("aliases.csv", ((1, "id,alias,script,region"),),
                 "aliases.csv:1:", "expected 'id,alias,script,region,source'", id="bad-header"),
    pytest.param("entities.csv", ((1, "id,label,name_en,wikidata,prior,note"),),
                 "entities.csv:1:", "expected 'id,name_en,label,wikidata,prior,note'", id="swapped-header"),
    # the line number is the file's line, counting blank lines and quoted fields that span two lines
    pytest.param("aliases.csv", ((2, "\ndonald-trump,川普,Hant,tw,test"), (6, "vladimir-putin,普丁,Hant,xx,test")),
                 "aliases.csv:7:", "unknown region 'xx'", id="after-blank-line"),
    pytest.param("entities.csv", ((3, 'vladimir-putin,Vladimir Putin,PERSON,Q7747,95,"President\nof Russia"'),
                                  (5, "henry-james,Henry James,AUTHOR,Q170509,20,Novelist")),
                 "entities.csv:6:", "unknown label 'AUTHOR'", id="after-multiline-field"),
])
def test_gazetteer_error_names_file_and_line(tiny_gazetteer_dir, file, edits, prefix, reason):
    _edit(tiny_gazetteer_dir / file, edits)
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(tiny_gazetteer_dir)
    message = str(caught.value)
    assert message.startswith(prefix + " "), message
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize(("missing", "expected"), [
    ("aliases.csv", "aliases.csv: file not found"),
    ("entities.csv", "entities.csv: file not found"),
])
def test_gazetteer_missing_file(tiny_gazetteer_dir, missing, expected):
    (tiny_gazetteer_dir / missing).unlink()
    with pytest.raises(GazetteerError, match=expected):
        load_gazetteer(tiny_gazetteer_dir)


def test_gazetteer_missing_folder(tmp_path):
    with pytest.raises(GazetteerError, match="gazetteer folder not found"):
        load_gazetteer(tmp_path / "nowhere")


def test_gazetteer_accepts_bom_and_crlf(tiny_gazetteer_dir):
    for name in ("entities.csv", "aliases.csv"):
        path = tiny_gazetteer_dir / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    gazetteer = load_gazetteer(tiny_gazetteer_dir)
    assert gazetteer.candidates(fold_key("川普")) == ("donald-trump",)
