"""newsgraph: news in, evidence out (actors, events, quotes, claims, times, places, findings)."""

from newsgraph.model import SCHEMA, Analysis, Article

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Analysis", "Article", "__version__"]
