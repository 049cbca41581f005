"""Tone of coverage toward an object (docs/tone.md): rules over lemmas, tense and negation.

clauses → sentences with lemmas and tense; objects → where the object is mentioned and in what
role; evidence → what each sentence says (events, trends of outcomes, refutations); judge → one
tone and `mixed` per (text, object); tagger → the registered `tone` tagger; baseline → the
word-list floor the method must beat.
"""
