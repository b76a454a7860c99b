"""Hybrid Lab: the low frequencies of one picture plus the high frequencies of another (Oliva,
Torralba & Schyns 2006) — one image from close up, another from the back of the room."""
