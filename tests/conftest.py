"""Fixtures shared by every test file: the repository root, the real gazetteer and the resources built from
it (once per session: the private jieba tokenizer takes about a second), and a tiny gazetteer written to a
temporary folder for the tests that must break or control the name data.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# `make test` installs the package; a bare `pytest` from another folder still finds it here.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402

# Examples are small, but the first call to a stage may build a cache (jieba's dictionary, the common
# characters used by the decoder): no per-example deadline, the example counts bound the runtime instead.
settings.register_profile("pipeline", deadline=None)
settings.load_profile("pipeline")

# Line numbers matter: test_gazetteer.py edits these files by line.
TINY_ENTITIES = """\
id,name_en,label,wikidata,prior,note
donald-trump,Donald Trump,PERSON,Q22686,95,President of the United States
vladimir-putin,Vladimir Putin,PERSON,Q7747,95,President of Russia
lebron-james,LeBron James,PERSON,Q36159,70,Basketball player
henry-james,Henry James,PERSON,Q170509,20,Novelist
"""
TINY_ALIASES = """\
id,alias,script,region,source
donald-trump,川普,Hant,tw,test
donald-trump,特朗普,Hans,cn,test
donald-trump,唐納·川普,Hant,tw,test
donald-trump,Donald Trump,Latn,any,test
vladimir-putin,普丁,Hant,tw,test
vladimir-putin,普京,Hans,cn,test
vladimir-putin,Vladimir Putin,Latn,any,test
lebron-james,詹姆斯,Hant,any,test
lebron-james,勒布朗·詹姆斯,Hant,tw,test
lebron-james,LeBron James,Latn,any,test
henry-james,詹姆斯,Hant,any,test
henry-james,亨利·詹姆斯,Hant,tw,test
henry-james,Henry James,Latn,any,test
"""


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def gazetteer():
    return pipeline.load_gazetteer()  # the real data in gazetteer/


@pytest.fixture(scope="session")
def resources(gazetteer):
    return pipeline.prepare(gazetteer)


@pytest.fixture
def tiny_gazetteer_dir(tmp_path: Path) -> Path:
    """Four people: Traditional, Simplified and English forms, a dotted name (唐納·川普), and 詹姆斯
    shared by LeBron James (prior 70) and Henry James (prior 20)."""
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "entities.csv").write_text(TINY_ENTITIES, encoding="utf-8")
    (folder / "aliases.csv").write_text(TINY_ALIASES, encoding="utf-8")
    return folder
