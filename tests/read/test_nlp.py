from newsgraph.read.nlp import load_nlp


def test_a_line_break_ends_a_sentence() -> None:
    doc = load_nlp()("Sanctions\nThe United States condemned the deal.\nIt said no more")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Sanctions", "The United States condemned the deal.", "It said no more"]


def test_the_pipeline_is_loaded_once_per_process() -> None:
    assert load_nlp() is load_nlp()
