"""Products: Event + layout → pieces drawn on press Surfaces (badges, signs, cards, booklet)."""
