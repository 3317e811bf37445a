"""Charts drawn twice, one for wide screens and one for phones, the browser showing the one that fits.

The server never knows the width of the screen, so a page puts the wide chart in `wide()` and a
narrow layout (a ranked list, a short table) in `narrow()`; a CSS media query hides the other.
"""
import streamlit as st

NARROW_MAX_PX = 640  # screens up to this width (phones) get the narrow layouts
NARROW_ROWS = 15  # rows of a ranked list on a phone


def responsive_css() -> None:
    """The media query that shows each page's wide or narrow layout (once per run, before either)."""
    st.html(f"<style>[class*='st-key-narrow-']{{display:none}}"
            f"@media (max-width:{NARROW_MAX_PX}px){{[class*='st-key-wide-']{{display:none}}"
            f"[class*='st-key-narrow-']{{display:block}}}}</style>")


def wide(name: str):
    """A container shown on screens wider than `NARROW_MAX_PX`."""
    return st.container(key=f"wide-{name}")


def narrow(name: str):
    """A container shown on screens up to `NARROW_MAX_PX` wide."""
    return st.container(key=f"narrow-{name}")
