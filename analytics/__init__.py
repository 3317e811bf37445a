"""Stance and entity analytics for news coverage: pure functions from texts to pandas tables.

Modules, named after what they compute: ``corpus`` (reading articles),
``actors`` (the actor registry), ``mentions``, ``cooccurrence``, ``quotes``,
``stance``, ``pipeline`` (model, parse cache, the whole analysis),
``export`` (safe CSV in and out), ``evaluate`` (scores against a gold set).
Nothing here imports Streamlit.
"""
