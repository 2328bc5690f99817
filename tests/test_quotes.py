"""Quotations and speakers: one pattern per case, the never-raise property, the seed's quotes."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.quotes import scan_marks

SEED = (Path(__file__).parent.parent / "corpus" / "000_bd3631d84e938dc4.txt").read_text(encoding="utf-8")


def quotes_of(text: str, gazetteer) -> list[tuple[str, str, str]]:
    table = pipeline.extract_text(text, gazetteer=gazetteer).quotes
    return [(r.text[:8], r.speaker_en, r.kind) for r in table.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cue before, colon
        ("川普表示：「我們會贏得這場談判。」", [("我們會贏得這場談", "Donald Trump", "direct")]),
        # cue after the closing mark
        ("「這是歷史性的一天。」普京說。", [("這是歷史性的一天", "Vladimir Putin", "direct")]),
        # pronoun resolved to the last person named
        ("普京昨天抵達。他說：「我們準備好了。」", [("我們準備好了。", "Vladimir Putin", "direct")]),
        # the person spoken to is not the speaker
        ("魏科夫向鄂夏柯夫說：「我們做了一份方案。」", [("我們做了一份方案", "Steve Witkoff", "direct")]),
        # a fragment governed by a reporting verb
        ("川普認為談判「已經只剩少數分歧」。", [("已經只剩少數分歧", "Donald Trump", "fragment")]),
        # a clause with no subject takes the subject of the clause before it
        ("拉夫羅夫25日重提川普和普京的峰會，表示多項內容需要「再釐清」。", [("再釐清", "Sergey Lavrov", "fragment")]),
        ("川普詢問皮查伊的看法，皮查伊沒有正面回應，只說這是「很棒的起步」。", [("很棒的起步", "Sundar Pichai", "fragment")]),
        # ... and a pronoun subject passes it on
        ("貝肯長期批評川普，他則表示魏科夫明顯「偏向俄羅斯」，他寫道：「他應該被開除。」",
         [("偏向俄羅斯", "Don Bacon", "fragment"), ("他應該被開除。", "Don Bacon", "direct")]),
        # scare quotes are not speech
        ("川普稱他為「殺手」，並稱他為「無人機先生」。", []),
        ("這份被外界抨擊的「基輔投降書」引發爭議。", []),
        # a name in quotation marks is not speech
        ("川普在社群平台「Truth Social」上宣布。", []),
        # English, cue after, and a pronoun
        ('"We put a plan together," Witkoff said.', [("We put a", "Steve Witkoff", "direct")]),
        ('Putin arrived late. "We are ready to talk about peace," he said.', [("We are r", "Vladimir Putin", "direct")]),
        # a quotation over two paragraphs: the second paragraph reopens the mark
        ("馬克宏說：「第一段話，\n「第二段話。」", [("第一段話，\n「第", "Emmanuel Macron", "direct")]),
        # an unnamed source keeps its words in speaker_text and no entity
        ("一名美方官員說：「談判進展良好。」", [("談判進展良好。", "", "direct")]),
        # an organisation, a seat of power or a capital speaks for its people
        ("白宮在聲明中表示：「總統將繼續推動和平。」", [("總統將繼續推動和", "White House", "direct")]),
        ("北京週二回應稱：「台灣問題是中國內政。」", [("台灣問題是中國內", "Beijing", "direct")]),
        # ... but a place inside the clause does not (the commitment is the US's, the words Yermak's)
        ("葉爾馬克表示，新草案中的美國安全承諾將具備「法律約束力」。", [("法律約束力", "Andriy Yermak", "fragment")]),
        # a where-phrase between the name and a trailing verb, and a verb jieba glued to it (中說)
        ("「我們不會放棄。」澤倫斯基在影片中說。", [("我們不會放棄。", "Volodymyr Zelenskyy", "direct")]),
    ],
)
def test_quotes_patterns(gazetteer, text, expected):
    assert quotes_of(text, gazetteer) == expected


@pytest.mark.parametrize(("text", "speaker_text"), [
    ("一名美方官員說：「談判進展良好。」", "一名美方官員"),
    ("據路透社報導，一名不願具名的官員說：「談判已經破裂。」", "一名不願具名的官員"),
    ("他在接受訪問時說：「我不會辭職。」", "他"),  # a pronoun with nobody named before it
])
def test_quotes_unnamed_speaker_text(gazetteer, text, speaker_text):
    table = pipeline.extract_text(text, gazetteer=gazetteer).quotes
    assert [(r.speaker_id, r.speaker_text) for r in table.itertuples()] == [("", speaker_text)]


def test_quotes_post_with_handle(gazetteer):
    text = ("烏梅洛夫在X上寫道：「代表團達成共識。」\n"
            "Our delegations reached a common understanding on the core terms.\n"
            "— Rustem Umerov (@rustem_umerov)November 25, 2025\n")
    table = pipeline.extract_text(text, gazetteer=gazetteer).quotes
    posts = [(r.text[:4], r.speaker_en, r.kind) for r in table.itertuples() if r.kind == "post"]
    assert posts == [("Our ", "Rustem Umerov", "post")]


@pytest.mark.parametrize(
    ("text", "marks", "problems"),
    [
        ("他說「好」。", [(3, 4)], []),
        ("他說「外『內』外」。", [(3, 8)], []),
        ("他說「沒有結束", [(3, 7)], ["unclosed_quote"]),
        ("他說」多餘", [], ["unpaired_quote"]),
        ("「第一段\n「第二段」", [(1, 9)], []),
        ("「第一段\n第二段", [(1, 4)], ["unclosed_quote"]),
    ],
)
def test_quotes_scan_marks(text, marks, problems):
    found, trouble = scan_marks(text)
    assert [(m.start, m.end) for m in found] == marks
    assert [kind for _, kind, _ in trouble] == problems


QUOTE_CHARS = st.sampled_from(list("「」『』“”\"'（）：，。\n 他說川普表示We said"))


@settings(max_examples=150)
@given(st.lists(st.one_of(QUOTE_CHARS, st.text(max_size=4)), max_size=40).map("".join))
def test_quotes_never_raise_and_slice_back(gazetteer, text):
    tables = pipeline.extract_text(text, gazetteer=gazetteer)
    assert set(tables.documents["status"]) <= {"ok", "empty"}
    for row in tables.quotes.itertuples():
        assert text[row.start:row.end] == row.text


@pytest.fixture(scope="module")
def seed_quotes(gazetteer):
    return pipeline.extract_text(SEED, doc_id="seed", gazetteer=gazetteer).quotes


@pytest.mark.parametrize(
    ("start", "speaker"),
    [("我們想要和平", "Emmanuel Macron"), ("如果我們之前建立的核心共識", "Sergey Lavrov"),
     ("他不適合領導這項談判", "Don Bacon"), ("For those who oppose", "Don Bacon"),
     ("我會非正式地轉達", "Kirill Dmitriev"), ("這篇報導證明了一件事", "Steven Cheung"),
     ("川普總統讚賞德里斯科部長", "Anna Kelly"), ("還有一些敏感", "Karoline Leavitt"),
     ("Over the past week", "Karoline Leavitt"), ("我們的代表團在日內瓦", "Rustem Umerov"),
     ("We appreciate the productive", "Rustem Umerov"), ("我認為這是川普總統和美國", "Andriy Yermak"),
     ("他必須說服烏克蘭", "Donald Trump"), ("我知道要達成和平協議", "Steve Witkoff"),
     ("我們做了一份20點的", "Steve Witkoff"), ("We put a 20-point Trump plan", "Steve Witkoff"),
     ("I know what it", "Steve Witkoff")],
)
def test_quotes_seed_speakers(seed_quotes, start, speaker):
    found = [r.speaker_en for r in seed_quotes.itertuples() if r.text.startswith(start)]
    assert found == [speaker]


def test_quotes_seed_translation_pair(seed_quotes):
    by_id = {r.quote_id: r for r in seed_quotes.itertuples()}
    chinese = next(r for r in seed_quotes.itertuples() if r.text.startswith("我們做了一份20點的"))
    english = by_id[chinese.translation_of]
    assert english.text.startswith("We put a 20-point Trump plan")
    assert english.translation_of == chinese.quote_id
