"""printkit: conference data (YAML, CSV, schedule exports) → print-ready PDFs."""

__version__ = "0.1.0"
