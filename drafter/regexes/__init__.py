"""Regular-expression machinery shared by the reader and the lint rules.

``prefilter``: the literal strings every match of a pattern must contain, read off the parsed
pattern, so that a text without them is skipped without running the pattern.
``regex_cache``: compiled patterns kept between runs in the user's cache folder.
"""
