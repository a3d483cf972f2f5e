"""Badges: layout schema (layout), pure boxes (geometry), people and order (people), drawing (draw), CLI wiring (command)."""
