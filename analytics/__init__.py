"""Stance and entity analytics for news coverage: pure functions from texts to pandas tables.

Modules, named after what they compute: ``corpus`` (reading articles),
``actors`` (the actor registry), ``mentions``, ``cooccurrence``, ``quotes``,
``stance``, ``parse`` (model, parse cache), ``pipeline`` (one article's
analysis, the table shapes), ``engines`` (where chunks run), ``build`` (a
corpus to its tables),
``export`` (safe CSV in and out), ``evaluate`` (scores against a gold set).
Nothing here imports Streamlit.
"""
