"""Knowledge-graph builder for Russian-language news about international partnership."""

__version__ = "0.1.0"
