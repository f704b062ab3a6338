"""deid: de-identify free-text testimonials before they are published."""

__version__ = "0.1.0"
