"""Scores Multi-News briefs side by side with Lead-3, LexRank and TextRank using the
rouge-score package (ROUGE-1/2/L F, no stemming, as corroborate's own implementation),
on the JSON Lines that `corroborate eval multinews --write-summaries FILE` writes.

LexRank and TextRank come from sumy, given the cluster's articles joined, and asked for
as many sentences as the brief has (at least 3). Sentences are split with a plain
regular expression, so no tokenizer data has to be downloaded.

Usage: python summaries.py SUMMARIES_JSONL
"""

import json
import re
import sys

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


class RegexTokenizer:
    """sumy's tokenizer interface without nltk data."""

    language = "english"
    _sentence = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
    _word = re.compile(r"[A-Za-z0-9']+")

    def to_sentences(self, paragraph):
        return [s.strip() for s in self._sentence.split(paragraph) if s.strip()]

    def to_words(self, sentence):
        return self._word.findall(sentence)


def sentences_of(text):
    return RegexTokenizer().to_sentences(text)


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf8") if line.strip()]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    stemmer = Stemmer("english")
    systems = {"corroborate brief": [], "Lead-3": [], "LexRank (sumy)": [], "TextRank (sumy)": []}
    for r in rows:
        n = max(3, len(sentences_of(r["brief"])))
        doc = PlaintextParser.from_string("\n\n".join(r["documents"]), RegexTokenizer()).document
        outputs = {}
        for name, cls in [("LexRank (sumy)", LexRankSummarizer), ("TextRank (sumy)", TextRankSummarizer)]:
            summarizer = cls(stemmer)
            summarizer.stop_words = get_stop_words("english")
            outputs[name] = " ".join(str(s) for s in summarizer(doc, n))
        outputs["corroborate brief"] = r["brief"]
        outputs["Lead-3"] = r["lead3"]
        for name, text in outputs.items():
            s = scorer.score(r["reference"], text)
            systems[name].append([s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure])
    print(f"summaries ({len(rows)} clusters; rouge-score, F, no stemming)   ROUGE-1 ROUGE-2 ROUGE-L")
    for name, scores in systems.items():
        mean = [sum(x[i] for x in scores) / len(scores) for i in range(3)]
        print(f"  {name:<48} {mean[0]:7.4f} {mean[1]:7.4f} {mean[2]:7.4f}")


if __name__ == "__main__":
    main()
