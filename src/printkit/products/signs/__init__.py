"""Room day signs and door signs: layout schema (layout), pagination (plan), drawing (room, door), CLI wiring (command)."""
