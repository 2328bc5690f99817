"""Changing the gazetteer: reviewed suggestions and Wikidata exports merge in, and the result loads."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.curate import add_suggestions, import_wikidata, script_of
from pipeline.gazetteer import GazetteerError


def test_curate_add_suggestions(tiny_gazetteer_dir, tmp_path):
    suggestions = tmp_path / "alias_suggestions.csv"
    suggestions.write_text(
        "alias,name_en,entity_id,evidence,documents,count\n"
        "川普總統,Donald Trump,donald-trump,gloss,a,1\n"
        "柯瑞德,Fred Kirwan,fred-kirwan,gloss,a|b,3\n", encoding="utf-8")
    (tmp_path / "entities.csv").write_text(
        "entity_id,name_en,label,wikidata,zh_forms,en_forms,mentions,documents,in_gazetteer\n"
        "fred-kirwan,Fred Kirwan,PERSON,,柯瑞德,Fred Kirwan,3,2,False\n", encoding="utf-8")
    assert add_suggestions(suggestions, tiny_gazetteer_dir) == (1, 2)
    gazetteer = pipeline.load_gazetteer(tiny_gazetteer_dir)
    assert gazetteer.entities["fred-kirwan"].label == "PERSON"
    assert gazetteer.zh_keys["柯瑞德"] == ("fred-kirwan",)
    assert add_suggestions(suggestions, tiny_gazetteer_dir) == (0, 0)  # nothing twice


def test_curate_import_wikidata(tiny_gazetteer_dir, tmp_path):
    export = tmp_path / "wikidata.csv"
    export.write_text(
        "qid,name_en,type,zh_tw,zh_hk,zh_cn,zh_aliases,en_aliases\n"
        "http://www.wikidata.org/entity/Q6279,Joe Biden,PERSON,拜登,拜登,拜登,喬·拜登|乔·拜登,Biden\n"
        "Q7747,Vladimir Putin,PERSON,普亭,普京,普京,,Putin\n", encoding="utf-8")
    added_entities, added_aliases = import_wikidata(export, tiny_gazetteer_dir)
    assert added_entities == 1
    gazetteer = pipeline.load_gazetteer(tiny_gazetteer_dir)
    assert gazetteer.zh_keys["乔·拜登"] == ("joe-biden",)
    assert gazetteer.zh_keys["普亭"] == ("vladimir-putin",)  # joined to the existing entity by its QID
    assert gazetteer.entities["joe-biden"].wikidata == "Q6279"


def test_curate_import_rejects_bad_rows(tiny_gazetteer_dir, tmp_path):
    export = tmp_path / "wikidata.csv"
    export.write_text("qid,name_en,type,zh_tw,zh_hk,zh_cn,zh_aliases,en_aliases\nnot-a-qid,X,PERSON,,,,,\n",
                      encoding="utf-8")
    before = (tiny_gazetteer_dir / "aliases.csv").read_bytes()
    with pytest.raises(GazetteerError, match="wikidata.csv:2:"):
        import_wikidata(export, tiny_gazetteer_dir)
    assert (tiny_gazetteer_dir / "aliases.csv").read_bytes() == before


@pytest.mark.parametrize(("alias", "script"), [("川普", "Hant"), ("澤倫斯基", "Hant"), ("泽连斯基", "Hans"),
                                                ("Trump", "Latn")])
def test_curate_script_of(alias, script):
    assert script_of(alias) == script
