"""Host cue cards: layout schema (layout), session choice and text split (plan), drawing and CLI wiring (command)."""
