"""The programme booklet: layout schema (layout), blocks (sections, parts), pagination (flow, glance), drawing (pages), CLI wiring (command)."""
