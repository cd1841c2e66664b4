"""mouextract: grounded facts from agreement press releases.

>>> import mouextract
>>> result = mouextract.extract("Alpha Bio signed an MOU with Beta University on March 3, 2025.")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from .extractor import Extractor
    from .models import Extraction

_default: dict[str, Extractor] = {}


def __getattr__(name: str) -> object:
    # Lazy: importing the package (and so `mouextract --help`) must not import spaCy.
    if name == "Extractor":
        from .extractor import Extractor

        return Extractor
    raise AttributeError(name)


def extract(text: str, *, reference_date: str | None = None, model: str | None = None) -> Extraction:
    """Extract every fact from one article's text (the pipeline is loaded once and cached)."""
    from .extractor import Extractor
    from .pipeline import model_name

    name = model_name(model)
    if name not in _default:
        _default[name] = Extractor(name)
    return _default[name].extract(text, reference_date=reference_date)
