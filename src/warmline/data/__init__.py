"""Readers for the research datasets warmline trains and evaluates on."""

from warmline.data._esconv import DEFAULT_DATA_DIR, data_dir, read_esconv

__all__ = ["DEFAULT_DATA_DIR", "data_dir", "read_esconv"]
