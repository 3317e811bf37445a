"""Who said what: direct quotes and reported speech in a parsed article, each with its speaker.

Direct quotes are found from the quotation marks of each paragraph (every
style of `marks.MARKS`: “ ” " " « » ‹ › „ “ ‘ ’ ‚ ‘ ' '), reported speech
from the dependency parse around reporting cues (`reported`, with the words
of data/reporting.yml). Speakers are resolved from the subject of the cue
(`speakers`); `extract` puts the steps together. Nothing here names a
person: who is who comes from the registry and the mentions.
"""
from .extract import QUOTE_COLUMNS, extract_quotes

__all__ = ["QUOTE_COLUMNS", "extract_quotes"]
